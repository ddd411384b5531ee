"""The draft page, shown by its own view and again by a comment form that needs correcting."""

from flask import render_template

from coalition.messaging import access as messaging_access
from coalition.messaging import services
from coalition.messaging.comments import services as comments
from coalition.messaging.comments.forms import CommentForm, ReplyForm
from coalition.messaging.models import Draft
from coalition.web import authz


def load_draft(draft_id, predicate=messaging_access.can_view_draft):
    """The draft (404 when missing), if `predicate` allows it (else 403)."""
    return authz.load_and_check(Draft, draft_id, predicate)


def reply_form_of(thread_id, **kwargs):
    """A thread's reply form: every thread's posts `reply-body`, each with ids of its own."""
    form = ReplyForm(prefix="reply", **kwargs)
    form.body.id = form.body.label.field_id = f"reply-{thread_id}-body"
    return form


def draft_page(draft, comment_form=None, reply_form=None, replying_to=None, status=200):
    """The draft's text, details, last save and comment threads."""
    page = render_template(
        "messaging/draft.html",
        draft=draft,
        current=services.current_revision(draft),
        threads=comments.threads_of(draft),
        comment_form=comment_form or CommentForm(prefix="comment", formdata=None),
        reply_form_for=lambda thread_id: (
            reply_form
            if reply_form is not None and thread_id == replying_to
            else reply_form_of(thread_id, formdata=None)
        ),
    )
    return page, status
