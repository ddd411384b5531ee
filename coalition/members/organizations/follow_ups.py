"""Reminders to the member who owns an organization's relationship when its next follow-up is
due: one email a day at most per owner, listing every organization whose follow-up is due,
through the usual preferences (immediately, in the daily digest, or never)."""

from itertools import groupby

from sqlalchemy.orm import joinedload

from coalition.core.extensions import db
from coalition.members.organizations.models import PIPELINE_STATUSES, Organization
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _ln
from coalition.web.urls import external_url

KIND = "follow_up"


def due_follow_ups(today):
    """Organizations still being recruited whose follow-up date has come, by owner."""
    return db.session.scalars(
        db.select(Organization)
        .where(
            Organization.follow_up_on <= today,
            Organization.status.in_(PIPELINE_STATUSES),
            Organization.owner_id.is_not(None),
        )
        .options(joinedload(Organization.owner))
        .order_by(Organization.owner_id, Organization.follow_up_on, Organization.name_search)
    ).all()


def send_follow_up_reminders(today):
    """Queue today's reminder for each owner (running again the same day sends nothing)."""
    queued = 0
    for _owner_id, found in groupby(due_follow_ups(today), key=lambda o: o.owner_id):
        organizations = list(found)
        owner = organizations[0].owner
        if owner.email and owner.is_active:
            queued += _remind(owner, organizations, today) is not None
    return queued


def _remind(owner, organizations, today):
    names = ", ".join(organization.name for organization in organizations)
    count = len(organizations)
    message = _ln(
        "The next follow-up with %(names)s is due.",
        "The next follow-ups with %(names)s are due.",
        count,
        names=names,
    )
    return queue_email(
        kind=KIND,
        to_address=owner.email,
        person=owner,
        subject=_ln("Follow-up due: %(names)s", "Follow-ups due: %(names)s", count, names=names),
        template="notice",
        context={"message": message, "detail": ""},
        link=external_url("members.recruitment.pipeline"),
        idempotency_key=f"follow-up:{owner.id}:{today.isoformat()}",
    )
