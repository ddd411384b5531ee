"""The timeline page, its CSV, feed and report issue as many queries at 20 entries as at 2,000."""

import re
from datetime import date, timedelta

import pytest

from coalition.core.extensions import db
from coalition.revisions.models import RevisionedText
from coalition.timeline.models import TEXT_KIND, TimelineEntry, TimelineLink

KINDS = ("win", "loss", "milestone", "setback")


def _grow(app, count, start, goals, organization):
    """`count` entries of every kind: written ones with texts and links, automatic ones (added
    in one flush, as the services would leave them, so 2,000 take a second)."""
    with app.app_context():
        entries = [_entry(number, goals, organization) for number in range(start, start + count)]
        db.session.add_all(entries)
        db.session.commit()


def _entry(number, goals, organization):
    day = date(2025, 1, 1) + timedelta(days=number % 700)
    goal = goals[number % len(goals)]
    entry = TimelineEntry(kind=KINDS[number % 4], occurred_on=day)
    if number % 5 == 0:
        entry.source_type, entry.source_id, entry.event = "goal", goal.id, f"achieved-{number}"
        return entry
    entry.title = f"Entry {number}"
    entry.happened = RevisionedText(kind=TEXT_KIND, current_number=1, text="What happened.")
    entry.lessons = RevisionedText(kind=TEXT_KIND, current_number=1, text="A lesson.")
    entry.links = [
        TimelineLink(source_type="goal", source_id=goal.id),
        TimelineLink(source_type="organization", source_id=organization.id),
    ]
    return entry


@pytest.fixture
def readers(app, create_person, create_coordinator, create_committee, create_goal):
    closed = create_committee(open_to_requests=False)
    goals = [create_goal(title="Open goal"), create_goal(closed, title="Closed goal")]
    return {"member": create_person(), "coordinator": create_coordinator(), "goals": goals}


def _count(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


URLS = [
    "/timeline/",
    "/timeline/?kind=loss&start=2025-01-01&end=2026-06-30",
    "/timeline/entries.csv",
    "/timeline/report?start=2025-01-01&end=2026-12-31",
]


@pytest.mark.parametrize("role", ["member", "coordinator"])
def test_pages_issue_as_many_queries_at_2000_entries_as_at_20(
    app, client, count_queries, create_organization, readers, role
):
    organization = create_organization("Credited Org")
    client.login(readers[role])
    _grow(app, 20, 0, readers["goals"], organization)
    page = client.get("/timeline/subscribe").get_data(as_text=True)
    feed = "/" + re.search(r'value="https?://[^/]+/([^"]+)"', page).group(1)
    small = {url: _count(client, count_queries, url) for url in [*URLS, feed]}
    _grow(app, 1980, 20, readers["goals"], organization)
    large = {url: _count(client, count_queries, url) for url in [*URLS, feed]}
    assert large == small
