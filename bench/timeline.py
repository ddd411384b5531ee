"""Time the timeline's page, feed, CSV, report and its PDF, and the home page, with 10,000
entries.

    .venv/bin/python bench/timeline.py [--database-url URL] [--entries 10000] [--runs 3]

Builds a fresh database (SQLite in a temporary folder by default) with goals (one in a
closed committee, so the reader's visibility is worked out), a credited organization and
the entries spread over two years: written ones with texts and links, automatic ones. A
member then asks for each page as a browser (or a feed reader) does; the median of the
runs is reported. The report covers the last year, so it holds about half the entries; its
PDF covers the last two weeks (a year's, or a month's, would pass the PDF's limit).
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate  # noqa: E402

from coalition import create_app  # noqa: E402
from coalition.core.config import TestConfig  # noqa: E402
from coalition.core.extensions import db  # noqa: E402

KINDS = ("win", "loss", "milestone", "setback")


def _entry(number, goals, organization_id):
    from coalition.revisions.models import RevisionedText
    from coalition.timeline.models import TEXT_KIND, TimelineEntry, TimelineLink

    day = date.today() - timedelta(days=number % 730)
    goal = goals[number % len(goals)]
    entry = TimelineEntry(kind=KINDS[number % 4], occurred_on=day)
    if number % 5 == 0:
        entry.source_type, entry.source_id, entry.event = "goal", goal.id, f"achieved-{number}"
        return entry
    entry.title = f"Entry {number}: the council's vote on the pilot"
    entry.happened = RevisionedText(
        kind=TEXT_KIND, current_number=1, text="The council voted **5-4**. " * 4
    )
    if entry.kind in ("loss", "setback"):
        entry.lessons = RevisionedText(
            kind=TEXT_KIND, current_number=1, text="Meet the swing votes early."
        )
    entry.links = [
        TimelineLink(source_type="goal", source_id=goal.id),
        TimelineLink(source_type="organization", source_id=organization_id),
    ]
    return entry


def build(app, count):
    from coalition.auth.services import set_password
    from coalition.auth.sessions import new_login_identity
    from coalition.committees.goals.models import Goal
    from coalition.committees.models import Committee
    from coalition.members.organizations.models import Organization
    from coalition.members.people.models import Person
    from coalition.timeline import feeds

    with app.app_context(), app.test_request_context():
        flask_migrate.upgrade()
        person = Person(name="Bench Member", email="bench@example.org", directory_consent=True)
        closed = Committee(name="Closed", kind="working", open_to_requests=False)
        goals = [Goal(title=f"Goal {n}", status="active") for n in range(8)]
        goals.append(Goal(title="Closed goal", status="active", committee=closed))
        organization = Organization(name="Credited Organization")
        set_password(person, "bench-lantern-harbor-river")  # an account: it logs in
        db.session.add_all([person, closed, organization, *goals])
        db.session.flush()
        db.session.add_all(_entry(n, goals, organization.id) for n in range(count))
        identity = new_login_identity(person)
        feed = urlsplit(feeds.feed_url(person)).path
        db.session.commit()
        return identity, feed


def _time(client, path, runs):
    timings, size = [], 0
    for _ in range(runs):
        begin = time.perf_counter()
        response = client.get(path)
        timings.append(time.perf_counter() - begin)
        assert response.status_code == 200, (path, response.status_code)
        size = len(response.data)
    return statistics.median(timings), size


def main():
    from coalition.auth.sessions import IDENTITY_KEY

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = args.database_url or f"sqlite:///{folder}/bench.db"
    app = create_app(config)
    started = time.perf_counter()
    identity, feed = build(app, args.entries)
    print(f"built {args.entries} entries in {time.perf_counter() - started:.1f} s")
    year_ago = (date.today() - timedelta(days=365)).isoformat()
    period = f"start={year_ago}&end={date.today().isoformat()}"
    month_ago = (date.today() - timedelta(days=14)).isoformat()
    month = f"start={month_ago}&end={date.today().isoformat()}"
    pages = [
        ("home page (its wins and losses card)", "/"),
        ("timeline page", "/timeline/"),
        ("timeline page, losses of the last year", f"/timeline/?kind=loss&{period}"),
        ("Atom feed (50 newest)", feed),
        ("CSV of every entry", "/timeline/entries.csv"),
        ("report, last year", f"/timeline/report?{period}"),
        ("report PDF, last two weeks", f"/timeline/report.pdf?{month}"),
    ]
    client = app.test_client()
    with client.session_transaction() as session:
        session.update({IDENTITY_KEY: identity, "_fresh": True})
    for name, path in pages:
        runs = 1 if path.startswith("/timeline/report.pdf") else args.runs
        median, size = _time(client, path, runs)
        print(f"{name}: {size / 1024:.0f} KiB, median {median * 1000:.0f} ms over {runs} runs")


if __name__ == "__main__":
    main()
