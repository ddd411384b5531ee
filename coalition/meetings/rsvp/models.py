"""Answers to meeting invitations: one per respondent (person or organization) per date."""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db

ANSWER_YES = "yes"
ANSWER_MAYBE = "maybe"
ANSWER_NO = "no"
ANSWERS = (ANSWER_YES, ANSWER_MAYBE, ANSWER_NO)
MAX_HEADCOUNT = 20


class Rsvp(db.Model):
    """How many will come from one invitee to one occurrence, and what they need."""

    __tablename__ = "rsvp"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    invitation_id = db.Column(
        db.Integer, db.ForeignKey("meeting_invitation.id", ondelete="CASCADE"), nullable=False
    )
    # The invitation's invitee_key ("organization:4" or "person:12"): an organization answers
    # once per date, whichever delegate or link answers, so no one is counted twice.
    respondent_key = db.Column(db.String(40), nullable=False)
    occurrence_start = db.Column(UTCDateTime(), nullable=False)  # the original start
    answer = db.Column(db.String(10), nullable=False)
    headcount = db.Column(db.Integer, nullable=False, default=1)
    names = db.Column(db.String(1000), nullable=False, default="")
    needs = db.Column(db.String(1000), nullable=False, default="")
    note = db.Column(db.String(2000), nullable=False, default="")
    # A "yes" that did not fit the meeting's capacity waits, first come first served.
    waitlisted_at = db.Column(UTCDateTime())
    answered_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    updated_at = db.Column(UTCDateTime(), nullable=False, default=utcnow, onupdate=utcnow)

    invitation = db.relationship("MeetingInvitation")

    @property
    def waitlisted(self):
        return self.waitlisted_at is not None

    @property
    def seats(self):
        """Seats this answer holds: a confirmed yes holds its headcount."""
        return self.headcount if self.answer == ANSWER_YES and not self.waitlisted else 0

    __table_args__ = (
        db.UniqueConstraint("meeting_id", "occurrence_start", "respondent_key"),
        db.CheckConstraint("answer IN ('yes', 'maybe', 'no')", name="answer"),
        db.CheckConstraint(f"headcount >= 0 AND headcount <= {MAX_HEADCOUNT}", name="headcount"),
    )


class RsvpNudge(db.Model):
    """Organizers reminded those who had not answered one date: at most once a day.

    The unique key makes two coordinators clicking at once send once: the second insert fails.
    """

    __tablename__ = "rsvp_nudge"

    id = db.Column(db.Integer, primary_key=True)
    meeting_id = db.Column(
        db.Integer, db.ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False
    )
    occurrence_start = db.Column(UTCDateTime(), nullable=False)  # the original start
    sent_on = db.Column(db.Date, nullable=False)  # the day where the coalition is
    sent_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    sent_by_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="SET NULL"))
    sent_count = db.Column(db.Integer, nullable=False, default=0)  # emails queued

    sent_by = db.relationship("Person")

    __table_args__ = (db.UniqueConstraint("meeting_id", "occurrence_start", "sent_on"),)


class RsvpLink(db.Model):
    """Who one emailed RSVP link was sent to, so it answers only while they may answer.

    The token (coalition.core.tokens) keeps the secret's hash and names the invitation; this row
    names its recipient: a person (the invited person, or a delegate of the invited
    organization) or, with no person, the organization's contact address. Each link is
    checked against its recipient whenever it is used, so deactivating a person, or a
    delegate leaving their organization, ends their links and no one else's.
    """

    __tablename__ = "rsvp_link"

    id = db.Column(db.Integer, primary_key=True)
    token_id = db.Column(
        db.Integer,
        db.ForeignKey("email_token.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    )
    invitation_id = db.Column(
        db.Integer, db.ForeignKey("meeting_invitation.id", ondelete="CASCADE"), nullable=False
    )
    # None: the link went to the organization's contact address.
    person_id = db.Column(db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"))

    invitation = db.relationship("MeetingInvitation")
    person = db.relationship("Person")

    __table_args__ = (db.Index("ix_rsvp_link_recipient", "invitation_id", "person_id"),)
