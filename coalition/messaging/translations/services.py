"""Language versions: starting one from a draft, saving it up to date with its original,
and where each stands (out of date since which revision of the original, and what changed).

Views pass the visibility clause (messaging/access.py) for the lists; services never commit.
"""

from dataclasses import dataclass

from sqlalchemy import select

from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.messaging import services as drafts
from coalition.messaging.models import Draft
from coalition.messaging.services import DraftDetails
from coalition.messaging.translations.models import DraftTranslation
from coalition.revisions import services as revisions
from coalition.revisions.diff import has_changes
from coalition.web.i18n import _l


@dataclass(frozen=True)
class TranslationState:
    """A translation's link to its original and, when out of date, what changed since."""

    link: DraftTranslation
    source_revision: int  # the original's current revision

    @property
    def out_of_date(self):
        return self.link.out_of_date(self.source_revision)

    @property
    def since(self):
        """The first revision of the original this translation has not followed."""
        return self.link.synced_revision + 1


def start_translation(source, language, title, actor):
    """A new draft in `language` translating `source`, starting from its text."""
    if language == source.language:
        raise ActionRefused(_l("Choose a language other than the original's."), field="language")
    if _version_in(source, language) is not None:
        raise ActionRefused(_l("This draft has a version in that language."), field="language")
    details = DraftDetails(
        title=title,
        kind=source.kind,
        audience=source.audience,
        purpose=source.purpose,
        committee_id=source.committee_id,
        language=language,
        embargo_until=source.embargo_until,
    )
    translation = drafts.start_draft(details, source.text, actor)
    db.session.add(
        DraftTranslation(
            source_id=source.id,
            translation_id=translation.id,
            synced_revision=source.revision_number,
        )
    )
    db.session.flush()
    return translation


def _version_in(source, language):
    return db.session.scalar(
        select(DraftTranslation.id)
        .join(Draft, Draft.id == DraftTranslation.translation_id)
        .where(DraftTranslation.source_id == source.id, Draft.language == language)
    )


def link_of(draft):
    """The draft's link to the original it translates, or None."""
    return db.session.scalar(
        select(DraftTranslation)
        .filter_by(translation_id=draft.id)
        .options(db.joinedload(DraftTranslation.source))
    )


def save(draft, text, base_number, actor, summary="", up_to=None):
    """Save the text; `up_to`: the original's revision it now follows (the translator said
    so). Unchanged text with `up_to` only marks it up to date."""
    link = link_of(draft) if up_to else None
    revision = None
    if link is None or has_changes(draft.text, text):
        revision = drafts.save_text(draft, text, base_number, actor, summary)
    if link is not None:
        link.synced_revision = max(link.synced_revision, min(up_to, link.source.revision_number))
        db.session.flush()
    return revision


def state_of(draft):
    """The translation's state, or None when the draft translates nothing."""
    link = link_of(draft)
    if link is None:
        return None
    return TranslationState(link, link.source.revision_number)


def changes_since(state, **labels):
    """The word diff of the original from the revision the translation follows to now."""
    source = state.link.source
    compared = revisions.compare(
        source.text_id, state.link.synced_revision, state.source_revision, **labels
    )
    return compared[2] if compared else ""


def versions_of(source, visible):
    """[TranslationState] of the source's language versions the viewer may see."""
    links = db.session.scalars(
        select(DraftTranslation)
        .join(Draft, Draft.id == DraftTranslation.translation_id)
        .where(DraftTranslation.source_id == source.id, visible)
        .options(db.joinedload(DraftTranslation.translation))
        .order_by(Draft.language)
    ).all()
    return [TranslationState(link, source.revision_number) for link in links]
