"""Forms for writing, hiding, filtering and reporting on timeline entries."""

from datetime import date

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from coalition.timeline.labels import KIND_LABELS
from coalition.timeline.models import LEARNING_KINDS
from coalition.timeline.services import EARLIEST, latest_sane_date
from coalition.web.form_fields import MultiCheckboxField, WebAddress, choice_list, strip
from coalition.web.i18n import _l
from coalition.web.list_filters import ListFilterForm


def sane_date(form, field):
    """History, or a milestone set at most a year ahead."""
    if field.data and not EARLIEST <= field.data <= latest_sane_date():
        raise ValidationError(_l("Choose a date between 1950 and a year from now."))


class EntryForm(FlaskForm):
    version = HiddenField()
    kind = RadioField(
        _l("What kind of moment"),
        choices=choice_list(KIND_LABELS.items()),
        validators=[DataRequired(message=_l("Choose what kind of moment this was."))],
    )
    occurred_on = DateField(
        _l("When"), validators=[DataRequired(message=_l("Enter a date.")), sane_date]
    )
    title = StringField(
        _l("Title"),
        filters=[strip],
        validators=[DataRequired(message=_l("Give the entry a title.")), Length(max=300)],
    )
    happened = TextAreaField(_l("What happened"), filters=[strip], validators=[Length(max=20000)])
    lessons = TextAreaField(_l("What we learned"), filters=[strip], validators=[Length(max=20000)])
    next_steps = TextAreaField(
        _l("What we do next"), filters=[strip], validators=[Length(max=5000)]
    )
    organizations = MultiCheckboxField(_l("Organizations to credit"), choices=[])
    links = MultiCheckboxField(_l("Linked to"), choices=[])
    source_url = StringField(
        _l("Source link (a news story, a council record)"),
        filters=[strip],
        validators=[Optional(), Length(max=500), WebAddress()],
    )
    submit = SubmitField(_l("Save the entry"))

    def validate_lessons(self, field):
        if self.kind.data in LEARNING_KINDS and not field.data:
            raise ValidationError(_l("Write what the coalition learned from it."))

    def chosen_links(self):
        """[(type, id)] from the credited organizations and the linked objects."""
        values = [f"organization:{i}" for i in self.organizations.data or []]
        pairs = []
        for value in [*values, *(self.links.data or [])]:
            source_type, _, number = value.partition(":")
            pairs.append((source_type, int(number)))
        return pairs


class HideForm(FlaskForm):
    reason = StringField(
        _l("Why hide it"),
        filters=[strip],
        validators=[DataRequired(message=_l("Say why the entry is hidden.")), Length(max=500)],
    )
    submit = SubmitField(_l("Hide the entry"))


class FilterForm(ListFilterForm):
    """The timeline's filters, read from the query string: a value not offered is said beside
    its field and narrows nothing, like every list's filters."""

    kind = SelectField(_l("Kind"), choices=[])
    committee = SelectField(_l("Committee"), choices=[])
    goal = SelectField(_l("Goal"), choices=[])
    organization = SelectField(_l("Organization"), choices=[])
    start = DateField(_l("From"), validators=[Optional(), sane_date])
    end = DateField(_l("To"), validators=[Optional(), sane_date])
    submit = SubmitField(_l("Show"))


def number_or_none(value):
    """A chosen id from a pick list; anything else narrows nothing."""
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def report_period(today=None):
    """The report's default period: the last full year up to today."""
    today = today or date.today()
    return date(today.year - 1, today.month, 1), today


class ReportForm(FlaskForm):
    """The report's period, read from the query string (GET: no CSRF token)."""

    class Meta:
        csrf = False

    start = DateField(_l("From"), validators=[Optional(), sane_date])
    end = DateField(_l("To"), validators=[Optional(), sane_date])
    submit = SubmitField(_l("Show the report"))
