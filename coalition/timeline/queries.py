"""Reading the timeline as one reader may: filters, visibility, pages, counts.

An entry linked to anything its reader cannot see is hidden from that reader, on every
path (page, entry page, feed, report, CSV). `Reading` asks each source type's resolver
once which of the referenced objects the reader may see, then filters in SQL, so a page
costs the same number of queries at any size.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, extract, false, not_, or_, union
from sqlalchemy.orm import joinedload, subqueryload

from coalition.core.extensions import db
from coalition.revisions import services as revisions
from coalition.revisions.diff import diff_html
from coalition.timeline.events import entry_title
from coalition.timeline.models import KINDS, TimelineEntry, TimelineLink
from coalition.timeline.sources import resolve_links, visible_sources

Entry = TimelineEntry
Link = TimelineLink


@dataclass(frozen=True)
class Filters:
    """What the reader narrowed the timeline to; None: no narrowing."""

    kind: str | None = None
    committee_id: int | None = None
    goal_id: int | None = None
    organization_id: int | None = None
    start: date | None = None
    end: date | None = None
    hidden: bool = False  # coordinators: the hidden entries instead of the shown ones


def _referenced():
    """Every (type, id) any entry points at, once."""
    automatic = db.select(Entry.source_type, Entry.source_id).where(Entry.source_type.is_not(None))
    linked = db.select(Link.source_type, Link.source_id)
    return {(t, i) for t, i in db.session.execute(union(automatic, linked))}


def _pointing_at(pairs):
    """Entries whose source or one of whose links is among `pairs`."""
    if not pairs:
        return false()
    by_type = {}
    for source_type, source_id in pairs:
        by_type.setdefault(source_type, []).append(source_id)
    # IS NOT NULL first: a written entry's NULL source must count as "points at nothing".
    own = [
        and_(Entry.source_type.is_not(None), Entry.source_type == t, Entry.source_id.in_(ids))
        for t, ids in by_type.items()
    ]
    linked = [and_(Link.source_type == t, Link.source_id.in_(ids)) for t, ids in by_type.items()]
    return or_(*own, exists().where(Link.entry_id == Entry.id, or_(*linked)))


class Reading:
    """The timeline as one reader sees it (built once per request)."""

    def __init__(self, viewer):
        self.viewer = viewer
        referenced = _referenced()
        self.unseen = referenced - visible_sources(referenced, viewer)

    def visible(self):
        """The SQL condition: not linked to anything the reader cannot see."""
        return not_(_pointing_at(self.unseen))

    def where(self, filters):
        """Visibility, hiding and the reader's filters as one list of SQL conditions."""
        shown = Entry.hidden_at.is_not(None) if filters.hidden else Entry.hidden_at.is_(None)
        conditions = [self.visible(), shown]
        if filters.kind in KINDS:
            conditions.append(Entry.kind == filters.kind)
        for source_type, source_id in (
            ("committee", filters.committee_id),
            ("goal", filters.goal_id),
            ("organization", filters.organization_id),
        ):
            if source_id is not None:
                conditions.append(_pointing_at({(source_type, source_id)}))
        if filters.start is not None:
            conditions.append(Entry.occurred_on >= filters.start)
        if filters.end is not None:
            conditions.append(Entry.occurred_on <= filters.end)
        return conditions

    def entries(self, filters, *, limit=None, offset=0, oldest_first=False):
        """Entries with their texts and links loaded, newest first unless asked otherwise."""
        order = (
            (Entry.occurred_on, Entry.id)
            if oldest_first
            else (
                Entry.occurred_on.desc(),
                Entry.id.desc(),
            )
        )
        query = (
            db.select(Entry)
            .where(*self.where(filters))
            .order_by(*order)
            # One query each at any size (selectinload would batch by 500 on long lists).
            .options(
                subqueryload(Entry.links),
                joinedload(Entry.happened),
                joinedload(Entry.lessons),
            )
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        return db.session.scalars(query).all()

    def may_see(self, entry):
        """One entry: shown to this reader (hidden ones only to those who may see them)."""
        return not (set(entry.sources()) & self.unseen)

    def month_counts(self, filters):
        """{(year, month): {kind: count}} over everything the filters let through."""
        year = extract("year", Entry.occurred_on)
        month = extract("month", Entry.occurred_on)
        rows = db.session.execute(
            db.select(year, month, Entry.kind, db.func.count(Entry.id))
            .where(*self.where(filters))
            .group_by(year, month, Entry.kind)
        )
        counts = {}
        for y, m, kind, number in rows:
            counts.setdefault((int(y), int(m)), dict.fromkeys(KINDS, 0))[kind] = number
        return counts


def described(entries):
    """[(entry, title, {(type, id): SourceLink})] with every source resolved in one batch."""
    pairs = {pair for entry in entries for pair in entry.sources()}
    links = resolve_links(pairs)
    shown = []
    for entry in entries:
        own = links.get((entry.source_type, entry.source_id))
        title = entry_title(entry, own.title if own else None)
        shown.append((entry, title, {p: links[p] for p in entry.sources() if p in links}))
    return shown


def quarters(month_counts):
    """[((year, quarter), {kind: count})], oldest first."""
    totals = {}
    for (year, month), counts in month_counts.items():
        quarter = totals.setdefault((year, (month - 1) // 3 + 1), dict.fromkeys(KINDS, 0))
        for kind, number in counts.items():
            quarter[kind] += number
    return sorted(totals.items())


def count(reading, filters):
    """How many entries the filters let this reader see (for the page numbers)."""
    return db.session.scalar(db.select(db.func.count(Entry.id)).where(*reading.where(filters)))


def text_histories(entry, removed_label, added_label):
    """[(which text, [(revision, diff against the one before)])] for the entry's texts."""
    histories = []
    for name, revisioned in (("happened", entry.happened), ("lessons", entry.lessons)):
        if revisioned is None:
            continue
        found = revisions.history(revisioned.id)
        changes = []
        for index, revision in enumerate(found):
            older = found[index + 1].text if index + 1 < len(found) else ""
            diff = diff_html(
                older, revision.text, removed_label=removed_label, added_label=added_label
            )
            changes.append((revision, diff))
        histories.append((name, changes))
    return histories


def latest(viewer, limit):
    """The newest entries the viewer may see, described (for the home page)."""
    return described(Reading(viewer).entries(Filters(), limit=limit))
