"""timeline entries people write

Entries people write keep "what happened" and "what we learned" as revisioned text (every
edit kept), say what comes next, may carry a source link, link to goals, committees,
meetings, proposals and drafts and credit organizations (timeline_link), and can be hidden
by a coordinator with a reason. A version counter catches stale edits.

Automatic entries stop storing a sentence: their title is written when shown, in the
reader's language, from (source type, event). Existing automatic titles are dropped; a
proposal's "closed" event becomes its outcome (adopted, rejected, blocked, no_quorum), read
from the proposal, else from the entry's kind. Existing bodies and lessons become the first
revision of their texts, by the entry's author at the entry's time.

The downgrade writes the English titles back and moves the texts back into their columns.

Revision ID: c4e7a91d2b56
Revises: 7ea2361a9980
Create Date: 2026-11-29 14:30:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "c4e7a91d2b56"
down_revision = "7ea2361a9980"
branch_labels = None
depends_on = None

# The English sentences automatic entries stored before, for the downgrade.
OLD_TITLES = {
    ("goal", "achieved"): "Goal achieved: {}",
    ("goal", "dropped"): "Goal dropped: {}",
    ("proposal", "closed"): "Proposal {}: {}",
    ("minutes", "held"): "Meeting held: {}",
    ("organization", "active-1"): "{} became an active partner",
}
OUTCOME_WORDS = {
    "adopted": "adopted",
    "rejected": "not adopted",
    "blocked": "blocked",
    "no_quorum": "not decided: too few positions (no quorum)",
}

entry = sa.table(
    "timeline_entry",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("title", sa.String),
    sa.column("body", sa.Text),
    sa.column("lessons", sa.Text),
    sa.column("source_type", sa.String),
    sa.column("source_id", sa.Integer),
    sa.column("source_title", sa.String),
    sa.column("event", sa.String),
    sa.column("created_by_id", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("happened_text_id", sa.Integer),
    sa.column("lessons_text_id", sa.Integer),
    sa.column("version", sa.Integer),
)
revisioned = sa.table(
    "revisioned_text",
    sa.column("id", sa.Integer),
    sa.column("kind", sa.String),
    sa.column("current_number", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("version", sa.Integer),
)
revision_row = sa.table(
    "text_revision",
    sa.column("text_id", sa.Integer),
    sa.column("number", sa.Integer),
    sa.column("text", sa.Text),
    sa.column("summary", sa.String),
    sa.column("author_id", sa.Integer),
    sa.column("created_at", sa.DateTime(timezone=True)),
)
proposal = sa.table("proposal", sa.column("id", sa.Integer), sa.column("outcome", sa.String))


def upgrade():
    with op.batch_alter_table("timeline_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("happened_text_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("lessons_text_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("next_steps", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("source_url", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("hidden_by_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("hidden_reason", sa.String(length=500), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch_op.alter_column("title", existing_type=sa.String(length=300), nullable=True)
    _move_texts_to_revisions()
    _events_instead_of_sentences()
    with op.batch_alter_table("timeline_entry", schema=None) as batch_op:
        batch_op.drop_column("body")
        batch_op.drop_column("lessons")
        for name in ("next_steps", "source_url", "hidden_reason", "version"):
            batch_op.alter_column(name, server_default=None)
        batch_op.create_foreign_key(
            batch_op.f("fk_timeline_entry_happened_text_id_revisioned_text"),
            "revisioned_text",
            ["happened_text_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_timeline_entry_lessons_text_id_revisioned_text"),
            "revisioned_text",
            ["lessons_text_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_timeline_entry_hidden_by_id_person"),
            "person",
            ["hidden_by_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_check_constraint("title_or_event", "title IS NOT NULL OR event IS NOT NULL")
    _create_links()


def _create_links():
    op.create_table(
        "timeline_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("source_type", sa.String(length=40), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["timeline_entry.id"],
            name=op.f("fk_timeline_link_entry_id_timeline_entry"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timeline_link")),
        sa.UniqueConstraint(
            "entry_id",
            "source_type",
            "source_id",
            name=op.f("uq_timeline_link_entry_id_source_type_source_id"),
        ),
    )
    with op.batch_alter_table("timeline_link", schema=None) as batch_op:
        batch_op.create_index("ix_timeline_link_source", ["source_type", "source_id"])


def _move_texts_to_revisions():
    """Each non-empty body or lessons becomes revision 1 of its own text."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(
            entry.c.id, entry.c.body, entry.c.lessons, entry.c.created_by_id, entry.c.created_at
        ).where(entry.c.event.is_(None))
    ).all()
    for entry_id, body, lessons, author_id, created_at in rows:
        values = {}
        for column, text in (("happened_text_id", body), ("lessons_text_id", lessons)):
            if text and text.strip():
                values[column] = _new_text(bind, text.strip(), author_id, created_at)
        if values:
            bind.execute(entry.update().where(entry.c.id == entry_id).values(**values))


def _new_text(bind, text, author_id, created_at):
    text_id = bind.execute(
        revisioned.insert()
        .values(kind="timeline", current_number=1, text=text, created_at=created_at, version=1)
        .returning(revisioned.c.id)
    ).scalar_one()
    bind.execute(
        revision_row.insert().values(
            text_id=text_id,
            number=1,
            text=text,
            summary="",
            author_id=author_id,
            created_at=created_at,
        )
    )
    return text_id


def _events_instead_of_sentences():
    bind = op.get_bind()
    outcomes = dict(bind.execute(sa.select(proposal.c.id, proposal.c.outcome)).all())
    closed = bind.execute(
        sa.select(entry.c.id, entry.c.source_id, entry.c.kind).where(
            entry.c.source_type == "proposal", entry.c.event == "closed"
        )
    ).all()
    for entry_id, proposal_id, kind in closed:
        outcome = outcomes.get(proposal_id)
        if outcome not in OUTCOME_WORDS:
            outcome = "adopted" if kind == "milestone" else "rejected"
        bind.execute(entry.update().where(entry.c.id == entry_id).values(event=outcome))
    bind.execute(entry.update().where(entry.c.event.is_not(None)).values(title=None))


def downgrade():
    op.drop_table("timeline_link")
    with op.batch_alter_table("timeline_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("body", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("lessons", sa.Text(), nullable=False, server_default=""))
    _texts_back()
    _sentences_back()
    with op.batch_alter_table("timeline_entry", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_timeline_entry_title_or_event"), type_="check")
        batch_op.drop_constraint(
            batch_op.f("fk_timeline_entry_hidden_by_id_person"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_timeline_entry_lessons_text_id_revisioned_text"), type_="foreignkey"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_timeline_entry_happened_text_id_revisioned_text"), type_="foreignkey"
        )
        for name in (
            "version",
            "hidden_reason",
            "hidden_by_id",
            "hidden_at",
            "source_url",
            "next_steps",
            "lessons_text_id",
            "happened_text_id",
        ):
            batch_op.drop_column(name)
        batch_op.alter_column("title", existing_type=sa.String(length=300), nullable=False)
        batch_op.alter_column("body", server_default=None)
        batch_op.alter_column("lessons", server_default=None)


def _texts_back():
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(entry.c.id, entry.c.happened_text_id, entry.c.lessons_text_id)
    ).all()
    texts = dict(bind.execute(sa.select(revisioned.c.id, revisioned.c.text)).all())
    for entry_id, happened_id, lessons_id in rows:
        bind.execute(
            entry.update()
            .where(entry.c.id == entry_id)
            .values(body=texts.get(happened_id, ""), lessons=texts.get(lessons_id, ""))
        )
    # The revisions were the texts' only home: they go with the columns that held them.
    owned = [i for row in rows for i in row[1:] if i is not None]
    if owned:
        bind.execute(revision_row.delete().where(revision_row.c.text_id.in_(owned)))
        bind.execute(revisioned.delete().where(revisioned.c.id.in_(owned)))


def _sentences_back():
    bind = op.get_bind()
    rows = bind.execute(
        sa.select(entry.c.id, entry.c.source_type, entry.c.source_title, entry.c.event).where(
            entry.c.event.is_not(None)
        )
    ).all()
    for entry_id, source_type, source_title, event in rows:
        name = source_title or ""
        if source_type == "proposal" and event in OUTCOME_WORDS:
            title, event = f"Proposal {OUTCOME_WORDS[event]}: {name}", "closed"
        elif source_type == "organization" and event.startswith("active-") and event != "active-1":
            title = f"{name} is an active partner again"
        else:
            template = OLD_TITLES.get((source_type, event), "{}")
            title = template.format(name)
        bind.execute(
            entry.update().where(entry.c.id == entry_id).values(title=title[:300], event=event)
        )
