"""Exporting the people the viewer sees, each cell as they may see it.

What the viewer may read comes from the view (a PeopleReader), decided by the rules in
members.access: a service never asks authorization itself.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import gettext as _

from coalition.core.extensions import db
from coalition.members.exporting import (
    MAX_EXPORT_ROWS,
    audit_export,
    export_file,
    language_list,
    yes_no,
)
from coalition.members.labels import AFFILIATION_LABELS
from coalition.members.languages import language_name
from coalition.members.people.services import people_query, with_details


@dataclass(frozen=True)
class PeopleReader:
    """What the person downloading a list of people may read, decided by the view."""

    person: object  # who downloads (recorded in the audit log)
    coordinator: bool  # sees who consented to what; may ask for sensitive fields
    visible: object  # SQL condition on Person: the people they may list
    rosters: object  # SQL condition on committee: the committees whose members they may list
    sees_contact: Callable  # Person -> may read their email and phone
    exports_sensitive: Callable  # Person -> may export their sensitive fields


def people_table(reader, people, include_sensitive):
    """Header and rows for people, with contact and sensitive cells only where allowed."""
    coordinator = reader.coordinator
    sensitive = include_sensitive and coordinator
    header = [_("Name"), _("Pronouns"), _("Email"), _("Phone"), _("Organizations")]
    header += [_("Languages spoken"), _("Preferred language")]
    if coordinator:
        header += [_("In the directory"), _("Shows email and phone")]
    if sensitive:
        header += [_("Access or interpretation needs"), _("Lived experience")]
    rows = []
    for person in people:
        contact = reader.sees_contact(person)
        organizations = "; ".join(
            f"{a.organization.name} ({AFFILIATION_LABELS[a.role]})" for a in person.affiliations
        )
        row = [person.name, person.pronouns]
        row += [person.email if contact else "", person.phone if contact else ""]
        row += [organizations, language_list(person.language_codes)]
        row += [language_name(person.preferred_language) if person.preferred_language else ""]
        if coordinator:
            row += [yes_no(person.directory_consent), yes_no(person.contact_consent)]
        if sensitive:
            allowed = reader.exports_sensitive(person)
            row += [person.access_needs if allowed else ""]
            row += [yes_no(person.lived_experience) if allowed else ""]
        rows.append(row)
    return header, rows


def export_people(reader, filters, file_format, include_sensitive):
    """The people the reader sees under these filters, as a file; the export is audited."""
    query = with_details(people_query(reader.visible, filters, reader.rosters))
    people = db.session.scalars(query.limit(MAX_EXPORT_ROWS)).all()
    header, rows = people_table(reader, people, include_sensitive)
    sensitive = include_sensitive and reader.coordinator
    audit_export(reader.person, "people", file_format, len(rows), filters, sensitive)
    return export_file("people", header, rows, file_format)
