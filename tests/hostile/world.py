"""A coalition whose every user-writable field holds a hostile payload, built as users do.

Coordinators, a member and invitees fill the forms (POSTs through the test client, so each
value passes the validation a real user meets); only what cron does (closing proposals,
reminders, digests), a timeline entry a feature writes and the first coordinator
(the CLI's job) go through services. Every page answered along the way, forms with errors
and merge views included, is inspected too.
"""

import re
from datetime import UTC, date, datetime, timedelta

from coalition.core.extensions import db
from tests.hostile import committees, meetings, messaging, people, timeline
from tests.hostile.browsing import Visitor, World, in_app, link_in_emails
from tests.hostile.markup import hostile


def build_world(app):
    world = World(app)
    people.people(world)
    people.organizations(world)
    people.imports(world)
    committees.committees(world)
    committees.goals_and_guidelines(world)
    committees.proposals(world)
    committees.feedback(world)
    messaging.drafts(world)
    timeline.entries(world)
    timeline.follow_up(world)
    meetings.meetings(world)
    meetings.answers(world)
    meetings.record(world)
    _account_links(world)
    _cron(world)
    return world


def _account_links(world):
    """A password reset asked for and not used; the feed and unsubscribe links."""
    Visitor(world).post("/forgot-password", {"email": "member2@example.org"}, expect=200)
    world["reset_token"] = link_in_emails(
        world, "/reset-password/", to_address="member2@example.org"
    )
    page = world.visitors["coordinator"].get("/account/calendar").text
    person_id, feed, signature = re.findall(r"/feeds/(\d+)/(coalition)/([0-9a-f]+)\.ics", page)[0]
    world["feed"] = {"person_id": int(person_id), "feed": feed, "signature": signature}
    world["unsubscribe_token"] = in_app(world, _unsubscribe_token)


def _unsubscribe_token():
    from coalition.outbox.models import OutboxEmail

    for headers in db.session.scalars(db.select(OutboxEmail.headers)):
        found = re.findall(
            r"/unsubscribe/([^/>]+)/one-click", (headers or {}).get("List-Unsubscribe", "")
        )
        if found:
            return found[0]
    raise AssertionError("no email carries an unsubscribe link")


def _cron(world):
    """What cron runs: proposal reminders and closing, meeting reminders, follow-ups due,
    the digest."""
    from coalition.committees.proposals import closing as proposals
    from coalition.meetings.occurrences import parse_occurrence_key
    from coalition.meetings.rsvp import reminders
    from coalition.members.organizations.follow_ups import send_follow_up_reminders
    from coalition.outbox.digest import send_digests
    from coalition.timeline.services import record_entry

    now = datetime.now(UTC)
    in_app(world, lambda: proposals.send_reminders(now))
    in_app(world, lambda: proposals.close_due(now + timedelta(hours=3)))
    first = parse_occurrence_key(world["meeting_key"])
    in_app(world, lambda: reminders.send_reminders(first - timedelta(hours=2)))
    in_app(
        world,
        lambda: record_entry(
            "win",
            hostile("timeline_title"),
            date.today(),
            body=hostile("timeline_body"),
            lessons=hostile("timeline_lessons"),
        ),
    )
    in_app(world, lambda: send_follow_up_reminders(date.today()))
    in_app(world, lambda: send_digests(now))
