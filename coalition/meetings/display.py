"""How meeting times read: in the viewer's zone, with the meeting's own zone when different."""

from babel import dates
from flask_babel import format_date, format_time, get_locale, get_timezone
from flask_babel import gettext as _
from markupsafe import Markup


def when(start, end, meeting_zone):
    """'Tuesday, January 13, 2026, 6:00 PM – 7:30 PM (America/Chicago)' in the viewer's zone."""
    viewer_zone = get_timezone()
    text = _(
        "%(day)s, %(start)s – %(end)s",
        day=format_date(start, "full"),
        start=format_time(start, "short"),
        end=format_time(end, "short"),
    )
    label = Markup('<time datetime="{}">{}</time> <span class="zone">({})</span>').format(
        start.isoformat(), text, str(viewer_zone)
    )
    if str(viewer_zone) != meeting_zone.key:
        local = start.astimezone(meeting_zone)
        label += Markup(' <span class="zone-other">{}</span>').format(
            _(
                "%(time)s in %(zone)s, the meeting's time zone",
                zone=meeting_zone.key,
                time=format_time(local.replace(tzinfo=None), "short")
                + " "
                + format_date(local.replace(tzinfo=None), "medium"),
            )
        )
    return label


def in_meeting_zone(start, end, meeting_zone):
    """'Tuesday, January 13, 2026, 6:00 PM – 7:30 PM (America/Chicago)', in the meeting's
    own zone: what an email says, whoever reads it and wherever."""
    locale = str(get_locale())
    local_start, local_end = start.astimezone(meeting_zone), end.astimezone(meeting_zone)
    return (
        _(
            "%(day)s, %(start)s – %(end)s",
            day=dates.format_date(local_start, "full", locale),
            start=dates.format_time(local_start, "short", locale=locale),
            end=dates.format_time(local_end, "short", locale=locale),
        )
        + f" ({meeting_zone.key})"
    )


def moment_in_zone(moment, meeting_zone):
    """'Tuesday, January 13, 2026, 6:00 PM (America/Chicago)': one moment in the meeting's zone,
    as the RSVP page and the emails say when answers close."""
    locale = str(get_locale())
    local = moment.astimezone(meeting_zone)
    return (
        _(
            "%(day)s, %(time)s",
            day=dates.format_date(local, "full", locale),
            time=dates.format_time(local, "short", locale=locale),
        )
        + f" ({meeting_zone.key})"
    )


def register(blueprint):
    """Make the time helpers available to every template (emails included)."""
    blueprint.add_app_template_global(when, "meeting_when")
    blueprint.add_app_template_global(in_meeting_zone, "meeting_time_in_zone")
    blueprint.add_app_template_global(moment_in_zone, "meeting_moment_in_zone")
