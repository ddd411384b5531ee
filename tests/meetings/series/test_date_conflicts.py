"""Two organizers moving or cancelling one date of a series at once: the second compares."""

import re

from coalition.core.extensions import db
from coalition.meetings.models import OccurrenceException


def _version(html):
    return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)


def _row(html, label):
    """(your version, saved version) of one row of the compare page."""
    row = re.search(rf"<th scope=\"row\">{label}.*?</tr>", html, re.S).group(0)
    return re.findall(r"<td>(.*?)</td>", row)


def _organizers(make_client, create_coordinator, create_meeting):
    first, second = make_client(), make_client()
    first.login(create_coordinator())
    second.login(create_coordinator())
    meeting = create_meeting()
    page = first.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting.id}/occurrences/(\w+)/move", page)[2]
    return first, second, meeting, key


def _move(client, meeting, key, version, day, place):
    return client.post_form(
        f"/meetings/{meeting.id}/occurrences/{key}/move",
        {
            "day": day,
            "start_time": "17:00",
            "end_time": "18:30",
            "location": place,
            "version": version,
        },
    )


def _the_date(app, meeting):
    with app.app_context():
        return db.session.scalar(db.select(OccurrenceException).filter_by(meeting_id=meeting.id))


def test_two_organizers_moving_one_date_at_once_the_second_compares(
    app, make_client, create_coordinator, create_meeting
):
    first, second, meeting, key = _organizers(make_client, create_coordinator, create_meeting)
    url = f"/meetings/{meeting.id}/occurrences/{key}/move"
    mine, theirs = (_version(client.get(url).get_data(as_text=True)) for client in (first, second))
    day = _the_day(first.get(url).get_data(as_text=True))
    assert _move(first, meeting, key, mine, day, "City Hall").status_code == 302

    refused = _move(second, meeting, key, theirs, day, "Union Hall")
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "Someone saved this while you were editing" in html
    assert _row(html, "Place") == ["Union Hall", "City Hall"]
    assert _the_date(app, meeting).location == "City Hall", "the first move is kept"

    again = _move(second, meeting, key, _version(html), day, "Union Hall")
    assert again.status_code == 302, "saving the compared form again replaces the other move"
    assert _the_date(app, meeting).location == "Union Hall"


def _the_day(html):
    return re.search(r'name="day"[^>]*value="([\d-]+)"', html).group(1)


def test_a_cancel_based_on_an_older_version_of_the_series_shows_the_date_as_saved(
    app, make_client, create_coordinator, create_meeting
):
    first, second, meeting, key = _organizers(make_client, create_coordinator, create_meeting)
    seen = _version(second.get(f"/meetings/{meeting.id}").get_data(as_text=True))
    url = f"/meetings/{meeting.id}/occurrences/{key}/move"
    page = first.get(url).get_data(as_text=True)
    moved = _move(first, meeting, key, _version(page), _the_day(page), "City Hall")
    assert moved.status_code == 302

    refused = second.post_form(
        f"/meetings/{meeting.id}/occurrences/{key}/cancel", {"version": seen}
    )
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409
    assert "Someone saved this while you were editing" in html
    assert _row(html, "Status") == ["Cancelled", "Not cancelled"]
    assert _row(html, "Place") == ["City Hall", "City Hall"]
    saved = _the_date(app, meeting)
    assert not saved.cancelled and saved.location == "City Hall", "the move is kept"

    confirmed = second.post_form(
        f"/meetings/{meeting.id}/occurrences/{key}/cancel", {"version": _version(html)}
    )
    assert confirmed.status_code == 302
    assert _the_date(app, meeting).cancelled


def test_a_series_changed_meanwhile_makes_a_move_of_one_date_stale(
    app, make_client, create_coordinator, create_meeting
):
    first, second, meeting, key = _organizers(make_client, create_coordinator, create_meeting)
    url = f"/meetings/{meeting.id}/occurrences/{key}/move"
    page = second.get(url).get_data(as_text=True)
    first.post_form(f"/meetings/{meeting.id}/cancel")

    refused = _move(second, meeting, key, _version(page), _the_day(page), "Union Hall")
    assert refused.status_code == 409
    assert _the_date(app, meeting) is None, "nothing was moved"
