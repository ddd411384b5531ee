"""Scheduling and changing meetings through the pages, as a coordinator would."""

import re
from datetime import date, timedelta

import icalendar
import pytest

from coalition.core.extensions import db
from coalition.meetings.models import Meeting

NEXT_YEAR = date.today().year + 1
# US clocks spring forward at 2 am on the second Sunday of March: 2:30 does not exist.
_MARCH_FIRST = date(NEXT_YEAR, 3, 1)
SPRING_FORWARD = _MARCH_FIRST + timedelta(days=(6 - _MARCH_FIRST.weekday()) % 7 + 7)


def _form(**overrides):
    data = {
        "title": "Steering committee",
        "day": f"{NEXT_YEAR}-01-12",
        "start_time": "18:00",
        "end_time": "19:30",
        "timezone": "America/Chicago",
        "location": "Riverside Library",
        "online_link": "https://meet.example/abc",
        "accessibility": "Step-free entrance",
        "interpretation": "Spanish",
        "description": "",
        "agenda": "- Budget",
        "repeat": "monthly_by_weekday",
        "interval": "1",
        "ends": "count",
        "count": "12",
        "until": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def coordinator_client(client, create_coordinator):
    client.login(create_coordinator(timezone="America/Chicago"))
    return client


def _schedule(client, **overrides):
    response = client.post_form("/meetings/new", _form(**overrides))
    assert response.status_code == 302, re.findall(
        r'error-message".*?</p>', response.get_data(as_text=True), re.S
    )
    return int(response.headers["Location"].rsplit("/", 1)[1])


def _version(page):
    """The version of the series a page's form carries."""
    return re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)


def _calendar(client, meeting_id):
    return icalendar.Calendar.from_ical(client.get(f"/meetings/{meeting_id}.ics").data)


def test_second_tuesday_at_6_pm_for_a_year(coordinator_client):
    meeting_id = _schedule(coordinator_client)
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "Steering committee" in page and "6:00" in page and "Riverside Library" in page
    [event] = _calendar(coordinator_client, meeting_id).walk("VEVENT")
    assert "BYDAY=2TU" in event["RRULE"].to_ical().decode() or event["RRULE"]["BYDAY"] == ["2TU"]
    assert event["DTSTART"].dt.hour == 18
    assert "https://meet.example/abc" in str(event["DESCRIPTION"])
    assert "https://meet.example/abc" in str(event["LOCATION"])


def test_a_viewer_elsewhere_sees_their_time_and_the_meetings_zone(
    coordinator_client, make_client, create_person
):
    meeting_id = _schedule(coordinator_client, repeat="none")
    madrid = make_client()
    madrid.login(create_person(timezone="Europe/Madrid"))
    page = madrid.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "1:00" in page and "(Europe/Madrid)" in page
    assert "America/Chicago, the meeting&#39;s time zone" in page or (
        "America/Chicago, the meeting's time zone" in page
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_time": "17:00"}, "end_time", "The meeting must end after it starts."),
        ({"timezone": "Mars/Olympus"}, "timezone", ""),
        ({"count": "500"}, "count", "Enter a number from 1 to 200."),
        (
            {"ends": "until", "count": "", "until": f"{NEXT_YEAR + 5}-01-01"},
            "repeat",
            "A series can last at most three years.",
        ),
        ({"ends": "until", "count": "", "until": ""}, "repeat", "Choose when the series ends"),
        (
            {
                "day": SPRING_FORWARD.isoformat(),
                "start_time": "02:30",
                "end_time": "03:30",
                "repeat": "none",
            },
            "start_time",
            "clocks change",
        ),
        ({"online_link": "javascript:alert(1)"}, "online_link", "Enter a full link"),
        ({"title": ""}, "title", "Give the meeting a title."),
    ],
)
def test_bad_input_is_refused_beside_the_field(app, coordinator_client, overrides, field, message):
    page = coordinator_client.post_form("/meetings/new", _form(**overrides))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert f'id="{field}-error"' in html and message in html
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Meeting.id))) == 0


def test_cancelling_one_date_keeps_the_others(coordinator_client):
    meeting_id = _schedule(coordinator_client)
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    keys = re.findall(rf"/meetings/{meeting_id}/occurrences/(\w+)/cancel", page)
    coordinator_client.post_form(
        f"/meetings/{meeting_id}/occurrences/{keys[1]}/cancel", {"version": _version(page)}
    )
    [event] = _calendar(coordinator_client, meeting_id).walk("VEVENT")
    exdates = [value.dt for value in event["EXDATE"].dts]
    assert len(exdates) == 1
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert page.count(">Cancelled<") == 1


def test_moving_one_date_adds_a_recurrence_id_override(coordinator_client):
    meeting_id = _schedule(coordinator_client)
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting_id}/occurrences/(\w+)/move", page)[2]
    page = coordinator_client.get(f"/meetings/{meeting_id}/occurrences/{key}/move")
    response = coordinator_client.post_form(
        f"/meetings/{meeting_id}/occurrences/{key}/move",
        {
            "version": _version(page.get_data(as_text=True)),
            "day": f"{NEXT_YEAR}-03-11",
            "start_time": "17:00",
            "end_time": "18:00",
            "location": "City Hall",
        },
    )
    assert response.status_code == 302
    master, moved = _calendar(coordinator_client, meeting_id).walk("VEVENT")
    assert moved["RECURRENCE-ID"].dt.month == 3 and moved["DTSTART"].dt.day == 11
    assert moved["SEQUENCE"] > 0 and str(moved["LOCATION"]).startswith("City Hall")


def test_an_edit_that_does_not_say_which_version_it_was_based_on_is_not_taken_as_current(
    app, coordinator_client
):
    meeting_id = _schedule(coordinator_client)
    data = _form(title="Renamed without a version")
    data.pop("version", None)
    refused = coordinator_client.post_form(f"/meetings/{meeting_id}/edit", data)
    assert refused.status_code == 409
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).title == "Steering committee"


def test_two_coordinators_editing_at_once_the_second_is_refused(
    app, make_client, create_coordinator
):
    first, second = make_client(), make_client()
    first.login(create_coordinator())
    second.login(create_coordinator())
    meeting_id = _schedule(first)
    first.get(f"/meetings/{meeting_id}/edit")
    second.get(f"/meetings/{meeting_id}/edit")
    assert (
        first.post_form(
            f"/meetings/{meeting_id}/edit", _form(title="Renamed by first", version="1")
        ).status_code
        == 302
    )
    refused = second.post_form(
        f"/meetings/{meeting_id}/edit", _form(title="Renamed by second", version="1")
    )
    assert refused.status_code == 409
    _assert_compared(refused, "Title", mine="Renamed by second", saved="Renamed by first")
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).title == "Renamed by first"
    again = second.post_form(
        f"/meetings/{meeting_id}/edit", _form(title="Renamed by second", version="2")
    )
    assert again.status_code == 302, "saving the compared form again replaces the other version"


def _assert_compared(response, label, *, mine, saved):
    """The compare page: both versions of the field side by side, the form on the saved one."""
    html = response.get_data(as_text=True)
    assert 'id="conflict"' in html and "Someone saved this while you were editing" in html
    row = re.search(rf"<th scope=\"row\">{label}.*?</tr>", html, re.S).group(0)
    assert re.findall(r"<td>(.*?)</td>", row) == [mine, saved]
    with_version = re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)
    assert with_version != "1"


def test_two_organizers_changing_this_and_following_dates_at_once_the_second_compares(
    app, make_client, create_coordinator
):
    first, second = make_client(), make_client()
    first.login(create_coordinator())
    second.login(create_coordinator())
    meeting_id = _schedule(first)
    page = first.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting_id}/occurrences/(\w+)/edit", page)[4]
    first.get(f"/meetings/{meeting_id}/edit")
    second.get(f"/meetings/{meeting_id}/occurrences/{key}/edit")
    renamed = first.post_form(
        f"/meetings/{meeting_id}/edit", _form(location="City Hall", version="1")
    )
    assert renamed.status_code == 302
    refused = second.post_form(
        f"/meetings/{meeting_id}/occurrences/{key}/edit",
        _form(day=f"{NEXT_YEAR}-05-11", location="Union Hall", version="1"),
    )
    assert refused.status_code == 409
    _assert_compared(refused, "Place", mine="Union Hall", saved="City Hall")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Meeting.id))) == 1, "no series split"
        assert db.session.get(Meeting, meeting_id).location == "City Hall"


def test_a_change_that_matters_raises_the_sequence_and_others_do_not(app, coordinator_client):
    meeting_id = _schedule(coordinator_client)
    coordinator_client.post_form(
        f"/meetings/{meeting_id}/edit", _form(title="New title", version="1")
    )
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).sequence == 0
    coordinator_client.post_form(
        f"/meetings/{meeting_id}/edit", _form(location="City Hall", version="2")
    )
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).sequence == 1


def test_this_and_following_splits_the_series(app, coordinator_client):
    meeting_id = _schedule(coordinator_client)
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting_id}/occurrences/(\w+)/edit", page)[4]
    response = coordinator_client.post_form(
        f"/meetings/{meeting_id}/occurrences/{key}/edit",
        _form(day=f"{NEXT_YEAR}-05-11", start_time="17:00", end_time="18:30", version="1"),
    )
    new_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert new_id != meeting_id
    [old] = _calendar(coordinator_client, meeting_id).walk("VEVENT")
    [new] = _calendar(coordinator_client, new_id).walk("VEVENT")
    assert old["UID"] != new["UID"]
    assert "UNTIL" in old["RRULE"] and new["DTSTART"].dt.hour == 17
    assert new["RRULE"]["COUNT"] == [8]


def test_cancelling_a_meeting_removes_it_from_the_list(coordinator_client):
    meeting_id = _schedule(coordinator_client)
    coordinator_client.post_form(f"/meetings/{meeting_id}/cancel")
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "This meeting is cancelled." in page


def test_month_view_shows_the_meeting_on_its_day(coordinator_client):
    _schedule(coordinator_client, repeat="none")
    page = coordinator_client.get(f"/meetings/?view=month&month={NEXT_YEAR}-01")
    html = page.get_data(as_text=True)
    assert "Steering committee" in html and "<caption" in html
    assert coordinator_client.get("/meetings/?view=month&month=banana").status_code == 404


def test_month_view_names_each_day_with_a_meeting_and_says_when_a_month_has_none(
    coordinator_client,
):
    """On a phone the month is a list of its days with meetings: each says its weekday."""
    _schedule(coordinator_client, repeat="none")
    html = coordinator_client.get(f"/meetings/?view=month&month={NEXT_YEAR}-01").get_data(
        as_text=True
    )
    [day] = re.findall(r'<td class="in-month has-meetings" data-label="([^"]+)">', html)
    assert day == date(NEXT_YEAR, 1, 12).strftime("%A")
    assert "No meetings this month." not in html
    empty = coordinator_client.get(f"/meetings/?view=month&month={NEXT_YEAR}-03")
    assert "No meetings this month." in empty.get_data(as_text=True)


def test_members_cannot_schedule(client, create_person):
    client.login(create_person())
    assert client.get("/meetings/new").status_code == 403
    assert "Schedule a meeting" not in client.get("/meetings/").get_data(as_text=True)


def test_an_unknown_occurrence_is_refused(coordinator_client):
    meeting_id = _schedule(coordinator_client)
    bad = f"/meetings/{meeting_id}/occurrences/20990101T000000Z/cancel"
    coordinator_client.post_form(bad)
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "This meeting has no such occurrence." in page
    assert (
        coordinator_client.get(f"/meetings/{meeting_id}/occurrences/not-a-key/move").status_code
        == 404
    )


def test_dates_are_listed_in_order_for_a_year(coordinator_client):
    meeting_id = _schedule(coordinator_client)
    page = coordinator_client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    keys = re.findall(rf"/meetings/{meeting_id}/occurrences/(\w+)/move", page)
    assert keys == sorted(keys) and len(keys) == 12
