"""One way to write a moment: Babel's date and time, to the minute, as the reader's language
joins them, whatever format a template asked for."""

import re
from datetime import UTC, datetime

import pytest
from flask import render_template_string
from flask_babel import force_locale

from coalition.committees.proposals.models import Proposal
from coalition.core.extensions import db

SECONDS = re.compile(r"\d:\d\d:\d\d")
MOMENT = datetime(2026, 12, 4, 7, 11, 3, tzinfo=UTC)
EVERY_WAY = "{{ m|datetime }}|{{ m|datetime('short') }}|{{ m|datetime('medium') }}|{{ m|when }}"


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Dec 4, 2026, 1:11\u202fAM"), ("es", "4 dic 2026, 1:11")],
)
def test_every_way_of_asking_writes_the_same_moment_without_seconds(app, language, expected):
    with app.test_request_context(), force_locale(language):
        app.config["BABEL_DEFAULT_TIMEZONE"] = "America/Chicago"
        written = set(render_template_string(EVERY_WAY, m=MOMENT).split("|"))
    assert written == {expected}


def test_a_proposal_and_a_guideline_history_write_moments_alike(
    app, client, create_coordinator, create_proposal, create_section
):
    coordinator = create_coordinator()
    proposal = create_proposal(coordinator)
    section = create_section("Meetings", "We meet monthly.")
    with app.app_context():
        closes = db.session.get(Proposal, proposal.id).closes_at
    client.login(coordinator)
    proposal_page = client.get(f"/committees/proposals/{proposal.id}").get_data(as_text=True)
    history = client.get(f"/committees/guidelines/{section.id}/history").get_data(as_text=True)
    with app.test_request_context(), force_locale("en"):
        app.config["BABEL_DEFAULT_TIMEZONE"] = "UTC"
        closes_written = render_template_string("{{ m|when }}", m=closes)
    assert closes_written in proposal_page
    for page in (proposal_page, history):
        assert not SECONDS.search(page), "a moment is written with seconds"


@pytest.mark.parametrize("way", ["m|when", "m|datetime", "m|datetime('full')", "m|date", "m|time"])
def test_a_moment_without_its_zone_is_refused_rather_than_shown_moved(app, way):
    """Flask-Babel reads a zone-less date-time as UTC: a meeting's 9:00 in Chicago would show
    as 3:00 AM to a reader in Chicago."""
    wall_clock = MOMENT.replace(tzinfo=None)
    with app.test_request_context(), pytest.raises(ValueError):
        render_template_string("{{ " + way + " }}", m=wall_clock)
