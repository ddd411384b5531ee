"""Forms for drafts: details, the text (with the revision it was written from), filters."""

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from coalition.members.languages import language_choices
from coalition.messaging.labels import KIND_LABELS, STATUS_LABELS
from coalition.web.form_fields import OfferedChoice, choice_list, no_nul, strip
from coalition.web.i18n import _l
from coalition.web.list_filters import ListFilterForm, search_field

MAX_TEXT_LENGTH = 100_000
MARKDOWN_HELP = _l(
    "Markdown: **bold**, *italic*, # headings, lists with - or 1., links as "
    "[text](https://...). Recovery-centered language: people, not labels."
)


def _posted_number(raw):
    """A number posted in a hidden field; anything implausible counts as none (0)."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        return 0
    return int(raw)


class DraftDetailsForm(FlaskForm):
    """What a draft is, for whom and why; `version` is the one the editor started from."""

    version = HiddenField()
    title = StringField(
        _l("Title"),
        filters=[no_nul, strip],
        validators=[DataRequired(message=_l("Enter a title.")), Length(max=200)],
    )
    kind = SelectField(_l("Kind"), choices=choice_list(KIND_LABELS.items()), validate_choice=True)
    audience = StringField(
        _l("Audience"),
        filters=[no_nul, strip],
        validators=[Length(max=300)],
        description=_l("Who will read or hear it: city council, reporters, neighbors..."),
    )
    purpose = TextAreaField(
        _l("Purpose"),
        filters=[no_nul, strip],
        validators=[Length(max=1000)],
        render_kw={"rows": 3},
    )
    committee_id = SelectField(
        _l("Committee"),
        choices=[],
        validate_choice=False,
        validators=[OfferedChoice(_l("Choose one of the committees listed."))],
    )
    language = SelectField(_l("Language"), validate_choice=True)
    embargo_until = DateField(_l("Embargoed until (optional)"), validators=[Optional()])
    submit = SubmitField(_l("Save the details"))

    def __init__(self, *args, committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = choice_list(language_choices())
        self.committee_id.choices = choice_list(
            [("", _l("No committee: its authors and coordinators"))]
            + [(str(committee.id), committee.name) for committee in committees]
        )

    def posted_version(self):
        return _posted_number(self.version.data)


class NewDraftForm(DraftDetailsForm):
    text = TextAreaField(
        _l("Text"),
        filters=[no_nul],
        validators=[Length(max=MAX_TEXT_LENGTH)],
        render_kw={"rows": 14},
    )
    submit = SubmitField(_l("Start the draft"))


class DraftTextForm(FlaskForm):
    # The revision the text was written from: a later save by someone else is merged, not lost.
    base_revision = HiddenField()
    text = TextAreaField(
        _l("Text"),
        filters=[no_nul],
        validators=[Length(max=MAX_TEXT_LENGTH)],
        render_kw={"rows": 20},
    )
    summary = StringField(
        _l("What changed (optional)"), filters=[no_nul, strip], validators=[Length(max=300)]
    )
    # A language version: the original's revision shown while translating, and whether this
    # save brings the version up to date with it.
    source_revision = HiddenField()
    synced = BooleanField(_l("This save brings the translation up to date with the original"))
    submit = SubmitField(_l("Save"))

    def base_number(self):
        return _posted_number(self.base_revision.data)

    def up_to(self):
        """The original's revision this save follows, when the translator says so."""
        return _posted_number(self.source_revision.data) if self.synced.data else None


class RestoreForm(FlaskForm):
    base_revision = HiddenField()

    def base_number(self):
        return _posted_number(self.base_revision.data)


SORTS = {"recent": _l("Recently changed"), "title": _l("Title, A to Z"), "new": _l("Newest")}


class DraftFilterForm(ListFilterForm):
    """The drafts list's filters, read from the query string."""

    q = search_field(_l("Title contains"))
    status = SelectField(_l("Status"), validate_choice=True)
    kind = SelectField(_l("Kind"), validate_choice=True)
    committee = SelectField(_l("Committee"), validate_choice=True)
    language = SelectField(_l("Language"), validate_choice=True)
    mine = BooleanField(_l("Only drafts I wrote in"))
    sort = SelectField(_l("Sort by"), choices=choice_list(SORTS.items()), validate_choice=True)

    def __init__(self, *args, committees=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = choice_list([("", _l("Any status")), *STATUS_LABELS.items()])
        self.kind.choices = choice_list([("", _l("Any kind")), *KIND_LABELS.items()])
        self.committee.choices = choice_list(
            [("", _l("Any committee"))] + [(str(c_id), name) for c_id, name in committees]
        )
        self.language.choices = choice_list([("", _l("Any language")), *language_choices()])
