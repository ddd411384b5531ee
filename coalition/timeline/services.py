"""Writing to the timeline: entries people write, events features record, hiding.

Features record events (`record_event`); people add and edit entries through the pages
(`add_entry`, `edit_entry`), whose texts keep every edit in coalition/revisions.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.exc import IntegrityError

from coalition.core.audit import record_audit
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.revisions import services as revisions
from coalition.revisions.diff import has_changes
from coalition.timeline.models import KINDS, TEXT_KIND, TimelineEntry, TimelineLink
from coalition.timeline.sources import visible_sources
from coalition.web.i18n import _l

EARLIEST = date(1950, 1, 1)
AHEAD = timedelta(days=366)  # a milestone may be set a year ahead, no further


@dataclass
class EntryData:
    """What a person writes: the form's values, already parsed."""

    kind: str
    title: str
    occurred_on: date
    happened: str = ""
    lessons: str = ""
    next_steps: str = ""
    source_url: str = ""
    links: list = field(default_factory=list)  # [(source_type, source_id)], credits included


def latest_sane_date(today=None):
    return (today or date.today()) + AHEAD


def record_event(kind, occurred_on, *, source, event, actor=None):
    """An automatic entry: its event and source, never a sentence; written at most once.

    `source` is (source_type, source_id, title at the time). Returns the entry, the
    existing one when (source, event) was already recorded.
    """
    if kind not in KINDS:
        raise ValueError(f"Unknown timeline kind {kind!r}")
    source_type, source_id, source_title = source
    existing = _find_automatic(source_type, source_id, event)
    if existing is not None:
        return existing
    entry = TimelineEntry(
        kind=kind,
        occurred_on=occurred_on,
        source_type=source_type,
        source_id=source_id,
        source_title=(source_title or "")[:300],
        event=event,
        created_by=actor,
    )
    return _insert_once(entry)


def record_entry(
    kind, title, occurred_on, *, source=None, event=None, body="", lessons="", actor=None
):
    """A written entry as a feature or the demo writes it (no reader to check links for).

    With an `event`, an automatic entry (its title is then written at display time).
    """
    if event is not None:
        return record_event(kind, occurred_on, source=source, event=event, actor=actor)
    if kind not in KINDS:
        raise ValueError(f"Unknown timeline kind {kind!r}")
    links = [(source[0], source[1])] if source else []
    data = EntryData(kind, title, occurred_on, happened=body, lessons=lessons, links=links)
    return _write_new(data, actor)


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


def add_entry(data, actor):
    """A member's entry; every link must be to something the member may see."""
    _check(data, actor)
    return _write_new(data, actor)


def _write_new(data, actor):
    entry = TimelineEntry(
        kind=data.kind,
        title=data.title.strip(),
        occurred_on=data.occurred_on,
        next_steps=data.next_steps.strip(),
        source_url=data.source_url.strip(),
        created_by=actor,
        happened=_new_text(data.happened, actor),
        lessons=_new_text(data.lessons, actor),
        links=[TimelineLink(source_type=t, source_id=i) for t, i in dict.fromkeys(data.links)],
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def _new_text(text, actor):
    text = (text or "").strip()
    return revisions.create_text(TEXT_KIND, text, actor) if text else None


def edit_entry(entry, data, version, actor):
    """The author's or a coordinator's edit; one from an older version is refused as stale."""
    if entry.is_automatic:
        raise ActionRefused(_l("Entries the coalition's tools wrote cannot be edited."))
    if str(entry.version) != str(version):
        raise EditConflict(entry)
    _check(data, actor)
    entry.kind = data.kind
    entry.title = data.title.strip()
    entry.occurred_on = data.occurred_on
    entry.next_steps = data.next_steps.strip()
    entry.source_url = data.source_url.strip()
    entry.happened = _revise(entry.happened, data.happened, actor)
    entry.lessons = _revise(entry.lessons, data.lessons, actor)
    _relink(entry, data.links)
    db.session.flush()
    return entry


def _revise(revisioned, text, actor):
    """A new revision when the text changed: every edit is kept."""
    text = (text or "").strip()
    if revisioned is None:
        return _new_text(text, actor)
    if has_changes(revisioned.text, text):
        revisions.write(revisioned.id, text, actor)
    return revisioned


def _relink(entry, pairs):
    wanted = dict.fromkeys(pairs)
    for link in list(entry.links):
        if (link.source_type, link.source_id) not in wanted:
            entry.links.remove(link)
    kept = {(link.source_type, link.source_id) for link in entry.links}
    for source_type, source_id in wanted:
        if (source_type, source_id) not in kept:
            entry.links.append(TimelineLink(source_type=source_type, source_id=source_id))


def _check(data, actor):
    """Domain rules a form may not be trusted with; a hidden link is refused, never named."""
    if data.kind not in KINDS:
        raise ActionRefused(_l("Choose what kind of moment this was."), field="kind")
    if not data.title.strip():
        raise ActionRefused(_l("Give the entry a title."), field="title")
    if not EARLIEST <= data.occurred_on <= latest_sane_date():
        raise ActionRefused(
            _l("Choose a date between 1950 and a year from now."), field="occurred_on"
        )
    if data.source_url and not data.source_url.strip().lower().startswith(("http://", "https://")):
        raise ActionRefused(
            _l("A source link starts with http:// or https://."), field="source_url"
        )
    pairs = set(data.links)
    if pairs - visible_sources(pairs, actor):
        raise ActionRefused(_l("Link only to what you can see."), field="links")


def hide_entry(entry, reason, actor):
    """A coordinator hides an entry from everyone; it is kept, and the audit log says why."""
    reason = (reason or "").strip()
    if not reason:
        raise ActionRefused(_l("Say why the entry is hidden."), field="reason")
    if entry.is_hidden:
        raise ActionRefused(_l("The entry is already hidden."))
    entry.hidden_at = utcnow()
    entry.hidden_by = actor
    entry.hidden_reason = reason[:500]
    record_audit(actor, "timeline.hide", entry, reason[:500])
    db.session.flush()
    return entry


def show_entry(entry, actor):
    """A coordinator shows a hidden entry again (audited)."""
    if not entry.is_hidden:
        raise ActionRefused(_l("The entry is not hidden."))
    entry.hidden_at = None
    entry.hidden_by = None
    record_audit(actor, "timeline.show", entry, entry.hidden_reason)
    entry.hidden_reason = ""
    db.session.flush()
    return entry
