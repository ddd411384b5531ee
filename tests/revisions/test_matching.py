"""The token matcher behind the word diff and the merge: right on any input, fast on long
texts, and edits far apart in a long text merge without a conflict."""

import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from coalition.revisions.diff import diff_html, merge, tokenize
from coalition.revisions.matching import WordMatcher

TOKENS = st.lists(st.sampled_from(["a", "b", "c", " ", ".", "the", "\n"]), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TOKENS, TOKENS)
def test_blocks_match_and_opcodes_rebuild_the_new_text(a, b):
    matcher = WordMatcher(None, a, b)
    blocks = matcher.get_matching_blocks()
    assert blocks[-1] == (len(a), len(b), 0)
    for (i, j, n), (next_i, next_j, _n) in zip(blocks, blocks[1:], strict=False):
        assert a[i : i + n] == b[j : j + n] and i + n <= next_i and j + n <= next_j
    rebuilt = []
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            assert a[a_start:a_end] == b[b_start:b_end]
        rebuilt += b[b_start:b_end]
    assert rebuilt == b


def _long_text(words=5000, seed=15):
    rng = random.Random(seed)
    vocabulary = [f"word{number}" for number in range(2500)] + ["the", "a", "of"] * 300
    tokens = [rng.choice(vocabulary) for _ in range(words)]
    return " ".join(tokens[:2000]) + ".\n\n" + " ".join(tokens[2000:]) + "."


def test_two_edits_far_apart_in_5000_words_merge_cleanly_and_quickly():
    base = _long_text()
    words = base.split(" ")
    mine = " ".join(["MINE"] + words[1:])
    theirs = " ".join(words[:-1] + ["THEIRS."])
    started = time.perf_counter()
    merged = merge(base, mine, theirs)
    diff = diff_html(mine, theirs)
    elapsed = time.perf_counter() - started
    assert merged.clean and merged.text.startswith("MINE ") and merged.text.endswith("THEIRS.")
    assert diff.count("<del>") == 2 and diff.count("<ins>") == 2
    assert elapsed < 2  # was minutes with difflib on every token (see bench/drafts.py)


def test_edits_every_fifty_words_merge_without_a_conflict():
    base = _long_text(seed=3)
    words = base.split(" ")
    mine = " ".join(w if i % 50 != 7 else "mine" for i, w in enumerate(words))
    theirs = " ".join(w if i % 50 != 31 else "theirs" for i, w in enumerate(words))
    merged = merge(base, mine, theirs)
    assert merged.clean
    assert tokenize(merged.text).count("mine") == tokenize(mine).count("mine")
    assert tokenize(merged.text).count("theirs") == tokenize(theirs).count("theirs")
