"""Markdown people write is rendered, and sanitized."""

from html.parser import HTMLParser

from coalition.web.markdown import render_markdown


def _elements(html):
    """(tag, attributes) of every element actually present in the HTML."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html)
    return found


def test_headings_lists_links_and_tables_render():
    html = render_markdown(
        "## Purpose\n\n- one\n- two\n\n[site](https://example.org)\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Purpose</h2>" in html and "<li>one</li>" in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in html
    assert "<table>" in html and "<td>1</td>" in html


def test_script_and_event_handlers_never_survive():
    html = render_markdown(
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">'
        '\n\n[x](javascript:alert(1))\n\n<a href="#" style="color:red">s</a>'
    )
    elements = _elements(html)
    assert {tag for tag, _ in elements} <= {"p", "a"}
    assert all(set(attrs) <= {"href", "rel"} for _, attrs in elements)
    assert all(not attrs.get("href", "").startswith("javascript") for _, attrs in elements)
    assert "&lt;script&gt;" in html  # shown as text, harmless


def test_the_jinja_filter_is_available(app):
    with app.app_context():
        template = app.jinja_env.from_string("{{ text|markdown }}")
        assert template.render(text="**bold**") == "<p><strong>bold</strong></p>\n"
