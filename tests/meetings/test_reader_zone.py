"""Wall-clock arithmetic in the reader's zone: the month view names the month it shows, and a
meeting that ends after midnight on the reader's clocks says on which day it ends."""

import re
from datetime import date, time

import pytest

ZONES = ["America/Chicago", "Asia/Kolkata", "Asia/Tokyo", "Europe/Madrid", "America/Los_Angeles"]
HEADING = re.compile(r"<h1>Meetings in ([^<]+)</h1>")


@pytest.mark.parametrize("zone", ZONES)
def test_the_month_view_names_the_month_it_shows_in_every_zone(client, create_person, zone):
    # Flask-Babel's pytz zone put a month's first midnight on the zone's local mean time
    # (Chicago -5:51, Kolkata +5:53): the heading named the month before.
    client.login(create_person(timezone=zone))
    for month, name in (("2026-07", "July 2026"), ("2026-12", "December 2026"),
                        ("2027-01", "January 2027")):  # fmt: skip
        page = client.get(f"/meetings/?view=month&month={month}").get_data(as_text=True)
        assert HEADING.search(page).group(1) == name, (zone, month)


def test_a_meeting_past_midnight_on_the_readers_clocks_says_the_day_it_ends(
    client, make_client, create_person, create_meeting
):
    vigil = create_meeting(
        title="Evening vigil",
        day=date(2027, 1, 31),
        start_time=time(17, 30),
        end_time=time(23, 30),
        timezone="America/Chicago",
        recurrence=None,
    )
    client.login(create_person(timezone="America/New_York"))
    page = client.get(f"/meetings/{vigil.id}").get_data(as_text=True)
    assert (
        "Sunday, January 31, 2027, 6:30\u202fPM – Monday, February 1, 2027, 12:30\u202fAM" in page
    )
    chicago = make_client()  # on the meeting's own clocks it ends the same day
    chicago.login(create_person(timezone="America/Chicago"))
    page = chicago.get(f"/meetings/{vigil.id}").get_data(as_text=True)
    assert "Sunday, January 31, 2027, 5:30\u202fPM – 11:30\u202fPM" in page


def test_only_web_i18n_turns_flask_babels_zone_into_one_to_compute_with():
    """Flask-Babel's get_timezone() is a pytz zone: combining a wall-clock time with it takes
    the zone's local mean time. Code computes with web.i18n.reader_zone() instead; only
    the template globals read the zone's name from Flask-Babel directly."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "coalition"
    allowed = {root / "web" / "i18n.py", root / "web" / "templating.py"}
    callers = {path for path in root.rglob("*.py") if "get_timezone" in path.read_text()}
    assert callers - allowed == set()
