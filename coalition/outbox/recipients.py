"""Who the outbox writes to, found by id without the outbox importing a feature.

The application registers how to find a person (members' Person); the outbox needs only
what any recipient has: `id`, `email`, `name`, `language` and `is_active`.
"""

from flask import current_app

EXTENSION = "outbox.find_person"


def register(app, find_person):
    """Tell the outbox how to find a person by id (None when there is none)."""
    app.extensions[EXTENSION] = find_person


def find_person(person_id):
    """The person with this id, through the registered lookup, or None."""
    return current_app.extensions[EXTENSION](person_id)
