"""Revisioned text: saves from the current revision, merges of crossed edits, history,
diffs of any two revisions, restore, and who saved since a writer opened the text."""

import pytest
from sqlalchemy.orm.exc import StaleDataError

from coalition.core.errors import EditConflict
from coalition.core.extensions import db
from coalition.members.people.models import Person
from coalition.revisions import services as revisions
from coalition.revisions.models import Revision

BASE = "We meet monthly. Minutes are shared within a week."


@pytest.fixture
def people(app, create_person):
    ana, darnell = create_person(name="Ana"), create_person(name="Darnell")
    with app.app_context():
        yield db.session.get(Person, ana.id), db.session.get(Person, darnell.id)


def _text(actor, text=BASE):
    return revisions.create_text("test", text, actor, "First text").id


def test_a_save_from_the_current_revision_becomes_the_next_one(people):
    ana, darnell = people
    text_id = _text(ana)
    saved = revisions.save(text_id, "We meet weekly.", 1, darnell, " Weekly now ")
    db.session.commit()
    assert (saved.number, saved.based_on, saved.summary) == (2, 1, "Weekly now")
    current = revisions.get_text(text_id)
    assert (current.current_number, current.text) == (2, "We meet weekly.")
    assert [(r.number, r.author.name) for r in revisions.history(text_id)] == [
        (2, "Darnell"),
        (1, "Ana"),
    ]


def test_edits_of_different_words_merge_and_nothing_is_saved_until_the_writer_saves(people):
    ana, darnell = people
    text_id = _text(ana)
    revisions.save(text_id, BASE.replace("monthly", "weekly"), 1, darnell)
    mine = BASE.replace("within a week", "within two days")
    with pytest.raises(revisions.StaleRevision) as raised:
        revisions.save(text_id, mine, 1, ana, "Faster minutes")
    crossed = raised.value
    assert isinstance(crossed, EditConflict)  # the form cycle's stale edit
    assert crossed.merged.clean
    assert crossed.merged.text == "We meet weekly. Minutes are shared within two days."
    assert (crossed.base, crossed.mine, crossed.saved) == (
        BASE,
        mine,
        BASE.replace("monthly", "weekly"),
    )
    assert revisions.get_text(text_id).current_number == 2  # the writer saves the merge next
    revisions.save(text_id, crossed.merged.text, crossed.current.current_number, ana)
    assert revisions.get_text(text_id).text == crossed.merged.text


def test_overlapping_edits_keep_both_texts_side_by_side(people):
    ana, darnell = people
    text_id = _text(ana)
    revisions.save(text_id, BASE.replace("monthly", "weekly"), 1, darnell)
    mine = BASE.replace("monthly", "every other week")
    with pytest.raises(revisions.StaleRevision) as raised:
        revisions.save(text_id, mine, 1, ana)
    crossed = raised.value
    assert not crossed.merged.clean
    assert crossed.merged.conflicts == (("every other week", "weekly"),)
    assert crossed.mine == mine and crossed.saved == BASE.replace("monthly", "weekly")
    assert [r.text for r in revisions.history(text_id)][0] == crossed.saved


def test_who_saved_since_you_opened_it(people):
    ana, darnell = people
    text_id = _text(ana)
    revisions.save(text_id, "Second.", 1, darnell, "Darnell's change")
    revisions.save(text_id, "Third.", 2, ana, "Ana's change")
    since = revisions.saved_since(text_id, 1)
    assert [(r.number, r.author.name, r.summary) for r in since] == [
        (2, "Darnell", "Darnell's change"),
        (3, "Ana", "Ana's change"),
    ]
    with pytest.raises(revisions.StaleRevision) as raised:
        revisions.save(text_id, "Mine.", 1, ana)
    assert [r.number for r in raised.value.since] == [2, 3]
    assert revisions.saved_since(text_id, 3) == []


def test_diff_of_any_two_revisions(people):
    ana, _darnell = people
    text_id = _text(ana, "one two three")
    revisions.save(text_id, "one 2 three", 1, ana)
    revisions.save(text_id, "one 2 three four", 2, ana)
    labels = {"removed_label": "removed:", "added_label": "added:"}
    old, new, html = revisions.compare(text_id, 1, 3, **labels)
    assert (old.number, new.number) == (1, 3)
    assert '<del><span class="visually-hidden">removed: </span>two</del>' in html
    assert '<ins><span class="visually-hidden">added: </span>2</ins>' in html
    assert "four</ins>" in html
    _old, _new, backwards = revisions.compare(text_id, 3, 1, **labels)
    assert "two</ins>" in backwards
    assert revisions.compare(text_id, 1, 9) is None


def test_restore_makes_a_new_revision_and_keeps_the_history(people):
    ana, darnell = people
    text_id = _text(ana)
    revisions.save(text_id, "Vandalized.", 1, darnell)
    restored = revisions.restore(text_id, 1, 2, ana, "Back to the first text")
    assert (restored.number, restored.restored_from, restored.based_on) == (3, 1, 2)
    assert revisions.get_text(text_id).text == BASE
    assert [r.text for r in revisions.history(text_id)] == [BASE, "Vandalized.", BASE]
    with pytest.raises(revisions.TextUnchanged):
        revisions.restore(text_id, 1, 3, ana)
    with pytest.raises(revisions.StaleRevision):
        revisions.restore(text_id, 2, 2, ana)


def test_an_unchanged_text_makes_no_revision(people):
    ana, _darnell = people
    text_id = _text(ana)
    with pytest.raises(revisions.TextUnchanged):
        revisions.save(text_id, BASE + "\n", 1, ana)
    assert revisions.get_text(text_id).current_number == 1


def test_revisions_are_numbered_once_even_when_two_saves_race(app, people):
    ana, darnell = people
    text_id = _text(ana)
    read = revisions.get_text(text_id)  # as this writer read it, kept past the commit
    db.session().expire_on_commit = False
    db.session.commit()
    with app.app_context():  # a second writer saves first, on its own connection
        revisions.save(text_id, "Theirs.", 1, db.session.get(Person, darnell.id))
        db.session.commit()
    with pytest.raises(StaleDataError):  # the version counter refuses the stale write
        revisions.save(text_id, "Mine.", read.current_number, ana)
    db.session.rollback()
    crossed = revisions.stale(text_id, "Mine.", 1)
    assert crossed.saved == "Theirs." and [r.author.name for r in crossed.since] == ["Darnell"]
    numbers = db.session.scalars(db.select(Revision.number).filter_by(text_id=text_id)).all()
    assert sorted(numbers) == [1, 2]
