"""A person's calendar settings: how meetings reach their calendar, and their feed secret."""

from coalition.core.extensions import db


class CalendarSettings(db.Model):
    """How meetings reach a person's calendar, and the secret behind their feed URLs."""

    __tablename__ = "calendar_settings"

    DELIVERY_EMAIL = "email"
    DELIVERY_FEED = "feed"

    id = db.Column(db.Integer, primary_key=True)
    person_id = db.Column(
        db.Integer, db.ForeignKey("person.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    feed_secret = db.Column(db.String(64), nullable=False)
    # "email": invitations carry calendar parts; "feed": they don't (the feed has them).
    delivery = db.Column(db.String(10), nullable=False, default="email")
