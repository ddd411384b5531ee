"""Exports: plain text, Markdown, the printable page and .docx, each only to readers."""

import io
import zipfile
from datetime import date

from docx import Document

TEXT = (
    "# Our ask\n\nFund the **pilot** for *two* years.\n\n"
    "- Fewer arrests\n- More treatment\n\n1. Vote yes\n"
)


def _draft(create_person, create_draft, **details):
    author = create_person(name="Keisha Moore")
    return author, create_draft(
        author,
        title="Press release: the pilot",
        text=TEXT,
        kind="press_release",
        audience="Reporters",
        embargo_until=date(2030, 3, 1),
        **details,
    )


def test_plain_text_has_the_details_and_no_markdown_marks(app, client, create_person, create_draft):
    author, draft_id = _draft(create_person, create_draft)
    client.login(author)
    response = client.get(f"/messaging/{draft_id}/export.txt")
    assert response.mimetype == "text/plain"
    assert 'filename="press-release-the-pilot-' in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("Press release: the pilot\n=====")
    assert "Embargoed until: March 1, 2030" in text and "Kind: Press release" in text
    assert "Fund the pilot for two years." in text and "**" not in text
    assert "- Fewer arrests" in text and "1. Vote yes" in text


def test_markdown_keeps_the_text_as_written(app, client, create_person, create_draft):
    author, draft_id = _draft(create_person, create_draft)
    client.login(author)
    text = client.get(f"/messaging/{draft_id}/export.md").get_data(as_text=True)
    assert text.startswith("# Press release: the pilot\n") and TEXT.strip() in text


def test_docx_has_headings_lists_bold_and_italic_as_runs(app, client, create_person, create_draft):
    author, draft_id = _draft(create_person, create_draft)
    client.login(author)
    response = client.get(f"/messaging/{draft_id}/export.docx")
    assert response.mimetype.endswith("wordprocessingml.document")
    document = Document(io.BytesIO(response.get_data()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Press release: the pilot") in paragraphs
    assert ("Heading 1", "Our ask") in paragraphs
    assert ("List Bullet", "Fewer arrests") in paragraphs
    assert ("List Number", "Vote yes") in paragraphs
    runs = {run.text: (run.bold, run.italic) for p in document.paragraphs for run in p.runs}
    assert runs["pilot"] == (True, None) and runs["two"] == (None, True)


def test_printable_page_is_a_clean_page_with_print_css(app, client, create_person, create_draft):
    author, draft_id = _draft(create_person, create_draft)
    client.login(author)
    page = client.get(f"/messaging/{draft_id}/print").get_data(as_text=True)
    assert "print-draft.css" in page and "<h1>Press release: the pilot</h1>" in page
    assert "<strong>pilot</strong>" in page and 'class="main-nav"' not in page
    css = client.get("/static/css/print-draft.css")
    assert "@media print" in css.get_data(as_text=True)
    css.close()


def test_an_unknown_format_is_not_found(app, client, create_person, create_draft):
    author, draft_id = _draft(create_person, create_draft)
    client.login(author)
    assert client.get(f"/messaging/{draft_id}/export.pdf").status_code == 404


def test_control_characters_never_break_the_docx(app, client, create_person, create_draft):
    author = create_person()
    draft_id = create_draft(author, title="Bell\x07 title", text="Form\x0cfeed and \x0bnull")
    client.login(author)
    data = client.get(f"/messaging/{draft_id}/export.docx").get_data()
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "Bell title" in xml and "Formfeed and null" in xml


def test_nul_characters_typed_in_a_form_are_dropped(app, client, create_person):
    client.login(create_person())
    response = client.post_form(
        "/messaging/new",
        {"title": "Nul\x00 title", "kind": "flyer", "language": "en", "text": "A\x00B"},
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Nul title" in page and "AB" in page
