"""rsvp links per recipient

Each emailed RSVP link now records who it was sent to (rsvp_link: a person, or none for an
organization's contact address), and is checked against that recipient whenever it is used:
a deactivated person's links, or a former delegate's, stop working; the others' do not.

Links minted before this revision were shared by every recipient of an invitation. A
person's invitation had one recipient, the person, so those links are recorded as theirs.
An organization's went to all its delegates of the time (or its contact address) and
cannot be told apart, so they are revoked: the dead-link page offers a new link by email.

Revision ID: 11b9c9615f7e
Revises: c184ba9c6b82
Create Date: 2026-11-29 08:35:53.490570

"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "11b9c9615f7e"
down_revision = "c184ba9c6b82"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "rsvp_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("invitation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["meeting_invitation.id"],
            name=op.f("fk_rsvp_link_invitation_id_meeting_invitation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_rsvp_link_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["token_id"],
            ["email_token.id"],
            name=op.f("fk_rsvp_link_token_id_email_token"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rsvp_link")),
        sa.UniqueConstraint("token_id", name=op.f("uq_rsvp_link_token_id")),
    )
    with op.batch_alter_table("rsvp_link", schema=None) as batch_op:
        batch_op.create_index(
            "ix_rsvp_link_recipient", ["invitation_id", "person_id"], unique=False
        )

    _attribute_existing_links()


def _attribute_existing_links():
    token = sa.table(
        "email_token",
        sa.column("id", sa.Integer()),
        sa.column("purpose", sa.String()),
        sa.column("object_type", sa.String()),
        sa.column("object_id", sa.Integer()),
        sa.column("revoked_at", sa.DateTime(timezone=True)),
    )
    invitation = sa.table(
        "meeting_invitation", sa.column("id", sa.Integer()), sa.column("person_id", sa.Integer())
    )
    link = sa.table(
        "rsvp_link",
        sa.column("token_id", sa.Integer()),
        sa.column("invitation_id", sa.Integer()),
        sa.column("person_id", sa.Integer()),
    )
    rsvp_links = sa.and_(
        token.c.purpose == "meeting_invitation", token.c.object_type == "meeting_invitation"
    )
    op.execute(
        link.insert().from_select(
            ["token_id", "invitation_id", "person_id"],
            sa.select(token.c.id, invitation.c.id, invitation.c.person_id)
            .select_from(token.join(invitation, invitation.c.id == token.c.object_id))
            .where(rsvp_links, invitation.c.person_id.is_not(None)),
        )
    )
    op.execute(
        token.update()
        .where(
            rsvp_links,
            token.c.revoked_at.is_(None),
            token.c.object_id.in_(
                sa.select(invitation.c.id).where(invitation.c.person_id.is_(None))
            ),
        )
        .values(revoked_at=datetime.now(UTC))
    )


def downgrade():
    with op.batch_alter_table("rsvp_link", schema=None) as batch_op:
        batch_op.drop_index("ix_rsvp_link_recipient")

    op.drop_table("rsvp_link")
