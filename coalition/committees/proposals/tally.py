"""Counting positions: one voice per person or per organization, and the outcome by rule."""

from collections import Counter
from dataclasses import dataclass, field

from coalition.committees.proposals.models import (
    OUTCOME_ADOPTED,
    OUTCOME_BLOCKED,
    OUTCOME_NO_QUORUM,
    OUTCOME_REJECTED,
    RULE_CONSENT,
    STANCE_AGREE,
    STANCE_BLOCK,
    STANCE_DISAGREE,
)
from coalition.core.extensions import db
from coalition.members.organizations.models import (
    AFFILIATION_ALTERNATE,
    AFFILIATION_PRIMARY,
    Affiliation,
)


@dataclass
class Tally:
    """Counted voices per stance, and the outcome they give under the proposal's rule."""

    counts: Counter = field(default_factory=Counter)
    voices: int = 0
    outcome: str = OUTCOME_NO_QUORUM


def _voices(proposal, positions, affiliations):
    """Positions that count: all of them, or one per organization (primary, else alternate).

    `affiliations` are (person id, organization id, role) of delegates. A person who speaks
    for no organization keeps their own voice.
    """
    if not proposal.one_voice_per_organization:
        return [p.stance for p in positions]
    by_person = {p.person_id: p.stance for p in positions}
    stances, speakers = [], set()
    organizations = {}
    for person_id, organization_id, role in affiliations:
        organizations.setdefault(organization_id, {})[role] = person_id
        speakers.add(person_id)
    for roles in organizations.values():
        for role in (AFFILIATION_PRIMARY, AFFILIATION_ALTERNATE):
            if roles.get(role) in by_person:
                stances.append(by_person[roles[role]])
                break
    stances += [stance for person_id, stance in by_person.items() if person_id not in speakers]
    return stances


def tally(proposal, affiliations=()):
    """The proposal's voices counted and its outcome under its rule and quorum."""
    stances = _voices(proposal, proposal.positions, affiliations)
    result = Tally(counts=Counter(stances), voices=len(stances))
    counts = result.counts
    if result.voices < proposal.quorum:
        result.outcome = OUTCOME_NO_QUORUM
    elif proposal.rule == RULE_CONSENT:
        result.outcome = OUTCOME_BLOCKED if counts[STANCE_BLOCK] else OUTCOME_ADOPTED
    else:
        against = counts[STANCE_DISAGREE] + counts[STANCE_BLOCK]
        cast = counts[STANCE_AGREE] + against
        result.outcome = OUTCOME_ADOPTED if 2 * counts[STANCE_AGREE] > cast else OUTCOME_REJECTED
    return result


def delegate_affiliations(proposal):
    """(person, organization, role) of the delegates among those who took a position."""
    if not proposal.one_voice_per_organization:
        return ()
    person_ids = [p.person_id for p in proposal.positions]
    return db.session.execute(
        db.select(Affiliation.person_id, Affiliation.organization_id, Affiliation.role).where(
            Affiliation.person_id.in_(person_ids),
            Affiliation.role.in_((AFFILIATION_PRIMARY, AFFILIATION_ALTERNATE)),
        )
    ).all()
