"""Personal RSVP links belong to their recipient: a deactivated person's or a former
delegate's link stops working while the others' keep working; a logged-in delegate answers
through the session, minting no link; links stay reusable, do not pile up, and answering
is rate-limited per link, per account and per client."""

import re
from types import SimpleNamespace

import pytest

from coalition.core.extensions import db
from coalition.core.tokens import EmailToken
from coalition.meetings.models import MeetingInvitation
from coalition.meetings.rsvp.links import LIVE_LINKS_PER_RECIPIENT
from coalition.meetings.rsvp.models import Rsvp
from coalition.members.organizations.models import Affiliation
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail

ANSWER = {"answer": "yes", "headcount": "2", "names": "", "needs": "", "note": ""}
DARNELL, MARIA, KEISHA = "darnell@example.org", "maria@example.org", "keisha@example.org"
CONTACT = "hello@reentry.org"


@pytest.fixture
def world(
    app,
    client,
    create_coordinator,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
):
    """A series; Second Chance Reentry (delegates Darnell and Maria, a contact address) and
    Keisha, invited in her own right; the coordinator's client."""
    client.login(create_coordinator())
    reentry = create_organization("Second Chance Reentry", contact_email=CONTACT)
    darnell = create_person(name="Darnell Brooks", email=DARNELL)
    maria = create_person(name="Maria Lopez", email=MARIA)
    link_person(darnell, reentry, "primary")
    link_person(maria, reentry, "alternate")
    keisha = create_person(name="Keisha Moore", email=KEISHA)
    meeting = create_meeting(title="Steering committee")
    invite_to_meeting(meeting, organizations=[reentry], people=[keisha])
    with app.app_context():
        invitation_id = db.session.scalar(
            db.select(MeetingInvitation.id).filter_by(organization_id=reentry.id)
        )
    return SimpleNamespace(
        coordinator=client,
        meeting=meeting,
        reentry=reentry,
        darnell=darnell,
        keisha=keisha,
        invitation_id=invitation_id,
    )


def _emails(app, address, kind=None):
    with app.app_context():
        query = db.select(OutboxEmail).filter_by(to_address=address).order_by(OutboxEmail.id)
        if kind:
            query = query.filter_by(kind=kind)
        return [(email.kind, email.text_body) for email in db.session.scalars(query)]


def _link(app, address):
    """The path of the newest personal link emailed to this address."""
    bodies = [body for _kind, body in _emails(app, address)]
    return re.findall(r"http://localhost(/rsvp/[\w-]+)", "\n".join(bodies))[-1]


def _contact_link(app, make_client):
    """The organization's contact address asks for its link again (the lost-link page)."""
    make_client().post_form("/rsvp/lost", {"email": CONTACT}, token_page="/rsvp/lost")
    return _link(app, CONTACT)


def _rows(app):
    with app.app_context():
        rows = db.session.scalars(db.select(Rsvp).order_by(Rsvp.occurrence_start)).all()
        return [(row.respondent_key, row.answer, row.headcount) for row in rows]


def _tokens(app):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(EmailToken.id)))


def _confirmations(app):
    with app.app_context():
        return db.session.scalar(
            db.select(db.func.count(OutboxEmail.id)).filter_by(kind="rsvp_confirmation")
        )


def _assert_dead(app, make_client, path):
    phone = make_client()
    page = phone.get(path)
    assert page.status_code == 404
    assert "This link no longer works" in page.get_data(as_text=True)
    before = (_rows(app), _confirmations(app))
    assert phone.post_form(path, ANSWER).status_code == 404
    assert (_rows(app), _confirmations(app)) == before


def test_each_recipient_gets_a_link_of_their_own(app, world):
    links = {_link(app, DARNELL), _link(app, MARIA), _link(app, KEISHA)}
    assert len(links) == 3


@pytest.mark.parametrize("who", ["keisha", "darnell"])
def test_a_deactivated_persons_link_stops_working_and_no_one_elses(app, world, make_client, who):
    person, address = (world.keisha, KEISHA) if who == "keisha" else (world.darnell, DARNELL)
    path = _link(app, address)
    assert make_client().get(path).status_code == 200
    deactivated = world.coordinator.post_form(f"/accounts/{person.id}/deactivate")
    assert deactivated.status_code == 302
    _assert_dead(app, make_client, path)
    assert _rows(app) == []
    assert make_client().post_form(_link(app, MARIA), ANSWER).status_code == 302
    assert {key for key, _answer, _count in _rows(app)} == {f"organization:{world.reentry.id}"}


@pytest.mark.parametrize("change", ["unlinked", "made staff"])
def test_a_former_delegates_link_stops_working_while_the_others_keep_working(
    app, world, make_client, change
):
    darnell_link, maria_link = _link(app, DARNELL), _link(app, MARIA)
    contact_link = _contact_link(app, make_client)
    organization = f"/members/organizations/{world.reentry.id}/people"
    if change == "unlinked":
        with app.app_context():
            affiliation_id = db.session.scalar(
                db.select(Affiliation.id).filter_by(person_id=world.darnell.id)
            )
        done = world.coordinator.post_form(f"{organization}/{affiliation_id}/remove")
    else:
        done = world.coordinator.post_form(organization, {"email": DARNELL, "role": "staff"})
    assert done.status_code == 302
    _assert_dead(app, make_client, darnell_link)
    assert _rows(app) == []
    assert make_client().post_form(maria_link, ANSWER).status_code == 302
    assert {count for _key, _answer, count in _rows(app)} == {2}
    assert make_client().post_form(contact_link, {**ANSWER, "headcount": "4"}).status_code == 302
    assert {count for _key, _answer, count in _rows(app)} == {4}


def test_a_logged_in_delegate_answers_through_the_session_and_no_link_is_minted(
    app, world, make_client
):
    delegate = make_client()
    delegate.login(world.darnell)
    tokens = _tokens(app)
    page = f"/rsvp/invitations/{world.invitation_id}"
    assert f'href="{page}"' in delegate.get(f"/meetings/{world.meeting.id}").get_data(as_text=True)
    assert "Will you come?" in delegate.get(page).get_data(as_text=True)
    assert delegate.post_form(page, ANSWER).status_code == 302
    assert [answer for _key, answer, _count in _rows(app)] == ["yes"] * 6
    assert _tokens(app) == tokens
    (mine,) = [body for _kind, body in _emails(app, DARNELL, "rsvp_confirmation")]
    (hers,) = [body for _kind, body in _emails(app, MARIA, "rsvp_confirmation")]
    assert f"http://localhost{page}" in mine  # the page behind the login, not a secret
    assert "/rsvp/" not in hers  # and no one else's link in another delegate's copy


def test_a_delegates_own_link_never_reaches_the_other_delegate(app, world, make_client):
    darnell_link = _link(app, DARNELL)
    assert make_client().post_form(darnell_link, ANSWER).status_code == 302
    (mine,) = [body for _kind, body in _emails(app, DARNELL, "rsvp_confirmation")]
    (hers,) = [body for _kind, body in _emails(app, MARIA, "rsvp_confirmation")]
    assert darnell_link in mine
    assert "/rsvp/" not in hers


def test_an_emailed_link_answers_again_and_again(app, world, make_client):
    path = _link(app, KEISHA)
    tokens = _tokens(app)
    assert make_client().post_form(path, ANSWER).status_code == 302
    assert make_client().post_form(path, {**ANSWER, "answer": "no"}).status_code == 302
    assert [answer for _key, answer, _count in _rows(app)] == ["no"] * 6
    assert make_client().get(path).status_code == 200
    assert _tokens(app) == tokens  # answering mints nothing


def test_sending_again_and_again_keeps_only_the_newest_links_of_that_recipient(
    app, world, make_client
):
    from coalition.meetings.rsvp.meeting_invitations import personal_token

    first, maria_link = _link(app, DARNELL), _link(app, MARIA)
    with app.app_context():
        invitation = db.session.get(MeetingInvitation, world.invitation_id)
        darnell = db.session.get(Person, world.darnell.id)
        newer = [personal_token(invitation, darnell) for _ in range(LIVE_LINKS_PER_RECIPIENT)]
        db.session.commit()
    assert make_client().get(first).status_code == 404
    assert make_client().get(f"/rsvp/{newer[0]}").status_code == 200
    assert make_client().get(f"/rsvp/{newer[-1]}").status_code == 200
    assert make_client().get(maria_link).status_code == 200


def test_answers_through_one_link_are_limited_and_past_it_nothing_is_saved_or_sent(
    app, world, make_client
):
    app.config["RSVP_POSTS_PER_LINK"] = "3 per hour"
    path = _link(app, KEISHA)
    phone = make_client()
    codes = [phone.post_form(path, {**ANSWER, "headcount": str(n)}).status_code for n in (1, 2, 3)]
    assert codes == [302, 302, 302]
    key = re.findall(r"/dates/(\w+)", phone.get(path).get_data(as_text=True))[0]
    limited = phone.post_form(f"{path}/dates/{key}", {**ANSWER, "answer": "no"})
    assert limited.status_code == 429
    assert "Too many answers in a short time" in limited.get_data(as_text=True)
    assert phone.post_form(path, {**ANSWER, "headcount": "4"}).status_code == 429
    assert _rows(app) == [(f"person:{world.keisha.id}", "yes", 3)] * 6
    assert len(_emails(app, KEISHA, "rsvp_confirmation")) == 3
    assert make_client().post_form(_link(app, DARNELL), ANSWER).status_code == 302


def test_answers_from_one_client_are_limited_across_links(app, world, make_client):
    app.config["RSVP_POSTS_PER_CLIENT"] = "3 per hour"
    keisha, darnell = _link(app, KEISHA), _link(app, DARNELL)
    office = make_client()
    codes = [office.post_form(path, ANSWER).status_code for path in (keisha, darnell, keisha)]
    assert codes == [302, 302, 302]
    sent = _confirmations(app)
    assert office.post_form(darnell, {**ANSWER, "headcount": "5"}).status_code == 429
    assert _confirmations(app) == sent
    assert 5 not in {count for _key, _answer, count in _rows(app)}
    elsewhere = make_client().post_form(
        darnell, {**ANSWER, "headcount": "5"}, environ_base={"REMOTE_ADDR": "10.0.0.7"}
    )
    assert elsewhere.status_code == 302


def test_answers_through_the_session_are_limited_per_account(app, world, make_client):
    app.config["RSVP_POSTS_PER_ACCOUNT"] = "2 per hour"
    delegate = make_client()
    delegate.login(world.darnell)
    page = f"/rsvp/invitations/{world.invitation_id}"
    codes = [delegate.post_form(page, {**ANSWER, "headcount": n}).status_code for n in "123"]
    assert codes == [302, 302, 429]
    assert {count for _key, _answer, count in _rows(app)} == {2}
    assert len(_emails(app, DARNELL, "rsvp_confirmation")) == 2
