"""A stale edit shown as both versions side by side: the form submitted and the one saved."""

from dataclasses import dataclass

from flask_babel import format_date
from flask_babel import gettext as _

HIDDEN_TYPES = ("CSRFTokenField", "HiddenField", "SubmitField")


@dataclass(frozen=True)
class ConflictRow:
    label: str
    mine: str
    saved: str

    @property
    def differs(self):
        return self.mine != self.saved


def shown_value(field):
    """What a reader would see in a field, as text (choices by their labels)."""
    if field.type == "BooleanField":
        return _("Yes") if field.data else _("No")
    if field.type == "DateField":
        return format_date(field.data) if field.data else ""
    if hasattr(field, "iter_choices"):
        chosen = [str(c.label) for c in field.iter_choices() if c.selected and c.value != ""]
        return ", ".join(chosen)
    return "" if field.data is None else str(field.data)


def side_by_side(mine, saved):
    """Rows of (label, the value submitted, the value saved meanwhile) for every visible field."""
    return [
        ConflictRow(str(field.label.text), shown_value(field), shown_value(saved[field.name]))
        for field in mine
        if field.type not in HIDDEN_TYPES
    ]


def compare_with_saved(form, saved_form):
    """Move the submitted form onto the version saved now and return the rows comparing them.

    Saving it again then replaces the other version knowingly; nothing was overwritten yet.
    """
    saved = saved_form()
    form.version.data = saved.version.data
    return side_by_side(form, saved)
