"""How the timeline shows entries about goals and proposals (registered at start-up)."""

from flask import url_for
from sqlalchemy.orm import selectinload

from coalition.committees.goals import access as goals_access
from coalition.committees.goals.models import Goal
from coalition.committees.proposals import access as proposals_access
from coalition.committees.proposals.models import Proposal
from coalition.core.extensions import db
from coalition.timeline.sources import SourceLink, SourceResolver, register_source


class GoalSource(SourceResolver):
    def visible_ids(self, ids, viewer):
        goals = db.session.scalars(
            db.select(Goal).where(Goal.id.in_(ids)).options(selectinload(Goal.committee))
        )
        return {goal.id for goal in goals if goals_access.can_view_goal(viewer, goal)}

    def links(self, ids):
        rows = db.session.execute(db.select(Goal.id, Goal.title).where(Goal.id.in_(ids)))
        return {
            i: SourceLink(title, url_for("committees.goals.detail", goal_id=i)) for i, title in rows
        }


class ProposalSource(SourceResolver):
    def visible_ids(self, ids, viewer):
        proposals = db.session.scalars(
            db.select(Proposal)
            .where(Proposal.id.in_(ids))
            .options(selectinload(Proposal.committee))
        )
        return {p.id for p in proposals if proposals_access.can_view_proposal(viewer, p)}

    def links(self, ids):
        rows = db.session.execute(
            db.select(Proposal.id, Proposal.title).where(Proposal.id.in_(ids))
        )
        return {
            i: SourceLink(title, url_for("committees.proposals.detail", proposal_id=i))
            for i, title in rows
        }


def register_committee_sources(state=None):
    """Teach the timeline about goals and proposals (once, when the blueprint registers)."""
    register_source("goal", GoalSource())
    register_source("proposal", ProposalSource())
