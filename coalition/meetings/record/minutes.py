"""Minutes of one date: saved as immutable revisions, merged when two people edit at once,
published once with a "meeting held" entry on the timeline."""

from sqlalchemy.exc import IntegrityError

from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.timezones import coalition_date
from coalition.meetings.record.models import Minutes
from coalition.revisions import services as revisions
from coalition.timeline.services import record_event
from coalition.web.i18n import _l

MAX_MINUTES_LENGTH = 100_000


KIND = "minutes"  # the kind of revisioned text a date's minutes hold


def minutes_of(meeting_id, start):
    """The minutes of one date, or None before anyone wrote them."""
    return db.session.scalar(
        db.select(Minutes).filter_by(meeting_id=meeting_id, occurrence_start=start)
    )


def save_minutes(meeting, start, text, base_number, actor, note=""):
    """Save `text` as a new revision, if it was written from the latest one.

    Written from an older revision (someone saved meanwhile), nothing is saved: the
    StaleRevision carries their text and a word-by-word merge of both edits to review.
    """
    if len(text) > MAX_MINUTES_LENGTH:
        raise ActionRefused(_l("The minutes are too long."), field="text")
    minutes = minutes_of(meeting.id, start) or _first_minutes(meeting, start)
    try:
        revisions.save(minutes.text_id, text, base_number, actor, note)
    except revisions.TextUnchanged:
        raise ActionRefused(_l("The minutes are unchanged."), field="text") from None
    return minutes


def crossed_edit(minutes, text, base_number):
    """The StaleRevision of `text` (written from revision `base_number`) with the saved minutes."""
    return revisions.stale(minutes.text_id, text, base_number)


def history(minutes, from_number=0):
    """Every revision from `from_number` on, newest first, with its author."""
    return [r for r in revisions.history(minutes.text_id) if r.number >= from_number]


def _first_minutes(meeting, start):
    """The empty minutes row; when another editor created it a moment ago, theirs."""
    try:
        with db.session.begin_nested():
            minutes = Minutes(
                meeting_id=meeting.id,
                occurrence_start=start,
                revisioned=revisions.create_text(KIND),
            )
            db.session.add(minutes)
    except IntegrityError:
        return minutes_of(meeting.id, start)
    return minutes


def publish(minutes, occurrence, actor):
    """Show the minutes to everyone who sees the meeting; the timeline says it was held, once."""
    if not minutes.text.strip():
        raise ActionRefused(_l("Write the minutes before publishing them."), field="text")
    if minutes.published:
        raise ActionRefused(_l("The minutes are already published."))
    now = utcnow()
    if occurrence.start > now:
        raise ActionRefused(_l("Minutes can be published once the meeting has started."))
    minutes.published_at = now
    minutes.published_by_id = actor.id
    minutes.published_number = minutes.revision_number
    meeting = occurrence.meeting
    record_event(  # its title is written when read, in the reader's language
        "milestone",
        coalition_date(occurrence.start),
        source=("minutes", minutes.id, meeting.title),
        event="held",
        actor=actor,
    )
    db.session.flush()
    return minutes
