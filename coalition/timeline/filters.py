"""The timeline's filters: offered from what the reader may see, read from the query string."""

from flask import request
from flask_babel import gettext as _

from coalition.timeline import access as timeline_access
from coalition.timeline.forms import FilterForm, number_or_none
from coalition.timeline.labels import KIND_LABELS
from coalition.timeline.queries import Filters
from coalition.timeline.sources import resolver_for
from coalition.web.form_fields import choice_list


def _offered(source_type, viewer, anything):
    resolver = resolver_for(source_type)
    found = resolver.choices(viewer) if resolver is not None else []
    return choice_list([("", anything)] + [(str(i), title) for i, title in found])


def filter_form(viewer):
    """The filter form over the request's query string, offering only what the reader sees."""
    form = FilterForm(request.args)
    kinds = [("", _("Every kind"))] + [(k, str(v)) for k, v in KIND_LABELS.items()]
    form.kind.choices = choice_list(kinds)
    form.committee.choices = _offered("committee", viewer, _("Any committee"))
    form.goal.choices = _offered("goal", viewer, _("Any goal"))
    form.organization.choices = _offered("organization", viewer, _("Any organization"))
    return form.drop_invalid()


def _picked(field):
    """A chosen id, only if it is one the form offered."""
    offered = {choice.value for choice in field.choices}
    return number_or_none(field.data) if field.data in offered else None


def chosen_filters(form, viewer):
    """The filters as the query layer takes them; invalid dates narrow nothing."""
    dates_ok = not (form.start.errors or form.end.errors)
    return Filters(
        kind=form.kind.data or None,
        committee_id=_picked(form.committee),
        goal_id=_picked(form.goal),
        organization_id=_picked(form.organization),
        start=(form.start.data or None) if dates_ok else None,
        end=(form.end.data or None) if dates_ok else None,
        hidden=request.args.get("hidden") == "1"
        and timeline_access.can_see_hidden_timeline_entries(viewer),
    )
