"""Review emails follow the drafts' visibility rule, and timeline entries linking a draft
are shown only to those who may read it."""

from coalition.core.extensions import db


def _emails(app, to_address):
    from coalition.outbox.models import OutboxEmail

    with app.app_context():
        query = db.select(OutboxEmail).filter_by(kind="draft_review", to_address=to_address)
        return [(email.subject, email.text_body) for email in db.session.scalars(query)]


def _comment(app, draft_id, author, body):
    from coalition.members.people.models import Person
    from coalition.messaging.comments.services import add_comment
    from coalition.messaging.models import Draft

    with app.app_context():
        comment = add_comment(
            db.session.get(Draft, draft_id), body, "", db.session.get(Person, author.id)
        )
        db.session.commit()
        return comment.id


def test_a_reply_emails_the_comments_author_while_they_may_read_the_draft(
    app, client, create_person, create_draft
):
    from coalition.messaging.models import DraftReviewer

    wren = create_person(name="Wren Writer", email="wren@example.org")
    rosa = create_person(name="Rosa Reader", email="rosa@example.org")
    draft_id = create_draft(wren)
    with app.app_context():  # Rosa was asked to review, so she reads and comments
        reviewer = DraftReviewer(draft_id=draft_id, person_id=rosa.id, asked_by_id=wren.id)
        db.session.add(reviewer)
        db.session.commit()
        reviewer_id = reviewer.id
    comment_id = _comment(app, draft_id, rosa, "Shorter?")
    client.login(wren)
    url = f"/messaging/{draft_id}/comments/{comment_id}/replies"
    assert client.post_form(url, {"reply-body": "Yes, done."}).status_code == 302
    [(subject, body)] = _emails(app, "rosa@example.org")
    assert "reply" in subject and "Wren Writer replied" in body and "Yes, done." in body

    with app.app_context():  # no longer asked: she may not read it, so nothing is sent
        db.session.delete(db.session.get(DraftReviewer, reviewer_id))
        db.session.commit()
    client.post_form(url, {"reply-body": "And again."})
    assert len(_emails(app, "rosa@example.org")) == 1


def test_timeline_entries_linking_a_draft_are_hidden_from_who_cannot_read_it(
    client, create_person, create_draft, create_timeline_entry
):
    wren = create_person(name="Wren Writer")
    rosa = create_person(name="Rosa Reader")
    draft_id = create_draft(wren, title="Private talking points")
    create_timeline_entry(title="Council vote lost", source=("draft", draft_id), kind="loss")
    client.login(wren)
    assert "Council vote lost" in client.get("/timeline/").get_data(as_text=True)
    client.login(rosa)
    assert "Council vote lost" not in client.get("/timeline/").get_data(as_text=True)
