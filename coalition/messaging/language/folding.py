"""The text the checker matches on: Markdown markup left out, accents folded, offsets kept.

A draft is Markdown, so `**addicts**`, `_clean_` or `[junkie](https://...)` must match like
the bare words, and a flag must still point at the original text. `FoldedText` holds the
matching text and maps any span of it back to the original characters.
"""

import re
import unicodedata
from bisect import bisect_right

# Removed before matching: link and image targets, HTML tags, inline markup characters,
# backslash escapes, and the quote and heading markers that begin a line.
MARKUP = re.compile(
    r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # the (target "title") of a link or an image
    r"|(?P<tag><[^<>\n]*>)"  # an HTML tag or an autolink: a space, so words stay apart
    r"|[*_`~\[\]\\]"  # emphasis, code, strike-through, brackets, escapes
    r"|!(?=\[)"  # the ! of an image
    r"|^[ \t]*(?:>[ \t]?)+"  # block quote markers
    r"|^[ \t]*#{1,6}(?=[ \t])",  # heading markers
    re.MULTILINE,
)
ASCII_OR_NOT = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


class FoldedText:
    """`folded` is `original` without markup and accents; span() maps back to `original`."""

    def __init__(self, original):
        self.original = original
        self._starts = []  # folded offset where each piece begins
        self._pieces = []  # (original offset, per-character offsets or None when one-to-one)
        parts = []
        length = 0
        for start, piece in _pieces(original):
            if piece.isascii():
                folded, offsets = piece, None
            else:
                folded, offsets = _fold(piece, start)
            if not folded:
                continue
            self._starts.append(length)
            self._pieces.append((start, offsets))
            parts.append(folded)
            length += len(folded)
        self.folded = "".join(parts)
        self.lowered = self.folded.lower()
        if len(self.lowered) != len(self.folded):  # a rare letter whose lower case is longer
            self.lowered = "".join(char.lower()[0] for char in self.folded)

    def span(self, start, end):
        """The original (start, end) of folded[start:end], taking any accent after the end."""
        first = self._original_offset(start)
        last = self._original_offset(end - 1) + 1
        while last < len(self.original) and unicodedata.combining(self.original[last]):
            last += 1
        return first, last

    def _original_offset(self, position):
        index = bisect_right(self._starts, position) - 1
        origin, offsets = self._pieces[index]
        within = position - self._starts[index]
        return origin + within if offsets is None else offsets[within]


def fold(text):
    """Accents and other combining marks removed: "Toxicómanos" -> "Toxicomanos"."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _fold(piece, origin):
    folded, offsets = [], []
    for index, char in enumerate(piece):
        for part in unicodedata.normalize("NFD", char):
            if not unicodedata.combining(part):
                folded.append(part)
                offsets.append(origin + index)
    return "".join(folded), offsets


def _pieces(text):
    """(original offset, text) of each run that is not markup, and a space for each tag;
    plain ASCII runs apart from the others, which are folded a character at a time."""
    position = 0
    for markup in MARKUP.finditer(text):
        if markup.start() > position:
            yield from _runs(text, position, markup.start())
        if markup.group("tag"):
            yield markup.start(), " "
        position = max(position, markup.end())
    if position < len(text):
        yield from _runs(text, position, len(text))


def _runs(text, start, end):
    for run in ASCII_OR_NOT.finditer(text, start, end):
        yield run.start(), run.group()
