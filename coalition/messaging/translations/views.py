"""Language versions of a draft: starting one from the draft's page."""

from flask import Blueprint, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.messaging import access as messaging_access
from coalition.messaging.pages import draft_page, load_draft
from coalition.messaging.translations import services
from coalition.messaging.translations.forms import TranslationForm
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("translations", __name__, url_prefix="/<int:draft_id>/translations")


@bp.route("", methods=["POST"])
@authz.require(messaging_access.can_use_messaging)
def new(draft_id):
    """Start a version of the draft in another language, from its current text."""
    source = load_draft(draft_id, messaging_access.can_edit_draft)
    form = TranslationForm(prefix="translation")
    outcome = submit(
        form,
        lambda: services.start_translation(
            source, form.language.data, form.title.data, current_user._get_current_object()
        ),
        success=_("The language version is started: translate its text."),
    )
    if outcome.done:
        return redirect(url_for("messaging.edit", draft_id=outcome.result.id))
    return draft_page(source, translation_form=form, status=400)
