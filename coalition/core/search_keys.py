"""Stored search keys: a column holding core.matching.search_key of another column, so a
search is `key LIKE %search_key(q)%` on every database, with no SQL function or extension
(SQLite's LIKE ignores case for ASCII only, and neither database drops accents).

Every write fills the key: an INSERT that does not give it (the ORM, or an import's bulk
insert from dicts) computes it from the text's parameter, and setting the text on a loaded
object sets the key with it (edits, renames). A bulk UPDATE by primary key from dicts would
bypass the second, so such a statement must give the key itself.
"""

from sqlalchemy import event

from coalition.core.extensions import db
from coalition.core.matching import search_key


def search_key_column(source):
    """A column for search_key(`source`), filled on INSERT when not given; indexed for
    lists sorted by it."""

    def from_source(context):
        return search_key(context.get_current_parameters().get(source))

    return db.Column(db.Text, nullable=False, default=from_source, index=True)


def keep_search_key(attribute, key_name):
    """Set `key_name` whenever the ORM sets `attribute` (a model's text column)."""

    @event.listens_for(attribute, "set")
    def _set_key(target, value, _old, _initiator):
        setattr(target, key_name, search_key(value))


def key_contains(key_column, typed):
    """`key_column` holds search_key(typed) anywhere, LIKE's wildcards in `typed` taken
    literally ("50%" finds "50% off", not "500")."""
    wanted = search_key(typed)
    escaped = wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return key_column.like(f"%{escaped}%", escape="\\")
