"""Scheduling: a meeting or a series (weekly, every N weeks, monthly by date or weekday), its
changes and cancellation, one date moved or cancelled, and "this and following" dates."""
