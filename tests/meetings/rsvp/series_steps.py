"""What an organizer does to a series in the invitation tests, through the pages: move its
first date, cancel it, split it at its fourth date."""

import re

from coalition.meetings.occurrences import occurrence_key


def move_first_date(client, meeting):
    """Move the first date to 5 pm the same day, with the version its page carries."""
    key = occurrence_key(meeting.start_at)
    local = meeting.start_at.astimezone(meeting.zone)
    url = f"/meetings/{meeting.id}/occurrences/{key}/move"
    page = client.get(url).get_data(as_text=True)
    version = re.search(r'name="version"[^>]*value="(\d+)"', page).group(1)
    times = {"start_time": "17:00", "end_time": "18:00", "version": version}
    client.post_form(url, {"day": local.date().isoformat(), **times})


def move_and_cancel(client, meeting):
    """Move the first date, then cancel the whole meeting."""
    move_first_date(client, meeting)
    client.post_form(f"/meetings/{meeting.id}/cancel")


def split_at_fourth_date(client, meeting, title):
    """'This and following' from the fourth date, at 5 pm for three dates; the response."""
    page = client.get(f"/meetings/{meeting.id}").get_data(as_text=True)
    key = re.findall(rf"/meetings/{meeting.id}/occurrences/(\w+)/edit", page)[3]
    local = meeting.start_at.astimezone(meeting.zone)
    return client.post_form(
        f"/meetings/{meeting.id}/occurrences/{key}/edit",
        {
            "title": title,
            "day": local.date().isoformat(),
            "start_time": "17:00",
            "end_time": "18:00",
            "timezone": "America/Chicago",
            "repeat": "monthly_by_weekday",
            "interval": "1",
            "ends": "count",
            "count": "3",
            "version": "1",
        },
    )
