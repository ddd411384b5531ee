"""Geometry for the representation chart: bar lengths as percentages of the row's width.

The template draws each sector as a row: its name and figures as text (which wraps at any
width and in any language), then its bars in an SVG as wide as the row. Lengths are
percentages, so every row shares one scale at every screen width.
"""

from dataclasses import dataclass

BAR_AREA = 98.0  # percent of the row: the target's outline keeps its stroke inside


@dataclass(frozen=True)
class ChartRow:
    standing: object
    active_width: float
    coming_x: float
    coming_width: float
    target_width: float


@dataclass(frozen=True)
class Chart:
    rows: list


def sector_chart(standings):
    """Rows of bars: active partners (filled), coming ones (hatched), the target (outline)."""
    largest = max(
        [1] + [max(s.target, s.active + s.in_pipeline) for s in standings],
    )
    unit = BAR_AREA / largest
    rows = [
        ChartRow(
            standing=standing,
            active_width=standing.active * unit,
            coming_x=standing.active * unit,
            coming_width=standing.in_pipeline * unit,
            target_width=standing.target * unit,
        )
        for standing in standings
    ]
    return Chart(rows=rows)
