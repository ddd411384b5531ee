"""The compare page of a stale save writes each value as the form shows it, in both columns."""

import re
from datetime import date, timedelta

NEXT_YEAR = date.today().year + 1


def _version(html):
    return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)


def _row(html, label):
    """(your version, saved version) of one row of the compare page."""
    row = re.search(rf"<th scope=\"row\">{label}.*?</tr>", html, re.S).group(0)
    return re.findall(r"<td>(.*?)</td>", row)


def page_of(client, url):
    return client.get(url).get_data(as_text=True)


def _medium(day):
    """A date as the app's |date filter writes it in English ("Mar 7, 2027")."""
    return f"{day:%b} {day.day}, {day.year}"


def _two_coordinators(make_client, create_coordinator, language="en"):
    first, second = make_client(), make_client()
    first.login(create_coordinator())
    second.login(create_coordinator(language=language))
    return first, second


def _meeting_form(**overrides):
    return {
        "committee_id": "",
        "title": "Steering committee",
        "day": f"{NEXT_YEAR}-01-12",
        "start_time": "09:00",
        "end_time": "10:30",
        "timezone": "America/Chicago",
        "location": "Riverside Library",
        "repeat": "none",
        "interval": "1",
        "ends": "until",
        **overrides,
    }


def test_moving_one_date_stale_shows_times_without_seconds_and_the_date_as_pages_do(
    make_client, create_coordinator, create_meeting
):
    first, second = _two_coordinators(make_client, create_coordinator)
    meeting = create_meeting()
    page = first.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting.id}/occurrences/(\w+)/move", page)[2]
    url = f"/meetings/{meeting.id}/occurrences/{key}/move"
    mine, theirs = (_version(client.get(url).get_data(as_text=True)) for client in (first, second))
    day = date.fromisoformat(
        re.search(r'name="day"[^>]*value="([\d-]+)"', page_of(first, url)).group(1)
    )
    move = {"day": day.isoformat(), "start_time": "09:00", "end_time": "10:30"}
    assert (
        first.post_form(url, {**move, "location": "City Hall", "version": mine}).status_code == 302
    )

    later = day + timedelta(days=1)
    late = {**move, "day": later.isoformat(), "start_time": "17:30", "end_time": "19:00"}
    late["version"] = theirs
    refused = second.post_form(url, late)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409, re.findall(r'error-message".*?</p>', html, re.S)
    assert _row(html, "Starts at") == ["5:30\u202fPM", "9:00\u202fAM"]
    assert _row(html, "Ends at") == ["7:00\u202fPM", "10:30\u202fAM"]
    assert _row(html, "Date") == [_medium(later), _medium(day)]
    assert _row(html, "Place") == ["—", "City Hall"]


def test_a_stale_meeting_edit_names_the_whole_coalition_and_writes_times_in_spanish(
    make_client, create_coordinator, create_committee
):
    first, second = _two_coordinators(make_client, create_coordinator, language="es")
    committee = create_committee(name="Housing")
    scheduled = first.post_form("/meetings/new", _meeting_form())
    meeting_id = int(scheduled.headers["Location"].rsplit("/", 1)[1])
    url = f"/meetings/{meeting_id}/edit"
    first.get(url)
    second.get(url)
    moved = _meeting_form(committee_id=str(committee.id), version="1")
    assert first.post_form(url, moved).status_code == 302

    html = second.post_form(url, _meeting_form(start_time="18:00", version="1")).get_data(
        as_text=True
    )
    assert _row(html, "Para") == ["Toda la coalición", "Housing"]
    assert _row(html, "Hora de inicio") == ["18:00", "9:00"]
    assert _row(html, "Fecha") == [f"12 ene {NEXT_YEAR}", f"12 ene {NEXT_YEAR}"]


def test_a_stale_committee_edit_shows_the_kind_by_its_label_and_checkboxes_as_yes_or_no(
    make_client, create_coordinator, create_committee
):
    committee = create_committee(name="Housing", charge="Find beds.")
    first, second = _two_coordinators(make_client, create_coordinator)
    url = f"/committees/{committee.id}/edit"
    mine, theirs = (_version(client.get(url).get_data(as_text=True)) for client in (first, second))
    form = {"name": "Housing", "charge": "Find beds.", "kind": "working", "open_to_requests": "y"}
    saved = {**form, "charge": "Find beds and homes.", "active": "y", "version": mine}
    assert first.post_form(url, saved).status_code == 302

    html = second.post_form(url, {**form, "version": theirs}).get_data(as_text=True)
    assert _row(html, "Active") == ["No", "Yes"]
    assert _row(html, "Kind") == ["Working committee", "Working committee"]
