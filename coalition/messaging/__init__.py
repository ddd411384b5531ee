"""Shared messaging: drafts written together, their revisions, merges, comments, exports,
review and sign-off, and language versions.

Importing any part maps every model of the package (a comment belongs to a draft).
"""

from coalition.messaging.comments import models as _comments  # noqa: F401
from coalition.messaging.review import models as _review  # noqa: F401
from coalition.messaging.translations import models as _translations  # noqa: F401
