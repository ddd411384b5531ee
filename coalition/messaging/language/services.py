"""The language check: the terms coordinators keep, and checking a text against them.

`check_text(text, language)` is what other pages call (the draft page will): it returns
the flags, advice that never blocks anything. The rows are compiled once and kept until
they change (keyed on a version of the whole list), so a check is one small query plus the
matching itself (a 5,000-word text takes about 10 ms).
"""

from dataclasses import dataclass

from sqlalchemy import func

from coalition.core.errors import EditConflict
from coalition.core.extensions import db
from coalition.messaging.language.checker import LANGUAGES, Checker, Rule
from coalition.messaging.language.models import LanguageTerm
from coalition.messaging.language.starting_list import read_rows

_COMPILED = {}  # {version of the list: Checker}, the latest only


@dataclass(frozen=True)
class TermData:
    """A row as the form gives it: each list a string of lines."""

    language: str
    terms: str
    suggestions: str = ""
    flag_only_in: str = ""
    never_in: str = ""
    note: str = ""
    source: str = ""


def check_text(text, language=None):
    """The flags in text for its language's rows ("en", "es"), or both when it is unknown."""
    languages = (language,) if language in LANGUAGES else LANGUAGES
    return current_checker().check(text or "", languages)


def current_checker():
    """The active rows compiled, rebuilt only when a row was added or changed."""
    version = tuple(
        db.session.execute(
            db.select(
                func.count(LanguageTerm.id),
                func.coalesce(func.sum(LanguageTerm.version), 0),
                func.max(LanguageTerm.id),
                func.max(LanguageTerm.updated_at),
            )
        ).one()
    )
    checker = _COMPILED.get(version)
    if checker is None:
        checker = Checker([_rule(term) for term in _active_terms()])
        _COMPILED.clear()
        _COMPILED[version] = checker
    return checker


def all_terms():
    """Every row, active ones first, by language and name."""
    terms = db.session.scalars(db.select(LanguageTerm)).all()
    return sorted(terms, key=lambda term: (not term.active, term.language, term.name.casefold()))


def add_term(data):
    """Add a row to the list."""
    term = LanguageTerm(**_columns(data))
    db.session.add(term)
    db.session.flush()
    return term


def update_term(term, data, version):
    """Change a row, edited from `version`; a newer save refuses it."""
    if str(term.version) != str(version):
        raise EditConflict(term)
    for name, value in _columns(data).items():
        setattr(term, name, value)
    db.session.flush()


def deactivate_term(term):
    """Stop flagging a row's terms; it stays in the list, to be turned on again."""
    term.active = False
    db.session.flush()


def activate_term(term):
    """Flag a deactivated row's terms again."""
    term.active = True
    db.session.flush()


def ensure_starting_terms():
    """Add the rows of the starting list that are missing (by key); return how many."""
    keys = set(db.session.scalars(db.select(LanguageTerm.key).where(LanguageTerm.key.is_not(None))))
    missing = [row for row in read_rows() if row["key"] not in keys]
    db.session.add_all(LanguageTerm(**row) for row in missing)
    db.session.flush()
    return len(missing)


def _active_terms():
    return db.session.scalars(db.select(LanguageTerm).where(LanguageTerm.active)).all()


def _rule(term):
    return Rule(
        id=term.id,
        language=term.language,
        terms=term.term_list,
        suggestions=term.suggestion_list,
        flag_only_in=term.only_in_list,
        never_in=term.never_in_list,
        note=term.note,
    )


def _columns(data):
    """The row's columns from the form's data, each list one entry per line."""
    return {
        "language": data.language,
        "terms": _tidy_lines(data.terms),
        "suggestions": _tidy_lines(data.suggestions),
        "flag_only_in": _tidy_lines(data.flag_only_in),
        "never_in": _tidy_lines(data.never_in),
        "note": (data.note or "").strip(),
        "source": (data.source or "").strip(),
    }


def _tidy_lines(text):
    lines = (" ".join(line.split()) for line in (text or "").splitlines())
    return "\n".join(dict.fromkeys(line for line in lines if line))
