"""Partner organizations: profiles, the people who speak for them, commitments and stages."""
