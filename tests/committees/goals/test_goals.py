"""Goals: progress, flags in words, achievement on the timeline, concurrent edits."""

from datetime import date, timedelta

from coalition.committees.goals.models import Goal
from coalition.core.extensions import db
from coalition.timeline.models import TimelineEntry


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
    from coalition.committees.goals.models import GoalUpdate

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
    assert response.status_code == 409 and "Someone saved this" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Goal, goal.id).title == "First"


def test_a_milestone_is_marked_done_only_through_its_own_goal(
    app, client, create_coordinator, create_goal
):
    from coalition.committees.goals.models import Milestone

    first, second = create_goal(), create_goal()
    with app.app_context():
        milestone = Milestone(goal_id=second.id, title="Train the first cohort")
        db.session.add(milestone)
        db.session.commit()
        milestone_id = milestone.id
    client.login(create_coordinator())
    wrong = client.post_form(f"/committees/goals/{first.id}/milestones/{milestone_id}/done")
    assert wrong.status_code == 404
    right = client.post_form(f"/committees/goals/{second.id}/milestones/{milestone_id}/done")
    assert right.status_code == 302
    with app.app_context():
        assert db.session.get(Milestone, milestone_id).done_on is not None
