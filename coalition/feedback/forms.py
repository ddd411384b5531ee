"""Forms for sending feedback and answering it."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from coalition.feedback.labels import FEEDBACK_STATUS_LABELS
from coalition.web.form_fields import choice_list, none_if_empty, strip
from coalition.web.i18n import _l


class FeedbackForm(FlaskForm):
    body = TextAreaField(
        _l("Your feedback"),
        filters=[strip],
        validators=[DataRequired(message=_l("Write your feedback.")), Length(max=5000)],
    )
    name = StringField(
        _l("Your name (leave empty to stay anonymous)"),
        filters=[strip, none_if_empty],
        validators=[Optional(), Length(max=200)],
    )
    contact = StringField(
        _l("Email or phone, if you want an answer (optional)"),
        filters=[strip, none_if_empty],
        validators=[Optional(), Length(max=320)],
    )
    may_publish = BooleanField(
        _l("You may show my note and your answer on the \u201cyou said, we did\u201d page")
    )
    submit = SubmitField(_l("Send feedback"))


class ResponseForm(FlaskForm):
    version = HiddenField()
    status = SelectField(_l("Status"), choices=choice_list(FEEDBACK_STATUS_LABELS.items()))
    response = TextAreaField(_l("Response"), filters=[strip], validators=[Length(max=5000)])
    submit = SubmitField(_l("Save"))
