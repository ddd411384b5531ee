"""Reader-facing names of a draft's kind and status."""

from coalition.web.i18n import _l

KIND_LABELS = {
    "talking_points": _l("Talking points"),
    "press_release": _l("Press release"),
    "op_ed": _l("Op-ed"),
    "testimony": _l("Public testimony"),
    "social_post": _l("Social media post"),
    "flyer": _l("Flyer"),
    "other": _l("Other"),
}
STATUS_LABELS = {
    "draft": _l("Draft"),
    "in_review": _l("In review"),
    "approved": _l("Approved"),
    "published": _l("Published"),
    "archived": _l("Archived"),
}
