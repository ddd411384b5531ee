"""Working committees, goals, operating guidelines and proposals."""
