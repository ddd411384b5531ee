"""Known XSS payloads and generated text through every place a draft's words are shown.

Each payload of xss_payloads.txt is a draft's title, text, revision summary, comment, quoted
passage and reply; then the list, the draft page, its history, the diff of two revisions,
the merge view of a crossed edit, the printable page and the three downloads are read. No
page may carry a tag or attribute the app does not write itself (live_markup.py); the text
downloads are never served as HTML; the .docx holds the words as text only.
"""

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coalition.core.extensions import db
from coalition.revisions.diff import diff_html, merge
from coalition.web.markdown import render_markdown
from tests.messaging.live_markup import live_markup, payloads

PAYLOADS = payloads(Path(__file__).with_name("xss_payloads.txt"))
WORD_NAMESPACES = (
    "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}",
    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}",
)


def test_there_are_at_least_fifty_known_payloads():
    assert len(PAYLOADS) >= 50 and len(set(PAYLOADS)) == len(PAYLOADS)


def _hostile_draft(app, author, payload):
    """A draft whose every field holds the payload, in two revisions, with a thread."""
    from coalition.members.people.models import Person
    from coalition.messaging import services
    from coalition.messaging.comments import services as comments
    from coalition.messaging.services import DraftDetails

    with app.app_context():
        actor = db.session.get(Person, author.id)
        details = DraftDetails(
            title=payload[:200], kind="op_ed", audience=payload[:300], purpose=payload[:1000]
        )
        draft = services.start_draft(details, payload, actor)
        services.save_text(draft, payload + "\n\nOne more line.", 1, actor, payload[:300])
        thread = comments.add_comment(draft, payload, "One more line.", actor)
        comments.reply(draft, thread, payload, actor)
        db.session.commit()
        return draft.id


def _pages(client, draft_id, payload):
    base = f"/messaging/{draft_id}"
    for url in (base, f"{base}/history", f"{base}/compare?old=1&new=2", f"{base}/print"):
        yield url, client.get(url)
    yield f"{base}/edit", client.get(f"{base}/edit")
    crossed = {"text": payload + " mine", "base_revision": "1", "summary": payload[:300]}
    yield f"merge {base}/edit", client.post_form(f"{base}/edit", crossed)


def _download_problems(client, draft_id):
    problems = []
    for extension in ("txt", "md"):
        response = client.get(f"/messaging/{draft_id}/export.{extension}")
        if "html" in response.mimetype or "attachment" not in response.headers.get(
            "Content-Disposition", ""
        ):
            problems.append(f"export.{extension} served as {response.mimetype}")
    data = client.get(f"/messaging/{draft_id}/export.docx").get_data()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        root = ElementTree.fromstring(package.read("word/document.xml"))
    strangers = {e.tag for e in root.iter() if not e.tag.startswith(WORD_NAMESPACES)}
    if strangers:
        problems.append(f"docx elements {strangers}")
    return problems


def test_every_payload_stays_text_on_every_page_and_download(app, client, create_person):
    author = create_person(name="Keisha Moore")
    client.login(author)
    failures = []
    for number, payload in enumerate(PAYLOADS):
        draft_id = _hostile_draft(app, author, payload)
        for url, response in _pages(client, draft_id, payload):
            expected = 409 if url.startswith("merge ") else 200  # a crossed edit: Conflict
            assert response.status_code == expected, (url, response.status_code)
            failures += [(number, url, m) for m in live_markup(response.get_data(as_text=True))]
        failures += [(number, "download", p) for p in _download_problems(client, draft_id)]
    for page in range(1, len(PAYLOADS) // 25 + 2):
        listing = client.get(f"/messaging/?page={page}").get_data(as_text=True)
        failures += [("list", page, m) for m in live_markup(listing)]
    assert failures == []


def _fragment_problems(html):
    return live_markup(f"<div>{html}</div>")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_generated_text_is_safe_as_markdown(text):
    assert _fragment_problems(render_markdown(text)) == []


MARKUPISH = st.text(alphabet="<>\"'=/&;:[]()!`* \njavascriptonerrorimgsvgahref", max_size=120)


@settings(max_examples=150, deadline=None)
@given(MARKUPISH, MARKUPISH)
def test_generated_markupish_text_is_safe_in_markdown_and_in_diffs(old, new):
    assert _fragment_problems(render_markdown(new)) == []
    diff = diff_html(old, new, removed_label="removed:", added_label="added:")
    tags = set(tag for tag in re.findall(r"<([a-zA-Z][\w-]*)", str(diff)))
    assert tags <= {"del", "ins", "span"}


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200), st.text(max_size=200))
def test_generated_text_in_a_diff_is_never_markup(base, mine, theirs):
    merged = merge(base, mine, theirs)
    for old, new in ((base, mine), (base, theirs), (theirs, merged.text)):
        html = str(diff_html(old, new))
        assert _fragment_problems(html) == []
        assert set(re.findall(r"<([a-zA-Z][\w-]*)", html)) <= {"del", "ins", "span"}
