"""Comments on a draft or a quoted passage: replies, resolve and reopen, "passage changed"."""

import re

from coalition.core.extensions import db
from coalition.messaging.comments.models import DraftComment

TEXT = "Diversion saves money.\nPeople who use drugs get treatment, not a record.\n"


def _comment(client, draft_id, body, quote=""):
    return client.post_form(
        f"/messaging/{draft_id}/comments", {"comment-body": body, "comment-quote": quote}
    )


def _comments(app):
    with app.app_context():
        return db.session.scalars(db.select(DraftComment).order_by(DraftComment.id)).all()


def test_a_comment_on_a_passage_stays_attached_until_the_words_change(
    app, client, create_person, create_draft, save_text
):
    author = create_person(name="Keisha Moore")
    draft_id = create_draft(author, text=TEXT)
    client.login(author)
    response = _comment(client, draft_id, "Cite the county's study.", "saves  money")
    assert response.status_code == 302 and "#comment-" in response.headers["Location"]
    page = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "<blockquote" in page and "saves  money" in page and "Passage changed" not in page
    save_text(draft_id, author, TEXT.replace("saves money", "costs less"))
    page = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "Passage changed" in page and "saves  money" in page


def test_a_passage_not_in_the_text_is_refused_beside_its_field(
    app, client, create_person, create_draft
):
    author = create_person()
    draft_id = create_draft(author, text=TEXT)
    client.login(author)
    page = _comment(client, draft_id, "Hmm.", "words that are not there")
    text = page.get_data(as_text=True)
    assert page.status_code == 400 and 'id="comment-quote-error"' in text
    assert "That passage is not in the current text" in text and "Hmm." in text
    assert _comments(app) == []


def test_replies_join_the_thread_which_is_resolved_and_reopened(
    app, client, make_client, create_person, create_committee, create_draft
):
    author = create_person(name="Keisha Moore")
    reader = create_person(name="Darnell Brooks")
    committee = create_committee(members=[author, reader])
    draft_id = create_draft(author, text=TEXT, committee=committee)
    client.login(author)
    _comment(client, draft_id, "Is this the right number?")
    thread = _comments(app)[0].id
    other = make_client()
    other.login(reader)
    other.post_form(
        f"/messaging/{draft_id}/comments/{thread}/replies",
        {"reply-body": "Yes, from the audit."},
    )
    reply = _comments(app)[1]
    assert reply.parent_id == thread
    # A reply to the reply stays in the same thread.
    client.post_form(
        f"/messaging/{draft_id}/comments/{reply.id}/replies", {"reply-body": "Thanks."}
    )
    assert _comments(app)[2].parent_id == thread
    client.post_form(f"/messaging/{draft_id}/comments/{thread}/resolve")
    assert _comments(app)[0].resolved_at is not None
    page = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "Resolved" in page and "Yes, from the audit." in page and "Reopen" in page
    client.post_form(f"/messaging/{draft_id}/comments/{thread}/reopen")
    assert _comments(app)[0].resolved_at is None


def test_an_empty_reply_is_refused_beside_its_field(app, client, create_person, create_draft):
    author = create_person()
    draft_id = create_draft(author, text=TEXT)
    client.login(author)
    _comment(client, draft_id, "A thought.")
    thread = _comments(app)[0].id
    page = client.post_form(f"/messaging/{draft_id}/comments/{thread}/replies", {"reply-body": " "})
    assert page.status_code == 400
    assert re.search(rf'id="reply-{thread}-body-error"', page.get_data(as_text=True))


def test_only_the_comments_author_or_an_editor_resolves(
    app, client, make_client, create_person, create_draft
):
    author = create_person()
    reviewer = create_person()
    draft_id = create_draft(author, text=TEXT)
    from coalition.messaging.models import DraftReviewer

    with app.app_context():
        db.session.add(DraftReviewer(draft_id=draft_id, person_id=reviewer.id))
        db.session.commit()
    client.login(author)
    _comment(client, draft_id, "Mine.")
    other = make_client()
    other.login(reviewer)
    _comment(other, draft_id, "The reviewer's.")
    mine, theirs = (c.id for c in _comments(app))
    assert other.post_form(f"/messaging/{draft_id}/comments/{mine}/resolve").status_code == 403
    assert other.post_form(f"/messaging/{draft_id}/comments/{theirs}/resolve").status_code == 302
    assert client.post_form(f"/messaging/{draft_id}/comments/{theirs}/reopen").status_code == 302


def test_a_passage_may_be_quoted_as_the_page_shows_it(app, client, create_person, create_draft):
    author = create_person()
    draft_id = create_draft(
        author, text="We ask for **full** funding of the [pilot](https://x.org)."
    )
    client.login(author)
    assert (
        _comment(client, draft_id, "Yes.", "ask for full funding of the pilot").status_code == 302
    )
    page = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "Passage changed" not in page
