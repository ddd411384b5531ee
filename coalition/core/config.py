"""Configuration read from the environment, one class per COALITION_ENV."""

import os
import secrets
from pathlib import Path


class ConfigError(RuntimeError):
    """The environment does not describe a configuration the app can start with."""


def _env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _env_bool(name, default=False):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def instance_secret_key(instance_path):
    """Return the development secret kept in the instance folder, creating it once."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    ENV_NAME = "development"
    SQLITE_BUSY_TIMEOUT_MS = 5000
    LANGUAGES = ("en", "es")
    BABEL_TRANSLATION_DIRECTORIES = str(Path(__file__).resolve().parents[2] / "translations")
    RATELIMIT_HEADERS_ENABLED = True
    LOGIN_FAILURES_ALLOWED = "5 per 15 minutes"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = False
    WTF_CSRF_TIME_LIMIT = None
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024
    # argon2id parameters: the library's defaults (RFC 9106 low-memory profile).
    ARGON2_TIME_COST = 3
    ARGON2_MEMORY_COST = 65536

    def __init__(self):
        env = os.environ.get
        self.SECRET_KEY = env("SECRET_KEY")
        self.SQLALCHEMY_DATABASE_URI = env("DATABASE_URL")
        self.COALITION_NAME = env("COALITION_NAME", "Riverside Diversion Coalition")
        self.COALITION_TIMEZONE = env("COALITION_TIMEZONE", "America/Chicago")
        self.PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", "http://127.0.0.1:5000").rstrip("/")
        self.TRUSTED_PROXIES = _env_int("TRUSTED_PROXIES", 0)
        self.MAIL_SERVER = env("MAIL_SERVER", "")
        self.MAIL_PORT = _env_int("MAIL_PORT", 25)
        self.MAIL_USE_TLS = _env_bool("MAIL_USE_TLS")
        self.MAIL_USE_SSL = _env_bool("MAIL_USE_SSL")
        self.MAIL_USERNAME = env("MAIL_USERNAME")
        self.MAIL_PASSWORD = env("MAIL_PASSWORD")
        self.MAIL_DEFAULT_SENDER = env("MAIL_DEFAULT_SENDER", "coalition@localhost")
        self.RATELIMIT_STORAGE_URI = env("REDIS_URL") or "memory://"
        self.BABEL_DEFAULT_LOCALE = env("COALITION_LANGUAGE", "en")
        self.MEETING_REMINDER_HOURS = _env_int("MEETING_REMINDER_HOURS", 24)

    def finalize(self, instance_path):
        """Fill in what depends on the instance folder and on other settings."""
        # Only in development without a mail server: the page that shows every email in full.
        self.DEV_MAILBOX = self.ENV_NAME == "development" and not self.MAIL_SERVER
        if not self.SQLALCHEMY_DATABASE_URI:
            self.SQLALCHEMY_DATABASE_URI = f"sqlite:///{Path(instance_path) / 'coalition.db'}"
        if not self.SECRET_KEY:
            self.SECRET_KEY = instance_secret_key(instance_path)

    def as_dict(self):
        """Every upper-case setting, for app.config.from_mapping."""
        return {name: getattr(self, name) for name in dir(self) if name.isupper()}


class DevelopmentConfig(Config):
    ENV_NAME = "development"


class TestConfig(Config):
    ENV_NAME = "testing"
    TESTING = True
    MAIL_SUPPRESS_SEND = True
    # Cheap hashing keeps the suite fast; production keeps the defaults above.
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024

    def __init__(self):
        super().__init__()
        self.SQLALCHEMY_DATABASE_URI = os.environ.get("TEST_DATABASE_URL")
        self.SECRET_KEY = "test-secret-key-not-for-production"
        self.RATELIMIT_STORAGE_URI = "memory://"
        self.PUBLIC_BASE_URL = "http://localhost"
        self.MAIL_SERVER = ""


class ProductionConfig(Config):
    ENV_NAME = "production"
    SESSION_COOKIE_SECURE = True

    def finalize(self, instance_path):
        self.DEV_MAILBOX = False
        if not self.SECRET_KEY:
            raise ConfigError("SECRET_KEY must be set in production.")
        if not self.SQLALCHEMY_DATABASE_URI:
            raise ConfigError("DATABASE_URL must be set in production.")


CONFIGS = {
    "development": DevelopmentConfig,
    "testing": TestConfig,
    "production": ProductionConfig,
}


def load_config(env_name=None):
    """Return a config object for COALITION_ENV (development when unset)."""
    name = env_name or os.environ.get("COALITION_ENV", "development")
    if name not in CONFIGS:
        raise ConfigError(f"COALITION_ENV must be one of {', '.join(CONFIGS)}, not {name!r}.")
    return CONFIGS[name]()
