"""The starting list of terms (person_first_terms.tsv, from the practices guide) as rows.

Plain Python on purpose (no app, no models): the migration that creates the table loads it,
so a fresh install has the list after `flask db upgrade`. The file's columns are language,
term(s), suggestion(s), when to flag, when not, source. Quoted phrases become the row's
context phrases ("flag only in", "never flag in"); free-text conditions ("a noun for a
person") and remarks in brackets after a term ("(said of a person)") become its note.
"""

import csv
import re
import unicodedata
from pathlib import Path

STARTING_LIST = Path(__file__).with_name("person_first_terms.tsv")
QUOTED = re.compile(r"\"([^\"]+)\"")
REMARK = re.compile(r"\s+\(([^)]*)\)")  # "alcoholics (said of a person)"; "user(s)" stays
ALWAYS = re.compile(r"^(?:always|siempre)\b\s*", re.IGNORECASE)
NOT_WHEN = {"en": "not when: ", "es": "no cuando: "}


def read_rows(path=STARTING_LIST):
    """One dict of column values per line of the list, each with a stable key."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    rows, keys = [], set()
    for line in lines:
        row = parse_line(line)
        row["key"] = _unique(row["key"], keys)
        rows.append(row)
    return rows


def parse_line(line):
    """The column values of one line of the list."""
    language = line["language"].strip()
    terms, remarks = _terms(line["term"])
    only_in, when = _phrases(line["flag when"])
    never_in, when_not = _phrases(line["do not flag when"])
    if "still shown" in when_not:  # "... as a legal name (still shown as advice)": a note only
        never_in = []
    note = [*remarks, _without_always(when)]
    if when_not:
        note.append(NOT_WHEN.get(language, "") + line["do not flag when"].strip())
    return {
        "key": f"{language}-{_slug(terms[0])}",
        "language": language,
        "terms": "\n".join(terms),
        "suggestions": "\n".join(_split(line["suggest instead"], ";")),
        "flag_only_in": "\n".join(only_in),
        "never_in": "\n".join(never_in),
        "note": "; ".join(dict.fromkeys(part for part in note if part)),
        "source": line["source"].strip(),
    }


def _terms(column):
    """(the terms, the remarks in brackets after them)."""
    terms, remarks = [], []
    for piece in _split(column, ","):
        remarks += REMARK.findall(piece)
        term = REMARK.sub("", piece).strip()
        if term:
            terms.append(term)
    return terms, remarks


def _phrases(column):
    """(the quoted phrases, what the column says besides them)."""
    phrases = [phrase.strip() for phrase in QUOTED.findall(column)]
    rest = QUOTED.sub("", column)
    rest = rest if re.search(r"\w", re.sub(r"\b(?:and|or|y|o)\b", "", rest)) else ""
    return phrases, rest.strip(" ,;")


def _without_always(text):
    """ "always (advice: ...)" -> "advice: ..."; "always" -> ""."""
    if not ALWAYS.match(text):
        return text
    return ALWAYS.sub("", text).strip().removeprefix("(").removesuffix(")").strip()


def _split(column, separator):
    """Split on the separator outside brackets."""
    parts, depth, current = [], 0, []
    for char in column:
        depth += (char == "(") - (char == ")")
        if char == separator and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _slug(text):
    plain = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "term"


def _unique(key, taken):
    candidate, number = key, 2
    while candidate in taken:
        candidate, number = f"{key}-{number}", number + 1
    taken.add(candidate)
    return candidate
