"""Reading and changing people."""

from sqlalchemy import or_

from coalition.extensions import db
from coalition.members.models import Person

PAGE_SIZE = 50


def directory_page(viewer, *, page=1, include_all):
    """One page of people the viewer may list, by name, with the total count.

    include_all is the caller's authorization answer (coordinators see everyone).
    """
    query = db.select(Person).where(Person.deactivated_at.is_(None))
    if not include_all:
        query = query.where(or_(Person.directory_consent.is_(True), Person.id == viewer.id))
    total = db.session.scalar(db.select(db.func.count()).select_from(query.subquery()))
    people = db.session.scalars(
        query.order_by(Person.name, Person.id).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    ).all()
    return people, total
