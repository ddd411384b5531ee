"""How the timeline shows committees, goals, proposals and guideline sections (registered at
start-up), and the funder report's goals with their progress."""

from datetime import date

from flask import url_for
from sqlalchemy.orm import selectinload

from coalition.committees import access as committees_access
from coalition.committees.goals import access as goals_access
from coalition.committees.goals.models import Goal
from coalition.committees.goals.services import board
from coalition.committees.guidelines.models import GuidelineSection
from coalition.committees.labels import GOAL_STATUS_LABELS
from coalition.committees.models import Committee
from coalition.committees.proposals import access as proposals_access
from coalition.committees.proposals.models import Proposal
from coalition.core.extensions import db
from coalition.timeline.report import ReportSection, register_report_section
from coalition.timeline.sources import SourceLink, SourceResolver, register_source
from coalition.web.i18n import _l, _lp


class CommitteeSource(SourceResolver):
    label = _l("Committee")

    def _visible(self, query, viewer):
        committees = db.session.scalars(query).all()
        return [c for c in committees if committees_access.can_view_committee(viewer, c)]

    def visible_ids(self, ids, viewer):
        query = db.select(Committee).where(Committee.id.in_(ids))
        return {c.id for c in self._visible(query, viewer)}

    def links(self, ids):
        rows = db.session.execute(
            db.select(Committee.id, Committee.name).where(Committee.id.in_(ids))
        )
        return {
            i: SourceLink(name, url_for("committees.detail", committee_id=i)) for i, name in rows
        }

    def choices(self, viewer):
        query = db.select(Committee).order_by(Committee.name)
        return [(c.id, c.name) for c in self._visible(query, viewer)]


class GoalSource(SourceResolver):
    label = _l("Goal")

    def _visible(self, query, viewer):
        goals = db.session.scalars(query.options(selectinload(Goal.committee))).all()
        return [goal for goal in goals if goals_access.can_view_goal(viewer, goal)]

    def visible_ids(self, ids, viewer):
        return {goal.id for goal in self._visible(db.select(Goal).where(Goal.id.in_(ids)), viewer)}

    def links(self, ids):
        rows = db.session.execute(db.select(Goal.id, Goal.title).where(Goal.id.in_(ids)))
        return {
            i: SourceLink(title, url_for("committees.goals.detail", goal_id=i)) for i, title in rows
        }

    def choices(self, viewer):
        query = db.select(Goal).order_by(Goal.title)
        return [(goal.id, goal.title) for goal in self._visible(query, viewer)]


class ProposalSource(SourceResolver):
    label = _l("Proposal")

    def _visible(self, query, viewer):
        proposals = db.session.scalars(query.options(selectinload(Proposal.committee))).all()
        return [p for p in proposals if proposals_access.can_view_proposal(viewer, p)]

    def visible_ids(self, ids, viewer):
        query = db.select(Proposal).where(Proposal.id.in_(ids))
        return {p.id for p in self._visible(query, viewer)}

    def links(self, ids):
        rows = db.session.execute(
            db.select(Proposal.id, Proposal.title).where(Proposal.id.in_(ids))
        )
        return {
            i: SourceLink(title, url_for("committees.proposals.detail", proposal_id=i))
            for i, title in rows
        }

    def choices(self, viewer):
        query = db.select(Proposal).order_by(Proposal.created_at.desc())
        return [(p.id, p.title) for p in self._visible(query, viewer)]


class GuidelineSource(SourceResolver):
    """Guideline sections: every member reads the operating guidelines."""

    def visible_ids(self, ids, viewer):
        if not goals_access.can_view_goals(viewer):
            return set()
        query = db.select(GuidelineSection.id).where(GuidelineSection.id.in_(ids))
        return set(db.session.scalars(query))

    def links(self, ids):
        rows = db.session.execute(
            db.select(GuidelineSection.id, GuidelineSection.title).where(
                GuidelineSection.id.in_(ids)
            )
        )
        return {
            i: SourceLink(title, url_for("committees.guidelines.history", section_id=i))
            for i, title in rows
        }


def goals_report(viewer, start, end):
    """Goals the reader may see, open in the period or closed during it, with their progress."""
    today = date.today()
    rows = []
    for goal in board():
        if not goals_access.can_view_goal(viewer, goal) or goal.status == "proposed":
            continue
        if goal.created_at.date() > end:
            continue
        done, of = goal.progress
        flags = [_lp("goal", "Overdue")] if goal.is_overdue(today) else []
        flags += [_l("Stalled: no progress for 30 days")] if goal.is_stalled(today) else []
        rows.append(
            [
                goal.title,
                goal.committee.name if goal.committee else str(_l("Coalition-wide goal")),
                str(GOAL_STATUS_LABELS[goal.status]),
                str(_l("%(done)d of %(of)d", done=done, of=of)) if of else "",
                ", ".join(str(flag) for flag in flags),
            ]
        )
    headers = [_l("Goal"), _l("Committee"), _l("Status"), _l("Progress"), _l("Attention")]
    return ReportSection(
        title=_l("Goals and their progress"),
        headers=[str(h) for h in headers],
        rows=rows,
        empty=str(_l("No goals yet.")),
    )


def register_committee_sources(state=None):
    """Teach the timeline about committees, goals, proposals and guidelines (once, at start-up)."""
    register_source("committee", CommitteeSource())
    register_source("goal", GoalSource())
    register_source("proposal", ProposalSource())
    register_source("guideline", GuidelineSource())
    register_report_section("goals", 10, goals_report)
