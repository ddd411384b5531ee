"""The cards of what waits on the reader's own hand: proposals without their position,
drafts to review, their action items (with the full list's page) and join requests."""

from datetime import date, timedelta

import pytest

from tests.dashboard.test_meeting_cards import _card


def test_proposals_wait_until_the_reader_takes_a_position(
    client, create_person, create_coordinator, create_committee, create_proposal
):
    member, coordinator = create_person(), create_coordinator()
    mine = create_committee(members=[member])
    closed = create_committee(open_to_requests=False)
    create_proposal(coordinator, title="Coalition-wide question")
    ours = create_proposal(coordinator, mine, title="Our committee's question")
    create_proposal(coordinator, closed, title="Closed committee's question")
    client.login(member)
    card = _card(client.get("/").get_data(as_text=True), "proposals-heading")
    assert "Coalition-wide question" in card and "Our committee&#39;s question" in card
    assert "Closed committee" not in card
    client.post_form(f"/committees/proposals/{ours.id}/position", {"stance": "agree", "reason": ""})
    card = _card(client.get("/").get_data(as_text=True), "proposals-heading")
    assert "Our committee" not in card and "Coalition-wide question" in card


@pytest.fixture
def give_items(app, create_meeting):
    """give_items(owner, count, done=False) -> ids of action items given to the owner."""
    from coalition.core.extensions import db
    from coalition.meetings.models import Meeting
    from coalition.meetings.record.actions import add_item, set_done
    from coalition.members.people.models import Person

    meeting = create_meeting(title="Steering meeting")

    def give(owner, count, done=False, first_due=None):
        with app.app_context():
            saved = db.session.get(Meeting, meeting.id)
            person = db.session.get(Person, owner.id)
            ids = []
            for number in range(count):
                due = (first_due or date.today()) + timedelta(days=number)
                item = add_item(saved, saved.start_at, f"Task {number + 1}", person.id, due,
                                person, tell_owner=False)  # fmt: skip
                if done:
                    set_done(item, True)
                ids.append(item.id)
            db.session.commit()
            return ids

    return give


def test_the_card_shows_five_and_links_to_the_whole_list(client, create_person, give_items):
    owner, other = create_person(), create_person()
    give_items(owner, 7, first_due=date.today() - timedelta(days=1))
    give_items(owner, 2, done=True)
    give_items(other, 1)
    client.login(owner)
    card = _card(client.get("/").get_data(as_text=True), "action-items-heading")
    assert card.count("Mark done:") == 5
    assert "Overdue" in card  # the first is a day late
    assert 'href="/my/action-items"' in card and "See all 7 of your action items" in card
    full = client.get("/my/action-items").get_data(as_text=True)
    assert full.count("Mark done:") == 7 and "7 open action items" in full
    assert "Task 7" in full


def test_marking_done_from_the_full_list_comes_back_to_it(client, create_person, give_items):
    owner = create_person()
    [item] = give_items(owner, 1)
    client.login(owner)
    response = client.post_form(
        f"/meetings/actions/{item}/done", {"done": "1", "next": "action_items"}
    )
    assert response.location.endswith("/my/action-items")
    page = client.get("/my/action-items").get_data(as_text=True)
    assert "Marked done: Task 1" in page and "You have no open action items." in page


def test_the_card_links_no_full_list_when_it_shows_everything(client, create_person, give_items):
    owner = create_person()
    give_items(owner, 2)
    client.login(owner)
    card = _card(client.get("/").get_data(as_text=True), "action-items-heading")
    assert card.count("Mark done:") == 2 and "/my/action-items" not in card


def test_join_requests_go_to_the_chair_of_that_committee_only(
    client, make_client, create_person, create_coordinator, create_committee
):
    chair, other_chair, asker = create_person(), create_person(), create_person(name="Rosa Q")
    mine = create_committee(name="Housing", chairs=[chair], open_to_requests=True)
    create_committee(name="Outreach", chairs=[other_chair], open_to_requests=True)
    asking = make_client()
    asking.login(asker)
    asking.post_form(f"/committees/{mine.id}/join", {"message": "I run a shelter."})
    client.login(chair)
    card = _card(client.get("/").get_data(as_text=True), "join-requests-heading")
    assert "Rosa Q asks to join Housing" in card
    assert f'href="/committees/{mine.id}#requests"' in card
    elsewhere = make_client()
    elsewhere.login(other_chair)
    card = _card(elsewhere.get("/").get_data(as_text=True), "join-requests-heading")
    assert "Rosa Q" not in card and "No one is waiting to join your committees." in card
    coordinator = make_client()
    coordinator.login(create_coordinator())
    assert "Rosa Q asks to join" in coordinator.get("/").get_data(as_text=True)
    # A member who chairs nothing answers no requests: no such card.
    assert 'id="join-requests-heading"' not in asking.get("/").get_data(as_text=True)


def test_drafts_waiting_for_review_list_only_the_readers(app, client, make_client, create_person):
    from coalition.core.extensions import db
    from coalition.members.people.models import Person
    from coalition.messaging import services as drafts
    from coalition.messaging.access import EMAIL_RULES
    from coalition.messaging.review.services import ask_reviewers
    from coalition.messaging.services import DraftDetails

    writer, reviewer, bystander = create_person(), create_person(), create_person()
    with app.app_context():
        author = db.session.get(Person, writer.id)
        draft = drafts.start_draft(DraftDetails(title="Budget testimony", kind="op_ed"),
                                   "Words.", author)  # fmt: skip
        ask_reviewers(draft, [db.session.get(Person, reviewer.id)], author, EMAIL_RULES)
        db.session.commit()
    client.login(reviewer)
    card = _card(client.get("/").get_data(as_text=True), "drafts-heading")
    assert "Budget testimony" in card
    other = make_client()
    other.login(bystander)
    card = _card(other.get("/").get_data(as_text=True), "drafts-heading")
    assert "Budget testimony" not in card and "No draft is waiting for your review." in card
