"""The demo coalition's partner organizations, their people, and what the people shared.

Realistic on purpose: the gaps a coordinator would see (no active housing organization,
no one yet from the courts), follow-ups that are overdue, delegates, languages, and a
participant with lived experience. Organizations are matched by name, so running it
again adds only what is missing.
"""

from datetime import timedelta

from coalition.core.dbtypes import utcnow
from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members.languages import replace_languages
from coalition.members.organizations.models import (
    AFFILIATION_ALTERNATE,
    AFFILIATION_PRIMARY,
    AFFILIATION_STAFF,
    STATUS_ACTIVE,
    STATUS_COMMITTED,
    STATUS_CONTACTED,
    STATUS_IDENTIFIED,
    STATUS_LAPSED,
    Organization,
)
from coalition.members.organizations.services import (
    add_affiliation,
    add_commitment,
    create_organization,
)
from coalition.members.organizations.stages import record_stage
from coalition.members.people.models import PersonLanguage, find_person_by_email
from coalition.members.sectors import Sector, ensure_preloaded_sectors

# name: (stages walked through, sector keys, languages, owner's email, follow-up in days from
# today (negative: overdue), description, communities served)
DEMO_ORGANIZATIONS = {
    "Second Chance Reentry Collaborative": (
        [STATUS_CONTACTED, STATUS_COMMITTED, STATUS_ACTIVE],
        ["reentry", "education-employment"],
        ["en", "es"],
        "marisol.vega@example.org",
        30,
        "Case management, job readiness and housing navigation for people coming home.",
        "Eastside and Riverside County residents returning from jail or prison",
    ),
    "Riverside Harm Reduction Project": (
        [STATUS_CONTACTED, STATUS_ACTIVE],
        ["harm-reduction", "peer-recovery"],
        ["en", "es"],
        "marisol.vega@example.org",
        None,
        "Syringe services, naloxone, drug checking and peer outreach.",
        "People who use drugs; unhoused neighbors downtown",
    ),
    "Riverside Police Department": (
        [STATUS_CONTACTED, STATUS_COMMITTED, STATUS_ACTIVE],
        ["law-enforcement"],
        ["en"],
        "marisol.vega@example.org",
        14,
        "Patrol officers refer people to case management instead of arrest.",
        "The whole city",
    ),
    "Grace Fellowship Church": (
        [STATUS_CONTACTED, STATUS_ACTIVE],
        ["faith"],
        ["en"],
        "darnell.brooks@example.org",
        None,
        "Hosts the coalition's community forums and a weekly recovery group.",
        "North side neighborhoods",
    ),
    "Iglesia Nueva Esperanza": (
        [STATUS_CONTACTED, STATUS_COMMITTED],
        ["faith"],
        ["es"],
        "ana.torres@example.org",
        -5,
        "Congregación que acompaña a familias inmigrantes.",
        "Spanish-speaking families",
    ),
    "New Directions Treatment Center": (
        [STATUS_CONTACTED, STATUS_COMMITTED, STATUS_ACTIVE],
        ["treatment", "mental-health"],
        ["en", "es", "vi"],
        "marisol.vega@example.org",
        45,
        "Outpatient treatment, medications for opioid use disorder, same-day intake.",
        "Adults in Riverside County, including Vietnamese-speaking families",
    ),
    "Main Street Business Association": (
        [STATUS_CONTACTED],
        ["business"],
        ["en"],
        "darnell.brooks@example.org",
        -12,
        "Small businesses on Main Street and the riverfront.",
        "Downtown merchants",
    ),
    "Haven House Shelter": (
        [STATUS_CONTACTED, STATUS_COMMITTED, STATUS_ACTIVE, STATUS_LAPSED],
        ["housing"],
        ["en"],
        "marisol.vega@example.org",
        -20,
        "Emergency shelter and rapid rehousing. Left the coalition when its director moved on.",
        "Unhoused adults",
    ),
    "Eastside Community Health Clinic": (
        [STATUS_IDENTIFIED],
        ["health-care"],
        ["en", "es"],
        "marisol.vega@example.org",
        -3,
        "Federally qualified health center.",
        "Uninsured and underinsured residents",
    ),
    "Rainbow Alliance of Riverside": (
        [STATUS_IDENTIFIED],
        ["lgbtqia"],
        ["en"],
        None,
        10,
        "Support and advocacy for LGBTQIA+ people.",
        "LGBTQIA+ youth and adults",
    ),
    "Riverside County Food Bank": (
        [STATUS_CONTACTED, STATUS_COMMITTED],
        ["food"],
        ["en", "es"],
        "marisol.vega@example.org",
        7,
        "Food pantries and mobile distributions across the county.",
        "Families facing food insecurity",
    ),
    "Riverside Public Defender's Office": (
        [STATUS_CONTACTED],
        ["legal"],
        ["en", "es"],
        "marisol.vega@example.org",
        -1,
        "Represents people who cannot afford a lawyer.",
        "Defendants in county courts",
    ),
}
# name: (contact address, the language written to it): the church's office reads Spanish.
DEMO_CONTACTS = {"Iglesia Nueva Esperanza": ("oficina@nuevaesperanza.example.org", "es")}
DEMO_TARGETS = {"faith": 2, "treatment": 2, "housing": 2, "harm-reduction": 1}
# (organization, person's email, role)
DEMO_AFFILIATIONS = [
    ("Second Chance Reentry Collaborative", "darnell.brooks@example.org", AFFILIATION_PRIMARY),
    ("Second Chance Reentry Collaborative", "jamal.carter@example.org", AFFILIATION_STAFF),
    ("Riverside Police Department", "kevin.marsh@example.org", AFFILIATION_PRIMARY),
    ("Grace Fellowship Church", "ruth.okafor@example.org", AFFILIATION_PRIMARY),
    ("New Directions Treatment Center", "priya.natarajan@example.org", AFFILIATION_ALTERNATE),
    ("Riverside Harm Reduction Project", "linh.nguyen@example.org", AFFILIATION_PRIMARY),
    ("Iglesia Nueva Esperanza", "tomas.reyes@example.org", AFFILIATION_PRIMARY),
]
DEMO_COMMITMENTS = [
    ("Riverside Police Department", 60, "Train every patrol shift on diversion referrals."),
    ("Second Chance Reentry Collaborative", 45, "Two case managers for diversion referrals."),
    ("Grace Fellowship Church", 30, "Host the quarterly community forum."),
]
# email: (phone, languages, preferred, access needs, lived experience, shares contact)
DEMO_PROFILES = {
    "marisol.vega@example.org": ("555-0100", ["en", "es"], "en", "", None, True),
    "darnell.brooks@example.org": ("555-0101", ["en"], "en", "", None, True),
    "ana.torres@example.org": ("555-0102", ["es", "en"], "es", "", None, False),
    "ruth.okafor@example.org": ("555-0103", ["en"], "en", "", None, True),
    "tomas.reyes@example.org": ("", ["es"], "es", "Spanish interpretation", None, False),
    "jamal.carter@example.org": ("", ["en"], "en", "", True, False),
    "linh.nguyen@example.org": ("", ["vi", "en"], "vi", "Large print handouts", True, False),
    "priya.natarajan@example.org": ("555-0107", ["en"], "en", "", None, True),
}


def seed_members(coordinator):
    """Sectors, organizations, delegates, commitments and profiles; returns records added."""
    created = ensure_preloaded_sectors()
    created += _seed_profiles()
    sectors = {sector.key: sector for sector in db.session.scalars(db.select(Sector))}
    for key, target in DEMO_TARGETS.items():
        sectors[key].target_active = target
    existing = set(db.session.scalars(db.select(Organization.name)))
    for name, spec in DEMO_ORGANIZATIONS.items():
        if name not in existing:
            _seed_organization(name, spec, sectors, coordinator)
            created += 1
    db.session.flush()
    return created


def _seed_organization(name, spec, sectors, coordinator):
    stages, keys, languages, owner, follow_up, description, communities = spec
    today = coalition_today()
    contact_email, language = DEMO_CONTACTS.get(name, (None, None))
    organization = create_organization(
        {
            "name": name,
            "contact_email": contact_email,
            "language": language,
            "sectors": [sectors[key].id for key in keys],
            "languages": languages,
            "description": description,
            "communities_served": communities,
            "owner_id": (find_person_by_email(owner).id if owner else None),
            "follow_up_on": today + timedelta(days=follow_up) if follow_up is not None else None,
        },
        STATUS_IDENTIFIED,
        coordinator,
        utcnow() - timedelta(days=30 * (len(stages) + 1)),
    )
    steps = [stage for stage in stages if stage != STATUS_IDENTIFIED]
    for index, stage in enumerate(steps):
        days_ago = 30 * (len(steps) - index)
        record_stage(organization, stage, coordinator, utcnow() - timedelta(days=days_ago))
    for org_name, email, role in DEMO_AFFILIATIONS:
        if org_name == name and find_person_by_email(email) is not None:
            add_affiliation(organization, email, role, coordinator)
    for org_name, days_ago, text in DEMO_COMMITMENTS:
        if org_name == name:
            add_commitment(organization, text, today - timedelta(days=days_ago), coordinator)


def _seed_profiles():
    added = 0
    for email, (phone, languages, preferred, needs, lived, shares) in DEMO_PROFILES.items():
        person = find_person_by_email(email)
        if person is None or person.languages:
            continue
        person.phone = phone or None
        replace_languages(person.languages, languages, PersonLanguage)
        person.preferred_language = preferred
        person.access_needs = needs
        person.lived_experience = lived
        person.contact_consent = shares
        added += 1
    db.session.flush()
    return added
