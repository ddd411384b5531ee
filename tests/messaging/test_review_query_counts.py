"""Review pages keep their SQL count as reviewers, decisions, rules and language versions
grow; so does the home page as more drafts wait for the reader's review."""

from coalition.core.extensions import db


def _grow(app, draft_id, reviewer_id, count, start):
    """`count` more people asked to review the watched draft (each approving), as many
    other drafts waiting for the reviewer, sign-off rules and language versions."""
    from coalition.committees.models import Committee
    from coalition.members.people.models import Person
    from coalition.messaging import services
    from coalition.messaging.access import EMAIL_RULES
    from coalition.messaging.models import Draft
    from coalition.messaging.review import services as review
    from coalition.messaging.services import DraftDetails
    from coalition.messaging.translations.models import DraftTranslation

    with app.app_context():
        watched = db.session.get(Draft, draft_id)
        reviewer = db.session.get(Person, reviewer_id)
        writer = db.session.get(Person, watched.created_by_id)
        for number in range(start, start + count):
            person = Person(name=f"Reviewer {number}", password_hash="x", role="member")
            committee = Committee(name=f"Committee {number}", kind="working")
            db.session.add_all([person, committee])
            db.session.flush()
            review.ask_reviewers(watched, [person], writer, EMAIL_RULES)
            review.decide(watched, person, "approved", f"Fine {number}.", EMAIL_RULES)
            review.set_rules(watched, {committee.id: 1})
            other = services.start_draft(
                DraftDetails(title=f"Waiting {number}", kind="flyer"), "Text.", writer
            )
            review.ask_reviewers(other, [reviewer], writer, EMAIL_RULES)
            version = services.start_draft(
                DraftDetails(title=f"Version {number}", kind="flyer", language="es"), "", writer
            )
            db.session.add(
                DraftTranslation(source_id=watched.id, translation_id=version.id, synced_revision=1)
            )
        db.session.commit()


def _count(client, count_queries, url):
    with count_queries() as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return queries.count


def test_review_pages_and_the_home_page_keep_their_query_counts(
    app, client, create_person, create_coordinator, create_draft, count_queries
):
    writer = create_person(name="Wren Writer")
    reviewer = create_person(name="Sam Reviewer")
    draft_id = create_draft(writer)
    coordinator = create_coordinator()
    _grow(app, draft_id, reviewer.id, 2, 0)
    urls = [f"/messaging/{draft_id}", f"/messaging/{draft_id}/review"]
    client.login(coordinator)
    client.get(urls[0])  # the language check compiles its terms once
    small = [_count(client, count_queries, url) for url in urls]
    client.login(reviewer)
    small_home = _count(client, count_queries, "/")
    _grow(app, draft_id, reviewer.id, 10, 2)
    client.login(coordinator)
    assert [_count(client, count_queries, url) for url in urls] == small
    client.login(reviewer)
    assert _count(client, count_queries, "/") == small_home
