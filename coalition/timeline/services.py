"""Writing to and reading from the timeline."""

from collections import defaultdict

from sqlalchemy.exc import IntegrityError

from coalition.core.extensions import db
from coalition.timeline.models import KINDS, TimelineEntry
from coalition.timeline.sources import resolver_for


def record_entry(
    kind, title, occurred_on, *, source=None, event=None, body="", lessons="", actor=None
):
    """Add a timeline entry; an automatic one (with an event) is written at most once.

    `source` is (source_type, source_id, title at the time). Returns the entry, the
    existing one when (source, event) was already recorded.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown timeline kind {kind!r}")
    source_type, source_id, source_title = source or (None, None, None)
    if event is not None:
        if source_type is None:
            raise ValueError("An automatic entry needs a source.")
        existing = _find_automatic(source_type, source_id, event)
        if existing is not None:
            return existing
    entry = TimelineEntry(
        kind=kind,
        title=title,
        occurred_on=occurred_on,
        body=body,
        lessons=lessons,
        source_type=source_type,
        source_id=source_id,
        source_title=source_title,
        event=event,
        created_by=actor,
    )
    if event is None:
        db.session.add(entry)
        db.session.flush()
        return entry
    return _insert_once(entry)


def _find_automatic(source_type, source_id, event):
    return db.session.scalar(
        db.select(TimelineEntry).filter_by(
            source_type=source_type, source_id=source_id, event=event
        )
    )


def _insert_once(entry):
    """Insert inside a savepoint; if another transaction won the race, return its row."""
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError:
        return _find_automatic(entry.source_type, entry.source_id, entry.event)
    return entry


def visible_entries(viewer, *, limit, offset=0):
    """A page of entries, newest first, without those linked to what the viewer cannot see."""
    query = (
        db.select(TimelineEntry)
        .order_by(TimelineEntry.occurred_on.desc(), TimelineEntry.id.desc())
        .limit(limit)
        .offset(offset)
    )
    entries = db.session.scalars(query).all()
    visible = _visible_ids(entries, viewer)
    return [entry for entry in entries if entry.id in visible]


def _visible_ids(entries, viewer):
    by_type = defaultdict(set)
    for entry in entries:
        if entry.source_type is not None:
            by_type[entry.source_type].add(entry.source_id)
    allowed = {}
    for source_type, ids in by_type.items():
        resolver = resolver_for(source_type)
        allowed[source_type] = resolver.visible_ids(ids, viewer) if resolver else set()
    return {
        entry.id
        for entry in entries
        if entry.source_type is None or entry.source_id in allowed[entry.source_type]
    }


def source_links(entries):
    """{entry id: SourceLink} for entries whose source still exists, one batch per type."""
    by_type = defaultdict(set)
    for entry in entries:
        if entry.source_type is not None:
            by_type[entry.source_type].add(entry.source_id)
    links = {}
    for source_type, ids in by_type.items():
        resolver = resolver_for(source_type)
        links[source_type] = resolver.links(ids) if resolver else {}
    return {
        entry.id: links[entry.source_type][entry.source_id]
        for entry in entries
        if entry.source_type is not None and entry.source_id in links[entry.source_type]
    }
