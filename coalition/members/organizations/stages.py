"""An organization's stage in the recruitment pipeline: moving it, keeping its history, and
the timeline's event each time it becomes active or lapses."""

from sqlalchemy import case, func

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.members.organizations.models import (
    STATUS_ACTIVE,
    STATUS_LAPSED,
    STATUSES,
    Organization,
    StatusChange,
)
from coalition.timeline.services import record_event
from coalition.web.i18n import _l

# What goes on the timeline, and as what kind: (kind, event), the event counted ("lapsed-2").
TIMELINE_EVENTS = {STATUS_ACTIVE: ("milestone", "active"), STATUS_LAPSED: ("setback", "lapsed")}
STAGE_ORDER = case(
    {status: index for index, status in enumerate(STATUSES)}, value=Organization.status
)


def move_stage(organization, status, based_on_version, actor, when=None):
    """Move an organization in the pipeline and record who did it and when.

    Becoming active or lapsing goes on the timeline, once per time it happens.
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
    """Set the stage and keep its history; becoming active or lapsing goes on the timeline."""
    change = StatusChange(
        from_status=organization.status, to_status=status, changed_by=actor, changed_at=when
    )
    organization.status = status
    organization.status_changes.append(change)
    day = coalition_date(when)
    if status == STATUS_ACTIVE:
        organization.joined_on = organization.joined_on or day
    if status in TIMELINE_EVENTS:
        db.session.flush()
        times = db.session.scalar(
            db.select(func.count()).where(
                StatusChange.organization_id == organization.id,
                StatusChange.to_status == status,
            )
        )
        record_on_timeline(organization.id, organization.name, status, times, day, actor)
    return change


def record_on_timeline(organization_id, name, status, times, day, actor):
    """The timeline's event for the `times`-th time an organization became active or lapsed
    (written once; the timeline words it in each reader's language from the name kept)."""
    kind, event = TIMELINE_EVENTS[status]
    return record_event(
        kind,
        day,
        source=("organization", organization_id, name),
        event=f"{event}-{times}",
        actor=actor,
    )


def record_becoming_active(organization_id, name, times, day, actor):
    """The timeline's event for an organization's `times`-th becoming active."""
    return record_on_timeline(organization_id, name, STATUS_ACTIVE, times, day, actor)
