"""Committees, join requests, chairs' reach, the advisory roster, goals, guidelines."""

from datetime import date, timedelta

from coalition.committees import access as committees_access
from coalition.committees.models import CommitteeMembership, Goal, GuidelineSection, JoinRequest
from coalition.core.extensions import db
from coalition.members import access as members_access
from coalition.members.models import Person
from coalition.outbox.models import OutboxEmail
from coalition.timeline.models import TimelineEntry


def test_join_request_approved_by_chair_with_a_message(
    app, make_client, create_person, create_committee
):
    chair, asker = create_person(), create_person()
    committee = create_committee(chairs=[chair], open_to_requests=True)
    asking = make_client()
    asking.login(asker)
    asking.post_form(f"/committees/{committee.id}/join", {"message": "I run the food bank."})
    with app.app_context():
        join = db.session.scalar(db.select(JoinRequest))
        assert join.status == "pending"
        assert db.session.scalar(db.select(OutboxEmail.to_address)) == chair.email
    chairing = make_client()
    chairing.login(chair)
    chairing.post_form(
        f"/committees/{committee.id}/requests/{join.id}",
        {"decision": "approve", "response": "Welcome!"},
    )
    with app.app_context():
        assert db.session.get(JoinRequest, join.id).status == "approved"
        members = db.session.scalars(db.select(CommitteeMembership.person_id)).all()
        assert asker.id in members


def test_chair_cannot_act_on_another_committee(client, create_person, create_committee):
    chair, _someone = create_person(), create_person(email="someone@example.org")
    create_committee(chairs=[chair])
    other = create_committee(open_to_requests=True)
    client.login(chair)
    response = client.post_form(
        f"/committees/{other.id}/members", {"email": "someone@example.org", "role": "member"}
    )
    assert response.status_code == 403
    assert client.get(f"/committees/{other.id}/edit").status_code == 403


def test_advisory_roster_visible_only_to_its_members_and_coordinators(
    app, client, create_person, create_coordinator, create_committee
):
    participant, outsider = (
        create_person(name="Quiet Participant", directory_consent=False),
        create_person(),
    )
    coordinator = create_coordinator()
    pac = create_committee("PAC", kind="advisory", members=[participant], open_to_requests=True)
    client.login(outsider)
    page = client.get(f"/committees/{pac.id}").get_data(as_text=True)
    assert "Quiet Participant" not in page
    with app.test_request_context():
        assert not committees_access.can_view_roster(outsider, pac)
        assert committees_access.can_view_roster(coordinator, pac)
        assert committees_access.can_view_roster(participant, pac)


def test_fellow_committee_members_see_each_other(app, create_person, create_committee):
    unlisted = create_person(directory_consent=False)
    fellow, stranger = create_person(), create_person()
    create_committee(members=[unlisted, fellow])
    with app.app_context():
        target = db.session.get(Person, unlisted.id)
        assert members_access.can_view_person(db.session.get(Person, fellow.id), target)
    with app.app_context():
        assert not members_access.can_view_person(db.session.get(Person, stranger.id), target)
        visible = db.session.scalars(
            db.select(Person.id).where(
                members_access.visible_people_clause(db.session.get(Person, fellow.id))
            )
        ).all()
        assert unlisted.id in visible


def test_goal_flags_and_achievement_on_the_timeline(app, client, create_coordinator, create_goal):
    coordinator = create_coordinator()
    goal = create_goal(
        title="Train officers",
        indicator="officers trained",
        indicator_target=120,
        target_date=date.today() - timedelta(days=5),
    )
    client.login(coordinator)
    client.post_form(
        f"/committees/goals/{goal.id}/progress",
        {"value": "40", "recorded_on": date.today().isoformat()},
    )
    board = client.get("/committees/goals/").get_data(as_text=True)
    assert 'max="120" value="40"' in board and "Overdue" in board
    client.post_form(f"/committees/goals/{goal.id}/status", {"status": "achieved"})
    client.post_form(f"/committees/goals/{goal.id}/status", {"status": "achieved"})
    with app.app_context():
        assert db.session.get(Goal, goal.id).status == "achieved"
        assert db.session.scalar(db.select(db.func.count(TimelineEntry.id))) == 1


def test_stalled_goal_is_flagged(app, client, create_coordinator, create_goal):
    from coalition.committees.models import GoalUpdate

    goal = create_goal(indicator="referrals", indicator_target=100)
    with app.app_context():
        db.session.add(
            GoalUpdate(goal_id=goal.id, value=5, recorded_on=date.today() - timedelta(days=45))
        )
        db.session.commit()
    client.login(create_coordinator())
    assert "Stalled" in client.get("/committees/goals/").get_data(as_text=True)


def test_concurrent_goal_edits_second_refused(app, make_client, create_coordinator, create_goal):
    goal = create_goal(title="Original")
    first, second = make_client(), make_client()
    for browser in (first, second):
        browser.login(create_coordinator())
    data = {"version": "1", "owner_id": ""}
    assert (
        first.post_form(f"/committees/goals/{goal.id}/edit", {**data, "title": "First"}).status_code
        == 302
    )
    response = second.post_form(f"/committees/goals/{goal.id}/edit", {**data, "title": "Second"})
    assert response.status_code == 200 and "Someone saved this" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Goal, goal.id).title == "First"


def test_editorial_correction_and_concurrent_edit(
    app, make_client, create_coordinator, create_section
):
    section = create_section("Meetings", "We meet monthy.")
    first, second = make_client(), make_client()
    for browser in (first, second):
        browser.login(create_coordinator())
    url = f"/committees/guidelines/{section.id}/edit"
    version = str(section.version)
    ok = first.post_form(url, {"version": version, "text": "We meet monthly.", "note": "Spelling"})
    assert ok.status_code == 302
    refused = second.post_form(url, {"version": version, "text": "We meet weekly.", "note": "Typo"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200 and "<del>" in page and "We meet weekly." in page
    with app.app_context():
        saved = db.session.get(GuidelineSection, section.id)
        assert saved.text == "We meet monthly."
        assert saved.revisions[0].editorial is True
    diff = first.get(f"/committees/guidelines/{section.id}/diff?old=1&new=2").get_data(as_text=True)
    assert "<ins>" in diff and "monthly" in diff


def test_member_cannot_edit_guidelines(client, create_person, create_section):
    section = create_section()
    client.login(create_person())
    assert client.get(f"/committees/guidelines/{section.id}/edit").status_code == 403


def test_guidelines_markdown_is_sanitized(client, create_person, create_section):
    create_section("Purpose", "**Bold** <script>alert(1)</script>")
    client.login(create_person())
    page = client.get("/committees/guidelines/").get_data(as_text=True)
    assert "<strong>Bold</strong>" in page and "<script>alert" not in page


def test_committee_home_shows_sectors_and_gaps(
    client, create_coordinator, create_person, create_organization, link_person, create_committee
):
    coordinator, delegate = create_coordinator(), create_person(email="delegate@example.org")
    organization = create_organization("Harm Reduction Org", sectors=["harm-reduction"])
    link_person(delegate, organization, "primary")
    committee = create_committee(chairs=[coordinator])
    client.login(coordinator)
    client.post_form(
        f"/committees/{committee.id}/members",
        {
            "email": "delegate@example.org",
            "role": "member",
            "organization_id": str(organization.id),
        },
    )
    page = client.get(f"/committees/{committee.id}").get_data(as_text=True)
    assert "Harm Reduction Org" in page and "Gaps" in page


def test_demo_committees_are_seeded_once(app):
    from coalition.committees.models import Committee, Proposal
    from coalition.demo import seed_demo

    with app.app_context():
        seed_demo()
        db.session.commit()
        assert seed_demo() == 0
        db.session.commit()
        kinds = sorted(db.session.scalars(db.select(Committee.kind)))
        assert kinds == ["advisory", "steering", "working", "working", "working"]
        statuses = sorted(db.session.scalars(db.select(Proposal.status)))
        assert statuses == ["closed", "open"]
        section = db.session.scalar(db.select(GuidelineSection).filter_by(title="Decision-making"))
        assert len(section.revisions) == 2
        darnell = db.session.scalar(db.select(Person).filter_by(email="darnell.brooks@example.org"))
        roles = committees_access.committee_roles(darnell)
        assert "chair" in roles.values()
