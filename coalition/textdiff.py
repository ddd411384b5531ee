"""Kept for callers outside the revisions module: the word diff and merge live there now."""

from coalition.revisions.diff import MergeResult, diff_html, has_changes, merge, tokenize

__all__ = ["MergeResult", "diff_html", "has_changes", "merge", "tokenize"]
