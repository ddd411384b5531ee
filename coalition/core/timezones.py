"""Time zone choices and the viewer's zone."""

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from flask import current_app


@cache
def timezone_names():
    """Canonical IANA zone names, sorted, without legacy aliases."""
    names = {
        name
        for name in available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix", "right"))
    }
    return tuple(sorted(names | {"UTC"}))


def is_valid_timezone(name):
    """True for a zone the machine knows."""
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def coalition_date(moment):
    """The calendar date of an aware moment where the coalition is (its time zone)."""
    return moment.astimezone(ZoneInfo(current_app.config["COALITION_TIMEZONE"])).date()


def coalition_today():
    """Today's date where the coalition is, for due dates and follow-ups."""
    return coalition_date(datetime.now(UTC))
