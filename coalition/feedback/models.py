"""A participant's feedback note.

Who may read or answer notes is decided in coalition/feedback/access.py, never here.
"""

from coalition.core.dbtypes import UTCDateTime, one_of, utcnow
from coalition.core.extensions import db

FEEDBACK_RECEIVED = "received"
FEEDBACK_DISCUSSED = "discussed"
FEEDBACK_ACTED = "acted_on"
FEEDBACK_STATUSES = (FEEDBACK_RECEIVED, FEEDBACK_DISCUSSED, FEEDBACK_ACTED)


class Feedback(db.Model):
    """A participant's note, signed or anonymous; no IP address is ever kept."""

    __tablename__ = "feedback"

    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text, nullable=False)
    language = db.Column(db.String(10), nullable=False, default="en")
    name = db.Column(db.String(200))  # None: anonymous
    contact = db.Column(db.String(320))
    person_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    may_publish = db.Column(db.Boolean, nullable=False, default=False)
    status = db.Column(db.String(10), nullable=False, default=FEEDBACK_RECEIVED, index=True)
    response = db.Column(db.Text, nullable=False, default="")
    responded_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    responded_at = db.Column(UTCDateTime())
    version = db.Column(db.Integer, nullable=False)

    __table_args__ = (one_of("status", FEEDBACK_STATUSES),)
    __mapper_args__ = {"version_id_col": version}
