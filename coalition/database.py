"""Engine settings per database: SQLite gets WAL, a busy timeout, foreign keys and savepoints."""

from sqlalchemy import event

from coalition.extensions import db


def configure_engine(app):
    """Install connection hooks once the engine exists."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    with app.app_context():
        engine = db.engine
    event.listen(engine, "connect", _sqlite_on_connect(app.config["SQLITE_BUSY_TIMEOUT_MS"]))
    event.listen(engine, "begin", _sqlite_begin)


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
    # IMMEDIATE takes the write lock up front (as Rails does): a transaction that read and
    # then writes would otherwise fail at once with "database is locked" when another
    # connection wrote in between, instead of waiting for the busy timeout.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
