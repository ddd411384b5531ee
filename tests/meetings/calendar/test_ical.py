"""Calendar output that real clients accept: parsed by two parsers, expanded like a client."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import vobject

from coalition.meetings.calendar.ical import (
    METHOD_CANCEL,
    METHOD_REQUEST,
    CalendarEvent,
    build_calendar,
)
from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, Recurrence, expand

CHICAGO = ZoneInfo("America/Chicago")
FIRST = datetime(2026, 1, 13, 18, 0, tzinfo=CHICAGO)
RULE = Recurrence(MONTHLY_BY_WEEKDAY, until=date(2026, 12, 31)).rrule(FIRST)
STAMP = datetime(2026, 1, 2, 15, 0, tzinfo=UTC)


def _series(**overrides):
    fields = dict(
        uid="meeting-7@coalition.example",
        sequence=2,
        title="Steering committee",
        start=FIRST,
        end=FIRST + timedelta(hours=1, minutes=30),
        stamp=STAMP,
        description="Agenda: budget.\n\nJoin online: https://meet.example/abc",
        location="Riverside Library, Room B",
        url="https://coalition.example/m/7",
        rrule=RULE,
    )
    fields.update(overrides)
    return CalendarEvent(**fields)


def _moved(original, new_start):
    return CalendarEvent(
        uid="meeting-7@coalition.example",
        sequence=3,
        title="Steering committee (moved)",
        start=new_start,
        end=new_start + timedelta(hours=1),
        stamp=STAMP,
        recurrence_id=original,
    )


def _feed():
    starts = expand(RULE, FIRST)
    cancelled, moved = starts[2], starts[5]  # March (cancelled), June (moved a day later)
    events = [_series(exdates=(cancelled,)), _moved(moved, moved + timedelta(days=1))]
    return build_calendar(events, name="Riverside coalition"), starts, cancelled, moved


def test_feed_parses_with_icalendar_and_with_vobject():
    data, *_ = _feed()
    parsed = icalendar.Calendar.from_ical(data)
    [master, override] = parsed.walk("VEVENT")
    assert str(master["UID"]) == str(override["UID"]) == "meeting-7@coalition.example"
    assert master["DTSTART"].dt == FIRST and str(master["DTSTART"].params["TZID"]) == (
        "America/Chicago"
    )
    assert [str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")] == ["America/Chicago"]
    assert "METHOD" not in parsed and "ATTENDEE" not in master and "ORGANIZER" not in master
    other = vobject.readOne(data.decode("utf-8"))
    assert len(other.vevent_list) == 2
    assert other.vevent.summary.value == "Steering committee"
    assert other.vevent.location.value == "Riverside Library, Room B"


def test_a_client_expanding_the_feed_sees_the_apps_occurrences_across_dst():
    data, starts, cancelled, moved = _feed()
    calendar = icalendar.Calendar.from_ical(data)
    seen = recurring_ical_events.of(calendar).between(datetime(2026, 1, 1), datetime(2027, 1, 1))
    client_starts = sorted(event["DTSTART"].dt for event in seen)
    expected = sorted(
        [start for start in starts if start not in (cancelled, moved)] + [moved + timedelta(days=1)]
    )
    assert client_starts == expected
    assert len(client_starts) == 11
    # 6 pm local in winter and in summer.
    assert {start.astimezone(CHICAGO).hour for start in client_starts} == {18}


def test_emailed_invitation_is_a_request_with_organizer_and_attendee():
    data = build_calendar(
        [_series()],
        method=METHOD_REQUEST,
        organizer=("Riverside Coalition", "coalition@example.org"),
        attendee=("Rosa Delgado", "rosa@example.org"),
    )
    parsed = icalendar.Calendar.from_ical(data)
    assert parsed["METHOD"] == "REQUEST"
    [event] = parsed.walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:coalition@example.org"
    assert str(event["ATTENDEE"]) == "mailto:rosa@example.org"
    assert event["STATUS"] == "CONFIRMED"


def test_cancellation_keeps_the_uid_and_raises_the_sequence():
    request = icalendar.Calendar.from_ical(build_calendar([_series()], method=METHOD_REQUEST))
    cancel = icalendar.Calendar.from_ical(
        build_calendar([_series(sequence=3)], method=METHOD_CANCEL)
    )
    [before], [after] = request.walk("VEVENT"), cancel.walk("VEVENT")
    assert cancel["METHOD"] == "CANCEL" and after["STATUS"] == "CANCELLED"
    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]


def test_every_zone_used_gets_its_vtimezone():
    tokyo = datetime(2026, 4, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    other = CalendarEvent(
        uid="m-8@x",
        sequence=0,
        title="Partners call",
        start=tokyo,
        end=tokyo + timedelta(hours=1),
        stamp=STAMP,
    )
    parsed = icalendar.Calendar.from_ical(build_calendar([_series(), other]))
    assert sorted(str(zone["TZID"]) for zone in parsed.walk("VTIMEZONE")) == [
        "America/Chicago",
        "Asia/Tokyo",
    ]
