"""Meetings in people's calendars: .ics files, signed subscription feeds, calendar settings."""
