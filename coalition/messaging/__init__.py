"""Shared messaging drafts written together."""
