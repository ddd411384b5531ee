"""Forms for committees, goals, guidelines and proposals."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from coalition.committees.labels import (
    KIND_LABELS,
    PROPOSAL_KIND_LABELS,
    ROLE_LABELS,
    RULE_LABELS,
    STANCE_LABELS,
)
from coalition.web.form_fields import OfferedChoice, choice_list, none_if_empty, strip
from coalition.web.i18n import _l


class CommitteeForm(FlaskForm):
    version = HiddenField()
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter the committee's name.")), Length(max=200)],
    )
    kind = SelectField(_l("Kind"), choices=choice_list(KIND_LABELS.items()))
    charge = TextAreaField(_l("Charge"), filters=[strip], validators=[Length(max=5000)])
    open_to_requests = BooleanField(_l("Members may ask to join"), default=True)
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class MemberForm(FlaskForm):
    email = StringField(
        _l("Email of the person"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter an email.")), Length(max=320)],
    )
    role = SelectField(_l("Role"), choices=choice_list(ROLE_LABELS.items()))
    organization_id = SelectField(_l("Organization represented"), choices=[], validate_choice=False)
    submit = SubmitField(_l("Add to the committee"))


class JoinForm(FlaskForm):
    message = TextAreaField(
        _l("Why you would like to join (optional)"), filters=[strip], validators=[Length(max=2000)]
    )
    submit = SubmitField(_l("Ask to join"))


class DecisionForm(FlaskForm):
    decision = RadioField(
        _l("Answer"),
        choices=choice_list([("approve", _l("Approve")), ("decline", _l("Decline"))]),
        validators=[DataRequired(message=_l("Choose an answer."))],
    )
    response = TextAreaField(
        _l("Message to the person"), filters=[strip], validators=[Length(max=2000)]
    )
    submit = SubmitField(_l("Send the answer"))


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
