"""Import pages: upload a spreadsheet, map its columns, preview every row, import all or none."""

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.core.errors import ActionRefused
from coalition.members.imports import access as imports_access
from coalition.members.imports import services
from coalition.members.imports.fields import error_text, fields_for
from coalition.members.imports.forms import RunForm, UploadForm, mapping_form
from coalition.members.imports.models import (
    BATCH_IMPORTED,
    BATCH_UPLOADED,
    KIND_PEOPLE,
    ImportBatch,
)
from coalition.members.imports.spreadsheets import MAX_FILE_BYTES, SpreadsheetError
from coalition.web import authz
from coalition.web.form_cycle import submit

bp = Blueprint("imports", __name__, url_prefix="/import")


def _batch(batch_id):
    return authz.get_or_404(ImportBatch, batch_id)


@bp.route("/", methods=["GET", "POST"])
@authz.require(imports_access.can_import)
def upload():
    """Coordinators: upload a CSV or .xlsx file of people or organizations."""
    form = UploadForm()
    outcome = submit(form, lambda: _start_import(form))
    if outcome.done:
        return redirect(url_for(".columns", batch_id=outcome.result.id))
    return render_template(
        "members/imports/upload.html", form=form, batches=services.recent_batches()
    )


def _start_import(form):
    """Start the import; a file that cannot be read is refused beside the upload field."""
    upload_file = form.file.data
    try:
        return services.start_import(
            form.kind.data,
            upload_file.filename,
            upload_file.read(MAX_FILE_BYTES + 1),
            current_user._get_current_object(),
        )
    except SpreadsheetError as problem:
        raise ActionRefused(problem.message, field="file") from problem


@bp.route("/<int:batch_id>/columns", methods=["GET", "POST"])
@authz.require(imports_access.can_import)
def columns(batch_id):
    """Coordinators: say what each column holds (the last mapping is suggested)."""
    batch = _batch(batch_id)
    if batch.state == BATCH_IMPORTED:
        return redirect(url_for(".preview", batch_id=batch.id))
    form = mapping_form(batch)
    mapping = {str(i): form[f"column_{i}"].data for i in range(len(batch.headers))}
    outcome = submit(form, lambda: services.save_mapping(batch, mapping), flash_refused=False)
    if outcome.done:
        return redirect(url_for(".preview", batch_id=batch.id))
    if not form.is_submitted():
        for index, name in (batch.mapping or services.suggested_mapping(batch)).items():
            form[f"column_{index}"].data = name
    return render_template(
        "members/imports/columns.html",
        batch=batch,
        form=form,
        problem=outcome.refused and str(outcome.refused.message),
        samples=services.column_samples(batch),
        mapping_source=services.mapping_source(batch),
    )


@bp.route("/<int:batch_id>")
@authz.require(imports_access.can_import)
def preview(batch_id):
    """Coordinators: every row's problems, the first rows as read, and the import button."""
    batch = _batch(batch_id)
    if batch.state == BATCH_UPLOADED:
        return redirect(url_for(".columns", batch_id=batch.id))
    first, failing, counts = services.preview(batch)
    specs = [spec for spec in fields_for(batch.kind) if spec.name in (batch.mapping or {}).values()]
    return render_template(
        "members/imports/preview.html",
        batch=batch,
        first=first,
        failing=failing,
        counts=counts,
        specs=specs,
        columns={name: int(index) for index, name in (batch.mapping or {}).items()},
        error_text=error_text,
        form=RunForm(),
    )


@bp.route("/<int:batch_id>/run", methods=["POST"])
@authz.require(imports_access.can_import)
def run(batch_id):
    """Coordinators: import every row in one transaction, or none if any row has a problem."""
    batch = _batch(batch_id)
    form = RunForm()
    if not form.validate_on_submit():
        return _back_to_preview(
            batch, _("Choose what to do with rows that match existing records.")
        )
    outcome = submit(
        None,
        lambda: services.run_import(
            batch, form.existing.data == "update", current_user._get_current_object()
        ),
    )
    if not outcome.done:
        return redirect(url_for(".preview", batch_id=batch.id))
    if outcome.result == services.HAS_PROBLEMS:
        return _back_to_preview(
            batch,
            _("Nothing was imported: some rows have problems. Fix the file and upload it again."),
        )
    if outcome.result == services.COALITION_CHANGED:
        return _back_to_preview(
            batch,
            _(
                "Nothing was imported: records were added to the coalition while you imported."
                " The rows are checked again below; look them over and import again."
            ),
        )
    counts = {"created": batch.created_count, "updated": batch.updated_count}
    counts["skipped"] = batch.skipped_count
    message = _("Imported: %(created)d added, %(updated)d updated, %(skipped)d skipped.", **counts)
    flash(message, "success")
    target = "members.index" if batch.kind == KIND_PEOPLE else "members.organizations.index"
    return redirect(url_for(target))


def _back_to_preview(batch, message):
    flash(message, "error")
    return redirect(url_for(".preview", batch_id=batch.id))


@bp.route("/<int:batch_id>/discard", methods=["POST"])
@authz.require(imports_access.can_import)
def discard(batch_id):
    """Coordinators: forget an upload without importing it."""
    batch = _batch(batch_id)
    submit(
        None,
        lambda: services.discard_import(batch),
        success=_("The upload is discarded; nothing was imported."),
    )
    return redirect(url_for(".upload"))
