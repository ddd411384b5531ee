"""The operating guidelines, changed by adopted proposals or editorial corrections."""
