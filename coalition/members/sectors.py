"""The sectors a coalition recruits from, preloaded from the practices guide.

Sectors are data: coordinators add, rename and retire them. The preloaded ones keep a
stable key, so their names are shown translated until a coordinator renames them. Every
part of members uses them (organizations' sectors, the directory's filter, the pipeline,
imports), so they live here, beside the package's sub-features.
"""

from coalition.core.dbtypes import UTCDateTime, utcnow
from coalition.core.extensions import db
from coalition.core.matching import name_key
from coalition.web.i18n import _l, sorted_by_name

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


class Sector(db.Model):
    """A part of the community the coalition recruits from, with a target of active partners."""

    __tablename__ = "sector"

    id = db.Column(db.Integer, primary_key=True)
    key = db.Column(db.String(40), unique=True)  # set on preloaded sectors only
    name = db.Column(db.String(120), nullable=False, unique=True)
    target_active = db.Column(db.Integer, nullable=False, default=1)
    retired_at = db.Column(UTCDateTime())
    created_at = db.Column(UTCDateTime(), nullable=False, default=utcnow)
    version = db.Column(db.Integer, nullable=False)

    __table_args__ = (db.CheckConstraint("target_active >= 0", name="target_active"),)
    __mapper_args__ = {"version_id_col": version}

    @property
    def display_name(self):
        return sector_display_name(self.key, self.name)

    @property
    def is_retired(self):
        return self.retired_at is not None

    def __repr__(self):
        return f"<Sector {self.id} {self.name!r}>"


def active_sectors():
    """Sectors open for new organizations, by name."""
    sectors = db.session.scalars(db.select(Sector).where(Sector.retired_at.is_(None))).all()
    return sorted_by_name(sectors, name=lambda sector: sector.display_name)


def ensure_preloaded_sectors():
    """Add any preloaded sector that is missing (matched by key); return how many were added."""
    keys = set(db.session.scalars(db.select(Sector.key).where(Sector.key.is_not(None))))
    names = {name_key(name) for name in db.session.scalars(db.select(Sector.name))}
    added = 0
    for key, stored, _shown in PRELOADED_SECTORS:
        if key in keys or name_key(stored) in names:
            continue
        db.session.add(Sector(key=key, name=stored, target_active=1))
        added += 1
    db.session.flush()
    return added
