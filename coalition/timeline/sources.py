"""Registry of source resolvers: features describe their objects to the timeline.

Each feature registers a resolver at start-up, so the timeline links to meetings, goals
or drafts without importing them. A resolver answers in batches, so a page of entries
costs one query per source type, whatever the number of entries. A resolver with a `label`
is offered in the entry form's picker ("organization" is offered as organizations to
credit), with `choices(viewer)`: only what that person may see.
"""

from dataclasses import dataclass

_resolvers = {}
CREDIT_TYPE = "organization"  # organizations are credited, the other types linked


@dataclass(frozen=True)
class SourceLink:
    """How a reader sees one source: its current title and where it lives."""

    title: str
    url: str


class SourceResolver:
    """Base class: override visible_ids and links; label and choices to be offered."""

    label = None  # a lazy string naming the type in the picker; None: never offered

    def visible_ids(self, ids, viewer):
        """Return the subset of ids the viewer may see."""
        raise NotImplementedError

    def links(self, ids):
        """Return {id: SourceLink} for the ids that still exist."""
        raise NotImplementedError

    def choices(self, viewer):
        """[(id, title)] the viewer may link an entry to, in the order to offer them."""
        return []


def register_source(source_type, resolver):
    """Teach the timeline how to resolve one source type."""
    _resolvers[source_type] = resolver


def resolver_for(source_type):
    """The resolver for a source type, or None when no feature registered it."""
    return _resolvers.get(source_type)


def pickable_types():
    """The registered types offered as links (not credits), in a stable order."""
    return sorted(
        source_type
        for source_type, resolver in _resolvers.items()
        if resolver.label is not None and source_type != CREDIT_TYPE
    )


def visible_sources(pairs, viewer):
    """The (type, id) pairs among `pairs` the viewer may see: one batch per type.

    A type no feature registered, or an object that no longer exists, is not visible.
    """
    by_type = {}
    for source_type, source_id in pairs:
        by_type.setdefault(source_type, set()).add(source_id)
    visible = set()
    for source_type, ids in by_type.items():
        resolver = resolver_for(source_type)
        allowed = resolver.visible_ids(ids, viewer) if resolver else set()
        visible.update((source_type, source_id) for source_id in allowed)
    return visible


def resolve_links(pairs):
    """{(type, id): SourceLink} for the pairs that still exist: one batch per type."""
    by_type = {}
    for source_type, source_id in pairs:
        by_type.setdefault(source_type, set()).add(source_id)
    found = {}
    for source_type, ids in by_type.items():
        resolver = resolver_for(source_type)
        for source_id, link in (resolver.links(ids) if resolver else {}).items():
            found[(source_type, source_id)] = link
    return found
