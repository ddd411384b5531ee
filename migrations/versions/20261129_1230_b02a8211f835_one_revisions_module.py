"""one revisions module

Guideline sections and minutes kept their own revisions; both now keep their text in
revisioned_text (one row per text: the current revision's number and text, and a version
for optimistic locking) with immutable revisions in text_revision (number, text, summary,
author, time, and the revision it was based on). Sections and minutes point at their text
(text_id). A guideline revision's own marks (editorial, the adopting proposal) stay in
guideline_revision, now keyed by the revision.

Every revision is moved with its number, text, note (now summary), author and time; a
section's version counter moves to its text, so an edit form opened before the upgrade is
still current (or stale) after it. The downgrade moves everything back.

On SQLite, tables are rebuilt with foreign keys off: dropping the old guideline_section
with them on would cascade into proposals (see the README on rebuilding `meeting`).

Revision ID: b02a8211f835
Revises: 5d1e0a7c3b21
Create Date: 2026-11-29 12:30:00

"""

from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "b02a8211f835"
down_revision = "5d1e0a7c3b21"
branch_labels = None
depends_on = None


def upgrade():
    with _sqlite_foreign_keys_off():
        _create_text_tables()
        _move_guidelines()
        _move_minutes()


def downgrade():
    with _sqlite_foreign_keys_off():
        _move_minutes_back()
        _move_guidelines_back()
        op.drop_table("text_revision")
        op.drop_table("revisioned_text")


# The tables this migration writes, or that point at one it rebuilds.
CHECKED = {
    "revisioned_text",
    "text_revision",
    "guideline_section",
    "guideline_revision",
    "proposal",
    "minutes",
    "minutes_revision",
}


@contextmanager
def _sqlite_foreign_keys_off():
    """SQLite only changes the pragma outside a transaction: end the migration's, switch the
    pragma off, and begin again; once done, check every key and switch them back on."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    raw = bind.connection.dbapi_connection
    raw.execute("COMMIT")
    raw.execute("PRAGMA foreign_keys=OFF")
    raw.execute("BEGIN IMMEDIATE")
    try:
        yield
        broken = [
            row
            for (table,) in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if table in CHECKED
            for row in raw.execute(f"PRAGMA foreign_key_check({table})").fetchall()
        ]
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
        raw.execute("COMMIT")
    finally:
        if raw.in_transaction:
            raw.execute("ROLLBACK")
        raw.execute("PRAGMA foreign_keys=ON")
        raw.execute("BEGIN IMMEDIATE")  # the transaction alembic records the version in


# --- Tables -------------------------------------------------------------------------------


def _create_text_tables():
    op.create_table(
        "revisioned_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("current_number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_revisioned_text")),
    )
    op.create_table(
        "text_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("based_on", sa.Integer(), nullable=True),
        sa.Column("restored_from", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
            name=op.f("fk_text_revision_author_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["text_id"],
            ["revisioned_text.id"],
            name=op.f("fk_text_revision_text_id_revisioned_text"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_revision")),
        sa.UniqueConstraint("text_id", "number", name=op.f("uq_text_revision_text_id_number")),
    )


def _new_texts(owner, kind, rows):
    """One revisioned_text per owner row (id, text, number, version, created): owner.text_id.

    Values pass through as the database returned them (SQLite's times are text).
    """
    bind = op.get_bind()
    for owner_id, text, number, version, created in rows:
        text_id = bind.execute(
            sa.text(
                "INSERT INTO revisioned_text (kind, current_number, text, created_at, version) "
                "VALUES (:kind, :number, :text, :created, :version) RETURNING id"
            ),
            {
                "kind": kind,
                "number": number or 0,
                "text": text or "",
                "created": created,
                "version": version,
            },
        ).scalar_one()
        bind.execute(
            sa.text(f"UPDATE {owner} SET text_id = :text_id WHERE id = :id"),
            {"text_id": text_id, "id": owner_id},
        )


def _copy_revisions(old_table, owner, owner_key, note):
    """Every old revision into text_revision, under its owner's new text."""
    op.execute(
        f"INSERT INTO text_revision (text_id, number, text, summary, author_id, created_at, "
        f"based_on) SELECT o.text_id, r.number, r.text, r.{note}, r.author_id, r.created_at, "
        f"CASE WHEN r.number > 1 THEN r.number - 1 END "
        f"FROM {old_table} r JOIN {owner} o ON o.id = r.{owner_key}"
    )


def _point_at_text(owner, drop_columns):
    with op.batch_alter_table(owner, schema=None) as batch_op:
        for column in drop_columns:
            batch_op.drop_column(column)
        batch_op.alter_column("text_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_unique_constraint(batch_op.f(f"uq_{owner}_text_id"), ["text_id"])
        batch_op.create_foreign_key(
            batch_op.f(f"fk_{owner}_text_id_revisioned_text"),
            "revisioned_text",
            ["text_id"],
            ["id"],
        )


# --- Guidelines ---------------------------------------------------------------------------


def _move_guidelines():
    bind = op.get_bind()
    op.add_column("guideline_section", sa.Column("text_id", sa.Integer(), nullable=True))
    sections = bind.execute(
        sa.text(
            "SELECT s.id, s.text, MAX(r.number), s.version, "
            "COALESCE(MIN(r.created_at), CURRENT_TIMESTAMP) "
            "FROM guideline_section s LEFT JOIN guideline_revision r ON r.section_id = s.id "
            "GROUP BY s.id, s.text, s.version ORDER BY s.id"
        )
    ).all()
    _new_texts("guideline_section", "guideline", sections)
    _copy_revisions("guideline_revision", "guideline_section", "section_id", "note")
    marks = bind.execute(
        sa.text(
            "SELECT t.id, g.editorial, g.proposal_id FROM guideline_revision g "
            "JOIN guideline_section s ON s.id = g.section_id "
            "JOIN text_revision t ON t.text_id = s.text_id AND t.number = g.number"
        )
    ).all()
    op.drop_table("guideline_revision")
    _create_guideline_marks()
    if marks:
        bind.execute(
            sa.text(
                "INSERT INTO guideline_revision (revision_id, editorial, proposal_id) "
                "VALUES (:revision_id, :editorial, :proposal_id)"
            ),
            [{"revision_id": r, "editorial": bool(e), "proposal_id": p} for r, e, p in marks],
        )
    _point_at_text("guideline_section", ("text", "version"))


def _create_guideline_marks():
    op.create_table(
        "guideline_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("editorial", sa.Boolean(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_guideline_revision_proposal_id_proposal"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["text_revision.id"],
            name=op.f("fk_guideline_revision_revision_id_text_revision"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guideline_revision")),
        sa.UniqueConstraint("revision_id", name=op.f("uq_guideline_revision_revision_id")),
    )


def _move_guidelines_back():
    bind = op.get_bind()
    revisions = bind.execute(
        sa.text(
            "SELECT s.id, t.number, t.text, g.editorial, t.summary, g.proposal_id, "
            "t.author_id, t.created_at FROM text_revision t "
            "JOIN guideline_section s ON s.text_id = t.text_id "
            "LEFT JOIN guideline_revision g ON g.revision_id = t.id ORDER BY t.id"
        )
    ).all()
    op.drop_table("guideline_revision")
    _create_old_guideline_revisions()
    keys = ("section_id", "number", "text", "editorial", "note", "proposal_id", "author", "at")
    rows = [dict(zip(keys, row, strict=True)) for row in revisions]
    for row in rows:
        row["editorial"] = bool(row["editorial"])  # SQLite gives 0, 1 or, with no mark, None
    if rows:  # values as the database returned them (SQLite's times are text)
        bind.execute(
            sa.text(
                "INSERT INTO guideline_revision (section_id, number, text, editorial, note, "
                "proposal_id, author_id, created_at) VALUES (:section_id, :number, :text, "
                ":editorial, :note, :proposal_id, :author, :at)"
            ),
            rows,
        )
    with op.batch_alter_table("guideline_section", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    op.execute(
        "UPDATE guideline_section SET text = (SELECT t.text FROM revisioned_text t "
        "WHERE t.id = guideline_section.text_id), version = (SELECT t.version FROM "
        "revisioned_text t WHERE t.id = guideline_section.text_id)"
    )
    _drop_text_id("guideline_section", server_defaults=("text", "version"))


def _create_old_guideline_revisions():
    op.create_table(
        "guideline_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("section_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("editorial", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
            name=op.f("fk_guideline_revision_author_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_guideline_revision_proposal_id_proposal"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["section_id"],
            ["guideline_section.id"],
            name=op.f("fk_guideline_revision_section_id_guideline_section"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guideline_revision")),
        sa.UniqueConstraint(
            "section_id", "number", name=op.f("uq_guideline_revision_section_id_number")
        ),
    )


def _drop_text_id(owner, server_defaults):
    """The owner no longer points at a text; its restored columns lose their fill-in defaults."""
    with op.batch_alter_table(owner, schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f(f"fk_{owner}_text_id_revisioned_text"), "foreignkey")
        batch_op.drop_constraint(batch_op.f(f"uq_{owner}_text_id"), "unique")
        batch_op.drop_column("text_id")
        for column in server_defaults:
            batch_op.alter_column(column, server_default=None)


# --- Minutes ------------------------------------------------------------------------------


def _move_minutes():
    bind = op.get_bind()
    op.add_column("minutes", sa.Column("text_id", sa.Integer(), nullable=True))
    minutes = bind.execute(
        sa.text(
            "SELECT m.id, m.text, m.revision_number, m.revision_number + 1, "
            "COALESCE(MIN(r.created_at), m.updated_at) FROM minutes m "
            "LEFT JOIN minutes_revision r ON r.minutes_id = m.id "
            "GROUP BY m.id, m.text, m.revision_number, m.updated_at ORDER BY m.id"
        )
    ).all()
    _new_texts("minutes", "minutes", minutes)
    _copy_revisions("minutes_revision", "minutes", "minutes_id", "note")
    op.drop_table("minutes_revision")
    _point_at_text("minutes", ("text", "revision_number"))


def _move_minutes_back():
    with op.batch_alter_table("minutes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("text", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("revision_number", sa.Integer(), nullable=False, server_default="0")
        )
    op.execute(
        "UPDATE minutes SET text = (SELECT t.text FROM revisioned_text t "
        "WHERE t.id = minutes.text_id), revision_number = (SELECT t.current_number FROM "
        "revisioned_text t WHERE t.id = minutes.text_id)"
    )
    op.create_table(
        "minutes_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("minutes_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["person.id"],
            name=op.f("fk_minutes_revision_author_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["minutes_id"],
            ["minutes.id"],
            name=op.f("fk_minutes_revision_minutes_id_minutes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_minutes_revision")),
        sa.UniqueConstraint(
            "minutes_id", "number", name=op.f("uq_minutes_revision_minutes_id_number")
        ),
    )
    op.execute(
        "INSERT INTO minutes_revision (minutes_id, number, text, note, author_id, created_at) "
        "SELECT m.id, t.number, t.text, SUBSTR(t.summary, 1, 300), t.author_id, t.created_at "
        "FROM text_revision t JOIN minutes m ON m.text_id = t.text_id ORDER BY t.id"
    )
    _drop_text_id("minutes", server_defaults=("text", "revision_number"))
