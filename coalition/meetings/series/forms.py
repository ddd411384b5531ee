"""The form to schedule or change a meeting."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
    URLField,
)
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional

from coalition.auth.forms import timezone_choices
from coalition.meetings.models import MAX_RSVP_CLOSES_HOURS
from coalition.meetings.recurrence import (
    MONTHLY_BY_DATE,
    MONTHLY_BY_WEEKDAY,
    WEEKLY_FREQ,
    Recurrence,
)
from coalition.meetings.series.services import MeetingDetails
from coalition.web.form_fields import one_line
from coalition.web.i18n import _l

NO_REPEAT = "none"


def _committee_value(value):
    """Committee ids as text; nothing (None, "") is the whole coalition."""
    return "" if value in (None, "", "None") else str(value)


class MeetingForm(FlaskForm):
    # "" is the whole coalition, offered to coordinators only.
    committee_id = SelectField(_l("For"), validate_choice=True, default="", coerce=_committee_value)
    title = StringField(
        _l("Title"),
        filters=[one_line],
        validators=[DataRequired(message=_l("Give the meeting a title.")), Length(max=200)],
    )
    day = DateField(_l("Date"), validators=[DataRequired(message=_l("Enter the date."))])
    start_time = TimeField(
        _l("Starts at"), validators=[DataRequired(message=_l("Enter the start time."))]
    )
    end_time = TimeField(
        _l("Ends at"), validators=[DataRequired(message=_l("Enter the end time."))]
    )
    timezone = SelectField(_l("Time zone"), validate_choice=True)
    location = StringField(_l("Place"), filters=[one_line], validators=[Length(max=300)])
    online_link = URLField(
        _l("Online meeting link"),
        validators=[
            Optional(),
            URL(message=_l("Enter a full link, starting with https://")),
            Length(max=500),
        ],
    )
    accessibility = StringField(
        _l("Accessibility"), filters=[one_line], validators=[Length(max=500)]
    )
    interpretation = StringField(
        _l("Interpretation offered"), filters=[one_line], validators=[Length(max=300)]
    )
    capacity = IntegerField(
        _l("Places (people per date)"),
        validators=[
            Optional(),
            NumberRange(min=1, max=10000, message=_l("Enter a number from 1 to 10,000.")),
        ],
    )
    rsvp_closes_hours_before = IntegerField(
        _l("Answers close (hours before each date)"),
        validators=[
            Optional(),
            NumberRange(
                min=0,
                max=MAX_RSVP_CLOSES_HOURS,
                message=_l("Enter a number of hours from 0 to 720 (30 days)."),
            ),
        ],
    )
    description = TextAreaField(_l("Description"), validators=[Length(max=20000)])
    agenda = TextAreaField(_l("Agenda"), validators=[Length(max=20000)])
    repeat = SelectField(
        _l("Repeats"),
        validate_choice=True,
        choices=[
            SelectChoice(NO_REPEAT, _l("Does not repeat")),
            SelectChoice(WEEKLY_FREQ, _l("Every week, on the same weekday")),
            SelectChoice(
                MONTHLY_BY_WEEKDAY, _l("Every month, on the same weekday (e.g. second Tuesday)")
            ),
            SelectChoice(MONTHLY_BY_DATE, _l("Every month, on the same date")),
        ],
    )
    interval = IntegerField(
        _l("Every how many weeks or months"),
        default=1,
        validators=[
            Optional(),
            NumberRange(min=1, max=12, message=_l("Enter a number from 1 to 12.")),
        ],
    )
    ends = RadioField(
        _l("The series ends"),
        default="until",
        validate_choice=True,
        choices=[
            SelectChoice("until", _l("On a date")),
            SelectChoice("count", _l("After a number of meetings")),
        ],
    )
    until = DateField(_l("Last date"), validators=[Optional()])
    count = IntegerField(
        _l("Number of meetings"),
        validators=[
            Optional(),
            NumberRange(min=1, max=200, message=_l("Enter a number from 1 to 200.")),
        ],
    )
    version = HiddenField()
    submit = SubmitField(_l("Save meeting"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = timezone_choices()[1:]

    def details(self):
        """The form's content as MeetingDetails for the services."""
        return MeetingDetails(
            title=self.title.data,
            day=self.day.data,
            start_time=self.start_time.data,
            end_time=self.end_time.data,
            timezone=self.timezone.data,
            description=self.description.data or "",
            agenda=self.agenda.data or "",
            location=self.location.data or "",
            online_link=self.online_link.data or "",
            accessibility=self.accessibility.data or "",
            interpretation=self.interpretation.data or "",
            recurrence=self.recurrence(),
            capacity=self.capacity.data,
            committee_id=int(self.committee_id.data) if self.committee_id.data else None,
            rsvp_closes_hours_before=self.rsvp_closes_hours_before.data,
        )

    def recurrence(self):
        if self.repeat.data == NO_REPEAT:
            return None
        interval = self.interval.data or 1
        if self.ends.data == "count":
            return Recurrence(self.repeat.data, interval, None, self.count.data)
        return Recurrence(self.repeat.data, interval, self.until.data, None)


class OccurrenceForm(FlaskForm):
    """Move one occurrence: another day, time or place."""

    day = DateField(_l("Date"), validators=[DataRequired(message=_l("Enter the date."))])
    start_time = TimeField(
        _l("Starts at"), validators=[DataRequired(message=_l("Enter the start time."))]
    )
    end_time = TimeField(
        _l("Ends at"), validators=[DataRequired(message=_l("Enter the end time."))]
    )
    location = StringField(_l("Place"), filters=[one_line], validators=[Length(max=300)])
    version = HiddenField()  # of the series: a move based on an older one is stale
    submit = SubmitField(_l("Move this meeting"))

    def show(self, occurrence):
        """Fill the form with the date as saved now, and the version of its series."""
        self.day.data, self.start_time.data = (
            occurrence.local_start.date(),
            occurrence.local_start.time(),
        )
        self.end_time.data = occurrence.local_end.time()
        self.location.data = occurrence.location
        self.version.data = str(occurrence.meeting.version)
