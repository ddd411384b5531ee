"""Geometry for the strip of wins and losses over time, drawn as SVG by the template.

One column per month: wins and milestones rise above the line, losses and setbacks fall
below it. The page gives the same figures in words and in a table.
"""

from dataclasses import dataclass
from datetime import date

from coalition.timeline.models import KIND_LOSS, KIND_MILESTONE, KIND_SETBACK, KIND_WIN

MONTHS_SHOWN = 24
COLUMN = 26
BAR = 16
HALF = 60  # the tallest bar on either side of the line
LABEL_ROOM = 34


@dataclass(frozen=True)
class Column:
    month: date
    x: int
    up: float  # height of the wins-and-milestones bar
    down: float
    ups: int
    downs: int
    counts: dict


@dataclass(frozen=True)
class Strip:
    width: int
    height: int
    axis_y: int
    columns: list


def months_between(first, last):
    """Every first-of-month from `first` to `last`, both included."""
    months, current = [], date(first.year, first.month, 1)
    while current <= last:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def strip(month_counts, start=None, end=None):
    """The strip over the filters' range, else over the months that have entries (at most 24)."""
    if not month_counts and (start is None or end is None):
        return None
    keys = sorted(month_counts)
    first = start or date(*keys[0], 1)
    last = end or date(*keys[-1], 1)
    months = months_between(first, last)[-MONTHS_SHOWN:]
    rows = [(m, month_counts.get((m.year, m.month), {})) for m in months]
    ups = [c.get(KIND_WIN, 0) + c.get(KIND_MILESTONE, 0) for _m, c in rows]
    downs = [c.get(KIND_LOSS, 0) + c.get(KIND_SETBACK, 0) for _m, c in rows]
    unit = HALF / max([1, *ups, *downs])
    columns = [
        Column(m, i * COLUMN + 4, ups[i] * unit, downs[i] * unit, ups[i], downs[i], counts)
        for i, (m, counts) in enumerate(rows)
    ]
    return Strip(
        width=len(columns) * COLUMN + 8,
        height=2 * HALF + LABEL_ROOM,
        axis_y=HALF + 2,
        columns=columns,
    )
