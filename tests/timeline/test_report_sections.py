"""The report's sections other features register: goals, members and sectors, meetings held
and attendance by sector, on the demo coalition; and meetings offered as links."""

import re

import pytest

from coalition.core.extensions import db
from coalition.demo import seed_demo


@pytest.fixture
def demo(app):
    with app.app_context():
        seed_demo()
        db.session.commit()


def _section(html, title):
    match = re.search(rf"<h2[^>]*>{re.escape(title)}</h2>(.*?)</section>", html, re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def test_the_year_report_shows_every_section(app, client, demo):
    from coalition.members.people.models import find_person_by_email

    with app.app_context():
        coordinator = find_person_by_email("marisol.vega@example.org")
    client.login(coordinator)
    html = client.get("/timeline/report").get_data(as_text=True)
    assert "Open a 24-hour crisis drop-off center" in _section(html, "Goals and their progress")
    members = _section(html, "Members and the sectors they represent")
    assert "active partner organizations" in members and "Reentry" in members
    held = _section(html, "Meetings held")
    assert "meetings held" in held and "<td>" in held
    by_sector = _section(html, "Attendance by sector")
    assert "<td>" in by_sector
    losses = _section(html, "Losses")
    assert "County budget cuts two peer navigator positions" in losses
    assert "We engaged the budget committee too late" in losses


def test_meetings_are_offered_as_links(app, client, demo):
    from coalition.members.people.models import find_person_by_email

    with app.app_context():
        member = find_person_by_email("darnell.brooks@example.org")
    client.login(member)
    page = client.get("/timeline/new").get_data(as_text=True)
    assert 'value="meeting:' in page and "Meeting: " in page
