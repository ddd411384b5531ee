"""Organization pages: the directory, a profile, editing, people, commitments, stages."""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members import access as members_access
from coalition.members.committee_rosters import visible_rosters_clause
from coalition.members.forms import ExportForm
from coalition.members.labels import STATUS_LABELS
from coalition.members.listing import PAGE_SIZE
from coalition.members.organizations import access as organizations_access
from coalition.members.organizations import services, stages
from coalition.members.organizations.exporting import export_organizations
from coalition.members.organizations.forms import (
    AffiliationForm,
    CommitmentForm,
    NewOrganizationForm,
    OrganizationFilterForm,
    OrganizationForm,
    StageForm,
    stage_form_for,
)
from coalition.members.organizations.models import (
    Affiliation,
    Commitment,
    Organization,
    StatusChange,
)
from coalition.members.organizations.timeline_source import register_organization_source
from coalition.members.sectors import active_sectors
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.urls import requested_page, safe_next

bp = Blueprint("organizations", __name__, url_prefix="/organizations")
bp.record_once(register_organization_source)


def _filters(form):
    form.drop_invalid()
    return services.OrganizationFilters(
        q=form.q.data or "",
        sector_id=int(form.sector.data) if form.sector.data else None,
        status=form.status.data or "",
        language=form.language.data or "",
        sort=form.sort.data or "name",
    )


@bp.route("/")
@authz.require(organizations_access.can_view_organizations)
def index():
    """Partner organizations, searched, filtered by sector, stage and language, sorted."""
    form = OrganizationFilterForm(request.args, sectors=active_sectors())
    filters = _filters(form)
    page = requested_page()
    organizations, total = services.organizations_page(filters, page=page)
    if page > 1 and not organizations:
        abort(404)
    return render_template(
        "members/organizations/index.html",
        organizations=organizations,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters=form,
        export_form=ExportForm(),
        today=coalition_today(),
    )


@bp.route("/export", methods=["POST"])
@authz.require(members_access.can_export)
def export():
    """Download the filtered organizations; the export is recorded in the audit log."""
    form = ExportForm()
    filters = _filters(OrganizationFilterForm(request.form, sectors=active_sectors()))
    if not form.validate_on_submit():
        flash(_("Choose a file format."), "error")
        return redirect(url_for(".index"))
    viewer = current_user._get_current_object()
    sees_person = partial(members_access.can_view_person, viewer)
    outcome = submit(
        None, lambda: export_organizations(viewer, sees_person, filters, form.file_format.data)
    )
    return outcome.result.download()


@bp.route("/new", methods=["GET", "POST"])
@authz.require(organizations_access.can_manage_organizations)
def new():
    """Coordinators: add an organization at a stage of the pipeline."""
    form = NewOrganizationForm(sectors=active_sectors(), owners=services.account_holders())
    if request.method == "GET":
        form.owner_id.data = str(current_user.id)
    outcome = submit(
        form,
        lambda: services.create_organization(
            form.profile_data(), form.status.data, current_user._get_current_object()
        ),
    )
    if outcome.done:
        flash(_("%(name)s is added.", name=outcome.result.name), "success")
        return redirect(url_for(".detail", organization_id=outcome.result.id))
    return render_template("members/organizations/form.html", form=form, organization=None)


def _load(organization_id, predicate):
    organization = db.session.scalar(
        db.select(Organization)
        .where(Organization.id == organization_id)
        .options(
            selectinload(Organization.sectors),
            selectinload(Organization.languages),
            selectinload(Organization.owner),
            selectinload(Organization.affiliations).selectinload(Affiliation.person),
            selectinload(Organization.commitments),
            selectinload(Organization.status_changes).selectinload(StatusChange.changed_by),
        )
    )
    if organization is None:
        abort(404)
    authz.check(predicate(current_user, organization))
    return organization


def _detail_page(organization, affiliation_form=None, commitment_form=None):
    return render_template(
        "members/organizations/detail.html",
        organization=organization,
        stage_form=stage_form_for(organization, request.path),
        affiliation_form=affiliation_form or AffiliationForm(formdata=None),
        commitment_form=commitment_form
        or CommitmentForm(formdata=None, data={"committed_on": coalition_today()}),
        today=coalition_today(),
        committees=services.committees_of_organization(
            organization, visible_rosters_clause(current_user)
        ),
    )


@bp.route("/<int:organization_id>")
@authz.require(authz.is_member)
def detail(organization_id):
    """An organization's profile: sectors, people, commitments, stage history."""
    return _detail_page(_load(organization_id, organizations_access.can_view_organization))


def _edit_form(organization, **kwargs):
    coordinator = organizations_access.can_manage_organizations(current_user)
    sectors = active_sectors()
    sectors += [sector for sector in organization.sectors if sector not in sectors]
    owners = services.account_holders() if coordinator else ()
    return OrganizationForm(sectors=sectors, owners=owners, coordinator=coordinator, **kwargs)


@bp.route("/<int:organization_id>/edit", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit(organization_id):
    """Coordinators and the organization's delegates edit its profile; stale saves are refused."""
    organization = _load(organization_id, organizations_access.can_edit_organization)
    form = _edit_form(organization)
    if request.method == "GET":
        form.show(organization)
    actor = current_user._get_current_object()
    outcome = submit(
        form,
        lambda: services.update_organization(
            organization, form.profile_data(), form.version.data, actor
        ),
        success=_("The organization's profile is saved."),
        saved_form=lambda: _saved_form(organization_id),
    )
    if outcome.done:
        return redirect(url_for(".detail", organization_id=organization_id))
    return render_template(
        "members/organizations/form.html",
        form=form,
        organization=organization,
        conflict=outcome.conflict,
    ), outcome.status


def _saved_form(organization_id):
    """The profile form as the organization is saved now."""
    saved = _load(organization_id, organizations_access.can_edit_organization)
    current = _edit_form(saved, formdata=None)
    current.show(saved)
    return current


@bp.route("/<int:organization_id>/stage", methods=["POST"])
@authz.require(authz.is_member)
def move_stage(organization_id):
    """Move the organization to another stage; the history records who and when."""
    organization = _load(organization_id, organizations_access.can_move_stage)
    form = StageForm()
    back = safe_next(form.next.data, default_endpoint="members.recruitment.pipeline")
    if not form.validate_on_submit():
        flash(_("Choose a stage from the list."), "error")
        return redirect(back)
    name = organization.name
    submit(
        None,
        lambda: stages.move_stage(
            organization, form.status.data, form.version.data, current_user._get_current_object()
        ),
        success=_("%(name)s is now %(stage)s.", name=name, stage=STATUS_LABELS[form.status.data]),
        stale_message=_(
            "Someone changed %(name)s since you opened the page. Check its stage and try again.",
            name=name,
        ),
    )
    return redirect(back)


@bp.route("/<int:organization_id>/people", methods=["POST"])
@authz.require(authz.is_member)
def add_person(organization_id):
    """Coordinators: link a person to the organization as delegate, alternate or staff."""
    organization = _load(
        organization_id, lambda user, _org: organizations_access.can_manage_organizations(user)
    )
    form = AffiliationForm()
    outcome = submit(
        form,
        lambda: services.add_affiliation(
            organization, form.email.data, form.role.data, current_user._get_current_object()
        ),
        success=_("The person is linked to %(name)s.", name=organization.name),
    )
    if outcome.done:
        return redirect(url_for(".detail", organization_id=organization_id) + "#people")
    return _detail_page(
        _load(organization_id, organizations_access.can_view_organization), affiliation_form=form
    )


@bp.route("/<int:organization_id>/people/<int:affiliation_id>/remove", methods=["POST"])
@authz.require(authz.is_member)
def remove_person(organization_id, affiliation_id):
    """Coordinators: unlink a person from the organization."""
    organization = _load(
        organization_id, lambda user, _org: organizations_access.can_manage_organizations(user)
    )
    affiliation = authz.get_child_or_404(
        Affiliation, affiliation_id, organization_id=organization.id
    )
    submit(
        None,
        lambda: services.remove_affiliation(affiliation, current_user._get_current_object()),
        success=_("The person is no longer linked to %(name)s.", name=organization.name),
    )
    return redirect(url_for(".detail", organization_id=organization_id) + "#people")


@bp.route("/<int:organization_id>/commitments", methods=["POST"])
@authz.require(authz.is_member)
def add_commitment(organization_id):
    """Coordinators and delegates: record a commitment the organization made."""
    organization = _load(organization_id, organizations_access.can_edit_organization)
    form = CommitmentForm()
    outcome = submit(
        form,
        lambda: services.add_commitment(
            organization, form.text.data, form.committed_on.data, current_user._get_current_object()
        ),
        success=_("The commitment is recorded."),
    )
    if not outcome.done:
        return _detail_page(organization, commitment_form=form)
    return redirect(url_for(".detail", organization_id=organization_id) + "#commitments")


@bp.route("/<int:organization_id>/commitments/<int:commitment_id>/remove", methods=["POST"])
@authz.require(authz.is_member)
def remove_commitment(organization_id, commitment_id):
    """Coordinators and delegates: delete a commitment recorded by mistake."""
    organization = _load(organization_id, organizations_access.can_edit_organization)
    commitment = authz.get_child_or_404(Commitment, commitment_id, organization_id=organization.id)
    submit(
        None,
        lambda: services.remove_commitment(commitment),
        success=_("The commitment is deleted."),
    )
    return redirect(url_for(".detail", organization_id=organization_id) + "#commitments")
