"""Creator fixtures for drafts and comments, and helpers to read the pages back."""

import re

import pytest

from coalition.core.extensions import db


@pytest.fixture
def create_draft(app):
    """create_draft(author, title=..., text=..., committee=None, **details) -> Draft's id."""
    from coalition.members.people.models import Person
    from coalition.messaging import services
    from coalition.messaging.services import DraftDetails

    def create(
        author,
        title="Talking points for the council",
        text="We ask for funding.",
        committee=None,
        **details,
    ):
        details.setdefault("kind", "talking_points")
        with app.app_context():
            actor = db.session.get(Person, author.id)
            draft = services.start_draft(
                DraftDetails(
                    title=title,
                    committee_id=committee.id if committee is not None else None,
                    **details,
                ),
                text,
                actor,
            )
            db.session.commit()
            return draft.id

    return create


@pytest.fixture
def save_text(app):
    """save_text(draft_id, author, text) -> the new revision's number (from the current one)."""
    from coalition.members.people.models import Person
    from coalition.messaging import services
    from coalition.messaging.models import Draft

    def save(draft_id, author, text, summary=""):
        with app.app_context():
            draft = db.session.get(Draft, draft_id)
            revision = services.save_text(
                draft, text, draft.revision_number, db.session.get(Person, author.id), summary
            )
            db.session.commit()
            return revision.number

    return save


def base_revision(page):
    return re.search(r'name="base_revision"[^>]*value="(\d+)"', page).group(1)


def textarea(page, name="text"):
    """The text a form's textarea holds, unescaped as a browser would post it."""
    import html

    found = re.search(rf'<textarea[^>]*name="{name}"[^>]*>\r?\n?(.*?)</textarea>', page, re.S)
    return html.unescape(found.group(1))


def draft_state(app, draft_id):
    """(text, current revision number) of the draft as saved."""
    from coalition.messaging.models import Draft

    with app.app_context():
        draft = db.session.get(Draft, draft_id)
        return draft.text, draft.revision_number
