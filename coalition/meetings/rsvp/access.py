"""Who answers an invitation, sees who answered, and how an invitee is named to a viewer."""

from coalition.meetings.access import can_manage_meeting
from coalition.members.access import shown_name
from coalition.members.organizations.access import delegate_organization_ids
from coalition.web.authz import is_member
from coalition.web.i18n import sorted_by_name


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


def invitee_name(viewer, invitation):
    """A meeting invitee as the viewer may name them: an organization by its name, a person
    as shown_name does (the organizer's pages and files never name anyone else)."""
    if invitation.person_id is None:
        return invitation.organization.name
    return shown_name(viewer, invitation.person)


def by_invitee_name(viewer, invitations):
    """Invitations in the order of the names the viewer sees, so where someone unnamed sits
    in a list says nothing about their name."""
    return sorted_by_name(invitations, name=lambda invitation: invitee_name(viewer, invitation))
