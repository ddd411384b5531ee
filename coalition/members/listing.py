"""What the lists of people and organizations share: the page size and a count."""

from sqlalchemy import func

from coalition.core.extensions import db

PAGE_SIZE = 50


def count_rows(query):
    """How many rows a select returns, counted by the database."""
    return db.session.scalar(db.select(func.count()).select_from(query.order_by(None).subquery()))
