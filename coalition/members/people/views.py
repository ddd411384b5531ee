"""People's pages: the directory, a person's page and profile, the people export.

People are the members area's home, so their pages are the members blueprint's own routes
(endpoints `members.index`, `members.person`...); members/views.py nests organizations,
recruitment and imports in it.
"""

from functools import partial

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import selectinload

from coalition.core.extensions import db
from coalition.members import access as members_access
from coalition.members.committee_rosters import visible_rosters_clause
from coalition.members.forms import ExportForm
from coalition.members.listing import PAGE_SIZE
from coalition.members.organizations.models import Affiliation
from coalition.members.people.exporting import PeopleReader, export_people
from coalition.members.people.forms import PeopleFilterForm, PersonForm
from coalition.members.people.models import Person
from coalition.members.people.services import (
    PeopleFilters,
    active_committees,
    create_person,
    directory_page,
    update_person,
)
from coalition.members.sectors import active_sectors
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.urls import requested_page

bp = Blueprint("members", __name__, url_prefix="/members")


def _filter_form(data):
    """The directory's filters from a query string or a posted form, invalid values dropped.

    Only committees whose members the viewer may list are offered, so a committee filter
    the viewer may not use is dropped like any other invalid value.
    """
    rosters = visible_rosters_clause(current_user)
    return PeopleFilterForm(
        data, sectors=active_sectors(), committees=active_committees(rosters)
    ).drop_invalid()


def _people_filters(form):
    return PeopleFilters(
        q=form.q.data or "",
        language=form.language.data or "",
        sector_id=int(form.sector.data) if form.sector.data else None,
        committee_id=int(form.committee.data) if form.committee.data else None,
        sort=form.sort.data or "name",
    )


@bp.route("/")
@authz.require(members_access.can_view_directory)
def index():
    """The people of the coalition the viewer may see, searched, filtered and sorted."""
    form = _filter_form(request.args)
    page = requested_page()
    people, total = directory_page(
        members_access.visible_people_clause(current_user),
        visible_rosters_clause(current_user),
        _people_filters(form),
        page=page,
    )
    if page > 1 and not people:
        abort(404)
    return render_template(
        "members/people/index.html",
        people=people,
        total=total,
        page=page,
        pages=max(1, -(-total // PAGE_SIZE)),
        filters=form,
        export_form=ExportForm(),
    )


@bp.route("/export", methods=["POST"])
@authz.require(members_access.can_export)
def export():
    """Download the filtered people list; the export is recorded in the audit log."""
    form = ExportForm()
    filters = _filter_form(request.form)
    if not form.validate_on_submit():
        flash(_("Choose a file format."), "error")
        return redirect(url_for("members.index"))
    outcome = submit(
        None,
        lambda: export_people(
            _reader(), _people_filters(filters), form.file_format.data, form.include_sensitive.data
        ),
    )
    return outcome.result.download()


def _reader():
    """What the current user may read of the people they download, from the rules."""
    viewer = current_user._get_current_object()
    return PeopleReader(
        person=viewer,
        coordinator=authz.is_coordinator(viewer),
        visible=members_access.visible_people_clause(viewer),
        rosters=visible_rosters_clause(viewer),
        sees_contact=partial(members_access.can_view_contact, viewer),
        exports_sensitive=partial(members_access.can_export_sensitive, viewer),
    )


def _load_person(person_id, predicate):
    person = db.session.scalar(
        db.select(Person)
        .where(Person.id == person_id)
        .options(
            selectinload(Person.languages),
            selectinload(Person.affiliations).selectinload(Affiliation.organization),
        )
    )
    if person is None:
        abort(404)
    authz.check(predicate(current_user, person))
    return person


@bp.route("/people/<int:person_id>")
@authz.require(authz.is_member)
def person(person_id):
    """One person's page, with only the fields the viewer may see."""
    shown = _load_person(person_id, members_access.can_view_person)
    return render_template("members/people/detail.html", person=shown)


@bp.route("/people/new", methods=["GET", "POST"])
@authz.require(members_access.can_create_person)
def new_person():
    """Coordinators: add a person to the coalition's records."""
    form = PersonForm()
    outcome = submit(
        form, lambda: create_person(form.profile_data(), current_user._get_current_object())
    )
    if outcome.done:
        flash(_("%(name)s is added.", name=outcome.result.name), "success")
        return redirect(url_for("members.person", person_id=outcome.result.id))
    return render_template("members/people/form.html", form=form, person=None)


@bp.route("/people/<int:person_id>/edit", methods=["GET", "POST"])
@authz.require(authz.is_member)
def edit_person(person_id):
    """A person edits their own profile; coordinators edit anyone's. A stale save is refused."""
    person = _load_person(person_id, members_access.can_edit_person)
    form = PersonForm()
    if request.method == "GET":
        form.show(person)
    actor = current_user._get_current_object()
    outcome = submit(
        form,
        lambda: update_person(person, form.profile_data(), form.version.data, actor),
        success=_("The profile is saved."),
        saved_form=lambda: _saved_form(person_id),
    )
    if outcome.done:
        return redirect(url_for("members.person", person_id=person_id))
    return render_template(
        "members/people/form.html", form=form, person=person, conflict=outcome.conflict
    ), outcome.status


def _saved_form(person_id):
    """The profile form as the person is saved now."""
    current = PersonForm(formdata=None)
    current.show(_load_person(person_id, members_access.can_edit_person))
    return current
