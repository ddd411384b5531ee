"""The language switcher every page carries, and the interface languages to choose from."""

from flask import current_app
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectField, SubmitField

from coalition.web.i18n import LANGUAGE_NAMES, _l, sorted_by_name


def language_choices(include_default=True):
    """The interface languages, optionally after "Same as my browser"."""
    choices = [
        SelectChoice(code, name)
        for code, name in sorted_by_name(LANGUAGE_NAMES.items(), name=lambda item: item[1])
    ]
    if include_default:
        choices.insert(0, SelectChoice("", _l("Same as my browser")))
    return choices


def coalition_language_label():
    """What no language chosen means: "The coalition's language (English)"."""
    default = current_app.config["BABEL_DEFAULT_LOCALE"]
    return _l(
        "The coalition's language (%(language)s)", language=LANGUAGE_NAMES.get(default, default)
    )


def interface_language_name(code):
    """An interface language named in itself; none, or one no longer offered, is the
    coalition's (as web.i18n.email_language reads it)."""
    if code in current_app.config["LANGUAGES"] and code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    return coalition_language_label()


class LanguageForm(FlaskForm):
    language = SelectField(_l("Language"), validate_choice=True)
    next = HiddenField()
    submit = SubmitField(_l("Change language"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = language_choices(include_default=False)
