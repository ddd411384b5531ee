"""Exceptions services raise when a domain rule refuses an action."""


class ActionRefused(Exception):
    """A rule forbids this action; the message is shown to the user as is (translated)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field
