"""language terms

The terms the recovery-centered language check flags (issue 16), as rows coordinators edit:
variants, suggestions, the phrases it is flagged only in or never in, a note, a source.
The starting list shipped with the code (coalition/messaging/language/person_first_terms.tsv)
is loaded here, so a fresh install has it after `flask db upgrade`, as the sectors are.
Unlike the sectors' list it is read from the file rather than frozen in this migration: it is
about 50 rows of five columns, and the file is the one source both this step and the tests
read (each row keeps a stable key, so rows added to the file later can be added by key
without touching those a coordinator changed).

Revision ID: 7ea2361a9980
Revises: 5167a1076261
Create Date: 2026-11-29 14:08:00

"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

from coalition.messaging.language.starting_list import read_rows

# revision identifiers, used by Alembic.
revision = "7ea2361a9980"
down_revision = "5167a1076261"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "language_term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.Column("suggestions", sa.Text(), nullable=False),
        sa.Column("flag_only_in", sa.Text(), nullable=False),
        sa.Column("never_in", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("language IN ('en', 'es')", name=op.f("ck_language_term_language")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_language_term")),
        sa.UniqueConstraint("key", name=op.f("uq_language_term_key")),
    )
    _load_starting_list()


def _load_starting_list():
    columns = ("key", "language", "terms", "suggestions", "flag_only_in", "never_in")
    table = sa.table(
        "language_term",
        *(sa.column(name, sa.String) for name in (*columns, "note", "source")),
        sa.column("active", sa.Boolean),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
        sa.column("version", sa.Integer),
    )
    now = datetime.now(UTC)
    op.bulk_insert(
        table,
        [
            {**row, "active": True, "created_at": now, "updated_at": now, "version": 1}
            for row in read_rows()
        ],
    )


def downgrade():
    op.drop_table("language_term")
