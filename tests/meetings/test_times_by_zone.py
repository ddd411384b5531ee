"""A 9:00 AM Chicago meeting read from Los Angeles, Chicago, New York and Madrid, on weeks
either side of the March clock changes (the US moves on the second Sunday, Europe on the
last): each viewer sees the time on their own clocks, and "in the meeting's time zone" says
9:00 AM on every date, on the meeting page, on the RSVP page and in the email."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coalition.core.extensions import db
from coalition.meetings.recurrence import WEEKLY_FREQ, Recurrence
from coalition.outbox.models import OutboxEmail
from tests.meetings.clock_changes import FIRST, english_clock

CHICAGO = ZoneInfo("America/Chicago")
DATES = 6  # weekly from the first Tuesday of March: both clock changes fall among them
SHOWN = re.compile(
    r'<time datetime="[^"]+">[^<]*?, ([^<,]+) – ([^<]+)</time> <span class="zone">\(([^)]+)\)'
    r'</span>(?: <span class="zone-other">([^<]*?) in ([^<,]+), the meeting)?'
)
CLOCK = re.compile(r"\d{1,2}:\d\d\u202f[AP]M")


def _expected(viewer_zone):
    """(start, end, viewer zone, meeting-zone start or None) for every date, as shown."""
    rows = []
    for week in range(DATES):
        start = datetime.combine(FIRST + timedelta(weeks=week), time(9), CHICAGO)
        local = start.astimezone(ZoneInfo(viewer_zone))
        end = local + timedelta(hours=1)
        other = (
            (None, None)
            if viewer_zone == "America/Chicago"
            else ("9:00\u202fAM", "America/Chicago")
        )
        rows.append((english_clock(local), english_clock(end), viewer_zone, *other))
    return rows


def _shown(html):
    """(start, end, zone, meeting-zone start, meeting zone) of each time the page shows."""
    rows = []
    for match in SHOWN.finditer(html):
        start, end, zone, other, other_zone = match.groups()
        other = CLOCK.search(other).group(0) if other else None
        rows.append((start.strip(), end.strip(), zone, other, other_zone))
    return rows


@pytest.fixture
def weekly_in_chicago(create_meeting):
    return create_meeting(
        title="Steering committee",
        day=FIRST,
        start_time=time(9),
        end_time=time(10),
        timezone="America/Chicago",
        recurrence=Recurrence(WEEKLY_FREQ, count=DATES),
    )


def test_the_clock_changes_fall_between_the_dates():
    starts = [
        datetime.combine(FIRST + timedelta(weeks=week), time(9), CHICAGO) for week in range(DATES)
    ]
    offsets = {
        zone: {s.astimezone(ZoneInfo(zone)).utcoffset() for s in starts}
        for zone in ("America/Chicago", "Europe/Madrid")
    }
    assert all(len(found) == 2 for found in offsets.values())


@pytest.mark.parametrize(
    "viewer_zone", ["America/Los_Angeles", "America/Chicago", "America/New_York", "Europe/Madrid"]
)
def test_the_meeting_page_shows_each_date_on_the_viewers_clocks_and_the_meetings(
    client, create_coordinator, weekly_in_chicago, viewer_zone
):
    client.login(create_coordinator(timezone=viewer_zone))
    html = client.get(f"/meetings/{weekly_in_chicago.id}").get_data(as_text=True)
    expected = _expected(viewer_zone)
    # The next date at the top, then every date.
    assert _shown(html) == [expected[0], *expected]


@pytest.mark.parametrize("viewer_zone", ["America/Los_Angeles", "Europe/Madrid"])
def test_the_rsvp_page_and_the_email_say_the_meetings_time_and_the_invitees(
    app,
    make_client,
    create_person,
    weekly_in_chicago,
    invite_to_meeting,
    viewer_zone,
):
    invitee = create_person(email="rosa@example.org", timezone=viewer_zone)
    invite_to_meeting(weekly_in_chicago, people=[invitee])
    with app.app_context():
        body = db.session.scalars(db.select(OutboxEmail.text_body)).one()
    path = re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)
    phone = make_client()
    page = phone.get(path).get_data(as_text=True)
    for week in range(DATES):
        day = FIRST + timedelta(weeks=week)
        assert (
            f"{day:%B} {day.day}, {day.year}, 9:00\u202fAM – 10:00\u202fAM (America/Chicago)"
            in page
        )
    mine = phone.get(path + "?zone=mine").get_data(as_text=True)
    expected = _expected(viewer_zone)  # the next date at the top, then every date
    assert _shown(mine) == [expected[0], *expected]

    answer = {"answer": "yes", "headcount": "1", "names": "", "needs": "", "note": ""}
    phone.post_form(path, answer, token_page=path)
    with app.app_context():
        confirmation = db.session.scalars(
            db.select(OutboxEmail.text_body).filter_by(kind="rsvp_confirmation")
        ).one()
    dates = re.findall(r"^- .*$", confirmation, re.MULTILINE)
    assert len(dates) == DATES
    assert all("9:00\u202fAM – 10:00\u202fAM (America/Chicago)" in line for line in dates)


def test_a_local_time_without_its_zone_is_refused_rather_than_moved_again(app):
    from coalition.meetings.display import in_meeting_zone

    wall_clock = datetime.combine(FIRST, time(9))
    with app.test_request_context(), pytest.raises(ValueError):
        in_meeting_zone(wall_clock, wall_clock + timedelta(hours=1), CHICAGO)
