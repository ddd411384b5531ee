"""Forms for new guideline sections and editorial corrections."""

from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from coalition.web.form_fields import strip
from coalition.web.i18n import _l


class SectionForm(FlaskForm):
    title = StringField(
        _l("Section title"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter a title.")), Length(max=200)],
    )
    text = TextAreaField(_l("Text (Markdown)"), filters=[strip], validators=[Length(max=50000)])
    submit = SubmitField(_l("Add the section"))


class EditorialForm(FlaskForm):
    version = HiddenField()
    text = TextAreaField(
        _l("Text (Markdown)"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter the text.")), Length(max=50000)],
    )
    note = StringField(
        _l("What was corrected"),
        filters=[strip],
        validators=[DataRequired(message=_l("Say what was corrected.")), Length(max=500)],
    )
    submit = SubmitField(_l("Save the editorial correction"))
