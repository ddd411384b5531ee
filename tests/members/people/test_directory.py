"""Who appears in the directory, and which details each viewer sees."""


def test_members_see_only_people_who_chose_the_directory(client, create_person):
    viewer = create_person(name="Viewer V")
    create_person(name="Listed Lena", directory_consent=True)
    create_person(name="Private Pat", directory_consent=False)
    client.login(viewer)
    html = client.get("/members/").get_data(as_text=True)
    assert "Listed Lena" in html
    assert "Private Pat" not in html


def test_people_who_declined_still_see_themselves(client, create_person):
    viewer = create_person(name="Quiet Quinn", directory_consent=False)
    client.login(viewer)
    assert "Quiet Quinn" in client.get("/members/").get_data(as_text=True)


def test_coordinators_see_everyone_marked_by_directory_choice(
    client, create_coordinator, create_person
):
    create_person(name="Private Pat", directory_consent=False)
    client.login(create_coordinator())
    html = client.get("/members/").get_data(as_text=True)
    assert "Private Pat" in html and "Not in directory" in html


def test_members_do_not_see_anothers_email(client, create_person):
    other = create_person(name="Listed Lena", email="lena@example.org")
    client.login(create_person())
    html = client.get(f"/members/people/{other.id}").get_data(as_text=True)
    assert "Listed Lena" in html
    assert "lena@example.org" not in html


def test_a_person_sees_their_own_email(client, create_person):
    me = create_person(email="me@example.org")
    client.login(me)
    assert "me@example.org" in client.get(f"/members/people/{me.id}").get_data(as_text=True)


def test_directory_is_paginated(client, create_coordinator, create_person):
    client.login(create_coordinator(name="Aaron First"))
    for number in range(55):
        create_person(name=f"Member {number:02d}")
    first = client.get("/members/").get_data(as_text=True)
    assert "Page 1 of 2" in first and "Member 48" in first and "Member 54" not in first
    second = client.get("/members/?page=2").get_data(as_text=True)
    assert "Member 54" in second
    assert client.get("/members/?page=3").status_code == 404


def test_deactivated_people_leave_the_directory(client, create_person):
    from coalition.core.dbtypes import utcnow

    create_person(name="Gone Gary", deactivated_at=utcnow())
    client.login(create_person())
    assert "Gone Gary" not in client.get("/members/").get_data(as_text=True)


def test_the_directory_searches_filters_by_language_and_sector_and_sorts(
    client, create_person, create_organization, link_person
):
    ana = create_person(name="Ana Torres", languages=["es", "en"])
    create_person(name="Bo Li", languages=["zh"])
    create_person(name="Cy Ward", languages=["en"])
    link_person(ana, create_organization(sectors=["faith"]), "staff")
    client.login(create_person(name="Zz Viewer"))

    def names(**query):
        html = client.get("/members/", query_string=query).get_data(as_text=True)
        found = [name for name in ("Ana Torres", "Bo Li", "Cy Ward") if name in html]
        return sorted(found, key=html.index)

    assert names(q="li") == ["Bo Li"]
    assert names(q="%") == []  # LIKE wildcards are taken literally
    assert names(language="en") == ["Ana Torres", "Cy Ward"]
    assert names(sector=_sector_id(client.application, "faith")) == ["Ana Torres"]
    assert names(sort="-name") == ["Cy Ward", "Bo Li", "Ana Torres"]
    assert names(language="xx") == ["Ana Torres", "Bo Li", "Cy Ward"]  # unknown: ignored


def _sector_id(app, key):
    from coalition.core.extensions import db
    from coalition.members.sectors import Sector

    with app.app_context():
        return db.session.scalar(db.select(Sector.id).filter_by(key=key))


def test_moving_between_pages_keeps_the_filters(client, create_coordinator, create_person):
    client.login(create_coordinator(name="Aaron First"))
    for number in range(55):
        create_person(name=f"Member {number:02d}", languages=["es"])
    html = client.get("/members/?language=es&sort=-name").get_data(as_text=True)
    assert 'href="/members/?language=es&amp;sort=-name&amp;page=2"' in html


def test_coordinators_read_why_someone_is_not_in_the_directory(
    client, create_coordinator, create_person
):
    create_person(name="Account Amy", directory_consent=False)
    create_person(name="Invitable Ian", directory_consent=False, password=None)
    create_person(name="Unreachable Uma", directory_consent=False, password=None, email=None)
    client.login(create_coordinator())
    page = " ".join(client.get("/members/").get_data(as_text=True).split())

    def card(name):
        return page[page.index(f">{name}</a>") :].split("</li>")[0]

    # directory_consent is yes or no: no reason may claim someone was never asked
    assert "asked" not in page
    assert "Has not chosen to appear, so other members do not see them" in card("Account Amy")
    ian = card("Invitable Ian")
    assert "Not shown to other members. They have no account yet; once they have one" in ian
    assert "Send an account invitation to Invitable Ian</a>" in ian
    uma = card("Unreachable Uma")
    assert "They have no account and no email, so they cannot choose for themselves" in uma
    assert "if they tell you their choice, record it on their profile. <a" in uma
    assert "Edit Unreachable Uma</a>" in card("Unreachable Uma")


def test_the_preferred_language_shows_on_the_card_in_the_readers_language(client, create_person):
    create_person(name="Vu Tran", preferred_language="vi")
    reader = create_person(name="Reader Rita", language="es")
    client.login(reader)
    page = " ".join(client.get("/members/").get_data(as_text=True).split())
    card = page[page.index(">Vu Tran</a>") :].split("</li>")[0]
    assert "Vietnamita" in card
