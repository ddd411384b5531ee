"""Meeting pages and feeds issue the same number of queries with 2 or 40 meetings."""

import re

import pytest


def _count(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


@pytest.mark.parametrize("page", ["list", "month", "detail", "feed", "ics"])
def test_query_count_does_not_grow_with_meetings(
    client, create_coordinator, create_meeting, count_queries, page
):
    coordinator = create_coordinator()
    client.login(coordinator)
    first = create_meeting()
    settings = client.get("/account/calendar").get_data(as_text=True)
    feed = re.search(r'value="http://localhost(/feeds/[^"]+)"', settings).group(1)
    month = first.start_at.strftime("%Y-%m")
    urls = {
        "list": "/meetings/",
        "month": f"/meetings/?view=month&month={month}",
        "detail": f"/meetings/{first.id}",
        "feed": feed,
        "ics": f"/meetings/{first.id}.ics",
    }
    create_meeting()
    small = _count(client, count_queries, urls[page])
    for _ in range(38):
        create_meeting()
    assert _count(client, count_queries, urls[page]) == small


def _stale_cancel(client, count_queries, meeting):
    from coalition.meetings.occurrences import occurrence_key

    token = client.csrf_token()
    url = f"/meetings/{meeting.id}/occurrences/{occurrence_key(meeting.start_at)}/cancel"
    with count_queries() as queries:
        response = client.post(url, data={"csrf_token": token, "version": "0"})
    assert response.status_code == 409, url
    return queries.count


def test_a_stale_cancel_of_one_date_costs_the_same_in_a_longer_series_among_more_meetings(
    client, create_coordinator, create_meeting, count_queries
):
    from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, Recurrence

    client.login(create_coordinator())
    small = _stale_cancel(client, count_queries, create_meeting())
    for _ in range(20):
        create_meeting()
    longer = create_meeting(recurrence=Recurrence(MONTHLY_BY_WEEKDAY, count=60))
    assert _stale_cancel(client, count_queries, longer) == small
