"""Reading the timeline: the page (filters, months, strip, quarters), CSV, feed, report, PDF,
and an entry linked to what a reader cannot see hidden on every one of those paths."""

import csv
import io
import re
from datetime import date

import pytest

from coalition.core.extensions import db
from coalition.timeline.services import EntryData, add_entry, record_entry, record_event


@pytest.fixture
def history(app, create_person, create_committee, create_goal, create_organization):
    """A small year: a public goal, a closed committee's goal, entries linked to each."""
    member = create_person(name="Member Reader")
    closed = create_committee(name="Closed circle", open_to_requests=False)
    public_goal = create_goal(title="Fund the pilot")
    hidden_goal = create_goal(closed, title="Quiet strategy")
    with app.app_context():
        record_entry(
            "win",
            "Pilot funded",
            date(2026, 2, 10),
            source=("goal", public_goal.id, "Fund the pilot"),
            body="Funding for **two** years.",
        )
        record_entry(
            "loss",
            "Council vote lost",
            date(2026, 6, 3),
            lessons="Meet the swing votes early.",
            source=("goal", public_goal.id, "Fund the pilot"),
        )
        record_entry("milestone", '=HYPERLINK("http://x")', date(2026, 6, 20))
        record_entry(
            "setback",
            "Secret setback",
            date(2026, 7, 1),
            lessons="Kept inside the circle.",
            source=("goal", hidden_goal.id, "Quiet strategy"),
        )
        record_event(
            "win", date(2026, 8, 1), source=("goal", public_goal.id, "Fund"), event="achieved"
        )
        db.session.commit()
    return {"member": member, "public_goal": public_goal, "hidden_goal": hidden_goal}


def test_the_page_lists_newest_first_grouped_by_month_with_strip_and_quarters(client, history):
    client.login(history["member"])
    html = client.get("/timeline/").get_data(as_text=True)
    assert html.index("Goal achieved: Fund the pilot") < html.index("Council vote lost")
    assert html.index("Council vote lost") < html.index("Pilot funded")
    assert ">August 2026</h2>" in html and ">February 2026</h2>" in html
    assert '<svg class="timeline-strip"' in html
    assert "June 2026: 1 win or milestone, 1 loss or setback" in html
    assert re.search(r"Q2 2026</th><td>0</td><td>1</td><td>1</td><td>0</td>", html)
    assert "Secret setback" not in html and "Quiet strategy" not in html


def test_filters_narrow_by_kind_goal_and_dates(client, history):
    client.login(history["member"])
    losses = client.get("/timeline/?kind=loss").get_data(as_text=True)
    assert "Council vote lost" in losses and "Pilot funded" not in losses
    by_goal = client.get(f"/timeline/?goal={history['public_goal'].id}").get_data(as_text=True)
    assert "Pilot funded" in by_goal and "HYPERLINK" not in by_goal
    spring = client.get("/timeline/?start=2026-06-01&end=2026-06-30").get_data(as_text=True)
    assert "Council vote lost" in spring and "Pilot funded" not in spring
    # A goal the reader cannot see is not offered, and asking for it narrows nothing.
    hidden = client.get(f"/timeline/?goal={history['hidden_goal'].id}").get_data(as_text=True)
    assert "Quiet strategy" not in hidden and "Secret setback" not in hidden
    nonsense = client.get("/timeline/?start=1066-01-01&kind=party&goal=abc")
    assert nonsense.status_code == 200
    # Values not offered are said beside their fields, and the list is not narrowed by them.
    page = nonsense.get_data(as_text=True)
    assert page.count("This choice is not offered, so the list is not narrowed by it.") == 2
    assert "Council vote lost" in page and "Pilot funded" in page
    # Asking for the hidden goal is said too, and shows nothing of it.
    assert "This choice is not offered" in hidden


def test_a_coordinator_sees_the_entry_members_cannot(
    client, make_client, history, create_coordinator
):
    coordinator = make_client()
    coordinator.login(create_coordinator())
    assert "Secret setback" in coordinator.get("/timeline/").get_data(as_text=True)


def _entry_id(app, title):
    from coalition.timeline.models import TimelineEntry

    with app.app_context():
        return db.session.scalar(db.select(TimelineEntry.id).filter_by(title=title))


def test_the_hidden_entry_page_is_not_found_for_the_member(app, client, history):
    client.login(history["member"])
    secret = _entry_id(app, "Secret setback")
    assert client.get(f"/timeline/{secret}").status_code == 404
    assert client.get(f"/timeline/{secret}/history").status_code == 404
    assert client.get(f"/timeline/{_entry_id(app, 'Pilot funded')}").status_code == 200


def test_the_csv_has_safe_cells_and_only_what_the_reader_sees(client, history):
    client.login(history["member"])
    response = client.get("/timeline/entries.csv")
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    titles = [row[2] for row in rows[1:]]
    assert '\'=HYPERLINK("http://x")' in titles
    assert "Secret setback" not in titles
    assert "Goal achieved: Fund the pilot" in titles
    assert all(re.fullmatch(r"https?://[^/]+/timeline/\d+", row[9]) for row in rows[1:])
    assert [r[4] for r in rows[1:] if r[2] == "Council vote lost"] == [
        "Meet the swing votes early."
    ]
    only_losses = client.get("/timeline/entries.csv?kind=loss").get_data(as_text=True)
    assert "Pilot funded" not in only_losses


def test_the_report_shows_wins_losses_with_lessons_and_goals(client, history):
    client.login(history["member"])
    html = client.get("/timeline/report?start=2026-01-01&end=2026-12-31").get_data(as_text=True)
    assert "Council vote lost" in html and "Meet the swing votes early." in html
    assert "Pilot funded" in html and "Goals and their progress" in html
    assert "Members and the sectors they represent" in html
    assert "Fund the pilot" in html
    assert "Secret setback" not in html and "Quiet strategy" not in html
    narrow = client.get("/timeline/report?start=2026-06-01&end=2026-06-30").get_data(as_text=True)
    assert "Pilot funded" not in narrow and "Council vote lost" in narrow


def test_a_backwards_or_insane_period_falls_back_to_the_last_year(client, history):
    client.login(history["member"])
    assert client.get("/timeline/report?start=2026-12-01&end=2026-01-01").status_code == 200
    assert client.get("/timeline/report?start=0001-01-01").status_code == 200


def test_the_pdf_says_what_the_report_says(client, history):
    from pypdf import PdfReader

    client.login(history["member"])
    response = client.get("/timeline/report.pdf?start=2026-01-01&end=2026-12-31")
    assert response.headers["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    assert "Council vote lost" in text and "Meet the swing votes early." in text
    assert "Secret setback" not in text and "Quiet strategy" not in text


def _feed_path(app, client):
    page = client.get("/timeline/subscribe").get_data(as_text=True)
    url = re.search(r'value="(https?://[^"]+\.atom)"', page).group(1)
    return url.split("://", 1)[1].split("/", 1)[1]


def test_the_feed_is_signed_shows_what_its_owner_sees_and_ends_with_the_calendar_reset(
    app, client, make_client, history
):
    client.login(history["member"])
    path = "/" + _feed_path(app, client)
    stranger = make_client()  # a feed reader: no session
    response = stranger.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/atom+xml")
    xml = response.get_data(as_text=True)
    assert "Council vote lost" in xml and "Secret setback" not in xml
    assert "Meet the swing votes early." in xml
    assert stranger.get(path[:-10] + "0" * 5 + path[-5:]).status_code == 404
    assert client.post_form("/account/calendar/reset").status_code == 302
    assert stranger.get(path).status_code == 404
    assert stranger.get("/" + _feed_path(app, client)).status_code == 200


def test_the_feed_is_in_its_owners_language(app, client, make_client, create_person, history):
    reader = create_person(language="es")
    client.login(reader)
    path = "/" + _feed_path(app, client)
    xml = make_client().get(path).get_data(as_text=True)
    # Written when read, in the reader's language: nothing was stored in English.
    assert "Meta lograda: Fund the pilot" in xml and "Goal achieved" not in xml
    assert 'xml:lang="es"' in xml


def test_written_entry_links_count_for_visibility(
    app, client, history, create_committee, create_goal, create_coordinator
):
    """An entry a coordinator linked to a closed committee's goal is hidden from members."""
    person_class = _person_class()
    coordinator = create_coordinator()
    with app.app_context():
        data = EntryData(
            "win",
            "Linked quietly",
            date(2026, 9, 1),
            links=[("goal", history["public_goal"].id), ("goal", history["hidden_goal"].id)],
        )
        add_entry(data, db.session.get(person_class, coordinator.id))
        db.session.commit()
    client.login(history["member"])
    assert "Linked quietly" not in client.get("/timeline/").get_data(as_text=True)
    assert "Linked quietly" not in client.get("/timeline/entries.csv").get_data(as_text=True)


def _person_class():
    from coalition.timeline.models import TimelineEntry

    return TimelineEntry.created_by.property.mapper.class_


def test_the_feed_escapes_what_people_wrote(app, client, make_client, history):
    with app.app_context():
        record_entry(
            "win",
            '<b id="x">Bold</b> & "quoted"',
            date(2026, 9, 2),
            body="<img src=x onerror=alert(1)> **ok**",
        )
        db.session.commit()
    client.login(history["member"])
    xml = make_client().get("/" + _feed_path(app, client)).get_data(as_text=True)
    assert '<b id="x">' not in xml and "<img" not in xml
    assert "&lt;b id=&#34;x&#34;&gt;Bold&lt;/b&gt; &amp; &#34;quoted&#34;" in xml
    # The content is HTML carried as text: its own markup escaped once more.
    assert "&lt;strong&gt;ok&lt;/strong&gt;" in xml and "onerror" not in xml.split("<content")[0]


def test_a_pdf_of_too_many_entries_asks_for_a_shorter_period(app, client, history, monkeypatch):
    from coalition.timeline import report_views

    monkeypatch.setattr(report_views, "PDF_LIMIT", 2)
    client.login(history["member"])
    response = client.get("/timeline/report.pdf?start=2026-01-01&end=2026-12-31")
    assert response.status_code == 422
    assert "too many for a PDF" in response.get_data(as_text=True)
    assert client.get("/timeline/report.pdf?start=2026-06-01&end=2026-06-30").status_code == 200
