"""How the timeline shows "meeting held" entries, which link to the published minutes."""

from flask import url_for

from coalition.core.extensions import db
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.record import access as record_access
from coalition.meetings.record.models import Minutes
from coalition.timeline.sources import SourceLink, SourceResolver, register_source


class MinutesSource(SourceResolver):
    def visible_ids(self, ids, viewer):
        found = db.session.scalars(
            db.select(Minutes).where(Minutes.id.in_(ids)).options(db.joinedload(Minutes.meeting))
        )
        return {m.id for m in found if record_access.can_read_minutes(viewer, m.meeting, m)}

    def links(self, ids):
        found = db.session.scalars(
            db.select(Minutes).where(Minutes.id.in_(ids)).options(db.joinedload(Minutes.meeting))
        )
        return {
            m.id: SourceLink(
                m.meeting.title,
                url_for(
                    "meetings.record.page",
                    meeting_id=m.meeting_id,
                    key=occurrence_key(m.occurrence_start),
                ),
            )
            for m in found
        }


def register_minutes_source(state=None):
    """Teach the timeline about minutes (once, when the blueprint registers)."""
    register_source("minutes", MinutesSource())
