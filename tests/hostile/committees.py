"""Committees, join requests, goals, guidelines, proposals and feedback, each hostile."""

from datetime import UTC, date, datetime, timedelta

from coalition.core.extensions import db
from tests.hostile.browsing import Visitor, id_from, in_app, local
from tests.hostile.markup import hostile, hostile_markdown


def committees(world):
    coordinator, member = world.visitors["coordinator"], world.visitors["member"]
    ids = {}
    for key, kind in (
        ("committee", "working"),
        ("committee2", "working"),
        ("advisory", "advisory"),
    ):
        response = coordinator.post(
            "/committees/new",
            {
                "name": hostile(f"{key}_name"),
                "kind": kind,
                "charge": hostile_markdown(f"{key}_charge"),
                "open_to_requests": "y",
                "active": "y",
            },
        )
        ids[key] = world[key] = id_from(response)
    committee = ids["committee"]
    coordinator.post(
        f"/committees/{committee}/members",
        {"email": "coordinator@example.org", "role": "chair", "organization_id": ""},
    )
    coordinator.post(
        f"/committees/{committee}/members",
        {
            "email": "person@example.org",
            "role": "member",
            "organization_id": str(world["organization"]),
        },
    )
    coordinator.post(
        f"/committees/{ids['advisory']}/members",
        {"email": "person@example.org", "role": "member", "organization_id": ""},
    )
    # The member asks to join; the chair approves with a message. A second request waits.
    member.post(f"/committees/{committee}/join", {"message": hostile("join_message")})
    request_id = in_app(world, lambda: _join_request_id(committee))
    coordinator.post(
        f"/committees/{committee}/requests/{request_id}",
        {"decision": "approve", "response": hostile("join_response")},
    )
    member.post(f"/committees/{ids['committee2']}/join", {"message": hostile("pending_message")})


def _join_request_id(committee_id):
    from coalition.committees.models import JoinRequest

    return db.session.scalar(
        db.select(JoinRequest.id).filter_by(committee_id=committee_id).order_by(JoinRequest.id)
    )


def goals_and_guidelines(world):
    coordinator = world.visitors["coordinator"]
    for key, committee in (("goal", world["committee"]), ("wide_goal", None)):
        response = coordinator.post(
            "/committees/goals/new" + (f"?committee={committee}" if committee else ""),
            {
                "title": hostile(f"{key}_title"),
                "why": hostile_markdown(f"{key}_why"),
                "target_date": (date.today() + timedelta(days=90)).isoformat(),
                "owner_id": str(world["member"]),
                "indicator": hostile(f"{key}_indicator"),
                "indicator_target": "40",
            },
        )
        world[key] = goal = id_from(response)
        coordinator.post(
            f"/committees/goals/{goal}/progress",
            {
                "value": "12",
                "recorded_on": date.today().isoformat(),
                "note": hostile(f"{key}_note"),
            },
        )
        coordinator.post(
            f"/committees/goals/{goal}/milestones", {"title": hostile(f"{key}_milestone")}
        )
    coordinator.conflict(
        f"/committees/goals/{world['goal']}/edit",
        {"version": "0", "title": hostile("stale_goal_title"), "owner_id": ""},
    )
    coordinator.post(f"/committees/goals/{world['wide_goal']}/status", {"status": "achieved"})

    coordinator.post(
        "/committees/guidelines/new",
        {"title": hostile("section_title"), "text": hostile_markdown("section_text")},
    )
    world["section"] = section = in_app(world, lambda: _section_id(hostile("section_title")))
    version = coordinator.version(f"/committees/guidelines/{section}/edit")
    coordinator.post(
        f"/committees/guidelines/{section}/edit",
        {
            "version": version,
            "text": hostile_markdown("section_correction"),
            "note": hostile("correction_note"),
        },
    )
    # A correction based on the first version: refused, with what changed meanwhile.
    coordinator.conflict(
        f"/committees/guidelines/{section}/edit",
        {"version": version, "text": hostile("stale_correction"), "note": "Stale"},
    )


def _section_id(title):
    from coalition.committees.guidelines.models import GuidelineSection

    return db.session.scalar(db.select(GuidelineSection.id).filter_by(title=title))


def _closes(hours):
    return local(datetime.now(UTC) + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def proposals(world):
    coordinator, member = world.visitors["coordinator"], world.visitors["member"]
    common = {"rule": "consent", "quorum": "1", "section_id": "", "new_text": ""}
    question = coordinator.post(
        "/committees/proposals/new",
        {
            **common,
            "kind": "question",
            "committee_id": str(world["committee"]),
            "title": hostile("question_title"),
            "body": hostile_markdown("question_body"),
            "closes_at": _closes(12),
        },
    )
    world["question"] = id_from(question)
    amendment = coordinator.post(
        "/committees/proposals/new",
        {
            **common,
            "kind": "amendment",
            "committee_id": "",
            "title": hostile("amendment_title"),
            "body": hostile("amendment_body"),
            "section_id": str(world["section"]),
            "new_text": hostile_markdown("amendment_text"),
            "closes_at": _closes(2),
        },
    )
    world["amendment"] = id_from(amendment)
    goal = coordinator.post(
        "/committees/proposals/new",
        {
            **common,
            "kind": "goal",
            "committee_id": "",
            "title": hostile("goal_proposal_title"),
            "goal_title": hostile("proposed_goal_title"),
            "goal_why": hostile("proposed_goal_why"),
            "closes_at": _closes(120),
        },
    )
    world["goal_proposal"] = id_from(goal)
    for visitor, who in ((coordinator, "coordinator"), (member, "member")):
        visitor.post(
            f"/committees/proposals/{world['question']}/position",
            {"stance": "disagree", "reason": hostile(f"{who}_reason")},
        )
    member.post(
        f"/committees/proposals/{world['amendment']}/position",
        {"stance": "agree", "reason": hostile("amendment_reason")},
    )
    member.post(
        f"/committees/proposals/{world['goal_proposal']}/position",
        {"stance": "block", "reason": hostile("block_reason")},
    )


def feedback(world):
    visitor = Visitor(world)
    visitor.post(
        "/feedback/",
        {
            "body": hostile("feedback_body"),
            "name": hostile("feedback_name"),
            "contact": hostile("feedback_contact"),
            "may_publish": "y",
        },
    )
    world["note"] = note = in_app(world, _last_feedback_id)
    coordinator = world.visitors["coordinator"]
    coordinator.post(
        f"/feedback/notes/{note}",
        {
            "status": "acted_on",
            "response": hostile("feedback_response"),
            "version": coordinator.version(f"/feedback/notes/{note}"),
        },
    )


def _last_feedback_id():
    from coalition.feedback.models import Feedback

    return db.session.scalar(db.select(Feedback.id).order_by(Feedback.id.desc()))
