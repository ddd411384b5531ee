"""Form pieces every part of members shares: an email field, list filters, the export form."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, SearchField, SelectField, SubmitField
from wtforms.validators import DataRequired, Email, Length, Optional

from coalition.web.form_fields import choice_list, none_if_empty, strip
from coalition.web.i18n import _l

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


class FilterForm(FlaskForm):
    """Filters read from the query string (GET): no CSRF, no state changes."""

    class Meta:
        csrf = False

    q = SearchField(_l("Name contains"), filters=[strip], validators=[Length(max=100)])

    def drop_invalid(self):
        """Validate, then forget any value that is not valid (a filter never fails a page)."""
        self.validate()
        for field in self:
            if field.errors:
                field.data = ""
                field.errors = []
        return self


class ExportForm(FlaskForm):
    """Download the filtered list; the filters travel as hidden fields."""

    file_format = SelectField(
        _l("File format"), choices=choice_list(EXPORT_FORMATS), validate_choice=True
    )
    include_sensitive = BooleanField(
        _l("Include access needs and lived experience (only for people who agreed)")
    )
    submit = SubmitField(_l("Download"))
