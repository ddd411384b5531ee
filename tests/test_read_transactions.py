"""On SQLite, pages that only read never wait for a writer; forms still take the write lock
up front, so a read-then-write transaction waits its turn instead of failing."""

import threading

import pytest
from sqlalchemy import create_engine

from coalition.core.database import ReadTransactionWrote

pytestmark = [pytest.mark.sqlite, pytest.mark.real_commits]


class SlowWriter:
    """Another process's long transaction: holds SQLite's write lock until released."""

    def __init__(self, database_url):
        self.engine = create_engine(database_url, isolation_level="AUTOCOMMIT")
        self.locked, self.release = threading.Event(), threading.Event()
        self.holding = False
        self.thread = threading.Thread(target=self._write)

    def _write(self):
        with self.engine.connect() as connection:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
            connection.exec_driver_sql("UPDATE person SET pronouns = 'they/them'")
            self.holding = True
            self.locked.set()
            self.release.wait(timeout=30)
            self.holding = False
            connection.exec_driver_sql("COMMIT")

    def __enter__(self):
        self.thread.start()
        assert self.locked.wait(timeout=10)
        return self

    def __exit__(self, *exc_info):
        self.release.set()
        self.thread.join()
        self.engine.dispose()


@pytest.fixture
def patient_app(make_app):
    """An app that would give up after a second waiting for the lock (5 s in production)."""
    return make_app(SQLITE_BUSY_TIMEOUT_MS=1000)


def test_a_page_answers_while_another_connection_holds_the_write_lock(
    patient_app, database_url, create_coordinator
):
    coordinator = create_coordinator()
    client = patient_app.test_client()
    client.login(coordinator)
    with SlowWriter(database_url) as writer:
        directory = client.get("/members/")
        answered_while_locked = writer.holding
    assert directory.status_code == 200
    assert coordinator.name in directory.get_data(as_text=True)
    assert answered_while_locked


def test_a_form_waits_for_the_writer_and_then_saves(patient_app, database_url, create_person):
    person = create_person()
    client = patient_app.test_client()
    client.login(person)
    token = client.csrf_token("/account")
    with SlowWriter(database_url) as writer:
        threading.Timer(0.3, writer.release.set).start()
        saved = client.post(
            "/account",
            data={
                "csrf_token": token,
                "name": "Renamed",
                "email": person.email,
                "language": "en",
                "timezone": "",
            },
        )
        assert not writer.holding  # it waited for the writer's commit
    assert saved.status_code == 302
    assert "Renamed" in client.get("/account").get_data(as_text=True)


def test_a_page_that_writes_without_saying_so_fails_in_the_tests(make_app):
    app = make_app()

    @app.route("/writes-quietly")
    def writes_quietly():
        from coalition.core.extensions import db

        db.session.execute(db.text("UPDATE person SET pronouns = NULL WHERE id = -1"))
        return "wrote"

    with pytest.raises(ReadTransactionWrote, match="GET /writes-quietly"):
        app.test_client().get("/writes-quietly")
