"""Engine settings per database: SQLite gets WAL, a busy timeout, foreign keys and savepoints,
and takes its write lock only in transactions that may write."""

import logging
import re

from flask import g, has_app_context, request
from sqlalchemy import event

from coalition.core.extensions import db

WRITE_STATEMENT = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
READ_ONLY = "coalition_read_only"  # in a connection's info while its transaction only reads
log = logging.getLogger(__name__)


class ReadTransactionWrote(RuntimeError):
    """A page answering a GET wrote without saying so (see web.read_requests.writes_on_get)."""


def configure_engine(app):
    """Install connection hooks once the engine exists."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine
    event.listen(engine, "connect", _sqlite_on_connect(app.config["SQLITE_BUSY_TIMEOUT_MS"]))
    event.listen(engine, "begin", _sqlite_begin)
    event.listen(engine, "before_cursor_execute", _refuse_writes_in_reads(app.config["TESTING"]))


def _sqlite_on_connect(busy_ms):
    def on_connect(dbapi_connection, connection_record):
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin; without
        # this a SAVEPOINT silently commits (see SQLAlchemy's pysqlite notes).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return on_connect


def _sqlite_begin(connection):
    # A transaction that may write begins IMMEDIATE, taking the write lock up front (as Rails
    # does): one that read and then writes would otherwise fail at once with "database is
    # locked" when another connection wrote in between. One that only reads (a page asked
    # for with GET) begins deferred, so it never waits behind a writer: WAL lets it read.
    if _may_write():
        connection.info.pop(READ_ONLY, None)
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.info[READ_ONLY] = True
        connection.exec_driver_sql("BEGIN DEFERRED")


def _may_write():
    """Requests with a form (POST...) and views marked `writes_on_get` may write; so does
    everything outside a request (commands, the worker, the scheduler). web.read_requests
    sets the flag at the start of each request."""
    return not (has_app_context() and g.get("read_only_request", False))


def _refuse_writes_in_reads(testing):
    def before_cursor_execute(connection, cursor, statement, parameters, context, executemany):
        if not connection.info.get(READ_ONLY) or not WRITE_STATEMENT.match(statement):
            return
        message = f"{request.method} {request.path} wrote in a read-only transaction"
        if testing:  # the suite must find every such view: mark it with writes_on_get
            raise ReadTransactionWrote(message)
        log.warning("%s; mark its view with writes_on_get", message)

    return before_cursor_execute
