"""versions for committees, sectors and feedback

Committees, sectors and feedback notes get a version counter (optimistic locking, SQLAlchemy's
version_id_col): an edit form carries the version it was based on, so a second editor's
stale save is refused instead of silently overwriting the first. Existing rows start at 1.

The upgrade adds the columns with ALTER TABLE on both databases (SQLite adds a column with
a constant default without rebuilding the table). The downgrade drops them with ALTER TABLE
too, never by rebuilding: rebuilding committee on SQLite with foreign keys on would cascade
its deletion into memberships, goals and proposals (see the README on rebuilding `meeting`).
SQLite drops a column in place from 3.35.

Revision ID: 3c9e5a1f7d42
Revises: b02a8211f835
Create Date: 2026-11-29 12:40:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "3c9e5a1f7d42"
down_revision = "b02a8211f835"
branch_labels = None
depends_on = None

TABLES = ("committee", "sector", "feedback")


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.drop_column("version")
