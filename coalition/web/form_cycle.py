"""The form cycle every POST view goes through: validate, call one service, commit once.

    outcome = submit(form, lambda: services.save_x(...), success=_("Saved."))
    if outcome.done:
        return redirect(...)
    return render_template(..., form=form, conflict=outcome.conflict)

A refused action (ActionRefused) puts its message beside its field, or flashes it when it
names none; a stale edit (EditConflict, or the ORM's StaleDataError when two saves race)
becomes the compare page; any error rolls the transaction back, and an unexpected one is
raised again so the 500 page still shows. This is the one place a request commits.
"""

from dataclasses import dataclass
from typing import Any

from flask import flash
from flask_babel import gettext as _
from sqlalchemy.orm.exc import StaleDataError

from coalition.core.errors import ActionRefused, EditConflict
from coalition.core.extensions import db
from coalition.web.conflicts import compare_with_saved


@dataclass(frozen=True)
class Outcome:
    """What became of a submission: done (committed), or shown again (invalid, refused, stale)."""

    done: bool
    result: Any = None
    conflict: Any = None  # what the compare page shows when the edit was stale
    refused: ActionRefused | None = None

    @property
    def stale(self):
        return self.conflict is not None

    @property
    def status(self):
        """The HTTP status of the page showing the form again: 409 Conflict when stale."""
        return 409 if self.stale else 200


NOT_SUBMITTED = Outcome(done=False)


def submit(
    form,
    action,
    *,
    success=None,
    saved_form=None,
    on_stale=None,
    stale_message=None,
    flash_refused=True,
):
    """Validate `form` (None: nothing to validate), call `action`, commit once.

    A refusal naming no field of the form is flashed, unless `flash_refused` is False (the
    page then shows `outcome.refused` itself). On a stale edit, `saved_form()` builds the
    form as saved now and the outcome's conflict holds the rows comparing both;
    `on_stale(error)` builds any other conflict (a merge); without either, `stale_message`
    (or a general one) is flashed.
    """
    if form is not None and not form.validate_on_submit():
        return NOT_SUBMITTED
    try:
        result = action()
        db.session.commit()
    except (EditConflict, StaleDataError) as error:
        db.session.rollback()
        return Outcome(
            done=False, conflict=_stale(form, error, saved_form, on_stale, stale_message)
        )
    except ActionRefused as refused:
        db.session.rollback()
        _show_refusal(form, refused, flash_refused)
        return Outcome(done=False, refused=refused)
    except BaseException:
        db.session.rollback()
        raise
    if success:
        flash(success, "success")
    return Outcome(done=True, result=result)


def _stale(form, error, saved_form, on_stale, stale_message):
    if saved_form is not None:
        return compare_with_saved(form, saved_form)
    if on_stale is not None:
        return on_stale(error)
    flash(stale_message or _stale_default(), "error")
    return ()


def _stale_default():
    return _("Someone changed this since you opened the page. Check it and try again.")


def _show_refusal(form, refused, flash_refused):
    field = getattr(form, refused.field, None) if form is not None and refused.field else None
    if field is not None:
        field.errors = [*field.errors, str(refused.message)]
    elif flash_refused:
        flash(str(refused.message), "error")
