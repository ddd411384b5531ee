"""The language an organization's contact address is written to: chosen on its profile (one
of the interface languages, named in itself), shown on its page, exported and imported."""

import csv
import io

from coalition.members.organizations.models import Organization
from tests.members.organizations.test_organizations import _profile

LABEL = "Language for email to the contact address"


def test_the_profile_saves_the_language_of_its_contact_address_and_shows_it(
    client, create_coordinator, create_organization, reload
):
    client.login(create_coordinator())
    iglesia = create_organization("Iglesia Nueva Esperanza", contact_email="oficina@ine.org")
    url = f"/members/organizations/{iglesia.id}/edit"
    form = client.get(url).get_data(as_text=True)
    assert LABEL in form
    # The interface languages, each named in itself, after what no choice means.
    assert ">The coalition&#39;s language (English)</option>" in form
    assert '<option value="es">Español</option>' in form
    saved = client.post_form(url, _profile(name="Iglesia Nueva Esperanza", language="es"))
    assert saved.status_code == 302
    assert reload(Organization, iglesia.id).language == "es"
    page = client.get(f"/members/organizations/{iglesia.id}").get_data(as_text=True)
    assert f"<dt>{LABEL}</dt>" in page and '<dd lang="es">Español</dd>' in page
    cleared = client.post_form(url, _profile(name="Iglesia Nueva Esperanza", version="2"))
    assert cleared.status_code == 302
    assert reload(Organization, iglesia.id).language is None
    page = client.get(f"/members/organizations/{iglesia.id}").get_data(as_text=True)
    assert "The coalition&#39;s language (English)" in page


def test_a_language_not_offered_is_refused_beside_the_field(
    client, create_coordinator, create_organization, reload
):
    client.login(create_coordinator())
    pantry = create_organization("Westside Pantry", contact_email="hello@pantry.org")
    url = f"/members/organizations/{pantry.id}/edit"
    for language in ("fr", "vi"):
        refused = client.post_form(url, _profile(name="Westside Pantry", language=language))
        assert refused.status_code == 200
        html = refused.get_data(as_text=True)
        assert 'id="language-error"' in html and "Choose a language from the list." in html
    assert reload(Organization, pantry.id).language is None


def test_the_export_names_the_language_in_itself(client, create_coordinator, create_organization):
    client.login(create_coordinator())
    create_organization("Iglesia Nueva Esperanza", contact_email="oficina@ine.org", language="es")
    create_organization("Westside Pantry", contact_email="hello@pantry.org")
    exported = client.post_form("/members/organizations/export", {"file_format": "csv"})
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    column = rows[0].index(LABEL)
    assert {row[0]: row[column] for row in rows[1:]} == {
        "Iglesia Nueva Esperanza": "Español",
        "Westside Pantry": "",
    }
