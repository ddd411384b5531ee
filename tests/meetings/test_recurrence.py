"""Recurrence: the rules a chair picks, expanded in local time across daylight saving."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from coalition.meetings.recurrence import (
    MAX_OCCURRENCES,
    MONTHLY_BY_DATE,
    MONTHLY_BY_WEEKDAY,
    WEEKLY_FREQ,
    Recurrence,
    RecurrenceError,
    expand,
    parse,
    truncate_before,
    validate,
)

CHICAGO = ZoneInfo("America/Chicago")


def _start(*args):
    return datetime(*args, tzinfo=CHICAGO)


def test_second_tuesday_at_6_pm_for_a_year_keeps_local_time_across_dst():
    first = _start(2026, 1, 13, 18, 0)  # the second Tuesday of January 2026
    rule = Recurrence(MONTHLY_BY_WEEKDAY, until=date(2026, 12, 31)).rrule(first)
    assert "BYDAY=2TU" in rule
    starts = expand(rule, first)
    assert len(starts) == 12
    assert all(start.weekday() == 1 and 8 <= start.day <= 14 for start in starts)
    assert {(start.hour, start.minute) for start in starts} == {(18, 0)}
    # In UTC the hour moves with daylight saving: 00:00 in winter, 23:00 in summer.
    assert {start.astimezone(ZoneInfo("UTC")).hour for start in starts} == {0, 23}


def test_every_other_week_for_a_count():
    first = _start(2026, 3, 2, 9, 30)
    starts = expand(Recurrence(WEEKLY_FREQ, interval=2, count=5).rrule(first), first)
    assert [start.day for start in starts] == [2, 16, 30, 13, 27]
    assert starts[2].month == 3 and starts[3].month == 4


def test_monthly_by_date():
    first = _start(2026, 1, 15, 12, 0)
    starts = expand(Recurrence(MONTHLY_BY_DATE, count=3).rrule(first), first)
    assert [(start.month, start.day) for start in starts] == [(1, 15), (2, 15), (3, 15)]


def test_fifth_weekday_means_the_last_one():
    first = _start(2026, 3, 31, 18, 0)  # the fifth Tuesday of March
    starts = expand(Recurrence(MONTHLY_BY_WEEKDAY, count=3).rrule(first), first)
    assert [(start.month, start.day) for start in starts] == [(3, 31), (4, 28), (5, 26)]


def test_until_is_inclusive_of_the_last_day():
    first = _start(2026, 5, 5, 18, 0)
    starts = expand(Recurrence(WEEKLY_FREQ, until=date(2026, 5, 26)).rrule(first), first)
    assert [start.day for start in starts] == [5, 12, 19, 26]


def test_rules_read_back_as_written():
    first = _start(2026, 1, 13, 18, 0)
    for recurrence in (
        Recurrence(WEEKLY_FREQ, 2, count=10),
        Recurrence(MONTHLY_BY_WEEKDAY, 1, until=date(2026, 12, 31)),
        Recurrence(MONTHLY_BY_DATE, 3, count=4),
    ):
        assert parse(recurrence.rrule(first), CHICAGO) == recurrence


@pytest.mark.parametrize(
    "recurrence",
    [
        Recurrence(WEEKLY_FREQ, count=MAX_OCCURRENCES + 1),
        Recurrence(WEEKLY_FREQ, until=date(2031, 1, 1)),
        Recurrence(WEEKLY_FREQ, until=date(2025, 1, 1)),
        Recurrence(WEEKLY_FREQ),
        Recurrence(WEEKLY_FREQ, interval=0, count=3),
        Recurrence("daily", count=3),
    ],
)
def test_rules_beyond_the_limits_are_refused(recurrence):
    with pytest.raises(RecurrenceError):
        validate(recurrence, _start(2026, 1, 6, 18, 0))


def test_splitting_a_series_ends_it_just_before_the_split():
    first = _start(2026, 1, 13, 18, 0)
    rule = Recurrence(MONTHLY_BY_WEEKDAY, count=12).rrule(first)
    split = expand(rule, first)[5]
    head = expand(truncate_before(rule, split), first)
    assert len(head) == 5 and head[-1] < split
