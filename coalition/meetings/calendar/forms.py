"""How meetings reach a person's calendar: emailed invitations, or a subscribed feed."""

from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SubmitField
from wtforms.validators import DataRequired

from coalition.meetings.calendar.models import CalendarSettings
from coalition.web.i18n import _l


class DeliveryForm(FlaskForm):
    delivery = RadioField(
        _l("Choose one, so nothing appears twice"),
        validate_choice=True,
        choices=[
            SelectChoice(
                CalendarSettings.DELIVERY_EMAIL,
                _l("Calendar invitations in my email (each invitation adds the meeting)"),
            ),
            SelectChoice(
                CalendarSettings.DELIVERY_FEED,
                _l(
                    "A subscribed calendar (my calendar app follows the links below; emails "
                    "carry no calendar part)"
                ),
            ),
        ],
        validators=[DataRequired(message=_l("Choose how meetings reach your calendar."))],
    )
    submit = SubmitField(_l("Save my choice"))
