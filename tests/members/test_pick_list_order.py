"""Pick lists and account lists name people in alphabetical order whatever their accents or
capitals: SQL ordered by the raw name, and on SQLite 'Álvaro' and 'óscar' came after 'Zed'."""

import re


def _names_in(html, pattern):
    return [name for name in re.findall(pattern, html) if name in NAMES]


NAMES = ["Álvaro Díaz", "beatriz Luna", "Óscar Ruiz", "Zed Adams"]


def test_the_accounts_list_and_a_pick_list_follow_the_alphabet(
    client, create_person, create_coordinator
):
    for name in reversed(NAMES):
        create_person(name=name)
    client.login(create_coordinator(name="Marisol Vega"))
    accounts = client.get("/accounts").get_data(as_text=True)
    assert _names_in(accounts, r">([^<>]+)</") == NAMES
    goal_form = client.get("/committees/goals/new").get_data(as_text=True)
    assert _names_in(goal_form, r"<option[^>]*>([^<]+)</option>") == NAMES


ORGANIZATIONS = ["Ámbito Latino", "iglesia Nueva Esperanza", "Zenith Recovery"]


def test_the_invitation_checklist_lists_organizations_in_alphabetical_order(
    client, create_coordinator, create_organization, create_meeting
):
    for name in reversed(ORGANIZATIONS):
        create_organization(name)
    meeting = create_meeting()
    client.login(create_coordinator())
    page = client.get(f"/meetings/{meeting.id}/invitations").get_data(as_text=True)
    labels = re.findall(r'<label for="organizations-\d+">([^<(]+)', page)
    assert [label.strip() for label in labels] == ORGANIZATIONS
