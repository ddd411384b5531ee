"""Finds markup a page would run or load that the app itself never writes.

The app's pages carry their own scripts and styles only as files under /static/, no inline
event handlers, no style attributes (the CSP forbids them) and links only to http(s),
mailto or the site's own paths. Anything else in a page came from the data: a finding.
"""

import re
from html.parser import HTMLParser

NEVER_TAGS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "style",
    "base",
    "video",
    "audio",
    "source",
    "marquee",
    "isindex",
    "xss",
    "title-in-body",
}
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "srcdoc",
    "background",
    "poster",
    "content",
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")


def _runs_script(value):
    squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
    return (
        squeezed.startswith(SCRIPT_SCHEMES)
        or ";url=javascript:" in squeezed
        or (";url=data:" in squeezed)
    )


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.titles = 0

    def handle_starttag(self, tag, attrs):
        names = {name for name, _value in attrs}
        values = dict(attrs)
        bad = (
            tag in NEVER_TAGS
            or (tag == "script" and not (values.get("src") or "").startswith("/static/"))
            or (tag == "link" and not (values.get("href") or "").startswith("/static/"))
            or (tag == "img" and values.get("src") != "/static/favicon.svg")
            or (tag == "meta" and "http-equiv" in names)
            or any(name.startswith("on") for name in names)
            or "style" in names
            or any(n in URL_ATTRIBUTES and _runs_script(v) for n, v in attrs)
        )
        if tag == "title":
            self.titles += 1
        if bad:
            self.found.append(f"<{tag} {attrs}>")


def live_markup(html):
    """The tags and attributes of `html` that only data could have brought."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    if finder.titles > 1:
        finder.found.append("a second <title>")
    return finder.found


def payloads(path):
    """The payloads of a file: one a line, `\\n` for a line break, # comments skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.replace("\\n", "\n") for line in lines if line and not line.startswith("#")]
