"""Searching drafts ignores case and accents on both databases, renamed drafts included."""

import re

TITLES = (
    "Carta al Ámbito Latino",
    "Nguyễn's testimony",
    "50% more beds",
    "500 more beds",
    "apoyo mutuo",
)


def _titles(client, **query):
    page = client.get("/messaging/", query_string=query).get_data(as_text=True)
    return re.findall(r'<h2><a href="/messaging/\d+">([^<]+)</a>', page)


def test_drafts_are_found_whatever_the_case_and_accents_typed(client, create_person, create_draft):
    author = create_person()
    for title in TITLES:
        create_draft(author, title=title)
    client.login(author)

    assert _titles(client, q="AMBITO") == _titles(client, q="ámbito") == ["Carta al Ámbito Latino"]
    assert _titles(client, q="nguyen") == ["Nguyễn&#39;s testimony"]
    assert _titles(client, q="0%") == ["50% more beds"]  # LIKE's wildcards taken literally
    assert _titles(client, q="_") == []
    # Sorted by the same key, so case and accents do not split the alphabet.
    assert _titles(client, sort="title") == [
        "50% more beds",
        "500 more beds",
        "apoyo mutuo",
        "Carta al Ámbito Latino",
        "Nguyễn&#39;s testimony",
    ]


def test_a_draft_is_found_by_its_new_title(client, create_person, create_draft):
    author = create_person()
    draft_id = create_draft(author, title="Talking points")
    client.login(author)
    details = {"title": "Puntos para la Alcaldía", "kind": "talking_points"}
    response = client.post_form(
        f"/messaging/{draft_id}/details", {**details, "language": "es", "version": "1"}
    )
    assert response.status_code == 302
    assert _titles(client, q="alcaldia") == ["Puntos para la Alcaldía"]
    assert _titles(client, q="talking") == []
