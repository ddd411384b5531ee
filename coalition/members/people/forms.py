"""Forms for people: a profile and the directory's filters."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TelField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from coalition.members.forms import FilterForm, email_field
from coalition.members.languages import language_choices
from coalition.web.form_fields import MultiCheckboxField, choice_list, none_if_empty, strip
from coalition.web.i18n import _l

LIVED_EXPERIENCE_CHOICES = (
    ("", _l("Not said")),
    ("yes", _l("Yes")),
    ("no", _l("No")),
)


class PersonForm(FlaskForm):
    """A person's profile, as they or a coordinator edit it."""

    version = HiddenField()
    name = StringField(
        _l("Name"),
        filters=[strip],
        validators=[DataRequired(message=_l("Enter a name.")), Length(max=200)],
    )
    pronouns = StringField(
        _l("Pronouns"), filters=[strip, none_if_empty], validators=[Optional(), Length(max=40)]
    )
    email = email_field(_l("Email"))
    phone = TelField(
        _l("Phone"),
        filters=[strip, none_if_empty],
        validators=[
            Optional(),
            Length(max=40),
            Regexp(
                r"^[0-9+()./\- ]+( ?(x|ext\.?) ?[0-9]+)?$",
                message=_l("Use digits, spaces and + ( ) - . only."),
            ),
        ],
        render_kw={"autocomplete": "off"},
    )
    languages = MultiCheckboxField(_l("Languages spoken"))
    preferred_language = SelectField(_l("Preferred language"), default="", validate_choice=True)
    access_needs = TextAreaField(
        _l("Access or interpretation needs"),
        default="",
        filters=[strip],
        validators=[Length(max=2000)],
    )
    lived_experience = SelectField(
        _l("Lived experience of arrest, incarceration, reentry, substance use or recovery"),
        choices=choice_list(LIVED_EXPERIENCE_CHOICES),
        default="",
        validate_choice=True,
    )
    directory_consent = BooleanField(_l("Appear in the coalition's directory"))
    contact_consent = BooleanField(_l("Show email and phone to other members"))
    sensitive_export_consent = BooleanField(
        _l("Coordinators may include access needs and lived experience in exported lists")
    )
    submit = SubmitField(_l("Save profile"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = language_choices()
        self.languages.choices = choice_list(choices)
        self.preferred_language.choices = choice_list([("", _l("Not given")), *choices])

    def profile_data(self):
        """The fields a service saves, by name (version and buttons left out)."""
        data = {name: self[name].data for name in PROFILE_FIELDS}
        data["lived_experience"] = {"yes": True, "no": False}.get(data["lived_experience"])
        return data

    def show(self, person):
        """Fill the form from a person (lists and tri-state values need translating)."""
        for name in PROFILE_FIELDS:
            self[name].data = getattr(person, name)
        self.languages.data = person.language_codes
        self.preferred_language.data = person.preferred_language or ""
        self.lived_experience.data = {True: "yes", False: "no"}.get(person.lived_experience, "")
        self.version.data = str(person.version or "")


PROFILE_FIELDS = (
    "name",
    "pronouns",
    "email",
    "phone",
    "languages",
    "preferred_language",
    "access_needs",
    "lived_experience",
    "directory_consent",
    "contact_consent",
    "sensitive_export_consent",
)


class PeopleFilterForm(FilterForm):
    language = SelectField(_l("Speaks"), validate_choice=True)
    sector = SelectField(_l("Organization's sector"), validate_choice=True)
    committee = SelectField(_l("On the committee"), validate_choice=True)
    sort = SelectField(
        _l("Sort by"),
        choices=choice_list(
            [("name", _l("Name, A to Z")), ("-name", _l("Name, Z to A")), ("new", _l("Newest"))]
        ),
        validate_choice=True,
    )

    def __init__(self, *args, sectors=(), committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = choice_list([("", _l("Any language")), *language_choices()])
        self.sector.choices = choice_list(
            [("", _l("Any sector"))] + [(str(s.id), s.display_name) for s in sectors]
        )
        self.committee.choices = choice_list(
            [("", _l("Any committee"))] + [(str(c_id), name) for c_id, name in committees]
        )
