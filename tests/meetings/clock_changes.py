"""Dates and clocks the time-zone tests share: a weekly series from the first Tuesday of next
March crosses the US clock change (second Sunday) and Europe's (last Sunday)."""

from datetime import date, timedelta


def first_tuesday_of_next_march(today):
    year = today.year + 1 if today >= date(today.year, 3, 1) else today.year
    day = date(year, 3, 1)
    return day + timedelta(days=(1 - day.weekday()) % 7)


FIRST = first_tuesday_of_next_march(date.today())


def english_clock(moment):
    """Babel's English short time, written here by hand: '9:00\u202fAM'."""
    hour = moment.hour % 12 or 12
    return f"{hour}:{moment.minute:02d}\u202f{'AM' if moment.hour < 12 else 'PM'}"
