"""Time the word diff and the three-way merge of two 5,000-word revisions of a draft.

    .venv/bin/python bench/drafts.py [--words 5000] [--runs 7]

Builds a base text of about N words in paragraphs (words drawn from a fixed vocabulary, so
runs compare), then two edits of it, each changing about one word in fifty in different
places (a clean merge) and, for the conflicting case, some of the same places. Reports the
median of several runs for the diff shown on the compare page and for each merge.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coalition.revisions.diff import diff_html, merge  # noqa: E402

SYLLABLES = (
    "ca",
    "re",
    "di",
    "ver",
    "sion",
    "peo",
    "ple",
    "heal",
    "th",
    "pi",
    "lot",
    "com",
    "mu",
    "ni",
    "ty",
    "hou",
    "sing",
    "po",
    "li",
    "ce",
    "fa",
    "mi",
    "ly",
    "wor",
    "ker",
    "sup",
)


def vocabulary(rng, size=3000):
    """Made-up words, as many distinct ones as a long op-ed uses."""
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def base_text(words, rng):
    """About `words` words, in paragraphs of 60 with sentences of 12; common words are
    common (a Zipf-like draw), as in prose."""
    vocabulary_ = vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(vocabulary_) + 1)]
    tokens = rng.choices(vocabulary_, weights, k=words)
    sentences = [" ".join(tokens[i : i + 12]).capitalize() + "." for i in range(0, words, 12)]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5))


def edit(text, rng, every, offset, word):
    """Replace one word in `every`, starting at `offset`."""
    words = text.split(" ")
    for index in range(offset, len(words), every):
        words[index] = word
    return " ".join(words)


def timed(function, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(15)
    base = base_text(args.words, rng)
    mine = edit(base, rng, 50, 7, "mine")
    theirs = edit(base, rng, 50, 31, "theirs")
    overlapping = edit(base, rng, 100, 7, "overlap")
    labels = {"removed_label": "removed:", "added_label": "added:"}
    clean = merge(base, mine, theirs)
    conflicting = merge(base, mine, overlapping)
    assert clean.clean and not conflicting.clean
    results = {
        "diff of two revisions": timed(lambda: diff_html(mine, theirs, **labels), args.runs),
        "merge, no overlap": timed(lambda: merge(base, mine, theirs), args.runs),
        f"merge, {len(conflicting.conflicts)} overlaps": timed(
            lambda: merge(base, mine, overlapping), args.runs
        ),
    }
    print(f"{len(base.split())} words, median of {args.runs} runs:")
    for name, milliseconds in results.items():
        print(f"  {name:<24} {milliseconds:8.1f} ms")


if __name__ == "__main__":
    main()
