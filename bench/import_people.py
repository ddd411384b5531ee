"""How long importing 10,000 people takes, phase by phase, on a fresh database.

    .venv/bin/python bench/import_people.py                      # a temporary SQLite file
    .venv/bin/python bench/import_people.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/bench

The PostgreSQL database is emptied first: never point this at real data. The phases are
the ones a coordinator goes through (upload, check every row, import), each committed as
the web request would, through the same services the pages call.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import flask_migrate  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from coalition import create_app  # noqa: E402
from coalition.core.config import TestConfig  # noqa: E402
from coalition.core.extensions import db  # noqa: E402


def spreadsheet(rows):
    """A contacts file like a coalition's: names, emails, phones, organizations, languages."""
    lines = ["Name,Email,Phone,Organization,Role,Languages,Directory"]
    for n in range(rows):
        lines.append(
            f"Person {n:05d},person{n:05d}@example.org,555-{n % 10000:04d},"
            f'Bench Reentry Collaborative,staff,"English, Spanish",{"yes" if n % 3 else "no"}'
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def fresh_app(database_url):
    if database_url.startswith("postgresql"):
        engine = create_engine(database_url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = database_url
    app = create_app(config)
    with app.app_context():
        flask_migrate.upgrade()
    return app


def timed(label, results, action):
    started = time.perf_counter()
    value = action()
    db.session.commit()
    results[label] = time.perf_counter() - started
    return value


def run(database_url, rows):
    from coalition.members.imports.services import run_import, save_mapping, start_import
    from coalition.members.organizations.models import Organization
    from coalition.members.people.models import Person

    app = fresh_app(database_url)
    data = spreadsheet(rows)
    results = {}
    with app.app_context():
        actor = Person(name="Bench Coordinator", email="bench@example.org", role="coordinator")
        db.session.add_all([actor, Organization(name="Bench Reentry Collaborative")])
        db.session.commit()
        batch = timed(
            "upload (read the file, store its rows)",
            results,
            lambda: start_import("people", "people.csv", data, actor),
        )
        mapping = [
            "name",
            "email",
            "phone",
            "organization",
            "organization_role",
            "languages",
            "directory_consent",
        ]
        timed(
            "map columns and check every row",
            results,
            lambda: save_mapping(batch, {str(i): name for i, name in enumerate(mapping)}),
        )
        imported = timed("import every row", results, lambda: run_import(batch, False, actor))
        again = start_import("people", "people.csv", data, actor)
        save_mapping(again, {str(i): name for i, name in enumerate(mapping)})
        db.session.commit()
        timed(
            "the same file again, updating everyone",
            results,
            lambda: run_import(again, True, actor),
        )
        people = db.session.scalar(db.select(db.func.count(Person.id)))
        db.engine.dispose()
    assert imported and people == rows + 1, (imported, people)
    return data, results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database_url or f"sqlite:///{folder}/bench.db"
        data, results = run(url, args.rows)
    database = url.split(":", 1)[0].split("+", 1)[0]
    print(f"Importing {args.rows:,} people ({len(data) / 1024:.0f} KB of CSV) on {database}:")
    labels = list(results)
    total = sum(results[label] for label in labels[:3])
    for label in labels[:3]:
        print(f"  {label:<40} {results[label]:6.2f} s")
    print(f"  {'total, new people':<40} {total:6.2f} s")
    print(f"  {labels[3]:<40} {results[labels[3]]:6.2f} s")


if __name__ == "__main__":
    main()
