"""What members learn from committees, which build on members and so are never imported here.

Committees register two answers when their blueprint is registered (as features register
timeline sources): who shares a committee with a person, and whose rosters a viewer may
list. Members' rules and views ask through this module. Until committees register (an app
without them), no one shares a committee and no roster is listed. The few lists by committee
(the directory's filter, an organization's committees) read committees' tables by name here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import false, null, select

from coalition.core.extensions import db


@dataclass(frozen=True)
class CommitteeRosters:
    # viewer -> SELECT of the ids of the people on the viewer's committees
    fellows: Callable
    # viewer -> SQL condition on the committee table: the committees whose members they may list
    visible: Callable


def _no_fellows(viewer):
    return select(null()).where(false())


def _no_rosters(viewer):
    return false()


_registered = {"rosters": CommitteeRosters(fellows=_no_fellows, visible=_no_rosters)}


def register_rosters(fellows, visible):
    """Committees tell members how to find fellow members and visible rosters."""
    _registered["rosters"] = CommitteeRosters(fellows=fellows, visible=visible)


def fellows_select(viewer):
    """A SELECT of the ids of the people who share a committee with the viewer."""
    return _registered["rosters"].fellows(viewer)


def visible_rosters_clause(viewer):
    """An SQL condition on the committee table: the committees whose members the viewer may
    list (so filters and lists by committee name no one else)."""
    return _registered["rosters"].visible(viewer)


def committee_table(name):
    """One of committees' tables, read by name: members never imports their models."""
    return db.metadata.tables[name]
