"""Drafts, their details, text, merges and comments, each hostile."""

from coalition.core.extensions import db
from tests.hostile.browsing import Visitor, id_from, in_app
from tests.hostile.markup import hostile, hostile_markdown


def _details(committee, title_field):
    return {
        "title": hostile(title_field),
        "kind": "press_release",
        "audience": hostile("draft_audience"),
        "purpose": hostile("draft_purpose", 1000),
        "committee_id": str(committee),
        "language": "es",
        "embargo_until": "2030-01-01",
    }


def drafts(world):
    """The member starts a draft on their committee; the coordinator edits it from the
    first revision after the member's save (the merge view); comments, a reply, a resolve."""
    coordinator, member = world.visitors["coordinator"], world.visitors["member"]
    quote = hostile("draft_quote")
    text = hostile_markdown("draft_text") + "\n\n" + quote + "\n"
    response = member.post(
        "/messaging/new", {**_details(world["committee"], "draft_title"), "text": text}
    )
    world["draft"] = draft = id_from(response)
    member.post(f"/messaging/{draft}/edit", _text(text + hostile("draft_edit"), "1"))
    coordinator.conflict(f"/messaging/{draft}/edit", _text(hostile("draft_crossed"), "1"))
    coordinator.post(
        f"/messaging/{draft}/details",
        {**_details(world["committee"], "draft_renamed"), "version": "1"},
    )
    member.post(
        f"/messaging/{draft}/comments",
        {"comment-body": hostile("comment_body"), "comment-quote": quote},
    )
    member.post(f"/messaging/{draft}/comments", {"comment-body": "Why?"})
    comment = in_app(world, lambda: _last_comment(draft))
    coordinator.post(
        f"/messaging/{draft}/comments/{comment}/replies",
        {"reply-body": hostile("comment_reply")},
    )
    coordinator.post(f"/messaging/{draft}/comments/{comment}/resolve", {})
    # A passage that is no longer in the text: the comment says so.
    member.post(f"/messaging/{draft}/edit", _text(hostile_markdown("draft_text"), "2"))
    review(world)


def review(world):
    """The coordinator sets a sign-off rule and asks the second coordinator to review, who
    asks for changes (a note) and then approves (another); without the rule the draft is
    approved, and the member publishes it (where) and starts a language version of it."""
    coordinator, member = world.visitors["coordinator"], world.visitors["member"]
    second = Visitor(world, world["coordinator2"])
    draft, rule = world["draft"], f"rule_{world['committee']}"
    coordinator.post(f"/messaging/{draft}/review/rules", {rule: "1"})
    coordinator.post(f"/messaging/{draft}/review/ask", {"person": str(world["coordinator2"])})
    for decision, note in (("changes_requested", "review_note"), ("approved", "approval_note")):
        second.post(
            f"/messaging/{draft}/review/decide",
            {"decision": decision, "note": hostile(note, 1000)},
        )
    coordinator.post(f"/messaging/{draft}/review/rules", {rule: "0"})
    member.post(f"/messaging/{draft}/review/publish", {"place": hostile("publish_place", 500)})
    response = member.post(
        f"/messaging/{draft}/translations",
        {"translation-language": "en", "translation-title": hostile("translation_title")},
    )
    world["translation"] = id_from(response)


def _text(text, base):
    return {"text": text, "base_revision": base, "summary": hostile("draft_summary")}


def _last_comment(draft_id):
    from coalition.messaging.comments.models import DraftComment

    return db.session.scalar(
        db.select(DraftComment.id).filter_by(draft_id=draft_id).order_by(DraftComment.id.desc())
    )
