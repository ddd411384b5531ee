"""Registry of source resolvers: features describe their objects to the timeline.

Each feature registers a resolver at start-up, so the timeline links to meetings, goals
or drafts without importing them. A resolver answers in batches, so a page of entries
costs one query per source type, whatever the number of entries.
"""

from dataclasses import dataclass

_resolvers = {}


@dataclass(frozen=True)
class SourceLink:
    """How a reader sees one source: its current title and where it lives."""

    title: str
    url: str


class SourceResolver:
    """Base class: override both methods for one source type."""

    def visible_ids(self, ids, viewer):
        """Return the subset of ids the viewer may see."""
        raise NotImplementedError

    def links(self, ids):
        """Return {id: SourceLink} for the ids that still exist."""
        raise NotImplementedError


def register_source(source_type, resolver):
    """Teach the timeline how to resolve one source type."""
    _resolvers[source_type] = resolver


def resolver_for(source_type):
    """The resolver for a source type, or None when no feature registered it."""
    return _resolvers.get(source_type)
