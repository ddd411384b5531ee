"""Emails about a draft's review, through the outbox, in each recipient's language.

Each recipient is asked `rules.may_read` (the drafts' visibility rule) and reads a reviewer
as `rules.reviewer_name` names them to that recipient: a member of the participant advisory
committee is the committee to anyone outside it. The `draft_review` preference governs them.
"""

from sqlalchemy import select

from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.mail import queue_email
from coalition.revisions.models import Revision
from coalition.web.i18n import _l
from coalition.web.urls import external_url

KIND = "draft_review"


def _link(draft):
    return external_url("messaging.draft", draft_id=draft.id)


def _send(person, draft, rules, *, subject, message, key, detail=""):
    if not person.email or not person.is_active or not rules.may_read(person, draft):
        return
    queue_email(
        kind=KIND,
        to_address=person.email,
        person=person,
        subject=subject,
        template="notice",
        context={"message": message, "detail": detail},
        link=_link(draft),
        idempotency_key=f"{key}:{person.id}",
    )


def authors_of(draft):
    """Everyone who saved a revision of the draft."""
    query = (
        select(Person)
        .join(Revision, Revision.author_id == Person.id)
        .where(Revision.text_id == draft.text_id)
        .distinct()
    )
    return db.session.scalars(query).all()


def _advisory(person):
    from coalition.messaging.review.signoff import advisory_committees_of

    return advisory_committees_of({person.id}).get(person.id)


def review_requested(draft, people, actor, rules):
    """Each person asked: who asks them to review which draft."""
    for person in people:
        who = rules.person_name(person, actor)
        _send(
            person,
            draft,
            rules,
            subject=_l("Please review: %(title)s", title=draft.title),
            message=_l(
                "%(who)s asks you to review the draft %(title)s.",
                who=who,
                title=draft.title,
            ),
            key=f"draft-review-asked:{draft.id}:{draft.revision_number}",
        )


def decided(draft, decision, reviewer, rules, became_approved):
    """The authors: a reviewer approved or asked for changes; the draft is approved."""
    advisory = _advisory(reviewer)
    for person in authors_of(draft):
        who = rules.reviewer_name(person, reviewer, advisory)
        if decision.approved:
            subject = _l("Approved: %(title)s", title=draft.title)
            message = _l("%(who)s approved %(title)s.", who=who, title=draft.title)
        else:
            subject = _l("Changes asked for: %(title)s", title=draft.title)
            message = _l("%(who)s asks for changes to %(title)s.", who=who, title=draft.title)
        key = f"draft-decision:{decision.id}:{decision.decision}:{decision.decided_at.isoformat()}"
        _send(person, draft, rules, subject=subject, message=message, key=key, detail=decision.note)
        if became_approved:
            _send(
                person,
                draft,
                rules,
                subject=_l("Every sign-off is in: %(title)s", title=draft.title),
                message=_l("%(title)s is approved: it may be published.", title=draft.title),
                key=f"draft-approved:{draft.id}:{draft.revision_number}",
            )


def published(draft, publication, actor, rules):
    """Its authors and reviewers: the draft is published, and where."""
    reviewers = db.session.scalars(select(Person).where(Person.id.in_(reviewer_ids(draft)))).all()
    people = {person.id: person for person in [*authors_of(draft), *reviewers]}
    for person in people.values():
        _send(
            person,
            draft,
            rules,
            subject=_l("Published: %(title)s", title=draft.title),
            message=_l(
                "%(who)s published %(title)s: %(place)s",
                who=rules.person_name(person, actor),
                title=draft.title,
                place=publication.place,
            ),
            key=f"draft-published:{draft.id}",
        )


def reviewer_ids(draft):
    from coalition.messaging.models import DraftReviewer

    return select(DraftReviewer.person_id).where(DraftReviewer.draft_id == draft.id)


def replied(draft, reply, parent, replier, rules):
    """The author of the comment a reply answers (not when they reply to themselves)."""
    author = parent.author
    if author is None or author.id == replier.id:
        return
    _send(
        author,
        draft,
        rules,
        subject=_l("A reply to your comment on %(title)s", title=draft.title),
        message=_l(
            "%(who)s replied to your comment on %(title)s.",
            who=rules.person_name(author, replier),
            title=draft.title,
        ),
        detail=reply.body,
        key=f"draft-reply:{reply.id}",
    )
