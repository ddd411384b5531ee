"""How the timeline shows entries linked to drafts ("message published" and entries people
link to a draft): only to readers who may see the draft, with its current title."""

from flask import url_for
from sqlalchemy import select

from coalition.core.extensions import db
from coalition.messaging import access as messaging_access
from coalition.messaging.models import Draft
from coalition.timeline.sources import SourceLink, SourceResolver, register_source
from coalition.web.i18n import _l


class DraftSource(SourceResolver):
    label = _l("Drafts")

    def visible_ids(self, ids, viewer):
        clause = messaging_access.visible_drafts_clause(viewer)
        return set(db.session.scalars(select(Draft.id).where(Draft.id.in_(ids), clause)))

    def links(self, ids):
        rows = db.session.execute(select(Draft.id, Draft.title).where(Draft.id.in_(ids)))
        return {
            draft_id: SourceLink(title, url_for("messaging.draft", draft_id=draft_id))
            for draft_id, title in rows
        }

    def choices(self, viewer):
        clause = messaging_access.visible_drafts_clause(viewer)
        query = select(Draft.id, Draft.title).where(clause).order_by(Draft.title, Draft.id)
        return [(draft_id, title) for draft_id, title in db.session.execute(query)]


def register_draft_source(state=None):
    """Teach the timeline about drafts (once, when the blueprint registers)."""
    register_source("draft", DraftSource())
