"""Imports from spreadsheets: the uploaded table and its preview live in the database.

Nothing of an upload is kept in process memory or in a local file between requests, so any
worker (or a restarted one) can show the preview and run the import.
"""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

KIND_PEOPLE = "people"
KIND_ORGANIZATIONS = "organizations"
KINDS = (KIND_PEOPLE, KIND_ORGANIZATIONS)

BATCH_UPLOADED = "uploaded"  # columns not mapped yet
BATCH_PREVIEWED = "previewed"  # mapped and checked row by row
BATCH_IMPORTED = "imported"
BATCH_STATES = (BATCH_UPLOADED, BATCH_PREVIEWED, BATCH_IMPORTED)


class ImportBatch(db.Model):
    """One uploaded file: its column names, how they map to fields, and what became of it."""

    __tablename__ = "import_batch"

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(20), nullable=False)
    filename = db.Column(db.String(255), nullable=False)
    file_format = db.Column(db.String(80), nullable=False)  # e.g. "CSV, Windows-1252, ';'"
    headers = db.Column(db.JSON, nullable=False)
    mapping = db.Column(db.JSON)  # {column index as text: field name}
    state = db.Column(db.String(20), nullable=False, default=BATCH_UPLOADED)
    row_count = db.Column(db.Integer, nullable=False, default=0)
    error_count = db.Column(db.Integer, nullable=False, default=0)
    created_count = db.Column(db.Integer, nullable=False, default=0)
    updated_count = db.Column(db.Integer, nullable=False, default=0)
    skipped_count = db.Column(db.Integer, nullable=False, default=0)
    created_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    imported_at = db.Column(UTCDateTime())

    created_by = db.relationship("Person")

    __table_args__ = (one_of("kind", KINDS), one_of("state", BATCH_STATES))


class ImportRow(db.Model):
    """One data row of an upload as read from the file, with what the check found."""

    __tablename__ = "import_row"

    id = db.Column(db.Integer, primary_key=True)
    batch_id = db.Column(
        db.Integer, db.ForeignKey("import_batch.id", ondelete="CASCADE"), nullable=False
    )
    line = db.Column(db.Integer, nullable=False)  # the row number a spreadsheet shows
    cells = db.Column(db.JSON, nullable=False)
    errors = db.Column(db.JSON, nullable=False, default=list)
    failed = db.Column(db.Boolean, nullable=False, default=False)  # errors is not empty
    match_id = db.Column(db.Integer)  # the existing person or organization it matches

    __table_args__ = (db.UniqueConstraint("batch_id", "line"),)


class ImportMapping(db.Model):
    """The last mapping used for a kind of import, so the next upload starts from it."""

    __tablename__ = "import_mapping"

    kind = db.Column(db.String(20), primary_key=True)
    columns = db.Column(db.JSON, nullable=False)  # {normalized column name: field name}
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)
