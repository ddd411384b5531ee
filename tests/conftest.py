"""Fixtures shared by the whole suite: app, database, clients, and the network guard."""

import os
import re
import socket
from contextlib import contextmanager

import flask_migrate
import pytest
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings
from jinja2 import BytecodeCache
from sqlalchemy import create_engine, event, make_url, text

from coalition import create_app
from coalition.core.config import TestConfig
from coalition.core.extensions import db, limiter
from coalition.members.sectors import ensure_preloaded_sectors

pytest_plugins = ["tests.factories"]

IN_CI = os.environ.get("CI") == "true"

# CI: fixed examples (no flaky reruns), a bounded budget; locally: the default search.
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if IN_CI else "dev")
LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost", "0.0.0.0"}
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


# --- The network guard: tests talk to this machine only -------------------------------


class NetworkAccessBlocked(RuntimeError):
    """A test tried to reach beyond the local test services."""


@pytest.fixture(autouse=True)
def network_guard(monkeypatch):
    """Fail any test that connects anywhere but loopback (database, Redis, SMTP sink, app)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def _check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            host = address[0]
            if host not in LOOPBACK_HOSTS and not host.startswith("127."):
                raise NetworkAccessBlocked(f"Test tried to connect to {address!r}")

    def guarded_connect(sock, address):
        _check(sock, address)
        return real_connect(sock, address)

    def guarded_connect_ex(sock, address):
        _check(sock, address)
        return real_connect_ex(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)


# --- Database: built once per session through the migrations, emptied after each test -


def _reset_database(url):
    if url.startswith("postgresql"):
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
        engine.dispose()


def make_config(database_url, **overrides):
    """A TestConfig on the suite's database, with settings overridden."""
    config = TestConfig()
    config.SQLALCHEMY_DATABASE_URI = database_url
    for name, value in overrides.items():
        setattr(config, name, value)
    return config


def _database_of_this_worker(url):
    """Each pytest-xdist worker gets its own PostgreSQL database beside the one named
    (test -> test_gw0, test_gw1), created on first use; SQLite files are per worker already
    (tmp_path_factory), and a run without workers uses the database as named."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or not url.startswith("postgresql"):
        return url
    base = make_url(url)
    own = base.set(database=f"{base.database}_{worker}")
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": own.database}
        ).first()
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{own.database}"'))
    engine.dispose()
    return own.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """The database under test, upgraded from empty through the migrations."""
    url = os.environ.get("TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'coalition-test.db'}"
    )
    url = _database_of_this_worker(url)
    _reset_database(url)
    app = create_app(make_config(url))
    with app.app_context():
        flask_migrate.upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def scratch_url(database_url, tmp_path, request):
    """An empty database beside the suite's, for a migration test to upgrade and downgrade:
    a file on SQLite, a schema of the test module's name on PostgreSQL."""
    if not database_url.startswith("postgresql"):
        yield f"sqlite:///{tmp_path / 'scratch.db'}"
        return
    schema = "scratch_" + request.module.__name__.rsplit(".", 1)[-1]
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    yield f"{database_url}?options=-csearch_path%3D{schema}"
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


RESTART_SEQUENCES = text("SELECT setval(oid, 1, false) FROM pg_class WHERE relkind = 'S'")


def _empty_all_tables(app):
    with app.app_context():
        tables = [table.name for table in reversed(db.metadata.sorted_tables)]
        with db.engine.begin() as connection:
            # DELETE, not TRUNCATE: on a few rows it is about 15 times faster on PostgreSQL.
            for table in tables:
                connection.execute(text(f"DELETE FROM {table}"))
            if db.engine.dialect.name == "postgresql":  # ids start at 1 again, as on SQLite
                connection.execute(RESTART_SEQUENCES)
        # The migration preloads the sectors; every test starts with them, as a new install does.
        ensure_preloaded_sectors()
        db.session.commit()


class _TemplateCache(BytecodeCache):
    """Compiled templates shared by every app of the run: each test's new app would
    otherwise parse and compile every template it renders again."""

    def __init__(self):
        self.compiled = {}

    def load_bytecode(self, bucket):
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket):
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = _TemplateCache()


class CoalitionClient(FlaskClient):
    """A test client that knows how to send forms with their CSRF token and log in."""

    def csrf_token(self, page="/"):
        response = self.get(page)
        match = CSRF_META.search(response.get_data(as_text=True))
        assert match, f"No CSRF token on {page} ({response.status_code})"
        return match.group(1)

    def post_form(self, url, data=None, *, token_page="/", **kwargs):
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token(token_page))
        return self.post(url, data=data, **kwargs)

    def log_in_with_form(self, person, password=None):
        """Log in through the login form, as a person does: for the tests of logging in."""
        response = self.post_form(
            "/login",
            {"email": person.email, "password": password or person.password},
            token_page="/login",
        )
        assert response.status_code == 302, "login failed"
        return response

    def login(self, person):
        """Log in without the login form (fast): a new session row and its identity, as the
        form's success leaves them."""
        from coalition.auth.sessions import IDENTITY_KEY, new_login_identity
        from coalition.members.people.models import Person

        with self.application.app_context():
            identity = new_login_identity(db.session.get(Person, person.id))
            db.session.commit()
        with self.session_transaction() as session:
            session.update({IDENTITY_KEY: identity, "_fresh": True})


def _durability_off(application):
    """Trade durability for speed on the test database only: a crash loses a test run, not
    data (SQLite: no fsync; PostgreSQL: commits do not wait for the write-ahead log)."""
    with application.app_context():
        engine = db.engine
    if engine.dialect.name == "sqlite":
        statement = "PRAGMA synchronous=OFF"
    else:
        statement = "SET synchronous_commit TO OFF"

    @event.listens_for(engine, "connect")
    def relax(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute(statement)
        cursor.close()
        if engine.dialect.name != "sqlite":
            dbapi_connection.commit()


def build_test_app(database_url, **settings):
    """An application on the suite's database, as every test sees it."""
    application = create_app(make_config(database_url, **settings))
    application.test_client_class = CoalitionClient
    application.jinja_env.bytecode_cache = TEMPLATE_CACHE
    _durability_off(application)
    return application


@pytest.fixture(scope="session")
def session_app(database_url):
    """The one application of the test session (make_app builds others on request)."""
    application = build_test_app(database_url)
    yield application
    with application.app_context():
        db.engine.dispose()


@pytest.fixture
def app(session_app):
    """The session's application, as new: its configuration and rate-limit counts restored
    before the test, and every table emptied after it."""
    configuration = dict(session_app.config)
    # The limiter is one object for every app: make_app's apps re-point it at their own
    # storage and settings, so give it back to this app, counts reset.
    limiter.init_app(session_app)
    limiter.reset()
    yield session_app
    session_app.config.clear()
    session_app.config.update(configuration)
    _empty_all_tables(session_app)


@pytest.fixture(scope="module")
def shared_database(app):
    """A world shared by a module's tests (tests/worlds.py): the module overrides `app` with
    the session's app at module scope, and its `world` fixture builds through `once` and
    runs each test in `restored`."""
    from tests.worlds import SharedDatabase

    with SharedDatabase(app) as database:
        yield database


@pytest.fixture(autouse=True)
def real_commits_get_a_fresh_world(request):
    """A test that commits on several connections at once says so; a shared world (one
    connection in a transaction that never commits) cannot serve it."""
    if request.node.get_closest_marker("real_commits"):
        assert "shared_database" not in request.fixturenames, "real commits need a fresh world"


@pytest.fixture
def make_app(app, database_url):
    """make_app(**settings) -> another application on the suite's database, closed afterwards."""
    made = []

    def make(**settings):
        application = build_test_app(database_url, **settings)
        made.append(application)
        return application

    yield make
    for application in made:
        with application.app_context():
            db.engine.dispose()


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free loopback port, for delivery tests."""
    from tests.smtp import SmtpSink

    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def mail_app(make_app, smtp_server):
    """An application that delivers to the local SMTP server."""
    return make_app(
        MAIL_SERVER="127.0.0.1",
        MAIL_PORT=smtp_server.port,
        MAIL_SUPPRESS_SEND=False,
        MAIL_DEFAULT_SENDER="Riverside Coalition <coalition@riverside.example>",
    )


@pytest.fixture
def dev_app(make_app):
    """An application in development mode with no mail server: the development mailbox."""
    return make_app(ENV_NAME="development", MAIL_SERVER="")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_client(app):
    """Several independent browsers (sessions) on the same app."""
    return app.test_client


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# --- Query counting -------------------------------------------------------------------


class QueryCounter:
    def __init__(self):
        self.statements = []

    @property
    def count(self):
        return len(self.statements)


@pytest.fixture
def count_queries(app):
    """Context manager counting SQL statements sent while it is open."""

    @contextmanager
    def counting():
        counter = QueryCounter()

        def before_cursor_execute(conn, cursor, statement, parameters, context, executemany):
            counter.statements.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", before_cursor_execute)
        try:
            yield counter
        finally:
            event.remove(engine, "before_cursor_execute", before_cursor_execute)

    return counting


# --- The configured database picks the markers: a bare `pytest` runs what it can ---------


def configured_database():
    """'postgres' when TEST_DATABASE_URL names PostgreSQL, else 'sqlite' (the default)."""
    return (
        "postgres" if os.environ.get("TEST_DATABASE_URL", "").startswith("postgres") else "sqlite"
    )


def pytest_collection_modifyitems(config, items):
    """Deselect the tests written for the other database (never skip them)."""
    other = "sqlite" if configured_database() == "postgres" else "postgres"
    deselected = [item for item in items if item.get_closest_marker(other)]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker(other)]


# --- Under CI, nothing may skip -------------------------------------------------------


def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if IN_CI and skipped:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; nothing may skip in CI.")
        session.exitstatus = 1
