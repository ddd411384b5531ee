"""The form cycle: one commit per request, refusals beside their field, rollback, stale edits.

The static test reads every module under coalition/ and fails on a commit or rollback
outside the cycle and the commands that own their transactions.
"""

import ast
from pathlib import Path

import pytest
from flask import get_flashed_messages
from flask_wtf import FlaskForm
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired

from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.members.sectors import Sector
from coalition.web.form_cycle import submit

PACKAGE = Path(__file__).resolve().parent.parent / "coalition"
THE_CYCLE = "web/form_cycle.py"
# Modules that own their transactions, each with why.
OWN_TRANSACTIONS = {
    "cli.py": "flask commands: create-coordinator, seed-demo, run-scheduled",
    "meetings/cli.py": "flask meetings send-reminders",
    "members/cli.py": "flask members send-follow-ups",
    "outbox/cli.py": "flask outbox deliver and digest",
    "outbox/delivery.py": "the delivery worker claims, sends and records each email",
    "committees/proposals/closing.py": "proposals close-due claims and applies each one alone",
    "web/errorpages.py": "the 500 page rolls back the request that failed, then renders",
}


def _transaction_calls(path):
    """Line numbers of every `.commit(` or `.rollback(` call in a module."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("commit", "rollback")
    )


def _modules_calling():
    return {
        str(path.relative_to(PACKAGE)): lines
        for path in sorted(PACKAGE.rglob("*.py"))
        if (lines := _transaction_calls(path))
    }


def test_only_the_cycle_and_the_commands_commit_or_roll_back():
    allowed = {THE_CYCLE} | set(OWN_TRANSACTIONS)
    outside = {
        module: lines for module, lines in _modules_calling().items() if module not in allowed
    }
    assert not outside, f"commit/rollback outside the form cycle (use submit()): {outside}"


def test_every_exception_listed_still_needs_its_place():
    """A module that stopped committing leaves the lists, so they never outgrow their reason."""
    calling = _modules_calling()
    assert THE_CYCLE in calling
    unused = [module for module in OWN_TRANSACTIONS if module not in calling]
    assert not unused, f"no longer commits or rolls back; remove it from the list: {unused}"


class NameForm(FlaskForm):
    class Meta:
        csrf = False

    name = StringField("Name", validators=[DataRequired()])
    version = HiddenField()


def _posted(app, **data):
    return app.test_request_context("/", method="POST", data=data)


def _add_sector(name):
    db.session.add(Sector(name=name, target_active=1))
    db.session.flush()


def _sector_names():
    return set(db.session.scalars(db.select(Sector.name).where(Sector.key.is_(None))))


def test_a_valid_form_is_saved_once_and_its_success_flashed(app):
    with _posted(app, name="Youth services"):
        form = NameForm()
        outcome = submit(form, lambda: _add_sector(form.name.data), success="Added.")
        assert outcome.done and get_flashed_messages(with_categories=True) == [
            ("success", "Added.")
        ]
    with app.app_context():
        assert _sector_names() == {"Youth services"}


def test_an_invalid_form_calls_nothing(app):
    called = []
    with _posted(app, name=""):
        form = NameForm()
        outcome = submit(form, lambda: called.append(True))
        assert not outcome.done and form.name.errors and not called


def test_a_refusal_naming_a_field_is_shown_beside_it_and_nothing_is_written(app):
    def refuse():
        _add_sector("Refused sector")
        raise ActionRefused("That name is taken.", field="name")

    with _posted(app, name="Refused sector"):
        form = NameForm()
        outcome = submit(form, refuse, success="Added.")
        assert not outcome.done and form.name.errors == ["That name is taken."]
        assert get_flashed_messages() == []
    with app.app_context():
        assert _sector_names() == set()


def test_a_refusal_naming_no_field_is_flashed(app):
    def refuse():
        raise ActionRefused("This meeting is already cancelled.")

    with _posted(app):
        outcome = submit(None, refuse, success="Cancelled.")
        assert not outcome.done and outcome.refused is not None
        assert get_flashed_messages(with_categories=True) == [
            ("error", "This meeting is already cancelled.")
        ]


def test_an_unexpected_error_rolls_back_and_is_raised_for_the_500_page(app):
    def fail():
        _add_sector("Half written")
        raise RuntimeError("the disk is full")

    with _posted(app, name="Half written"):
        with pytest.raises(RuntimeError, match="disk is full"):
            submit(NameForm(), fail, success="Added.")
        assert get_flashed_messages() == []
    with app.app_context():
        assert _sector_names() == set()


def test_a_stale_edit_compares_both_versions_and_moves_the_form_onto_the_saved_one(app):
    def saved_form():
        saved = NameForm(formdata=None, data={"name": "Their name", "version": "3"})
        return saved

    def stale():
        _add_sector("Mine")
        raise EditConflict(current=None)

    with _posted(app, name="My name", version="2"):
        form = NameForm()
        outcome = submit(form, stale, success="Saved.", saved_form=saved_form)
        assert not outcome.done and outcome.stale
        [row] = outcome.conflict
        assert (row.label, row.mine, row.saved, row.differs) == (
            "Name",
            "My name",
            "Their name",
            True,
        )
        assert form.version.data == "3", "saving again is based on the version now saved"
        assert get_flashed_messages() == []
    with app.app_context():
        assert _sector_names() == set()


def test_a_race_the_orm_detects_is_a_stale_edit_too(app):
    def race():
        raise StaleDataError("UPDATE statement on table 'goal' expected to update 1 row")

    with _posted(app, name="Mine"):
        outcome = submit(NameForm(), race, stale_message="Someone changed it.")
        assert outcome.stale and not outcome.conflict
        assert get_flashed_messages(with_categories=True) == [("error", "Someone changed it.")]
