"""Forms: a row of terms, and a text to check."""

from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from coalition.messaging.language.patterns import problem
from coalition.web.form_fields import choice_list, strip
from coalition.web.i18n import LANGUAGE_NAMES, _l

MAX_CHECKED = 200_000  # characters: a long report, far more than any draft

PATTERN_HELP = _l(
    "One per line. Plurals and other endings are found too (\u201caddict\u201d also finds "
    "\u201caddicts\u201d; \u201cadicto\u201d also \u201cadictas\u201d), whatever the case "
    "and accents. Write (s) for an optional ending, day/month/year for any one of the "
    "words, N for a number, and a word in capitals (MAT) to find it only in capitals."
)


class PatternLines:
    """Each line must be a term or phrase the checker can look for."""

    def __call__(self, form, field):
        for line in (field.data or "").splitlines():
            if line.strip() and problem(line):
                raise ValidationError(
                    _l("\u201c%(line)s\u201d has no letters to look for.", line=line.strip())
                )


class TermForm(FlaskForm):
    version = HiddenField()  # editing only: the version the edit was based on
    language = SelectField(
        _l("Language of the term"), choices=choice_list(LANGUAGE_NAMES.items()), default="en"
    )
    terms = TextAreaField(
        _l("Terms"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Enter at least one term.")),
            Length(max=2000),
            PatternLines(),
        ],
    )
    suggestions = TextAreaField(
        _l("Suggest instead"), filters=[strip], validators=[Length(max=2000)]
    )
    flag_only_in = TextAreaField(
        _l("Flag only in these phrases"),
        filters=[strip],
        validators=[Length(max=4000), PatternLines()],
    )
    never_in = TextAreaField(
        _l("Never flag in these phrases"),
        filters=[strip],
        validators=[Length(max=4000), PatternLines()],
    )
    note = TextAreaField(
        _l("Note shown with each flag"), filters=[strip], validators=[Length(max=1000)]
    )
    source = StringField(_l("Source"), filters=[strip], validators=[Length(max=300)])
    submit = SubmitField(_l("Save term"))


CHECK_LANGUAGES = (("", _l("Unknown: check English and Spanish")), *LANGUAGE_NAMES.items())


class CheckForm(FlaskForm):
    text = TextAreaField(
        _l("Text to check"),
        filters=[strip],
        validators=[
            DataRequired(message=_l("Paste the text to check.")),
            Length(max=MAX_CHECKED, message=_l("Check at most 200,000 characters at a time.")),
        ],
    )
    language = SelectField(_l("Language of the text"), choices=choice_list(CHECK_LANGUAGES))
    submit = SubmitField(_l("Check the language"))
