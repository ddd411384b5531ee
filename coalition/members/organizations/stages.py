"""An organization's stage in the recruitment pipeline: moving it, keeping its history, and
the timeline entry each time it becomes active."""

from sqlalchemy import case, func

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.members.organizations.models import (
    STATUS_ACTIVE,
    STATUSES,
    Organization,
    StatusChange,
)
from coalition.timeline.services import record_entry
from coalition.web.i18n import _l

STAGE_ORDER = case(
    {status: index for index, status in enumerate(STATUSES)}, value=Organization.status
)


def move_stage(organization, status, based_on_version, actor, when=None):
    """Move an organization in the pipeline and record who did it and when.

    Becoming active writes a timeline entry, once per time it becomes active.
    """
    if str(organization.version) != str(based_on_version):
        raise EditConflict(organization)
    if status not in STATUSES:
        raise ActionRefused(_l("Choose a stage from the list."), field="status")
    if status == organization.status:
        return None
    change = record_stage(organization, status, actor, when or utcnow())
    db.session.flush()
    return change


def record_stage(organization, status, actor, when):
    """Set the stage and keep its history; becoming active goes on the timeline."""
    change = StatusChange(
        from_status=organization.status, to_status=status, changed_by=actor, changed_at=when
    )
    organization.status = status
    organization.status_changes.append(change)
    if status == STATUS_ACTIVE:
        day = coalition_date(when)
        organization.joined_on = organization.joined_on or day
        db.session.flush()
        times = db.session.scalar(
            db.select(func.count()).where(
                StatusChange.organization_id == organization.id,
                StatusChange.to_status == STATUS_ACTIVE,
            )
        )
        record_becoming_active(organization.id, organization.name, times, day, actor)
    return change


def record_becoming_active(organization_id, name, times, day, actor):
    """The timeline entry for an organization's `times`-th becoming active (written once;
    the timeline words it in each reader's language, from the event and the name kept)."""
    return record_entry(
        "milestone",
        None,
        day,
        source=("organization", organization_id, name),
        event=f"active-{times}",
        actor=actor,
    )
