"""Terms and phrases as coordinators write them, turned into regular expressions.

One syntax serves the terms and both lists of context phrases, one entry per line:

- words match whatever their case and accents, whole words only, with their plurals and
  inflections ("addict" also finds "Addicts"; "adicto" also "adictas", "ADICTOS");
- `(s)` (or any letters in brackets right after a word) is an optional ending: "user(s)";
- `a/b/c` is any one of the words: "days/months/years";
- `N` is a number, in figures or in words: "clean for N days";
- a word in capitals ("MAT", "IV") matches only in capitals;
- words may be apart by any spaces or line breaks, and "ex-con" also finds "ex con", "excon".
"""

import re
from dataclasses import dataclass

from coalition.messaging.language.folding import fold

NUMBER_WORDS = {
    "en": (
        "a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
        "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
        "|eighty|ninety|hundred|a few|few|several|many|some"
    ),
    "es": (
        "un|uno|una|unos|unas|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce"
        "|trece|catorce|quince|dieci\\w+|veinte|veinti\\w+|treinta|cuarenta|cincuenta|sesenta"
        "|setenta|ochenta|noventa|cien|ciento|varios|varias|algunos|algunas|pocos|pocas|muchos"
        "|muchas"
    ),
}
# A figure ("30", "1.5") or number words joined by spaces, hyphens or "y" ("treinta y dos").
_NUMBER_WORD = "(?:" + "|".join(NUMBER_WORDS.values()) + ")"
NUMBER = rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORD}(?:(?:[-\s]+|\s+y\s+){_NUMBER_WORD})*)"
SPACE = r"\s+"
WORD_END = r"(?!\w)"
_OPTIONAL_ENDING = re.compile(r"\((\w+)\)$")
_GENDERED = re.compile(r"(?:o|a|os|as)$")
SHORT = 2  # words this short ("a", "de", "is") take no inflection


class PatternProblem(ValueError):
    """A term or phrase that cannot be matched (no letters at all)."""


@dataclass(frozen=True)
class Compiled:
    """One pattern as a regular expression, to search the lowered text (or, when `cased`, the
    text as written, ignoring case). The caller checks that a match starts a word: a leading
    look-behind would make every search about 30 times slower."""

    source: str
    anchor: str  # letters every match contains (lower case), "" when none is long enough
    cased: bool  # a word in capitals ("MAT") matches only in capitals


def compile_pattern(pattern, language, phrase=False):
    """The Compiled form of one term (or, with phrase, one context phrase) in `language`."""
    tokens = fold(pattern).split()
    if not any(re.search(r"\w", token) for token in tokens):
        raise PatternProblem(pattern)
    parts = [_token(token, language, phrase) for token in tokens]
    source = SPACE.join(source for source, _literals in parts) + WORD_END
    literals = [literal.lower() for _source, found in parts for literal in found]
    best = max(literals, key=len, default="")
    cased = any(_in_capitals(token) for token in tokens)
    return Compiled(source, best if len(best) >= 3 else "", cased)


def problem(pattern):
    """Why a pattern cannot be used, or None."""
    try:
        compile_pattern(pattern, "en")
    except PatternProblem:
        return "no letters"
    return None


def _in_capitals(token):
    return len(token) >= SHORT and token.isupper()


def _token(token, language, phrase):
    """(regular expression, letters any match of it contains) of one word of a pattern."""
    if token == "N":
        return NUMBER, []
    if "/" in token:
        choices = [choice for choice in token.split("/") if choice]
        sources = [_word(choice, language, phrase)[0] for choice in choices]
        return "(?:" + "|".join(sources) + ")", []
    return _word(token, language, phrase)


def _word(word, language, phrase):
    """One word: its optional ending in brackets, or else the language's inflections."""
    if _in_capitals(word):
        plural = "s?" if language == "en" else "(?:es)?"
        return f"(?-i:{_literal(word)}){plural}", _letters(word)
    word = word.lower()
    optional = _OPTIONAL_ENDING.search(word)
    if optional:
        base = word[: optional.start()]
        return _literal(base) + f"(?:{re.escape(optional.group(1))})?", _letters(base)
    if len(word) <= SHORT or not word[-1].isalpha():
        return _literal(word), _letters(word)
    base, endings = _inflections(word, language, phrase)
    return _literal(base) + endings, _letters(base)


def _inflections(word, language, phrase):
    """(the word without its ending, the endings it may take). In English phrases verbs also
    take -ed and -ing ("stayed clean"); terms do not, so "convict" never finds "convicted"."""
    if language == "es":
        return _spanish(word)
    verb = "|ed|d|ing" if phrase else ""
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1], f"(?:s|es{verb})?"  # "days" also finds "day"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1], f"(?:y|ies{'|ied|ying' if phrase else ''})"
    return word, f"(?:s|es{verb})?"


def _spanish(word):
    gendered = _GENDERED.search(word)
    if gendered and gendered.start() >= SHORT:
        return word[: gendered.start()], "(?:o|a|os|as)"  # adicto, adictas, ADICTOS
    if word.endswith("es") and word[-3:-2] not in ("", "a", "e", "i", "o", "u"):
        return word[:-2], "(?:e|es)?"  # mentales, meses, delincuentes
    if word.endswith("s"):
        return word[:-1], "s?"
    if word[-1] in "aeiou":
        return word, "s?"
    return word, "(?:e|es)?"


def _letters(text):
    """The runs of letters a match of `text` contains as they are."""
    return [run for run in re.split(r"[^\w]+", text) if run]


def _literal(text):
    """Letters as they are; a hyphen also as a space or nothing; curly apostrophes too."""
    parts = []
    for char in text:
        if char == "-":
            parts.append(r"[-\s]?")
        elif char in "'’":
            parts.append("['’]")
        else:
            parts.append(re.escape(char))
    return "".join(parts)
