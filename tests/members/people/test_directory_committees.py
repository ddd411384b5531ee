"""The directory filters by committee; an organization's page lists its committees."""


def test_directory_filters_by_committee(
    client, create_coordinator, create_person, create_committee
):
    client.login(create_coordinator())
    on = create_person(name="On The Committee")
    create_person(name="Not On It")
    committee = create_committee("Housing working group", members=[on])
    page = client.get(f"/members/?committee={committee.id}").get_data(as_text=True)
    assert "On The Committee" in page and "Not On It" not in page
    assert "Housing working group" in client.get("/members/").get_data(as_text=True)


def test_organization_page_lists_the_committees_it_sits_on(
    app, client, create_coordinator, create_person, create_committee, create_organization
):
    from coalition.committees.models import CommitteeMembership
    from coalition.core.extensions import db

    client.login(create_coordinator())
    organization = create_organization("Second Chance Reentry")
    delegate = create_person(name="Darnell Brooks")
    committee = create_committee("Law Enforcement Engagement")
    with app.app_context():
        db.session.add(
            CommitteeMembership(
                committee_id=committee.id,
                person_id=delegate.id,
                role="member",
                organization_id=organization.id,
            )
        )
        db.session.commit()
    page = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert f'href="/committees/{committee.id}"' in page and "Law Enforcement Engagement" in page
