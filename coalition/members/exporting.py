"""Downloading a filtered list as CSV or .xlsx: the file, its name and type, the audit record.

Cells are made safe by coalition.web.exports (no formula survives). Every export is audited.
Each list's own table is built beside it (people/exporting.py, organizations/exporting.py).
"""

import io
from dataclasses import asdict, dataclass

from flask import send_file
from flask_babel import gettext as _

from coalition.core.audit import record_audit
from coalition.core.timezones import coalition_today
from coalition.members.languages import language_names
from coalition.web.exports import to_csv, to_xlsx

MAX_EXPORT_ROWS = 50_000
FORMATS = {
    "csv": "text/csv",  # send_file adds "; charset=utf-8" to text types
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ExportFile:
    filename: str
    mimetype: str
    data: bytes

    def download(self):
        """The response that saves the file in the browser."""
        return send_file(
            io.BytesIO(self.data),
            mimetype=self.mimetype,
            as_attachment=True,
            download_name=self.filename,
        )


def language_list(codes):
    """Language names, comma-separated, in the reader's language and alphabetical order."""
    return ", ".join(language_names(codes))


def yes_no(value):
    """Yes, No, or nothing when not said."""
    return {True: _("Yes"), False: _("No")}.get(value, "")


def export_file(kind, header, rows, file_format):
    """The table as a file named after its kind and the day."""
    data = to_csv(header, rows) if file_format == "csv" else to_xlsx(header, rows)
    filename = f"{kind}-{coalition_today().isoformat()}.{file_format}"
    return ExportFile(filename, FORMATS[file_format], data)


def audit_export(viewer, kind, file_format, count, filters, sensitive):
    """Record who downloaded what, in which format, under which filters."""
    asked = ", ".join(f"{key}={value}" for key, value in asdict(filters).items() if value)
    shown = "yes" if sensitive else "no"
    detail = f"{kind} as {file_format}, {count} rows, sensitive fields: {shown}; filters: {asked}"
    record_audit(viewer, "members.exported", None, detail[:500])
