"""The sectors a coalition recruits from, preloaded from the practices guide.

Sectors are data: coordinators add, rename and retire them. The preloaded ones keep a
stable key, so their names are shown translated until a coordinator renames them.
"""

from coalition.web.i18n import _l

# (key, English name as stored, name shown through the translation catalogue)
PRELOADED_SECTORS = (
    ("treatment", "Treatment and recovery services", _l("Treatment and recovery services")),
    ("harm-reduction", "Harm reduction", _l("Harm reduction")),
    ("mental-health", "Mental health", _l("Mental health")),
    ("health-care", "Health care (clinics, hospitals)", _l("Health care (clinics, hospitals)")),
    ("emergency", "Emergency services", _l("Emergency services")),
    ("housing", "Housing and homelessness services", _l("Housing and homelessness services")),
    ("reentry", "Reentry", _l("Reentry")),
    ("legal", "Legal services and public defense", _l("Legal services and public defense")),
    ("law-enforcement", "Law enforcement", _l("Law enforcement")),
    ("courts", "Prosecution and courts", _l("Prosecution and courts")),
    ("government", "Municipal and county government", _l("Municipal and county government")),
    ("faith", "Faith-based organizations", _l("Faith-based organizations")),
    ("lgbtqia", "LGBTQIA+ organizations", _l("LGBTQIA+ organizations")),
    ("business", "Local businesses", _l("Local businesses")),
    ("education-employment", "Education and employment", _l("Education and employment")),
    ("food", "Food access", _l("Food access")),
    (
        "peer-recovery",
        "Peer recovery and organizations led by people with lived experience",
        _l("Peer recovery and organizations led by people with lived experience"),
    ),
)
_BY_KEY = {key: (stored, shown) for key, stored, shown in PRELOADED_SECTORS}


def sector_display_name(key, name):
    """A preloaded sector under its original name is shown translated; any other as stored."""
    stored, shown = _BY_KEY.get(key, (None, None))
    return str(shown) if stored is not None and stored == name else name
