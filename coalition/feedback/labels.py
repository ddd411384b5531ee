"""Reader-facing names of a feedback note's status."""

from coalition.web.i18n import _l

FEEDBACK_STATUS_LABELS = {
    "received": _l("Received"),
    "discussed": _l("Discussed"),
    "acted_on": _l("Acted on"),
}
