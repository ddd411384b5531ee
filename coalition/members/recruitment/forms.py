"""Forms for the pipeline's filters and for sectors."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, NumberRange

from coalition.members.forms import FilterForm
from coalition.members.organizations.forms import status_choices
from coalition.web.form_fields import choice_list, strip
from coalition.web.i18n import _l


class PipelineFilterForm(FilterForm):
    q = None  # the pipeline filters by owner, sector and stage only
    owner = SelectField(_l("Owner"), validate_choice=True)
    sector = SelectField(_l("Sector"), validate_choice=True)
    stage = SelectField(_l("Stage"), validate_choice=True)

    def __init__(self, *args, sectors=(), owners=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.owner.choices = choice_list(
            [("", _l("Anyone"))] + [(str(person.id), person.name) for person in owners]
        )
        self.sector.choices = choice_list(
            [("", _l("Any sector"))] + [(str(s.id), s.display_name) for s in sectors]
        )
        self.stage.choices = choice_list([("", _l("Every stage")), *status_choices()])


class SectorForm(FlaskForm):
    version = HiddenField()  # editing only: the version the edit was based on
    name = StringField(
        _l("Sector name"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter the sector's name.")), Length(max=120)],
    )
    target_active = IntegerField(
        _l("Target number of active organizations"),
        default=1,
        validators=[
            DataRequired(message=_l("Enter a number from 0 to 99.")),
            NumberRange(min=0, max=99, message=_l("Enter a number from 0 to 99.")),
        ],
    )
    submit = SubmitField(_l("Save sector"))
