"""Comments on a draft: add one (on a passage or not), reply, resolve and reopen a thread."""

from flask import Blueprint, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.messaging import access as messaging_access
from coalition.messaging.comments import services
from coalition.messaging.comments.forms import CommentForm
from coalition.messaging.comments.models import DraftComment
from coalition.messaging.pages import draft_page, load_draft, reply_form_of
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("comments", __name__, url_prefix="/<int:draft_id>/comments")


def _actor():
    return current_user._get_current_object()


def _to_thread(draft_id, comment_id):
    return redirect(url_for("messaging.draft", draft_id=draft_id) + f"#comment-{comment_id}")


def _comment(draft, comment_id):
    return authz.get_child_or_404(DraftComment, comment_id, draft_id=draft.id)


@bp.route("", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def add(draft_id):
    """Comment on the draft, or on a passage of its current text."""
    draft = load_draft(draft_id, messaging_access.can_comment)
    form = CommentForm(prefix="comment")
    outcome = submit(
        form,
        lambda: services.add_comment(draft, form.body.data, form.quote.data, _actor()),
        success=_("Your comment is added."),
    )
    if outcome.done:
        return _to_thread(draft_id, outcome.result.id)
    return draft_page(draft, comment_form=form, status=400)


@bp.route("/<int:comment_id>/replies", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def reply(draft_id, comment_id):
    """Reply in a comment's thread."""
    draft = load_draft(draft_id, messaging_access.can_comment)
    parent = _comment(draft, comment_id)
    form = reply_form_of(comment_id)
    outcome = submit(
        form,
        lambda: services.reply(
            draft, parent, form.body.data, _actor(), messaging_access.EMAIL_RULES
        ),
        success=_("Your reply is added."),
    )
    if outcome.done:
        return _to_thread(draft_id, outcome.result.id)
    return draft_page(draft, reply_form=form, replying_to=comment_id, status=400)


def _change(draft_id, comment_id, action, success):
    draft = load_draft(draft_id)
    comment = _comment(draft, comment_id)
    authz.check(messaging_access.can_resolve_comment(current_user, draft, comment))
    submit(None, lambda: action(comment), success=success)
    return _to_thread(draft_id, comment_id)


@bp.route("/<int:comment_id>/resolve", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def resolve(draft_id, comment_id):
    """Mark a thread resolved."""
    return _change(
        draft_id,
        comment_id,
        lambda comment: services.resolve(comment, _actor()),
        _("The comment is resolved."),
    )


@bp.route("/<int:comment_id>/reopen", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def reopen(draft_id, comment_id):
    """Open a resolved thread again."""
    return _change(draft_id, comment_id, services.reopen, _("The comment is open again."))
