"""Members pages issue the same number of SQL queries whatever the amount of data."""

from datetime import date, timedelta

import pytest
from sqlalchemy import insert

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.members.organizations.models import (
    STATUSES,
    Affiliation,
    Commitment,
    Organization,
    OrganizationLanguage,
    StatusChange,
    organization_sector,
)
from coalition.members.people.models import Person, PersonLanguage
from coalition.members.sectors import Sector

LIST_PAGES = [
    "/",
    "/members/",
    "/members/?q=person&language=es&sort=-name",
    "/members/organizations/",
    "/members/organizations/?status=active&language=es&sort=stage",
    "/members/pipeline",
    "/members/pipeline?stage=contacted",
    "/members/representation",
    "/members/sectors",
    "/members/import/",
    "/members/people/new",
    "/members/organizations/new",
]


def _grow(app, people, organizations, start=0):
    """Bulk-insert people (with languages) and organizations (with sectors, languages,
    people, commitments and history), so even 10,000 rows take a moment."""
    now = utcnow()
    with app.app_context():
        sectors = list(db.session.scalars(db.select(Sector.id)))
        person_ids = list(
            db.session.scalars(
                insert(Person).returning(Person.id, sort_by_parameter_order=True),
                [
                    {
                        "name": f"Person {start + n:05d}",
                        "email": f"bulk{start + n}@example.org",
                        "directory_consent": n % 3 != 0,
                        "contact_consent": n % 2 == 0,
                        "lived_experience": n % 7 == 0,
                        "access_needs": "",
                        "session_generation": 1,
                        "created_at": now,
                        "version": 1,
                        "role": "member",
                    }
                    for n in range(people)
                ],
            )
        )
        db.session.execute(
            insert(PersonLanguage),
            [{"person_id": pid, "code": ("es", "en", "vi")[pid % 3]} for pid in person_ids],
        )
        org_ids = list(
            db.session.scalars(
                insert(Organization).returning(Organization.id, sort_by_parameter_order=True),
                [
                    {
                        "name": f"Organization {start + n:05d}",
                        "status": STATUSES[n % len(STATUSES)],
                        "description": "",
                        "communities_served": "",
                        "follow_up_on": date(2026, 1, 1) + timedelta(days=n % 700),
                        "owner_id": person_ids[n % len(person_ids)],
                        "created_at": now,
                        "version": 1,
                    }
                    for n in range(organizations)
                ],
            )
        )
        db.session.execute(
            insert(organization_sector),
            [{"organization_id": oid, "sector_id": sectors[oid % len(sectors)]} for oid in org_ids],
        )
        db.session.execute(
            insert(OrganizationLanguage),
            [{"organization_id": oid, "code": "es"} for oid in org_ids],
        )
        db.session.execute(
            insert(Affiliation),
            [
                {
                    "person_id": pid,
                    "organization_id": org_ids[index % len(org_ids)],
                    "role": "staff",
                    "created_at": now,
                }
                for index, pid in enumerate(person_ids)
            ],
        )
        db.session.commit()
        return org_ids, person_ids


def _queries(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_pages_cost_the_same_with_more_data(
    app, client, create_coordinator, count_queries, url
):
    client.login(create_coordinator())
    _grow(app, people=5, organizations=5)
    small = _queries(client, count_queries, url)
    _grow(app, people=120, organizations=80, start=1000)
    assert _queries(client, count_queries, url) == small


def _sector_of(app, organization_id):
    with app.app_context():
        return db.session.scalar(
            db.select(organization_sector.c.sector_id).where(
                organization_sector.c.organization_id == organization_id
            )
        )


def _enrich(app, organization_id, person_ids, amount):
    """More people, commitments and history on one organization."""
    now = utcnow()
    with app.app_context():
        db.session.execute(
            insert(Commitment),
            [
                {"organization_id": organization_id, "text": f"C{n}", "committed_on": date.today()}
                for n in range(amount)
            ],
        )
        db.session.execute(
            insert(StatusChange),
            [
                {
                    "organization_id": organization_id,
                    "to_status": "contacted",
                    "changed_at": now,
                    "changed_by_id": person_ids[n % len(person_ids)],
                }
                for n in range(amount)
            ],
        )
        db.session.commit()


@pytest.mark.parametrize("page", ["detail", "edit", "person", "person_edit", "sector_edit"])
def test_detail_pages_cost_the_same_with_more_data(
    app, client, create_coordinator, count_queries, page
):
    client.login(create_coordinator())
    org_ids, person_ids = _grow(app, people=3, organizations=1)
    organization, person = org_ids[0], person_ids[0]
    url = {
        "detail": f"/members/organizations/{organization}",
        "edit": f"/members/organizations/{organization}/edit",
        "person": f"/members/people/{person}",
        "person_edit": f"/members/people/{person}/edit",
        "sector_edit": f"/members/sectors/{_sector_of(app, organization)}/edit",
    }[page]
    _enrich(app, organization, person_ids, 2)
    small = _queries(client, count_queries, url)
    more_ids, more_people = _grow(app, people=60, organizations=1, start=5000)
    with app.app_context():
        db.session.execute(
            insert(Affiliation),
            [
                {
                    "person_id": pid,
                    "organization_id": organization,
                    "role": "alternate",
                    "created_at": utcnow(),
                }
                for pid in more_people
            ],
        )
        db.session.commit()
    _enrich(app, organization, more_people, 40)
    assert _queries(client, count_queries, url) == small


def test_the_import_preview_costs_the_same_for_more_rows(
    app, client, create_coordinator, count_queries
):
    from coalition.members.imports.services import save_mapping, start_import

    coordinator = create_coordinator()
    client.login(coordinator)

    def preview(rows):
        data = "Name,Email\n" + "".join(f"P{n},{'bad' if n % 2 else 'p'}{n}@x\n" for n in rows)
        with app.app_context():
            batch = start_import(
                "people", "p.csv", data.encode(), db.session.get(Person, coordinator.id)
            )
            save_mapping(batch, {"0": "name", "1": "email"})
            db.session.commit()
            batch_id = batch.id
        return (
            _queries(client, count_queries, f"/members/import/{batch_id}"),
            _queries(client, count_queries, f"/members/import/{batch_id}/columns"),
        )

    assert preview(range(4)) == preview(range(2000))


def test_directory_representation_and_pipeline_at_100_and_10000_people(
    app, client, create_coordinator, count_queries
):
    client.login(create_coordinator())
    pages = [
        "/members/",
        "/members/?language=es",
        "/members/representation",
        "/members/pipeline",
        "/members/organizations/",
    ]
    _grow(app, people=100, organizations=20)
    small = {url: _queries(client, count_queries, url) for url in pages}
    _grow(app, people=9_900, organizations=400, start=100)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Person.id))) == 10_001
    large = {url: _queries(client, count_queries, url) for url in pages}
    assert large == small
