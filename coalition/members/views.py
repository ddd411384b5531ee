"""Member pages: the people directory and a person's page."""

from flask import Blueprint, abort, render_template
from flask_login import current_user

from coalition import authz
from coalition.members.models import Person
from coalition.members.services import PAGE_SIZE, directory_page
from coalition.routing import requested_page

bp = Blueprint("members", __name__, url_prefix="/members")


@bp.route("/")
@authz.require(authz.can_view_directory)
def index():
    """The people of the coalition the viewer may see."""
    page = requested_page()
    people, total = directory_page(
        current_user, page=page, include_all=authz.is_coordinator(current_user)
    )
    if page > 1 and not people:
        abort(404)
    pages = max(1, -(-total // PAGE_SIZE))
    return render_template("members/index.html", people=people, total=total, page=page, pages=pages)


@bp.route("/people/<int:person_id>")
@authz.require(authz.is_member)
def person(person_id):
    """One person's page, with only the fields the viewer may see."""
    shown = authz.load_and_check(Person, person_id, authz.can_view_person)
    return render_template("members/person.html", person=shown)
