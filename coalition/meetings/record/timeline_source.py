"""How the timeline shows "meeting held" entries (linking to the published minutes) and the
meetings people's entries link to, and the funder report's meetings held and attendance by
sector (registered when the blueprint registers)."""

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from flask_babel import format_date

from coalition.core.extensions import db
from coalition.meetings import access as meetings_access
from coalition.meetings.models import Meeting
from coalition.meetings.occurrences import occurrence_key
from coalition.meetings.record import access as record_access
from coalition.meetings.record.models import Attendance, Minutes
from coalition.members.organizations.models import organization_sector
from coalition.members.sectors import Sector
from coalition.timeline.report import ReportSection, register_report_section
from coalition.timeline.sources import SourceLink, SourceResolver, register_source
from coalition.web.i18n import _l, _ln

MEETING_PAGE = "meetings.detail"


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


class MeetingSource(SourceResolver):
    """Meetings an entry links to: offered to a writer only if they see the meeting."""

    label = _l("Meeting")

    def _visible(self, query, viewer):
        meetings = db.session.scalars(query).all()
        return [m for m in meetings if meetings_access.can_view_meeting(viewer, m)]

    def visible_ids(self, ids, viewer):
        query = db.select(Meeting).where(Meeting.id.in_(ids))
        return {meeting.id for meeting in self._visible(query, viewer)}

    def links(self, ids):
        rows = db.session.execute(db.select(Meeting.id, Meeting.title).where(Meeting.id.in_(ids)))
        return {i: SourceLink(title, url_for(MEETING_PAGE, meeting_id=i)) for i, title in rows}

    def choices(self, viewer):
        query = db.select(Meeting).order_by(Meeting.start_at.desc())
        return [(meeting.id, meeting.title) for meeting in self._visible(query, viewer)]


def _period(start, end):
    """The report's dates as UTC moments: from the first day's start to the last day's end."""
    zone = ZoneInfo(current_app.config["COALITION_TIMEZONE"])
    begin = datetime.combine(start, time.min, zone).astimezone(UTC)
    finish = datetime.combine(end + timedelta(days=1), time.min, zone).astimezone(UTC)
    return begin, finish


def _held(viewer, start, end):
    """[(meeting, date, people present)] of visible dates in the period that have a record,
    and the attendance rows of those dates."""
    begin, finish = _period(start, end)
    present = db.session.execute(
        db.select(Attendance, Meeting)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Attendance.occurrence_start.between(begin, finish), Attendance.present)
    ).all()
    published = db.session.execute(
        db.select(Minutes.occurrence_start, Meeting)
        .join(Meeting, Meeting.id == Minutes.meeting_id)
        .where(Minutes.occurrence_start.between(begin, finish), Minutes.published_at.is_not(None))
    ).all()
    held = Counter({(meeting, moment): 0 for moment, meeting in published})
    for row, meeting in present:
        held[(meeting, row.occurrence_start)] += row.headcount
    shown = {m for m, _d in held if meetings_access.can_view_meeting(viewer, m)}
    dates = sorted(((m, d, n) for (m, d), n in held.items() if m in shown), key=lambda r: r[1])
    return dates, [row for row, meeting in present if meeting in shown]


def meetings_report(viewer, start, end):
    """Meetings held in the period (minutes published or attendance taken), with who came."""
    dates, _rows = _held(viewer, start, end)
    return ReportSection(
        title=str(_l("Meetings held")),
        headers=[str(_l("Meeting")), str(_l("Date")), str(_l("People present"))],
        rows=[[m.title, format_date(moment), str(n)] for m, moment, n in dates],
        summary=[str(_ln("%(num)d meeting held", "%(num)d meetings held", len(dates)))],
        empty=str(_l("No meetings held in this period.")),
    )


def attendance_report(viewer, start, end):
    """Attendance at those meetings by the sectors of the organizations that came."""
    _dates, rows = _held(viewer, start, end)
    by_sector = sector_attendance(rows)
    return ReportSection(
        title=str(_l("Attendance by sector")),
        headers=[str(_l("Sector")), str(_l("People present")), str(_l("Organizations"))],
        rows=[[name, str(people), str(len(orgs))] for name, (people, orgs) in by_sector],
        empty=str(_l("No attendance recorded in this period.")),
    )


def sector_attendance(rows):
    """[(sector name, (people present, {organization ids}))] from attendance rows, largest
    first; people who came for no organization are counted on a line of their own."""
    organization_ids = {row.organization_id for row in rows if row.organization_id}
    sectors = {}
    for organization_id, sector in db.session.execute(
        db.select(organization_sector.c.organization_id, Sector)
        .join(Sector, Sector.id == organization_sector.c.sector_id)
        .where(organization_sector.c.organization_id.in_(organization_ids))
    ):
        sectors.setdefault(organization_id, []).append(sector.display_name)
    totals = {}
    for row in rows:
        names = sectors.get(row.organization_id) or [str(_l("No sector or organization"))]
        for name in names:
            people, organizations = totals.setdefault(name, [0, set()])
            totals[name][0] = people + row.headcount
            organizations.update({row.organization_id} - {None})
    return sorted(((n, (p, o)) for n, (p, o) in totals.items()), key=lambda t: -t[1][0])


def register_minutes_source(state=None):
    """Teach the timeline about minutes and meetings (once, when the blueprint registers)."""
    register_source("minutes", MinutesSource())
    register_source("meeting", MeetingSource())
    register_report_section("meetings", 30, meetings_report)
    register_report_section("attendance", 40, attendance_report)
