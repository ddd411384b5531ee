"""Who may do what: the one place views and templates ask.

Views load the object first (404 when it does not exist), then ask a predicate here
(403 when refused). Templates receive this module as `authz` and ask the same questions,
so a link is shown exactly when following it is allowed.
"""

from functools import wraps

from flask import abort, g, has_app_context
from flask_login import current_user
from sqlalchemy import and_, false, or_, select, true

from coalition.committees.models import (
    KIND_ADVISORY,
    KIND_STEERING,
    ROLE_CHAIR,
    Committee,
    CommitteeMembership,
)
from coalition.core.extensions import db, login_manager
from coalition.members.models import ROLE_COORDINATOR, Person
from coalition.web.i18n import _l

# Aggregate counts about people below this are shown as "fewer than 3" (DESIGN.md, section 4).
SMALLEST_SHOWN_COUNT = 3


def is_member(user):
    """Anyone logged in with an active account."""
    return bool(user and user.is_authenticated and user.is_active)


def is_coordinator(user):
    """Coordinators run the coalition and see everything."""
    return is_member(user) and user.role == ROLE_COORDINATOR


def can_manage_accounts(user):
    """Change roles, deactivate and reactivate accounts."""
    return is_coordinator(user)


def can_view_person(viewer, person):
    """Name and organization: coordinators, the person, the consenting directory, and
    fellow members of the viewer's committees (DESIGN.md, section 4)."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or viewer.id == person.id or person.directory_consent:
        return True
    return person.id in fellow_member_ids(viewer)


def _fellows_select(viewer):
    mine = select(CommitteeMembership.committee_id).where(
        CommitteeMembership.person_id == viewer.id
    )
    return select(CommitteeMembership.person_id).where(CommitteeMembership.committee_id.in_(mine))


def fellow_member_ids(viewer):
    """Ids of the people who share a committee with the viewer (one query per request)."""
    return _cached("fellows", viewer, lambda: set(db.session.scalars(_fellows_select(viewer))))


def visible_people_clause(viewer):
    """can_view_person as an SQL condition on Person, for lists, searches and exports."""
    if is_coordinator(viewer):
        return true()
    if not is_member(viewer):
        return false()
    return or_(
        Person.directory_consent.is_(True),
        Person.id == viewer.id,
        Person.id.in_(_fellows_select(viewer)),
    )


def shown_name(viewer, person):
    """The person's name where the viewer may see it (can_view_person), else a neutral
    phrase: what every list, pick list, export and email that names people writes."""
    if person is None:
        return _l("someone no longer in the coalition")
    return person.name if can_view_person(viewer, person) else _l("a coalition member")


def invitee_name(viewer, invitation):
    """A meeting invitee as the viewer may name them: an organization by its name, a person
    as shown_name does (the organizer's pages and files never name anyone else)."""
    if invitation.person_id is None:
        return invitation.organization.name
    return shown_name(viewer, invitation.person)


def by_invitee_name(viewer, invitations):
    """Invitations in the order of the names the viewer sees, so where someone unnamed sits
    in a list says nothing about their name."""
    return sorted(
        invitations, key=lambda invitation: str(invitee_name(viewer, invitation)).casefold()
    )


def visible_rosters_clause(viewer):
    """can_view_roster as an SQL condition on Committee: the committees whose members the
    viewer may list, so filters, pick lists and counts by committee name no one else."""
    if is_coordinator(viewer):
        return true()
    if not is_member(viewer):
        return false()
    mine = select(CommitteeMembership.committee_id).where(
        CommitteeMembership.person_id == viewer.id
    )
    return or_(
        Committee.id.in_(mine),
        and_(
            Committee.kind != KIND_ADVISORY,
            Committee.open_to_requests.is_(True),
            Committee.active.is_(True),
        ),
    )


def can_view_contact(viewer, person):
    """Email and phone: coordinators, the person, and members where the person consented."""
    if is_coordinator(viewer) or (is_member(viewer) and viewer.id == person.id):
        return True
    return can_view_person(viewer, person) and person.contact_consent


def can_view_sensitive(viewer, person):
    """Lived experience and access needs: coordinators and the person only."""
    return is_coordinator(viewer) or (is_member(viewer) and viewer.id == person.id)


def can_edit_person(viewer, person):
    """A person edits their own profile; coordinators edit anyone's."""
    return can_view_sensitive(viewer, person)


def can_create_person(user):
    """Add someone to the coalition's records."""
    return is_coordinator(user)


def can_export_sensitive(viewer, person):
    """Sensitive fields leave the app only for a coordinator, and only if the person agreed."""
    return is_coordinator(viewer) and person.sensitive_export_consent


def can_show_people_count(count):
    """A count of people is shown as a number only from 3 up, so no one is singled out."""
    return count >= SMALLEST_SHOWN_COUNT


# --- Organizations, recruitment, import and export -----------------------------------


def delegate_organization_ids(user):
    """Ids of the organizations a person speaks for (primary delegate or alternate)."""
    if not is_member(user):
        return set()
    return {a.organization_id for a in user.affiliations if a.speaks_for_organization}


def is_delegate_of(user, organization):
    """The person is the organization's primary delegate or an alternate (staff are not)."""
    return organization.id in delegate_organization_ids(user)


def can_view_organizations(user):
    """The organizations directory and profiles: every member."""
    return is_member(user)


def can_view_organization(viewer, organization):
    """One organization's profile: every member (invitees later see only its name)."""
    return can_view_organizations(viewer)


def can_edit_organization(viewer, organization):
    """Coordinators, and the organization's own delegates."""
    return is_coordinator(viewer) or is_delegate_of(viewer, organization)


def can_manage_organizations(user):
    """Add organizations; set their sectors, owner and follow-up; name their people."""
    return is_coordinator(user)


def can_move_stage(viewer, organization):
    """Coordinators, and the member who owns the relationship with the organization."""
    if is_coordinator(viewer):
        return True
    return is_member(viewer) and organization.owner_id == viewer.id


def can_view_recruitment(user):
    """The pipeline and the representation page: every member."""
    return is_member(user)


def can_manage_sectors(user):
    """Add, rename, retire sectors and set their targets."""
    return is_coordinator(user)


def can_import(user):
    """Bring people and organizations in from a spreadsheet."""
    return is_coordinator(user)


def can_export(user):
    """Download the list one sees (each row and field filtered as on the page)."""
    return is_member(user)


def can_view_directory(user):
    """The people list (what it shows is filtered by can_view_person)."""
    return is_member(user)


def can_view_timeline(user):
    """Timeline entries; entries linked to hidden sources are filtered by the timeline."""
    return is_member(user)


def can_view_workspace(user):
    """Committees, meetings and messaging areas (their objects add their own checks)."""
    return is_member(user)


def require(predicate):
    """View decorator: 403 unless predicate(current_user) holds.

    Anonymous visitors are sent to the login page instead, so an emailed link still works
    after logging in.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not predicate(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def get_or_404(model, object_id):
    """Load one object by primary key or answer 404."""
    obj = db.session.get(model, object_id)
    if obj is None:
        abort(404)
    return obj


def check(allowed):
    """Answer 403 unless allowed."""
    if not allowed:
        abort(403)


def load_and_check(model, object_id, predicate):
    """Load (404), then ask predicate(current_user, obj) (403); return the object."""
    obj = get_or_404(model, object_id)
    check(predicate(current_user, obj))
    return obj


def can_invite(viewer, person):
    """Send or resend an account invitation to a person."""
    return is_coordinator(viewer)


def can_view_outbox(user):
    """The outbox's status, with bodies masked."""
    return is_coordinator(user)


def can_manage_outbox(user):
    """Retry or cancel queued email."""
    return is_coordinator(user)


# --- Committees, goals, guidelines, proposals, feedback ---------------------------------


def _cached(name, user, compute):
    """A per-request (per app context) answer about one user, so pages ask once."""
    if not has_app_context():
        return compute()
    cache = g.setdefault("authz_cache", {})
    key = (name, user.id)
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def committee_roles(user):
    """{committee id: "chair" or "member"} for the user's committees."""
    if not is_member(user):
        return {}
    return _cached(
        "roles",
        user,
        lambda: dict(
            db.session.execute(
                select(CommitteeMembership.committee_id, CommitteeMembership.role).where(
                    CommitteeMembership.person_id == user.id
                )
            ).all()
        ),
    )


def _steering_ids():
    return _cached(
        "steering",
        _Anyone,
        lambda: set(
            db.session.scalars(select(Committee.id).where(Committee.kind == KIND_STEERING))
        ),
    )


def _advisory_ids():
    return _cached(
        "advisory",
        _Anyone,
        lambda: set(
            db.session.scalars(select(Committee.id).where(Committee.kind == KIND_ADVISORY))
        ),
    )


class _Anyone:
    id = 0


def is_committee_member(user, committee):
    """On the committee, as chair or member."""
    return committee is not None and committee.id in committee_roles(user)


def is_chair_of(user, committee):
    return committee is not None and committee_roles(user).get(committee.id) == ROLE_CHAIR


def can_view_committees(user):
    return is_member(user)


def can_create_committee(user):
    return is_coordinator(user)


def can_view_committee(viewer, committee):
    """Coordinators and its members; other members read committees open to join requests."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or is_committee_member(viewer, committee):
        return True
    return committee.open_to_requests and committee.active


def can_view_roster(viewer, committee):
    """Who is on it; the participant advisory committee's roster: coordinators and its members."""
    if committee.kind == KIND_ADVISORY:
        return is_coordinator(viewer) or is_committee_member(viewer, committee)
    return can_view_committee(viewer, committee)


def can_manage_committee(viewer, committee):
    """Coordinators, and chairs of this committee only."""
    return is_coordinator(viewer) or is_chair_of(viewer, committee)


def can_request_to_join(viewer, committee):
    return (
        is_member(viewer)
        and committee.open_to_requests
        and committee.active
        and not is_committee_member(viewer, committee)
    )


def can_view_goals(user):
    return is_member(user)


def can_view_goal(viewer, goal):
    if goal.committee is None:
        return is_member(viewer)
    return can_view_committee(viewer, goal.committee)


def can_create_goal(viewer, committee=None):
    """Coordinators anywhere; chairs for their own committee."""
    if committee is None:
        return is_coordinator(viewer)
    return can_manage_committee(viewer, committee)


def can_manage_goal(viewer, goal):
    """Edit, achieve or drop: coordinators and chairs of the goal's committee."""
    return is_coordinator(viewer) or is_chair_of(viewer, goal.committee)


def can_record_progress(viewer, goal):
    """Progress updates and milestones: as can_manage_goal, and the goal's owner."""
    return can_manage_goal(viewer, goal) or (is_member(viewer) and goal.owner_id == viewer.id)


def can_view_guidelines(user):
    return is_member(user)


def can_edit_guidelines(user):
    """Editorial corrections and new sections: coordinators only (the rest goes by proposal)."""
    return is_coordinator(user)


def can_view_proposals(user):
    return is_member(user)


def can_open_proposal(viewer, committee=None):
    """To a committee: its chairs and coordinators. To the whole coalition: coordinators and
    chairs of the steering committee."""
    if committee is not None:
        return committee.active and can_manage_committee(viewer, committee)
    if is_coordinator(viewer):
        return True
    roles = committee_roles(viewer)
    return any(roles.get(cid) == ROLE_CHAIR for cid in _steering_ids())


def can_view_proposal(viewer, proposal):
    if proposal.committee is None:
        return is_member(viewer)
    return can_view_committee(viewer, proposal.committee)


def can_take_part(viewer, proposal):
    """Record a position: every member on a coalition-wide proposal, else committee members."""
    if not is_member(viewer):
        return False
    if proposal.committee is None:
        return True
    return is_committee_member(viewer, proposal.committee)


def can_see_who(viewer, proposal):
    """Names beside positions: as the committee's roster; everyone on coalition-wide ones."""
    if proposal.committee is None:
        return is_member(viewer)
    return can_view_roster(viewer, proposal.committee)


def can_read_feedback(user):
    """Notes and responses: coordinators and the participant advisory committee."""
    if is_coordinator(user):
        return True
    return is_member(user) and bool(set(committee_roles(user)) & _advisory_ids())


def can_schedule_meeting(user):
    """Coordinators, for anything; chairs, for their committees."""
    return is_coordinator(user) or any(
        role == ROLE_CHAIR for role in committee_roles(user).values()
    )


def can_view_meeting(viewer, meeting):
    """Coalition-wide meetings: every member; a committee's: its members, and everyone
    invited (checked by the caller through invitations)."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or meeting.committee_id is None:
        return True
    return meeting.committee_id in committee_roles(viewer) or (
        meeting.id in invited_meeting_ids(viewer)
    )


def can_manage_meeting(viewer, meeting):
    """Change, move, cancel, invite: coordinators, and the chairs of its committee."""
    if is_coordinator(viewer):
        return True
    return meeting.committee_id is not None and (
        committee_roles(viewer).get(meeting.committee_id) == ROLE_CHAIR
    )


def invited_meeting_ids(user):
    """Meetings the user is invited to (directly or as a delegate), once per request."""
    # Imported here: the meetings package builds on members, which this module serves.
    from coalition.meetings.queries import invited_meeting_ids as query

    return _cached("invited_meetings", user, lambda: query(user))


def can_view_rsvp_names(viewer, meeting):
    """Who answered what, with names and needs: organizers (members see counts only)."""
    return can_manage_meeting(viewer, meeting)


def can_remind_unanswered(viewer, meeting):
    """Email those who have not answered a date: whoever sees the answers (organizers)."""
    return can_view_rsvp_names(viewer, meeting)


def can_answer_for(viewer, invitation):
    """Answer an invitation while logged in: the invited person, or the invited
    organization's delegates (its primary delegate and alternates)."""
    if not is_member(viewer):
        return False
    if invitation.person_id is not None:
        return invitation.person_id == viewer.id
    return invitation.organization_id in delegate_organization_ids(viewer)


def can_keep_record(viewer, meeting):
    """Write the minutes, take attendance, record decisions and action items: organizers."""
    return can_manage_meeting(viewer, meeting)


def can_read_minutes(viewer, meeting, minutes):
    """Published minutes: whoever sees the meeting; a draft: its organizers."""
    if minutes is not None and minutes.published:
        return can_view_meeting(viewer, meeting)
    return can_keep_record(viewer, meeting)


def can_view_attendance_names(viewer, meeting):
    """Who came, by name: organizers (members see the counts), as with answers."""
    return can_view_rsvp_names(viewer, meeting)


def can_complete_action_item(viewer, item):
    """Mark done or reopen: its owner, and the meeting's organizers."""
    if not is_member(viewer):
        return False
    return item.owner_id == viewer.id or can_manage_meeting(viewer, item.meeting)


def can_remove_from_record(viewer, record):
    """Take back a decision or an action item: the meeting's organizers."""
    return can_keep_record(viewer, record.meeting)
