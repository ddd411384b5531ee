"""Every list's filters: a value not offered is said beside its field; a filter left out of
the query string (a search alone, a link to the list) is no error at all."""

import pytest

LISTS = [
    "/members/?q=ana",
    "/members/organizations/?q=x",
    "/members/pipeline?q=x",
    "/messaging/?q=x",
    "/timeline/?kind=win",
]
NOT_OFFERED = "This choice is not offered, so the list is not narrowed by it."


@pytest.mark.parametrize("url", LISTS)
def test_a_filter_left_out_of_the_query_string_is_no_error(client, create_coordinator, url):
    client.login(create_coordinator())
    page = client.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert NOT_OFFERED not in html and 'class="error-message"' not in html


@pytest.mark.parametrize(
    "url", ["/members/?language=zz", "/members/?sort=zz", "/timeline/?kind=party"]
)
def test_a_value_not_offered_is_said_once(client, create_coordinator, url):
    client.login(create_coordinator())
    assert client.get(url).get_data(as_text=True).count(NOT_OFFERED) == 1
