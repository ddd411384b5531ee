"""Review and sign-off (issue 16): reviewers asked, rules by committee, decisions on one
revision (a new revision resets them), no self-approval, the advisory committee shown as a
body in pages and emails, publishing once on the timeline, the home page's card."""

import pytest

from coalition.core.extensions import db


@pytest.fixture
def committees(app, create_person):
    """Steering (Sam) and the participant advisory committee (Ada), each with one member."""
    from coalition.committees.models import Committee, CommitteeMembership

    sam = create_person(name="Sam Steering", email="sam@example.org")
    ada = create_person(name="Ada Advisory", email="ada@example.org")
    with app.app_context():
        steering = Committee(name="Steering", kind="steering")
        advisory = Committee(name="Participant Advisory", kind="advisory")
        db.session.add_all([steering, advisory])
        db.session.flush()
        db.session.add_all(
            [
                CommitteeMembership(committee_id=steering.id, person_id=sam.id, role="member"),
                CommitteeMembership(committee_id=advisory.id, person_id=ada.id, role="member"),
            ]
        )
        db.session.commit()
        return {"steering": steering.id, "advisory": advisory.id, "sam": sam, "ada": ada}


def _ask(client, draft_id, person):
    return client.post_form(f"/messaging/{draft_id}/review/ask", {"person": str(person.id)})


def _decide(client, draft_id, decision="approved", note=""):
    return client.post_form(
        f"/messaging/{draft_id}/review/decide", {"decision": decision, "note": note}
    )


def _status(app, draft_id):
    from coalition.messaging.models import Draft

    with app.app_context():
        return db.session.get(Draft, draft_id).status


def _rules(client, draft_id, **minimums):
    data = {f"rule_{committee}": str(number) for committee, number in minimums.items()}
    return client.post_form(f"/messaging/{draft_id}/review/rules", data)


@pytest.fixture
def reviewed(app, client, create_person, create_draft, committees):
    """Wren's draft needs one steering and one advisory approval; Sam and Ada are asked."""
    wren = create_person(name="Wren Writer", email="wren@example.org")
    draft_id = create_draft(wren, text="We ask the council for care.")
    client.login(wren)
    assert (
        _rules(
            client, draft_id, **{str(committees["steering"]): 1, str(committees["advisory"]): 1}
        ).status_code
        == 302
    )
    for person in (committees["sam"], committees["ada"]):
        assert _ask(client, draft_id, person).status_code == 302
    return {"draft": draft_id, "wren": wren, **committees}


def test_approved_once_every_rule_is_met_and_a_new_revision_resets_approvals(
    app, client, reviewed, save_text
):
    draft_id = reviewed["draft"]
    assert _status(app, draft_id) == "in_review"
    client.login(reviewed["sam"])
    assert _decide(client, draft_id).status_code == 302
    assert _status(app, draft_id) == "in_review"  # the advisory committee has not approved
    client.login(reviewed["ada"])
    assert _decide(client, draft_id).status_code == 302
    assert _status(app, draft_id) == "approved"
    page = client.get(f"/messaging/{draft_id}/review").get_data(as_text=True)
    assert "Decisions on revision 1" in page and "1 of 1 approvals" in page

    save_text(draft_id, reviewed["wren"], "We ask the council for care, not cells.")
    assert _status(app, draft_id) == "in_review"
    page = client.get(f"/messaging/{draft_id}/review").get_data(as_text=True)
    assert "Decisions on revision 2" in page
    assert "No decisions on this revision yet." in page
    assert "0 of 1 approvals" in page


def test_nobody_approves_a_draft_they_saved_a_revision_of(app, client, reviewed, save_text):
    from coalition.core.errors import ActionRefused
    from coalition.members.people.models import Person
    from coalition.messaging.access import EMAIL_RULES
    from coalition.messaging.models import Draft
    from coalition.messaging.review import services

    draft_id = reviewed["draft"]
    save_text(draft_id, reviewed["sam"], "Sam's words too.")  # Sam becomes an author
    client.login(reviewed["sam"])
    assert _decide(client, draft_id).status_code == 403
    with app.app_context():
        draft = db.session.get(Draft, draft_id)
        with pytest.raises(ActionRefused):
            services.decide(
                draft, db.session.get(Person, reviewed["sam"].id), "approved", "", EMAIL_RULES
            )
    assert _status(app, draft_id) == "in_review"


def test_changes_are_asked_for_with_a_note(app, client, reviewed):
    client.login(reviewed["sam"])
    response = _decide(client, reviewed["draft"], "changes_requested", "")
    assert response.status_code == 400
    assert "Say what should change." in response.get_data(as_text=True)
    assert (
        _decide(client, reviewed["draft"], "changes_requested", "Shorter, please.").status_code
        == 302
    )
    page = client.get(f"/messaging/{reviewed['draft']}/review").get_data(as_text=True)
    assert "Asked for changes" in page and "Shorter, please." in page


def test_an_advisory_reviewer_shows_as_the_committee_outside_it(
    app, client, reviewed, create_coordinator
):
    from coalition.outbox.models import OutboxEmail

    draft_id = reviewed["draft"]
    client.login(reviewed["ada"])
    _decide(client, draft_id)
    # Wren (outside the committee) reads the committee, never Ada's name.
    client.login(reviewed["wren"])
    page = client.get(f"/messaging/{draft_id}/review").get_data(as_text=True)
    assert "Participant Advisory" in page and "Ada Advisory" not in page
    # Ada's fellow... a coordinator sees the person.
    client.login(create_coordinator())
    page = client.get(f"/messaging/{draft_id}/review").get_data(as_text=True)
    assert "Ada Advisory" in page
    with app.app_context():
        emails = db.session.scalars(
            db.select(OutboxEmail).filter_by(kind="draft_review", to_address="wren@example.org")
        ).all()
        approvals = [email for email in emails if "Approved" in email.subject]
        assert approvals, [email.subject for email in emails]
        for email in approvals:
            assert "Ada Advisory" not in email.text_body + email.html_body
            assert "Participant Advisory approved" in email.text_body


def test_publishing_records_who_when_where_and_one_timeline_entry(app, client, reviewed):
    from coalition.timeline.models import TimelineEntry

    draft_id = reviewed["draft"]
    client.login(reviewed["wren"])
    refused = client.post_form(f"/messaging/{draft_id}/review/publish", {"place": "Council"})
    assert refused.status_code == 400  # not approved yet
    for reviewer in (reviewed["sam"], reviewed["ada"]):
        client.login(reviewer)
        _decide(client, draft_id)
    client.login(reviewed["wren"])
    response = client.post_form(
        f"/messaging/{draft_id}/review/publish", {"place": "City council hearing"}
    )
    assert response.status_code == 302
    assert _status(app, draft_id) == "published"
    page = client.get(f"/messaging/{draft_id}").get_data(as_text=True)
    assert "City council hearing" in page
    with app.app_context():
        entries = db.session.scalars(
            db.select(TimelineEntry).filter_by(source_type="draft", source_id=draft_id)
        ).all()
        assert [entry.event for entry in entries] == ["published"]


def test_the_home_page_shows_the_drafts_waiting_for_the_readers_review(app, client, reviewed):
    client.login(reviewed["sam"])
    page = client.get("/").get_data(as_text=True)
    assert "Drafts waiting for your review" in page and "Talking points for the council" in page
    _decide(client, reviewed["draft"])
    page = client.get("/").get_data(as_text=True)
    assert "No draft is waiting for your review" in page
    assert "Talking points for the council" not in page


def test_the_home_card_counts_only_the_readers_decision_on_each_drafts_own_revision(
    app, client, reviewed, create_draft
):
    """With a decision on one draft and another draft waiting, the card lists the other: the
    decision is matched against each draft's own current revision (PostgreSQL refused the
    query when that revision came from a subquery two levels down)."""
    second = create_draft(reviewed["wren"], text="A second text for the council.", title="Op-ed")
    client.login(reviewed["wren"])
    assert _ask(client, second, reviewed["sam"]).status_code == 302
    client.login(reviewed["sam"])
    _decide(client, reviewed["draft"])
    response = client.get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Op-ed" in page and "Talking points for the council" not in page
