"""The language check itself: rows of terms in, flags out. Plain Python, no app or database.

A row flags its terms wherever they appear, or, when it lists "flag only in" phrases, those
phrases only; a flag inside one of its "never flag in" phrases is dropped ("clean water").
Flags are advice: the caller shows them, nothing is refused because of one.
"""

import re
from dataclasses import dataclass

from coalition.messaging.language.folding import FoldedText
from coalition.messaging.language.patterns import PatternProblem, compile_pattern

LANGUAGES = ("en", "es")
WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class Rule:
    """What the checker needs of one row of terms."""

    id: int | None
    language: str
    terms: tuple[str, ...]
    suggestions: tuple[str, ...] = ()
    flag_only_in: tuple[str, ...] = ()
    never_in: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Flag:
    """A passage of the checked text (original offsets, end excluded) and what to say."""

    start: int
    end: int
    text: str
    rule_id: int | None
    term: str  # the row's first term, naming it
    suggestions: tuple[str, ...]
    note: str
    language: str


class _Patterns:
    """Several patterns, each a regular expression of its own (one combined expression would
    miss a phrase starting inside another's match: "stayed clean for 6 months"), searched
    only in texts holding the letters they need."""

    def __init__(self, patterns, language, phrase=False):
        self.searches = []
        for pattern in patterns:
            try:
                compiled = compile_pattern(pattern, language, phrase)
            except PatternProblem:
                continue
            regex = re.compile(compiled.source, re.IGNORECASE if compiled.cased else 0)
            self.searches.append((regex, compiled.anchor, compiled.cased))

    def spans(self, text):
        """(start, end) of every match in text.folded."""
        found = []
        for regex, letters, cased in self.searches:
            if letters in text.lowered:
                found += _search(regex, text.folded if cased else text.lowered)
        return found


def _search(regex, text):
    return [
        match.span()
        for match in regex.finditer(text)
        if not match.start() or not WORD_CHARACTER.match(text, match.start() - 1)
    ]


class _CompiledRule:
    def __init__(self, rule):
        self.rule = rule
        only_in = bool(rule.flag_only_in)
        self.triggers = _Patterns(rule.flag_only_in or rule.terms, rule.language, phrase=only_in)
        self.exclusions = _Patterns(rule.never_in, rule.language, phrase=True)

    def spans(self, text):
        """The folded spans this row flags in text, overlapping ones merged."""
        found = self.triggers.spans(text)
        if found:
            excluded = self.exclusions.spans(text)
            found = [span for span in found if not _overlaps_any(span, excluded)]
        return _merged(found)


class Checker:
    """Rows compiled once; check() any number of texts with them."""

    def __init__(self, rules):
        self._rules = {language: [] for language in LANGUAGES}
        for rule in rules:
            self._rules.setdefault(rule.language, []).append(_CompiledRule(rule))

    def check(self, text, languages=LANGUAGES):
        """The flags in text for the rows of `languages`, in the order they appear."""
        folded = FoldedText(text or "")
        flags = []
        for language in languages:
            for compiled in self._rules.get(language, ()):
                flags += [_flag(folded, compiled.rule, span) for span in compiled.spans(folded)]
        return _outermost(flags)


def _flag(folded, rule, span):
    start, end = folded.span(*span)
    return Flag(
        start=start,
        end=end,
        text=folded.original[start:end],
        rule_id=rule.id,
        term=rule.terms[0] if rule.terms else "",
        suggestions=rule.suggestions,
        note=rule.note,
        language=rule.language,
    )


def _overlaps_any(span, others):
    return any(start < span[1] and span[0] < end for start, end in others)


def _merged(spans):
    merged = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _outermost(flags):
    """Flags in text order, without those inside a longer one ("addict" in "former addict")."""
    kept = []
    reach = (-1, -1)  # (end, start) of the flag reaching furthest so far
    for flag in sorted(flags, key=lambda flag: (flag.start, -flag.end)):
        end, start = reach
        inside = flag.end < end or (flag.end == end and start < flag.start)
        if not inside:
            kept.append(flag)
        if flag.end > end:
            reach = (flag.end, flag.start)
    return kept
