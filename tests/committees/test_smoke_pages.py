"""Every committees page answers for a coordinator, with data on it."""

from datetime import date


def test_pages_render(
    client, create_coordinator, create_committee, create_goal, create_section, create_proposal
):
    coordinator = create_coordinator()
    committee = create_committee("Steering", kind="steering", chairs=[coordinator])
    goal = create_goal(
        committee, indicator="officers trained", indicator_target=120, target_date=date(2020, 1, 1)
    )
    section = create_section("Decision-making")
    proposal = create_proposal(
        coordinator, kind="amendment", section_id=section.id, new_text="Decisions by majority."
    )
    client.login(coordinator)
    for url in [
        "/committees/",
        f"/committees/{committee.id}",
        f"/committees/{committee.id}/edit",
        "/committees/new",
        "/committees/goals/",
        f"/committees/goals/{goal.id}",
        f"/committees/goals/{goal.id}/edit",
        f"/committees/goals/new?committee={committee.id}",
        "/committees/guidelines/",
        "/committees/guidelines/new",
        f"/committees/guidelines/{section.id}/history",
        f"/committees/guidelines/{section.id}/edit",
        "/committees/proposals/",
        "/committees/proposals/new",
        f"/committees/proposals/{proposal.id}",
        "/feedback/",
        "/feedback/you-said-we-did",
        "/feedback/notes",
    ]:
        response = client.get(url)
        assert response.status_code == 200, (url, response.get_data(as_text=True)[-2000:])
