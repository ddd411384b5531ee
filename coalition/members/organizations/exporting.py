"""Exporting the organizations under the directory's filters."""

from flask_babel import gettext as _

from coalition.core.extensions import db
from coalition.members.exporting import MAX_EXPORT_ROWS, audit_export, export_file, language_list
from coalition.members.labels import STATUS_LABELS
from coalition.members.organizations.services import organizations_query, with_summary
from coalition.web.i18n import LANGUAGE_NAMES


def _owner(sees_person, organization):
    owner = organization.owner
    if owner is None:
        return ""
    return owner.name if sees_person(owner) else _("a coalition member")


def organizations_table(sees_person, organizations):
    """Header and rows for organizations (every member may read their profiles); an owner
    is named where `sees_person(owner)`."""
    header = [_("Name"), _("Stage"), _("Sectors"), _("Website"), _("Contact email")]
    header += [_("Language for email to the contact address")]
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
                # Named in itself, as the import reads it back; empty: the coalition's.
                LANGUAGE_NAMES.get(organization.language, ""),
                language_list(organization.language_codes),
                organization.communities_served,
                organization.joined_on.isoformat() if organization.joined_on else "",
                _owner(sees_person, organization),
                organization.follow_up_on.isoformat() if organization.follow_up_on else "",
                organization.description,
            ]
        )
    return header, rows


def export_organizations(viewer, sees_person, filters, file_format):
    """The organizations under these filters, as a file; the export is audited."""
    query = with_summary(organizations_query(filters))
    organizations = db.session.scalars(query.limit(MAX_EXPORT_ROWS)).all()
    header, rows = organizations_table(sees_person, organizations)
    audit_export(viewer, "organizations", file_format, len(rows), filters, False)
    return export_file("organizations", header, rows, file_format)
