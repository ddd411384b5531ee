"""The drafts list, a draft's page and a history of 1,000 revisions: constant SQL counts."""

import pytest

from coalition.core.extensions import db

PAGES = (
    "/messaging/",
    "/messaging/?mine=y&sort=title&status=draft",
    "/messaging/{draft}",
    "/messaging/{draft}/history",
    "/messaging/{draft}/history?page=2",
    "/messaging/{draft}/compare?old=1&new=40",
    "/messaging/{draft}/edit",
    "/messaging/{draft}/print",
)


def _grow(app, ids, drafts, revisions, comments):
    """More drafts (half on the committee), revisions of the watched draft, and threads."""
    from coalition.members.people.models import Person
    from coalition.messaging import services
    from coalition.messaging.comments import services as threads
    from coalition.messaging.models import Draft
    from coalition.messaging.services import DraftDetails

    with app.app_context():
        writer = db.session.get(Person, ids["writer"])
        other = db.session.get(Person, ids["other"])
        for number in range(drafts):
            committee = ids["committee"] if number % 2 else None
            details = DraftDetails(title=f"Draft {number}", kind="flyer", committee_id=committee)
            services.start_draft(details, f"Text {number}.", other if number % 3 else writer)
        watched = db.session.get(Draft, ids["draft"])
        _add_revisions(watched.revisioned, revisions, (writer.id, other.id))
        for number in range(comments):
            thread = threads.add_comment(watched, f"Comment {number}", "", other)
            threads.reply(watched, thread, "A reply.", writer)
        db.session.commit()


def _add_revisions(text, count, authors):
    """`count` more revisions, inserted at once (saving each would only be slower)."""
    from coalition.revisions.models import Revision

    first = text.current_number + 1
    db.session.execute(
        db.insert(Revision),
        [
            {
                "text_id": text.id,
                "number": number,
                "text": f"Words {number}.",
                "author_id": authors[number % 2],
                "based_on": number - 1,
            }
            for number in range(first, first + count)
        ],
    )
    text.current_number = first + count - 1
    text.text = f"Words {text.current_number}."


@pytest.fixture
def drafting(app, create_person, create_committee, create_draft):
    writer = create_person(name="Writer W")
    other = create_person(name="Other O")
    committee = create_committee(members=[writer, other])
    draft = create_draft(writer, committee=committee)
    return {
        "writer": writer.id,
        "other": other.id,
        "committee": committee.id,
        "draft": draft,
        "person": writer,
    }


def _count(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_the_same_with_more_drafts_revisions_and_comments(
    app, client, count_queries, drafting, page
):
    client.login(drafting["person"])
    url = page.format(draft=drafting["draft"])
    _grow(app, drafting, drafts=3, revisions=59, comments=2)  # 60 revisions: two pages
    # The language check's terms are read once per process and then only checked for
    # changes: open the page once so both counts see the cache warm, whatever ran before.
    client.get(url)
    small = _count(client, count_queries, url)
    _grow(app, drafting, drafts=40, revisions=940, comments=25)  # 1,000 revisions
    large = _count(client, count_queries, url)
    assert large == small
