"""Subscription feeds at signed URLs: calendar apps follow changes without logging in."""

import re

import icalendar
import pytest

from coalition.meetings.occurrences import occurrence_key


@pytest.fixture
def member(create_person):
    return create_person(name="Darnell Brooks")


@pytest.fixture
def member_client(client, member):
    client.login(member)
    return client


def _feed_path(client, feed="mine"):
    page = client.get("/account/calendar").get_data(as_text=True)
    url = re.search(rf'value="(http://localhost/feeds/\d+/{feed}/\w+\.ics)"', page).group(1)
    assert 'href="webcal://localhost/feeds/' in page
    return url.replace("http://localhost", "")


def _events(response):
    return icalendar.Calendar.from_ical(response.data).walk("VEVENT")


def test_the_feed_works_without_logging_in_and_follows_changes(
    app, member, member_client, make_client, create_meeting, create_coordinator, invite_to_meeting
):
    meeting = create_meeting(title="Housing committee")
    invite_to_meeting(meeting, people=[member])
    path = _feed_path(member_client)
    calendar_app = make_client()  # a calendar app has no session
    first = calendar_app.get(path)
    assert first.status_code == 200 and first.mimetype == "text/calendar"
    assert [str(event["SUMMARY"]) for event in _events(first)] == ["Housing committee"]
    assert calendar_app.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == (
        304
    )

    admin = make_client()
    admin.login(create_coordinator())
    page = admin.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    admin.post_form(
        f"/meetings/{meeting.id}/occurrences/{occurrence_key(meeting.start_at)}/cancel",
        {"version": re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)},
    )
    second = calendar_app.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert second.status_code == 200
    [event] = _events(second)
    assert len(event["EXDATE"].dts) == 1 and event["SEQUENCE"] == 1
    admin.post_form(f"/meetings/{meeting.id}/cancel")
    assert _events(calendar_app.get(path)) == []


def test_feeds_carry_no_ones_email(member_client, create_meeting):
    create_meeting()
    body = member_client.get(_feed_path(member_client)).get_data(as_text=True)
    assert "ATTENDEE" not in body and "ORGANIZER" not in body and "@example.org" not in body


def test_a_forged_signature_is_not_found(member_client):
    path = _feed_path(member_client)
    forged = path[:-10] + "0000000000"
    assert member_client.get(forged[:-4] + ".ics").status_code == 404
    assert member_client.get(path.replace("/mine/", "/everything/")).status_code == 404


def test_resetting_ends_every_old_url_at_once(member_client):
    old = _feed_path(member_client)
    member_client.post_form("/account/calendar/reset")
    new = _feed_path(member_client)
    assert old != new
    assert member_client.get(old).status_code == 404
    assert member_client.get(new).status_code == 200


def test_choosing_the_feed_is_saved(member_client):
    member_client.post_form("/account/calendar", {"delivery": "feed"})
    page = member_client.get("/account/calendar").get_data(as_text=True)
    assert re.search(r'<input checked[^>]* name="delivery"[^>]* value="feed">', page)
    assert member_client.post_form("/account/calendar", {"delivery": "fax"}).status_code == 400


def test_my_meetings_holds_what_i_am_invited_to_the_coalition_feed_holds_all(
    member, member_client, create_meeting, invite_to_meeting, create_organization, link_person
):
    mine = create_meeting(title="Invited directly")
    through_organization = create_meeting(title="Invited as a delegate")
    create_meeting(title="Not invited")
    organization = create_organization("Second Chance Reentry")
    link_person(member, organization, "primary")
    invite_to_meeting(mine, people=[member])
    invite_to_meeting(through_organization, organizations=[organization])
    titles = {str(e["SUMMARY"]) for e in _events(member_client.get(_feed_path(member_client)))}
    assert titles == {"Invited directly", "Invited as a delegate"}
    everything = _events(member_client.get(_feed_path(member_client, "coalition")))
    assert len(everything) == 3


def test_the_feed_says_when_it_last_changed(
    member, member_client, create_meeting, invite_to_meeting
):
    invite_to_meeting(create_meeting(), people=[member])
    path = _feed_path(member_client)
    first = member_client.get(path)
    assert first.headers["Last-Modified"]
    again = member_client.get(path, headers={"If-Modified-Since": first.headers["Last-Modified"]})
    assert again.status_code == 304
