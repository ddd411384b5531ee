"""Word-level diffs and three-way merges of revisioned text (guidelines, minutes, drafts).

Text is cut into tokens (words, single punctuation marks, runs of whitespace) so a change of
one word shows as that word, not as its whole line. Merging uses merge3 over those tokens:
two people's edits of different words in the same sentence both survive; only edits of the
same words conflict.
"""

import re
from dataclasses import dataclass

from markupsafe import Markup, escape
from merge3 import Merge3

from coalition.revisions.matching import WordMatcher

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def tokenize(text):
    """Words, punctuation marks and whitespace runs; joined back they give the text."""
    return _TOKEN.findall(text or "")


def diff_html(old, new, *, removed_label="removed:", added_label="added:"):
    """HTML of `new` against `old`: removed words in <del>, added words in <ins>.

    Each change carries a visually hidden cue (translated labels from the caller), so the
    difference is never told by colour or strike-through alone.
    """
    old_tokens, new_tokens = tokenize(old), tokenize(new)
    matcher = WordMatcher(None, old_tokens, new_tokens)
    parts = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        removed = "".join(old_tokens[a_start:a_end])
        added = "".join(new_tokens[b_start:b_end])
        if tag == "equal":
            parts.append(escape(added))
            continue
        if removed:
            parts.append(_CHANGE["del"].format(removed_label, removed))
        if added:
            parts.append(_CHANGE["ins"].format(added_label, added))
    return Markup("").join(parts)


_CHANGE = {
    "del": Markup('<del><span class="visually-hidden">{} </span>{}</del>'),
    "ins": Markup('<ins><span class="visually-hidden">{} </span>{}</ins>'),
}


def has_changes(old, new):
    """True when the texts differ in more than whitespace at their ends."""
    return (old or "").strip() != (new or "").strip()


@dataclass(frozen=True)
class MergeResult:
    """The merged text, or the conflicting pieces when both sides changed the same words."""

    text: str
    conflicts: tuple  # ((mine, theirs), ...) for each region both changed differently

    @property
    def clean(self):
        return not self.conflicts


def merge(base, mine, theirs):
    """Three-way merge by words of two edits made from the same base text.

    On conflict, `text` keeps their version of the conflicting words (already saved by
    someone else), and `conflicts` lists both versions so the person can choose.
    """
    base_tokens, mine_tokens, theirs_tokens = tokenize(base), tokenize(mine), tokenize(theirs)
    merger = Merge3(base_tokens, mine_tokens, theirs_tokens, sequence_matcher=WordMatcher)
    pieces, conflicts = [], []
    for region in merger.merge_regions():
        kind = region[0]
        if kind == "unchanged":
            pieces.extend(base_tokens[region[1] : region[2]])
        elif kind in ("a", "same"):
            pieces.extend(mine_tokens[region[1] : region[2]])
        elif kind == "b":
            pieces.extend(theirs_tokens[region[1] : region[2]])
        else:
            _, _, _, a_start, a_end, b_start, b_end = region
            mine_part = "".join(mine_tokens[a_start:a_end])
            theirs_part = "".join(theirs_tokens[b_start:b_end])
            conflicts.append((mine_part, theirs_part))
            pieces.append(theirs_part)
    return MergeResult("".join(pieces), tuple(conflicts))
