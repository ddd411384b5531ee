"""Participants' feedback: anyone may write, signed or anonymous; no IP address is kept."""

from coalition.committees.models import KIND_ADVISORY, Committee, CommitteeMembership
from coalition.committees.notify import notify
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.feedback.models import FEEDBACK_RECEIVED, FEEDBACK_STATUSES, Feedback
from coalition.members.people.models import ROLE_COORDINATOR, Person
from coalition.web.i18n import _l
from coalition.web.urls import external_url


def readers():
    """The participant advisory committee's members and the coordinators."""
    advisory = (
        db.select(CommitteeMembership.person_id)
        .join(Committee)
        .where(Committee.kind == KIND_ADVISORY)
    )
    return db.session.scalars(
        db.select(Person)
        .where((Person.role == ROLE_COORDINATOR) | Person.id.in_(advisory))
        .order_by(Person.id)
    ).all()


def submit_feedback(body, language, *, name=None, contact=None, person=None, may_publish=False):
    """Store a note (never the sender's address) and tell the advisory committee."""
    note = Feedback(
        body=body,
        language=language,
        name=name or None,
        contact=contact or None,
        person_id=person.id if person is not None else None,
        may_publish=may_publish,
    )
    db.session.add(note)
    db.session.flush()
    notify(
        readers(),
        kind="committee",
        subject=_l("New feedback from a participant"),
        message=_l("A participant sent feedback. Read it and answer on the feedback page."),
        link=external_url("feedback.note", note_id=note.id),
        key=f"feedback-{note.id}",
    )
    return note


def respond(note, status, response, version, actor):
    """Set a note's status and answer, edited from `version`; a newer save refuses it."""
    if str(note.version) != str(version):
        raise EditConflict(note)
    if status not in FEEDBACK_STATUSES:
        raise ActionRefused(_l("Choose a status."), field="status")
    note.status, note.response = status, response
    if response:
        note.responded_by_id, note.responded_at = actor.id, utcnow()
    db.session.flush()
    return note


def all_notes():
    return db.session.scalars(db.select(Feedback).order_by(Feedback.id.desc())).all()


def published_notes():
    """ "You said, we did": answered notes whose authors allowed showing them."""
    return db.session.scalars(
        db.select(Feedback)
        .where(
            Feedback.may_publish.is_(True),
            Feedback.response != "",
            Feedback.status != FEEDBACK_RECEIVED,
        )
        .order_by(Feedback.responded_at.desc(), Feedback.id.desc())
    ).all()
