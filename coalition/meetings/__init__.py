"""Meetings: the meeting and its dates, with calendar/ (files, feeds).

Importing any part maps every model of the package.
"""

from coalition.meetings.calendar import models as _calendar  # noqa: F401
