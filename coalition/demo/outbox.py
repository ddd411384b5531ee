"""The demo's outbox: one email the mail server refused, for the coordinator to retry or
cancel once the address is checked.

Idempotent: the email carries an idempotency key, so running it again queues nothing.
"""

from coalition.members.people.models import find_person_by_email
from coalition.outbox.mail import queue_email
from coalition.outbox.models import STATUS_FAILED, OutboxEmail

FAILED_KEY = "demo:failed-notice"
# What the delivery worker keeps of a permanent refusal (the server's code and words).
REFUSAL = "550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"


def seed_outbox():
    """Queue one notice and leave it as a refused delivery leaves it; return records added."""
    person = find_person_by_email("ruth.okafor@example.org")
    if person is None:
        return 0
    email = queue_email(
        kind="committee",
        to_address=person.email,
        person=person,
        subject="Flyers for the neighbourhood forum are ready",
        template="notice",
        context={
            "message": "The Spanish and English flyers are at the library's front desk.",
            "detail": "",
        },
        idempotency_key=FAILED_KEY,
    )
    if not isinstance(email, OutboxEmail):  # queued before, or held for a digest
        return 0
    email.status = STATUS_FAILED
    email.attempts = 1
    email.last_error = REFUSAL.format(address=person.email)
    return 1
