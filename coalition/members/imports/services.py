"""Importing people and organizations: upload, map columns, check every row, import all or none.

The upload and its row-by-row check are stored in the database (import_batch, import_row),
so the preview survives restarts and any worker can run the import. The import itself runs
in the caller's single transaction: every row goes in, or none does.
"""

import re
from typing import NamedTuple

from sqlalchemy import delete, func, insert, update
from sqlalchemy.exc import IntegrityError

from coalition.core.audit import record_audit
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.matching import email_key, ids_by_key, name_key
from coalition.members.imports import apply as import_apply
from coalition.members.imports.fields import RowContext, check_row, fields_for
from coalition.members.imports.models import (
    BATCH_IMPORTED,
    BATCH_PREVIEWED,
    KIND_PEOPLE,
    ImportBatch,
    ImportMapping,
    ImportRow,
)
from coalition.members.imports.spreadsheets import read_table
from coalition.members.organizations.models import Organization
from coalition.members.people.models import Person
from coalition.members.sectors import Sector
from coalition.web.i18n import _l

PREVIEW_ROWS = 10
MAPPING_THIS_FILE = "this_file"
MAPPING_LAST_IMPORT = "last_import"
MAPPING_NAMES = "names"
ERRORS_SHOWN = 500
IMPORTED, HAS_PROBLEMS, COALITION_CHANGED = "imported", "has_problems", "coalition_changed"


def start_import(kind, filename, data, actor):
    """Read an uploaded file and store its rows; raises SpreadsheetError for a bad file."""
    table = read_table(filename, data)
    batch = ImportBatch(
        kind=kind,
        filename=(filename or "upload")[:255],
        file_format=table.description,
        headers=table.headers,
        row_count=len(table.rows),
        created_by=actor,
    )
    db.session.add(batch)
    db.session.flush()
    db.session.execute(
        insert(ImportRow),
        [
            {"batch_id": batch.id, "line": line, "cells": cells, "errors": [], "failed": False}
            for line, cells in table.rows
        ],
    )
    return batch


def _header_key(text):
    return re.sub(r"[^\w]+", " ", str(text).casefold()).strip()


def suggested_mapping(batch):
    """{column index: field} from the last mapping used, else from the column names."""
    remembered = db.session.get(ImportMapping, batch.kind)
    columns = remembered.columns if remembered is not None else {}
    guesses = {}
    for spec in fields_for(batch.kind):
        for word in (spec.name.replace("_", " "), str(spec.label), *spec.synonyms):
            guesses.setdefault(_header_key(word), spec.name)
    mapping, used = {}, set()
    for index, header in enumerate(batch.headers):
        key = _header_key(header)
        name = columns[key] if key in columns else guesses.get(key, "")
        if name and name not in used:
            mapping[str(index)] = name
            used.add(name)
    return mapping


def mapping_source(batch):
    """Where the columns' choices shown come from: MAPPING_THIS_FILE (chosen before for this
    upload), MAPPING_LAST_IMPORT (remembered from an earlier file) or MAPPING_NAMES (guessed
    from the column names: there was no earlier file of this kind)."""
    if batch.mapping is not None:
        return MAPPING_THIS_FILE
    if db.session.get(ImportMapping, batch.kind) is not None:
        return MAPPING_LAST_IMPORT
    return MAPPING_NAMES


def save_mapping(batch, mapping):
    """Use {column index: field or ""} for this upload, remember it, and check every row."""
    if batch.state == BATCH_IMPORTED:
        raise ActionRefused(_l("This file was already imported."))
    specs = {spec.name: spec for spec in fields_for(batch.kind)}
    chosen = {index: name for index, name in mapping.items() if name}
    for name in set(chosen.values()):
        if list(chosen.values()).count(name) > 1:
            raise ActionRefused(
                _l(
                    "%(field)s is chosen for two columns. Choose it for one column only.",
                    field=specs[name].label,
                )
            )
    for spec in specs.values():
        if spec.required and spec.name not in chosen.values():
            raise ActionRefused(_l("Choose the column that holds %(field)s.", field=spec.label))
    batch.mapping = chosen
    _remember(batch, mapping)
    check_batch(batch)


def _remember(batch, mapping):
    remembered = db.session.get(ImportMapping, batch.kind)
    columns = dict(remembered.columns) if remembered is not None else {}
    for index, header in enumerate(batch.headers):
        columns[_header_key(header)] = mapping.get(str(index), "")
    if remembered is None:
        db.session.add(ImportMapping(kind=batch.kind, columns=columns))
    else:
        remembered.columns = columns


def _organizations_by_key():
    rows = db.session.execute(db.select(Organization.name, Organization.id))
    return ids_by_key(rows, name_key)


def _context(batch):
    """What rows are matched against, keyed in Python (core.matching), one query each."""
    if batch.kind == KIND_PEOPLE:
        emails = db.session.execute(
            db.select(Person.email, Person.id).where(Person.email.is_not(None))
        )
        existing = ids_by_key(emails, email_key)
        return RowContext(len(batch.headers), existing, _organizations_by_key())
    sectors = {}
    for sector in db.session.scalars(db.select(Sector)):
        for name in (sector.name, sector.display_name):
            sectors[name_key(name)] = (sector.id, sector.is_retired)
    return RowContext(len(batch.headers), _organizations_by_key(), sectors=sectors)


def check_batch(batch):
    """Check every row against the mapping and the coalition as it is now; store the findings.

    Returns [(line, CheckedRow)] in file order.
    """
    stored = db.session.execute(
        db.select(
            ImportRow.id, ImportRow.line, ImportRow.cells, ImportRow.errors, ImportRow.match_id
        )
        .where(ImportRow.batch_id == batch.id)
        .order_by(ImportRow.line)
    ).all()
    context = _context(batch)
    checked, changed = [], []
    for row_id, line, cells, errors, match_id in stored:
        result = check_row(batch.kind, line, cells, batch.mapping, context)
        checked.append((line, result))
        if (result.errors, result.match_id) != (errors, match_id):
            changed.append(
                {
                    "id": row_id,
                    "errors": result.errors,
                    "failed": bool(result.errors),
                    "match_id": result.match_id,
                }
            )
    if changed:
        db.session.execute(update(ImportRow), changed)
    batch.error_count = sum(1 for _, result in checked if result.errors)
    batch.state = BATCH_PREVIEWED
    db.session.flush()
    return checked


class RowCounts(NamedTuple):
    """The file's rows in three kinds that add up to all of them: a row with problems is
    neither matched nor new."""

    problems: int
    matched: int
    new: int


def preview(batch):
    """What the preview page shows: first rows, rows with problems, RowCounts."""
    rows = db.select(ImportRow).where(ImportRow.batch_id == batch.id).order_by(ImportRow.line)
    first = db.session.scalars(rows.limit(PREVIEW_ROWS)).all()
    failing = db.session.scalars(rows.where(ImportRow.failed.is_(True)).limit(ERRORS_SHOWN)).all()
    return first, failing, row_counts(batch)


def row_counts(batch):
    """RowCounts of this upload's rows, in one query."""
    sound = ImportRow.failed.is_(False)
    problems, matched, new = db.session.execute(
        db.select(
            func.count().filter(ImportRow.failed.is_(True)),
            func.count().filter(sound, ImportRow.match_id.is_not(None)),
            func.count().filter(sound, ImportRow.match_id.is_(None)),
        ).where(ImportRow.batch_id == batch.id)
    ).one()
    return RowCounts(problems, matched, new)


def run_import(batch, update_existing, actor):
    """Import every row, or none: IMPORTED; HAS_PROBLEMS (stored by row) if any row fails;
    COALITION_CHANGED (the rows checked again) if another session saved a name or email the
    file holds after the check."""
    db.session.refresh(batch, with_for_update=True)  # two clicks on PostgreSQL: one imports
    if batch.state == BATCH_IMPORTED:
        raise ActionRefused(_l("This file was already imported."))
    if batch.mapping is None:
        raise ActionRefused(_l("Choose what each column holds first."))
    checked = check_batch(batch)
    if batch.error_count:
        return HAS_PROBLEMS
    new = [result.values for _, result in checked if result.match_id is None]
    matching = [result for _, result in checked if result.match_id is not None]
    chosen = matching if update_existing else []
    importer = import_apply.people if batch.kind == KIND_PEOPLE else import_apply.organizations
    try:
        with db.session.begin_nested():
            importer(new, chosen, actor)
    except IntegrityError:
        check_batch(batch)  # the preview then shows the coalition as it is now
        return COALITION_CHANGED
    batch.created_count = len(new)
    batch.updated_count = len(chosen)
    batch.skipped_count = len(matching) - len(chosen)
    batch.state = BATCH_IMPORTED
    batch.imported_at = utcnow()
    db.session.execute(delete(ImportRow).where(ImportRow.batch_id == batch.id))
    record_audit(
        actor,
        "members.imported",
        batch,
        f"{batch.kind}: {batch.created_count} created, {batch.updated_count} updated, "
        f"{batch.skipped_count} skipped",
    )
    db.session.flush()
    return IMPORTED


def column_samples(batch, count=3):
    """{column index: a few values from the first rows}, to help map the columns."""
    rows = db.session.scalars(
        db.select(ImportRow.cells)
        .where(ImportRow.batch_id == batch.id)
        .order_by(ImportRow.line)
        .limit(PREVIEW_ROWS)
    ).all()
    samples = {}
    for index in range(len(batch.headers)):
        values = [cells[index] for cells in rows if index < len(cells) and cells[index]]
        samples[index] = values[:count]
    return samples


def discard_import(batch):
    """Forget an upload that will not be imported."""
    if batch.state == BATCH_IMPORTED:
        raise ActionRefused(_l("This file was already imported."))
    db.session.execute(delete(ImportRow).where(ImportRow.batch_id == batch.id))
    db.session.delete(batch)
    db.session.flush()


def recent_batches(limit=10):
    """The latest uploads, newest first."""
    return db.session.scalars(
        db.select(ImportBatch).order_by(ImportBatch.id.desc()).limit(limit)
    ).all()
