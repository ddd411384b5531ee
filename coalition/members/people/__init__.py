"""People: the directory, each person's profile, and adding and editing people."""
