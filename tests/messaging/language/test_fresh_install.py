"""A fresh install has the starting list: the migration that creates the table loads it."""

import flask_migrate

from coalition import create_app
from coalition.core.extensions import db
from coalition.messaging.language.models import LanguageTerm
from coalition.messaging.language.starting_list import read_rows
from tests.conftest import make_config


def test_upgrading_an_empty_database_loads_the_starting_list(tmp_path):
    app = create_app(make_config(f"sqlite:///{tmp_path / 'fresh.db'}"))
    with app.app_context():
        flask_migrate.upgrade()
        terms = db.session.scalars(db.select(LanguageTerm)).all()
        assert len(terms) == len(read_rows())
        assert all(term.active and term.version == 1 and term.key for term in terms)
        clean = next(term for term in terms if term.key == "en-clean")
        assert "clean for N days/months/years" in clean.only_in_list
        db.engine.dispose()
