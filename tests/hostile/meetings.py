"""Meetings, invitations, answers and the record of a date, each field hostile."""

from datetime import UTC, date, datetime, timedelta

from coalition.core.extensions import db
from tests.hostile.browsing import Visitor, id_from, in_app, link_in_emails, local
from tests.hostile.markup import hostile, hostile_markdown, hostile_url, script_url


def _meeting_form(key, day, **overrides):
    values = {
        "committee_id": "",
        "title": hostile(f"{key}_title"),
        "day": day.isoformat(),
        "start_time": "18:00",
        "end_time": "19:30",
        "timezone": "America/Chicago",
        "location": hostile(f"{key}_location"),
        "online_link": hostile_url(f"{key}_link"),
        "accessibility": hostile(f"{key}_accessibility"),
        "interpretation": hostile(f"{key}_interpretation"),
        "description": hostile_markdown(f"{key}_description"),
        "agenda": hostile_markdown(f"{key}_agenda"),
        "repeat": "weekly",
        "interval": "1",
        "ends": "count",
        "count": "6",
        "capacity": "",
        "rsvp_closes_hours_before": "",
    }
    values.update(overrides)
    return values


def meetings(world):
    coordinator = world.visitors["coordinator"]
    today = date.today()
    forms = {
        # A series with places: the waiting list, moves, reminders and nudges.
        "meeting": _meeting_form(
            "meeting",
            today + timedelta(days=3),
            committee_id=str(world["committee"]),
            capacity="3",
            rsvp_closes_hours_before="1",
        ),
        # A series that began three weeks ago: its past dates keep a record.
        "held": _meeting_form("held", today - timedelta(days=21)),
        # A single meeting, cancelled after the invitations went out.
        "cancelled": _meeting_form("cancelled", today + timedelta(days=10), repeat="none"),
    }
    invitees = {
        "organizations": [str(world["organization"]), str(world["imported_organization"])],
        "people": [str(world["person"])],
    }
    for key, form in forms.items():
        world[key] = meeting = id_from(coordinator.post("/meetings/new", form))
        coordinator.get(f"/meetings/{meeting}/invitations")
        coordinator.post(f"/meetings/{meeting}/invitations", invitees)
    world["member_invitation"] = in_app(
        world, lambda: _invitation_id(world["meeting"], f"organization:{world['organization']}")
    )
    coordinator.refused(
        "/meetings/new",
        _meeting_form("meeting", today, online_link=script_url("online_link"), repeat="none"),
        "online_link",
    )
    starts = in_app(world, lambda: _starts(world["meeting"]))
    world["meeting_key"] = starts[0]
    world["meeting_starts"] = starts
    moved = starts[2]
    moved_day = local(datetime.strptime(moved, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)).date()
    coordinator.post(
        f"/meetings/{world['meeting']}/occurrences/{moved}/move",
        {
            "day": (moved_day + timedelta(days=1)).isoformat(),
            "start_time": "17:00",
            "end_time": "18:30",
            "location": hostile("moved_location"),
            "version": coordinator.version(
                f"/meetings/{world['meeting']}/occurrences/{moved}/move"
            ),
        },
    )
    coordinator.post(
        f"/meetings/{world['meeting']}/edit",
        {**forms["meeting"], "title": hostile("stale_meeting_title"), "version": "0"},
        expect=409,
    )
    coordinator.post(f"/meetings/{world['cancelled']}/cancel", {})
    world["held_key"] = in_app(world, lambda: _starts(world["held"]))[0]


def _invitation_id(meeting_id, invitee_key):
    from coalition.meetings.models import MeetingInvitation

    return db.session.scalar(
        db.select(MeetingInvitation.id).filter_by(meeting_id=meeting_id, invitee_key=invitee_key)
    )


def _starts(meeting_id):
    from coalition.meetings.models import Meeting
    from coalition.meetings.occurrences import occurrence_key, original_starts

    return [occurrence_key(start) for start in original_starts(db.session.get(Meeting, meeting_id))]


def _answer(key):
    return {
        "answer": "yes",
        "headcount": "3",
        "names": hostile(f"{key}_names"),
        "needs": hostile(f"{key}_needs"),
        "note": hostile(f"{key}_note"),
    }


def answers(world):
    """The imported organization (by its contact address) takes every place; the person
    waits in line; the organization then needs fewer places and the person moves up."""
    contact = link_in_emails(world, "/rsvp/", to_address="contact@imported.example")
    world["invitee_token"] = contact
    invitee = Visitor(world)
    world.visitors["invitee"] = invitee
    invitee.get(f"/rsvp/{contact}")
    invitee.post(f"/rsvp/{contact}", _answer("rsvp"))
    person = Visitor(world)
    person_token = link_in_emails(world, "/rsvp/", to_address="person@example.org")
    person.get(f"/rsvp/{person_token}")
    person.post(f"/rsvp/{person_token}", {**_answer("waiting"), "headcount": "1"})
    person.get(f"/rsvp/{person_token}")
    invitee.post(f"/rsvp/{contact}", {**_answer("rsvp"), "headcount": "2"})
    # Organizers remind those who have not answered (the member's organization).
    coordinator = world.visitors["coordinator"]
    meeting, key = world["meeting"], world["meeting_key"]
    coordinator.post(f"/meetings/{meeting}/answers/{key}/remind", {})
    # Someone who lost their links asks for them again.
    Visitor(world).post("/rsvp/lost", {"email": "person@example.org"}, expect=200)
    # From its fifth date the series continues at another time, under another title.
    split = world["meeting_starts"][4]
    edit = f"/meetings/{meeting}/occurrences/{split}/edit"
    day = local(datetime.strptime(split, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)).date()
    form = _meeting_form(
        "continued",
        day,
        committee_id=str(world["committee"]),
        start_time="19:00",
        end_time="20:00",
        count="2",
        capacity="3",
    )
    response = coordinator.post(edit, {**form, "version": coordinator.version(edit)})
    world["continued"] = id_from(response)


def record(world):
    coordinator = world.visitors["coordinator"]
    base = f"/meetings/{world['held']}/dates/{world['held_key']}"
    coordinator.post(
        f"{base}/minutes",
        {
            "base_revision": "0",
            "text": hostile_markdown("minutes_text"),
            "note": hostile("minutes_note"),
        },
    )
    coordinator.post(f"{base}/minutes/publish", {})
    # An edit made from the empty page, after the first save: the merge view.
    coordinator.conflict(
        f"{base}/minutes",
        {"base_revision": "0", "text": hostile("crossed_minutes"), "note": ""},
    )
    keys = in_app(world, lambda: _invitee_keys(world["held"]))
    typed = {f"headcount-{key}": hostile("attendance_headcount") for key in keys}
    coordinator.post(f"{base}/attendance", typed, expect=400)
    attendance = {f"present-{key}": "1" for key in keys}
    attendance.update({f"headcount-{key}": "2" for key in keys if key.startswith("organization")})
    coordinator.post(f"{base}/attendance", attendance)
    coordinator.post(f"{base}/decisions", {"decision-text": hostile("decision_text")})
    coordinator.post(
        f"{base}/actions",
        {
            "action-text": hostile("action_text"),
            "action-owner_id": str(world["member"]),
            "action-due_on": (date.today() + timedelta(days=7)).isoformat(),
        },
    )


def _invitee_keys(meeting_id):
    from coalition.meetings.models import MeetingInvitation

    return list(
        db.session.scalars(
            db.select(MeetingInvitation.invitee_key).filter_by(meeting_id=meeting_id)
        )
    )
