"""A checked text cut into the passages (paragraphs) that hold flags, for showing each flag
beside its passage: each passage as runs of plain and flagged text, and its flags numbered."""

import re
from dataclasses import dataclass, field

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Run:
    text: str
    number: int | None = None  # the flag's number when this run is flagged


@dataclass
class Passage:
    start: int
    end: int
    runs: list = field(default_factory=list)
    flags: list = field(default_factory=list)  # (number, flag)


def flagged_passages(text, flags):
    """The paragraphs of text that hold a flag, in order, each flag numbered from 1."""
    numbered = list(enumerate(flags, start=1))
    passages = []
    for start, end in _paragraphs(text):
        within = [(n, flag) for n, flag in numbered if flag.start < end and start < flag.end]
        if within:
            passages.append(_passage(text, start, end, within))
    return passages


def _paragraphs(text):
    start = 0
    for gap in PARAGRAPH_BREAK.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def _passage(text, start, end, within):
    passage = Passage(start, end)
    position = start
    for number, flag in within:
        flag_start, flag_end = max(flag.start, start), min(flag.end, end)
        if flag_start < position:  # overlaps the previous flag: its rest only
            flag_start = position
        if flag_start > position:
            passage.runs.append(Run(text[position:flag_start]))
        if flag_end > flag_start:
            passage.runs.append(Run(text[flag_start:flag_end], number))
        position = max(position, flag_end)
        if flag.start >= start:  # a flag spanning two paragraphs is listed with the first
            passage.flags.append((number, flag))
    if position < end:
        passage.runs.append(Run(text[position:end]))
    return passage
