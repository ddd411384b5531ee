"""The coalition framework: the recruitment pipeline, representation by sector, sectors."""

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.core.timezones import coalition_today
from coalition.members import access as members_access
from coalition.members.listing import PAGE_SIZE
from coalition.members.organizations import access as organizations_access
from coalition.members.organizations.forms import stage_form_for
from coalition.members.organizations.models import STATUSES
from coalition.members.recruitment import access as recruitment_access
from coalition.members.recruitment import services
from coalition.members.recruitment.charts import sector_chart
from coalition.members.recruitment.forms import PipelineFilterForm, SectorForm
from coalition.members.recruitment.representation import (
    languages_covered,
    lived_experience_count,
    sector_standings,
)
from coalition.members.sectors import Sector, active_sectors
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.urls import requested_page

bp = Blueprint("recruitment", __name__)


@bp.route("/pipeline")
@authz.require(recruitment_access.can_view_recruitment)
def pipeline():
    """Organizations by stage with owner and follow-up, overdue ones first; filterable."""
    owners = services.relationship_owners(members_access.visible_people_clause(current_user))
    form = PipelineFilterForm(request.args, sectors=active_sectors(), owners=owners)
    form.drop_invalid()
    filters = services.PipelineFilters(
        owner_id=int(form.owner.data) if form.owner.data else None,
        sector_id=int(form.sector.data) if form.sector.data else None,
        stage=form.stage.data or "",
    )
    today = coalition_today()
    page = requested_page()
    organizations, total = services.pipeline_page(filters, today, page=page)
    counts, overdue = services.stage_counts(filters, today)
    back = request.full_path.rstrip("?")
    return render_template(
        "members/recruitment/pipeline.html",
        organizations=organizations,
        stage_forms={
            organization.id: stage_form_for(organization, back)
            for organization in organizations
            if organizations_access.can_move_stage(current_user, organization)
        },
        counts=counts,
        overdue=overdue,
        statuses=STATUSES,
        filters=form,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        today=today,
    )


@bp.route("/representation")
@authz.require(recruitment_access.can_view_recruitment)
def representation():
    """Per sector: target, active, coming; languages covered; lived experience taking part."""
    standings = sector_standings()
    return render_template(
        "members/recruitment/representation.html",
        standings=standings,
        gaps=[standing for standing in standings if standing.gap],
        chart=sector_chart(standings),
        languages=languages_covered(),
        lived_experience=lived_experience_count(),
    )


@bp.route("/sectors", methods=["GET", "POST"])
@authz.require(recruitment_access.can_manage_sectors)
def sectors():
    """Coordinators: the sectors, their targets, and a form to add one."""
    form = SectorForm()
    outcome = submit(
        form,
        lambda: services.add_sector(form.name.data, form.target_active.data),
        success=_("The sector %(name)s is added.", name=form.name.data),
    )
    if outcome.done:
        return redirect(url_for(".sectors"))
    return render_template(
        "members/recruitment/sectors.html",
        sectors=services.all_sectors(),
        usage=services.sector_usage(),
        form=form,
    )


@bp.route("/sectors/<int:sector_id>/edit", methods=["GET", "POST"])
@authz.require(recruitment_access.can_manage_sectors)
def edit_sector(sector_id):
    """Coordinators: rename a sector or change its target."""
    sector = authz.get_or_404(Sector, sector_id)
    # A posted form is read alone: its version must come from the page, never the database.
    form = SectorForm() if request.method == "POST" else _saved_sector_form(sector_id)
    outcome = submit(
        form,
        lambda: services.update_sector(
            sector, form.name.data, form.target_active.data, form.version.data
        ),
        success=_("The sector is saved."),
        saved_form=lambda: _saved_sector_form(sector_id),
    )
    if outcome.done:
        return redirect(url_for(".sectors"))
    page = render_template(
        "members/recruitment/sector_form.html", form=form, sector=sector, conflict=outcome.conflict
    )
    return page, outcome.status


def _saved_sector_form(sector_id):
    """The sector form as the sector is saved now."""
    sector = authz.get_or_404(Sector, sector_id)
    return SectorForm(formdata=None, obj=sector)


def _sector_action(sector_id, action, message):
    sector = authz.get_or_404(Sector, sector_id)
    submit(None, lambda: action(sector), success=message % {"name": sector.display_name})
    return redirect(url_for(".sectors"))


@bp.route("/sectors/<int:sector_id>/retire", methods=["POST"])
@authz.require(recruitment_access.can_manage_sectors)
def retire_sector(sector_id):
    """Coordinators: stop offering a sector (organizations keep it)."""
    return _sector_action(sector_id, services.retire_sector, _("%(name)s is retired."))


@bp.route("/sectors/<int:sector_id>/restore", methods=["POST"])
@authz.require(recruitment_access.can_manage_sectors)
def restore_sector(sector_id):
    """Coordinators: offer a retired sector again."""
    return _sector_action(sector_id, services.restore_sector, _("%(name)s is offered again."))


@bp.route("/sectors/<int:sector_id>/delete", methods=["POST"])
@authz.require(recruitment_access.can_manage_sectors)
def delete_sector(sector_id):
    """Coordinators: delete a sector no organization uses."""
    return _sector_action(sector_id, services.delete_sector, _("%(name)s is deleted."))
