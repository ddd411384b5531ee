"""Hostile values for the escaping tests, and the parser that tells markup from text.

Each user-writable field gets its own payload, marked with the field's name, so a failure
says which field reached a page or an email as live markup. A payload is inert when the
HTML parser sees it only as text (or inside an attribute's value); any tag or attribute it
brought with it is a finding, and so is a link to a script (javascript:) or a template
expression that was evaluated instead of shown.
"""

import re
from html.parser import HTMLParser

MARK = "data-hostile"
# Attributes only a payload brings: the app's own markup never uses them.
LIVE_ATTRIBUTES = {MARK, "onerror"}
SEEN = re.compile(MARK + r"""=["']?([a-z0-9_]+)""")
FIELDS = set()  # every field a payload was made for
# Attributes that a browser follows or loads, and the schemes that run script there.
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
TEMPLATE_PROBE = "{{'sst'~'iprobe'}}%(name)s{0}"  # shown as typed unless something evaluates it
EVALUATED = "sstiprobe"


def hostile(field, limit=200):
    """The field's payload, remembered so a test can check that some reader was shown it."""
    FIELDS.add(field)
    return payload(field, limit)


def payload(field, limit=200):
    """A tag, a quote breaking out of an attribute, a template expression with format
    placeholders, a meta refresh: as many of these as fit in `limit` characters (the
    field's length limit), each marked with the field's name."""
    pieces = (
        f'<b {MARK}="{field}">',
        f'"><img src=x {MARK}={field} onerror=alert(1)>',
        TEMPLATE_PROBE,
        f"'<meta http-equiv=refresh content=0 {MARK}={field}>",
    )
    text = ""
    for piece in pieces:
        if len(text) + len(piece) > limit:
            break
        text += piece
    assert text, f"no payload fits {limit} characters for {field}"
    return text


def hostile_url(field):
    """A web address (https, no spaces) whose path breaks out of an attribute."""
    FIELDS.add(field)
    return f'https://example.org/"><img/src=x/{MARK}={field}/onerror=alert(1)>'


def script_url(field):
    """A link that runs script when followed: forms must refuse it."""
    return f"javascript://example.org/%0Aalert(1)//{MARK}={field}"


def hostile_filename(field, extension):
    """A file name (browsers send no double quote in one) that is also markup."""
    FIELDS.add(field)
    return f"<b {MARK}={field}>'<img src=x {MARK}={field} onerror=alert(1)>{extension}"


def hostile_markdown(field):
    """Markdown text: the payload, and links and images that would run script."""
    return (
        hostile(field, 5000)
        + f"\n\n- [{MARK}={field}](javascript:alert(1))"
        + f'\n- ![{MARK}={field}](https://example.org/x.png "t" onerror=alert(1))'
        + f"\n- <javascript:alert('{MARK}={field}')>"
    )


class _Inspector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        refresh = any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs)
        script = any(n in URL_ATTRIBUTES and _runs_script(v) for n, v in attrs)
        evaluated = any(EVALUATED in (v or "") for _n, v in attrs)
        if names & LIVE_ATTRIBUTES or refresh or script or evaluated:
            self.live.append(f"<{tag} {' '.join(f'{n}={v!r}' for n, v in attrs)}>")
        self.texts.extend(value for _name, value in attrs if value)

    def handle_data(self, data):
        if self.cdata_elem and MARK in data:  # inside <script> or <style>: live, not text
            self.live.append(f"<{self.cdata_elem}> holding {data[:120]!r}")
        if EVALUATED in data:
            self.live.append(f"a template expression was evaluated: {data[:120]!r}")
        self.texts.append(data)


def _runs_script(url):
    """Browsers ignore spaces, tabs and newlines around and inside a URL's scheme."""
    squeezed = re.sub(r"[\x00-\x20]", "", url or "").lower()
    return squeezed.startswith(SCRIPT_SCHEMES)


def inspect_html(html):
    """(live markup that came from payloads, names of the fields seen as text)."""
    inspector = _Inspector()
    inspector.feed(html)
    inspector.close()
    seen = set(SEEN.findall(" ".join(inspector.texts)))
    return inspector.live, seen
