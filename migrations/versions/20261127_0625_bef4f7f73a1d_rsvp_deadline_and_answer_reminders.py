"""rsvp deadline and answer reminders

A meeting may close answers some hours before each date (meeting.rsvp_closes_hours_before),
and organizers may remind those who have not answered a date, at most once a day (rsvp_nudge:
the unique key is what makes two coordinators clicking at once send once).

Revision ID: bef4f7f73a1d
Revises: d72af695e794
Create Date: 2026-11-27 06:25:46.683254

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "bef4f7f73a1d"
down_revision = "d72af695e794"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rsvp_nudge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("occurrence_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_by_id", sa.Integer(), nullable=True),
        sa.Column("sent_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_rsvp_nudge_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sent_by_id"],
            ["person.id"],
            name=op.f("fk_rsvp_nudge_sent_by_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rsvp_nudge")),
        sa.UniqueConstraint(
            "meeting_id",
            "occurrence_start",
            "sent_on",
            name=op.f("uq_rsvp_nudge_meeting_id_occurrence_start_sent_on"),
        ),
    )
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rsvp_closes_hours_before", sa.Integer(), nullable=True))
    # SQLite cannot add a CHECK to an existing table without rebuilding it, and rebuilding
    # "meeting" with foreign keys on would cascade its deletion into answers and invitations:
    # there the form and the service keep the range (0 to 720 hours).
    if op.get_bind().dialect.name != "sqlite":
        op.create_check_constraint(
            op.f("ck_meeting_rsvp_closes"),
            "meeting",
            "rsvp_closes_hours_before BETWEEN 0 AND 720",
        )


def downgrade():
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint(op.f("ck_meeting_rsvp_closes"), "meeting", type_="check")
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("rsvp_closes_hours_before")
    op.drop_table("rsvp_nudge")
