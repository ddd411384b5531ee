"""The schema is built only by migrations, and they match the models exactly."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from coalition.extensions import db


def test_upgrade_from_empty_matches_the_models(app):
    # The session's database was created empty and upgraded with `flask db upgrade`.
    with app.app_context(), db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_every_migration_file_name_starts_with_its_date():
    from pathlib import Path

    versions = Path(__file__).resolve().parent.parent / "migrations" / "versions"
    names = [path.name for path in versions.glob("*.py")]
    assert names
    assert all(name[:8].isdigit() and name[8] == "_" for name in names)
