"""Who sees a draft: one rule for the page, the list, its count, its filters and exports."""

import re

import pytest

from coalition.core.extensions import db


@pytest.fixture
def cast(app, create_person, create_coordinator, create_committee, create_draft, save_text):
    """An author, a co-author, a committee member, a reviewer, an outsider, a coordinator;
    a committee draft and a draft with no committee, each saved by the author."""
    from coalition.messaging.models import DraftReviewer

    people = {
        "author": create_person(name="Author A"),
        "coauthor": create_person(name="Coauthor C"),
        "committee": create_person(name="Committee K"),
        "reviewer": create_person(name="Reviewer R"),
        "outsider": create_person(name="Outsider O"),
        "coordinator": create_coordinator(name="Coordinator Z"),
    }
    committee = create_committee(name="Messaging", members=[people["committee"]])
    drafts = {
        "committee": create_draft(people["author"], title="Committee draft", committee=committee),
        "solo": create_draft(people["author"], title="Solo draft"),
    }
    save_text(drafts["solo"], people["coauthor"], "Co-written.")
    with app.app_context():
        db.session.add(DraftReviewer(draft_id=drafts["solo"], person_id=people["reviewer"].id))
        db.session.commit()
    return people, drafts


# who: (drafts listed, {draft: (page, edit page)})
EXPECTED = {
    "author": ({"committee", "solo"}, {"committee": (200, 200), "solo": (200, 200)}),
    "coauthor": ({"solo"}, {"committee": (403, 403), "solo": (200, 200)}),
    "committee": ({"committee"}, {"committee": (200, 200), "solo": (403, 403)}),
    "reviewer": ({"solo"}, {"committee": (403, 403), "solo": (200, 403)}),
    "outsider": (set(), {"committee": (403, 403), "solo": (403, 403)}),
    "coordinator": ({"committee", "solo"}, {"committee": (200, 200), "solo": (200, 200)}),
}
READ_ROUTES = ("", "/history", "/compare?old=1&new=1", "/print", "/export.txt", "/export.docx")


@pytest.mark.parametrize("who", sorted(EXPECTED))
def test_every_path_follows_the_one_rule(app, make_client, cast, who):
    people, drafts = cast
    listed, pages = EXPECTED[who]
    client = make_client()
    client.login(people[who])
    listing = client.get("/messaging/").get_data(as_text=True)
    titles = set(re.findall(r'<h2><a href="/messaging/\d+">(\w+) draft</a>', listing))
    assert titles == {name.capitalize() for name in listed}
    assert f"{len(listed)} draft" in listing
    for name, (read, edit) in pages.items():
        base = f"/messaging/{drafts[name]}"
        for route in READ_ROUTES:
            assert client.get(base + route).status_code == read, (name, route)
        assert client.get(base + "/edit").status_code == edit, name
        assert client.get(base + "/details").status_code == edit, name


def test_the_committee_filter_names_only_committees_of_drafts_one_may_see(app, make_client, cast):
    people, _drafts = cast
    outsider = make_client()
    outsider.login(people["outsider"])
    assert ">Messaging</option>" not in outsider.get("/messaging/").get_data(as_text=True)
    member = make_client()
    member.login(people["committee"])
    assert ">Messaging</option>" in member.get("/messaging/").get_data(as_text=True)


def test_approved_and_published_drafts_are_read_by_every_member(app, make_client, cast):
    from coalition.messaging.models import Draft

    people, drafts = cast
    with app.app_context():
        db.session.get(Draft, drafts["solo"]).status = "published"
        db.session.commit()
    outsider = make_client()
    outsider.login(people["outsider"])
    assert outsider.get(f"/messaging/{drafts['solo']}").status_code == 200
    assert outsider.get(f"/messaging/{drafts['solo']}/edit").status_code == 403


def test_a_missing_draft_is_not_found_and_visitors_log_in(app, client, make_client, cast):
    people, drafts = cast
    assert client.get(f"/messaging/{drafts['solo']}").status_code == 302
    member = make_client()
    member.login(people["author"])
    assert member.get("/messaging/999999").status_code == 404
    assert member.get("/messaging/999999/export.txt").status_code == 404
