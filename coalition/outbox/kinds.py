"""Kinds of email: essential ones always go out; the others follow each person's choice."""

from coalition.web.i18n import _l

# Always sent immediately: a person cannot opt out of what they asked for or must answer.
ESSENTIAL = {
    "invitation": _l("Invitations to join"),
    "password_reset": _l("Password resets"),
    "meeting_invitation": _l("Meeting invitations and changes"),
    "rsvp_confirmation": _l("Confirmations of your answers"),
    # Asking for an answer still owed, like the invitation itself; at most once a day per date.
    "rsvp_nudge": _l("Requests to answer a meeting invitation"),
    "account_change": _l("Changes to your account"),
}

# Each person chooses: immediately, in a daily digest, or never.
OPTIONAL = {
    "meeting_reminder": _l("Meeting reminders"),
    "draft_review": _l("Drafts waiting for your review"),
    "proposal": _l("Proposals and decisions"),
    "committee": _l("Committee news and join requests"),
    "timeline": _l("New wins, losses and milestones"),
    "action_item": _l("Action items given to you at meetings"),
    "follow_up": _l("Follow-ups due with organizations you look after"),
}

DIGEST = "digest"
DIGEST_LABEL = _l("Daily summaries")

IMMEDIATELY = "immediately"
DAILY_DIGEST = "digest"
DIGEST_LABEL = _l("Daily summaries")
NEVER = "never"
DELIVERY_CHOICES = {
    IMMEDIATELY: _l("Immediately"),
    DAILY_DIGEST: _l("In a daily digest"),
    NEVER: _l("Never"),
}


def has_unsubscribe(kind):
    """Optional kinds and the digest carry an unsubscribe link; essential email does not."""
    return kind in OPTIONAL or kind == DIGEST


def label(kind):
    """The reader-facing name of a kind of email."""
    return DIGEST_LABEL if kind == DIGEST else OPTIONAL.get(kind) or ESSENTIAL.get(kind, kind)
