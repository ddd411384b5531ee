"""Engine settings per database: SQLite gets WAL, a busy timeout and foreign keys."""

from sqlalchemy import event

from coalition.extensions import db


def configure_engine(app):
    """Install connection hooks once the engine exists."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        return
    busy_ms = app.config["SQLITE_BUSY_TIMEOUT_MS"]
    with app.app_context():
        event.listen(db.engine, "connect", _sqlite_pragmas(busy_ms))


def _sqlite_pragmas(busy_ms):
    def on_connect(dbapi_connection, connection_record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return on_connect
