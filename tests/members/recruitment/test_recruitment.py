"""The pipeline, representation by sector, and sectors as data."""

import re
from datetime import date, timedelta

from coalition.core.extensions import db
from coalition.members.organizations.models import Organization, StatusChange
from coalition.members.sectors import Sector
from coalition.timeline.events import entry_title
from coalition.timeline.models import TimelineEntry

LONG_AGO = date(2020, 1, 1)
FAR_AHEAD = date(2099, 1, 1)


def _move(client, organization, status, version, next_url="/members/pipeline"):
    return client.post_form(
        f"/members/organizations/{organization.id}/stage",
        {"status": status, "version": str(version), "next": next_url},
    )


# --- The pipeline ------------------------------------------------------------------------


def test_overdue_follow_ups_come_first_and_say_so(client, create_person, create_organization):
    create_organization("Later Clinic", status="contacted", follow_up_on=FAR_AHEAD)
    create_organization("Overdue Church", status="identified", follow_up_on=LONG_AGO)
    create_organization("Active Shelter", status="active", follow_up_on=LONG_AGO)
    client.login(create_person())
    html = client.get("/members/pipeline").get_data(as_text=True)
    order = [html.index(name) for name in ("Overdue Church", "Later Clinic", "Active Shelter")]
    assert order == sorted(order)
    overdue_row = html[html.index("Overdue Church") - 400 : html.index("Later Clinic")]
    assert 'class="row-overdue"' in overdue_row and "Overdue</span>" in overdue_row
    # Active partners are not being recruited: a past date is not overdue for them.
    active_row = html[html.index("Active Shelter") - 200 :]
    assert "row-overdue" not in active_row.split("</tr>")[0]
    assert "1 follow-up is overdue" in html


def test_moving_a_stage_records_who_and_when(client, create_coordinator, create_organization, app):
    coordinator = create_coordinator(name="Marisol Vega")
    organization = create_organization("Haven House", status="contacted")
    client.login(coordinator)
    response = _move(client, organization, "committed", 1)
    assert response.headers["Location"] == "/members/pipeline"
    with app.app_context():
        change = db.session.scalar(db.select(StatusChange))
        assert (change.from_status, change.to_status, change.changed_by_id) == (
            "contacted",
            "committed",
            coordinator.id,
        )
        assert db.session.get(Organization, organization.id).status == "committed"
    page = client.get(f"/members/organizations/{organization.id}").get_data(as_text=True)
    assert "Committed" in page and "from Contacted" in page and "Marisol Vega" in page


def test_becoming_active_writes_the_timeline_once_per_time(
    client, create_coordinator, create_organization, app
):
    organization = create_organization("Haven House", status="committed")
    client.login(create_coordinator())
    _move(client, organization, "active", 1)
    _move(client, organization, "active", 1)  # a double submit: stale, refused
    _move(client, organization, "lapsed", 2)
    _move(client, organization, "active", 3)
    with app.app_context():
        entries = db.session.scalars(db.select(TimelineEntry).order_by(TimelineEntry.id)).all()
        saved = db.session.get(Organization, organization.id)
        assert saved.joined_on is not None
    assert [(e.event, entry_title(e)) for e in entries] == [
        ("active-1", "Haven House became an active partner"),
        ("lapsed-1", "Haven House is no longer an active partner"),
        ("active-2", "Haven House is an active partner again"),
    ]
    assert {(e.source_type, e.source_id) for e in entries} == {("organization", organization.id)}
    timeline = client.get("/timeline/").get_data(as_text=True)
    assert f'href="/members/organizations/{organization.id}"' in timeline


def test_a_stale_stage_move_is_refused_and_changes_nothing(
    client, create_coordinator, create_organization, reload
):
    organization = create_organization(status="contacted")
    client.login(create_coordinator())
    _move(client, organization, "committed", 1)
    response = _move(client, organization, "lapsed", 1)
    assert reload(Organization, organization.id).status == "committed"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "since you opened the page" in page


def test_the_relationship_owner_moves_the_stage(client, create_person, create_organization, reload):
    owner = create_person()
    organization = create_organization(status="identified", owner=owner)
    client.login(owner)
    pipeline = client.get("/members/pipeline").get_data(as_text=True)
    assert f'action="/members/organizations/{organization.id}/stage"' in pipeline
    _move(client, organization, "contacted", 1)
    assert reload(Organization, organization.id).status == "contacted"


def test_moving_returns_only_to_a_page_of_this_site(
    client, create_coordinator, create_organization
):
    organization = create_organization()
    client.login(create_coordinator())
    response = _move(client, organization, "contacted", 1, next_url="https://evil.example")
    assert response.headers["Location"] == "/members/pipeline"


def test_the_pipeline_filters_by_owner_sector_and_stage(
    client, create_coordinator, create_person, create_organization
):
    owner = create_person(name="Darnell Brooks")
    create_organization("Darnell's Church", sectors=["faith"], owner=owner, status="contacted")
    create_organization("Other Shelter", sectors=["housing"], status="identified")
    client.login(create_coordinator())

    def shown(**query):
        html = client.get("/members/pipeline", query_string=query).get_data(as_text=True)
        return [name for name in ("Darnell&#39;s Church", "Other Shelter") if name in html]

    assert shown(owner=owner.id) == ["Darnell&#39;s Church"]
    assert shown(sector=_sector(client.application, "housing")) == ["Other Shelter"]
    assert shown(stage="contacted") == ["Darnell&#39;s Church"]
    assert shown() == ["Darnell&#39;s Church", "Other Shelter"]


def _sector(app, key):
    with app.app_context():
        return db.session.scalar(db.select(Sector.id).filter_by(key=key))


# --- Representation ----------------------------------------------------------------------


def test_representation_shows_targets_active_coming_and_gaps(
    client, create_person, create_organization
):
    create_organization("Second Chance", sectors=["reentry"], status="active")
    create_organization("Haven House", sectors=["housing"], status="lapsed")
    create_organization("New Shelter", sectors=["housing"], status="contacted")
    client.login(create_person())
    html = client.get("/members/representation").get_data(as_text=True)
    housing_row = re.search(
        r"<tr class=\"row-gap\">\s*<th scope=\"row\"><a[^>]*>Housing.*?</tr>", html, re.S
    )
    assert housing_row, "housing is marked as a gap"
    cells = re.findall(r"<td>(.*?)</td>", housing_row.group(0), re.S)
    assert cells[:3] == ["1", "0", "1"]
    assert "Gap: 1" in housing_row.group(0)
    assert "<strong>Housing and homelessness services</strong>: 0 active of a target of 1" in html
    reentry_row = re.search(r"<tr>\s*<th scope=\"row\"><a[^>]*>Reentry.*?</tr>", html, re.S)
    assert reentry_row and "Gap" not in reentry_row.group(0)


def test_the_chart_is_server_rendered_with_a_text_equivalent_and_labels_that_wrap(
    client, create_person, create_organization
):
    create_organization("Second Chance", sectors=["reentry"], status="active")
    client.login(create_person())
    html = client.get("/members/representation").get_data(as_text=True)
    chart = html[html.index('<figure class="chart"') : html.index("</figure>")]
    assert 'role="img" aria-labelledby="chart-title chart-desc"' in chart
    assert 'id="chart-title"' in chart and 'id="chart-desc"' in chart
    assert "style=" not in chart
    assert chart.count('class="bar-active"') == 1
    # Sector names are HTML text, which wraps on a phone; SVG text would be cut off.
    assert '<span class="chart-label">Reentry</span>' in chart
    assert "<text" not in chart
    assert "In words" in html


def test_languages_covered_count_active_partners_and_speakers(
    client, create_person, create_organization
):
    create_organization("Iglesia", status="active", languages=["es"])
    create_organization("Prospect", status="identified", languages=["vi"])
    for _ in range(3):
        create_person(languages=["es"])
    client.login(create_person(languages=["ht"]))
    html = client.get("/members/representation").get_data(as_text=True)
    spanish = re.search(r"<th scope=\"row\">Spanish</th><td>(\d+)</td><td>(.*?)</td>", html)
    assert spanish.groups() == ("1", "3")
    creole = re.search(r"<th scope=\"row\">Haitian Creole</th><td>(\d+)</td><td>(.*?)</td>", html)
    assert creole.groups() == ("0", "fewer than 3")
    assert "Vietnamese" not in html  # served only by a prospect, spoken by no one


def test_retired_sectors_leave_the_representation_page(client, create_coordinator, app):
    client.login(create_coordinator())
    retired = client.post_form(f"/members/sectors/{_sector(app, 'food')}/retire")
    client.get(retired.headers["Location"])  # shows (and clears) the confirmation
    html = client.get("/members/representation").get_data(as_text=True)
    assert "Food access" not in html


# --- Sectors -----------------------------------------------------------------------------


def test_the_sectors_of_the_practices_guide_are_preloaded(client, create_coordinator, app):
    with app.app_context():
        keys = set(db.session.scalars(db.select(Sector.key)))
    assert len(keys) == 17 and {"housing", "reentry", "peer-recovery"} <= keys
    client.login(create_coordinator(language="es"))
    html = client.get("/members/sectors").get_data(as_text=True)
    assert "Housing and homelessness services" not in html  # shown in Spanish


def test_coordinators_add_rename_and_set_targets(client, create_coordinator, app):
    client.login(create_coordinator())
    client.post_form("/members/sectors", {"name": "Tenant unions", "target_active": "2"})
    refused = client.post_form("/members/sectors", {"name": "tenant UNIONS", "target_active": "1"})
    assert "Another sector already has this name." in refused.get_data(as_text=True)
    client.post_form("/members/sectors", {"name": "Área rural", "target_active": "1"})
    refused = client.post_form("/members/sectors", {"name": "ÁREA RURAL", "target_active": "1"})
    assert "Another sector already has this name." in refused.get_data(as_text=True)
    housing = _sector(app, "housing")
    client.post_form(
        f"/members/sectors/{housing}/edit",
        {"name": "Housing first", "target_active": "3", "version": "1"},
    )
    with app.app_context():
        sector = db.session.get(Sector, housing)
        assert (sector.name, sector.target_active, sector.key) == ("Housing first", 3, "housing")
        assert db.session.scalar(db.select(Sector.target_active).filter_by(name="Tenant unions"))


def test_two_coordinators_editing_a_sector_at_once_the_second_compares(
    make_client, create_coordinator, app
):
    first, second = make_client(), make_client()
    for browser in (first, second):
        browser.login(create_coordinator())
    url = f"/members/sectors/{_sector(app, 'housing')}/edit"
    versions = [
        _form_version(browser.get(url).get_data(as_text=True)) for browser in (first, second)
    ]
    saved = first.post_form(
        url, {"name": "Housing first", "target_active": "3", "version": versions[0]}
    )
    assert saved.status_code == 302

    refused = second.post_form(
        url, {"name": "Shelters", "target_active": "2", "version": versions[1]}
    )
    html = refused.get_data(as_text=True)
    assert refused.status_code == 409 and "Someone saved this while you were editing" in html
    assert _compared(html, "Sector name") == ["Shelters", "Housing first"]
    assert _compared(html, "Target number of active organizations") == ["2", "3"]
    with app.app_context():
        sector = db.session.scalar(db.select(Sector).filter_by(key="housing"))
        assert (sector.name, sector.target_active) == ("Housing first", 3)


def _form_version(html):
    return re.search(r'name="version"[^>]*value="(\d+)"', html).group(1)


def _compared(html, label):
    """(your version, saved version) in one row of the compare page."""
    row = re.search(rf"<th scope=\"row\">{label}.*?</tr>", html, re.S).group(0)
    return re.findall(r"<td>(.*?)</td>", row)


def test_a_sector_in_use_is_retired_never_deleted(
    client, create_coordinator, create_organization, app
):
    create_organization(sectors=["faith"])
    client.login(create_coordinator())
    faith, food = _sector(app, "faith"), _sector(app, "food")
    response = client.post_form(f"/members/sectors/{faith}/delete")
    assert "cannot be deleted" in client.get(response.headers["Location"]).get_data(as_text=True)
    client.post_form(f"/members/sectors/{faith}/retire")
    client.post_form(f"/members/sectors/{food}/delete")
    with app.app_context():
        assert db.session.get(Sector, faith).is_retired
        assert db.session.get(Sector, food) is None
    client.post_form(f"/members/sectors/{faith}/restore")
    with app.app_context():
        assert not db.session.get(Sector, faith).is_retired


def test_follow_up_dates_use_the_coalitions_calendar(app):
    from coalition.core.timezones import coalition_today

    with app.app_context():
        assert abs(coalition_today() - date.today()) <= timedelta(days=1)
