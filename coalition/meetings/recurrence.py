"""Recurring meetings as RFC 5545 rules, expanded in the meeting's own time zone.

Occurrences are computed on local wall-clock times and only then given their zone, so a
6 pm meeting stays at 6 pm across daylight-saving changes. Free of Flask: plain data in,
plain data out.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

WEEKLY_FREQ = "weekly"
MONTHLY_BY_DATE = "monthly_by_date"
MONTHLY_BY_WEEKDAY = "monthly_by_weekday"
PATTERNS = (WEEKLY_FREQ, MONTHLY_BY_DATE, MONTHLY_BY_WEEKDAY)

MAX_OCCURRENCES = 200
MAX_SPAN = timedelta(days=3 * 366)
_ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class RecurrenceError(ValueError):
    """A rule that cannot be used (beyond the limit, ending before it starts...)."""


@dataclass(frozen=True)
class Recurrence:
    """How a series repeats: a pattern every `interval` weeks or months, until or count."""

    pattern: str
    interval: int = 1
    until: date | None = None
    count: int | None = None

    def rrule(self, first_start):
        """The RRULE value (without the "RRULE:" prefix) for a series starting then."""
        parts = [f"FREQ={'WEEKLY' if self.pattern == WEEKLY_FREQ else 'MONTHLY'}"]
        if self.interval > 1:
            parts.append(f"INTERVAL={self.interval}")
        weekday = _ICAL_DAYS[first_start.weekday()]
        if self.pattern == WEEKLY_FREQ:
            parts.append(f"BYDAY={weekday}")
        elif self.pattern == MONTHLY_BY_DATE:
            parts.append(f"BYMONTHDAY={first_start.day}")
        else:
            parts.append(f"BYDAY={nth_weekday(first_start)}{weekday}")
        if self.count:
            parts.append(f"COUNT={self.count}")
        elif self.until:
            # UNTIL is inclusive and in UTC for zoned starts (RFC 5545 3.3.10).
            last_local = datetime.combine(self.until, time(23, 59, 59), first_start.tzinfo)
            parts.append(f"UNTIL={last_local.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}")
        return ";".join(parts)


def nth_weekday(moment):
    """1 for the first such weekday of its month ... 4; -1 for a fifth, read as "last"."""
    nth = (moment.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def validate(recurrence, first_start):
    """Refuse rules that end before they start or run past the limits."""
    if recurrence.pattern not in PATTERNS:
        raise RecurrenceError("unknown pattern")
    if not 1 <= recurrence.interval <= 12:
        raise RecurrenceError("interval")
    if recurrence.count is None and recurrence.until is None:
        raise RecurrenceError("open-ended")
    if recurrence.count is not None and not 1 <= recurrence.count <= MAX_OCCURRENCES:
        raise RecurrenceError("count")
    if recurrence.until is not None:
        if recurrence.until < first_start.date():
            raise RecurrenceError("until-before-start")
        if recurrence.until - first_start.date() > MAX_SPAN:
            raise RecurrenceError("span")
    if len(expand(recurrence.rrule(first_start), first_start)) > MAX_OCCURRENCES:
        raise RecurrenceError("count")


def expand(rule, first_start, *, after=None, before=None):
    """Local, zone-aware starts of a series, first to last (at most MAX_OCCURRENCES + 1).

    `first_start` is aware, in the meeting's zone. The rule is applied to naive wall-clock
    times, then each result gets the zone: local time holds across daylight saving.
    """
    zone = first_start.tzinfo
    naive_start = first_start.replace(tzinfo=None)
    # dateutil compares a UTC UNTIL with naive starts; give it the local naive UNTIL instead.
    local_rule = _localize_until(rule, zone)
    starts = []
    for naive in rrulestr(local_rule, dtstart=naive_start):
        moment = naive.replace(tzinfo=zone)
        if before is not None and moment >= before:
            break
        if after is None or moment >= after:
            starts.append(moment)
        if len(starts) > MAX_OCCURRENCES:
            break
    return starts


def _localize_until(rule, zone):
    parts = []
    for part in rule.split(";"):
        if part.startswith("UNTIL=") and part.endswith("Z"):
            utc = datetime.strptime(part[6:], "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
            part = f"UNTIL={utc.astimezone(zone):%Y%m%dT%H%M%S}"
        parts.append(part)
    return ";".join(parts)


def parse(rule, zone):
    """A Recurrence from an RRULE value written by Recurrence.rrule() for a zone."""
    fields = dict(part.split("=", 1) for part in rule.split(";"))
    byday = fields.get("BYDAY", "")
    if fields.get("FREQ") == "WEEKLY":
        pattern = WEEKLY_FREQ
    elif "BYMONTHDAY" in fields:
        pattern = MONTHLY_BY_DATE
    elif byday:
        pattern = MONTHLY_BY_WEEKDAY
    else:
        raise RecurrenceError("unsupported rule")
    until = None
    if "UNTIL" in fields:
        utc = datetime.strptime(fields["UNTIL"], "%Y%m%dT%H%M%SZ").replace(tzinfo=ZoneInfo("UTC"))
        until = utc.astimezone(zone).date()
    count = int(fields["COUNT"]) if "COUNT" in fields else None
    return Recurrence(pattern, int(fields.get("INTERVAL", 1)), until, count)


def truncate_before(rule, split_start):
    """The rule of a series ended just before `split_start` (for "this and following")."""
    last = split_start - timedelta(seconds=1)
    parts = [part for part in rule.split(";") if not part.startswith(("UNTIL=", "COUNT="))]
    parts.append(f"UNTIL={last.astimezone(ZoneInfo('UTC')):%Y%m%dT%H%M%SZ}")
    return ";".join(parts)
