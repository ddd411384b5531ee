"""A drafts search that cannot be applied says so beside the box; the other filters apply."""

import re

TOO_LONG = "Search words can be at most 100 characters; nothing was searched."


def test_a_drafts_search_too_long_is_said_beside_the_box_and_the_kind_filter_applies(
    client, create_person, create_draft
):
    author = create_person()
    create_draft(author, title="Press release on the pilot", kind="press_release")
    create_draft(author, title="Flyer for the fair", kind="flyer")
    client.login(author)

    response = client.get("/messaging/", query_string={"q": "x" * 5000, "kind": "flyer"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    error = re.search(r'<p class="error-message" id="q-error">(.*?)</p>', html, re.S)
    assert error and TOO_LONG in error.group(1)
    assert "Flyer for the fair" in html and "Press release on the pilot" not in html
