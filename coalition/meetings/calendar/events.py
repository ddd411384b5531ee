"""From meetings to calendar events, for files and feeds: the Flask side of ical.py."""

from flask_babel import gettext as _

from coalition.meetings.calendar import ical
from coalition.meetings.occurrences import original_starts
from coalition.web.urls import external_url


def event_description(meeting):
    """The DESCRIPTION: description, agenda, the online link and the meeting page."""
    parts = [meeting.description.strip(), meeting.agenda.strip()]
    if meeting.online_link:
        parts.append(_("Join online: %(link)s", link=meeting.online_link))
    parts.append(_("Meeting page: %(link)s", link=meeting_url(meeting)))
    return "\n\n".join(part for part in parts if part)


def meeting_url(meeting):
    return external_url("meetings.detail", meeting_id=meeting.id)


def series_events(meeting, exceptions, *, for_feed=True):
    """The VEVENTs of a meeting: the series (with EXDATEs) and each moved occurrence."""
    zone = meeting.zone
    valid = set(original_starts(meeting))
    cancelled = tuple(
        e.original_start.astimezone(zone)
        for e in exceptions
        if e.cancelled and e.original_start in valid
    )
    events = [
        ical.CalendarEvent(
            uid=meeting.uid,
            sequence=meeting.sequence,
            title=meeting.title,
            start=meeting.start_at.astimezone(zone),
            end=meeting.end_at.astimezone(zone),
            stamp=meeting.updated_at,
            description=event_description(meeting),
            location=_location(meeting.location, meeting.online_link),
            url=meeting_url(meeting),
            rrule=meeting.rrule,
            exdates=cancelled if meeting.is_series else (),
            cancelled=meeting.is_cancelled,
        )
    ]
    for exception in exceptions:
        if (
            exception.cancelled
            or exception.start_at is None
            or exception.original_start not in valid
        ):
            continue
        events.append(
            ical.CalendarEvent(
                uid=meeting.uid,
                sequence=max(exception.sequence, meeting.sequence),
                title=meeting.title,
                start=exception.start_at.astimezone(zone),
                end=exception.end_at.astimezone(zone),
                stamp=exception.updated_at,
                description=event_description(meeting),
                location=_location(exception.location or meeting.location, meeting.online_link),
                url=meeting_url(meeting),
                recurrence_id=exception.original_start.astimezone(zone),
            )
        )
    return events


def _location(place, online_link):
    # Some clients (Google Calendar) show LOCATION but not DESCRIPTION's links prominently.
    return " · ".join(part for part in (place, online_link) if part)


def feed_calendar(meetings, exceptions, name):
    """A subscription feed: every scheduled meeting, cancelled ones left out."""
    events = []
    for meeting in meetings:
        if not meeting.is_cancelled:
            events.extend(series_events(meeting, exceptions[meeting.id]))
    return ical.build_calendar(events, name=name)


def occurrence_event(meeting, occurrence):
    """One date of a series as an event of its own (its UID names the date)."""
    return ical.CalendarEvent(
        uid=f"{occurrence.key}-{meeting.uid}",
        sequence=meeting.sequence,
        title=meeting.title,
        start=occurrence.local_start,
        end=occurrence.local_end,
        stamp=meeting.updated_at,
        description=event_description(meeting),
        location=occurrence.location,
        url=meeting_url(meeting),
        cancelled=occurrence.cancelled,
    )
