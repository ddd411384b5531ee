"""Minutes of one date: saved as immutable revisions, merged when two people edit at once,
published once with a "meeting held" entry on the timeline."""

from flask import current_app
from flask_babel import force_locale, gettext
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from coalition.dbtypes import utcnow
from coalition.errors import ActionRefused
from coalition.extensions import db
from coalition.i18n import _l
from coalition.meetings.record_models import Minutes, MinutesRevision
from coalition.textdiff import has_changes, merge
from coalition.timeline.services import record_entry
from coalition.timezones import coalition_date

MAX_MINUTES_LENGTH = 100_000


class MinutesConflict(Exception):
    """Someone saved the minutes after the editor opened them: their text and the merge."""

    def __init__(self, saved, merged, base=""):
        super().__init__("minutes changed meanwhile")
        self.saved = saved
        self.merged = merged  # textdiff.MergeResult of (base, mine, theirs)
        self.base = base  # the text the editor started from


def minutes_of(meeting_id, start):
    """The minutes of one date, or None before anyone wrote them."""
    return db.session.scalar(
        db.select(Minutes).filter_by(meeting_id=meeting_id, occurrence_start=start)
    )


def with_history(meeting_id, start):
    """The minutes with every revision and its author, newest first."""
    return db.session.scalar(
        db.select(Minutes)
        .filter_by(meeting_id=meeting_id, occurrence_start=start)
        .options(selectinload(Minutes.revisions).selectinload(MinutesRevision.author))
    )


def save_minutes(meeting, start, text, base_number, actor, note=""):
    """Save `text` as a new revision, if it was written from the latest one.

    Written from an older revision (someone saved meanwhile), nothing is saved: the
    MinutesConflict carries their text and a word-by-word merge of both edits to review.
    """
    if len(text) > MAX_MINUTES_LENGTH:
        raise ActionRefused(_l("The minutes are too long."), field="text")
    minutes = minutes_of(meeting.id, start) or _first_minutes(meeting, start)
    if minutes.revision_number != base_number:
        raise crossed_edit(minutes, text, base_number)
    if not has_changes(minutes.text, text):
        raise ActionRefused(_l("The minutes are unchanged."), field="text")
    minutes.revision_number += 1
    minutes.text = text
    db.session.add(
        MinutesRevision(
            minutes=minutes,
            number=minutes.revision_number,
            text=text,
            note=note.strip(),
            author_id=actor.id,
        )
    )
    db.session.flush()  # the version counter refuses a save that raced with another
    return minutes


def crossed_edit(saved, text, base_number):
    """The conflict of `text` (written from revision `base_number`) with the saved minutes."""
    base = _revision_text(saved.id, base_number)
    return MinutesConflict(saved, merge(base, text, saved.text), base)


def latest_revision(minutes):
    """The newest revision with its author: who saved the text now current, and when."""
    return db.session.scalar(
        db.select(MinutesRevision)
        .filter_by(minutes_id=minutes.id, number=minutes.revision_number)
        .options(db.joinedload(MinutesRevision.author))
    )


def _first_minutes(meeting, start):
    """The empty minutes row; when another editor created it a moment ago, theirs."""
    minutes = Minutes(meeting_id=meeting.id, occurrence_start=start, text="")
    try:
        with db.session.begin_nested():
            db.session.add(minutes)
    except IntegrityError:
        return minutes_of(meeting.id, start)
    return minutes


def _revision_text(minutes_id, number):
    if not number:
        return ""
    return (
        db.session.scalar(
            db.select(MinutesRevision.text).filter_by(minutes_id=minutes_id, number=number)
        )
        or ""
    )


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
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        title = gettext("Meeting held: %(title)s", title=meeting.title)
    record_entry(
        "milestone",
        title,
        coalition_date(occurrence.start),
        source=("minutes", minutes.id, meeting.title),
        event="held",
        actor=actor,
    )
    db.session.flush()
    return minutes
