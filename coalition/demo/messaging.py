"""The demo coalition's drafts: written by several members, one with an edit merged into
another's, comments on passages (one resolved) with replies; drafts in every status (draft,
in review, approved, published, archived), a press release whose Spanish version is out of
date, terms the language check flags, and an approval from the participant advisory
committee.

Idempotent: a draft is matched by its title and filled only when it is added.
"""

from datetime import date, timedelta

from coalition.committees.models import Committee
from coalition.core.extensions import db
from coalition.members.people.models import find_person_by_email
from coalition.messaging import services
from coalition.messaging.access import EMAIL_RULES
from coalition.messaging.comments import services as comments
from coalition.messaging.models import Draft
from coalition.messaging.review import services as review
from coalition.messaging.services import DraftDetails
from coalition.messaging.translations import services as translations
from coalition.revisions import services as revisions

MARISOL = "marisol.vega@example.org"
DARNELL = "darnell.brooks@example.org"
ANA = "ana.torres@example.org"
PRIYA = "priya.natarajan@example.org"
RUTH = "ruth.okafor@example.org"
TOMAS = "tomas.reyes@example.org"
JAMAL = "jamal.carter@example.org"
PEOPLE = (MARISOL, DARNELL, ANA, PRIYA, RUTH, TOMAS, JAMAL)
STEERING = "Steering Committee"
ADVISORY = "Participant Advisory Committee"

TALKING_POINTS = "Talking points: pre-arrest diversion for the city council"
POINTS_V1 = """# Why diversion

- Arrest is not treatment: people who use drugs need care, not a record.
- Officers spend hours booking people for low-level offenses.
- The pilot connects people to a peer navigator within a day.

# What we ask

Fund the pilot for two more years.
"""
# Marisol sharpens the numbers while Darnell, from the same first version, rewrites the ask.
POINTS_MARISOL = POINTS_V1.replace("spend hours", "spend about three hours")
POINTS_DARNELL = POINTS_V1.replace(
    "Fund the pilot for two more years.",
    "Fund the pilot for two more years and add a second peer navigator.",
)

PRESS_RELEASE = "Press release: county funds the diversion pilot"
TESTIMONY = "Testimonio para la audiencia de presupuesto"
SOCIAL = "Social post: Recovery Month"
PRESS_RELEASE_ES = "Comunicado: el condado financia el programa piloto de desviación"
OP_ED = "Op-ed: care, not a cell"
FLYER = "Flyer: open house at the library (last year)"


def seed_drafts():
    """Add the demo drafts that are missing; return how many were added."""
    people = {email: find_person_by_email(email) for email in PEOPLE}
    if any(person is None for person in people.values()):
        return 0
    added = 0
    for title, seed in (
        (TALKING_POINTS, _talking_points),
        (PRESS_RELEASE, _press_release),
        (TESTIMONY, _testimony),
        (SOCIAL, _social_post),
        (OP_ED, _op_ed),
        (FLYER, _flyer),
    ):
        if db.session.scalar(db.select(Draft.id).filter_by(title=title)) is None:
            seed(people)
            added += 1
    db.session.flush()
    return added


def _committee(name):
    return db.session.scalar(db.select(Committee.id).filter_by(name=name))


def _talking_points(people):
    """Darnell's draft for his committee; Marisol's edit and his crossed, merged on save."""
    marisol, darnell, ana = people[MARISOL], people[DARNELL], people[ANA]
    details = DraftDetails(
        title=TALKING_POINTS,
        kind="talking_points",
        audience="City council members and their staff",
        purpose="Win a two-year extension of the pilot's funding at the March vote.",
        committee_id=_committee("Law Enforcement Engagement"),
    )
    draft = services.start_draft(details, POINTS_V1, darnell)
    services.save_text(draft, POINTS_MARISOL, 1, marisol, "The number of hours, from the audit")
    crossed = revisions.stale(draft.text_id, POINTS_DARNELL, 1)
    services.save_text(
        draft, crossed.merged.text, 2, darnell, "A second navigator (merged with Marisol's edit)"
    )
    thread = comments.add_comment(
        draft,
        "Can we cite the county audit here? Council staff will ask for the source.",
        "Officers spend about three hours booking people",
        marisol,
    )
    comments.reply(draft, thread, "Yes: page 12 of the 2025 audit. I'll add it.", darnell)
    wording = comments.add_comment(
        draft,
        'Thank you for "people who use drugs" instead of labels. Keep it that way.',
        "people who use drugs need care",
        ana,
    )
    comments.resolve(wording, darnell)


def _press_release(people):
    details = DraftDetails(
        title=PRESS_RELEASE,
        kind="press_release",
        audience="Local newsrooms",
        purpose="Announce the funding the day the county votes.",
        embargo_until=date.today() + timedelta(days=5),
    )
    text = (
        "**FOR IMMEDIATE RELEASE**\n\n"
        "Riverside County today extended funding for its pre-arrest diversion pilot, which "
        "has connected more than 300 people to treatment and support instead of jail.\n\n"
        '> "Every person we divert is a neighbor who gets help," said Marisol Vega, the '
        "coalition's coordinator.\n"
    )
    draft = services.start_draft(details, text, people[MARISOL])
    translations.start_translation(draft, "es", PRESS_RELEASE_ES, people[ANA])
    spanish = db.session.scalar(db.select(Draft).filter_by(title=PRESS_RELEASE_ES))
    translations.save(spanish, PRESS_RELEASE_ES_TEXT, 1, people[ANA], "Traducción completa")
    # The English text changes after the Spanish version followed it: out of date since r2.
    services.save_text(
        draft, text.replace("more than 300", "312"), 1, people[MARISOL], "Exact count"
    )
    _review(draft, people, {STEERING: 1, ADVISORY: 1}, [RUTH, TOMAS])
    review.decide(draft, people[TOMAS], "approved", "Se entiende bien. Adelante.", EMAIL_RULES)


PRESS_RELEASE_ES_TEXT = (
    "**PARA DIFUSIÓN INMEDIATA**\n\n"
    "El condado de Riverside extendió hoy el financiamiento de su programa piloto de "
    "desviación antes del arresto, que ha conectado a más de 300 personas con tratamiento "
    "y apoyo en lugar de la cárcel.\n"
)


def _review(draft, people, rules, reviewers, asker=None):
    """Sign-off rules by committee name, and the reviewers asked (by the draft's creator)."""
    review.set_rules(draft, {_committee(name): minimum for name, minimum in rules.items()})
    asked = [people[email] for email in reviewers]
    review.ask_reviewers(draft, asked, asker or draft.created_by, EMAIL_RULES)


def _testimony(people):
    details = DraftDetails(
        title=TESTIMONY,
        kind="testimony",
        audience="Comisión de presupuesto del condado",
        purpose="Contar por qué la desviación antes del arresto funciona.",
        committee_id=_committee("Participant Advisory Committee"),
        language="es",
    )
    text = (
        "Buenas tardes. Me llamo Ana Lucía Torres.\n\n"
        "Hace tres años, un agente me ofreció un navegador de pares en lugar de un arresto. "
        "Hoy trabajo y acompaño a otras personas en su recuperación.\n"
    )
    draft = services.start_draft(details, text, people[ANA])
    _review(draft, people, {ADVISORY: 1}, [JAMAL])
    review.decide(draft, people[JAMAL], "approved", "Strong and true. Approved.", EMAIL_RULES)


def _social_post(people):
    details = DraftDetails(
        title=SOCIAL,
        kind="social_post",
        audience="Followers of partner organizations",
        committee_id=_committee("Community Outreach"),
    )
    text = "Recovery is possible. September is #RecoveryMonth: meet us at the library fair."
    draft = services.start_draft(details, text, people[PRIYA])
    services.save_text(draft, text + " Free naloxone training at 2 pm.", 1, people[MARISOL])
    _review(draft, people, {}, [RUTH])
    review.decide(draft, people[RUTH], "approved", "", EMAIL_RULES)
    review.publish(draft, "The coalition's social media accounts", people[PRIYA], EMAIL_RULES)


def _op_ed(people):
    """A draft the language check flags: labels where people-first words belong."""
    details = DraftDetails(
        title=OP_ED,
        kind="op_ed",
        audience="Readers of the Riverside Courier",
        purpose="Make the case for diversion before the budget vote.",
        committee_id=_committee("Policy and Funding"),
    )
    text = (
        "Every week our officers arrest addicts who need treatment, not a record.\n\n"
        "People who stay clean for a year tell us a peer navigator made the difference.\n"
    )
    draft = services.start_draft(details, text, people[PRIYA])
    # Waiting for the coordinator's review: the first thing her home page shows about drafts.
    _review(draft, people, {STEERING: 1}, [MARISOL])


def _flyer(people):
    """Last year's flyer, put away."""
    details = DraftDetails(
        title=FLYER,
        kind="flyer",
        audience="Library visitors",
        committee_id=_committee("Community Outreach"),
    )
    draft = services.start_draft(details, "Open house: meet the coalition.", people[MARISOL])
    review.archive(draft)
