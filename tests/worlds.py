"""Worlds built once per module and restored before each test.

A module that shares one world overrides the `app` fixture with the session's app at module
scope, and its `world` fixture asks the `shared_database` fixture (tests/conftest.py) to
build the world `once` and runs each test in `restored()`. Every session of that app then
works on one connection held in an outer transaction for the whole module: the world is
written into it once, each test runs inside a SAVEPOINT that is rolled back afterwards, and
the outer transaction is rolled back when the module ends, so the next module finds the
database as it was. The app's own commits release savepoints of their own (SQLAlchemy's
"joining a Session into an external transaction", join_transaction_mode="create_savepoint"),
as Indico's fixtures do.

The same mechanism serves SQLite and PostgreSQL: on SQLite the outer transaction begins
IMMEDIATE through the engine's "begin" event (coalition/core/database.py) and savepoints work
because that module leaves transaction control to SQLAlchemy, so no golden file is copied.
It suits tests that run every request on this one connection; a test that commits on
several connections at once (threads, workers, a served app) carries the `real_commits`
marker, is refused a shared world, and gets a fresh one from the `app` fixture.
"""

from contextlib import contextmanager

from coalition.core.extensions import db, limiter


class Factories:
    """The suite's creator fixtures by name, for a world's builder: make.create_person(...)."""

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        return self._request.getfixturevalue(name)


class SharedDatabase:
    """One connection in an outer transaction; each test rolls back to where it started."""

    def __init__(self, app):
        self.app = app
        self._built = {}

    def __enter__(self):
        with self.app.app_context():
            self._engines = db.engines
            self._engine = self._engines[None]
        self.connection = self._engine.connect()
        self._outer = self.connection.begin()
        factory = db.session.session_factory
        self._saved_mode = factory.kw.get("join_transaction_mode")
        factory.configure(join_transaction_mode="create_savepoint")
        # Flask-SQLAlchemy binds sessions to this app's engines by key: every session the app
        # opens (requests, the tests' app contexts) now joins the one connection instead.
        self._engines[None] = self.connection
        return self

    def __exit__(self, *exc_info):
        self._engines[None] = self._engine
        factory = db.session.session_factory
        if self._saved_mode is None:
            factory.kw.pop("join_transaction_mode", None)
        else:
            factory.configure(join_transaction_mode=self._saved_mode)
        self._outer.rollback()
        self.connection.close()
        self._engine.dispose()

    def once(self, name, build):
        """The value build() returned the first time this name was asked for; what it wrote
        stays for every later test (it runs outside any test's savepoint)."""
        if name not in self._built:
            self._built[name] = build()
        return self._built[name]

    @contextmanager
    def restored(self):
        """Run one test: its writes, and its rate-limit counts, are gone afterwards."""
        limiter.reset()  # the app is shared, and so is the limiter's memory storage
        savepoint = self.connection.begin_nested()
        try:
            yield
        finally:
            if savepoint.is_active:
                savepoint.rollback()
