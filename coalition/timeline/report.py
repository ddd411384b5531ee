"""The funder report's sections that other features know: registered at start-up.

The timeline writes the report's wins, losses and milestones itself. Goals with their
progress, members and sectors, meetings and attendance belong to other features: each
registers a provider, called with the reader (whose visibility it keeps) and the period,
that returns a ReportSection of plain text the report shows as a table.
"""

from dataclasses import dataclass, field

_providers = {}


@dataclass(frozen=True)
class ReportSection:
    title: str
    headers: list
    rows: list
    summary: list = field(default_factory=list)  # sentences in words, before the table
    empty: str = ""  # said when there are no rows


def register_report_section(key, order, provider):
    """provider(viewer, start, end) -> ReportSection, or None to leave it out."""
    _providers[key] = (order, provider)


def report_sections(viewer, start, end):
    """Every registered section, in their order, as the reader may see them."""
    sections = []
    for _order, provider in sorted(_providers.values(), key=lambda item: item[0]):
        section = provider(viewer, start, end)
        if section is not None:
            sections.append(section)
    return sections
