"""Shared messaging: drafts written together, their revisions, merges, comments and exports.

Importing any part maps every model of the package (a comment belongs to a draft).
"""

from coalition.messaging.comments import models as _comments  # noqa: F401
