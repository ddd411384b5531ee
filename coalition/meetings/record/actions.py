"""Decisions a meeting took and the action items it gave people, with owners and due dates."""

from coalition.committees.notify import notify
from coalition.core.audit import record_audit
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.record.models import ActionItem, Decision
from coalition.members.people.models import Person
from coalition.web.i18n import _l
from coalition.web.urls import external_url


def decisions_of(meeting_id, start):
    return db.session.scalars(
        db.select(Decision)
        .filter_by(meeting_id=meeting_id, occurrence_start=start)
        .order_by(Decision.id)
    ).all()


def items_of(meeting_id, start):
    return db.session.scalars(
        db.select(ActionItem)
        .filter_by(meeting_id=meeting_id, occurrence_start=start)
        .options(db.joinedload(ActionItem.owner))
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)
    ).all()


# Soonest due first; items with no due date last.
OPEN_ITEMS_ORDER = (ActionItem.due_on.is_(None), ActionItem.due_on, ActionItem.id)


def open_items_query(person):
    """A person's unfinished action items, as a select to list or count."""
    return db.select(ActionItem).filter_by(owner_id=person.id, done_at=None)


def open_items_of(person, limit=10):
    """A person's unfinished action items, soonest due first (for their dashboard)."""
    return db.session.scalars(
        open_items_query(person)
        .options(db.joinedload(ActionItem.meeting))
        .order_by(*OPEN_ITEMS_ORDER)
        .limit(limit)
    ).all()


def add_decision(meeting, start, text, actor):
    """Record a decision of this date."""
    decision = Decision(
        meeting_id=meeting.id, occurrence_start=start, text=text.strip(), recorded_by_id=actor.id
    )
    db.session.add(decision)
    db.session.flush()
    return decision


def add_item(meeting, start, text, owner_id, due_on, actor, *, tell_owner=True):
    """Give someone an action item from this date (and tell them by email)."""
    plausible = owner_id is not None and 0 < owner_id < 2**31
    owner = db.session.get(Person, owner_id) if plausible else None
    if owner is None or not owner.is_active:
        raise ActionRefused(_l("Choose who will do it."), field="owner_id")
    item = ActionItem(
        meeting_id=meeting.id,
        occurrence_start=start,
        text=text.strip(),
        owner_id=owner.id,
        due_on=due_on,
        recorded_by_id=actor.id,
    )
    db.session.add(item)
    db.session.flush()
    if tell_owner and owner.id != actor.id:
        _tell_owner(item, meeting, owner, actor)
    return item


def _tell_owner(item, meeting, owner, actor):
    """Email the owner (their preference decides: at once, in the digest, or not)."""
    notify(
        [owner],
        kind="action_item",
        subject=_l("An action item for you: %(item)s", item=item.text),
        message=_l(
            "%(who)s gave you an action item from %(title)s: %(item)s",
            who=actor.name,
            title=meeting.title,
            item=item.text,
        ),
        detail=_l("Due date: %(date)s", date=item.due_on.isoformat()) if item.due_on else "",
        link=external_url(
            "meetings.record.page", meeting_id=meeting.id, key=occurrence_key(item.occurrence_start)
        ),
        key=f"action_item:{item.id}",
    )


def set_done(item, done):
    """Mark an action item done, or open again."""
    item.done_at = utcnow() if done else None
    db.session.flush()
    return item


def remove(record, actor):
    """Take back a decision or action item recorded by mistake (the audit log keeps its text)."""
    record_audit(actor, f"{record.__tablename__}.removed", record, record.text[:500])
    db.session.delete(record)
    db.session.flush()
