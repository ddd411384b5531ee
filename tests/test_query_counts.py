"""Each page issues a number of queries that does not grow with the data."""

from datetime import date, timedelta

import pytest

PAGES = [
    "/",
    "/members/",
    "/timeline/",
    "/accounts",
    "/account",
    "/committees/",
    "/meetings/",
    "/messaging/",
]


def _queries(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


def _grow(create_person, create_timeline_entry, people, entries):
    for _ in range(people):
        create_person()
    for number in range(entries):
        create_timeline_entry(occurred_on=date(2026, 1, 1) + timedelta(days=number))


@pytest.mark.parametrize("url", PAGES)
def test_query_count_is_the_same_with_more_data(
    client, create_coordinator, create_person, create_timeline_entry, count_queries, url
):
    client.login(create_coordinator())
    _grow(create_person, create_timeline_entry, people=2, entries=2)
    small = _queries(client, count_queries, url)
    _grow(create_person, create_timeline_entry, people=70, entries=40)
    large = _queries(client, count_queries, url)
    assert large == small
