"""A person answers for themselves ("I will come"); only an organization answers as "we"."""

import re

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail


def _page(app, client, address):
    with app.app_context():
        body = db.session.scalars(
            db.select(OutboxEmail.text_body).filter_by(to_address=address)
        ).first()
    path = re.search(r"http://localhost(/rsvp/[\w-]+)", body).group(1)
    return client.get(path).get_data(as_text=True)


def test_a_person_says_i_and_an_organization_says_we(
    app,
    make_client,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    keisha = create_person(email="keisha@example.org")
    reentry = create_organization("Second Chance Reentry")
    link_person(create_person(email="darnell@example.org"), reentry, "primary")
    invite_to_meeting(create_meeting(), people=[keisha], organizations=[reentry])

    own = _page(app, make_client(), "keisha@example.org")
    assert "Yes, I will come" in own and "No, I cannot come" in own
    assert "we will come" not in own and "we cannot come" not in own
    delegate = _page(app, make_client(), "darnell@example.org")
    assert "Yes, we will come" in delegate and "No, we cannot come" in delegate
