"""Proposals: the list, opening one, its page with results, recording a position."""

from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.committees.goals.services import GoalData
from coalition.committees.guidelines import services as guidelines
from coalition.committees.models import Committee
from coalition.committees.proposals import access as proposals_access
from coalition.committees.proposals import services, tally
from coalition.committees.proposals.forms import PositionForm, ProposalForm
from coalition.committees.proposals.models import PROPOSAL_AMENDMENT, PROPOSAL_GOAL
from coalition.core.extensions import db
from coalition.revisions.diff import diff_html
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.form_fields import choice_list

bp = Blueprint("proposals", __name__, url_prefix="/proposals")


@bp.route("/")
@authz.require(proposals_access.can_view_proposals)
def index():
    proposals = [
        p for p in services.proposals_list() if proposals_access.can_view_proposal(current_user, p)
    ]
    return render_template("committees/proposals/index.html", proposals=proposals)


def _committee_choices():
    committees = db.session.scalars(
        db.select(Committee).where(Committee.active.is_(True)).order_by(Committee.name)
    ).all()
    choices = (
        [("", _("The whole coalition"))] if proposals_access.can_open_proposal(current_user) else []
    )
    return choices + [
        (str(c.id), c.name)
        for c in committees
        if proposals_access.can_open_proposal(current_user, c)
    ]


def _closes_at(form):
    zone = ZoneInfo(current_app.config["COALITION_TIMEZONE"])
    return form.closes_at.data.replace(tzinfo=zone)


def _data(form):
    goal = None
    if form.kind.data == PROPOSAL_GOAL:
        goal = GoalData(
            title=form.goal_title.data or form.title.data,
            why=form.goal_why.data or "",
            target_date=form.goal_target_date.data,
            owner_id=None,
            indicator=None,
            indicator_target=None,
        )
    return services.ProposalData(
        kind=form.kind.data,
        title=form.title.data,
        body=form.body.data or "",
        rule=form.rule.data,
        quorum=form.quorum.data,
        one_voice_per_organization=form.one_voice_per_organization.data,
        closes_at=_closes_at(form),
        section_id=int(form.section_id.data) if form.section_id.data else None,
        new_text=form.new_text.data if form.kind.data == PROPOSAL_AMENDMENT else None,
        goal=goal,
    )


@bp.route("/new", methods=["GET", "POST"])
@authz.require(authz.is_member)
def new():
    """Chairs (for their committee) and coordinators put a proposal to a vote."""
    choices = _committee_choices()
    authz.check(bool(choices))
    form = ProposalForm()
    form.committee_id.choices = choice_list(choices)
    form.section_id.choices = choice_list(
        [("", _("Choose a section"))] + [(str(s.id), s.title) for s in guidelines.sections()]
    )
    outcome = submit(form, lambda: _open(form, choices), success=_("The proposal is open."))
    if outcome.done:
        return redirect(url_for(".detail", proposal_id=outcome.result.id))
    return render_template("committees/proposals/form.html", form=form)


def _open(form, choices):
    """Open the proposal for the committee chosen, which must be one the actor may choose."""
    if form.committee_id.data not in dict(choices):
        abort(403)
    committee = db.session.get(Committee, int(form.committee_id.data or 0) or -1)
    return services.open_proposal(_data(form), committee, current_user._get_current_object())


def _load(proposal_id):
    proposal = services.load_proposal(proposal_id)
    if proposal is None:
        abort(404)
    authz.check(proposals_access.can_view_proposal(current_user, proposal))
    return proposal


def _page(proposal, form=None, status=200):
    own = next((p for p in proposal.positions if p.person_id == current_user.id), None)
    if form is None:
        form = PositionForm(formdata=None, obj=own)
    amendment_diff = None
    if proposal.kind == PROPOSAL_AMENDMENT:
        amendment_diff = diff_html(
            proposal.base_text,
            proposal.new_text,
            removed_label=_("removed:"),
            added_label=_("added:"),
        )
    result = tally.tally(proposal, tally.delegate_affiliations(proposal))
    return (
        render_template(
            "committees/proposals/detail.html",
            proposal=proposal,
            closed=proposal.is_closed(),
            result=result,
            own=own,
            form=form,
            amendment_diff=amendment_diff,
        ),
        status,
    )


@bp.route("/<int:proposal_id>")
@authz.require(authz.is_member)
def detail(proposal_id):
    """The proposal, positions and results; closed from its closing time (no write here)."""
    return _page(_load(proposal_id))


@bp.route("/<int:proposal_id>/position", methods=["POST"])
@authz.require(authz.is_member)
def position(proposal_id):
    """Record or change one's position; refused when closed or not a participant."""
    proposal = _load(proposal_id)
    authz.check(proposals_access.can_take_part(current_user, proposal))
    form = PositionForm()
    outcome = submit(
        form,
        lambda: services.record_position(
            proposal, current_user._get_current_object(), form.stance.data, form.reason.data or ""
        ),
        success=_("Your position is recorded."),
    )
    if outcome.done or (outcome.refused and not outcome.refused.field):  # flashed
        return redirect(url_for(".detail", proposal_id=proposal_id))
    return _page(_load(proposal_id), form, 400)  # invalid, or refused beside a field
