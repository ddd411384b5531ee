"""The draft page, shown by its own view and again by a form on it that needs correcting."""

from flask import render_template
from flask_babel import gettext as _
from flask_login import current_user

from coalition.messaging import access as messaging_access
from coalition.messaging import services
from coalition.messaging.comments import services as comments
from coalition.messaging.comments.forms import CommentForm, ReplyForm
from coalition.messaging.language.passages import flagged_passages
from coalition.messaging.language.services import check_text
from coalition.messaging.models import Draft
from coalition.messaging.review import services as review
from coalition.messaging.review.signoff import signoff_of
from coalition.messaging.translations import services as translations
from coalition.messaging.translations.forms import TranslationForm
from coalition.web import authz


def load_draft(draft_id, predicate=messaging_access.can_view_draft):
    """The draft (404 when missing), if `predicate` allows it (else 403)."""
    return authz.load_and_check(Draft, draft_id, predicate)


def reply_form_of(thread_id, **kwargs):
    """A thread's reply form: every thread's posts `reply-body`, each with ids of its own."""
    form = ReplyForm(prefix="reply", **kwargs)
    form.body.id = form.body.label.field_id = f"reply-{thread_id}-body"
    return form


def diff_labels():
    return {"removed_label": _("removed:"), "added_label": _("added:")}


def translation_changes(state, labels=None):
    """What changed in the original since the version followed it, if the reader may see it."""
    if state is None or not state.out_of_date:
        return None
    if not messaging_access.can_view_draft(current_user, state.link.source):
        return None
    return translations.changes_since(state, **(labels or diff_labels()))


def _language_check(draft):
    flags = check_text(draft.text, draft.language)
    return flags, flagged_passages(draft.text, flags)


def draft_page(
    draft, comment_form=None, reply_form=None, replying_to=None, translation_form=None, status=200
):
    """The draft's text with its language check, details, sign-off, language versions,
    last save and comment threads."""
    flags, passages = _language_check(draft)
    translating = translations.state_of(draft)
    page = render_template(
        "messaging/draft.html",
        draft=draft,
        current=services.current_revision(draft),
        threads=comments.threads_of(draft),
        flags=flags,
        passages=passages,
        signoff=signoff_of(draft),
        publication=review.publication_of(draft),
        translating=translating,
        translation_changes=translation_changes(translating),
        versions=translations.versions_of(
            draft, messaging_access.visible_drafts_clause(current_user)
        ),
        translation_form=translation_form or TranslationForm(prefix="translation", formdata=None),
        comment_form=comment_form or CommentForm(prefix="comment", formdata=None),
        reply_form_for=lambda thread_id: (
            reply_form
            if reply_form is not None and thread_id == replying_to
            else reply_form_of(thread_id, formdata=None)
        ),
    )
    return page, status
