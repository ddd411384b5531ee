"""Exceptions services raise when a domain rule refuses an action."""


class ActionRefused(Exception):
    """A rule forbids this action; the message is shown to the user as is (translated)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


class EditConflict(Exception):
    """Someone saved the object after the form was loaded; nothing was written.

    `current` is the object as saved now, so the view can show both versions side by side.
    """

    def __init__(self, current):
        super().__init__("The object changed since the form was loaded.")
        self.current = current
