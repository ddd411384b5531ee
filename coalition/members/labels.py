"""Names shown for stages and roles (stored as codes, shown in the reader's language)."""

from coalition.web.i18n import _l

STATUS_LABELS = {
    "identified": _l("Identified"),
    "contacted": _l("Contacted"),
    "committed": _l("Committed"),
    "active": _l("Active"),
    "lapsed": _l("Lapsed"),
}
AFFILIATION_LABELS = {
    "primary": _l("Primary delegate"),
    "alternate": _l("Alternate"),
    "staff": _l("Staff"),
}
