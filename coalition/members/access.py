"""Who sees and changes people, and who downloads lists (DESIGN.md section 4), asked
through the mechanism in `coalition/web/authz.py`.

Every part of members (and every package above it) names people, so these rules live at
the package root; organizations, recruitment and imports keep their own beside them.
"""

from sqlalchemy import false, or_, true

from coalition.core.extensions import db
from coalition.members.committee_rosters import fellows_select
from coalition.members.people.models import Person
from coalition.web.authz import cached, is_coordinator, is_member
from coalition.web.i18n import _l

# Aggregate counts about people below this are shown as "fewer than 3" (DESIGN.md, section 4).
SMALLEST_SHOWN_COUNT = 3


def can_view_person(viewer, person):
    """Name and organization: coordinators, the person, the consenting directory, and
    fellow members of the viewer's committees (DESIGN.md, section 4)."""
    if not is_member(viewer):
        return False
    if is_coordinator(viewer) or viewer.id == person.id or person.directory_consent:
        return True
    return person.id in fellow_member_ids(viewer)


def fellow_member_ids(viewer):
    """Ids of the people who share a committee with the viewer (one query per request)."""
    return cached("fellows", viewer, lambda: set(db.session.scalars(fellows_select(viewer))))


def visible_people_clause(viewer):
    """can_view_person as an SQL condition on Person, for lists, searches and exports."""
    if is_coordinator(viewer):
        return true()
    if not is_member(viewer):
        return false()
    return or_(
        Person.directory_consent.is_(True),
        Person.id == viewer.id,
        Person.id.in_(fellows_select(viewer)),
    )


def shown_name(viewer, person):
    """The person's name where the viewer may see it (can_view_person), else a neutral
    phrase: what every list, pick list, export and email that names people writes."""
    if person is None:
        return _l("someone no longer in the coalition")
    return person.name if can_view_person(viewer, person) else _l("a coalition member")


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


def can_export(user):
    """Download the list one sees (each row and field filtered as on the page)."""
    return is_member(user)


def can_view_directory(user):
    """The people list (what it shows is filtered by can_view_person)."""
    return is_member(user)
