"""Time the organizer's pages of one meeting with 500 invitees (answers, record, attendance).

    .venv/bin/python bench/organizer_view.py [--database-url URL] [--invitees 500]

Builds a fresh database (SQLite in a temporary folder by default) with a meeting held
yesterday, half of its invitees organizations (each with a delegate) and half people, every
one with an answer and attendance, then fetches each page as a coordinator and reports the
median of several runs, with the number of SQL statements each page sent.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate  # noqa: E402
from sqlalchemy import event  # noqa: E402

from coalition import create_app  # noqa: E402
from coalition.core.config import TestConfig  # noqa: E402
from coalition.core.extensions import db  # noqa: E402


def build(app, invitees):
    """The meeting, its invitees with answers and attendance; returns (coordinator, urls)."""
    from coalition.auth.passwords import hash_password
    from coalition.meetings.models import MeetingInvitation
    from coalition.meetings.occurrences import occurrence_key
    from coalition.meetings.record.models import Attendance
    from coalition.meetings.rsvp.models import Rsvp
    from coalition.meetings.series.services import MeetingDetails, schedule_meeting
    from coalition.members.organizations.models import Affiliation, Organization
    from coalition.members.people.models import Person

    with app.app_context():
        flask_migrate.upgrade()
        coordinator = Person(
            name="Bench Coordinator",
            email="c@example.org",
            role="coordinator",
            password_hash=hash_password("bench-lantern-orchard"),
        )
        db.session.add(coordinator)
        meeting = schedule_meeting(
            MeetingDetails(
                title="Quarterly meeting",
                day=date.today() - timedelta(days=1),
                start_time=clock(17, 0),
                end_time=clock(19, 0),
                timezone="America/Chicago",
                location="Library",
                capacity=invitees * 2,
            ),
            coordinator,
        )
        start = meeting.start_at
        for number in range(invitees // 2):
            person = Person(name=f"Person {number}", email=f"p{number}@example.org")
            organization = Organization(name=f"Organization {number}", status="active")
            db.session.add_all([person, organization])
            db.session.flush()
            db.session.add(
                Affiliation(person_id=person.id, organization_id=organization.id, role="primary")
            )
            for key, field, value in (
                (f"person:{person.id}", "person_id", person.id),
                (f"organization:{organization.id}", "organization_id", organization.id),
            ):
                invitation = MeetingInvitation(
                    meeting_id=meeting.id, invitee_key=key, **{field: value}
                )
                db.session.add(invitation)
                db.session.flush()
                db.session.add(
                    Rsvp(
                        meeting_id=meeting.id,
                        invitation_id=invitation.id,
                        respondent_key=key,
                        occurrence_start=start,
                        answer=("yes", "maybe", "no")[number % 3],
                        headcount=2,
                        needs="Spanish interpretation" if number % 5 == 0 else "",
                    )
                )
                db.session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        occurrence_start=start,
                        attendee_key=key,
                        present=number % 4 != 0,
                        headcount=1,
                        **{field: value},
                    )
                )
        db.session.commit()
        base = f"/meetings/{meeting.id}"
        key = occurrence_key(start)
        urls = {
            "answers": f"{base}/answers?date={key}",
            "answers.csv": f"{base}/answers.csv?date={key}",
            "record": f"{base}/dates/{key}/record",
            "attendance": f"{base}/dates/{key}/attendance",
        }
        return coordinator.get_id(), urls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--invitees", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    app = create_app(config)
    started = time.perf_counter()
    user_id, urls = build(app, args.invitees)
    print(f"built {args.invitees} invitees in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    with client.session_transaction() as session:
        session["_user_id"] = user_id
        session["_fresh"] = True
    statements = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(1))
    for name, url in urls.items():
        timings = []
        for _ in range(args.runs):
            statements.clear()
            begin = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - begin)
            assert response.status_code == 200, (url, response.status_code)
        print(
            f"{name:12} median {statistics.median(timings) * 1000:5.0f} ms over {args.runs} "
            f"runs, {len(statements)} SQL statements, {len(response.data) / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
