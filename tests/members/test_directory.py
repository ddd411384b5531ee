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
    from coalition.dbtypes import utcnow

    create_person(name="Gone Gary", deactivated_at=utcnow())
    client.login(create_person())
    assert "Gone Gary" not in client.get("/members/").get_data(as_text=True)
