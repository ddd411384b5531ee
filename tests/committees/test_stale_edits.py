"""Two people editing a committee or answering a feedback note at once: the second compares."""

import re

from coalition.committees.models import Committee
from coalition.core.extensions import db
from coalition.feedback.models import Feedback


def _version(html):
    return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)


def _compared(html, label):
    """(your version, saved version) in one row of the compare page."""
    row = re.search(rf"<th scope=\"row\">{label}.*?</tr>", html, re.S).group(0)
    return re.findall(r"<td>(.*?)</td>", row)


def _two_browsers(make_client, *people):
    browsers = []
    for person in people:
        browser = make_client()
        browser.login(person)
        browsers.append(browser)
    return browsers


def test_a_chair_and_a_coordinator_editing_a_committee_at_once_the_second_compares(
    app, make_client, create_person, create_coordinator, create_committee
):
    chair = create_person()
    committee = create_committee(name="Housing", chairs=[chair], charge="Find beds.")
    first, second = _two_browsers(make_client, chair, create_coordinator())
    url = f"/committees/{committee.id}/edit"
    mine, theirs = (
        _version(browser.get(url).get_data(as_text=True)) for browser in (first, second)
    )
    form = {"name": "Housing", "kind": "working", "active": "y", "open_to_requests": "y"}
    saved = first.post_form(url, {**form, "charge": "Find beds and homes.", "version": mine})
    assert saved.status_code == 302

    refused = second.post_form(url, {**form, "charge": "Find shelters.", "version": theirs})
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "Someone saved this while you were editing" in html
    assert _compared(html, "Charge") == ["Find shelters.", "Find beds and homes."]
    with app.app_context():
        assert db.session.get(Committee, committee.id).charge == "Find beds and homes."

    again = second.post_form(url, {**form, "charge": "Find shelters.", "version": _version(html)})
    assert again.status_code == 302, "saving the compared form again replaces the other version"


def test_two_readers_answering_a_feedback_note_at_once_the_second_compares(
    app, make_client, create_coordinator
):
    with app.app_context():
        note = Feedback(body="Please add evening hours.")
        db.session.add(note)
        db.session.commit()
        note_id = note.id
    first, second = _two_browsers(make_client, create_coordinator(), create_coordinator())
    url = f"/feedback/notes/{note_id}"
    mine, theirs = (
        _version(browser.get(url).get_data(as_text=True)) for browser in (first, second)
    )
    answer = {"status": "acted_on", "response": "We meet at 6 pm now."}
    assert first.post_form(url, {**answer, "version": mine}).status_code == 302

    late = {"status": "discussed", "response": "We will talk about it.", "version": theirs}
    refused = second.post_form(url, late)
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "Someone saved this while you were editing" in html
    assert _compared(html, "Response") == ["We will talk about it.", "We meet at 6 pm now."]
    with app.app_context():
        saved = db.session.get(Feedback, note_id)
        assert (saved.status, saved.response) == ("acted_on", "We meet at 6 pm now.")
