"""Which tokens two texts share, fast enough for long texts (the word diff and the merge).

difflib's SequenceMatcher with autojunk off is quadratic in how often a token repeats, and
a text cut into words repeats its spaces thousands of times: two 5,000-word revisions took
minutes to compare. With autojunk on it is fast but drops the spaces and common words as
junk, so merges of edits far apart conflicted. This is patience diff (as in Bazaar, whence
merge3 comes): words found once in both texts are matched first, in order; the pieces between
them are matched the same way, and a small piece with no such word goes to difflib.
"""

from bisect import bisect_left
from difflib import SequenceMatcher

# A piece without a word found once on each side goes to difflib when it is this small
# (tokens on one side times tokens on the other); larger ones count as replaced whole.
DIFFLIB_LIMIT = 250_000


class WordMatcher:
    """The part of difflib.SequenceMatcher's interface the diff and merge3 use."""

    def __init__(self, isjunk=None, a=(), b=()):
        self.a, self.b = list(a), list(b)
        self._blocks = None

    def get_matching_blocks(self):
        """(i, j, n) triples, a[i:i+n] == b[j:j+n], increasing, ending with (len a, len b, 0)."""
        if self._blocks is None:
            self._blocks = _joined(_matches(self.a, self.b)) + [(len(self.a), len(self.b), 0)]
        return self._blocks

    def get_opcodes(self):
        """difflib's opcodes (equal, replace, delete, insert) from the matching blocks."""
        i = j = 0
        opcodes = []
        for a_start, b_start, size in self.get_matching_blocks():
            tag = (
                "replace"
                if i < a_start and j < b_start
                else "delete"
                if i < a_start
                else "insert"
                if j < b_start
                else ""
            )
            if tag:
                opcodes.append((tag, i, a_start, j, b_start))
            i, j = a_start + size, b_start + size
            if size:
                opcodes.append(("equal", a_start, i, b_start, j))
        return opcodes


def _matches(a, b):
    """Matching (i, j, n) runs of a and b, in no particular order."""
    found, pieces = [], [(0, len(a), 0, len(b))]
    while pieces:
        a_low, a_high, b_low, b_high = pieces.pop()
        a_low, b_low, a_high, b_high = _trim(a, b, a_low, b_low, a_high, b_high, found)
        if a_low == a_high or b_low == b_high:
            continue
        anchors = _unique_in_order(a, b, a_low, a_high, b_low, b_high)
        if not anchors:
            found += _by_difflib(a, b, a_low, a_high, b_low, b_high)
            continue
        for i, j in anchors:
            pieces.append((a_low, i, b_low, j))
            found.append((i, j, 1))
            a_low, b_low = i + 1, j + 1
        pieces.append((a_low, a_high, b_low, b_high))
    return found


def _trim(a, b, a_low, b_low, a_high, b_high, found):
    """Match the common start and end of a piece; return what is left between them."""
    start = 0
    while (
        a_low + start < a_high and b_low + start < b_high and a[a_low + start] == b[b_low + start]
    ):
        start += 1
    if start:
        found.append((a_low, b_low, start))
    a_low, b_low = a_low + start, b_low + start
    end = 0
    while (
        a_high - end > a_low and b_high - end > b_low and a[a_high - end - 1] == b[b_high - end - 1]
    ):
        end += 1
    if end:
        found.append((a_high - end, b_high - end, end))
    return a_low, b_low, a_high - end, b_high - end


def _unique_in_order(a, b, a_low, a_high, b_low, b_high):
    """(i, j) of tokens found once in each piece, the longest run in the same order."""
    in_a = {}
    for i in range(a_low, a_high):
        in_a[a[i]] = -1 if a[i] in in_a else i
    in_b = {}
    for j in range(b_low, b_high):
        token = b[j]
        if in_a.get(token, -1) >= 0:
            in_b[token] = -1 if token in in_b else j
    pairs = sorted((in_a[token], j) for token, j in in_b.items() if j >= 0)
    return _longest_increasing(pairs)


def _longest_increasing(pairs):
    """The longest subsequence of pairs (sorted by i) whose j increase (patience sorting)."""
    tops, links = [], []  # tops: j of each pile's top; links: (pair, previous pair index)
    tails = []  # index in links of each pile's top
    for pair in pairs:
        pile = bisect_left(tops, pair[1])
        previous = tails[pile - 1] if pile else -1
        links.append((pair, previous))
        if pile == len(tops):
            tops.append(pair[1])
            tails.append(len(links) - 1)
        else:
            tops[pile], tails[pile] = pair[1], len(links) - 1
    result, index = [], tails[-1] if tails else -1
    while index >= 0:
        pair, index = links[index]
        result.append(pair)
    return result[::-1]


def _by_difflib(a, b, a_low, a_high, b_low, b_high):
    """A piece with no token found once on each side: difflib, when small enough."""
    if (a_high - a_low) * (b_high - b_low) > DIFFLIB_LIMIT:
        return []
    matcher = SequenceMatcher(None, a[a_low:a_high], b[b_low:b_high], autojunk=False)
    return [(a_low + i, b_low + j, n) for i, j, n in matcher.get_matching_blocks() if n]


def _joined(blocks):
    """Sorted, with runs that touch joined into one."""
    joined = []
    for i, j, n in sorted(blocks):
        if joined and joined[-1][0] + joined[-1][2] == i and joined[-1][1] + joined[-1][2] == j:
            joined[-1] = (joined[-1][0], joined[-1][1], joined[-1][2] + n)
        else:
            joined.append((i, j, n))
    return joined
