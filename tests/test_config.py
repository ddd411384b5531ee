"""Configuration comes from the environment, per COALITION_ENV."""

import pytest

from coalition import create_app
from coalition.core.config import ConfigError, instance_secret_key, load_config
from coalition.core.extensions import db


def test_production_refuses_to_start_without_a_secret_key(monkeypatch):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///:memory:")
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(load_config("production"))


def test_production_sets_secure_cookies_and_hsts(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATABASE_URL", "sqlite:///:memory:")
    app = create_app(load_config("production"))
    assert app.config["SESSION_COOKIE_SECURE"] is True
    response = app.test_client().get("/healthz")
    assert "max-age=" in response.headers["Strict-Transport-Security"]


def test_unknown_environment_name_is_refused():
    with pytest.raises(ConfigError, match="COALITION_ENV"):
        load_config("staging")


def test_development_secret_is_generated_once_and_kept(tmp_path):
    first = instance_secret_key(tmp_path)
    second = instance_secret_key(tmp_path)
    assert first == second and len(first) >= 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_settings_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("COALITION_NAME", "Harbor County Coalition")
    monkeypatch.setenv("COALITION_TIMEZONE", "America/Denver")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://coalition.example.org/")
    monkeypatch.setenv("TRUSTED_PROXIES", "2")
    monkeypatch.setenv("MAIL_SERVER", "smtp.example.org")
    monkeypatch.setenv("MAIL_PORT", "587")
    config = load_config("development")
    assert config.COALITION_NAME == "Harbor County Coalition"
    assert config.COALITION_TIMEZONE == "America/Denver"
    assert config.PUBLIC_BASE_URL == "https://coalition.example.org"
    assert config.TRUSTED_PROXIES == 2
    assert (config.MAIL_SERVER, config.MAIL_PORT) == ("smtp.example.org", 587)


@pytest.mark.sqlite
def test_sqlite_uses_wal_and_a_busy_timeout(app):
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


@pytest.mark.postgres
def test_postgresql_is_reached_through_psycopg(app):
    with app.app_context():
        assert db.engine.dialect.name == "postgresql"
        assert db.engine.dialect.driver == "psycopg"
