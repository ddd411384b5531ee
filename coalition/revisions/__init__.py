"""Revisioned text: immutable numbered revisions, word diffs, three-way merges, restore.

Guideline sections and minutes keep their text here; drafts and timeline entries will too.
Owners point at their text (`text_id`); kind-specific facts about a revision stay with them.
"""
