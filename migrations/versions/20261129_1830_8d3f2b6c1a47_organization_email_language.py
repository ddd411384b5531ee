"""the language of email to an organization's contact address

organization.language is the interface language (en, es...) its contact address is written
to, and the pages behind those emails' links open in; NULL keeps the coalition's default,
so existing organizations read what they read before (issue 18).

Added with ALTER TABLE, never by rebuilding the table: rebuilding organization on SQLite with
foreign keys on would cascade its deletion to affiliations and sectors (see 3c9e5a1f7d42).
The downgrade drops the column.

Revision ID: 8d3f2b6c1a47
Revises: 41619066b757
Create Date: 2026-11-29 18:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "8d3f2b6c1a47"
down_revision = "41619066b757"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("organization", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("language", sa.String(length=10), nullable=True))


def downgrade():
    with op.batch_alter_table("organization", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("language")
