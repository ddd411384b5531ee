"""A directory search that cannot be applied says so beside the box: the page still answers,
the other filters still narrow the list, and nothing pretends the words were searched."""

import re

TOO_LONG = "Search words can be at most 100 characters; nothing was searched."
NOT_OFFERED = "This choice is not offered, so the list is not narrowed by it."


def _error_beside(html, field_id):
    found = re.search(rf'<p class="error-message" id="{field_id}-error">(.*?)</p>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()) if found else None


def _get(client, url, **query):
    response = client.get(url, query_string=query)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_people_search_too_long_is_said_beside_the_box_and_other_filters_apply(
    client, create_person
):
    create_person(name="Ana Spanish", languages=("es",))
    create_person(name="Bo English", languages=("en",))
    client.login(create_person(name="Zz Viewer"))

    html = _get(client, "/members/", q="x" * 5000, language="es")
    assert _error_beside(html, "q") == f"Error: {TOO_LONG}"
    assert "Ana Spanish" in html and "Bo English" not in html, "the language filter still applies"


def test_a_nul_in_a_people_search_is_ignored_not_a_failure(client, create_person):
    create_person(name="Ana Lopez")
    create_person(name="Bo Smith")
    client.login(create_person(name="Zz Viewer"))
    html = _get(client, "/members/", q="Ana\x00")
    assert "Ana Lopez" in html and "Bo Smith" not in html
    assert _error_beside(html, "q") is None


def test_an_organization_search_too_long_is_said_and_the_stage_filter_applies(
    client, create_person, create_organization
):
    create_organization("Haven House", status="committed")
    create_organization("Alpha Shelter", status="identified")
    client.login(create_person())

    html = _get(client, "/members/organizations/", q="x" * 101, status="committed")
    assert _error_beside(html, "q") == f"Error: {TOO_LONG}"
    assert "Haven House" in html and "Alpha Shelter" not in html


def test_a_people_filter_not_offered_is_said_beside_its_field(client, create_person):
    create_person(name="Ana Lopez")
    create_person(name="Bo Smith")
    client.login(create_person(name="Zz Viewer"))
    html = _get(client, "/members/", committee="999999", q="ana")
    assert _error_beside(html, "committee") == f"Error: {NOT_OFFERED}"
    assert "Ana Lopez" in html and "Bo Smith" not in html, "the search still applies"
