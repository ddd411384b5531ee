"""Goals: the board, a goal's page, editing, progress, milestones and status."""

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from coalition.committees.goals import access as goals_access
from coalition.committees.goals import services
from coalition.committees.goals.forms import GoalForm, MilestoneForm, ProgressForm
from coalition.committees.goals.models import GOAL_STATUSES, Goal, Milestone
from coalition.committees.models import Committee
from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members import access as members_access
from coalition.members.people.services import people_to_pick
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.form_fields import choice_list

bp = Blueprint("goals", __name__, url_prefix="/goals")


def actor():
    return current_user._get_current_object()


@bp.route("/")
@authz.require(goals_access.can_view_goals)
def board():
    """Every goal the member may read, with progress bars and overdue or stalled flags."""
    goals = [goal for goal in services.board() if goals_access.can_view_goal(current_user, goal)]
    return render_template("committees/goals/board.html", goals=goals, today=coalition_today())


def _goal_form(owner=None, **kwargs):
    """The goal form; its owner pick list names the account holders the viewer may see, and
    keeps the goal's current owner (named as the viewer may see them)."""
    form = GoalForm(**kwargs)
    people = people_to_pick(members_access.visible_people_clause(current_user), with_account=True)
    choices = [("", _("No one yet"))] + [(str(p.id), p.name) for p in people]
    if owner is not None and owner.id not in {p.id for p in people}:
        choices.append((str(owner.id), members_access.shown_name(current_user, owner)))
    form.owner_id.choices = choice_list(choices)
    return form


def _data(form):
    return services.GoalData(
        title=form.title.data,
        why=form.why.data or "",
        target_date=form.target_date.data,
        owner_id=int(form.owner_id.data) if (form.owner_id.data or "").isdigit() else None,
        indicator=form.indicator.data,
        indicator_target=form.indicator_target.data,
    )


@bp.route("/new", methods=["GET", "POST"])
@authz.require(authz.is_member)
def new():
    """A coalition-wide goal (coordinators) or a committee's (its chairs), with ?committee=."""
    committee = None
    if request.args.get("committee"):
        committee_id = request.args.get("committee", type=int) or 0
        committee = authz.get_or_404(Committee, committee_id)
    authz.check(goals_access.can_create_goal(current_user, committee))
    form = _goal_form()
    outcome = submit(
        form,
        lambda: services.create_goal(_data(form), committee, actor()),
        success=_("The goal is added."),
    )
    if outcome.done:
        return redirect(url_for(".detail", goal_id=outcome.result.id))
    return render_template("committees/goals/form.html", form=form, goal=None, committee=committee)


def _load(goal_id, predicate):
    goal = db.session.scalar(
        db.select(Goal)
        .where(Goal.id == goal_id)
        .options(
            selectinload(Goal.updates),
            selectinload(Goal.milestones),
            selectinload(Goal.committee),
            selectinload(Goal.owner),
        )
    )
    if goal is None:
        abort(404)
    authz.check(predicate(current_user, goal))
    return goal


def _page(goal, progress_form=None, milestone_form=None):
    return render_template(
        "committees/goals/detail.html",
        goal=goal,
        progress_form=progress_form
        or ProgressForm(formdata=None, data={"recorded_on": coalition_today()}),
        milestone_form=milestone_form or MilestoneForm(formdata=None),
        today=coalition_today(),
        statuses=GOAL_STATUSES,
    )


@bp.route("/<int:goal_id>")
@authz.require(authz.is_member)
def detail(goal_id):
    return _page(_load(goal_id, goals_access.can_view_goal))


def _saved_form(goal_id):
    saved = _load(goal_id, goals_access.can_manage_goal)
    form = _goal_form(saved.owner, formdata=None, obj=saved)
    form.owner_id.data = str(saved.owner_id or "")
    form.version.data = str(saved.version)
    return form


@bp.route("/<int:goal_id>/edit", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit(goal_id):
    """Edit a goal; a save based on an older version is refused and both are shown."""
    goal = _load(goal_id, goals_access.can_manage_goal)
    form = _goal_form(goal.owner) if request.method == "POST" else _saved_form(goal_id)
    outcome = submit(
        form,
        lambda: services.update_goal(goal, _data(form), form.version.data, actor()),
        success=_("The goal is saved."),
        saved_form=lambda: _saved_form(goal_id),
    )
    if outcome.done:
        return redirect(url_for(".detail", goal_id=goal_id))
    return render_template(
        "committees/goals/form.html",
        form=form,
        goal=goal,
        committee=goal.committee,
        conflict=outcome.conflict,
    ), outcome.status


@bp.route("/<int:goal_id>/progress", methods=["POST"])
@authz.require(authz.is_member)
def progress(goal_id):
    goal = _load(goal_id, goals_access.can_record_progress)
    form = ProgressForm()
    if not form.validate_on_submit():
        return _page(goal, progress_form=form)
    # A goal tracked by milestones shows no progress form: its refusal is flashed on the page.
    submit(
        None,
        lambda: services.record_progress(
            goal, form.value.data, form.recorded_on.data, form.note.data or "", actor()
        ),
        success=_("The progress is recorded."),
    )
    return redirect(url_for(".detail", goal_id=goal_id))


@bp.route("/<int:goal_id>/milestones", methods=["POST"])
@authz.require(authz.is_member)
def add_milestone(goal_id):
    goal = _load(goal_id, goals_access.can_record_progress)
    form = MilestoneForm()
    outcome = submit(
        form,
        lambda: services.add_milestone(goal, form.title.data),
        success=_("The milestone is added."),
    )
    if not outcome.done:
        return _page(goal, milestone_form=form)
    return redirect(url_for(".detail", goal_id=goal_id) + "#milestones")


@bp.route("/<int:goal_id>/milestones/<int:milestone_id>/done", methods=["POST"])
@authz.require(authz.is_member)
def milestone_done(goal_id, milestone_id):
    goal = _load(goal_id, goals_access.can_record_progress)
    milestone = authz.get_child_or_404(Milestone, milestone_id, goal_id=goal.id)
    submit(
        None,
        lambda: services.complete_milestone(milestone, coalition_today()),
        success=_("The milestone is done."),
    )
    return redirect(url_for(".detail", goal_id=goal_id) + "#milestones")


@bp.route("/<int:goal_id>/status", methods=["POST"])
@authz.require(authz.is_member)
def change_status(goal_id):
    """Activate, achieve or drop; achieving or dropping writes a timeline entry."""
    goal = _load(goal_id, goals_access.can_manage_goal)
    submit(
        None,
        lambda: services.change_status(
            goal, request.form.get("status", ""), coalition_today(), actor()
        ),
        success=_("The goal's status is changed."),
    )
    return redirect(url_for(".detail", goal_id=goal_id))
