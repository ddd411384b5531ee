"""What readers call the kinds of entries, in their language."""

from coalition.web.i18n import _l

KIND_LABELS = {
    "win": _l("Win"),
    "loss": _l("Loss"),
    "milestone": _l("Milestone"),
    "setback": _l("Setback"),
}
KIND_PLURALS = {
    "win": _l("Wins"),
    "loss": _l("Losses"),
    "milestone": _l("Milestones"),
    "setback": _l("Setbacks"),
}
