"""The month calendar grid, in the viewer's time zone."""

import calendar
from datetime import datetime, time, timedelta

from coalition.web.i18n import reader_zone


def parse_month(value):
    """(start, end) of a "YYYY-MM" month in the viewer's zone; this month when empty."""
    zone = reader_zone()
    if not value:
        today = datetime.now(zone).date()
        first = today.replace(day=1)
    else:
        try:
            first = datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            return None
        if not 2000 <= first.year <= 2100:
            return None
    following = (first + timedelta(days=32)).replace(day=1)
    return datetime.combine(first, time(), zone), datetime.combine(following, time(), zone)


def month_grid(month_start, occurrences):
    """Weeks (Monday first) of (day, [occurrences that start that day], in the month?)."""
    zone = reader_zone()
    by_day = {}
    for occurrence in occurrences:
        by_day.setdefault(occurrence.start.astimezone(zone).date(), []).append(occurrence)
    first = month_start.date()
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    return [
        [(day, by_day.get(day, []), day.month == first.month) for day in week] for week in weeks
    ]


def neighbours(month_start):
    """("YYYY-MM" of the previous month, of the next month)."""
    first = month_start.date()
    previous = (first - timedelta(days=1)).replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return f"{previous:%Y-%m}", f"{following:%Y-%m}"
