"""Every page: the layout, strict CSP, styled error pages, never a 500."""

import re

import pytest

PAGES_FOR_MEMBERS = [
    "/",
    "/members/",
    "/committees/",
    "/meetings/",
    "/messaging/",
    "/timeline/",
    "/account",
    "/account/password",
]


@pytest.fixture
def coordinator_client(client, create_coordinator, create_timeline_entry, create_person):
    create_timeline_entry(kind="loss", title="Budget cut", lessons="Start earlier.")
    create_person(name="Listed Member")
    client.login(create_coordinator())
    return client


def _pages(client):
    for url in PAGES_FOR_MEMBERS + ["/accounts", "/login", "/healthz", "/nope"]:
        yield url, client.get(url)


def test_every_page_sends_a_strict_content_security_policy(coordinator_client):
    for url, response in _pages(coordinator_client):
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_page_has_inline_script_or_style(coordinator_client):
    for url, response in _pages(coordinator_client):
        html = response.get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\sstyle=", html), url
        assert "<style" not in html, url
        assert not re.search(r"\son[a-z]+=", html), url


def test_layout_has_landmarks_skip_link_and_navigation(coordinator_client):
    html = coordinator_client.get("/").get_data(as_text=True)
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html
    assert 'aria-label="Main"' in html
    for area in ("Members", "Committees", "Meetings", "Messaging", "Timeline", "Accounts"):
        assert f">{area}</a>" in html
    assert 'aria-current="page"' in html


def test_members_do_not_see_the_accounts_link(client, create_person):
    client.login(create_person())
    assert ">Accounts</a>" not in client.get("/").get_data(as_text=True)


def test_logged_in_pages_are_not_cached(coordinator_client):
    assert coordinator_client.get("/account").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/nope", "/members/people/999999", "/members/?page=0"])
def test_not_found_pages_are_styled(coordinator_client, url):
    response = coordinator_client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    assert "We could not find that page" in html and "skip-link" in html


def test_forbidden_page_is_styled(client, create_person):
    client.login(create_person())
    response = client.get("/accounts")
    assert response.status_code == 403
    assert "You do not have access to this page" in response.get_data(as_text=True)


def test_wrong_method_is_styled(client):
    response = client.get("/logout")
    assert response.status_code == 405
    assert "That action is not available here" in response.get_data(as_text=True)


def test_error_pages_speak_spanish(client):
    response = client.get("/nope", headers={"Accept-Language": "es"})
    assert "We could not find that page" not in response.get_data(as_text=True)


def test_unexpected_error_shows_a_styled_500(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.route("/boom")
    def boom():
        raise RuntimeError("boom")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["999999999999999999999", "-1", "abc"])
def test_odd_page_numbers_never_fail(coordinator_client, page):
    for url in ("/members/", "/timeline/"):
        response = coordinator_client.get(f"{url}?page={page}")
        assert response.status_code in (200, 404), (url, page)


def test_very_long_and_odd_login_input_is_handled(client):
    response = client.post_form(
        "/login", {"email": "a" * 5000 + "@example.org", "password": "\x00" * 300}
    )
    assert response.status_code == 200


def test_pages_render_at_small_width_without_fixed_widths():
    from pathlib import Path

    css = (Path(__file__).resolve().parent.parent / "static" / "css" / "app.css").read_text()
    assert (
        "width=device-width"
        in (Path(__file__).resolve().parent.parent / "templates" / "base.html").read_text()
    )
    assert not re.search(r"(?<!max-)(?<!min-)width:\s*\d{3,}px", css)


@pytest.mark.parametrize(
    "url", ["/members/people/99999999999999999999", "/members/people/2147483648"]
)
def test_ids_too_large_for_any_row_are_not_found(coordinator_client, url):
    assert coordinator_client.get(url).status_code == 404
