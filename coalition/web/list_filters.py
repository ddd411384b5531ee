"""A list's filters, read from the query string: the search box every list shares, and a
value that is not valid said beside its field instead of quietly ignored."""

from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import SearchField
from wtforms.validators import Length

from coalition.web.form_fields import no_nul, strip
from coalition.web.i18n import _l

SEARCH_MAX = 100


def search_field(label):
    """A list's search box: NUL removed (it means nothing), spaces trimmed, at most
    SEARCH_MAX characters."""
    too_long = _l("Search words can be at most %(max)d characters; nothing was searched.")
    return SearchField(
        label, filters=[no_nul, strip], validators=[Length(max=SEARCH_MAX, message=too_long)]
    )


class ListFilterForm(FlaskForm):
    """Filters read from the query string (GET): no CSRF, no state changes."""

    class Meta:
        csrf = False

    def drop_invalid(self):
        """Validate; a value that is not valid narrows nothing and keeps its error beside its
        field, so the page (still 200, the other filters applied) says what was not applied
        rather than showing a list that seems to match it."""
        for field in self:
            if hasattr(field, "iter_choices") and field.data is None and field.choices:
                # Not in the query string: what the pick list shows first ("Any ...", the
                # default order), as a browser sends it; not a value that was not offered.
                field.data = _first_value(field.choices)
        self.validate()
        for field in self:
            if not field.errors:
                continue
            if hasattr(field, "iter_choices"):
                # WTForms' "Not a valid choice." does not say what the list did with it.
                field.errors = [_("This choice is not offered, so the list is not narrowed by it.")]
            field.data = False if field.type == "BooleanField" else ""
        return self


def _first_value(choices):
    """The value of a pick list's first choice (a SelectChoice, a (value, label) pair or a
    bare value)."""
    first = next(iter(choices.values()))[0] if isinstance(choices, dict) else choices[0]
    if hasattr(first, "value"):
        return first.value
    return first[0] if isinstance(first, tuple | list) else first
