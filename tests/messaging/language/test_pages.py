"""The language check's pages: the list, coordinators' editing, checking a text, the service."""

import re

import pytest

from coalition.core.extensions import db
from coalition.messaging.language import services
from coalition.messaging.language.models import LanguageTerm
from tests.hostile.markup import inspect_html, payload

NEW_TERM = {
    "language": "en",
    "terms": "gizmo\ngizmos",
    "suggestions": "device",
    "flag_only_in": "",
    "never_in": "gizmo museum",
    "note": "said of a thing",
    "source": "our own guide",
}


@pytest.fixture
def starting_list(app):
    """The starting list, as the migration loads it on a fresh install."""
    with app.app_context():
        services.ensure_starting_terms()
        db.session.commit()


def _version(html):
    return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)


def _term_id(app, name):
    with app.app_context():
        return db.session.scalar(db.select(LanguageTerm.id).filter_by(terms=name))


def test_the_starting_list_is_loaded_once_by_key(app, starting_list):
    with app.app_context():
        count = db.session.scalar(db.select(db.func.count(LanguageTerm.id)))
        assert count >= 45
        assert services.ensure_starting_terms() == 0


def test_a_member_reads_the_list_but_cannot_change_it(app, client, create_person, starting_list):
    client.login(create_person())
    page = client.get("/messaging/language/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "person who uses drugs" in html and "toxicómano" in html
    assert "/messaging/language/new" not in html and "Stop flagging" not in html
    assert client.get("/messaging/language/new").status_code == 403
    assert client.post_form("/messaging/language/new", NEW_TERM).status_code == 403


def test_a_coordinator_adds_edits_and_deactivates_a_term(app, client, create_coordinator):
    client.login(create_coordinator())
    added = client.post_form("/messaging/language/new", NEW_TERM)
    assert added.status_code == 302
    term_id = _term_id(app, "gizmo\ngizmos")
    with app.app_context():
        assert [flag.text for flag in services.check_text("Two gizmos.", "en")] == ["gizmos"]

    url = f"/messaging/language/{term_id}/edit"
    version = _version(client.get(url).get_data(as_text=True))
    edited = {**NEW_TERM, "flag_only_in": "broken gizmo(s)", "version": version}
    assert client.post_form(url, edited).status_code == 302
    with app.app_context():  # the cached rules follow the edit
        found = services.check_text("Two gizmos and a broken gizmo.", "en")
        assert [flag.text for flag in found] == ["broken gizmo"]

    assert client.post_form(f"/messaging/language/{term_id}/deactivate").status_code == 302
    with app.app_context():
        assert services.check_text("a broken gizmo", "en") == []
    assert client.post_form(f"/messaging/language/{term_id}/activate").status_code == 302
    with app.app_context():
        assert len(services.check_text("a broken gizmo", "en")) == 1


def test_a_term_without_letters_is_refused_beside_its_field(client, create_coordinator):
    client.login(create_coordinator())
    page = client.post_form("/messaging/language/new", {**NEW_TERM, "terms": "gizmo\n***"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'id="terms-error"' in html and "has no letters to look for" in html


def test_two_coordinators_editing_a_term_at_once_the_second_compares(
    app, make_client, create_coordinator
):
    first, second = make_client(), make_client()
    first.login(create_coordinator())
    second.login(create_coordinator())
    assert first.post_form("/messaging/language/new", NEW_TERM).status_code == 302
    url = f"/messaging/language/{_term_id(app, 'gizmo' + chr(10) + 'gizmos')}/edit"
    mine, theirs = (
        _version(browser.get(url).get_data(as_text=True)) for browser in (first, second)
    )
    saved = first.post_form(url, {**NEW_TERM, "suggestions": "tool", "version": mine})
    assert saved.status_code == 302

    late = {**NEW_TERM, "suggestions": "part", "version": theirs}
    refused = second.post_form(url, late)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "Someone saved this while you were editing" in html
    with app.app_context():
        assert db.session.scalar(db.select(LanguageTerm.suggestions)) == "tool"
    again = second.post_form(url, {**late, "version": _version(html)})
    assert again.status_code == 302


def test_the_check_page_shows_each_flag_beside_its_passage(client, create_person, starting_list):
    client.login(create_person())
    text = "Our first paragraph is fine.\n\nThe *junkies* left; she stayed clean for 6 months."
    page = client.post_form("/messaging/language/check", {"text": text, "language": "en"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "2 flags" in html
    assert "<mark>junkies</mark><sup>[1]</sup>" in html
    assert "<mark>stayed clean for 6 months</mark><sup>[2]</sup>" in html
    assert (
        "Our first paragraph is fine."
        not in html.split("What the check found")[1].split("<form")[0]
    )
    assert "person who uses drugs" in html


def test_the_check_page_says_when_there_are_no_flags(client, create_person, starting_list):
    client.login(create_person())
    text = "Las personas en recuperación dirigen el programa de agua limpia."
    page = client.post_form("/messaging/language/check", {"text": text, "language": "es"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Checked: no flags." in html and "<mark>" not in html


def test_a_text_of_unknown_language_is_checked_with_both_lists(
    client, create_person, starting_list
):
    client.login(create_person())
    text = "Un yonqui and two felons."
    page = client.post_form("/messaging/language/check", {"text": text, "language": ""})
    html = page.get_data(as_text=True)
    assert "<mark>yonqui</mark>" in html and "<mark>felons</mark>" in html
    only_english = client.post_form("/messaging/language/check", {"text": text, "language": "en"})
    assert "<mark>yonqui</mark>" not in only_english.get_data(as_text=True)


def test_hostile_text_and_terms_are_shown_as_text(app, client, create_coordinator):
    client.login(create_coordinator())
    term = {
        **NEW_TERM,
        "terms": f"gizmo\n{payload('language_term', 500)}",
        "suggestions": payload("language_suggestion", 500),
        "note": payload("language_note", 500),
        "source": payload("language_source", 300),
    }
    assert client.post_form("/messaging/language/new", term).status_code == 302
    listing = client.get("/messaging/language/").get_data(as_text=True)
    edit = f"/messaging/language/{_term_id(app, term['terms'])}/edit"
    live, seen = inspect_html(client.get(edit).get_data(as_text=True))
    assert live == [] and "language_note" in seen
    text = f"{payload('checked_text', 1000)} and a gizmo"
    checked = client.post_form("/messaging/language/check", {"text": text, "language": ""})
    live, seen = inspect_html(listing)
    assert live == []
    assert {"language_term", "language_suggestion", "language_note", "language_source"} <= seen
    live, seen = inspect_html(checked.get_data(as_text=True))
    assert live == []
    assert {"checked_text", "language_suggestion", "language_note"} <= seen


def _add_terms(app, count, start):
    with app.app_context():
        for number in range(start, start + count):
            services.add_term(services.TermData(language="en", terms=f"gizmo{number}"))
        db.session.commit()


def test_checking_a_text_issues_as_many_queries_with_more_terms(
    app, client, create_person, count_queries
):
    client.login(create_person())
    form = {"text": "A gizmo1 and a gizmo40 walk in.", "language": "en"}
    token = client.csrf_token("/messaging/language/check")
    counts = []
    for count, start in ((2, 0), (60, 2)):
        _add_terms(app, count, start)
        with count_queries() as queries:
            page = client.post("/messaging/language/check", data={**form, "csrf_token": token})
        assert page.status_code == 200
        counts.append(queries.count)
    assert counts[0] == counts[1]
