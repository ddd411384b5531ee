"""Drafts: starting one, the list and its filters, details, editing, history, restore."""

import re

from coalition.core.extensions import db
from coalition.messaging.models import Draft
from tests.messaging.conftest import base_revision, draft_state, textarea

NEW = {
    "title": "Talking points: diversion works",
    "kind": "talking_points",
    "audience": "City council",
    "purpose": "Win the pilot's funding",
    "committee_id": "",
    "language": "en",
    "embargo_until": "",
    "text": "# Why\n\nPeople who use drugs deserve care.\n",
}


def test_any_member_starts_a_draft_saved_as_its_first_revision(app, client, create_person):
    member = create_person(name="Keisha Moore")
    client.login(member)
    assert "Start a draft" in client.get("/messaging/").get_data(as_text=True)
    response = client.post_form("/messaging/new", NEW)
    assert response.status_code == 302
    draft_id = int(re.search(r"/messaging/(\d+)", response.headers["Location"]).group(1))
    assert draft_state(app, draft_id) == (NEW["text"], 1)
    page = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "<h1>Why</h1>" in page and "Revision 1, by Keisha Moore" in page
    listing = client.get("/messaging/").get_data(as_text=True)
    assert "Talking points: diversion works" in listing and "1 draft" in listing


def test_a_title_is_required_and_the_kind_must_be_one_offered(app, client, create_person):
    client.login(create_person())
    page = client.post_form("/messaging/new", {**NEW, "title": "", "kind": "manifesto"})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Enter a title." in text and 'id="kind-error"' in text
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Draft.id))) == 0


def test_a_member_may_only_give_a_draft_one_of_their_committees(
    app, client, create_person, create_committee
):
    member = create_person()
    theirs = create_committee(name="Messaging", members=[member])
    other = create_committee(name="Budget")
    client.login(member)
    page = client.get("/messaging/new").get_data(as_text=True)
    assert "Messaging" in page and "Budget" not in page
    refused = client.post_form("/messaging/new", {**NEW, "committee_id": str(other.id)})
    assert refused.status_code == 200 and 'id="committee_id-error"' in refused.get_data(
        as_text=True
    )
    assert (
        client.post_form("/messaging/new", {**NEW, "committee_id": str(theirs.id)}).status_code
        == 302
    )


def test_saving_the_text_makes_a_revision_with_its_summary(
    app, client, create_person, create_draft
):
    author = create_person(name="Keisha Moore")
    draft_id = create_draft(author, text="We ask for funding.")
    client.login(author)
    page = client.get(f"/messaging/{draft_id}/edit").get_data(as_text=True)
    assert base_revision(page) == "1" and textarea(page) == "We ask for funding."
    client.post_form(
        f"/messaging/{draft_id}/edit",
        {"text": "We ask for full funding.", "base_revision": "1", "summary": "Stronger ask"},
    )
    assert draft_state(app, draft_id) == ("We ask for full funding.", 2)
    history = client.get(f"/messaging/{draft_id}/history").get_data(as_text=True)
    assert "Revision 2" in history and "Stronger ask" in history
    diff = client.get(f"/messaging/{draft_id}/compare?old=1&new=2").get_data(as_text=True)
    assert re.search(r"<ins><span[^>]*>added: </span>full ?</ins>", diff)


def test_unchanged_text_is_refused_beside_the_field(app, client, create_person, create_draft):
    author = create_person()
    draft_id = create_draft(author, text="Same.")
    client.login(author)
    page = client.post_form(f"/messaging/{draft_id}/edit", {"text": "Same.", "base_revision": "1"})
    assert "The text is unchanged." in page.get_data(as_text=True)
    assert draft_state(app, draft_id) == ("Same.", 1)


def test_restore_makes_a_new_revision_and_keeps_history(
    app, client, create_person, create_draft, save_text
):
    author = create_person()
    draft_id = create_draft(author, text="First words.")
    save_text(draft_id, author, "Second words.")
    client.login(author)
    client.post_form(f"/messaging/{draft_id}/restore/1", {"base_revision": "2"})
    assert draft_state(app, draft_id) == ("First words.", 3)
    history = client.get(f"/messaging/{draft_id}/history").get_data(as_text=True)
    assert "Brings back revision 1." in history
    # Restoring from a stale page (someone saved since) changes nothing.
    client.post_form(f"/messaging/{draft_id}/restore/2", {"base_revision": "2"})
    assert draft_state(app, draft_id) == ("First words.", 3)


def test_details_change_and_a_stale_details_save_shows_both(
    app, client, make_client, create_person, create_draft
):
    author = create_person()
    draft_id = create_draft(author)
    client.login(author)
    data = {**NEW, "title": "New title", "version": "1"}
    data.pop("text")
    assert client.post_form(f"/messaging/{draft_id}/details", data).status_code == 302
    page = client.post_form(f"/messaging/{draft_id}/details", {**data, "title": "Other title"})
    assert page.status_code == 409
    assert "Someone saved this while you were editing" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Draft, draft_id).title == "New title"


def test_list_filters_mine_and_search(app, client, create_person, create_committee, create_draft):
    member = create_person()
    other = create_person()
    committee = create_committee(name="Messaging", members=[member, other])
    create_draft(member, title="Press release on the pilot", kind="press_release")
    create_draft(other, title="Op-ed for the Tribune", kind="op_ed", committee=committee)
    create_draft(
        other, title="Flyer for the fair", kind="flyer", language="es", committee=committee
    )
    client.login(member)

    def titles(query):
        page = client.get(f"/messaging/?{query}").get_data(as_text=True)
        return sorted(re.findall(r'<h2><a href="/messaging/\d+">([^<]+)</a>', page))

    assert len(titles("")) == 3
    assert titles("mine=y") == ["Press release on the pilot"]
    assert titles("kind=op_ed") == ["Op-ed for the Tribune"]
    assert titles("language=es") == ["Flyer for the fair"]
    assert titles(f"committee={committee.id}") == ["Flyer for the fair", "Op-ed for the Tribune"]
    assert titles("q=tribune") == ["Op-ed for the Tribune"]
    assert titles("status=draft&sort=title") == sorted(titles(""))
    assert titles("kind=nonsense") == titles("")  # a bad filter is dropped, never an error
