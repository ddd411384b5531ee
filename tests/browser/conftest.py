"""Browser journeys: Playwright drives Debian's Chromium against the real app on a free port."""

import logging
import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from coalition.core.extensions import db
from tests.conftest import IN_CI

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERIOUS = {"serious", "critical"}
# axe-core's violations on the page, or null where axe is not loaded yet.
RUN_AXE = "() => window.axe ? axe.run({resultTypes: ['violations']}) : null"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.real_commits)  # the served app commits in its threads


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run; a missing browser fails under CI and skips elsewhere."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM}: run ./scripts/test, which installs it."
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(
        executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
    )
    yield chromium
    chromium.close()
    playwright.stop()


class LogCapture(logging.Handler):
    """Every line the access and error loggers write while a journey runs."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


class PathRecorder:
    """WSGI middleware that notes every path the browser asked for.

    It also reads each response whole and closes it before the server writes it: when the
    browser drops a connection, Werkzeug's development server can skip closing the response,
    and a static file left open is a ResourceWarning (an error here) at an unpredictable time.
    """

    def __init__(self, application):
        self.application, self.paths = application, []

    def __call__(self, environ, start_response):
        self.paths.append(environ.get("PATH_INFO", ""))
        body = self.application(environ, start_response)
        try:
            return [b"".join(body)]
        finally:
            if hasattr(body, "close"):
                body.close()


def secrets_in(application, paths):
    """The values of the secret segments (`<secret:...>`) of the paths served."""
    adapter = application.url_map.bind("localhost")
    found = set()
    for path in paths:
        for method in ("GET", "POST"):
            try:
                rule, values = adapter.match(path, method=method, return_rule=True)
            except Exception:  # not a route (static files, 404s) or not this method
                continue
            found |= {str(values[n]) for n in rule.arguments if f"<secret:{n}>" in rule.rule}
    return found


@pytest.fixture
def serve():
    """serve(app) -> base URL of the app on a free local port, stopped after the test.

    Afterwards, no secret from a URL the browser used appears in any log line written.
    """
    servers = []
    capture, recorders = LogCapture(), []
    loggers = [logging.getLogger(name) for name in ("werkzeug", "coalition")]
    for logger in loggers:
        logger.addHandler(capture)

    def start(application):
        recorder = PathRecorder(application.wsgi_app)
        recorders.append((application, recorder))
        application.wsgi_app = recorder
        server = make_server("127.0.0.1", 0, application, threaded=True)
        base_url = f"http://127.0.0.1:{server.server_port}"
        application.config["PUBLIC_BASE_URL"] = base_url  # links in emails point here
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return base_url

    yield start
    for server, thread in servers:
        server.shutdown()
        thread.join(timeout=5)
        server.server_close()
    for logger in loggers:
        logger.removeHandler(capture)
    for application, recorder in recorders:
        application.wsgi_app = recorder.application
        assert capture.lines or not recorder.paths, "the access log was not captured"
        leaked = [
            s
            for s in secrets_in(application, recorder.paths)
            if any(s in line for line in capture.lines)
        ]
        assert leaked == [], "a secret from a URL reached the logs"


@pytest.fixture
def live_server(app, serve):
    """The test's application served over HTTP on a free local port."""
    return serve(app)


class Visitor:
    """One person's browser: a page, its console errors, and an axe check on every page."""

    def __init__(self, context, base_url):
        from axe_playwright_python.sync_playwright import Axe

        self.context = context
        self.base_url = base_url
        self.axe_script = Axe().axe_script
        # Loaded into each page as it opens, rather than sent over for every check.
        context.add_init_script(self.axe_script)
        self.page = context.new_page()
        self.console_errors = []
        self.checked = []
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))
        self.page.on("response", self._on_response)
        self.page.on("dialog", lambda dialog: dialog.accept())

    def _on_console(self, message):
        # A page answering 404 on purpose logs its own status; broken sub-resources are
        # caught in _on_response instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def _on_response(self, response):
        if response.status >= 400 and response.request.resource_type != "document":
            self.console_errors.append(f"{response.status} for {response.url}")

    def go(self, path):
        self.page.goto(self.base_url + path)
        self.check()
        return self.page

    def log_in(self, email, password):
        """Log in through the login page, as a person would; returns the page."""
        page = self.go("/login")
        page.get_by_label("Email").fill(email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in", exact=True).click()
        self.check()
        return page

    def check(self):
        """axe-core finds no serious or critical violation; nothing broke the CSP."""
        self.page.wait_for_load_state("load")
        response = self.page.evaluate(RUN_AXE)
        if response is None:
            self.page.evaluate(self.axe_script)
            response = self.page.evaluate(RUN_AXE)
        serious = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} -> "
            + ", ".join(node["target"][0] for node in violation["nodes"][:3])
            for violation in response["violations"]
            if violation["impact"] in SERIOUS
        ]
        assert serious == [], f"axe on {self.page.url}: {serious}"
        assert self.console_errors == [], f"console errors on {self.page.url}"
        self.checked.append(self.page.url)


@pytest.fixture
def visitor(browser, live_server):
    """visitor(width=1280, locale="en-US", base_url=None, timezone_id=None) -> a Visitor in a
    fresh context (timezone_id: the zone the browser reports, as a phone abroad would)."""
    contexts = []

    def open_browser(width=1280, height=900, locale="en-US", base_url=None, timezone_id=None):
        zone = {"timezone_id": timezone_id} if timezone_id else {}
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale=locale, **zone
        )
        contexts.append(context)
        return Visitor(context, base_url or live_server)

    yield open_browser
    for context in contexts:
        context.close()


@pytest.fixture
def demo(app):
    """The demo coalition, as after the README's first command."""
    from coalition.core.extensions import db
    from coalition.demo import seed_demo

    with app.app_context():
        seed_demo()
        db.session.commit()


@pytest.fixture
def invited_partner(app, create_person, create_organization, link_person, create_meeting,
                    invite_to_meeting):  # fmt: skip
    """invited_partner(organization, delegate, title, sectors=(), **delegate's fields) ->
    (meeting, delegate, path of the RSVP link the invitation emailed to the delegate): the
    start of journeys 5 and 10, a partner organization invited with its primary delegate."""
    from coalition.outbox.models import OutboxEmail

    def invite(organization, delegate, title, sectors=(), **fields):
        partner = create_organization(organization, sectors=list(sectors))
        person = create_person(name=delegate, **fields)
        link_person(person, partner, "primary")
        meeting = create_meeting(title=title)
        invite_to_meeting(meeting, organizations=[partner])
        with app.app_context():
            body = db.session.scalars(
                db.select(OutboxEmail.text_body).filter_by(
                    kind="meeting_invitation", to_address=person.email
                )
            ).one()
        path = re.search(r"https?://[^/\s]+(/rsvp/[\w-]+)", body).group(1)
        return meeting, person, path

    return invite
