"""Feedback: anonymous notes keep no address, Spanish notes, "you said, we did", rate limits."""

from coalition.core.extensions import db
from coalition.feedback.models import Feedback
from coalition.outbox.models import OutboxEmail


def test_anonymous_feedback_keeps_no_address_and_tells_the_pac(
    app, client, create_person, create_coordinator, create_committee
):
    participant, coordinator = create_person(), create_coordinator()
    create_committee("PAC", kind="advisory", members=[participant])
    response = client.post_form(
        "/feedback/", {"body": "The intake office closes too early."}, token_page="/feedback/"
    )
    assert response.status_code == 302
    with app.app_context():
        note = db.session.scalar(db.select(Feedback))
        assert note.name is None and note.person_id is None and note.contact is None
        columns = {column.name for column in Feedback.__table__.columns}
        assert not any("ip" in name or "address" in name for name in columns)
        to = set(db.session.scalars(db.select(OutboxEmail.to_address)))
    assert to == {participant.email, coordinator.email}


def test_feedback_in_spanish_and_you_said_we_did(app, client, create_coordinator):
    client.post("/language", data={"language": "es", "csrf_token": client.csrf_token()})
    form = client.get("/feedback/").get_data(as_text=True)
    assert "Sus comentarios" in form
    client.post_form(
        "/feedback/",
        {"body": "Necesitamos intérpretes.", "may_publish": "y"},
        token_page="/feedback/",
    )
    client.post_form("/feedback/", {"body": "Private note."}, token_page="/feedback/")
    coordinator = create_coordinator(language="en")
    staff = app.test_client()
    staff.login(coordinator)
    with app.app_context():
        notes = db.session.scalars(db.select(Feedback).order_by(Feedback.id)).all()
        assert notes[0].language == "es"
    for note in notes:
        staff.post_form(
            f"/feedback/notes/{note.id}",
            {"status": "acted_on", "response": "We hired two.", "version": str(note.version)},
        )
    page = app.test_client().get("/feedback/you-said-we-did").get_data(as_text=True)
    assert "Necesitamos intérpretes." in page and "Private note." not in page


def test_feedback_is_rate_limited(make_app):
    limited = make_app(RATELIMIT_ENABLED=True)
    client = limited.test_client()
    answers = [
        client.post_form("/feedback/", {"body": f"Note {n}"}, token_page="/feedback/")
        for n in range(7)
    ]
    codes = [answer.status_code for answer in answers]
    assert codes[:5] == [302] * 5 and codes[-1] == 429
    page = answers[-1].get_data(as_text=True)
    assert "The ones sent have arrived" in page and "password" not in page
