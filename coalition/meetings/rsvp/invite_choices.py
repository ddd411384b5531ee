"""The invitation page's checklists: each organization and person, marked when already
invited (ticked and fixed) or when nobody would receive the email, so the organizer knows
before sending. An invitation that never reached anyone stays open to choose again: once
the organization has a delegate or a contact address, choosing it sends the invitation."""

from flask_babel import gettext as _
from wtforms import SelectChoice

INVITED = {"checked": True, "disabled": True}


def organization_choices(organizations, invitations, unreachable_ids, never_reached):
    """Choices for these organizations, given the meeting's invitations, the ids of
    organizations nobody would receive email for, and the invitations never sent."""
    invited = {i.organization_id: i for i in invitations if i.organization_id}
    waiting = {i.id for i in never_reached}
    choices = []
    for organization in organizations:
        invitation = invited.get(organization.id)
        if invitation is not None and invitation.id not in waiting:
            choices.append(SelectChoice(organization.id, _invited(organization.name), INVITED))
            continue
        label = _label(organization.name, invitation, organization.id in unreachable_ids)
        choices.append(SelectChoice(organization.id, label))
    return choices


def _label(name, invitation, silent):
    """An organization one may choose: not invited yet, or invited but never sent."""
    if invitation is not None and silent:
        return _(
            "%(name)s (invited, but nobody receives email: no delegate with an email and no "
            "contact address)",
            name=name,
        )
    if invitation is not None:
        return _("%(name)s (invited, not sent yet: choose it again to send)", name=name)
    if silent:
        return _(
            "%(name)s (nobody receives email: no delegate with an email and no contact address)",
            name=name,
        )
    return name


def people_choices(people, invitations, never_reached):
    """Choices for these people (each active, with an email), those already invited ticked
    and fixed; one invited when nobody could receive it (no email, or deactivated) is open
    to choose again, now that they can."""
    invited = {i.person_id for i in invitations if i.person_id}
    waiting = {i.person_id for i in never_reached if i.person_id}
    choices = []
    for person in people:
        if person.id in waiting:
            label = _(
                "%(name)s (invited, not sent yet: choose them again to send)", name=person.name
            )
            choices.append(SelectChoice(person.id, label))
        elif person.id in invited:
            choices.append(SelectChoice(person.id, _invited(person.name), INVITED))
        else:
            choices.append(SelectChoice(person.id, person.name))
    return choices


def _invited(name):
    return _("%(name)s (invited)", name=name)
