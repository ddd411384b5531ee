"""Form pieces every part of members shares: an email field, list filters, the export form."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SelectField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional

from coalition.web.form_fields import choice_list, none_if_empty, strip
from coalition.web.i18n import _l
from coalition.web.list_filters import ListFilterForm, search_field

EXPORT_FORMATS = (("csv", _l("CSV (spreadsheets, any program)")), ("xlsx", _l("Excel (.xlsx)")))


def email_field(label, required=False):
    """An email input: stripped, checked, empty stored as nothing."""
    presence = DataRequired(message=_l("Enter an email address.")) if required else Optional()
    return EmailField(
        label,
        filters=[strip, none_if_empty],
        validators=[
            presence,
            Email(message=_l("Enter an email address like name@example.org.")),
            Length(max=320),
        ],
        render_kw={"autocomplete": "off", "inputmode": "email", "spellcheck": "false"},
    )


class FilterForm(ListFilterForm):
    """The members lists' filters: a name search and, in each list, its own pick lists."""

    q = search_field(_l("Name contains"))


class ExportForm(FlaskForm):
    """Download the filtered list; the filters travel as hidden fields."""

    file_format = SelectField(
        _l("File format"), choices=choice_list(EXPORT_FORMATS), validate_choice=True
    )
    include_sensitive = BooleanField(
        _l("Include access needs and lived experience (only for people who agreed)")
    )
    submit = SubmitField(_l("Download"))
