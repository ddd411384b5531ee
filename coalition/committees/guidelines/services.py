"""Operating guidelines: sections whose text changes only by revision (coalition/revisions).

An adopted proposal writes a revision (proposals.py); a coordinator may make an editorial
correction, recorded as a revision marked editorial. Revisions are never changed.
"""

from sqlalchemy.orm import selectinload

from coalition.committees.guidelines.models import GuidelineRevision, GuidelineSection
from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.revisions import services as revisions
from coalition.revisions.models import Revision
from coalition.web.i18n import _l

KIND = "guideline"  # the kind of revisioned text a section holds


def sections():
    return db.session.scalars(
        db.select(GuidelineSection).order_by(GuidelineSection.position, GuidelineSection.id)
    ).all()


def add_section(title, text, actor):
    """A new section at the end, its text as revision 1."""
    if db.session.scalar(db.select(GuidelineSection.id).filter_by(title=title)):
        raise ActionRefused(_l("A section with this title exists."), field="title")
    position = db.session.scalar(db.select(db.func.count(GuidelineSection.id)))
    section = GuidelineSection(
        title=title, position=position, revisioned=revisions.create_text(KIND)
    )
    db.session.add(section)
    db.session.flush()
    write_revision(section, text, actor, editorial=False, note=str(_l("First text")))
    return section


def write_revision(section, text, actor, *, editorial, note="", proposal=None):
    """Make `text` current: a new immutable revision, numbered after the last."""
    revision = revisions.write(section.text_id, text, actor, note)
    return _mark(revision, editorial, proposal)


def _mark(revision, editorial, proposal=None):
    marked = GuidelineRevision(
        revision=revision,
        editorial=editorial,
        proposal_id=proposal.id if proposal is not None else None,
    )
    db.session.add(marked)
    db.session.flush()
    return marked


def correct_editorially(section, text, note, version, actor):
    """A coordinator's editorial correction; a save from an older version is refused."""
    if str(section.version) != str(version):
        raise EditConflict(section)
    current = section.revisioned.current_number
    return _mark(revisions.save(section.text_id, text, current, actor, note), editorial=True)


def history(section_id):
    """The section with every revision (newest first), its marks and its author."""
    return db.session.scalar(
        db.select(GuidelineSection)
        .where(GuidelineSection.id == section_id)
        .options(
            selectinload(GuidelineSection.revisions)
            .joinedload(GuidelineRevision.revision)
            .selectinload(Revision.author)
        )
    )


def compare(section, old_number, new_number, **labels):
    """(old, new, word diff) of two revisions of the section, or None if either is missing."""
    return revisions.compare(section.text_id, old_number, new_number, **labels)
