"""Importing people and organizations from CSV or .xlsx files: upload, map, check, import."""
