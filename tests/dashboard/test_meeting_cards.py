"""The home page's meeting cards: my dates with my (or my organization's) answer, the
answers I still owe, and, for organizers, how many have not answered."""

import re

from coalition.meetings.occurrences import occurrence_key


def _card(page, heading_id):
    """The HTML of one card, from its heading to the end of its section."""
    match = re.search(rf'id="{heading_id}".*?</section>', page, re.S)
    assert match, heading_id
    return match.group(0)


def test_my_dates_show_my_answer_and_my_organizations(
    client, create_person, create_organization, link_person, create_meeting,
    invite_to_meeting, create_answer, invitation_of,
):  # fmt: skip
    delegate = create_person()
    reentry = create_organization("Second Chance Reentry")
    link_person(delegate, reentry, "primary")
    meeting = create_meeting(title="Diversion working group")
    invite_to_meeting(meeting, people=[delegate], organizations=[reentry])
    create_answer(meeting, reentry, answer="yes", headcount=3)
    client.login(delegate)
    card = _card(client.get("/").get_data(as_text=True), "meetings-heading")
    assert "Diversion working group" in card
    assert "Answer for Second Chance Reentry:" in card
    assert "Yes · 3 people" in card
    assert "Your answer:" in card and "none yet" in card
    # Each answer has its one-click form, posting through the session to this date.
    key = occurrence_key(meeting.start_at)
    for invitee in (delegate, reentry):
        assert f'action="/my/invitations/{invitation_of(meeting, invitee)}/dates/{key}"' in card
    assert card.count('name="answer" value="maybe"') == 2


def test_answers_not_given_list_only_mine(
    client, make_client, create_person, create_meeting, invite_to_meeting, create_answer
):
    me, other = create_person(), create_person()
    asked = create_meeting(title="Asked of me")
    answered = create_meeting(title="Already answered")
    elsewhere = create_meeting(title="Someone else's")
    invite_to_meeting(asked, people=[me])
    invite_to_meeting(answered, people=[me])
    invite_to_meeting(elsewhere, people=[other])
    create_answer(answered, me, answer="no")
    client.login(me)
    card = _card(client.get("/").get_data(as_text=True), "owed-heading")
    # The date asked of me is answerable among my upcoming meetings: pointed to, not repeated.
    assert "1 date waiting for your answer is listed in your upcoming meetings." in card
    assert "Asked of me" not in card and 'class="quick-answer"' not in card
    assert "Already answered" not in card and "Someone else&#39;s" not in card
    # A coalition-wide meeting is listed to every member, with no answer to give.
    dates = _card(client.get("/").get_data(as_text=True), "meetings-heading")
    assert "Someone else&#39;s" in dates
    assert dates.count('class="quick-answer"') == 2  # the two I am invited to


def test_organizers_see_how_many_have_not_answered(
    client, make_client, create_person, create_coordinator, create_committee, create_meeting,
    invite_to_meeting, create_answer,
):  # fmt: skip
    chair, member = create_person(), create_person()
    invitees = [create_person() for _ in range(3)]
    committee = create_committee(chairs=[chair], members=[member])
    meeting = create_meeting(title="Housing committee", committee_id=committee.id)
    invite_to_meeting(meeting, people=invitees)
    create_answer(meeting, invitees[0], answer="yes")
    client.login(chair)
    card = _card(client.get("/").get_data(as_text=True), "unanswered-heading")
    assert "Housing committee" in card
    assert "2 of 3 invited have not answered" in card
    assert f"/meetings/{meeting.id}/answers?date=" in card
    # A member of the committee sees the meeting but organizes nothing: no such card.
    reader = make_client()
    reader.login(member)
    page = reader.get("/").get_data(as_text=True)
    assert "Housing committee" in page and 'id="unanswered-heading"' not in page
    coordinator = make_client()
    coordinator.login(create_coordinator())
    assert "2 of 3 invited" in coordinator.get("/").get_data(as_text=True)


def test_a_member_never_sees_another_committees_meeting(
    client, create_person, create_committee, create_meeting
):
    member = create_person()
    closed = create_committee(open_to_requests=False)
    create_meeting(title="Closed committee's meeting", committee_id=closed.id)
    client.login(member)
    assert "Closed committee" not in client.get("/").get_data(as_text=True)


def test_answers_not_given_lists_the_dates_beyond_my_upcoming_meetings(
    client, create_person, create_meeting, invite_to_meeting
):
    from datetime import date, timedelta

    from coalition.meetings.recurrence import WEEKLY_FREQ, Recurrence

    me = create_person()
    weekly = create_meeting(
        title="Weekly huddle",
        day=date.today() + timedelta(days=3),
        recurrence=Recurrence(WEEKLY_FREQ, count=8),
    )
    invite_to_meeting(weekly, people=[me])
    client.login(me)
    page = client.get("/").get_data(as_text=True)
    upcoming, owed = _card(page, "meetings-heading"), _card(page, "owed-heading")
    assert upcoming.count('class="quick-answer"') == 5  # the next five dates
    # The three later dates are listed with their own buttons, each date once on the page.
    assert owed.count('class="quick-answer"') == 3
    assert "5 dates waiting for your answer are listed in your upcoming meetings." in owed
    assert page.count('class="quick-answer"') == 8
