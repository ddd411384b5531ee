"""Emails about committees, proposals and feedback, through the outbox.

Messages are lazy strings: queue_email renders them in each recipient's language.
"""

from coalition.outbox.mail import queue_email


def notify(people, *, kind, subject, message, link=None, detail="", key=None):
    """Queue one notice per person with an email; `key` makes each one idempotent."""
    for person in people:
        if not person.email or not person.is_active:
            continue
        queue_email(
            kind=kind,
            to_address=person.email,
            person=person,
            subject=subject,
            template="notice",
            context={"message": message, "detail": detail},
            link=link,
            idempotency_key=f"{key}:{person.id}" if key else None,
        )
