"""What each importable column means, and how one row's cells are read and checked.

A row's problems are stored as codes with their values (not sentences), so each
coordinator reads them in their own language.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from email_validator import EmailNotValidError, validate_email
from flask import current_app

from coalition.core.matching import email_key, name_key
from coalition.members.imports.models import KIND_PEOPLE
from coalition.members.languages import any_language_code, parse_language
from coalition.members.organizations.models import AFFILIATION_STAFF, STATUS_IDENTIFIED, STATUSES
from coalition.web.i18n import LANGUAGE_NAMES, _l


@dataclass(frozen=True)
class ImportField:
    name: str
    label: object
    required: bool = False
    synonyms: tuple = ()
    max_length: int = 200


PEOPLE_FIELDS = (
    ImportField("name", _l("Name"), True, ("full name", "contact", "nombre", "nombre completo")),
    ImportField("email", _l("Email"), False, ("e-mail", "email address", "correo"), 320),
    ImportField("pronouns", _l("Pronouns"), False, ("pronombres",), 40),
    ImportField("phone", _l("Phone"), False, ("phone number", "telephone", "mobile", "cell"), 40),
    ImportField("organization", _l("Organization"), False, ("organisation", "agency", "org")),
    ImportField("organization_role", _l("Role in the organization"), False, ("role", "rol")),
    ImportField("languages", _l("Languages spoken"), False, ("languages", "idiomas")),
    ImportField("preferred_language", _l("Preferred language"), False, ("idioma preferido",)),
    ImportField("directory_consent", _l("Appears in the directory (yes or no)"), False),
    ImportField("contact_consent", _l("Shares email and phone (yes or no)"), False),
)
ORGANIZATION_FIELDS = (
    ImportField("name", _l("Name"), True, ("organization", "organisation", "nombre")),
    ImportField("sectors", _l("Sectors"), False, ("sector", "sectores")),
    ImportField("status", _l("Stage"), False, ("status", "stage", "etapa", "estado")),
    ImportField("description", _l("Description"), False, ("descripción",), 5000),
    ImportField("website", _l("Website"), False, ("web", "url", "sitio web"), 300),
    ImportField("contact_email", _l("Contact email"), False, ("email", "e-mail", "correo"), 320),
    # Not guessed from a column called "Language": that is more often the languages served.
    ImportField(
        "email_language",
        _l("Language for email to the contact address"),
        False,
        ("contact language", "email language", "idioma del correo", "idioma de contacto"),
    ),
    ImportField("languages", _l("Languages served"), False, ("languages", "idiomas")),
    ImportField("communities_served", _l("Communities served"), False, ("communities",), 2000),
    ImportField("joined_on", _l("Date joined"), False, ("joined", "date joined")),
    ImportField("follow_up_on", _l("Next follow-up"), False, ("follow-up", "follow up")),
)

ROW_MESSAGES = {
    "required": _l("%(field)s is empty."),
    "too_long": _l("%(field)s is longer than %(max)s characters."),
    "bad_email": _l("\u201c%(value)s\u201d is not an email address."),
    "duplicate_in_file": _l("%(field)s \u201c%(value)s\u201d is also in row %(row)s."),
    "unknown_sector": _l("No sector is called \u201c%(value)s\u201d."),
    "retired_sector": _l("The sector \u201c%(value)s\u201d is retired."),
    "unknown_organization": _l(
        "No organization called \u201c%(value)s\u201d is in the coalition; import it first."
    ),
    "ambiguous_match": _l(
        "%(field)s \u201c%(value)s\u201d matches more than one record already in the coalition"
        " (they differ only in capital letters or spacing); change one of them first."
    ),
    "ambiguous_organization": _l(
        "More than one organization in the coalition is called \u201c%(value)s\u201d (their"
        " names differ only in capital letters or spacing); change one of them first."
    ),
    "unknown_language": _l("\u201c%(value)s\u201d is not a language on the list."),
    "unrecognized_language": _l(
        "\u201c%(value)s\u201d is not a language we recognize; write its name (for example"
        " Español) or its code (es)."
    ),
    "not_email_language": _l(
        "The coalition does not write email in \u201c%(value)s\u201d; write one of %(languages)s,"
        " or leave it empty for the coalition's language."
    ),
    "unknown_stage": _l(
        "\u201c%(value)s\u201d is not a stage (identified, contacted, committed, active, lapsed)."
    ),
    "unknown_role": _l(
        "\u201c%(value)s\u201d is not a role (primary delegate, alternate or staff)."
    ),
    "bad_yes_no": _l("Write yes or no, not \u201c%(value)s\u201d."),
    "bad_date": _l("\u201c%(value)s\u201d is not a date; write it like 2026-03-31."),
    "bad_phone": _l("\u201c%(value)s\u201d is not a phone number."),
    "bad_website": _l("\u201c%(value)s\u201d is not a web address starting with https://."),
    "formula": _l("%(field)s starts with \u201c=\u201d, like a spreadsheet formula."),
    "extra_cells": _l("This row has more cells than the file has column names."),
}
YES = {"yes", "y", "true", "1", "x", "si", "sí", "s"}
NO = {"no", "n", "false", "0", ""}
STAGE_WORDS = {
    **{status: status for status in STATUSES},
    "identificada": "identified",
    "contactada": "contacted",
    "comprometida": "committed",
    "activa": "active",
    "inactiva": "lapsed",
}
ROLE_WORDS = {
    "primary": "primary",
    "primary delegate": "primary",
    "delegate": "primary",
    "delegado principal": "primary",
    "delegada principal": "primary",
    "alternate": "alternate",
    "suplente": "alternate",
    "staff": "staff",
    "personal": "staff",
}
PHONE = re.compile(r"^[0-9+()./\- ]+( ?(x|ext\.?) ?[0-9]+)?$")
LIST_SEPARATORS = re.compile(r"\s*[;|/\n]\s*|\s*,\s*")
SECTOR_SEPARATORS = re.compile(r"\s*[;|\n]\s*")


def fields_for(kind):
    return PEOPLE_FIELDS if kind == KIND_PEOPLE else ORGANIZATION_FIELDS


def error_text(error):
    """One stored problem as a sentence in the reader's language."""
    labels = {f.name: f.label for f in PEOPLE_FIELDS + ORGANIZATION_FIELDS}
    params = {key: value for key, value in error.items() if key != "code"}
    params["field"] = str(labels.get(error.get("field"), ""))
    return str(ROW_MESSAGES[error["code"]]) % params


@dataclass
class RowContext:
    """What checking a row needs to know about the coalition and the rest of the file."""

    width: int  # how many columns have a name: a row may not fill more
    existing: dict  # email_key or name_key -> [ids] (more than one: ambiguous)
    organizations: dict = field(default_factory=dict)  # name_key -> [ids]
    sectors: dict = field(default_factory=dict)  # name_key -> (id, retired)
    seen: dict = field(default_factory=dict)  # key -> first row number


@dataclass
class CheckedRow:
    values: dict
    errors: list
    match_id: int | None = None


def check_row(kind, line, cells, mapping, context):
    """Read one row through the column mapping; return its values, problems and match."""
    errors = []
    raw = {
        name: cells[int(index)] if int(index) < len(cells) else ""
        for index, name in mapping.items()
    }
    if len(cells) > context.width:
        errors.append({"code": "extra_cells"})
    values = {}
    for spec in fields_for(kind):
        if spec.name not in raw:
            continue
        text = raw[spec.name]
        if text.startswith("="):
            errors.append({"code": "formula", "field": spec.name})
            continue
        if not text:
            if spec.required:
                errors.append({"code": "required", "field": spec.name})
            continue
        if len(text) > spec.max_length and spec.name not in ("languages", "sectors"):
            errors.append({"code": "too_long", "field": spec.name, "max": spec.max_length})
            continue
        value = _READERS.get(spec.name, _text)(text, context, errors, spec)
        if value is not None:
            values[spec.name] = value
    match_id = _match(kind, line, values, context, errors)
    return CheckedRow(values, errors, match_id)


def _match(kind, line, values, context, errors):
    key_field = "email" if kind == KIND_PEOPLE else "name"
    key = (email_key if kind == KIND_PEOPLE else name_key)(values.get(key_field))
    if not key:
        return None
    if key in context.seen:
        errors.append(
            {
                "code": "duplicate_in_file",
                "field": key_field,
                "value": values[key_field],
                "row": context.seen[key],
            }
        )
    else:
        context.seen[key] = line
    found = context.existing.get(key, [])
    if len(found) > 1:
        errors.append({"code": "ambiguous_match", "field": key_field, "value": values[key_field]})
        return None
    return found[0] if found else None


def _text(text, context, errors, spec):
    return text


def _email(text, context, errors, spec):
    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        errors.append({"code": "bad_email", "value": text})
        return None
    return email_key(text)


def _phone(text, context, errors, spec):
    if not PHONE.match(text):
        errors.append({"code": "bad_phone", "value": text})
        return None
    return text


def _yes_no(text, context, errors, spec):
    word = name_key(text)
    if word in YES:
        return True
    if word in NO:
        return False
    errors.append({"code": "bad_yes_no", "value": text})
    return None


def _languages(text, context, errors, spec):
    codes = []
    for part in LIST_SEPARATORS.split(text):
        if not part:
            continue
        code = parse_language(part)
        if code is None:
            errors.append({"code": "unknown_language", "value": part})
        elif code not in codes:
            codes.append(code)
    return codes


def _language(text, context, errors, spec):
    codes = _languages(text, context, errors, spec)
    return codes[0] if codes else None


def _email_language(text, context, errors, spec):
    """One of the interface languages, written as a code or a name (English, Español)."""
    code = any_language_code(text)
    offered = current_app.config["LANGUAGES"]
    if code is None:  # a typo, not a language the coalition could be asked to write in
        errors.append({"code": "unrecognized_language", "value": text})
        return None
    if code not in offered:
        languages = ", ".join(LANGUAGE_NAMES.get(each, each) for each in offered)
        errors.append({"code": "not_email_language", "value": text, "languages": languages})
        return None
    return code


def _sectors(text, context, errors, spec):
    whole = context.sectors.get(name_key(text))
    parts = [text] if whole else [part for part in SECTOR_SEPARATORS.split(text) if part]
    ids = []
    for part in parts:
        found = context.sectors.get(name_key(part))
        if found is None:
            errors.append({"code": "unknown_sector", "value": part})
        elif found[1]:
            errors.append({"code": "retired_sector", "value": part})
        elif found[0] not in ids:  # named twice in one cell: linked once
            ids.append(found[0])
    return ids


def _stage(text, context, errors, spec):
    stage = STAGE_WORDS.get(name_key(text))
    if stage is None:
        errors.append({"code": "unknown_stage", "value": text})
    return stage


def _role(text, context, errors, spec):
    role = ROLE_WORDS.get(name_key(text))
    if role is None:
        errors.append({"code": "unknown_role", "value": text})
    return role


def _organization(text, context, errors, spec):
    found = context.organizations.get(name_key(text), [])
    if len(found) > 1:
        errors.append({"code": "ambiguous_organization", "value": text})
    elif not found:
        errors.append({"code": "unknown_organization", "value": text})
    return found[0] if len(found) == 1 else None


def _date(text, context, errors, spec):
    for pattern in ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    errors.append({"code": "bad_date", "value": text})
    return None


def _website(text, context, errors, spec):
    if not text.lower().startswith(("http://", "https://")) or any(c.isspace() for c in text):
        errors.append({"code": "bad_website", "value": text})
        return None
    return text


_READERS = {
    "email": _email,
    "contact_email": _email,
    "phone": _phone,
    "directory_consent": _yes_no,
    "contact_consent": _yes_no,
    "languages": _languages,
    "preferred_language": _language,
    "email_language": _email_language,
    "sectors": _sectors,
    "status": _stage,
    "organization_role": _role,
    "organization": _organization,
    "joined_on": _date,
    "follow_up_on": _date,
    "website": _website,
}
DEFAULTS = {"status": STATUS_IDENTIFIED, "organization_role": AFFILIATION_STAFF}
