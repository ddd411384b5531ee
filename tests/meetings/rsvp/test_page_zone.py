"""The RSVP page shows every time in one zone, and its footer names that zone: the meeting's
by default; the invitee's own when they ask ("?zone=mine"); a browser's zone (sent by
static/js/zone.js as "?zone=<name>") for an invitee with no zone of their own. A weekly
Chicago series from the first Tuesday of March crosses the US clock change (second Sunday)
and Europe's (last Sunday), so every date's clock is checked, not only the first."""

import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from coalition.core.extensions import db
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.recurrence import WEEKLY_FREQ, Recurrence
from coalition.outbox.models import OutboxEmail
from tests.meetings.clock_changes import FIRST, english_clock

CHICAGO, KOLKATA, MADRID = "America/Chicago", "Asia/Kolkata", "Europe/Madrid"
DATES = 6
# Each time the page prints on its own: its instant, its text and the zone named after it.
TIME = re.compile(
    r'<time datetime="([^"]+)">([^<]*)</time> <span class="zone">\(([^)]+)\)</span>'
    r'(?: <span class="zone-other">([^<]*)</span>)?'
)
FOOTER = re.compile(r"Times are shown in ([^.<]+)\.")


STARTS = [
    datetime.combine(FIRST + timedelta(weeks=week), time(9), ZoneInfo(CHICAGO))
    for week in range(DATES)
]


def _expected(zone):
    """(instant, 'start – end' on the zone's clocks, zone) of the next date, then every date."""
    rows = []
    for start in STARTS:
        local = start.astimezone(ZoneInfo(zone))
        span = f"{english_clock(local)} – {english_clock(local + timedelta(hours=1))}"
        rows.append((start.astimezone(UTC), span, zone))
    return [rows[0], *rows]


def _shown(html):
    rows = []
    for instant, text, zone, other in TIME.findall(html):
        span = re.search(r"\d{1,2}:\d\d\u202f[AP]M – \d{1,2}:\d\d\u202f[AP]M", text).group(0)
        if zone != CHICAGO:  # and the meeting's own clock, the same on every date
            assert "9:00\u202fAM in America/Chicago" in other
        rows.append((datetime.fromisoformat(instant).astimezone(UTC), span, zone))
    return rows


def _footer(html):
    return FOOTER.findall(html)


@pytest.fixture
def series(create_meeting):
    return create_meeting(
        title="Steering committee",
        day=FIRST,
        start_time=time(9),
        end_time=time(10),
        timezone=CHICAGO,
        recurrence=Recurrence(WEEKLY_FREQ, count=DATES),
    )


@pytest.fixture
def link_of(app, create_person, series, invite_to_meeting):
    def invite(**person):
        invitee = create_person(**person)
        invite_to_meeting(series, people=[invitee])
        with app.app_context():
            body = db.session.scalars(
                db.select(OutboxEmail.text_body).filter_by(to_address=invitee.email)
            ).one()
        return re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)

    return invite


def test_the_clock_changes_fall_between_the_dates():
    for zone in (KOLKATA, MADRID):
        offsets = [start.astimezone(ZoneInfo(zone)).strftime("%H:%M") for start in STARTS]
        assert len(set(offsets)) == 2, offsets


def test_my_zone_shows_every_date_and_the_footer_in_the_invitees_zone(make_client, link_of):
    path = link_of(name="Tomás", email="tomas@example.org", timezone=KOLKATA)
    html = make_client().get(path + "?zone=mine").get_data(as_text=True)
    assert _shown(html) == _expected(KOLKATA)
    assert _footer(html) == [KOLKATA]
    # No date, deadline or label left on the meeting's clocks alone.
    assert not re.search(r"[AP]M \(America/Chicago\)", html)
    back = re.search(rf'<a class="zone-choice" href="{path}">([^<]*)<span', html)
    assert back.group(1).strip() == "Show the time in the meeting's time zone"


def test_without_asking_every_time_and_the_footer_are_the_meetings(make_client, link_of):
    path = link_of(name="Tomás", email="tomas@example.org", timezone=KOLKATA)
    html = make_client().get(path).get_data(as_text=True)
    assert _shown(html) == _expected(CHICAGO)
    assert _footer(html) == [CHICAGO]
    offer = re.search(r'<a class="zone-choice" href="\?zone=mine">(.*?)</a>', html).group(1)
    assert offer == 'Show the time in my time zone <span class="zone">(Asia/Kolkata)</span>'


def test_an_invitee_with_no_zone_is_offered_their_browsers_zone_only(make_client, link_of):
    path = link_of(name="Ana", email="ana@example.org", timezone=None)
    phone = make_client()
    html = phone.get(path).get_data(as_text=True)
    assert _shown(html) == _expected(CHICAGO) and _footer(html) == [CHICAGO]
    # No zone of her own: the offer waits, hidden, for the script to fill in the browser's.
    offer = re.search(r"<a [^>]*data-browser-zone[^>]*>", html).group(0)
    assert " hidden" in offer and 'data-meeting-zone="America/Chicago"' in offer
    assert "js/zone.js" in html

    madrid = phone.get(path + "?zone=Europe/Madrid").get_data(as_text=True)
    assert _shown(madrid) == _expected(MADRID) and _footer(madrid) == [MADRID]
    # Chromium still reports Kolkata by its old name: the page names it as the list does.
    kolkata = phone.get(path + "?zone=Asia/Calcutta").get_data(as_text=True)
    assert _shown(kolkata) == _expected(KOLKATA) and _footer(kolkata) == [KOLKATA]
    # "mine" names no zone of hers, and a zone not on the list is no zone: the meeting's.
    for asked in ("mine", "Mars/Olympus", "../../etc/passwd", "America/Chicago" * 40):
        page = phone.get(path, query_string={"zone": asked})
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert _shown(html) == _expected(CHICAGO) and _footer(html) == [CHICAGO]


def test_a_signed_in_invitee_sees_their_accounts_zone_everywhere_when_asked(
    app, client, create_person, series, invite_to_meeting
):
    tomas = create_person(email="tomas@example.org", timezone=KOLKATA)
    invite_to_meeting(series, people=[tomas])
    client.login(tomas)
    with app.app_context():
        invitation_id = db.session.scalar(
            db.select(MeetingInvitation.id).filter_by(person_id=tomas.id)
        )
    path = f"/rsvp/invitations/{invitation_id}"
    mine = client.get(path + "?zone=mine").get_data(as_text=True)
    assert _shown(mine) == _expected(KOLKATA) and _footer(mine) == [KOLKATA]
    usual = client.get(path).get_data(as_text=True)
    assert _shown(usual) == _expected(CHICAGO) and _footer(usual) == [CHICAGO]


def test_answering_keeps_the_page_in_the_zone_it_was_shown_in(make_client, link_of):
    path = link_of(name="Tomás", email="tomas@example.org", timezone=KOLKATA)
    phone = make_client()
    html = phone.get(path + "?zone=mine").get_data(as_text=True)
    # Both forms post back with the zone asked for, and the answer returns to it.
    assert f'action="{path}?zone=mine"' in html
    one = re.search(rf'action="({path}/dates/\w+)\?zone=mine"', html).group(1)
    answered = phone.post_form(
        path + "?zone=mine", {"answer": "yes", "headcount": "1"}, token_page=path
    )
    assert answered.headers["Location"].endswith(f"{path}?zone=mine")
    dated = phone.post_form(
        one + "?zone=Asia/Calcutta", {"answer": "no", "headcount": "0"}, token_page=path
    )
    assert dated.headers["Location"].endswith(f"{path}?zone=Asia%2FKolkata")
    after = phone.get(answered.headers["Location"]).get_data(as_text=True)
    assert _footer(after) == [KOLKATA]
    # A zone not on the list is not carried: the meeting's page.
    plain = phone.post_form(path + "?zone=Mars/Olympus", {"answer": "yes"}, token_page=path)
    assert plain.headers["Location"].endswith(path)
