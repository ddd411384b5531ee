"""The one zone an answer page shows its times in: the meeting's, unless the reader asks for
another. Every date, deadline and the footer read it (web.i18n.show_times_in), so a page
never mixes clocks.

"?zone=mine" is the reader's own zone (their account's, else the link recipient's). Someone
with no zone of their own is offered their browser's instead: static/js/zone.js reads it and
sends "?zone=<name>", which counts only when it is on the zone list.
"""

from dataclasses import dataclass
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from babel.core import get_global

from coalition.core.timezones import timezone_names
from coalition.web.i18n import own_timezone, show_times_in

MINE = "mine"


@dataclass(frozen=True)
class PageZone:
    """The zone the page is shown in, and the reader's own (None: they have none)."""

    shown: ZoneInfo
    own: str | None


def choose_page_zone(meeting, asked):
    """Show this request's times in the zone `asked` for ("mine" or a zone name), else in the
    meeting's; a name not on the zone list is ignored, never an error."""
    own = own_timezone()
    if asked == MINE and own:
        zone = own
    else:
        zone = listed_zone(asked) or meeting.zone.key
    show_times_in(zone)
    return PageZone(shown=ZoneInfo(zone), own=own)


def zone_query(asked):
    """ "?zone=..." that keeps the page in the zone asked for across an answer's round trip
    (the forms post to it and the redirect returns to it); "" for the meeting's zone."""
    if asked == MINE and own_timezone():
        return "?zone=" + MINE
    listed = listed_zone(asked)
    return "?" + urlencode({"zone": listed}) if listed else ""


def listed_zone(name):
    """The zone list's name for `name`, or None. Browsers still report some zones by their
    old names (Chromium: Asia/Calcutta for Asia/Kolkata); CLDR's aliases give today's."""
    if not isinstance(name, str):
        return None
    name = get_global("zone_aliases").get(name, name)
    return name if name in timezone_names() else None
