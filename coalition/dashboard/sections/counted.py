"""A card's list: the first few rows and how many there are in all, so the card and the
"On this page" list count everything, in two queries at any size."""

from dataclasses import dataclass

from sqlalchemy import func

from coalition.core.extensions import db

SHOWN = 5  # rows a card lists; its "N more" line counts the rest


@dataclass(frozen=True)
class Counted:
    """The first few of a list, and how many it holds."""

    shown: list
    count: int

    @property
    def more(self):
        """How many the card does not list."""
        return max(self.count - len(self.shown), 0)


def first_and_count(query, order, options=()):
    """The first SHOWN rows of an ORM select in `order` (with loader `options`), and how
    many rows it matches in all: one count and one select."""
    count = db.session.scalar(db.select(func.count()).select_from(query.subquery()))
    shown = db.session.scalars(query.options(*options).order_by(*order).limit(SHOWN)).all()
    return Counted(shown, count)
