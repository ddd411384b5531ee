"""The notification preferences form: one choice per optional kind."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SubmitField

from coalition.outbox.kinds import DELIVERY_CHOICES, OPTIONAL
from coalition.web.i18n import _l


def preferences_form(choices, formdata=None):
    """A form with a radio group per optional kind, preset to the person's choices."""

    class PreferencesForm(FlaskForm):
        submit = SubmitField(_l("Save preferences"))

    for kind, label in OPTIONAL.items():
        field = RadioField(
            label,
            choices=[SelectChoice(value, text) for value, text in DELIVERY_CHOICES.items()],
            default=choices.get(kind),
            validate_choice=True,
        )
        setattr(PreferencesForm, kind, field)
    return PreferencesForm(formdata=formdata) if formdata is not None else PreferencesForm()
