"""Committees, with their goals, operating guidelines and proposals.

Importing any part maps every model of the package: proposals refer to goals and guideline
sections, and a guideline revision to the proposal that adopted it.
"""

from coalition.committees.proposals import models as _proposals  # noqa: F401
