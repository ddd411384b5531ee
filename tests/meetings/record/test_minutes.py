"""After the meeting: minutes with revisions and merges, attendance, decisions, action items."""

import re
from datetime import date, timedelta
from datetime import time as clock

import pytest

from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.record.models import ActionItem, Attendance, Minutes
from coalition.revisions.models import Revision
from coalition.timeline.models import TimelineEntry

LAST_WEEK = date.today() - timedelta(days=7)


@pytest.fixture
def held(
    app,
    client,
    create_coordinator,
    create_person,
    create_organization,
    link_person,
    create_meeting,
    invite_to_meeting,
    create_answer,
):
    """A coordinator's client and a meeting held last week, to which an organization
    (with its delegate) and a person were invited; the organization said yes for 3."""
    coordinator = create_coordinator(name="Rosa Delgado")
    client.login(coordinator)
    reentry = create_organization("Second Chance Reentry", sectors=["reentry"])
    delegate = create_person(name="Darnell Brooks", email="darnell@example.org")
    link_person(delegate, reentry, "primary")
    member = create_person(name="Keisha Moore", email="keisha@example.org")
    meeting = create_meeting(
        title="Steering committee", day=LAST_WEEK, start_time=clock(18, 0), recurrence=None
    )
    invite_to_meeting(meeting, people=[member], organizations=[reentry])
    answer = create_answer(meeting, reentry, "yes", 3)
    key = occurrence_key(answer.occurrence_start)
    base = f"/meetings/{meeting.id}/dates/{key}"
    return {
        "client": client,
        "meeting": meeting,
        "base": base,
        "organization": reentry,
        "delegate": delegate,
        "member": member,
        "coordinator": coordinator,
    }


def _minutes(app):
    with app.app_context():
        minutes = db.session.scalar(db.select(Minutes))
        revisions = db.session.scalar(
            db.select(db.func.count(Revision.id)).where(
                Revision.text_id.in_(db.select(Minutes.text_id))
            )
        )
        return (minutes.text if minutes else None), revisions


def _base_revision(page):
    return re.search(r'name="base_revision"[^>]*value="(\d+)"', page).group(1)


def test_minutes_are_a_draft_until_published_then_the_timeline_says_the_meeting_was_held(
    app, held, make_client
):
    client, base = held["client"], held["base"]
    form = client.get(f"{base}/minutes").get_data(as_text=True)
    response = client.post_form(
        f"{base}/minutes",
        {
            "text": "We agreed on **three** referral pathways.",
            "base_revision": _base_revision(form),
        },
    )
    assert response.status_code == 302
    member = make_client()
    member.login(held["member"])
    page = member.get(f"{base}/record").get_data(as_text=True)
    assert "referral pathways" not in page and "not published yet" in page

    client.post_form(f"{base}/minutes/publish", {})
    page = member.get(f"{base}/record").get_data(as_text=True)
    assert "<strong>three</strong> referral pathways" in page
    again = client.post_form(f"{base}/minutes/publish", {}, follow_redirects=True)
    assert "already published" in again.get_data(as_text=True)
    with app.app_context():
        entries = db.session.scalars(db.select(TimelineEntry).filter_by(event="held")).all()
        assert [entry.occurred_on for entry in entries] == [LAST_WEEK]
    timeline = member.get("/timeline/").get_data(as_text=True)
    assert "Meeting held: Steering committee" in timeline and f"{base}/record" in timeline


def test_publishing_empty_minutes_is_refused(app, held):
    client, base = held["client"], held["base"]
    page = client.post_form(f"{base}/minutes/publish", {}, follow_redirects=True)
    assert "Write the minutes before publishing them." in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(TimelineEntry.id))) == 0


def test_two_editors_at_once_both_edits_survive_through_the_merge_view(app, held, make_client):
    client, base = held["client"], held["base"]
    first = "Present: five partners.\nDecided: the pilot starts in March.\n"
    client.post_form(f"{base}/minutes", {"text": first, "base_revision": "0"})
    chair = make_client()
    chair.login(held["coordinator"])
    opened = _base_revision(chair.get(f"{base}/minutes").get_data(as_text=True))
    opened_too = _base_revision(client.get(f"{base}/minutes").get_data(as_text=True))
    client.post_form(
        f"{base}/minutes",
        {"text": first.replace("five", "six"), "base_revision": opened_too},
    )
    crossed = chair.post_form(
        f"{base}/minutes",
        {"text": first.replace("March", "April"), "base_revision": opened},
    )
    page = crossed.get_data(as_text=True)
    assert crossed.status_code == 409
    assert "Someone saved the minutes while you were editing" in page
    assert "Rosa Delgado saved them on" in page and "Your changes are not saved yet." in page
    assert re.search(
        r"What they changed</h3>\s*<div[^>]*>.*<del>.*five</del><ins>.*six</ins>", page
    )
    assert re.search(
        r"What you changed</h3>\s*<div[^>]*>.*<del>.*March</del><ins>.*April", page, re.S
    )
    assert "Present: six partners.\nDecided: the pilot starts in April." in page
    assert _minutes(app) == ("Present: six partners.\nDecided: the pilot starts in March.\n", 2)
    merged = re.search(r"<textarea[^>]*>\s*(.*?)</textarea>", page, re.S).group(1)
    chair.post_form(
        f"{base}/minutes",
        {"text": merged.replace("&#39;", "'"), "base_revision": _base_revision(page)},
    )
    assert _minutes(app)[0].strip() == "Present: six partners.\nDecided: the pilot starts in April."
    assert _minutes(app)[1] == 3


def test_conflicting_words_keep_the_saved_ones_and_list_both(app, held, make_client):
    client, base = held["client"], held["base"]
    client.post_form(f"{base}/minutes", {"text": "Budget: 100 dollars.", "base_revision": "0"})
    other = make_client()
    other.login(held["coordinator"])
    client.post_form(f"{base}/minutes", {"text": "Budget: 200 dollars.", "base_revision": "1"})
    page = other.post_form(
        f"{base}/minutes", {"text": "Budget: 300 dollars.", "base_revision": "1"}
    ).get_data(as_text=True)
    assert "touch the same words" in page
    assert "Yours:" in page and "300" in page and "200" in page
    assert _minutes(app) == ("Budget: 200 dollars.", 2)


def test_history_shows_each_version_with_what_changed(app, held):
    client, base = held["client"], held["base"]
    client.post_form(f"{base}/minutes", {"text": "Three partners came.", "base_revision": "0"})
    client.post_form(
        f"{base}/minutes",
        {"text": "Four partners came.", "base_revision": "1", "note": "Recounted"},
    )
    page = client.get(f"{base}/minutes/history").get_data(as_text=True)
    assert "Version 2" in page and "Version 1" in page and "Recounted" in page
    assert re.search(r"<del>.*Three</del><ins>.*Four</ins>", page)


def test_unchanged_or_too_long_minutes_are_refused_beside_the_field(app, held):
    client, base = held["client"], held["base"]
    client.post_form(f"{base}/minutes", {"text": "Short.", "base_revision": "0"})
    page = client.post_form(f"{base}/minutes", {"text": "Short.", "base_revision": "1"})
    assert "The minutes are unchanged." in page.get_data(as_text=True)
    page = client.post_form(f"{base}/minutes", {"text": "x" * 100_001, "base_revision": "1"})
    assert page.status_code == 200 and "aria-invalid" in page.get_data(as_text=True)
    assert _minutes(app) == ("Short.", 1)


def test_only_organizers_write_minutes_or_take_attendance(app, held, make_client):
    base = held["base"]
    member = make_client()
    member.login(held["member"])
    assert member.get(f"{base}/minutes").status_code == 403
    assert (
        member.post_form(f"{base}/minutes", {"text": "Mine", "base_revision": "0"}).status_code
        == 403
    )
    assert member.get(f"{base}/attendance").status_code == 403
    assert member.post_form(f"{base}/minutes/publish", {}).status_code == 403
    assert make_client().get(f"{base}/record").status_code == 302  # to the login page
    assert _minutes(app) == (None, 0)


def test_an_unknown_date_is_not_found(app, held):
    client, meeting = held["client"], held["meeting"]
    assert client.get(f"/meetings/{meeting.id}/dates/20200101T000000Z/record").status_code == 404
    assert client.get(f"/meetings/{meeting.id}/dates/nonsense/record").status_code == 404


def test_a_cancelled_series_keeps_the_record_of_the_dates_that_took_place(
    app, client, create_coordinator, create_meeting
):
    client.login(create_coordinator())
    meeting = create_meeting(day=date.today() - timedelta(days=45))  # monthly, 6 dates
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    future = re.findall(rf"/meetings/{meeting.id}/occurrences/(\w+)/cancel", page)
    past = re.findall(rf"/meetings/{meeting.id}/dates/(\w+)/record", page)
    assert len(past) == 2 and len(future) == 4
    version = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    client.post_form(f"/meetings/{meeting.id}/occurrences/{future[0]}/cancel", {"version": version})
    assert client.get(f"/meetings/{meeting.id}/dates/{future[0]}/record").status_code == 404
    assert client.get(f"/meetings/{meeting.id}/dates/{future[1]}/record").status_code == 200
    client.post_form(f"/meetings/{meeting.id}/cancel", {})
    for key in past:
        assert client.get(f"/meetings/{meeting.id}/dates/{key}/record").status_code == 200
    assert client.get(f"/meetings/{meeting.id}/dates/{future[1]}/record").status_code == 404
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    assert re.findall(rf"/meetings/{meeting.id}/dates/(\w+)/record", page) == past


def _sheet_form(page):
    """The attendance form as a browser would post it (ticked boxes and numbers)."""
    data = {}
    for name in re.findall(r'type="checkbox"[^>]*name="([^"]+)"[^>]*checked', page):
        data[name] = "1"
    for name, value in re.findall(r'type="number"[^>]*name="([^"]+)" value="([^"]*)"', page):
        data[name] = value
    return data


def test_attendance_starts_from_the_answers_and_feeds_the_organization_page(app, held, make_client):
    client, base, organization = held["client"], held["base"], held["organization"]
    page = client.get(f"{base}/attendance").get_data(as_text=True)
    assert "Those who said yes are ticked" in page
    data = _sheet_form(page)
    org_key = f"organization:{organization.id}"
    assert data == {f"present-{org_key}": "1", f"headcount-{org_key}": "3"}
    data[f"headcount-{org_key}"] = "4"
    assert client.post_form(f"{base}/attendance", data).status_code == 302
    with app.app_context():
        rows = {
            row.attendee_key: (row.present, row.headcount)
            for row in db.session.scalars(db.select(Attendance))
        }
    assert rows == {org_key: (True, 4), f"person:{held['member'].id}": (False, 0)}
    record = client.get(f"{base}/record").get_data(as_text=True)
    assert "Second Chance Reentry · 4 people" in record
    org_page = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Attended 1 of the last 1 meeting" in org_page

    member = make_client()
    member.login(held["member"])
    seen = member.get(f"{base}/record").get_data(as_text=True)
    assert "People counted" in seen and "Second Chance Reentry · 4" not in seen


def test_attendance_with_a_bad_headcount_says_so_and_saves_nothing(app, held):
    client, base, organization = held["client"], held["base"], held["organization"]
    org_key = f"organization:{organization.id}"
    for value, message in [("lots", "as digits"), ("500", "between 0 and 200")]:
        response = client.post_form(
            f"{base}/attendance", {f"present-{org_key}": "1", f"headcount-{org_key}": value}
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and message in page
        assert f'value="{value}"' in page  # what was typed is still there
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Attendance.id))) == 0


def test_attendance_waits_for_the_meeting_to_start(app, client, create_coordinator, create_meeting):
    client.login(create_coordinator())
    meeting = create_meeting(recurrence=None)
    with app.app_context():
        from coalition.meetings.models import Meeting

        key = occurrence_key(db.session.get(Meeting, meeting.id).start_at)
    page = client.get(f"/meetings/{meeting.id}/dates/{key}/attendance", follow_redirects=True)
    assert "Attendance can be taken once the meeting has started." in page.get_data(as_text=True)


def test_action_items_reach_their_owner_who_marks_them_done(app, held, make_client):
    client, base, delegate = held["client"], held["base"], held["delegate"]
    page = client.get(f"{base}/record").get_data(as_text=True)
    assert "Who will do it" in page
    due = (date.today() + timedelta(days=10)).isoformat()
    response = client.post_form(
        f"{base}/actions",
        {
            "action-text": "Draft the referral form",
            "action-owner_id": str(delegate.id),
            "action-due_on": due,
        },
    )
    assert response.status_code == 302
    with app.app_context():
        from coalition.outbox.models import OutboxEmail

        told = db.session.scalars(db.select(OutboxEmail).filter_by(kind="action_item")).one()
    assert told.to_address == "darnell@example.org"
    assert "Rosa Delgado gave you an action item from Steering committee" in told.text_body
    assert f"Due date: {due}" in told.text_body and f"{base}/record" in told.text_body
    client.post_form(f"{base}/decisions", {"decision-text": "Adopt the pre-booking pathway"})
    record = client.get(f"{base}/record").get_data(as_text=True)
    assert "Adopt the pre-booking pathway" in record and "Draft the referral form" in record

    owner = make_client()
    owner.login(delegate)
    home = owner.get("/").get_data(as_text=True)
    assert "Draft the referral form" in home and "from Steering committee" in home
    with app.app_context():
        item_id = db.session.scalar(db.select(ActionItem.id))
    stranger = make_client()
    stranger.login(held["member"])
    assert stranger.post_form(f"/meetings/actions/{item_id}/done", {"done": "1"}).status_code == 403
    done = owner.post_form(
        f"/meetings/actions/{item_id}/done", {"done": "1", "next": "dashboard"}
    ).headers["Location"]
    home = owner.get(done).get_data(as_text=True)  # the message names it, the list no more
    assert "Marked done: Draft the referral form" in home
    assert "Draft the referral form" not in owner.get("/").get_data(as_text=True)
    with app.app_context():
        assert db.session.get(ActionItem, item_id).done


def test_an_action_item_without_an_owner_is_refused_beside_the_field(app, held):
    client, base = held["client"], held["base"]
    response = client.post_form(
        f"{base}/actions", {"action-text": "Book the room", "action-owner_id": ""}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Choose who will do it." in page
    assert 'value="Book the room"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(ActionItem.id))) == 0


def test_the_meeting_page_links_to_the_record(app, held):
    page = held["client"].get(f"/meetings/{held['meeting'].id}").get_data(as_text=True)
    assert f"{held['base']}/record" in page


def test_organizers_take_back_a_decision_or_action_item_others_cannot(app, held, make_client):
    from coalition.meetings.record.models import Decision

    client, base, delegate = held["client"], held["base"], held["delegate"]
    client.post_form(f"{base}/decisions", {"decision-text": "Meet weekly"})
    client.post_form(
        f"{base}/actions", {"action-text": "Call the DA", "action-owner_id": str(delegate.id)}
    )
    with app.app_context():
        decision_id = db.session.scalar(db.select(Decision.id))
        item_id = db.session.scalar(db.select(ActionItem.id))
    owner = make_client()
    owner.login(delegate)
    assert owner.post_form(f"/meetings/actions/{item_id}/remove", {}).status_code == 403
    assert owner.post_form(f"/meetings/decisions/{decision_id}/remove", {}).status_code == 403
    client.post_form(f"/meetings/decisions/{decision_id}/remove", {})
    page = client.post_form(f"/meetings/actions/{item_id}/remove", {}, follow_redirects=True)
    text = page.get_data(as_text=True)
    assert "The action item is removed." in text
    assert "Meet weekly" not in text and "Call the DA" not in text
    assert client.post_form(f"/meetings/actions/{item_id}/remove", {}).status_code == 404
    with app.app_context():
        from coalition.core.audit import AuditEvent

        logged = db.session.execute(db.select(AuditEvent.action, AuditEvent.detail)).all()
    assert sorted(logged) == [
        ("action_item.removed", "Call the DA"),
        ("meeting_decision.removed", "Meet weekly"),
    ]


def test_odd_numbers_in_forms_get_messages_not_errors(app, held):
    client, base, organization = held["client"], held["base"], held["organization"]
    org_key = f"organization:{organization.id}"
    response = client.post_form(
        f"{base}/attendance", {f"present-{org_key}": "1", f"headcount-{org_key}": "²"}
    )
    assert response.status_code == 400 and "as digits" in response.get_data(as_text=True)
    response = client.post_form(
        f"{base}/actions", {"action-text": "Call", "action-owner_id": "9" * 30}
    )
    assert response.status_code == 400 and "Choose who will do it." in response.get_data(
        as_text=True
    )
    client.post_form(f"{base}/minutes", {"text": "First.", "base_revision": "0"})
    crossed = client.post_form(f"{base}/minutes", {"text": "Second.", "base_revision": "9" * 30})
    assert crossed.status_code == 409 and "Someone saved the minutes" in crossed.get_data(
        as_text=True
    )
    assert _minutes(app) == ("First.", 1)


def test_a_decision_too_long_keeps_what_was_typed_beside_the_field(app, held):
    client, base = held["client"], held["base"]
    response = client.post_form(f"{base}/decisions", {"decision-text": "We agree " * 200})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'aria-invalid="true"' in page
    assert "We agree We agree" in page


def test_minutes_of_a_date_still_ahead_wait_to_be_published(
    app, client, create_coordinator, create_meeting
):
    client.login(create_coordinator())
    meeting = create_meeting(recurrence=None)
    with app.app_context():
        from coalition.meetings.models import Meeting

        key = occurrence_key(db.session.get(Meeting, meeting.id).start_at)
    base = f"/meetings/{meeting.id}/dates/{key}"
    client.post_form(f"{base}/minutes", {"text": "Agenda notes.", "base_revision": "0"})
    page = client.post_form(f"{base}/minutes/publish", {}, follow_redirects=True)
    assert "once the meeting has started" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(db.select(Minutes.published_at)) is None


def test_the_timeline_says_meeting_held_in_each_readers_language(app, held, make_client):
    client, base = held["client"], held["base"]
    with app.app_context():
        from coalition.members.people.models import Person

        db.session.get(Person, held["coordinator"].id).language = "es"
        db.session.commit()
    client.post_form(f"{base}/minutes", {"text": "Notas.", "base_revision": "0"})
    client.post_form(f"{base}/minutes/publish", {})
    member = make_client()
    member.login(held["member"])
    assert "Meeting held: Steering committee" in member.get("/timeline/").get_data(as_text=True)
    spanish = client.get("/timeline/").get_data(as_text=True)
    assert "Reunión realizada: Steering committee" in spanish


def test_readers_see_the_published_minutes_and_later_versions_not_drafts(app, held, make_client):
    client, base = held["client"], held["base"]
    client.post_form(
        f"{base}/minutes", {"text": "Draft naming a participant.", "base_revision": "0"}
    )
    client.post_form(f"{base}/minutes", {"text": "Approved text.", "base_revision": "1"})
    client.post_form(f"{base}/minutes/publish", {})
    client.post_form(f"{base}/minutes", {"text": "Approved text, corrected.", "base_revision": "2"})
    member = make_client()
    member.login(held["member"])
    history = member.get(f"{base}/minutes/history").get_data(as_text=True)
    assert "Version 3" in history and "Version 2" in history
    assert "Version 1" not in history and "naming a participant" not in history
    assert "Version 1" in client.get(f"{base}/minutes/history").get_data(as_text=True)


def test_attendance_with_no_one_present_is_still_taken(app, held):
    client, base = held["client"], held["base"]
    client.post_form(f"{base}/attendance", {})
    page = client.get(f"{base}/record").get_data(as_text=True)
    assert "Attendance has not been taken." not in page and "Correct the attendance" in page


def _edit_form(client, meeting_id, **changes):
    page = client.get(f"/meetings/{meeting_id}/edit").get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    data = {
        "title": "Steering committee",
        "day": LAST_WEEK.isoformat(),
        "start_time": "18:00",
        "end_time": "19:30",
        "timezone": "America/Chicago",
        "repeat": "none",
        "interval": "1",
        "ends": "count",
        "count": "6",
        "committee_id": "",
        "version": version,
    }
    data.update(changes)
    return client.post_form(f"/meetings/{meeting_id}/edit", data)


def test_the_record_follows_its_date_when_the_meeting_changes_time(app, held):
    client, base, meeting = held["client"], held["base"], held["meeting"]
    client.post_form(f"{base}/minutes", {"text": "We met.", "base_revision": "0"})
    client.post_form(f"{base}/decisions", {"decision-text": "Meet monthly"})
    assert _edit_form(client, meeting.id, start_time="17:00", end_time="18:30").status_code == 302
    assert client.get(f"{base}/record").status_code == 404  # the old time is gone
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    new_base = re.search(rf"/meetings/{meeting.id}/dates/\w+", page).group(0)
    assert new_base != base
    record = client.get(f"{new_base}/record").get_data(as_text=True)
    assert "We met." in record and "Meet monthly" in record
    answers = client.get(f"/meetings/{meeting.id}/answers").get_data(as_text=True)
    assert "Second Chance Reentry" in answers and "No answer yet</td>" in answers  # Keisha
    with app.app_context():
        from coalition.meetings.rsvp.models import Rsvp

        assert db.session.scalar(db.select(Rsvp.occurrence_start)) == db.session.scalar(
            db.select(Minutes.occurrence_start)
        )


def test_a_change_that_would_drop_a_recorded_date_is_refused(app, held):
    client, base, meeting = held["client"], held["base"], held["meeting"]
    client.post_form(f"{base}/minutes", {"text": "We met.", "base_revision": "0"})
    moved = (LAST_WEEK - timedelta(days=1)).isoformat()
    response = _edit_form(client, meeting.id, day=moved)
    assert response.status_code == 200
    assert "already have minutes, attendance" in response.get_data(as_text=True)
    assert "We met." in client.get(f"{base}/record").get_data(as_text=True)


def test_people_counted_for_an_organization_mark_it_present(app, held):
    client, base, organization = held["client"], held["base"], held["organization"]
    client.post_form(f"{base}/attendance", {f"headcount-organization:{organization.id}": "2"})
    with app.app_context():
        row = db.session.scalar(db.select(Attendance).filter_by(organization_id=organization.id))
    assert (row.present, row.headcount) == (True, 2)
