"""Geometry for the representation chart, drawn as SVG by the template (no inline styles)."""

from dataclasses import dataclass

WIDTH = 640
ROW_HEIGHT = 48
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
BAR_AREA = 420  # the longest bar; the figures are written to its right


@dataclass(frozen=True)
class ChartRow:
    standing: object
    label_y: int
    bar_y: int
    active_width: float
    coming_x: float
    coming_width: float
    target_width: float
    figures_x: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    rows: list


def sector_chart(standings):
    """Rows of bars: active partners (filled), coming ones (hatched), the target (outline)."""
    largest = max(
        [1] + [max(s.target, s.active + s.in_pipeline) for s in standings],
    )
    unit = BAR_AREA / largest
    rows = []
    for index, standing in enumerate(standings):
        top = index * ROW_HEIGHT
        active = standing.active * unit
        coming = standing.in_pipeline * unit
        target = standing.target * unit
        rows.append(
            ChartRow(
                standing=standing,
                label_y=top + LABEL_HEIGHT - 4,
                bar_y=top + LABEL_HEIGHT + 2,
                active_width=active,
                coming_x=active,
                coming_width=coming,
                target_width=target,
                figures_x=max(active + coming, target) + 8,
            )
        )
    return Chart(width=WIDTH, height=max(len(standings), 1) * ROW_HEIGHT, rows=rows)
