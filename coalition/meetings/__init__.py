"""Meetings: the meeting and its dates at the root, with series/ (scheduling), rsvp/
(invitations and answers), record/ (minutes, attendance, decisions, action items) and
calendar/ (files and feeds).

Importing any part maps every model of the package.
"""

from coalition.meetings import models as _meetings  # noqa: F401
from coalition.meetings.calendar import models as _calendar  # noqa: F401
from coalition.meetings.record import models as _record  # noqa: F401
from coalition.meetings.rsvp import models as _rsvp  # noqa: F401
