"""Forms for committees, their members and join requests."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from coalition.committees.labels import (
    KIND_LABELS,
    ROLE_LABELS,
)
from coalition.web.form_fields import choice_list, strip
from coalition.web.i18n import _l, _lp


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
    active = BooleanField(_lp("committee", "Active"), default=True)
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
