"""Shared messaging: drafts written together, their revisions, merges, comments and exports."""
