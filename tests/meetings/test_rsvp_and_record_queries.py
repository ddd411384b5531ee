"""The RSVP page, the organizer's view and the meeting's record issue as many queries with
500 invitees (answers, attendance, action items) as with a handful."""

from datetime import date, timedelta
from datetime import time as clock
from itertools import count

import pytest

from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key

_numbers = count(1)


def _grow(app, meeting_id, invitees):
    """Invite `invitees` more (half organizations with a delegate, half people), each with an
    answer, attendance, a decision and an action item for the meeting's first date."""
    from coalition.meetings.models import Meeting, MeetingInvitation
    from coalition.meetings.record.models import ActionItem, Attendance, Decision
    from coalition.meetings.rsvp.models import Rsvp
    from coalition.members.organizations.models import Affiliation, Organization
    from coalition.members.people.models import Person

    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        start = meeting.start_at
        for _ in range(invitees // 2):
            n = next(_numbers)
            person = Person(name=f"Person {n}", email=f"p{n}@example.org", directory_consent=True)
            organization = Organization(name=f"Organization {n}", status="active")
            db.session.add_all([person, organization])
            db.session.flush()
            db.session.add(
                Affiliation(person_id=person.id, organization_id=organization.id, role="primary")
            )
            for key, field, value in (
                (f"person:{person.id}", "person_id", person.id),
                (f"organization:{organization.id}", "organization_id", organization.id),
            ):
                invitation = MeetingInvitation(
                    meeting_id=meeting_id, invitee_key=key, **{field: value}
                )
                db.session.add(invitation)
                db.session.flush()
                db.session.add_all(
                    [
                        Rsvp(
                            meeting_id=meeting_id,
                            invitation_id=invitation.id,
                            respondent_key=key,
                            occurrence_start=start,
                            answer="yes",
                            headcount=2,
                            needs="ASL interpretation",
                        ),
                        Attendance(
                            meeting_id=meeting_id,
                            occurrence_start=start,
                            attendee_key=key,
                            present=True,
                            headcount=2 if field == "organization_id" else 1,
                            **{field: value},
                        ),
                    ]
                )
            db.session.add_all(
                [
                    Decision(meeting_id=meeting_id, occurrence_start=start, text=f"Decision {n}"),
                    ActionItem(
                        meeting_id=meeting_id,
                        occurrence_start=start,
                        text=f"Task {n}",
                        owner_id=person.id,
                        due_on=date.today(),
                    ),
                ]
            )
        db.session.commit()


@pytest.fixture
def organizer(app, client, create_coordinator, create_meeting, create_organization):
    """A coordinator's client, a meeting held yesterday, and one organization's RSVP link."""
    from coalition.meetings.models import Meeting, MeetingInvitation
    from coalition.meetings.rsvp.meeting_invitations import add_invitations, personal_token
    from coalition.members.organizations.models import Organization

    client.login(create_coordinator())
    meeting = create_meeting(
        day=date.today() - timedelta(days=1), start_time=clock(9, 0), recurrence=None
    )
    reentry = create_organization("Second Chance Reentry", contact_email="hello@reentry.org")
    with app.app_context():
        stored = db.session.get(Meeting, meeting.id)
        # Held yesterday: invited while it was still to come (invite() refuses it now).
        add_invitations(stored, None, organizations=[db.session.get(Organization, reentry.id)])
        invitation = db.session.scalars(db.select(MeetingInvitation)).one()
        token = personal_token(invitation)
        db.session.commit()
        key = occurrence_key(stored.start_at)
    return client, meeting.id, key, token, reentry.id


def _count(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


@pytest.mark.parametrize(
    "page", ["rsvp", "answers", "record", "minutes", "attendance", "dashboard", "organization"]
)
def test_query_count_does_not_grow_with_invitees(app, organizer, count_queries, page):
    client, meeting_id, key, token, organization_id = organizer
    base = f"/meetings/{meeting_id}/dates/{key}"
    urls = {
        "rsvp": f"/rsvp/{token}",
        "answers": f"/meetings/{meeting_id}/answers?date={key}",
        "record": f"{base}/record",
        "minutes": f"{base}/minutes",
        "attendance": f"{base}/attendance",
        "dashboard": "/",
        "organization": f"/members/organizations/{organization_id}",
    }
    _grow(app, meeting_id, 4)
    small = _count(client, count_queries, urls[page])
    _grow(app, meeting_id, 500)
    assert _count(client, count_queries, urls[page]) == small


def test_history_query_count_does_not_grow_with_revisions(app, organizer, count_queries):
    client, meeting_id, key, *_rest = organizer
    base = f"/meetings/{meeting_id}/dates/{key}"
    for number in range(2):
        client.post_form(f"{base}/minutes", {"text": f"Text {number}", "base_revision": number})
    small = _count(client, count_queries, f"{base}/minutes/history")
    for number in range(2, 30):
        client.post_form(f"{base}/minutes", {"text": f"Text {number}", "base_revision": number})
    assert _count(client, count_queries, f"{base}/minutes/history") == small


def test_signed_in_answer_page_query_count_does_not_grow_with_invitees(
    app, organizer, make_client, create_person, link_person, count_queries
):
    from types import SimpleNamespace

    from coalition.meetings.models import MeetingInvitation

    _client, meeting_id, _key, _token, organization_id = organizer
    delegate = create_person(name="Darnell Delegate")
    link_person(delegate, SimpleNamespace(id=organization_id))
    with app.app_context():
        invitation_id = db.session.scalar(
            db.select(MeetingInvitation.id).filter_by(organization_id=organization_id)
        )
    browser = make_client()
    browser.login(delegate)
    page = f"/rsvp/invitations/{invitation_id}"
    _grow(app, meeting_id, 4)
    small = _count(browser, count_queries, page)
    _grow(app, meeting_id, 500)
    assert _count(browser, count_queries, page) == small
