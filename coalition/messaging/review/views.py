"""The review page of a draft: reviewers, sign-off rules, decisions, publishing, archiving."""

from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.members import access as members_access
from coalition.messaging import access as messaging_access
from coalition.messaging.language.services import check_text
from coalition.messaging.pages import load_draft
from coalition.messaging.review import services
from coalition.messaging.review.forms import AskForm, DecisionForm, PublishForm, rules_form
from coalition.messaging.review.signoff import rules_of, signoff_of
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("review", __name__, url_prefix="/<int:draft_id>/review")
RULES = messaging_access.EMAIL_RULES


def _actor():
    return current_user._get_current_object()


def _ask_form(draft, **kwargs):
    visible = members_access.visible_people_clause(current_user)
    return AskForm(people=services.reviewer_candidates(draft, visible), **kwargs)


def _rules_form(draft, **kwargs):
    return rules_form(services.committees_for_rules(), rules_of(draft), **kwargs)


def review_page(draft, status=200, **forms):
    """The page, with any form that needs correcting in place of a fresh one."""
    fresh = {"formdata": None}
    page = render_template(
        "messaging/review/page.html",
        draft=draft,
        signoff=signoff_of(draft),
        publication=services.publication_of(draft),
        flag_count=len(check_text(draft.text, draft.language)),
        ask_form=forms.get("ask_form") or _ask_form(draft, **fresh),
        rules_form=forms.get("rules_form") or _rules_form(draft, **fresh),
        decision_form=forms.get("decision_form") or DecisionForm(**fresh),
        publish_form=forms.get("publish_form") or PublishForm(**fresh),
    )
    return page, status


def _back(draft_id):
    return redirect(url_for(".page", draft_id=draft_id))


@bp.route("")
@authz.require(messaging_access.can_use_messaging)
def page(draft_id):
    """Who is asked, the sign-off rules and where they stand, the decisions, publishing."""
    return review_page(load_draft(draft_id))


@bp.route("/ask", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def ask(draft_id):
    """Ask someone to review the draft (it goes in review); they are emailed."""
    draft = load_draft(draft_id, messaging_access.can_ask_for_review)
    form = _ask_form(draft)
    outcome = submit(
        form,
        lambda: services.ask_reviewers(draft, services.people(form.person.data), _actor(), RULES),
        success=_("They are asked to review the draft."),
    )
    return _back(draft_id) if outcome.done else review_page(draft, 400, ask_form=form)


@bp.route("/rules", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def rules(draft_id):
    """Set how many approvals each committee must give."""
    draft = load_draft(draft_id, messaging_access.can_ask_for_review)
    form = _rules_form(draft)
    outcome = submit(
        form,
        lambda: services.set_rules(draft, form.minimums()),
        success=_("The sign-off rules are saved."),
    )
    return _back(draft_id) if outcome.done else review_page(draft, 400, rules_form=form)


@bp.route("/decide", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def decide(draft_id):
    """A reviewer approves the current revision or asks for changes with a note."""
    draft = load_draft(draft_id, messaging_access.can_decide)
    form = DecisionForm()
    outcome = submit(
        form,
        lambda: services.decide(draft, _actor(), form.decision.data, form.note.data, RULES),
        success=_("Your decision is recorded."),
    )
    return _back(draft_id) if outcome.done else review_page(draft, 400, decision_form=form)


@bp.route("/publish", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def publish(draft_id):
    """Publish an approved draft: where, recorded with who and when, and on the timeline."""
    draft = load_draft(draft_id, messaging_access.can_publish)
    form = PublishForm()
    outcome = submit(
        form,
        lambda: services.publish(draft, form.place.data, _actor(), RULES),
        success=_("The draft is published."),
    )
    return _back(draft_id) if outcome.done else review_page(draft, 400, publish_form=form)


@bp.route("/archive", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def archive(draft_id):
    """Put the draft away."""
    draft = load_draft(draft_id, messaging_access.can_archive)
    submit(None, lambda: services.archive(draft), success=_("The draft is archived."))
    return _back(draft_id)
