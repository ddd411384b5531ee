"""Form fields and filters shared by every package's forms."""

from wtforms import SelectChoice, SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from coalition.web.i18n import _l


class ChoiceCheckbox(CheckboxInput):
    """A checkbox with its choice's own attributes (a SelectChoice's render_kw), as a
    select's options have; WTForms gives checkboxes only the field's."""

    def __call__(self, field, **kwargs):
        choice = getattr(field, "choice", None)
        own = (choice.render_kw if choice is not None else None) or {}
        return super().__call__(field, **{**own, **kwargs})


class MultiCheckboxField(SelectMultipleField):
    """Several choices as a list of checkboxes (the field macro wraps it in a fieldset)."""

    widget = ListWidget(prefix_label=False)
    option_widget = ChoiceCheckbox()


def one_line(value):
    """One line of text: line breaks and runs of whitespace become one space (names, places,
    email headers), so nothing typed can start a new line or header."""
    return " ".join(value.split()) if isinstance(value, str) else value


def choice_list(pairs):
    """(value, label) pairs as the SelectChoice objects WTForms expects."""
    return [SelectChoice(value, label) for value, label in pairs]


class OfferedChoice:
    """A pick list's value must be one it offered (pick lists offer only what the viewer may
    see), with a message that says what to do."""

    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if str(field.data or "") not in {str(choice[0]) for choice in field.iter_choices()}:
            raise ValidationError(self.message)


def strip(value):
    """Surrounding spaces never count."""
    return value.strip() if isinstance(value, str) else value


def no_nul(value):
    """NUL characters mean nothing in text, and PostgreSQL refuses to store them."""
    return value.replace("\x00", "") if isinstance(value, str) else value


def none_if_empty(value):
    """An empty optional text is stored as NULL."""
    return value or None


class WebAddress:
    """An http(s) address: anything else (javascript:, data:) never becomes a link."""

    def __call__(self, form, field):
        value = field.data or ""
        if value and not value.lower().startswith(("http://", "https://")):
            raise ValidationError(_l("Enter a web address starting with https://"))
        if any(char.isspace() for char in value):
            raise ValidationError(_l("A web address has no spaces."))
