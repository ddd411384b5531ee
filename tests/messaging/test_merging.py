"""No lost updates: an edit that crossed another is merged word by word, shown before saving."""

import re
import threading

import pytest

from tests.messaging.conftest import base_revision, draft_state, textarea

POINTS = "Diversion saves money.\nOfficers get time back.\nPeople get treatment.\n"


@pytest.fixture
def two_writers(app, make_client, create_person, create_committee, create_draft):
    """Two members of the draft's committee, each in a browser of their own, both on revision 1."""
    first = create_person(name="Keisha Moore")
    second = create_person(name="Darnell Brooks")
    committee = create_committee(name="Messaging", members=[first, second])
    draft_id = create_draft(first, text=POINTS, committee=committee)
    browsers = []
    for person in (first, second):
        browser = make_client()
        browser.login(person)
        browsers.append(browser)
    return draft_id, browsers


def _edit(browser, draft_id, text, base, summary=""):
    return browser.post_form(
        f"/messaging/{draft_id}/edit", {"text": text, "base_revision": base, "summary": summary}
    )


def test_edits_of_different_words_merge_and_the_writer_confirms(app, two_writers):
    draft_id, (first, second) = two_writers
    opened = base_revision(second.get(f"/messaging/{draft_id}/edit").get_data(as_text=True))
    assert _edit(first, draft_id, POINTS.replace("money", "millions"), "1").status_code == 302
    crossed = _edit(second, draft_id, POINTS.replace("treatment", "care"), opened)
    page = crossed.get_data(as_text=True)
    assert crossed.status_code == 409 and 'id="conflict"' in page
    assert "Someone saved the draft while you were editing" in page
    assert "Keisha Moore saved it on" in page and "touch different words" in page
    merged = textarea(page)
    assert merged == "Diversion saves millions.\nOfficers get time back.\nPeople get care.\n"
    assert draft_state(app, draft_id)[1] == 2  # nothing saved until the writer confirms
    assert _edit(second, draft_id, merged, base_revision(page)).status_code == 302
    assert draft_state(app, draft_id) == (merged, 3)


def test_edits_of_the_same_words_are_shown_side_by_side_with_both_kept(app, two_writers):
    draft_id, (first, second) = two_writers
    _edit(first, draft_id, POINTS.replace("saves money", "saves the county money"), "1")
    page = _edit(second, draft_id, POINTS.replace("saves money", "costs less"), "1").get_data(
        as_text=True
    )
    assert "touch the same words" in page
    rows = re.findall(r'<tr><th scope="row">\d+</th><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td>', page)
    assert rows and "county" in " ".join(saved for _mine, saved in rows)
    assert re.search(r"costs|less", " ".join(mine for mine, _saved in rows))
    assert "the county" in textarea(page)  # the saved words stay in the form
    assert "costs less" in re.search(r'id="mine-text">(.*?)</div>', page, re.S).group(1)
    assert draft_state(app, draft_id)[0] == POINTS.replace("saves money", "saves the county money")


def _race(app, browsers, draft_id, texts):
    """Both browsers post their edit from revision 1 at the same moment."""
    tokens = [browser.csrf_token(f"/messaging/{draft_id}/edit") for browser in browsers]
    barrier, answers, errors = threading.Barrier(2), [], []

    def post(browser, token, text):
        try:
            barrier.wait(timeout=10)
            response = browser.post(
                f"/messaging/{draft_id}/edit",
                data={"text": text, "base_revision": "1", "csrf_token": token},
            )
            answers.append((response.status_code, response.get_data(as_text=True), text))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [
        threading.Thread(target=post, args=(b, t, x))
        for b, t, x in zip(browsers, tokens, texts, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return sorted(answers, key=lambda answer: answer[0])


@pytest.mark.real_commits
def test_two_saves_at_once_on_one_base_one_wins_the_other_reaches_the_merge(app, two_writers):
    draft_id, browsers = two_writers
    texts = [POINTS.replace("money", "millions"), POINTS.replace("treatment", "care")]
    (won_status, _page, winner_text), (merge_status, merge_page, loser_text) = _race(
        app, browsers, draft_id, texts
    )
    assert (won_status, merge_status) == (302, 409)
    assert draft_state(app, draft_id) == (winner_text, 2)
    assert 'id="conflict"' in merge_page and "touch different words" in merge_page
    merged = textarea(merge_page)
    assert "millions" in merged and "care" in merged  # not a word lost
    assert base_revision(merge_page) == "2"
