"""Committees: the list, a committee's home, its members and join requests."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.committees import access as committees_access
from coalition.committees import services
from coalition.committees.forms import CommitteeForm, DecisionForm, JoinForm, MemberForm
from coalition.committees.goals import services as goal_services
from coalition.committees.goals.views import bp as goals_bp
from coalition.committees.guidelines.views import bp as guidelines_bp
from coalition.committees.labels import KIND_LABELS
from coalition.committees.member_rosters import register_member_rosters
from coalition.committees.models import CommitteeMembership, JoinRequest
from coalition.committees.proposals.models import Proposal
from coalition.committees.proposals.views import bp as proposals_bp
from coalition.committees.timeline_source import register_committee_sources
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members import access as members_access
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.form_fields import choice_list

bp = Blueprint("committees", __name__, url_prefix="/committees")
bp.register_blueprint(goals_bp)
bp.register_blueprint(guidelines_bp)
bp.register_blueprint(proposals_bp)
bp.record_once(register_committee_sources)
bp.record_once(register_member_rosters)


def actor():
    return current_user._get_current_object()


@bp.route("/")
@authz.require(committees_access.can_view_committees)
def index():
    """Every committee the member may read, with its kind and size."""
    committees = [
        c
        for c in services.committees_list()
        if committees_access.can_view_committee(current_user, c)
    ]
    return render_template("committees/index.html", committees=committees)


def _data(form):
    return services.CommitteeData(
        name=form.name.data,
        kind=form.kind.data,
        charge=form.charge.data or "",
        open_to_requests=form.open_to_requests.data,
        active=form.active.data,
    )


@bp.route("/new", methods=["GET", "POST"])
@authz.require(committees_access.can_create_committee)
def new():
    form = CommitteeForm()
    outcome = submit(
        form,
        lambda: services.create_committee(_data(form), actor()),
        success=_("The committee is created."),
    )
    if outcome.done:
        return redirect(url_for(".detail", committee_id=outcome.result.id))
    return render_template("committees/form.html", form=form, committee=None)


def _load(committee_id, predicate):
    committee = services.load_committee(committee_id)
    if committee is None:
        abort(404)
    authz.check(predicate(current_user, committee))
    return committee


def _home(committee, member_form=None, join_form=None):
    manage = committees_access.can_manage_committee(current_user, committee)
    brought, gaps = services.sectors_brought(committee)
    proposals = db.session.scalars(
        db.select(Proposal).filter_by(committee_id=committee.id).order_by(Proposal.id.desc())
    ).all()
    if member_form is None and manage:
        member_form = MemberForm(formdata=None)
    if member_form is not None:
        member_form.organization_id.choices = _organization_choices()
    # The roster names whom the viewer may see (its members and coordinators see everyone);
    # someone who declined the directory is left out for others, not shown as a blank.
    memberships = [
        membership
        for membership in sorted(
            committee.memberships, key=lambda m: (not m.is_chair, m.person.name)
        )
        if members_access.can_view_person(current_user, membership.person)
    ]
    return render_template(
        "committees/detail.html",
        committee=committee,
        memberships=memberships,
        unlisted=len(committee.memberships) > len(memberships),
        brought=brought,
        gaps=gaps,
        goals=goal_services.board(committee.id),
        proposals=proposals,
        requests=services.pending_requests(committee) if manage else [],
        member_form=member_form,
        join_form=join_form or JoinForm(formdata=None),
        my_request=services.pending_request_of(committee, current_user),
        decision_form=DecisionForm(formdata=None),
        today=coalition_today(),
    )


def _organization_choices():
    from coalition.members.organizations.models import Organization

    rows = db.session.execute(
        db.select(Organization.id, Organization.name).order_by(Organization.name_search)
    )
    return choice_list([("", _("None"))] + [(str(i), name) for i, name in rows])


@bp.route("/<int:committee_id>")
@authz.require(authz.is_member)
def detail(committee_id):
    """A committee's home: members and what they bring, gaps, goals and proposals."""
    return _home(_load(committee_id, committees_access.can_view_committee))


def _committee_form(committee, **kwargs):
    """The committee form; only coordinators change a committee's kind."""
    form = CommitteeForm(**kwargs)
    if not authz.is_coordinator(current_user):
        form.kind.choices = choice_list([(committee.kind, KIND_LABELS[committee.kind])])
    return form


def _saved_form(committee_id):
    """The edit form as the committee is saved now."""
    committee = _load(committee_id, committees_access.can_manage_committee)
    return _committee_form(committee, formdata=None, obj=committee)


@bp.route("/<int:committee_id>/edit", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit(committee_id):
    """Edit a committee; a save based on an older version is refused and both are shown."""
    committee = _load(committee_id, committees_access.can_manage_committee)
    # A posted form is read alone: its version must come from the page, never the database.
    form = _committee_form(committee) if request.method == "POST" else _saved_form(committee_id)
    outcome = submit(
        form,
        lambda: services.update_committee(committee, _data(form), form.version.data, actor()),
        success=_("The committee is saved."),
        saved_form=lambda: _saved_form(committee_id),
    )
    if outcome.done:
        return redirect(url_for(".detail", committee_id=committee_id))
    page = render_template(
        "committees/form.html", form=form, committee=committee, conflict=outcome.conflict
    )
    return page, outcome.status


@bp.route("/<int:committee_id>/members", methods=["POST"])
@authz.require(authz.is_member)
def add_member(committee_id):
    committee = _load(committee_id, committees_access.can_manage_committee)
    form = MemberForm()
    form.organization_id.choices = _organization_choices()
    outcome = submit(
        form,
        lambda: services.add_member(
            committee,
            form.email.data,
            form.role.data,
            _organization_id(form),
            actor(),
        ),
        success=_("The committee's members are updated."),
    )
    if outcome.done:
        return redirect(url_for(".detail", committee_id=committee_id) + "#members")
    return _home(_load(committee_id, committees_access.can_manage_committee), member_form=form)


def _organization_id(form):
    """The organization the new member represents, if any; its pick list is not checked."""
    value = form.organization_id.data or ""
    if value and not value.isdigit():
        raise ActionRefused(_("Choose an organization from the list."), field="organization_id")
    return int(value) if value else None


@bp.route("/<int:committee_id>/members/<int:membership_id>/remove", methods=["POST"])
@authz.require(authz.is_member)
def remove_member(committee_id, membership_id):
    committee = _load(committee_id, committees_access.can_manage_committee)
    membership = authz.get_child_or_404(
        CommitteeMembership, membership_id, committee_id=committee.id
    )
    submit(
        None,
        lambda: services.remove_member(membership),
        success=_("The person is no longer on the committee."),
    )
    return redirect(url_for(".detail", committee_id=committee_id) + "#members")


@bp.route("/<int:committee_id>/join", methods=["POST"])
@authz.require(authz.is_member)
def join(committee_id):
    """Ask to join an open committee; its chairs are told."""
    committee = _load(committee_id, committees_access.can_view_committee)
    authz.check(committees_access.can_request_to_join(current_user, committee))
    form = JoinForm()
    if form.validate_on_submit():
        submit(
            None,
            lambda: services.request_to_join(committee, actor(), form.message.data or ""),
            success=_("Your request is sent to the committee's chairs."),
        )
    return redirect(url_for(".detail", committee_id=committee_id))


@bp.route("/<int:committee_id>/requests/<int:request_id>", methods=["POST"])
@authz.require(authz.is_member)
def decide(committee_id, request_id):
    """A chair or coordinator approves or declines a join request, with a message."""
    committee = _load(committee_id, committees_access.can_manage_committee)
    join_request = authz.get_child_or_404(JoinRequest, request_id, committee_id=committee.id)
    form = DecisionForm()
    if not form.validate_on_submit():
        flash(_("Choose to approve or decline."), "error")
        return redirect(url_for(".detail", committee_id=committee_id) + "#requests")
    submit(
        None,
        lambda: services.decide_request(
            join_request, form.decision.data == "approve", form.response.data or "", actor()
        ),
        success=_("Your answer is sent."),
    )
    return redirect(url_for(".detail", committee_id=committee_id) + "#requests")


@bp.app_context_processor
def labels():
    """The committees' value labels, for every template (emails and dashboard too)."""
    from coalition.committees import labels as names

    return {
        "kind_labels": names.KIND_LABELS,
        "role_labels": names.ROLE_LABELS,
        "goal_status_labels": names.GOAL_STATUS_LABELS,
        "proposal_kind_labels": names.PROPOSAL_KIND_LABELS,
        "rule_labels": names.RULE_LABELS,
        "stance_labels": names.STANCE_LABELS,
        "outcome_labels": names.OUTCOME_LABELS,
    }
