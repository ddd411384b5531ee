"""Coalition members: people (and, later, partner organizations)."""
