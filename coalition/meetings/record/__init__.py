"""After a meeting, each date's record: minutes kept as revisions, attendance, decisions and
action items."""
