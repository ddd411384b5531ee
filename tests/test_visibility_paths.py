"""Who is named through every path that lists people, not only through a person's page.

One world: the participant advisory committee (by invitation) with its chair, a member who
is in the directory (Listed Lou) and one who declined it (Hidden Hana, who also speaks for
Harbor Reentry there, owns that relationship, answered both meetings, holds an action item
and took positions); an open working committee with its chair and a member who declined the
directory (Quiet Quinn); a plain member, a delegate and a coordinator. Each role asks for
every filter, export, pick list and organizer page that names people (DESIGN.md, section 4:
the advisory roster is seen by coordinators, its chairs and its members; someone who
declined the directory appears to their own committees and to coordinators, nowhere else).

The world is built once for the module and each test's writes are rolled back
(tests/worlds.py).
"""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, timedelta
from datetime import time as clock

import pytest
from openpyxl import load_workbook

from coalition.committees.goals.models import Goal
from coalition.committees.models import CommitteeMembership
from coalition.committees.proposals.models import Proposal
from coalition.committees.proposals.services import record_position
from coalition.core.extensions import db
from coalition.meetings.models import Meeting, MeetingInvitation
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.record import actions, attendance
from coalition.meetings.record.models import ActionItem
from coalition.meetings.rsvp.meeting_invitations import invitations_of
from coalition.members.people.models import Person
from tests.worlds import Factories

ROLES = (
    "anonymous",
    "member",
    "delegate",
    "other_chair",
    "advisory_chair",
    "advisory_member",
    "coordinator",
)
SEES_HANA = {"advisory_chair", "advisory_member", "coordinator"}  # her committee, coordinators
SEES_QUINN = {"other_chair", "coordinator"}
SEES_ADVISORY_ROSTER = {"advisory_chair", "advisory_member", "coordinator"}
ORGANIZES = {
    "other_chair": ("housing",),
    "advisory_chair": ("advisory",),
    "coordinator": ("housing", "advisory"),
}
HIDDEN = "Hidden Hana"
UNNAMED = "a coalition member"
ADVISORY = "Participant Advisory Committee"
DIRECTORY_NAME = re.compile(r'class="person-name">([^<]+)</a>')


@dataclass
class World:
    people: dict
    committees: dict
    meetings: dict
    keys: dict
    harbor: object
    proposals: dict
    goal: object

    def login(self, client, role):
        if role != "anonymous":
            client.login(self.people[role])


@pytest.fixture(scope="module")
def app(session_app):
    """The session's application: the module's world lives in one outer transaction."""
    return session_app


@pytest.fixture
def world(app, shared_database, request):
    """The world, built once for the module; each test's writes are rolled back after it."""
    built = shared_database.once("world", lambda: _build_world(app, Factories(request)))
    with shared_database.restored():
        yield built


def _build_world(app, make):
    people = {
        "coordinator": make.create_coordinator(name="Cora Coordinator"),
        "member": make.create_person(name="Mel Member"),
        "delegate": make.create_person(name="Dee Delegate"),
        "other_chair": make.create_person(name="Chad Housingchair"),
        "advisory_chair": make.create_person(name="Ada Advisorychair"),
        "advisory_member": make.create_person(name="Listed Lou"),
        "hana": make.create_person(name=HIDDEN, directory_consent=False),
        "quinn": make.create_person(name="Quiet Quinn", directory_consent=False),
    }
    harbor = make.create_organization("Harbor Reentry", owner=people["hana"], status="active")
    make.link_person(people["delegate"], harbor, "primary")
    make.link_person(people["hana"], harbor, "staff")
    advisory = make.create_committee(
        ADVISORY,
        kind="advisory",
        open_to_requests=False,
        chairs=[people["advisory_chair"]],
        members=[people["advisory_member"]],
    )
    housing = make.create_committee(
        "Housing Working Group",
        chairs=[people["other_chair"]],
        members=[people["quinn"]],
    )
    last_week = date.today() - timedelta(days=7)
    meetings = {}
    for name, committee in (("housing", housing), ("advisory", advisory)):
        meetings[name] = make.create_meeting(
            title=f"{committee.name} meeting",
            day=last_week,
            start_time=clock(10, 0),
            recurrence=None,
            committee_id=committee.id,
        )
    make.invite_to_meeting(
        meetings["housing"],
        people=[people[key] for key in ("hana", "advisory_member", "quinn", "member")],
        organizations=[harbor],
    )
    make.invite_to_meeting(
        meetings["advisory"],
        people=[people[key] for key in ("hana", "advisory_member", "advisory_chair")],
    )
    keys = {}
    for name, meeting in meetings.items():
        answer = make.create_answer(meeting, people["hana"], "yes")
        keys[name] = occurrence_key(answer.occurrence_start)
    proposals = {
        "advisory": make.create_proposal(people["advisory_chair"], advisory),
        "coalition": make.create_proposal(people["coordinator"]),
    }
    with app.app_context():
        hana = db.session.get(Person, people["hana"].id)
        db.session.add(
            CommitteeMembership(
                committee_id=advisory.id, person_id=hana.id, organization_id=harbor.id
            )
        )
        coordinator = db.session.get(Person, people["coordinator"].id)
        for name, meeting in meetings.items():
            stored = db.session.get(Meeting, meeting.id)
            invited = invitations_of(stored)
            marks = {i.invitee_key: attendance.Mark(True, 1) for i in invited}
            attendance.record_attendance(stored, stored.start_at, invited, marks, coordinator)
            actions.add_item(
                stored,
                stored.start_at,
                f"Call the {name} venue",
                hana.id,
                None,
                coordinator,
                tell_owner=False,
            )
        for proposal in proposals.values():
            stored = db.session.get(Proposal, proposal.id)
            record_position(stored, hana, "agree", "Hana's reasons")
        goal = Goal(committee_id=housing.id, title="House 40 people", status="active")
        goal.owner_id = hana.id
        db.session.add(goal)
        db.session.commit()
        goal_id = goal.id
    return World(
        people=people,
        committees={"advisory": advisory, "housing": housing},
        meetings=meetings,
        keys=keys,
        harbor=harbor,
        proposals=proposals,
        goal=goal_id,
    )


def _text(response):
    return response.get_data(as_text=True)


def _export(client, committee_id, file_format):
    """The names column of the directory's export (with the committee filter, if any)."""
    data = {"file_format": file_format}
    if committee_id is not None:
        data["committee"] = str(committee_id)
    response = client.post_form("/members/export", data, token_page="/members/")
    assert response.status_code == 200
    if file_format == "csv":
        rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    else:
        sheet = load_workbook(io.BytesIO(response.data), read_only=True).worksheets[0]
        rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    return {row[0] for row in rows[1:]}


def _directory(client, query=""):
    response = client.get(f"/members/{query}")
    assert response.status_code == 200
    return set(DIRECTORY_NAME.findall(_text(response))), _text(response)


def _all_pages(world):
    """Every GET that names people, for a sweep by role."""
    people, committees, meetings = world.people, world.committees, world.meetings
    urls = [
        "/",
        "/members/",
        "/members/?q=Hana",
        f"/members/people/{people['hana'].id}",
        "/members/organizations/",
        f"/members/organizations/{world.harbor.id}",
        "/members/pipeline",
        "/committees/",
        "/committees/goals/",
        f"/committees/goals/{world.goal}",
        f"/committees/goals/{world.goal}/edit",
        "/committees/proposals/",
        "/meetings/",
        "/timeline/",
    ]
    for committee in committees.values():
        urls += [
            f"/members/?committee={committee.id}",
            f"/committees/{committee.id}",
            f"/committees/goals/new?committee={committee.id}",
        ]
    for proposal in world.proposals.values():
        urls.append(f"/committees/proposals/{proposal.id}")
    for name, meeting in meetings.items():
        base = f"/meetings/{meeting.id}"
        key = world.keys[name]
        urls += [
            base,
            f"{base}/invitations",
            f"{base}/answers",
            f"{base}/answers.csv",
            f"{base}/dates/{key}/record",
            f"{base}/dates/{key}/attendance",
        ]
    return urls


def _check_no_page_or_export_names_hana_or_quinn_to_others(client, world, role):
    seen = {}
    for url in _all_pages(world):
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        seen[url] = _text(response)
    if role != "anonymous":
        for committee_id in (None, *(c.id for c in world.committees.values())):
            for file_format in ("csv", "xlsx"):
                names = _export(client, committee_id, file_format)
                seen[f"export {committee_id} {file_format}"] = "\n".join(names)
    for name, allowed in ((HIDDEN, SEES_HANA), ("Quiet Quinn", SEES_QUINN)):
        if role not in allowed:
            assert [url for url, text in seen.items() if name in text] == [], name


def _check_the_directory_filter_by_committee(client, world, role):
    advisory, housing = world.committees["advisory"], world.committees["housing"]
    unfiltered, page = _directory(client)
    filtered, _page = _directory(client, f"?committee={advisory.id}")
    if role in SEES_ADVISORY_ROSTER:
        assert ADVISORY in page  # offered as a filter
        assert filtered == {"Ada Advisorychair", "Listed Lou", HIDDEN}
    else:
        # Not offered, and asking for it anyway filters nothing: no one is shown as on it.
        assert ADVISORY not in page
        assert filtered == unfiltered and HIDDEN not in filtered
        assert {"Listed Lou", "Mel Member"} <= filtered
    on_housing, _page = _directory(client, f"?committee={housing.id}")
    expected = {"Chad Housingchair"} | ({"Quiet Quinn"} if role in SEES_QUINN else set())
    assert on_housing == expected


def _check_the_export_with_a_committee_filter(client, world, role):
    advisory = world.committees["advisory"]
    for file_format in ("csv", "xlsx"):
        exported = _export(client, advisory.id, file_format)
        if role in SEES_ADVISORY_ROSTER:
            assert exported == {"Ada Advisorychair", "Listed Lou", HIDDEN}, file_format
        else:
            assert exported == _export(client, None, file_format), file_format
            assert HIDDEN not in exported and "Mel Member" in exported, file_format


def _check_the_export_is_refused_to_anonymous_visitors(client, world):
    committee = str(world.committees["advisory"].id)
    response = client.post_form("/members/export", {"file_format": "csv", "committee": committee})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_filters_exports_and_every_page_name_only_whom_the_role_may_see(client, world, role):
    """The directory and its committee filter, the export with that filter (CSV and .xlsx),
    and a sweep of every page and export that names people."""
    world.login(client, role)
    _check_no_page_or_export_names_hana_or_quinn_to_others(client, world, role)
    if role == "anonymous":
        _check_the_export_is_refused_to_anonymous_visitors(client, world)
        return
    _check_the_directory_filter_by_committee(client, world, role)
    _check_the_export_with_a_committee_filter(client, world, role)


@pytest.mark.parametrize("role", ROLES)
def test_pick_lists_and_organizer_pages_name_only_whom_the_role_may_see(client, world, role):
    """The invitation page and its checklists, answers and their CSV, attendance, the record
    and its owner pick list, the goal owner pick list, committee rosters and an
    organization's committees."""
    world.login(client, role)
    _check_the_invitation_page(client, world, role)
    _check_answers_attendance_and_the_record(client, world, role)
    _check_the_action_item_owner_pick_list(client, world, role)
    if role != "anonymous":
        _check_the_goal_owner_pick_list(client, world, role)
        _check_committee_rosters_and_an_organizations_committees(client, world, role)


def _checked_values(page, field):
    return {int(v) for v in re.findall(rf'name="{field}" type="checkbox" value="(\d+)"', page)}


def _check_the_invitation_page(client, world, role):
    people, committees = world.people, world.committees
    for name, meeting in world.meetings.items():
        response = client.get(f"/meetings/{meeting.id}/invitations")
        if name not in ORGANIZES.get(role, ()):
            assert response.status_code in (302, 403)
            continue
        page = _text(response)
        offered = _checked_values(page, "people")
        assert (people["hana"].id in offered) == (role in SEES_HANA)
        assert (people["quinn"].id in offered) == (role in SEES_QUINN)
        assert people["member"].id in offered  # in the directory
        rosters = _checked_values(page, "committees")
        assert (committees["advisory"].id in rosters) == (role in SEES_ADVISORY_ROSTER)
        assert committees["housing"].id in rosters  # open to join requests
        # Hana is invited to both meetings: counted, named only to whom may see her.
        assert (HIDDEN in page) == (role in SEES_HANA)
        assert (UNNAMED in page) == (role not in SEES_HANA)


def _invitee_keys(app, meeting):
    with app.app_context():
        return set(
            db.session.scalars(
                db.select(MeetingInvitation.invitee_key).filter_by(meeting_id=meeting.id)
            )
        )


def test_a_chair_cannot_invite_a_roster_or_a_person_off_their_pick_lists(
    app, client, world, create_meeting
):
    """Posting the advisory committee or Hana anyway invites no one and says why."""
    client.login(world.people["other_chair"])
    meeting = create_meeting(committee_id=world.committees["housing"].id)
    url = f"/meetings/{meeting.id}/invitations"
    advisory, hana = world.committees["advisory"], world.people["hana"]
    for field, target in (("committees", advisory.id), ("people", hana.id)):
        response = client.post_form(url, {field: str(target)}, token_page=url)
        assert response.status_code == 200, field
        page = _text(response)
        assert "not a valid choice" in page and HIDDEN not in page, field
        assert _invitee_keys(app, meeting) == set(), field


def _check_answers_attendance_and_the_record(client, world, role):
    for name, meeting in world.meetings.items():
        base = f"/meetings/{meeting.id}"
        key = world.keys[name]
        organizer = name in ORGANIZES.get(role, ())
        for url in (
            f"{base}/answers",
            f"{base}/answers.csv",
            f"{base}/dates/{key}/attendance",
            f"{base}/dates/{key}/record",
        ):
            response = client.get(url)
            if not organizer:  # no names of invitees; Hana's own committee sees her as an owner
                shown = response.status_code == 200 and HIDDEN in _text(response)
                assert not shown or role in SEES_HANA, url
                continue
            assert response.status_code == 200, url
            text = _text(response)
            assert (HIDDEN in text) == (role in SEES_HANA), url
            assert (UNNAMED in text) == (role not in SEES_HANA), url


def _check_the_action_item_owner_pick_list(client, world, role):
    people = world.people
    for name, meeting in world.meetings.items():
        key = world.keys[name]
        page = _text(client.get(f"/meetings/{meeting.id}/dates/{key}/record"))
        if name not in ORGANIZES.get(role, ()):
            assert 'name="action-owner_id"' not in page  # no pick list but the organizers'
            continue
        owners = {int(v) for v in re.findall(r'<option value="(\d+)"', page)}
        assert (people["hana"].id in owners) == (role in SEES_HANA)
        assert (people["quinn"].id in owners) == (role in SEES_QUINN)
        assert people["member"].id in owners


def test_an_action_item_for_someone_off_the_pick_list_is_refused(app, client, world):
    client.login(world.people["other_chair"])
    meeting, key = world.meetings["housing"], world.keys["housing"]
    url = f"/meetings/{meeting.id}/dates/{key}/record"
    response = client.post_form(
        f"/meetings/{meeting.id}/dates/{key}/actions",
        {"action-text": "Book the hall", "action-owner_id": str(world.people["hana"].id)},
        token_page=url,
    )
    assert response.status_code == 400
    assert "Choose who will do it." in _text(response) and HIDDEN not in _text(response)
    with app.app_context():
        assert db.session.scalar(db.select(ActionItem).filter_by(text="Book the hall")) is None


def _check_the_goal_owner_pick_list(client, world, role):
    people = world.people
    for name, committee in world.committees.items():
        response = client.get(f"/committees/goals/new?committee={committee.id}")
        if name not in ORGANIZES.get(role, ()):
            assert response.status_code == 403
            continue
        owners = {int(v) for v in re.findall(r'<option value="(\d+)"', _text(response))}
        assert (people["hana"].id in owners) == (role in SEES_HANA)
        assert (people["quinn"].id in owners) == (role in SEES_QUINN)


def test_a_chair_edits_a_goal_whose_owner_they_may_not_see_without_learning_or_losing_it(
    app, client, world
):
    client.login(world.people["other_chair"])
    url = f"/committees/goals/{world.goal}/edit"
    page = _text(client.get(url))
    assert HIDDEN not in page and UNNAMED in page
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    hana = str(world.people["hana"].id)
    response = client.post_form(
        url, {"title": "House 50 people", "owner_id": hana, "version": version}, token_page=url
    )
    assert response.status_code == 302
    with app.app_context():
        goal = db.session.get(Goal, world.goal)
        assert (goal.title, goal.owner_id) == ("House 50 people", world.people["hana"].id)


def test_a_goal_owner_off_the_pick_list_is_refused(app, client, world):
    client.login(world.people["other_chair"])
    housing = world.committees["housing"]
    url = f"/committees/goals/new?committee={housing.id}"
    response = client.post_form(
        url, {"title": "Find a venue", "owner_id": str(world.people["hana"].id)}, token_page=url
    )
    assert response.status_code == 200
    assert "Choose the owner from the list." in _text(response)
    with app.app_context():
        assert db.session.scalar(db.select(Goal).filter_by(title="Find a venue")) is None


def _check_committee_rosters_and_an_organizations_committees(client, world, role):
    advisory, housing = world.committees["advisory"], world.committees["housing"]
    roster = client.get(f"/committees/{advisory.id}")
    if role in SEES_ADVISORY_ROSTER:
        assert {HIDDEN, "Listed Lou", "Ada Advisorychair"} <= set(
            re.findall(r'<a href="/members/people/\d+">([^<]+)</a>', _text(roster))
        )
    else:
        assert roster.status_code == 403 or "Listed Lou" not in _text(roster)
    housing_page = _text(client.get(f"/committees/{housing.id}"))
    assert "Chad Housingchair" in housing_page
    assert ("Quiet Quinn" in housing_page) == (role in SEES_QUINN)
    assert UNNAMED not in housing_page  # left out, not shown as a blank with an organization
    organization = _text(client.get(f"/members/organizations/{world.harbor.id}"))
    assert (ADVISORY in organization) == (role in SEES_ADVISORY_ROSTER)
