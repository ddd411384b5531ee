"""The home page lists the goals at risk, computed from their dates, as the reader may see them
(it said "No goals are at risk" beside an overdue, stalled goal)."""

from datetime import date, timedelta


def test_overdue_goals_are_listed_to_those_who_see_them(
    client, make_client, create_person, create_coordinator, create_committee, create_goal
):
    client.login(create_person())
    assert "No goal you can see is overdue or stalled." in client.get("/").get_data(as_text=True)
    past = date.today() - timedelta(days=10)
    create_goal(title="Train officers", target_date=past)
    closed = create_committee(open_to_requests=False)
    create_goal(closed, title="Quiet goal", target_date=past)
    create_goal(title="On track", target_date=date.today() + timedelta(days=90))
    page = client.get("/").get_data(as_text=True)
    assert "Train officers" in page and "Overdue" in page
    assert "Quiet goal" not in page and "On track" not in page
    assert "No goal you can see is overdue or stalled." not in page
    coordinator = make_client()
    coordinator.login(create_coordinator())
    assert "Quiet goal" in coordinator.get("/").get_data(as_text=True)
