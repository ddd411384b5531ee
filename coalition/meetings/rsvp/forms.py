"""The forms of invitations: choosing whom to invite, and an invitee's answer."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectChoice, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from coalition.meetings.rsvp.models import ANSWERS
from coalition.web.form_fields import MultiCheckboxField, one_line
from coalition.web.i18n import _l


class InviteForm(FlaskForm):
    """Choose committees, organizations and people to invite; choices are set by the view."""

    committees = MultiCheckboxField(
        _l("Committees (each of their members is invited)"), coerce=int, validate_choice=True
    )
    organizations = MultiCheckboxField(
        _l("Partner organizations"), coerce=int, validate_choice=True
    )
    people = MultiCheckboxField(_l("People"), coerce=int, validate_choice=True)
    submit = SubmitField(_l("Send invitations"))


def _answer_choices(for_organization):
    """An organization answers as "we"; a person, for themselves, as "I"."""
    if for_organization:
        yes, no = _l("Yes, we will come"), _l("No, we cannot come")
    else:
        yes, no = _l("Yes, I will come"), _l("No, I cannot come")
    return [SelectChoice("yes", yes), SelectChoice("maybe", _l("Maybe")), SelectChoice("no", no)]


class RsvpForm(FlaskForm):
    """An invitee's answer, for every upcoming date at once or for one date."""

    answer = RadioField(
        _l("Will you come?"),
        validate_choice=True,
        validators=[DataRequired(message=_l("Choose yes, maybe or no."))],
    )
    headcount = IntegerField(
        _l("How many people will come"),
        default=1,
        validators=[
            Optional(),
            NumberRange(min=0, max=20, message=_l("Enter a number from 0 to 20.")),
        ],
    )
    names = StringField(
        _l("Who will come (names, optional)"), filters=[one_line], validators=[Length(max=1000)]
    )
    needs = StringField(
        _l("Interpretation or access needs"), filters=[one_line], validators=[Length(max=1000)]
    )
    note = TextAreaField(_l("A note for the organizers"), validators=[Length(max=2000)])
    submit = SubmitField(_l("Send my answer"))

    def __init__(self, *args, for_organization=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.answer.choices = _answer_choices(for_organization)


class ChoiceForm(FlaskForm):
    """Yes, maybe or no for one date, the rest kept (answers.record_choice): the RSVP page's
    per-date form and the home page's one-click buttons."""

    answer = RadioField(choices=ANSWERS, validators=[DataRequired()])
