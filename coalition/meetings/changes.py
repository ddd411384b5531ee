"""What changed in a meeting, in words, and what a meeting with no date still to come says.

An update email opens with these lines, written in the recipient's language on the meeting's
own clocks: which date was cancelled or moved (and where to), or what changed in the whole
series. Pages and emails say that a series ended, or a meeting took place, rather than show a
past date as the one to come.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from babel import dates
from babel.lists import format_list
from flask_babel import get_locale, pgettext
from flask_babel import gettext as _

from coalition.meetings import display
from coalition.meetings.occurrences import occurrences_of

DATE_CANCELLED = "date-cancelled"
DATE_MOVED = "date-moved"
SERIES_CHANGED = "series-changed"
SERIES_SPLIT = "series-split"

# What a whole series' change can be, in the order an email lists them.
DAYS, TIME, ZONE, PATTERN, PLACE, ONLINE = "days", "time", "zone", "pattern", "place", "online"
PARTS = (DAYS, TIME, ZONE, PATTERN, PLACE, ONLINE)
FIELD_PARTS = {"timezone": ZONE, "rrule": PATTERN, "location": PLACE, "online_link": ONLINE}


@dataclass(frozen=True)
class Change:
    """One change invitees are told about: its kind, the date concerned and where it went."""

    kind: str
    original_start: datetime | None = None  # UTC: the date cancelled, moved, or split from
    start: datetime | None = None  # UTC: where a moved date goes
    end: datetime | None = None
    place: str = ""  # a moved date's own place, when it has one
    parts: tuple = ()  # a whole series' change: some of PARTS


def series_change(before, meeting):
    """The Change of a whole series from its schedule fields `before` an edit: the days, the
    time (its start or end on the meeting's clocks), the zone, the pattern, place, link."""
    changed = {FIELD_PARTS[name] for name in FIELD_PARTS if getattr(meeting, name) != before[name]}
    old_start = before["start_at"].astimezone(meeting.zone)
    old_end = before["end_at"].astimezone(meeting.zone)
    start, end = meeting.local_start, meeting.end_at.astimezone(meeting.zone)
    if start.date() != old_start.date():
        changed.add(DAYS)
    if (start.time(), end.time()) != (old_start.time(), old_end.time()):
        changed.add(TIME)
    return Change(SERIES_CHANGED, parts=tuple(part for part in PARTS if part in changed))


def _day(moment, zone):
    """'Tuesday, December 1, 2026' on the clocks of `zone`."""
    return dates.format_date(moment.astimezone(zone), "full", get_locale())


def _part_name(part):
    return {
        DAYS: pgettext("what changed in a meeting", "the dates"),
        TIME: pgettext("what changed in a meeting", "the time"),
        ZONE: pgettext("what changed in a meeting", "the time zone"),
        PATTERN: pgettext("what changed in a meeting", "how it repeats"),
        PLACE: pgettext("what changed in a meeting", "the place"),
        ONLINE: pgettext("what changed in a meeting", "the online link"),
    }[part]


def change_lines(change, meeting, next_occurrence):
    """The sentences saying what changed, in the reader's language; [] when nothing is known."""
    if change is None:
        return []
    zone = meeting.zone
    if change.kind == DATE_CANCELLED:
        lines = [_("The meeting on %(day)s is cancelled.", day=_day(change.original_start, zone))]
        if next_occurrence is None:
            return [*lines, _("No other date of this meeting is still to come.")]
        when = display.in_meeting_zone(next_occurrence.start, next_occurrence.end, zone)
        later = _("The next date is %(when)s; the other dates stay as they were.", when=when)
        return [*lines, later]
    if change.kind == DATE_MOVED:
        when = display.in_meeting_zone(change.start, change.end, zone)
        lines = [
            _(
                "The meeting of %(day)s moves to %(when)s.",
                day=_day(change.original_start, zone),
                when=when,
            )
        ]
        if change.place:
            lines.append(_("That day it takes place at %(place)s.", place=change.place))
        return [*lines, _("The other dates stay as they were.")]
    if change.kind == SERIES_SPLIT:
        return [
            _(
                "This series now ends before %(day)s. The dates from then on continue with new "
                "details, in an invitation of their own.",
                day=_day(change.original_start, zone),
            )
        ]
    if change.parts:
        what = format_list([_part_name(part) for part in change.parts], locale=get_locale())
        return [_("What changed: %(what)s.", what=what)]
    return []


def date_line(meeting, occurrence):
    """What an email says beside a series' date: whether it was moved, and the pattern."""
    line = display.series_line(meeting, occurrence)
    if occurrence is not None and occurrence.moved:
        return _(
            "moved from %(day)s; %(series)s",
            day=_day(occurrence.original_start, meeting.zone),
            series=line,
        )
    return line


def to_come(meeting, exceptions, now=None):
    """True while a date of the meeting, not cancelled, is still to start."""
    return display.next_date(meeting, exceptions, now) is not None


def last_held(meeting, exceptions, now=None):
    """The last date that has begun and was not cancelled, or None."""
    now = now or datetime.now(UTC)
    held = occurrences_of(meeting, exceptions, before=now)
    return held[-1] if held else None


def ended(meeting, last):
    """What stands in place of 'When' once no date is still to come."""
    if last is None:
        return _("No date of this meeting is still to come.")
    if meeting.is_series:
        return _("This series ended on %(day)s.", day=_day(last.start, meeting.zone))
    return _(
        "This meeting took place on %(when)s.",
        when=display.in_meeting_zone(last.start, last.end, meeting.zone),
    )


def register(blueprint):
    """Make the change and ending lines available to every template (emails included)."""
    blueprint.add_app_template_global(change_lines, "meeting_change_lines")
    blueprint.add_app_template_global(date_line, "meeting_date_line")
    blueprint.add_app_template_global(last_held, "meeting_last_held")
    blueprint.add_app_template_global(ended, "meeting_ended")
