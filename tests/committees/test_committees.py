"""Committees, join requests, chairs' reach, the advisory roster, a committee's home, the demo."""

from coalition.committees import access as committees_access
from coalition.committees.guidelines.models import GuidelineSection
from coalition.committees.models import CommitteeMembership, JoinRequest
from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.members import access as members_access
from coalition.members.people.models import Person
from coalition.outbox.models import OutboxEmail


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
    waiting = asking.get(f"/committees/{committee.id}").get_data(as_text=True)
    assert "a chair will answer" in waiting and "Join this committee" not in waiting
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


def test_a_join_request_reaches_the_coordinators_when_no_chair_is_active(
    app, make_client, create_person, create_coordinator, create_committee
):
    gone = create_person(name="Former Chair", deactivated_at=utcnow())
    coordinator, asker = create_coordinator(), create_person()
    committee = create_committee(chairs=[gone], open_to_requests=True)
    asking = make_client()
    asking.login(asker)
    asking.post_form(f"/committees/{committee.id}/join", {"message": "I run the food bank."})
    with app.app_context():
        told = db.session.scalars(db.select(OutboxEmail.to_address)).all()
    assert told == [coordinator.email]


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
    from coalition.committees.models import Committee
    from coalition.committees.proposals.models import Proposal
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
