"""From meetings to calendar files and feeds: the Flask side of coalition/meetings/ical.py."""

import hashlib
import hmac
import secrets

from flask import current_app
from flask_babel import gettext as _

from coalition.core.extensions import db
from coalition.meetings import ical
from coalition.meetings.models import CalendarSettings
from coalition.meetings.occurrences import original_starts
from coalition.web.urls import external_url

FEED_COALITION = "coalition"
FEED_MINE = "mine"


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


def settings_for(person):
    """The person's calendar settings, created on first use."""
    settings = db.session.scalar(db.select(CalendarSettings).filter_by(person_id=person.id))
    if settings is None:
        settings = CalendarSettings(person_id=person.id, feed_secret=secrets.token_urlsafe(24))
        db.session.add(settings)
        db.session.flush()
    return settings


def choose_delivery(person, delivery):
    """Meetings reach the person's calendar as emailed invitations, or through their feed."""
    settings_for(person).delivery = delivery
    db.session.flush()


def reset_feed_secret(person):
    """Every feed URL given out before stops working at once."""
    settings_for(person).feed_secret = secrets.token_urlsafe(24)
    db.session.flush()


def feed_signature(person_id, feed, feed_secret):
    """HMAC-SHA256 over (person, feed, the person's feed secret)."""
    message = f"{person_id}:{feed}:{feed_secret}".encode()
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def feed_url(person, feed, *, scheme="https"):
    """The feed's absolute URL; webcal:// for one-tap subscription in calendar apps."""
    settings = settings_for(person)
    url = external_url(
        "calendar.feed",
        person_id=person.id,
        feed=feed,
        signature=feed_signature(person.id, feed, settings.feed_secret),
    )
    if scheme == "webcal":
        return "webcal://" + url.split("://", 1)[1]
    return url


def check_feed_signature(person_id, feed, signature):
    """True when the signature matches the person's current feed secret."""
    settings = db.session.scalar(db.select(CalendarSettings).filter_by(person_id=person_id))
    if settings is None:
        return False
    expected = feed_signature(person_id, feed, settings.feed_secret)
    return hmac.compare_digest(expected, signature or "")
