"""How meeting times read: in the viewer's zone, with the meeting's own zone when different.

Every text here is formatted from an aware moment and the zone it is to be read in
(`_in_zone`): a local wall-clock time without its zone would be read as UTC by Flask-Babel
and moved a second time (9:00 in Chicago shown as 1:00 in Los Angeles).
"""

from datetime import UTC, datetime

from babel import dates
from flask_babel import get_locale, ngettext, pgettext
from flask_babel import gettext as _
from markupsafe import Markup

from coalition.meetings import recurrence
from coalition.meetings.occurrences import occurrences_of
from coalition.web.i18n import reader_zone


def _in_zone(moment, zone):
    """The same instant on the wall clocks of `zone`; a naive moment is refused, never guessed."""
    if moment.tzinfo is None:
        raise ValueError(
            "a meeting time must be aware (stored in UTC), not a local wall-clock time"
        )
    return moment.astimezone(zone)


def _span(start, end, zone):
    """'Tuesday, January 13, 2026, 6:00 PM – 7:30 PM' on the clocks of `zone`; the end's day
    too when the meeting ends on another day there (an evening in Chicago, past midnight in
    New York)."""
    locale = get_locale()
    local_start, local_end = _in_zone(start, zone), _in_zone(end, zone)
    if local_end.date() != local_start.date():
        return _(
            "%(start)s – %(end)s",
            start=_day_and_time(local_start, locale),
            end=_day_and_time(local_end, locale),
        )
    return _(
        "%(day)s, %(start)s – %(end)s",
        day=dates.format_date(local_start, "full", locale),
        start=dates.format_time(local_start, "short", locale=locale),
        end=dates.format_time(local_end, "short", locale=locale),
    )


def _day_and_time(local, locale):
    """'Sunday, January 31, 2027, 6:30 PM' of a moment already on its zone's clocks."""
    return locale.datetime_formats["medium"].format(
        dates.format_time(local, "short", locale=locale),
        dates.format_date(local, "full", locale),
    )


def _moment(moment, zone):
    """'Jan 13, 2026, 6:00 PM' on the clocks of `zone`, joined as the reader's language joins."""
    locale = get_locale()
    local = _in_zone(moment, zone)
    return locale.datetime_formats["medium"].format(
        dates.format_time(local, "short", locale=locale),
        dates.format_date(local, "medium", locale),
    )


def when(start, end, meeting_zone):
    """'Tuesday, January 13, 2026, 6:00 PM – 7:30 PM (America/Chicago)' in the viewer's zone,
    followed by the start on the meeting's own clocks when the viewer is elsewhere."""
    viewer_zone = reader_zone()
    label = Markup('<time datetime="{}">{}</time> <span class="zone">({})</span>').format(
        start.isoformat(), _span(start, end, viewer_zone), str(viewer_zone)
    )
    if str(viewer_zone) != meeting_zone.key:
        label += Markup(' <span class="zone-other">{}</span>').format(
            _(
                "%(time)s in %(zone)s, the meeting's time zone",
                zone=meeting_zone.key,
                time=_moment(start, meeting_zone),
            )
        )
    return label


def in_meeting_zone(start, end, meeting_zone):
    """'Tuesday, January 13, 2026, 6:00 PM – 7:30 PM (America/Chicago)', in the meeting's
    own zone: what an email says, whoever reads it and wherever."""
    return _span(start, end, meeting_zone) + f" ({meeting_zone.key})"


def moment_in_zone(moment, meeting_zone):
    """'Tuesday, January 13, 2026, 6:00 PM (America/Chicago)': one moment in the meeting's zone,
    as the RSVP page and the emails say when answers close."""
    locale = get_locale()
    local = _in_zone(moment, meeting_zone)
    return (
        _(
            "%(day)s, %(time)s",
            day=dates.format_date(local, "full", locale),
            time=dates.format_time(local, "short", locale=locale),
        )
        + f" ({meeting_zone.key})"
    )


def _nth(number):
    """The weekday's place in its month (recurrence.nth_weekday: 1 to 4, -1 for the last) as
    Spanish and English write it before the day."""
    return {
        1: pgettext("weekday of the month", "first"),
        2: pgettext("weekday of the month", "second"),
        3: pgettext("weekday of the month", "third"),
        4: pgettext("weekday of the month", "fourth"),
    }.get(number, pgettext("weekday of the month", "last"))


def series_pattern(meeting):
    """How a series repeats, in words: 'every month on the second Tuesday'; '' for one meeting."""
    if not meeting.rrule:
        return ""
    rule = recurrence.parse(meeting.rrule, meeting.zone)
    first = meeting.local_start
    day = dates.format_date(first, "EEEE", get_locale())
    if rule.pattern == recurrence.WEEKLY_FREQ:
        return ngettext(
            "every week on %(day)s", "every %(num)d weeks on %(day)s", rule.interval, day=day
        )
    if rule.pattern == recurrence.MONTHLY_BY_DATE:
        return ngettext(
            "every month on day %(date)d",
            "every %(num)d months on day %(date)d",
            rule.interval,
            date=first.day,
        )
    return ngettext(
        "every month on the %(nth)s %(day)s",
        "every %(num)d months on the %(nth)s %(day)s",
        rule.interval,
        nth=_nth(recurrence.nth_weekday(first)),
        day=day,
    )


def next_date(meeting, exceptions, now=None):
    """The first date still to come and not cancelled (of a series already begun, the next
    one, not the first), or None."""
    now = now or datetime.now(UTC)
    return next((o for o in occurrences_of(meeting, exceptions, after=now) if o.start > now), None)


def series_line(meeting, occurrence):
    """What an email says beside a series' date: whether it is the first, and the pattern."""
    pattern = series_pattern(meeting)
    if occurrence is None:
        return _("a series: %(pattern)s", pattern=pattern)
    if occurrence.original_start == meeting.start_at:
        return _("first of a series: %(pattern)s", pattern=pattern)
    return _("next date of a series: %(pattern)s", pattern=pattern)


def register(blueprint):
    """Make the time helpers available to every template (emails included)."""
    blueprint.add_app_template_global(when, "meeting_when")
    blueprint.add_app_template_global(series_pattern, "meeting_series_pattern")
    blueprint.add_app_template_global(next_date, "meeting_next_date")
    blueprint.add_app_template_global(series_line, "meeting_series_line")
    blueprint.add_app_template_global(in_meeting_zone, "meeting_time_in_zone")
    blueprint.add_app_template_global(moment_in_zone, "meeting_moment_in_zone")
