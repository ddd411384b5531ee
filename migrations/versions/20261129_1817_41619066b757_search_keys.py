"""search keys beside searched names and titles

person.name_search, organization.name_search and draft.title_search hold
core.matching.search_key of the text beside them (case folded, accents dropped), so a search
typed "jose" finds "José" and "ámbito" finds "Ámbito" on SQLite and PostgreSQL alike, with
no database extension (unaccent needs rights a host may not give). The lists sort by them
too, so "Ámbito" sorts among the a's on both databases; hence the indexes.

The columns are added with ALTER TABLE and a constant default, never by rebuilding the
tables (rebuilding person on SQLite with foreign keys on would cascade its deletion, see
3c9e5a1f7d42); the default stays, as there, and the models fill the key on every write.
Existing rows get their keys computed in Python, a batch at a time, by the function the app
uses. The downgrade drops the indexes and columns.

Revision ID: 41619066b757
Revises: 97bf1aa4fdd8
Create Date: 2026-11-29 18:17:00

"""

import sqlalchemy as sa
from alembic import op

from coalition.core.matching import search_key

# revision identifiers, used by Alembic.
revision = "41619066b757"
down_revision = "97bf1aa4fdd8"
branch_labels = None
depends_on = None

# (table, text column, key column)
KEYS = (
    ("person", "name", "name_search"),
    ("organization", "name", "name_search"),
    ("draft", "title", "title_search"),
)
BATCH = 1000


def upgrade():
    for table, source, key in KEYS:
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.add_column(sa.Column(key, sa.Text(), nullable=False, server_default=""))
        _fill(table, source, key)
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_{key}"), [key], unique=False)


def _fill(table, source, key):
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column(source), sa.column(key))
    update = (
        sa.update(rows)
        .where(rows.c.id == sa.bindparam("row_id"))
        .values({key: sa.bindparam("row_key")})
    )
    bind, last_id = op.get_bind(), 0
    while True:
        batch = bind.execute(
            sa.select(rows.c.id, rows.c[source])
            .where(rows.c.id > last_id)
            .order_by(rows.c.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return
        bind.execute(update, [{"row_id": i, "row_key": search_key(text)} for i, text in batch])
        last_id = batch[-1][0]


def downgrade():
    for table, _source, key in reversed(KEYS):
        with op.batch_alter_table(table, schema=None, recreate="never") as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_{key}"))
            batch_op.drop_column(key)
