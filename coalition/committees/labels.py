"""Reader-facing names of committee, goal and proposal values."""

from coalition.web.i18n import _l

KIND_LABELS = {
    "steering": _l("Steering committee"),
    "working": _l("Working committee"),
    "advisory": _l("Participant advisory committee"),
}
ROLE_LABELS = {"chair": _l("Chair"), "member": _l("Member")}
GOAL_STATUS_LABELS = {
    "proposed": _l("Proposed"),
    "active": _l("Active"),
    "achieved": _l("Achieved"),
    "dropped": _l("Dropped"),
}
PROPOSAL_KIND_LABELS = {
    "amendment": _l("Amendment to the operating guidelines"),
    "goal": _l("New goal"),
    "question": _l("Question"),
}
RULE_LABELS = {
    "consent": _l("Consent: adopted unless someone blocks"),
    "majority": _l("Majority of positions cast"),
}
STANCE_LABELS = {
    "agree": _l("Agree"),
    "abstain": _l("Abstain"),
    "disagree": _l("Disagree"),
    "block": _l("Block"),
}
OUTCOME_LABELS = {
    "adopted": _l("Adopted"),
    "blocked": _l("Blocked"),
    "rejected": _l("Not adopted"),
    "no_quorum": _l("No quorum"),
}
