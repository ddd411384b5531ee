"""What the timeline's pages share: the reader's view of it, one entry, its page."""

from flask import abort, g, render_template
from flask_babel import gettext as _
from flask_login import current_user

from coalition.timeline import access as timeline_access
from coalition.timeline import queries
from coalition.timeline.labels import KIND_LABELS
from coalition.timeline.models import TimelineEntry
from coalition.timeline.sources import resolver_for
from coalition.web import authz


def reading():
    """The timeline as the current reader sees it, worked out once per request."""
    if "timeline_reading" not in g:
        g.timeline_reading = queries.Reading(current_user)
    return g.timeline_reading


def visible_entry(entry_id):
    """The entry if the reader may see it (a hidden one only to coordinators), else 404."""
    entry = authz.get_or_404(TimelineEntry, entry_id)
    hidden_ok = timeline_access.can_see_hidden_timeline_entries(current_user)
    if not reading().may_see(entry) or (entry.is_hidden and not hidden_ok):
        abort(404)
    return entry


def render_entry(found, hide_form, status=200):
    ((shown, title, links),) = queries.described([found])
    page = render_template(
        "timeline/entry.html",
        entry=shown,
        title=title,
        links=links,
        groups=_link_groups(shown, links),
        hide_form=hide_form,
        kind_labels=KIND_LABELS,
    )
    return page, status


def _link_groups(found, links):
    """[(type label, [SourceLink])] of the entry's links, credits first."""
    groups = {}
    for link in found.links:
        resolved = links.get((link.source_type, link.source_id))
        resolver = resolver_for(link.source_type)
        if resolved is None or resolver is None:
            continue
        groups.setdefault(link.source_type, (resolver.label, []))[1].append(resolved)
    credits = groups.pop("organization", None)
    ordered = [groups[key] for key in sorted(groups)]
    return ([(_("Organizations credited"), credits[1])] if credits else []) + ordered
