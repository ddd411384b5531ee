"""A stale edit shown as both versions side by side: the form submitted and the one saved."""

from dataclasses import dataclass
from datetime import date, datetime, time

from flask_babel import format_date, format_time, get_locale
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
    """What a reader would see in a field, as text: choices by their labels, yes or no, and
    dates and times as the app writes them; "" for nothing (the page shows a dash)."""
    if field.type == "BooleanField":
        return _("Yes") if field.data else _("No")
    if hasattr(field, "iter_choices"):
        return _chosen_labels(field)
    return _shown_data(field.data)


def _chosen_labels(field):
    choices = list(field.iter_choices())
    chosen = [str(choice.label) for choice in choices if choice.selected]
    if not chosen and field.data in (None, ""):
        # Nothing chosen is the form's "" choice where it has one ("The whole coalition").
        chosen = [str(choice.label) for choice in choices if choice.value == ""]
    return ", ".join(chosen)


def _shown_data(value):
    # A form's times and date-times are wall-clock values (the meeting's own clocks): written
    # as they are, never moved into the reader's zone, and without seconds.
    if value is None:
        return ""
    if isinstance(value, datetime):
        joined = get_locale().datetime_formats["medium"]
        return joined.format(_clock(value.time()), format_date(value.date(), "medium"))
    if isinstance(value, date):
        return format_date(value, "medium")
    if isinstance(value, time):
        return _clock(value)
    return str(value)


def _clock(value):
    return format_time(value, "short", rebase=False)


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
