"""The form that starts a language version of a draft."""

from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from coalition.members.languages import language_choices
from coalition.messaging.forms import no_nul
from coalition.web.form_fields import choice_list, strip
from coalition.web.i18n import _l


class TranslationForm(FlaskForm):
    language = SelectField(_l("Language of the new version"), validate_choice=True)
    title = StringField(
        _l("Its title"),
        filters=[no_nul, strip],
        validators=[DataRequired(message=_l("Enter a title.")), Length(max=200)],
    )
    submit = SubmitField(_l("Start this language version"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = choice_list(language_choices())
