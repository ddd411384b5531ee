"""Forms for opening a proposal and taking a position."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from coalition.committees.labels import (
    PROPOSAL_KIND_LABELS,
    RULE_LABELS,
    STANCE_LABELS,
)
from coalition.web.form_fields import choice_list, strip
from coalition.web.i18n import _l


class ProposalForm(FlaskForm):
    kind = SelectField(_l("Kind"), choices=choice_list(PROPOSAL_KIND_LABELS.items()))
    committee_id = SelectField(_l("Put to"), choices=[], validate_choice=False)
    title = StringField(
        _l("Title"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter a title.")), Length(max=200)],
    )
    body = TextAreaField(_l("Explanation"), filters=[strip], validators=[Length(max=20000)])
    section_id = SelectField(_l("Section to amend"), choices=[], validate_choice=False)
    new_text = TextAreaField(
        _l("Proposed text of the section (Markdown)"),
        filters=[strip],
        validators=[Length(max=50000)],
    )
    goal_title = StringField(_l("Goal title"), filters=[strip], validators=[Length(max=200)])
    goal_why = TextAreaField(_l("Why the goal matters"), filters=[strip])
    goal_target_date = DateField(_l("Goal target date"), validators=[Optional()])
    rule = RadioField(
        _l("Decision rule"), choices=choice_list(RULE_LABELS.items()), default="consent"
    )
    quorum = IntegerField(
        _l("Quorum (fewest positions for a decision)"),
        default=1,
        validators=[DataRequired(message=_l("Enter a number.")), NumberRange(min=1, max=10000)],
    )
    one_voice_per_organization = BooleanField(_l("One voice per organization"))
    closes_at = DateTimeLocalField(
        _l("Closes at (coalition time)"),
        format="%Y-%m-%dT%H:%M",
        validators=[DataRequired(message=_l("Enter the closing date and time."))],
    )
    submit = SubmitField(_l("Open the proposal"))


class PositionForm(FlaskForm):
    stance = RadioField(
        _l("Your position"),
        choices=choice_list(STANCE_LABELS.items()),
        validators=[DataRequired(message=_l("Choose a position."))],
    )
    reason = TextAreaField(
        _l("Reason (required for a block)"), filters=[strip], validators=[Length(max=5000)]
    )
    submit = SubmitField(_l("Record my position"))
