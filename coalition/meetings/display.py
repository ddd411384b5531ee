"""How meeting times read: in the viewer's zone, with the meeting's own zone when different."""

from flask_babel import format_date, format_time, get_timezone
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


def register(blueprint):
    """Make `when` available to every template."""
    blueprint.add_app_template_global(when, "meeting_when")
