"""Reading meetings: the occurrences in a date range, in a constant number of queries."""

from collections import defaultdict
from datetime import UTC, datetime, timedelta

from coalition.committees.models import Committee, CommitteeMembership
from coalition.core.extensions import db
from coalition.meetings.models import Meeting, MeetingInvitation, OccurrenceException
from coalition.meetings.occurrences import (
    find_occurrence,
    occurrences_of,
    parse_occurrence_key,
)
from coalition.members.organizations.models import DELEGATE_ROLES, Affiliation
from coalition.members.people.models import Person


def exceptions_by_meeting(meeting_ids):
    """{meeting id: [OccurrenceException]} for these meetings, in one query."""
    grouped = defaultdict(list)
    if not meeting_ids:
        return grouped
    rows = db.session.scalars(
        db.select(OccurrenceException).where(OccurrenceException.meeting_id.in_(meeting_ids))
    )
    for exception in rows:
        grouped[exception.meeting_id].append(exception)
    return grouped


def meetings_between(after, before, *, visible_to=None):
    """Meetings with an occurrence in [after, before); `visible_to` filters with authz."""
    query = (
        db.select(Meeting)
        .where(Meeting.start_at < before, Meeting.last_end_at > after)
        .options(db.joinedload(Meeting.committee))
    )
    meetings = db.session.scalars(query.order_by(Meeting.start_at)).all()
    if visible_to is not None:
        meetings = [meeting for meeting in meetings if visible_to(meeting)]
    return meetings


def occurrences_between(after, before, *, visible_to=None, include_cancelled=True):
    """Every occurrence in [after, before), earliest first."""
    meetings = meetings_between(after, before, visible_to=visible_to)
    exceptions = exceptions_by_meeting([meeting.id for meeting in meetings])
    found = []
    for meeting in meetings:
        found.extend(
            occurrences_of(
                meeting,
                exceptions[meeting.id],
                after=after,
                before=before,
                include_cancelled=include_cancelled,
            )
        )
    return sorted(found, key=lambda occurrence: occurrence.start)


def meeting_occurrences(meeting, *, after=None, before=None, include_cancelled=True):
    """One meeting's occurrences, with its exceptions loaded in one query."""
    exceptions = exceptions_by_meeting([meeting.id])[meeting.id]
    return occurrences_of(
        meeting, exceptions, after=after, before=before, include_cancelled=include_cancelled
    )


def all_current_meetings():
    """Meetings still running or to come, and those ended within the last 90 days."""
    since = datetime.now(UTC) - timedelta(days=90)
    return db.session.scalars(
        db.select(Meeting).where(Meeting.last_end_at > since).order_by(Meeting.start_at)
    ).all()


def now():
    """The current time, aware, in UTC."""
    return datetime.now(UTC)


def invitation_with_meeting(invitation_id):
    """An invitation with its meeting and invitee loaded, or None."""
    return db.session.scalar(
        db.select(MeetingInvitation)
        .where(MeetingInvitation.id == invitation_id)
        .options(
            db.joinedload(MeetingInvitation.meeting),
            db.joinedload(MeetingInvitation.person),
            db.joinedload(MeetingInvitation.organization),
        )
    )


def invitations_clause(person):
    """An SQL condition on MeetingInvitation: the invitations a person answers, in their own
    right or as a delegate of the invited organization."""
    delegated = db.select(Affiliation.organization_id).where(
        Affiliation.person_id == person.id, Affiliation.role.in_(DELEGATE_ROLES)
    )
    return (MeetingInvitation.person_id == person.id) | MeetingInvitation.organization_id.in_(
        delegated
    )


def invited_meeting_ids(person):
    """Meetings a person is invited to, in their own right or as a delegate of an invitee."""
    query = db.select(MeetingInvitation.meeting_id).where(invitations_clause(person))
    return set(db.session.scalars(query))


def schedulable_committees(user, *, all_committees):
    """Committees a meeting may belong to: all active ones, or those the user chairs."""
    query = db.select(Committee).where(Committee.active.is_(True)).order_by(Committee.name)
    if not all_committees:
        chaired = db.select(CommitteeMembership.committee_id).where(
            CommitteeMembership.person_id == user.id, CommitteeMembership.role == "chair"
        )
        query = query.where(Committee.id.in_(chaired))
    return db.session.scalars(query).all()


def committee_member_people(committee_ids):
    """The active people on these committees, each once: a deactivated member is not invited."""
    if not committee_ids:
        return []
    people_ids = db.select(CommitteeMembership.person_id).where(
        CommitteeMembership.committee_id.in_(committee_ids)
    )
    return db.session.scalars(
        db.select(Person).where(Person.id.in_(people_ids), Person.is_active)
    ).all()


def continuation_of(invitation):
    """The same invitee's invitation to the series this one was split into, or None."""
    return db.session.scalar(
        db.select(MeetingInvitation)
        .join(Meeting, Meeting.id == MeetingInvitation.meeting_id)
        .where(
            Meeting.split_from_id == invitation.meeting_id,
            MeetingInvitation.invitee_key == invitation.invitee_key,
        )
        .options(db.contains_eager(MeetingInvitation.meeting))
        .order_by(Meeting.start_at)
        .limit(1)
    )


def keeps_a_record(meeting, occurrence):
    """A date that can have minutes: not cancelled on its own, and, in a series cancelled
    later, one that began before the cancellation (those dates did take place)."""
    if occurrence.cancelled_alone:
        return False
    if meeting.is_cancelled:
        return occurrence.start < meeting.updated_at
    return True


def past_dates(meeting, now):
    """The dates of a meeting that have begun and took place, earliest first."""
    begun = meeting_occurrences(meeting, before=now, include_cancelled=True)
    return [o for o in begun if keeps_a_record(meeting, o)]


def date_of(meeting, key):
    """The meeting's date for a URL key (its original start), or None when it has none."""
    start = parse_occurrence_key(key)
    if start is None:
        return None
    return find_occurrence(meeting, exceptions_by_meeting([meeting.id])[meeting.id], start)
