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
