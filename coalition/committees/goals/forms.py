"""Forms for goals, their progress and milestones."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from coalition.web.form_fields import OfferedChoice, none_if_empty, strip
from coalition.web.i18n import _l


class GoalForm(FlaskForm):
    version = HiddenField()
    title = StringField(
        _l("Title"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter the goal's title.")), Length(max=200)],
    )
    why = TextAreaField(_l("Why it matters"), filters=[strip], validators=[Length(max=5000)])
    target_date = DateField(_l("Target date"), validators=[Optional()])
    # Only someone on the pick list (the people the viewer may see) can be chosen.
    owner_id = SelectField(
        _l("Owner"),
        choices=[],
        validate_choice=False,
        validators=[OfferedChoice(_l("Choose the owner from the list."))],
    )
    indicator = StringField(
        _l("Indicator"), filters=[strip, none_if_empty], validators=[Optional(), Length(max=200)]
    )
    indicator_target = IntegerField(
        _l("Indicator target"), validators=[Optional(), NumberRange(min=1, max=10**9)]
    )
    submit = SubmitField(_l("Save the goal"))


class ProgressForm(FlaskForm):
    value = IntegerField(
        _l("Value now"),
        validators=[DataRequired(message=_l("Enter a number.")), NumberRange(min=0, max=10**9)],
    )
    recorded_on = DateField(_l("Date"), validators=[DataRequired(message=_l("Enter a date."))])
    note = StringField(_l("Note"), filters=[strip], validators=[Length(max=500)])
    submit = SubmitField(_l("Record progress"))


class MilestoneForm(FlaskForm):
    title = StringField(
        _l("Milestone"),
        filters=[strip],
        validators=[DataRequired(message=_l("Name the milestone.")), Length(max=200)],
    )
    submit = SubmitField(_l("Add the milestone"))
