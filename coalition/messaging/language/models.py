"""The terms the language check flags, as rows coordinators edit.

Each row holds its variants, suggestions and context rules (phrases, one per line, in the
syntax of `patterns.py`); what cannot be said as a phrase ("a noun for a person") is its
note, shown with each flag.
"""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

LANGUAGES = ("en", "es")


def _lines(text):
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


class LanguageTerm(db.Model):
    """A stigmatizing term (and its variants), what to say instead, and when to flag it."""

    __tablename__ = "language_term"

    id = db.Column(db.Integer, primary_key=True)
    key = db.Column(db.String(80), unique=True)  # set on rows of the starting list only
    language = db.Column(db.String(2), nullable=False)
    terms = db.Column(db.Text, nullable=False)  # one variant per line
    suggestions = db.Column(db.Text, nullable=False, default="")  # one per line
    flag_only_in = db.Column(db.Text, nullable=False, default="")  # phrases; empty: anywhere
    never_in = db.Column(db.Text, nullable=False, default="")  # phrases
    note = db.Column(db.String(1000), nullable=False, default="")
    source = db.Column(db.String(300), nullable=False, default="")
    active = db.Column(db.Boolean, nullable=False, default=True)
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)
    version = db.Column(db.Integer, nullable=False)

    __table_args__ = (one_of("language", LANGUAGES),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def term_list(self):
        return _lines(self.terms)

    @property
    def suggestion_list(self):
        return _lines(self.suggestions)

    @property
    def only_in_list(self):
        return _lines(self.flag_only_in)

    @property
    def never_in_list(self):
        return _lines(self.never_in)

    @property
    def name(self):
        """The first variant, naming the row."""
        terms = self.term_list
        return terms[0] if terms else ""

    def __repr__(self):
        return f"<LanguageTerm {self.id} {self.language} {self.name!r}>"
