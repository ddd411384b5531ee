"""Forms for after a meeting: minutes, decisions, action items."""

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from coalition.meetings.record.attendance import Mark
from coalition.meetings.record.minutes import MAX_MINUTES_LENGTH
from coalition.web.form_fields import OfferedChoice, strip
from coalition.web.i18n import _l


class MinutesForm(FlaskForm):
    # The revision the text was written from: a later save by someone else is merged, not lost.
    base_revision = HiddenField()
    text = TextAreaField(
        _l("Minutes"),
        validators=[Length(max=MAX_MINUTES_LENGTH)],
        render_kw={"rows": 18},
    )
    note = StringField(_l("What changed (optional)"), filters=[strip], validators=[Length(max=300)])
    submit = SubmitField(_l("Save the minutes"))

    def base_number(self):
        """The revision number posted; anything not a plausible number counts as none."""
        raw = (self.base_revision.data or "").strip()
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
            return 0
        return int(raw)


class DecisionForm(FlaskForm):
    text = StringField(
        _l("Decision"), filters=[strip], validators=[DataRequired(), Length(max=1000)]
    )
    submit = SubmitField(_l("Add the decision"))


class ActionItemForm(FlaskForm):
    text = StringField(
        _l("Action item"), filters=[strip], validators=[DataRequired(), Length(max=1000)]
    )
    # Only someone on the pick list (the people the organizer may see) can be chosen.
    owner_id = SelectField(
        _l("Who will do it"),
        choices=[],
        validate_choice=False,
        validators=[OfferedChoice(_l("Choose who will do it."))],
    )
    due_on = DateField(_l("Due date"), validators=[Optional()])
    submit = SubmitField(_l("Add the action item"))


class AttendanceErrors(dict):
    """The attendance sheet's errors, {invitee key: message}, standing in for its form in the
    form cycle (coalition/web/form_cycle.py): the sheet is checked line by line as it is read,
    and a refused line's message lands beside that line, as a field's would."""

    def validate_on_submit(self):
        return not self

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        return _LineErrors(self, key)


class _LineErrors:
    def __init__(self, sheet, key):
        self.sheet, self.key = sheet, key

    @property
    def errors(self):
        return [self.sheet[self.key]] if self.key in self.sheet else []

    @errors.setter
    def errors(self, messages):
        self.sheet[self.key] = messages[-1]


def read_marks(posted, invited, errors, name_of):
    """{invitee key: Mark} from the posted sheet; a headcount that is not a number goes in
    `errors` beside its line, naming the invitee as `name_of` does for the viewer."""
    marks = {}
    for invitation in invited:
        key = invitation.invitee_key
        present = posted.get(f"present-{key}") == "1"
        raw = (posted.get(f"headcount-{key}") or "").strip()
        headcount = 1 if present else 0
        if raw and invitation.organization_id:
            if not (raw.isascii() and raw.isdigit()) or len(raw) > 4:
                errors[key] = _(
                    "%(invitee)s: give the number of people as digits.",
                    invitee=name_of(invitation),
                )
                continue
            headcount = int(raw)
        # People counted for an organization means it came, ticked or not.
        marks[key] = Mark(present or headcount > 0, headcount)
    return marks
