"""A method an emailed link's URL does not allow (a mail client or proxy that sends PUT or
DELETE) is refused in the recipient's language too, not the browser's."""

import re

from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail

ENGLISH_BROWSER = {"Accept-Language": "en-US,en;q=0.9"}
LANG = re.compile(r'<html lang="(\w+)">')


def _refused_language(response):
    assert response.status_code == 405, response.status_code
    return LANG.search(response.get_data(as_text=True)).group(1)


def _sent_path(app, to_address, pattern):
    with app.app_context():
        body = db.session.scalars(
            db.select(OutboxEmail.text_body).filter_by(to_address=to_address)
        ).first()
    return re.search(rf"http://localhost({pattern})", body).group(1)


def test_a_refused_method_on_an_rsvp_link_speaks_the_invitees_language(
    app, make_client, create_person, create_meeting, invite_to_meeting
):
    rosa = create_person(email="rosa@example.org", language="es")
    invite_to_meeting(create_meeting(), people=[rosa])
    path = _sent_path(app, "rosa@example.org", r"/rsvp/[\w-]+")
    refused = make_client().put(path, headers=ENGLISH_BROWSER)
    assert _refused_language(refused) == "es"
    assert "Esa acción no está disponible aquí" in refused.get_data(as_text=True)


def test_a_refused_method_on_a_reset_link_speaks_the_persons_language(
    app, make_client, create_person
):
    create_person(email="rosa@example.org", language="es")
    make_client().post_form("/forgot-password", {"email": "rosa@example.org"})
    path = _sent_path(app, "rosa@example.org", r"/reset-password/[\w-]+")
    assert _refused_language(make_client().delete(path, headers=ENGLISH_BROWSER)) == "es"


def test_a_refused_method_on_an_unsubscribe_link_speaks_the_persons_language(
    app, make_client, create_person
):
    from coalition.outbox.preferences import unsubscribe_url

    rosa = create_person(language="es")
    with app.test_request_context():
        url = unsubscribe_url(db.session.get(Person, rosa.id), "draft_review")
    one_click = url.removeprefix("http://localhost") + "/one-click"
    assert _refused_language(make_client().get(one_click, headers=ENGLISH_BROWSER)) == "es"


def test_a_refused_method_elsewhere_keeps_the_browsers_language(make_client):
    assert _refused_language(make_client().put("/forgot-password", headers=ENGLISH_BROWSER)) == "en"
