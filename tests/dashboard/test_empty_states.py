"""An empty card says what to do first, never just "nothing"."""


def test_a_new_member_is_told_where_to_start(client, create_person):
    client.login(create_person())
    page = client.get("/").get_data(as_text=True)
    for first_step in (
        "Join a committee to be invited to its meetings.",
        "You have answered every invitation for the next two months.",
        "When someone asks you to review talking points or testimony, it waits here.",
        "New proposals to your committees will wait here.",
        "When a meeting's record gives you a task, it waits here until you mark it done.",
        "Give each goal a target date and record its progress",
        "Record the coalition's first win, loss or milestone",
    ):
        assert first_step in page, first_step
    assert 'href="/committees/"' in page and 'href="/timeline/new"' in page


def test_a_new_coordinator_is_told_where_to_start(client, create_coordinator):
    client.login(create_coordinator())
    page = client.get("/").get_data(as_text=True)
    for first_step in (
        "Start by scheduling one and inviting committees and partner organizations.",
        "Schedule the next one, then invite people: their answers are counted here.",
        "Open a committee to requests on its page so members can ask to join.",
        "Give each prospect in the pipeline a follow-up date",
        "Share the feedback page with participants",
        "Every email was delivered or is on its way.",
    ):
        assert first_step in page, first_step
    assert 'href="/meetings/new"' in page and 'href="/feedback/"' in page


def test_the_full_list_of_action_items_when_empty(client, create_person):
    client.login(create_person())
    page = client.get("/my/action-items").get_data(as_text=True)
    assert "You have no open action items." in page and 'href="/meetings/"' in page
