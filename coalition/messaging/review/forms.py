"""Forms of the review page: ask a reviewer, sign-off rules, decide, publish."""

from flask_wtf import FlaskForm
from wtforms import IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from coalition.messaging.forms import no_nul
from coalition.messaging.review.models import APPROVED, CHANGES_REQUESTED
from coalition.web.form_fields import choice_list, strip
from coalition.web.i18n import _l


class AskForm(FlaskForm):
    person = SelectField(_l("Person to ask"), validate_choice=True)
    submit = SubmitField(_l("Ask for a review"))

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.person.choices = choice_list(
            [("", _l("Choose a person"))] + [(str(person.id), person.name) for person in people]
        )
        self.person.validators = [DataRequired(message=_l("Choose a person."))]


class RulesForm(FlaskForm):
    """One number per committee: how many of its members must approve (0: none)."""

    submit = SubmitField(_l("Save the sign-off rules"))

    def rule_fields(self):
        return [field for field in self if field.name.startswith("rule_")]

    def minimums(self):
        return {
            int(field.name.removeprefix("rule_")): field.data or 0 for field in self.rule_fields()
        }


def rules_form(committees, rules, **kwargs):
    """A RulesForm with a field per committee, filled with the draft's rules."""
    minimums = {rule.committee_id: rule.minimum for rule in rules}

    class Form(RulesForm):
        pass

    for committee in committees:
        setattr(
            Form,
            f"rule_{committee.id}",
            IntegerField(
                committee.name,
                default=minimums.get(committee.id, 0),
                validators=[Optional(), NumberRange(min=0, max=20)],
            ),
        )
    return Form(**kwargs)


class DecisionForm(FlaskForm):
    decision = RadioField(
        _l("Your decision"),
        choices=choice_list(
            [(APPROVED, _l("Approve")), (CHANGES_REQUESTED, _l("Ask for changes"))]
        ),
        validators=[DataRequired(message=_l("Choose approve or ask for changes."))],
    )
    note = TextAreaField(
        _l("Note (needed when asking for changes)"),
        filters=[no_nul, strip],
        validators=[Length(max=5000)],
        render_kw={"rows": 4},
    )
    submit = SubmitField(_l("Send my decision"))


class PublishForm(FlaskForm):
    place = StringField(
        _l("Where it is published"),
        description=_l("An address (https://...) or a venue: the council hearing, a newspaper."),
        filters=[no_nul, strip],
        validators=[DataRequired(message=_l("Say where it is published.")), Length(max=500)],
    )
    submit = SubmitField(_l("Publish"))


STATUS_CHOICES = choice_list([])  # keeps choice_list imported for the single-choice forms
