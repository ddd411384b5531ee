"""Every page the journeys reach fits a 320 px phone and a 1280 px laptop (issue 18, item 3).

In the demo coalition, as the coordinator, a member and an invitee with a link, the browser
follows every link on every page it reaches (one page per route and query shape) and, at
1280 x 800 and again at 320 x 640, measures two things a person notices:

- the document is no wider than the window (nothing makes the whole page scroll sideways);
- every visible control (link, button, field, summary) is at least 24 x 24 px, WCAG 2.5.8,
  with its exceptions: a link inside running text, and an undersized target whose 24 px
  circle touches no other target nor another undersized target's circle. A checkbox or
  radio button counts with the label that toggles it.

All failures are reported at once (page, width, element, size). One browser, one tab per
person, no sleeps: each page is loaded once and measured at both widths by resizing.
"""

import re
from urllib.parse import parse_qsl, urlsplit

from axe_playwright_python.sync_playwright import Axe

from coalition.core.extensions import db
from coalition.demo import COORDINATOR_PASSWORD, MEMBER_PASSWORD
from coalition.outbox.models import OutboxEmail
from tests.browser.conftest import SERIOUS

WIDTHS = ((1280, 800), (320, 640))
PAGE_LIMIT = 150  # per person; the demo has about 70 kinds of page
# Not pages: downloads, feeds, and the links that end a session or change state.
SKIPPED = re.compile(r"\.(ics|csv|pdf|atom|docx|odt|txt|md)$|/logout|/export\.|^/static/")

# The journeys run all of axe on a laptop; on the phone layout, the rules that depend on
# where things sit (a scrolling region reachable by keyboard, text on what is now behind it).
AXE_LAYOUT_RULES = """() => axe.run({runOnly: ['scrollable-region-focusable', 'color-contrast',
  'target-size', 'meta-viewport'], resultTypes: ['violations']})"""

# For each page: how far the document overflows the window, and every undersized control.
MEASURE = """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const main = document.querySelector('main') || document.body;
  const css = (el) => getComputedStyle(el);
  const visible = (el) => el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
  const describe = (el) => {
    let text = (el.getAttribute('aria-label') || el.innerText || el.value || el.name || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 40);
    const id = el.id ? '#' + el.id : '';
    const cls = el.classList.length ? '.' + [...el.classList].join('.') : '';
    const type = el.type && el.tagName === 'INPUT' ? `[type=${el.type}]` : '';
    return `${el.tagName.toLowerCase()}${id}${cls}${type} "${text}"`;
  };
  const size = (r) => `${Math.round(r.width)}x${Math.round(r.height)}`;
  // Visually hidden helpers (1 px, clipped) and the skip link parked above the page.
  const parked = (r) => (r.width <= 1 && r.height <= 1) || r.bottom <= 0;
  // A link inside running text: its block holds text of its own outside links and controls.
  const ownText = (node) => [...node.childNodes].reduce((sum, child) => {
    if (child.nodeType === Node.TEXT_NODE) return sum + child.data.trim().length;
    if (child.nodeType !== Node.ELEMENT_NODE || child.matches('a, button, input, select, label'))
      return sum;
    return css(child).display.startsWith('inline') ? sum + ownText(child) : sum;
  }, 0);
  const inSentence = (el) => {
    if (el.tagName !== 'A' || css(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && css(block).display.startsWith('inline')) block = block.parentElement;
    return Boolean(block) && ownText(block) > 1;
  };
  // A checkbox or radio button's target includes the label that toggles it.
  const box = (el) => {
    let r = el.getBoundingClientRect();
    if (el.type === 'checkbox' || el.type === 'radio') {
      for (const label of el.labels || []) {
        const l = label.getBoundingClientRect();
        if (label.contains(el) || label.parentElement === el.parentElement) {
          const left = Math.min(r.left, l.left), top = Math.min(r.top, l.top);
          r = {left, top, width: Math.max(r.right, l.right) - left,
               height: Math.max(r.bottom, l.bottom) - top};
        }
      }
    }
    return {left: r.left + scrollX, top: r.top + scrollY, width: r.width, height: r.height};
  };
  const controls = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]'
  )].filter((el) => visible(el) && !parked(el.getBoundingClientRect()));
  // A link broken over two lines is two boxes: spacing is measured to each, not to their union.
  const pieces = (el, r) => el.tagName !== 'A' ? [r] : [...el.getClientRects()].map(
    (p) => ({left: p.left + scrollX, top: p.top + scrollY, width: p.width, height: p.height}));
  const targets = controls.map((el) => ({el, r: box(el)}));
  for (const t of targets) t.parts = pieces(t.el, t.r);
  const small = targets.filter((t) => (t.r.width < 24 || t.r.height < 24) && !inSentence(t.el));
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const gap = (a, b) => Math.max(a - b, 0);
  const toRect = ([x, y], r) => Math.hypot(
    gap(r.left, x) || gap(x, r.left + r.width), gap(r.top, y) || gap(y, r.top + r.height));
  const apart = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
  const failures = [];
  for (const t of small) {
    const c = centre(t.r);
    const crowded = targets.some((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el)
        && o.parts.some((part) => toRect(c, part) < 12))
      || small.some((o) => o !== t && apart(c, centre(o.r)) < 24);
    if (crowded) failures.push(`under 24 px: ${describe(t.el)} ${size(t.r)}`);
  }
  // Every field has the form styling: no tiny unstyled time, date or number input.
  for (const t of targets) {
    const field = t.el.matches('input:not([type=checkbox], [type=radio], [type=submit], '
      + '[type=button], [type=image], [type=file]), select, textarea');
    if (field && main.contains(t.el) && t.r.height < 36) failures.push(
      `unstyled field: ${describe(t.el)} ${size(t.r)}`);
    if (t.el.type === 'radio' && t.r.height < 44) failures.push(
      `radio button under 44 px: ${describe(t.el)} ${size(t.r)}`);
  }
  // Buttons and fields are on screen, even inside a table that scrolls sideways.
  for (const t of targets) {
    if (t.el.matches('button, input, select, textarea') && t.r.left + t.r.width > width + scrollX)
      failures.push(`off screen: ${describe(t.el)} at ${Math.round(t.r.left)} px`);
  }
  // Cards keep their inner padding wherever they are (lists, histories, boards).
  for (const card of main.querySelectorAll('.card')) {
    if (visible(card) && parseFloat(css(card).paddingLeft) < 12) failures.push(
      `card without padding: ${describe(card)}`);
  }
  // No box cuts its content off vertically (a fixed-height list of names).
  for (const el of main.querySelectorAll('ul, ol, dl, div, fieldset, section, p')) {
    const style = css(el);
    if (!['auto', 'scroll', 'hidden'].includes(style.overflowY) || !visible(el)) continue;
    if (el.scrollHeight > el.clientHeight + 2 && el.scrollWidth <= el.clientWidth + 2
        && el.clientHeight > 24) failures.push(`content cut off: ${describe(el)}`);
  }
  // Punctuation never starts a line ("Oct 15, 2026" / ": Two case managers").
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const lead = node.data.match(/^\\s*[:;,]/);
    const before = node.previousSibling;
    if (!lead || !before || before.nodeType !== 1 || !visible(before)) continue;
    const range = document.createRange();
    range.setStart(node, lead[0].length - 1);
    range.setEnd(node, lead[0].length);
    const mark = range.getBoundingClientRect(), rects = before.getClientRects();
    if (mark.height && rects.length && mark.top >= rects[rects.length - 1].bottom - 2)
      failures.push(`line starts with "${lead[0].trim()}": ${describe(node.parentElement)}`);
  }
  // Seven equal columns in the month.
  const grids = [...document.querySelectorAll('table.month-grid')].filter(
    (table) => css(table).display === 'table');
  const days = grids.flatMap((table) => [...table.querySelectorAll('thead th')]);
  const widths = days.map((th) => Math.round(th.getBoundingClientRect().width));
  if (widths.length && Math.max(...widths) - Math.min(...widths) > 1) failures.push(
    `month columns of unequal widths: ${widths}`);
  // What sticks out past the window, outermost first, where the page is too wide.
  const wide = [];
  if (root.scrollWidth > width) {
    for (const el of document.body.querySelectorAll('*')) {
      if (!visible(el) || el.getBoundingClientRect().right <= width + 0.5) continue;
      if (wide.some((outer) => outer.contains(el))) continue;
      wide.push(el);
    }
  }
  const across = (el) => `${describe(el)} ${Math.round(el.getBoundingClientRect().width)}px`;
  return {overflow: root.scrollWidth - width, failures, wide: wide.slice(0, 4).map(across)};
}"""


# Where a signed-in person's crawl starts: home and each section of the main navigation.
SECTIONS = ["/", "/members/", "/meetings/", "/committees/", "/messaging/", "/timeline/", "/account"]
SECTIONS += ["/messaging/language/", "/messaging/language/check"]  # reached by a POST


def shape(path):
    """One page per route and query shape: /meetings/12?view=month -> /meetings/N?view=month."""
    parts = urlsplit(path)
    route = re.sub(r"/\d+", "/N", parts.path)
    route = re.sub(r"/(rsvp|invitation|reset-password|unsubscribe)/[\w-]{20,}", r"/\1/T", route)
    route = re.sub(r"/dates/[^/]+", "/dates/K", route)
    query = sorted(k if k not in ("view",) else f"{k}={v}" for k, v in parse_qsl(parts.query))
    return route + ("?" + "&".join(query) if query else "")


# Where the page's links and GET forms (filters, comparisons, a report's period) lead.
DESTINATIONS = """() => [...document.querySelectorAll('a[href]')].map((a) => a.href).concat(
  [...document.querySelectorAll('form[method=get i]')].map((form) => {
    const url = new URL(form.action, location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    return url.href;
  }))"""


def links_on(page, origin):
    """Same-site pages the current page leads to (links and GET forms), as paths with query."""
    hrefs = page.evaluate(DESTINATIONS)
    paths = []
    for href in hrefs:
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        path = parts.path + ("?" + parts.query if parts.query else "")
        if not SKIPPED.search(parts.path):
            paths.append(path)
    return paths


def survey(page, origin, start, seen, problems, who):
    """Visit every page reachable from `start` once per shape, measuring at both widths."""
    queue, visited = list(start), 0
    while queue and visited < PAGE_LIMIT:
        path = queue.pop(0)
        if shape(path) in seen:
            continue
        seen.add(shape(path))
        response = page.goto(origin + path)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        visited += 1
        if response.status >= 500:
            problems.append(f"{who} {path} answered {response.status}")
        page.eval_on_selector_all("details", "(all) => all.forEach((d) => { d.open = true; })")
        for width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            found = page.evaluate(MEASURE)
            where = f"{who} {path} at {width} px"
            if found["overflow"] > 0:
                problems.append(f"{where}: {found['overflow']} px too wide: {found['wide']}")
            problems.extend(f"{where}: {item}" for item in found["failures"])
        problems.extend(f"{who} {path} at 320 px: axe: {v}" for v in serious_on(page))
        queue.extend(links_on(page, origin))
    return visited


def serious_on(page):
    """axe-core's serious and critical violations of the rules a layout can break."""
    result = page.evaluate(AXE_LAYOUT_RULES)
    return [
        f"{violation['id']}: {violation['help']} -> {violation['nodes'][0]['target'][0]}"
        for violation in result["violations"]
        if violation["impact"] in SERIOUS
    ]


def import_preview(page, origin):
    """Upload a small spreadsheet with one bad row: the column and preview pages (journey 3)."""
    rows = ["Name;Email;Organization", "Rosa Diaz;rosa@example.org;Grace Fellowship Church"]
    rows.append("Sam Lee;not-an-address;Nowhere In Particular Community Services Network")
    page.goto(origin + "/members/import/")
    page.get_by_label("What the file lists").select_option("people")
    page.get_by_label("Spreadsheet file").set_input_files(
        files=[{"name": "contacts.csv", "mimeType": "text/csv", "buffer": "\n".join(rows).encode()}]
    )
    page.get_by_role("button", name="Upload and continue").click()
    columns = urlsplit(page.url).path
    page.get_by_role("button", name="Check every row").click()
    return [columns, urlsplit(page.url).path]


def log_in(page, origin, email, password):
    page.goto(origin + "/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_load_state("load")


def test_every_page_fits_a_phone_and_a_laptop(app, demo, browser, live_server):
    with app.app_context():
        bodies = db.session.scalars(db.select(OutboxEmail.text_body)).all()
    links = (re.search(r"https?://[^/\s]+(/rsvp/[\w-]+)", body) for body in bodies)
    rsvp = next(link.group(1) for link in links if link)
    problems, counts = [], {}
    people = [
        ("invitee", None, None, [rsvp, "/rsvp/lost", "/login", "/forgot-password"]),
        ("coordinator", "marisol.vega@example.org", COORDINATOR_PASSWORD, SECTIONS),
        ("member", "darnell.brooks@example.org", MEMBER_PASSWORD, SECTIONS),
        ("member in Spanish", "ana.torres@example.org", MEMBER_PASSWORD, SECTIONS),
    ]
    for who, email, password, start in people:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
        context.add_init_script(Axe().axe_script)
        page = context.new_page()
        if email:
            log_in(page, live_server, email, password)
        seen = set()
        counts[who] = survey(page, live_server, start, seen, problems, who)
        if who == "coordinator":
            later = import_preview(page, live_server)
            counts[who] += survey(page, live_server, later, seen, problems, who)
        context.close()
    assert counts["coordinator"] >= 50 and counts["member"] >= 20, counts
    assert problems == [], f"{len(problems)} layout problems:\n" + "\n".join(problems)
