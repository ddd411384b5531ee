"""Time the "my meetings" calendar feed with 1,000 meetings (series and single ones).

    .venv/bin/python bench/feed.py [--database-url URL] [--meetings 1000]

Builds a fresh database (SQLite in a temporary folder by default), schedules the meetings
through the services, invites one member to all of them, then fetches the feed the way a
calendar app does and reports the median of several runs.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate  # noqa: E402

from coalition import create_app  # noqa: E402
from coalition.core.config import TestConfig  # noqa: E402
from coalition.core.extensions import db  # noqa: E402


def build(app, count):
    from coalition.meetings.calendar.services import feed_url
    from coalition.meetings.occurrences import original_starts
    from coalition.meetings.recurrence import MONTHLY_BY_WEEKDAY, WEEKLY_FREQ, Recurrence
    from coalition.meetings.rsvp.meeting_invitations import invite
    from coalition.meetings.series.services import (
        MeetingDetails,
        cancel_occurrence,
        schedule_meeting,
    )
    from coalition.members.people.models import Person

    with app.app_context():
        flask_migrate.upgrade()
        person = Person(name="Bench Member", email="bench@example.org", directory_consent=True)
        db.session.add(person)
        db.session.flush()
        for number in range(count):
            series = number % 2 == 0
            recurrence = None
            if series:
                pattern = WEEKLY_FREQ if number % 4 == 0 else MONTHLY_BY_WEEKDAY
                recurrence = Recurrence(pattern, count=12)
            meeting = schedule_meeting(
                MeetingDetails(
                    title=f"Meeting {number}",
                    day=date.today() + timedelta(days=number % 200),
                    start_time=clock(18, 0),
                    end_time=clock(19, 0),
                    timezone="America/Chicago",
                    location="Library",
                    recurrence=recurrence,
                ),
                None,
            )
            if series and number % 10 == 0:
                cancel_occurrence(meeting, original_starts(meeting)[3], meeting.version)
            invite(meeting, None, people=[person])
        db.session.commit()
        url = feed_url(person, "mine")
        db.session.commit()
        return urlsplit(url).path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--meetings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = args.database_url or f"sqlite:///{folder}/bench.db"
    app = create_app(config)
    started = time.perf_counter()
    path = build(app, args.meetings)
    print(f"built {args.meetings} meetings in {time.perf_counter() - started:.1f} s")
    client = app.test_client()
    timings, size = [], 0
    for _ in range(args.runs):
        begin = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - begin)
        assert response.status_code == 200, response.status_code
        size = len(response.data)
    print(
        f"feed of {args.meetings} meetings: {size / 1024:.0f} KiB, median "
        f"{statistics.median(timings) * 1000:.0f} ms over {args.runs} runs "
        f"(min {min(timings) * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
