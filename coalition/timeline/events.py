"""What an automatic entry says, written when it is shown, in the reader's language.

An automatic entry stores its source and event ("goal", 7, "achieved"); its title comes
from this table keyed by (source type, event), filled with the source's title. An event
that happens more than once to one source carries its count ("active-2"): the table may
say it differently the second time ("active-again").
"""

from coalition.web.i18n import _l

EVENT_TITLES = {
    ("goal", "achieved"): _l("Goal achieved: %(title)s"),
    ("goal", "dropped"): _l("Goal dropped: %(title)s"),
    ("proposal", "adopted"): _l("Proposal adopted: %(title)s"),
    ("proposal", "rejected"): _l("Proposal not adopted: %(title)s"),
    ("proposal", "blocked"): _l("Proposal blocked: %(title)s"),
    ("proposal", "no_quorum"): _l("Proposal not decided for lack of quorum: %(title)s"),
    ("guideline", "amended"): _l("Operating guidelines amended: %(title)s"),
    ("draft", "published"): _l("Message published: %(title)s"),
    ("organization", "active"): _l("%(title)s became an active partner"),
    ("organization", "active-again"): _l("%(title)s is an active partner again"),
    ("organization", "lapsed"): _l("%(title)s is no longer an active partner"),
    ("minutes", "held"): _l("Meeting held: %(title)s"),
}


def register_event_title(source_type, event, title):
    """A feature adds what one of its events says (a lazy string with %(title)s)."""
    EVENT_TITLES[(source_type, event)] = title


def title_key(source_type, event):
    """The table's key for an event, "active-2" read as the second "active"."""
    base, _, count = event.rpartition("-")
    if not (base and count.isdigit()):
        return (source_type, event)
    again = (source_type, f"{base}-again")
    return again if int(count) > 1 and again in EVENT_TITLES else (source_type, base)


def entry_title(entry, source_title=None):
    """The title a reader sees: a written entry's own, or its event's, in their language.

    `source_title` is the source's current title (else the one kept when it happened). The
    result is plain text, escaped where it is shown like any other value.
    """
    if not entry.is_automatic:
        return entry.title
    name = source_title or entry.source_title or ""
    template = EVENT_TITLES.get(title_key(entry.source_type, entry.event))
    return str(template) % {"title": name} if template is not None else name
