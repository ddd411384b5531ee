"""Subjects built from long names and titles still go out, cut to what the outbox keeps."""

from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.mail import SUBJECT_LENGTH, queue_email
from coalition.outbox.models import DigestItem, OutboxEmail


def test_a_join_request_from_a_long_name_to_a_long_named_committee_reaches_the_chair(
    app, client, create_person, create_committee
):
    chair = create_person(name="Chair")
    member = create_person(name="N" * 200)
    committee = create_committee(name="C" * 200, chairs=[chair], open_to_requests=True)
    client.login(member)
    response = client.post_form(f"/committees/{committee.id}/join", {"message": "Hello"})
    assert response.status_code == 302
    with app.app_context():
        email = db.session.scalars(db.select(OutboxEmail)).one()
        assert email.to_address == chair.email
        assert len(email.subject) == SUBJECT_LENGTH
        assert email.subject.startswith("N" * 200) and email.subject.endswith("\u2026")
        assert "C" * 200 in email.text_body, "the body keeps every word"


def test_a_long_subject_waits_in_the_digest_cut_to_fit(app, client, create_person):
    person = create_person()
    client.login(person)
    kinds = ("meeting_reminder", "draft_review", "proposal", "timeline", "action_item")
    choices = {kind: "immediately" for kind in kinds}
    assert (
        client.post_form("/account/notifications", {**choices, "committee": "digest"}).status_code
        == 302
    )
    with app.app_context():
        queue_email(
            kind="committee",
            person=db.session.get(Person, person.id),
            to_address=person.email,
            subject="Long news " * 100,
            template="notice",
            context={"message": "News", "detail": ""},
        )
        db.session.commit()
        item = db.session.scalars(db.select(DigestItem)).one()
        assert len(item.subject) <= SUBJECT_LENGTH and item.subject.endswith("\u2026")
