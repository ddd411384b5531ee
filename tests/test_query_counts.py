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
    "/outbox",
    "/outbox?status=queued",
    "/account/notifications",
    "/accounts/invite",
    "/forgot-password",
    "/rsvp/lost",
]


def _queries(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


def _grow(app, create_person, create_timeline_entry, people, entries):
    from coalition.auth.access import send_invitation
    from coalition.core.extensions import db
    from coalition.members.people.models import Person

    for number in range(people):
        person = create_person(password=None if number % 2 else "orchard-violet-lantern")
        if number % 2:
            with app.app_context():  # a pending invitation, and an email in the outbox
                send_invitation(None, db.session.get(Person, person.id))
                db.session.commit()
    for number in range(entries):
        create_timeline_entry(occurred_on=date(2026, 1, 1) + timedelta(days=number))


@pytest.mark.parametrize("url", PAGES)
def test_query_count_is_the_same_with_more_data(
    app, client, create_coordinator, create_person, create_timeline_entry, count_queries, url
):
    client.login(create_coordinator())
    _grow(app, create_person, create_timeline_entry, people=2, entries=2)
    small = _queries(client, count_queries, url)
    _grow(app, create_person, create_timeline_entry, people=70, entries=40)
    large = _queries(client, count_queries, url)
    assert large == small


def _add_language_terms(app, count, start):
    from coalition.core.extensions import db
    from coalition.messaging.language.services import TermData, add_term

    with app.app_context():
        for number in range(start, start + count):
            language = ("en", "es")[number % 2]
            add_term(TermData(language=language, terms=f"gizmo{number}", never_in="gizmo museum"))
        db.session.commit()


def test_the_language_terms_page_issues_as_many_queries_with_more_terms(
    app, client, create_coordinator, count_queries
):
    client.login(create_coordinator())
    _add_language_terms(app, 2, 0)
    small = _queries(client, count_queries, "/messaging/language/")
    _add_language_terms(app, 60, 2)
    large = _queries(client, count_queries, "/messaging/language/")
    assert large == small
