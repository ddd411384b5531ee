"""Exporting the filtered lists as CSV or .xlsx, each cell as the viewer may see it.

Cells are made safe by coalition.web.exports (no formula survives). Every export is audited.
What the viewer may read comes from the view (a PeopleReader, a predicate), decided by the
rules in members.access: a service never asks authorization itself.
"""

import io
from collections.abc import Callable
from dataclasses import asdict, dataclass

from flask import send_file
from flask_babel import gettext as _

from coalition.core.audit import record_audit
from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members.labels import AFFILIATION_LABELS, STATUS_LABELS
from coalition.members.languages import language_name
from coalition.members.organization_services import organizations_query, with_summary
from coalition.members.services import people_query, with_details
from coalition.web.exports import to_csv, to_xlsx

MAX_EXPORT_ROWS = 50_000
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class PeopleReader:
    """What the person downloading a list of people may read, decided by the view."""

    person: object  # who downloads (recorded in the audit log)
    coordinator: bool  # sees who consented to what; may ask for sensitive fields
    visible: object  # SQL condition on Person: the people they may list
    rosters: object  # SQL condition on committee: the committees whose members they may list
    sees_contact: Callable  # Person -> may read their email and phone
    exports_sensitive: Callable  # Person -> may export their sensitive fields


@dataclass(frozen=True)
class ExportFile:
    filename: str
    mimetype: str
    data: bytes

    def download(self):
        """The response that saves the file in the browser."""
        return send_file(
            io.BytesIO(self.data),
            mimetype=self.mimetype,
            as_attachment=True,
            download_name=self.filename,
        )


def _languages(codes):
    return ", ".join(language_name(code) for code in codes)


def _yes_no(value):
    return {True: _("Yes"), False: _("No")}.get(value, "")


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
        row += [organizations, _languages(person.language_codes)]
        row += [language_name(person.preferred_language) if person.preferred_language else ""]
        if coordinator:
            row += [_yes_no(person.directory_consent), _yes_no(person.contact_consent)]
        if sensitive:
            allowed = reader.exports_sensitive(person)
            row += [person.access_needs if allowed else ""]
            row += [_yes_no(person.lived_experience) if allowed else ""]
        rows.append(row)
    return header, rows


def _owner(sees_person, organization):
    owner = organization.owner
    if owner is None:
        return ""
    return owner.name if sees_person(owner) else _("a coalition member")


def organizations_table(sees_person, organizations):
    """Header and rows for organizations (every member may read their profiles); an owner
    is named where `sees_person(owner)`."""
    header = [_("Name"), _("Stage"), _("Sectors"), _("Website"), _("Contact email")]
    header += [_("Languages served"), _("Communities served"), _("Date joined")]
    header += [_("Relationship owner"), _("Next follow-up"), _("Description")]
    rows = []
    for organization in organizations:
        rows.append(
            [
                organization.name,
                str(STATUS_LABELS[organization.status]),
                "; ".join(sector.display_name for sector in organization.sectors),
                organization.website,
                organization.contact_email,
                _languages(organization.language_codes),
                organization.communities_served,
                organization.joined_on.isoformat() if organization.joined_on else "",
                _owner(sees_person, organization),
                organization.follow_up_on.isoformat() if organization.follow_up_on else "",
                organization.description,
            ]
        )
    return header, rows


def _file(kind, header, rows, file_format):
    data = to_csv(header, rows) if file_format == "csv" else to_xlsx(header, rows)
    filename = f"{kind}-{coalition_today().isoformat()}.{file_format}"
    return ExportFile(filename, FORMATS[file_format], data)


def _audit(viewer, kind, file_format, count, filters, sensitive):
    asked = ", ".join(f"{key}={value}" for key, value in asdict(filters).items() if value)
    shown = "yes" if sensitive else "no"
    detail = f"{kind} as {file_format}, {count} rows, sensitive fields: {shown}; filters: {asked}"
    record_audit(viewer, "members.exported", None, detail[:500])


def export_people(reader, filters, file_format, include_sensitive):
    """The people the reader sees under these filters, as a file; the export is audited."""
    query = with_details(people_query(reader.visible, filters, reader.rosters))
    people = db.session.scalars(query.limit(MAX_EXPORT_ROWS)).all()
    header, rows = people_table(reader, people, include_sensitive)
    sensitive = include_sensitive and reader.coordinator
    _audit(reader.person, "people", file_format, len(rows), filters, sensitive)
    return _file("people", header, rows, file_format)


def export_organizations(viewer, sees_person, filters, file_format):
    """The organizations under these filters, as a file; the export is audited."""
    query = with_summary(organizations_query(filters))
    organizations = db.session.scalars(query.limit(MAX_EXPORT_ROWS)).all()
    header, rows = organizations_table(sees_person, organizations)
    _audit(viewer, "organizations", file_format, len(rows), filters, False)
    return _file("organizations", header, rows, file_format)
