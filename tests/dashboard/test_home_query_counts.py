"""The home page reads as many queries with a dozen of everything as with two, for each kind
of reader: coordinator, chair, member and an organization's contact (delegate)."""

from datetime import date, datetime, timedelta

import pytest


@pytest.fixture
def people(create_person, create_coordinator, create_organization, link_person, create_committee):
    readers = {
        "coordinator": create_coordinator(),
        "chair": create_person(),
        "member": create_person(),
        "delegate": create_person(),
    }
    organization = create_organization("Counted Org")
    link_person(readers["delegate"], organization, "primary")
    committee = create_committee(
        chairs=[readers["chair"]], members=[readers["member"]], open_to_requests=True
    )
    return readers, organization, committee


def _grow(app, readers, organization, committee, count):
    """`count` more of everything the cards list, touching each reader."""
    from coalition.committees.services import request_to_join
    from coalition.core.extensions import db
    from coalition.feedback.services import submit_feedback
    from coalition.meetings.models import Meeting
    from coalition.meetings.record.actions import add_item
    from coalition.meetings.rsvp.meeting_invitations import invite
    from coalition.meetings.series.services import MeetingDetails, schedule_meeting
    from coalition.members.organizations.models import Organization
    from coalition.members.people.models import Person
    from coalition.outbox.mail import queue_email
    from coalition.timeline.services import record_entry

    with app.app_context():
        people = {role: db.session.get(Person, p.id) for role, p in readers.items()}
        org = db.session.get(Organization, organization.id)
        for number in range(count):
            meeting = schedule_meeting(
                MeetingDetails(
                    title=f"Counted meeting {count}-{number}",
                    day=date.today() + timedelta(days=3 + number),
                    start_time=datetime(2026, 1, 1, 18).time(),
                    end_time=datetime(2026, 1, 1, 19).time(),
                    timezone="America/Chicago",
                    location="Library",
                    committee_id=committee.id if number % 2 else None,
                ),
                people["coordinator"],
            )
            invite(meeting, None, people=list(people.values()), organizations=[org])
            add_item(meeting, meeting.start_at, f"Item {number}", people["member"].id,
                     None, people["chair"], tell_owner=False)  # fmt: skip
            add_item(meeting, meeting.start_at, f"Item {number}", people["coordinator"].id,
                     None, people["chair"], tell_owner=False)  # fmt: skip
            asker = Person(name=f"Asker {count}-{number}", email=f"a{count}-{number}@ex.org")
            db.session.add(asker)
            db.session.flush()
            request_to_join(db.session.get(type(committee), committee.id), asker, "")
            submit_feedback(f"Note {number}", "en")
            failed = queue_email(kind="password_reset", to_address="x@example.org",
                                 subject="Failed", template="password_reset",
                                 context={"url": "http://localhost/r", "minutes": 60})  # fmt: skip
            failed.status = "failed"
            db.session.add(Organization(name=f"Prospect {count}-{number}", status="contacted",
                                        owner_id=people["coordinator"].id,
                                        follow_up_on=date.today() - timedelta(days=1)))  # fmt: skip
            record_entry("win", f"Win {count}-{number}", date(2026, 5, 1) + timedelta(days=number))
        db.session.commit()
        assert db.session.scalar(db.select(db.func.count(Meeting.id))) >= count


def _count(client, count_queries):
    with count_queries() as queries:
        response = client.get("/")
    assert response.status_code == 200
    return queries.count, response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["coordinator", "chair", "member", "delegate"])
def test_the_home_page_reads_as_many_queries_with_more_data(
    app, client, people, count_queries, create_proposal, role
):
    readers, organization, committee = people
    client.login(readers[role])
    _grow(app, readers, organization, committee, 2)
    create_proposal(readers["coordinator"], committee, title="First")
    small, _page = _count(client, count_queries)
    _grow(app, readers, organization, committee, 12)
    for number in range(8):
        create_proposal(readers["coordinator"], None if number % 2 else committee)
    large, page = _count(client, count_queries)
    assert large == small
    # The cards were full, not empty, at both sizes.
    listed = {
        "coordinator": ("Counted meeting", "have not answered", "Asker", "Note ", "Failed",
                        "Prospect", "Item ", "Win ", "9 more follow-ups are due",
                        "9 more requests to join wait"),
        "chair": ("Counted meeting", "have not answered", "Asker", "Win ",
                  "9 more requests to join wait"),
        "member": ("Counted meeting", "Item ", "See all 14 of your action items", "Win "),
        "delegate": ("Answer for Counted Org:", "Counted meeting", "Win "),
    }[role]  # fmt: skip
    for text in listed:
        assert text in page, text


def test_the_full_list_of_action_items_reads_as_many_queries_with_more(
    app, client, people, count_queries
):
    readers, organization, committee = people
    client.login(readers["member"])
    _grow(app, readers, organization, committee, 2)
    with count_queries() as small:
        assert client.get("/my/action-items").status_code == 200
    _grow(app, readers, organization, committee, 12)
    with count_queries() as large:
        page = client.get("/my/action-items").get_data(as_text=True)
    assert large.count == small.count
    assert page.count("Mark done:") == 14
