"""iCalendar output for meetings: files, feeds, invitations and cancellations.

Built with `icalendar` and free of Flask: callers pass plain CalendarEvent values (with any
text already translated) and get bytes back. Rules that keep real calendar clients in step:
a stable UID per meeting, SEQUENCE raised on every change that matters, DTSTAMP, a VTIMEZONE
for every zone used, RRULE/EXDATE/RECURRENCE-ID for series, cancelled occurrences as EXDATE
in feeds (clients do not all hide STATUS:CANCELLED), emailed updates as METHOD:REQUEST and
cancellations as METHOD:CANCEL (RFC 5546).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from icalendar import Calendar, Event, vCalAddress, vRecur, vText

PRODID = "-//Coalition//Meetings//EN"
METHOD_REQUEST = "REQUEST"
METHOD_CANCEL = "CANCEL"


@dataclass(frozen=True)
class CalendarEvent:
    """One VEVENT: a single meeting, a series, or one changed occurrence of a series."""

    uid: str
    sequence: int
    title: str
    start: datetime  # aware, in the meeting's own zone
    end: datetime  # aware, in the meeting's own zone
    stamp: datetime  # when it last changed, aware
    description: str = ""
    location: str = ""
    url: str = ""
    rrule: str | None = None
    exdates: tuple = ()  # aware original starts of cancelled occurrences
    recurrence_id: datetime | None = None  # original start of a moved occurrence
    cancelled: bool = False
    categories: tuple = field(default_factory=tuple)


def build_calendar(events, *, method=None, name=None, organizer=None, attendee=None):
    """The bytes of a VCALENDAR holding these events.

    `organizer` and `attendee` are (name, email) pairs, used for emailed invitations only:
    feeds and downloads carry no one's address.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_vevent(event, method, organizer, attendee))
    _add_timezones(calendar, events)
    return calendar.to_ical()


def _add_timezones(calendar, events):
    """A VTIMEZONE per zone used, covering only the years the events can reach."""
    if not events:
        return
    first = min(event.start for event in events).date() - timedelta(days=366)
    # A series lasts at most three years (recurrence.MAX_SPAN), moved dates a little more.
    last = max(event.end for event in events).date() + timedelta(days=4 * 366)
    calendar.add_missing_timezones(first_date=first, last_date=last)


def _vevent(event, method, organizer, attendee):
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("sequence", event.sequence)
    vevent.add("dtstamp", event.stamp.astimezone(UTC))
    vevent.add("last-modified", event.stamp.astimezone(UTC))
    vevent.add("summary", event.title)
    vevent.add("dtstart", event.start)
    vevent.add("dtend", event.end)
    if event.recurrence_id is not None:
        vevent.add("recurrence-id", event.recurrence_id)
    if event.rrule:
        vevent.add("rrule", vRecur.from_ical(event.rrule))
    for exdate in event.exdates:
        vevent.add("exdate", exdate)
    cancelled = event.cancelled or method == METHOD_CANCEL
    vevent.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if event.location:
        vevent.add("location", event.location)
    if event.url:
        vevent.add("url", event.url)
    if event.description:
        vevent.add("description", event.description)
    if organizer:
        vevent.add("organizer", _address(*organizer))
    if attendee:
        vevent.add("attendee", _address(*attendee, attendee=True))
    return vevent


def _address(name, email, attendee=False):
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(name)
    if attendee:
        address.params["role"] = vText("REQ-PARTICIPANT")
        address.params["partstat"] = vText("NEEDS-ACTION")
        address.params["rsvp"] = vText("FALSE")
    return address
