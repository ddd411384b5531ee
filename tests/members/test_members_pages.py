"""Every members page keeps the layout's promises: no inline script or style, styled errors."""

import re

import pytest


@pytest.fixture
def pages(client, create_coordinator, create_person, create_organization, link_person):
    coordinator = create_coordinator()
    person = create_person(name="Listed Lena", languages=["es"], lived_experience=True)
    organization = create_organization(
        "Haven House", sectors=["housing"], status="contacted", owner=coordinator
    )
    link_person(person, organization, "primary")
    client.login(coordinator)
    return [
        "/members/",
        "/members/people/new",
        f"/members/people/{person.id}",
        f"/members/people/{person.id}/edit",
        "/members/organizations/",
        "/members/organizations/new",
        f"/members/organizations/{organization.id}",
        f"/members/organizations/{organization.id}/edit",
        "/members/pipeline",
        "/members/representation",
        "/members/sectors",
        "/members/import/",
    ]


def test_no_members_page_has_inline_script_or_style(client, pages):
    for url in pages:
        response = client.get(url)
        html = response.get_data(as_text=True)
        assert response.status_code == 200, url
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=", html), url
        assert "<style" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


def test_members_pages_mark_the_members_area_as_current(client, pages):
    for url in pages:
        html = client.get(url).get_data(as_text=True)
        assert re.search(r'<a href="/members/" aria-current="page">Members</a>', html), url


@pytest.mark.parametrize(
    "url",
    [
        "/members/organizations/999999",
        "/members/organizations/2147483648",
        "/members/organizations/?page=99",
        "/members/pipeline?page=0",
        "/members/sectors/999999/edit",
        "/members/import/999999",
    ],
)
def test_missing_things_are_styled_404s(client, create_coordinator, url):
    client.login(create_coordinator())
    response = client.get(url)
    assert response.status_code == 404
    assert "We could not find that page" in response.get_data(as_text=True)
