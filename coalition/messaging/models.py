"""Drafts written together and the people asked to review them.

A draft's body is revisioned text (`coalition/revisions/`): every save is an immutable
revision, so its authors are the people who saved one. Who may see or change a draft is
decided in `coalition/messaging/access.py`, never here; comments are in `comments/`.
"""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db
from coalition.core.search_keys import keep_search_key, search_key_column

KINDS = (
    "talking_points",
    "press_release",
    "op_ed",
    "testimony",
    "social_post",
    "flyer",
    "other",
)
STATUS_DRAFT = "draft"
# Every status a draft may take; part 2 (review and publishing) moves drafts through the rest,
# so the CHECK already allows them and no table has to be rebuilt.
STATUSES = (STATUS_DRAFT, "in_review", "approved", "published", "archived")
# A draft in one of these is read by every member (DESIGN.md, "Who sees what").
SEEN_BY_ALL_STATUSES = ("approved", "published")
TEXT_KIND = "draft"  # the kind of revisioned text a draft's body is


class Draft(db.Model):
    """A message the coalition writes together: talking points, a press release, an op-ed..."""

    __tablename__ = "draft"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    title_search = search_key_column("title")
    kind = db.Column(db.String(30), nullable=False)
    audience = db.Column(db.String(300), nullable=False, default="")
    purpose = db.Column(db.String(1000), nullable=False, default="")
    committee_id = db.Column(
        db.Integer, db.ForeignKey("committee.id", ondelete="SET NULL"), index=True
    )
    language = db.Column(db.String(10), nullable=False, default="en")
    embargo_until = db.Column(db.Date)
    status = db.Column(db.String(20), nullable=False, default=STATUS_DRAFT, index=True)
    text_id = db.Column(
        db.Integer,
        db.ForeignKey("revisioned_text.id", ondelete="RESTRICT"),
        nullable=False,
        unique=True,
    )
    created_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    revisioned = db.relationship("RevisionedText", lazy="joined", innerjoin=True)
    committee = db.relationship("Committee")
    created_by = db.relationship("Person")

    __table_args__ = (one_of("kind", KINDS), one_of("status", STATUSES))
    __mapper_args__ = {"version_id_col": version}

    @property
    def text(self):
        return self.revisioned.text

    @property
    def revision_number(self):
        return self.revisioned.current_number

    def __repr__(self):
        return f"<Draft {self.id} {self.title!r}>"


keep_search_key(Draft.title, "title_search")


class DraftReviewer(db.Model):
    """Someone asked to review a draft: they read it even when not on its committee.

    Asked in review/ (review and sign-off); the visibility rule counts them.
    """

    __tablename__ = "draft_reviewer"

    id = db.Column(db.Integer, primary_key=True)
    draft_id = db.Column(
        db.Integer, db.ForeignKey("draft.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    asked_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    asked_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)

    person = db.relationship("Person", foreign_keys=[person_id])

    __table_args__ = (db.UniqueConstraint("draft_id", "person_id"),)
