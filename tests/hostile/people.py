"""People, accounts, organizations, sectors and imports, each field hostile."""

import csv
import io
from datetime import date, timedelta

from coalition.core.extensions import db
from tests.hostile.browsing import PASSWORD, Visitor, id_from, in_app, link_in_emails
from tests.hostile.markup import (
    hostile,
    hostile_filename,
    hostile_markdown,
    hostile_url,
    script_url,
)

# --- People and accounts -----------------------------------------------------------------


def people(world):
    from coalition.auth.services import create_coordinator

    def coordinators():
        first = create_coordinator("coordinator@example.org", hostile("coordinator_name"), PASSWORD)
        second = create_coordinator("second@example.org", hostile("coordinator2_name"), PASSWORD)
        second.language = "es"
        return first.id, second.id

    world["coordinator"], world["coordinator2"] = in_app(world, coordinators)
    coordinator = Visitor(world, world["coordinator"])
    world.visitors["coordinator"] = coordinator
    # The second coordinator reads every optional email in the daily digest.
    second = Visitor(world, world["coordinator2"])
    kinds = ("meeting_reminder", "draft_review", "proposal", "committee", "timeline", "action_item")
    second.post("/account/notifications", {kind: "digest" for kind in kinds})

    # A member joins by invitation, then renames themself in their account settings.
    coordinator.post(
        "/accounts/invite",
        {"name": hostile("invited_name"), "email": "member@example.org", "language": "es"},
    )
    token = link_in_emails(world, "/invitation/", to_address="member@example.org")
    member = Visitor(world)
    member.get(f"/invitation/{token}")
    member.post(f"/invitation/{token}", {"new_password": PASSWORD, "confirm": PASSWORD})
    world["member"] = in_app(world, lambda: _person_id("member@example.org"))
    member.post(
        "/account",
        {
            "name": hostile("account_name"),
            "email": "member2@example.org",
            "language": "es",
            "timezone": "",
        },
    )
    world.visitors["member"] = member

    # Someone invited who has not answered yet: the invitation link stays usable.
    coordinator.post(
        "/accounts/invite",
        {"name": hostile("pending_name"), "email": "pending@example.org", "language": "en"},
    )
    world["invitation_token"] = link_in_emails(
        world, "/invitation/", to_address="pending@example.org"
    )

    # A person without an account, with every profile field a coordinator fills in.
    response = coordinator.post(
        "/members/people/new",
        {
            "name": hostile("person_name"),
            "pronouns": hostile("pronouns", 40),
            "email": "person@example.org",
            "phone": "555-0100",
            "access_needs": hostile("access_needs"),
            "lived_experience": "yes",
            "preferred_language": "",
            "directory_consent": "y",
            "contact_consent": "y",
        },
    )
    world["person"] = id_from(response)
    # Inviting someone already on the list keeps their name; an account holder is refused.
    coordinator.post(
        "/accounts/invite",
        {"name": hostile("other_name"), "email": "person@example.org", "language": "en"},
    )
    coordinator.refused(
        "/accounts/invite",
        {"name": hostile("other_name"), "email": "member2@example.org", "language": "en"},
        "email",
    )
    # A stale save shows both versions side by side.
    coordinator.conflict(
        f"/members/people/{world['person']}/edit",
        {"version": "0", "name": hostile("stale_person_name"), "email": "person@example.org"},
    )


def _person_id(email):
    from coalition.members.people.models import find_person_by_email

    return find_person_by_email(email).id


# --- Organizations, sectors, imports -----------------------------------------------------


def organizations(world):
    coordinator = world.visitors["coordinator"]
    coordinator.post(
        "/members/sectors", {"name": hostile("sector_name", 120), "target_active": "2"}
    )
    world["sector"] = in_app(world, lambda: _sector_id(hostile("sector_name", 120)))
    coordinator.get(f"/members/sectors/{world['sector']}/edit")
    response = coordinator.post(
        "/members/organizations/new",
        {
            "name": hostile("organization_name"),
            "status": "contacted",
            "sectors": [str(world["sector"])],
            "description": hostile_markdown("organization_description"),
            "website": hostile_url("organization_website"),
            "languages": ["en", "es"],
            "communities_served": hostile("communities_served"),
            "contact_email": "office@organization.example",
            "owner_id": str(world["coordinator"]),
            "follow_up_on": (date.today() - timedelta(days=3)).isoformat(),
        },
    )
    world["organization"] = organization = id_from(response)
    coordinator.refused(
        "/members/organizations/new",
        {"name": "Scripted", "status": "identified", "website": script_url("website")},
        "website",
    )
    base = f"/members/organizations/{organization}"
    coordinator.post(
        f"{base}/stage",
        {"status": "active", "version": coordinator.version(f"{base}/edit"), "next": "/"},
    )
    coordinator.post(f"{base}/people", {"email": "member2@example.org", "role": "primary"})
    coordinator.post(f"{base}/people", {"email": "coordinator@example.org", "role": "alternate"})
    coordinator.post(f"{base}/people", {"email": "person@example.org", "role": "staff"})
    coordinator.conflict(
        f"{base}/edit",
        {"version": "0", "name": hostile("stale_organization_name"), "owner_id": ""},
    )
    coordinator.post(
        f"{base}/commitments",
        {"text": hostile("commitment_text"), "committed_on": date.today().isoformat()},
    )


def _sector_id(name):
    from coalition.members.sectors import Sector

    return db.session.scalar(db.select(Sector.id).filter_by(name=name))


def _csv(rows):
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return text.getvalue().encode("utf-8")


def _xlsx(rows):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sheet'1"
    for row in rows:
        sheet.append(row)
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def _upload(world, kind, filename, rows, xlsx=False):
    data = _xlsx(rows) if xlsx else _csv(rows)
    response = world.visitors["coordinator"].post(
        "/members/import/",
        {"kind": kind, "file": (io.BytesIO(data), filename)},
        content_type="multipart/form-data",
    )
    return id_from(response)


def _map_and_run(world, batch, columns, run=True):
    coordinator = world.visitors["coordinator"]
    coordinator.get(f"/members/import/{batch}/columns")
    mapping = {f"column_{index}": name for index, name in enumerate(columns)}
    coordinator.post(f"/members/import/{batch}/columns", mapping)
    coordinator.get(f"/members/import/{batch}")
    if run:
        coordinator.post(f"/members/import/{batch}/run", {"existing": "skip"})


def imports(world):
    """An organization and a person imported from files whose cells and headers are hostile;
    a file with problems left at its preview; a file left at choosing its columns."""
    headers = [hostile(f"import_header_{n}", 120) for n in range(8)]
    organization_columns = [
        "name",
        "sectors",
        "status",
        "description",
        "website",
        "contact_email",
        "communities_served",
        "languages",
    ]
    batch = _upload(
        world,
        "organizations",
        hostile_filename("import_filename", ".csv"),
        [
            headers,
            [
                hostile("imported_organization_name"),
                hostile("sector_name", 120),
                "committed",
                hostile("imported_description"),
                hostile_url("imported_website"),
                "contact@imported.example",
                hostile("imported_communities"),
                "es",
            ],
        ],
    )
    _map_and_run(world, batch, organization_columns)
    world["imported_batch"] = batch
    world["imported_organization"] = in_app(
        world, lambda: _organization_id(hostile("imported_organization_name"))
    )
    people_batch = _upload(
        world,
        "people",
        "people.csv",
        [
            ["Name", "Email", "Pronouns", "Organization", "Role"],
            [
                hostile("imported_person_name"),
                "imported@example.org",
                hostile("imported_pronouns", 40),
                hostile("imported_organization_name"),
                "staff",
            ],
        ],
    )
    _map_and_run(
        world, people_batch, ["name", "email", "pronouns", "organization", "organization_role"]
    )
    failing = _upload(
        world,
        "people",
        "problems.csv",
        [
            ["Name", "Email", "Phone", "Organization", "Languages", "Directory", "Role"],
            [
                hostile("failing_name"),
                hostile("failing_email"),
                hostile("failing_phone", 40),
                hostile("failing_organization"),
                hostile("failing_language"),
                hostile("failing_yes_no"),
                hostile("failing_role"),
            ],
        ],
    )
    columns = ["name", "email", "phone", "organization", "languages", "directory_consent"]
    _map_and_run(world, failing, [*columns, "organization_role"], run=False)
    world["failing_batch"] = failing
    world["uploaded_batch"] = _upload(
        world,
        "organizations",
        "columns.csv",
        [headers[:3], [hostile(f"sample_cell_{n}") for n in range(3)]],
    )
    world["xlsx_batch"] = _upload(
        world,
        "people",
        hostile_filename("xlsx_filename", ".xlsx"),
        [[hostile("xlsx_header", 120), "Email"], [hostile("xlsx_cell"), "xlsx@example.org"]],
        xlsx=True,
    )


def _organization_id(name):
    from coalition.members.organizations.models import Organization

    return db.session.scalar(db.select(Organization.id).filter_by(name=name))
