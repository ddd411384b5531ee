"""Forms for organizations, their people, commitments and stage."""

from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.validators import DataRequired, Length, Optional

from coalition.members.forms import FilterForm, email_field
from coalition.members.labels import AFFILIATION_LABELS, STATUS_LABELS
from coalition.members.languages import language_choices
from coalition.members.organizations.models import AFFILIATION_ROLES, STATUSES
from coalition.web.form_fields import (
    MultiCheckboxField,
    OfferedChoice,
    WebAddress,
    choice_list,
    none_if_empty,
    strip,
)
from coalition.web.i18n import _l
from coalition.web.language_switcher import coalition_language_label
from coalition.web.language_switcher import language_choices as interface_languages


def status_choices():
    return [(status, STATUS_LABELS[status]) for status in STATUSES]


def affiliation_role_choices():
    return choice_list((role, AFFILIATION_LABELS[role]) for role in AFFILIATION_ROLES)


# Fields only coordinators set; a delegate's form leaves them out.
COORDINATOR_FIELDS = ("sectors", "owner_id", "joined_on", "follow_up_on")


class OrganizationForm(FlaskForm):
    """An organization's profile."""

    version = HiddenField()
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter the organization's name.")), Length(max=200)],
    )
    sectors = MultiCheckboxField(_l("Sectors"), coerce=int)
    description = TextAreaField(
        _l("Description"), default="", filters=[strip], validators=[Length(max=5000)]
    )
    website = URLField(
        _l("Website"),
        filters=[strip, none_if_empty],
        validators=[Optional(), Length(max=300), WebAddress()],
    )
    languages = MultiCheckboxField(_l("Languages served"))
    communities_served = TextAreaField(
        _l("Communities served"), default="", filters=[strip], validators=[Length(max=2000)]
    )
    contact_email = email_field(_l("Contact email"))
    language = SelectField(
        _l("Language for email to the contact address"),
        filters=[none_if_empty],
        validate_choice=False,
        validators=[OfferedChoice(_l("Choose a language from the list."))],
    )
    joined_on = DateField(_l("Date joined"), validators=[Optional()])
    owner_id = SelectField(_l("Relationship owner"), default="", validate_choice=True)
    follow_up_on = DateField(_l("Next follow-up"), validators=[Optional()])
    submit = SubmitField(_l("Save organization"))

    def __init__(self, *args, sectors=(), owners=(), coordinator=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.languages.choices = choice_list(language_choices())
        self.language.choices = [
            *choice_list([("", coalition_language_label())]),
            *interface_languages(include_default=False),
        ]
        if not coordinator:
            for name in COORDINATOR_FIELDS:
                delattr(self, name)
            return
        self.sectors.choices = choice_list((sector.id, sector.display_name) for sector in sectors)
        self.owner_id.choices = choice_list(
            [("", _l("No one yet"))] + [(str(person.id), person.name) for person in owners]
        )

    def profile_data(self):
        """The fields a service saves, by name."""
        data = {
            field.name: field.data
            for field in self
            if field.name not in ("csrf_token", "version", "submit", "status")
        }
        if "owner_id" in data:
            data["owner_id"] = int(data["owner_id"]) if data["owner_id"] else None
        return data

    def show(self, organization):
        """Fill the form from an organization."""
        for field in self:
            if field.name in ("csrf_token", "submit", "status"):
                continue
            field.data = getattr(organization, field.name, None)
        self.languages.data = organization.language_codes
        self.version.data = str(organization.version or "")
        if "sectors" in self:
            self.sectors.data = [sector.id for sector in organization.sectors]
            self.owner_id.data = str(organization.owner_id or "")


class NewOrganizationForm(OrganizationForm):
    status = SelectField(_l("Stage"), validate_choice=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choice_list(status_choices())


class StageForm(FlaskForm):
    """Move an organization to another stage of the pipeline."""

    version = HiddenField()
    next = HiddenField()
    status = SelectField(_l("Stage"), validate_choice=True)
    submit = SubmitField(_l("Move"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choice_list(status_choices())


def stage_form_for(organization, next_url=""):
    """A stage form for one organization among many on a page: its own ids and label."""
    form = StageForm(
        formdata=None,
        data={
            "version": str(organization.version),
            "status": organization.status,
            "next": next_url,
        },
    )
    form.status.id = form.status.label.field_id = f"stage-{organization.id}"
    form.status.label.text = _l("Stage of %(name)s", name=organization.name)
    return form


class AffiliationForm(FlaskForm):
    """Link a person, found by email, to an organization with a role."""

    email = email_field(_l("Their email"), required=True)
    role = SelectField(_l("Role"), validate_choice=True)
    submit = SubmitField(_l("Add person"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = affiliation_role_choices()


class CommitmentForm(FlaskForm):
    text = TextAreaField(
        _l("Commitment"),
        filters=[strip],
        validators=[DataRequired(message=_l("Describe the commitment.")), Length(max=1000)],
    )
    committed_on = DateField(
        _l("Date"), validators=[DataRequired(message=_l("Enter the date it was made."))]
    )
    submit = SubmitField(_l("Add commitment"))


class OrganizationFilterForm(FilterForm):
    sector = SelectField(_l("Sector"), validate_choice=True)
    status = SelectField(_l("Stage"), validate_choice=True)
    language = SelectField(_l("Serves in"), validate_choice=True)
    sort = SelectField(
        _l("Sort by"),
        choices=choice_list(
            [
                ("name", _l("Name, A to Z")),
                ("-name", _l("Name, Z to A")),
                ("stage", _l("Stage")),
                ("joined", _l("Most recently joined")),
            ]
        ),
        validate_choice=True,
    )

    def __init__(self, *args, sectors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.sector.choices = choice_list(
            [("", _l("Any sector"))] + [(str(s.id), s.display_name) for s in sectors]
        )
        self.status.choices = choice_list([("", _l("Any stage")), *status_choices()])
        self.language.choices = choice_list([("", _l("Any language")), *language_choices()])
