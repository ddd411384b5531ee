"""Operating guidelines: sections whose text changes only by revision.

An adopted proposal writes a revision (proposals.py); a coordinator may make an editorial
correction, recorded as a revision marked editorial. Revisions are never changed.
"""

from sqlalchemy.orm import selectinload

from coalition.committees.models import GuidelineRevision, GuidelineSection
from coalition.errors import ActionRefused, EditConflict
from coalition.extensions import db
from coalition.i18n import _l
from coalition.textdiff import has_changes


def sections():
    return db.session.scalars(
        db.select(GuidelineSection).order_by(GuidelineSection.position, GuidelineSection.id)
    ).all()


def add_section(title, text, actor):
    if db.session.scalar(db.select(GuidelineSection.id).filter_by(title=title)):
        raise ActionRefused(_l("A section with this title exists."), field="title")
    position = db.session.scalar(db.select(db.func.count(GuidelineSection.id)))
    section = GuidelineSection(title=title, position=position, text="")
    db.session.add(section)
    db.session.flush()
    write_revision(section, text, actor, editorial=False, note=str(_l("First text")))
    return section


def write_revision(section, text, actor, *, editorial, note="", proposal=None):
    """Make `text` current: a new immutable revision, numbered after the last."""
    number = (
        db.session.scalar(
            db.select(db.func.max(GuidelineRevision.number)).filter_by(section_id=section.id)
        )
        or 0
    ) + 1
    revision = GuidelineRevision(
        section=section,
        number=number,
        text=text,
        editorial=editorial,
        note=note,
        proposal_id=proposal.id if proposal is not None else None,
        author_id=actor.id if actor is not None else None,
    )
    db.session.add(revision)
    section.text = text
    db.session.flush()
    return revision


def correct_editorially(section, text, note, version, actor):
    """A coordinator's editorial correction; a save from an older version is refused."""
    if str(section.version) != str(version):
        raise EditConflict(section)
    if not has_changes(section.text, text):
        raise ActionRefused(_l("The text is unchanged."), field="text")
    return write_revision(section, text, actor, editorial=True, note=note)


def history(section_id):
    return db.session.scalar(
        db.select(GuidelineSection)
        .where(GuidelineSection.id == section_id)
        .options(selectinload(GuidelineSection.revisions).selectinload(GuidelineRevision.author))
    )
