"""Saving an edit form that may be stale: commit it, or show both versions side by side."""

from dataclasses import dataclass

from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from coalition.errors import ActionRefused, EditConflict
from coalition.extensions import db

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


def save_edit(form, save, current_form):
    """Call save() (a service) and commit; return (saved, conflict rows or None).

    A save based on an older version (EditConflict, or the ORM's StaleDataError when two
    saves race) is rolled back; current_form() then builds the form from the object as
    saved now, the submitted form moves onto that version, and the rows compare the two.
    A refused rule puts its message beside its field.
    """
    try:
        save()
        db.session.commit()
    except (EditConflict, StaleDataError):
        db.session.rollback()
        current = current_form()
        form.version.data = current.version.data
        return False, side_by_side(form, current)
    except ActionRefused as refused:
        db.session.rollback()
        getattr(form, refused.field).errors.append(str(refused.message))
        return False, None
    return True, None
