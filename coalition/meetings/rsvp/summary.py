"""The organizer's view of one date: who answered what, headcount, needs and the sectors coming."""

from collections import Counter
from dataclasses import dataclass

from coalition.core.extensions import db
from coalition.meetings.rsvp.models import Rsvp


@dataclass
class Summary:
    """The organizer's view of one date."""

    rows: list  # (invitation, Rsvp or None), by invitee name
    counts: Counter
    headcount: int
    needs: list
    sectors_present: list
    sectors_missing: list


def summary(invitations, occurrence_start, all_sectors):
    """Answers to one date, by invitee, with totals, needs and the sectors coming."""
    rows = db.session.scalars(
        db.select(Rsvp).where(
            Rsvp.occurrence_start == occurrence_start,
            Rsvp.invitation_id.in_([invitation.id for invitation in invitations]),
        )
    ).all()
    by_invitation = {row.invitation_id: row for row in rows}
    pairs = [(invitation, by_invitation.get(invitation.id)) for invitation in invitations]
    counts = Counter(row.answer if row else "none" for _invitation, row in pairs)
    coming = [(inv, row) for inv, row in pairs if row and row.seats]
    counts["waitlisted"] = sum(1 for _inv, row in pairs if row and row.waitlisted)
    present = {
        sector.id: sector
        for inv, _row in coming
        if inv.organization_id
        for sector in inv.organization.sectors
    }
    return Summary(
        rows=pairs,
        counts=counts,
        headcount=sum(row.headcount for _inv, row in coming),
        needs=[(inv.invitee_name, row.needs) for inv, row in pairs if row and row.needs],
        sectors_present=sorted(present.values(), key=lambda s: s.display_name),
        sectors_missing=[s for s in all_sectors if s.id not in present],
    )


def answers_table(result):
    """(header, rows) of a Summary for a spreadsheet."""
    header = ["Invitee", "Kind", "Answer", "Waiting list", "People", "Who", "Needs", "Note"]
    rows = []
    for invitation, row in result.rows:
        kind = "organization" if invitation.organization_id else "person"
        if row is None:
            rows.append([invitation.invitee_name, kind, "", "", "", "", "", ""])
            continue
        rows.append(
            [
                invitation.invitee_name,
                kind,
                row.answer,
                "yes" if row.waitlisted else "",
                row.headcount,
                row.names,
                row.needs,
                row.note,
            ]
        )
    return header, rows
