"""Forms for importing: the upload, the column mapping, and the final choice."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, SubmitField

from coalition.members.imports.fields import fields_for
from coalition.members.imports.models import KIND_ORGANIZATIONS, KIND_PEOPLE
from coalition.web.form_fields import choice_list
from coalition.web.i18n import _l


class UploadForm(FlaskForm):
    kind = SelectField(
        _l("What the file lists"),
        choices=choice_list(
            [(KIND_PEOPLE, _l("People")), (KIND_ORGANIZATIONS, _l("Organizations"))]
        ),
        validate_choice=True,
    )
    file = FileField(
        _l("Spreadsheet file"),
        validators=[FileRequired(message=_l("Choose a file to upload."))],
        render_kw={"accept": ".csv,.xlsx,text/csv"},
    )
    submit = SubmitField(_l("Upload and continue"))


def mapping_form(batch, **kwargs):
    """A form with one choice per column of the upload: which field it holds."""

    class MappingForm(FlaskForm):
        submit = SubmitField(_l("Check every row"))

    choices = choice_list(
        [("", _l("Do not import"))] + [(spec.name, spec.label) for spec in fields_for(batch.kind)]
    )
    for index, header in enumerate(batch.headers):
        field = SelectField(header, choices=choices, validate_choice=True)
        setattr(MappingForm, f"column_{index}", field)
    return MappingForm(**kwargs)


class RunForm(FlaskForm):
    existing = SelectField(
        _l("Rows that match a record already in the coalition"),
        choices=choice_list(
            [
                ("skip", _l("Skip them: keep what the coalition has")),
                ("update", _l("Update them with the file's values")),
            ]
        ),
        validate_choice=True,
    )
    submit = SubmitField(_l("Import every row"))
