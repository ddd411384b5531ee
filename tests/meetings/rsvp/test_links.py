"""Personal links misused (expired, revoked, another meeting's date) change nothing and say
how to get a new link; an invitee who lost theirs asks again by email."""

import re
from datetime import date, timedelta

import pytest

from coalition.core.extensions import db
from coalition.core.tokens import EmailToken, hash_token
from coalition.meetings.rsvp.models import Rsvp
from coalition.outbox.models import OutboxEmail

ANSWER = {"answer": "yes", "headcount": "2", "names": "", "needs": "", "note": ""}


@pytest.fixture
def invited(
    app,
    client,
    create_coordinator,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    """An organization (delegate Darnell) and a person (Keisha) invited to a series; the
    organization's emailed link."""
    client.login(create_coordinator())
    reentry = create_organization("Second Chance Reentry", contact_email="hello@reentry.org")
    link_person(create_person(name="Darnell Brooks", email="darnell@example.org"), reentry)
    keisha = create_person(name="Keisha Moore", email="keisha@example.org")
    meeting = create_meeting(title="Steering committee")
    invite_to_meeting(meeting, organizations=[reentry], people=[keisha])
    with app.app_context():
        body = db.session.scalars(
            db.select(OutboxEmail.text_body).filter_by(to_address="darnell@example.org")
        ).first()
    path = re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)
    return meeting, path


def _answers(app):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(Rsvp.id)))


def _change_token(app, path, **values):
    with app.app_context():
        token = db.session.scalar(
            db.select(EmailToken).filter_by(token_hash=hash_token(path.rsplit("/", 1)[1]))
        )
        for name, value in values.items():
            setattr(token, name, value)
        db.session.commit()


@pytest.mark.parametrize("change", ["expired", "revoked"])
def test_an_expired_or_revoked_link_says_so_and_records_nothing(app, invited, make_client, change):
    from coalition.core.dbtypes import utcnow

    meeting, path = invited
    field = "expires_at" if change == "expired" else "revoked_at"
    _change_token(app, path, **{field: utcnow()})
    phone = make_client()
    page = phone.get(path)
    text = page.get_data(as_text=True)
    assert page.status_code == 404 and "This link no longer works" in text
    assert "/rsvp/lost" in text
    assert phone.post_form(path, ANSWER).status_code == 404
    assert _answers(app) == 0


def test_a_date_of_another_meeting_is_refused(app, invited, make_client, create_meeting):
    meeting, path = invited
    other = create_meeting(title="Budget hearing prep", day=date.today() + timedelta(days=3))
    with app.app_context():
        from coalition.meetings.models import Meeting
        from coalition.meetings.occurrences import occurrence_key

        key = occurrence_key(db.session.get(Meeting, other.id).start_at)
    phone = make_client()
    phone.get(path)
    assert phone.post_form(f"{path}/dates/{key}", ANSWER).status_code == 404
    assert _answers(app) == 0


@pytest.mark.parametrize(
    ("address", "invitees"),
    [
        ("Darnell@Example.org", ["Second Chance Reentry"]),  # a delegate of the organization
        ("hello@reentry.org", ["Second Chance Reentry"]),  # the organization's contact address
        ("keisha@example.org", ["Keisha Moore"]),  # invited in her own right
    ],
)
def test_a_lost_link_is_sent_again_to_the_invited_address(
    app, invited, make_client, address, invitees
):
    meeting, _path = invited
    phone = make_client()
    page = phone.post_form("/rsvp/lost", {"email": address}, token_page="/rsvp/lost")
    assert "new links are on their way" in page.get_data(as_text=True)
    with app.app_context():
        email = db.session.scalars(
            db.select(OutboxEmail).filter_by(subject="Your links to answer meeting invitations")
        ).one()
    assert email.to_address == address.lower()
    assert [f"for {name}" in email.text_body for name in invitees] == [True]
    new_path = re.search(r"http://localhost(/rsvp/[\w-]+)", email.text_body).group(1)
    answer = phone.get(new_path).get_data(as_text=True)
    assert "Steering committee" in answer and "Will you come?" in answer


def test_an_address_that_is_not_invited_gets_the_same_answer_and_no_email(
    app, invited, make_client
):
    phone = make_client()
    page = phone.post_form("/rsvp/lost", {"email": "stranger@example.org"}, token_page="/rsvp/lost")
    assert "new links are on their way" in page.get_data(as_text=True)
    with app.app_context():
        sent = db.session.scalars(
            db.select(OutboxEmail).filter_by(to_address="stranger@example.org")
        ).all()
    assert sent == []


def test_asking_for_links_again_and_again_is_limited(app, invited, make_client):
    phone = make_client()
    answers = [
        phone.post_form("/rsvp/lost", {"email": "keisha@example.org"}, token_page="/rsvp/lost")
        for _ in range(4)
    ]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    page = answers[-1].get_data(as_text=True)
    assert "look for the links already sent" in page and "password" not in page
