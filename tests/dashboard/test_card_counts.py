"""Each card of the home page counts all it stands for, not the five it lists: the "On this
page" list gives the true totals, and a card with more than it shows says how many more
(with a link to the full list where there is one)."""

import re
from datetime import date, timedelta

import pytest

from tests.dashboard.test_meeting_cards import _card


def _badges(page):
    """{label: number} of the "On this page" list."""
    contents = re.search(r'<nav class="dashboard-contents".*?</nav>', page, re.S).group(0)
    entry = r'<a href="#[\w-]+">([^<]+)<span class="badge[^"]*">(\d+)<'
    return {label.strip(): int(count) for label, count in re.findall(entry, contents)}


def _drafts_to_review(app, reviewer, count):
    from coalition.core.extensions import db
    from coalition.members.people.models import Person
    from coalition.messaging import services as drafts
    from coalition.messaging.access import EMAIL_RULES
    from coalition.messaging.review.services import ask_reviewers
    from coalition.messaging.services import DraftDetails

    with app.app_context():
        author = db.session.scalars(db.select(Person).filter(Person.id != reviewer.id)).first()
        for number in range(count):
            draft = drafts.start_draft(
                DraftDetails(title=f"Testimony {number}", kind="op_ed"), "Words.", author
            )
            ask_reviewers(draft, [db.session.get(Person, reviewer.id)], author, EMAIL_RULES)
        db.session.commit()


def _join_requests(app, committee, count):
    from coalition.committees.models import Committee
    from coalition.committees.services import request_to_join
    from coalition.core.extensions import db
    from coalition.members.people.models import Person

    with app.app_context():
        for number in range(count):
            asker = Person(name=f"Asker {number}", email=f"asker{number}@example.org")
            db.session.add(asker)
            db.session.flush()
            request_to_join(db.session.get(Committee, committee.id), asker, "")
        db.session.commit()


@pytest.fixture
def busy_coordinator(app, create_coordinator, create_person, create_organization,
                     create_committee, create_proposal, create_meeting, invite_to_meeting,
                     create_answer):  # fmt: skip
    """A coordinator with more of everything than a card lists: 6 follow-ups due, 7 join
    requests, 7 proposals, 6 drafts to review, and a weekly meeting of 8 dates with 3
    invitees, one of whom answered the first date."""
    from datetime import time

    from coalition.meetings.recurrence import WEEKLY_FREQ, Recurrence

    coordinator = create_coordinator()
    invitees = [create_person() for _ in range(3)]
    for number in range(6):
        create_organization(f"Prospect {number}", status="contacted", owner=coordinator,
                            follow_up_on=date.today() - timedelta(days=1 + number))  # fmt: skip
    committee = create_committee(chairs=[invitees[0]], open_to_requests=True)
    _join_requests(app, committee, 7)
    for _ in range(7):
        create_proposal(coordinator)
    _drafts_to_review(app, coordinator, 6)
    meeting = create_meeting(title="Weekly huddle", day=date.today() + timedelta(days=3),
                             start_time=time(12), end_time=time(13),
                             recurrence=Recurrence(WEEKLY_FREQ, count=8))  # fmt: skip
    invite_to_meeting(meeting, people=invitees)
    create_answer(meeting, invitees[1], answer="yes")
    return coordinator


def test_the_contents_give_the_true_totals(client, busy_coordinator):
    client.login(busy_coordinator)
    badges = _badges(client.get("/").get_data(as_text=True))
    assert badges["Follow-ups due"] == 6
    assert badges["Requests to join your committees"] == 7
    assert badges["Proposals waiting for your position"] == 7
    assert badges["Drafts waiting for your review"] == 6
    assert badges["Your upcoming meetings"] == 8
    # Every RSVP one invitee owes for one date, over every date ahead: 3 x 8, less one.
    assert badges["RSVPs still missing in the next two months"] == 23


def test_each_full_card_says_how_many_more_and_links_to_the_whole_list(client, busy_coordinator):
    client.login(busy_coordinator)
    page = client.get("/").get_data(as_text=True)
    follow_ups = _card(page, "follow-ups-heading")
    assert follow_ups.count("Prospect ") == 5
    assert re.search(r'<a href="/members/pipeline[^"]*">1 more follow-up is due', follow_ups)
    requests = _card(page, "join-requests-heading")
    assert requests.count("asks to join") == 5
    assert '<a href="/committees/">2 more requests to join wait on your committees' in requests
    proposals = _card(page, "proposals-heading")
    assert '<a href="/committees/proposals/">2 more proposals wait for your position' in proposals
    drafts = _card(page, "drafts-heading")
    assert drafts.count("Testimony ") == 5
    assert "1 more draft waits for your review" in drafts
    dates = _card(page, "meetings-heading")
    assert dates.count("Weekly huddle") == 5
    assert '<a href="/meetings/">3 more dates in the next two months' in dates
    missing = _card(page, "unanswered-heading")
    assert missing.count("<li>") == 5
    assert "3 more dates you organize in the next two months" in missing


def test_a_card_that_shows_everything_says_no_more(client, create_coordinator, create_organization):
    coordinator = create_coordinator()
    create_organization("Only Prospect", status="contacted", owner=coordinator,
                        follow_up_on=date.today() - timedelta(days=1))  # fmt: skip
    client.login(coordinator)
    page = client.get("/").get_data(as_text=True)
    assert _badges(page)["Follow-ups due"] == 1
    assert " more " not in _card(page, "follow-ups-heading")
