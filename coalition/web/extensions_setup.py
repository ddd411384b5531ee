"""Binding the extensions to an application."""

from pathlib import Path

from coalition.core.extensions import babel, csrf, db, limiter, login_manager, mail, migrate
from coalition.web.authz import send_to_login
from coalition.web.i18n import _l, select_locale, select_timezone


def init_extensions(app, load_user):
    """init_app every extension and configure login; load_user(identity) finds the person
    behind a session (the auth package's, passed in so this layer imports no feature)."""
    db.init_app(app)
    migrate.init_app(
        app,
        db,
        directory=str(Path(app.root_path).parent / "migrations"),
        render_as_batch=True,
        compare_type=True,
    )
    csrf.init_app(app)
    mail.init_app(app)
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)
    limiter.init_app(app)
    _init_login(app, load_user)


def _init_login(app, load_user):
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"
    login_manager.user_loader(load_user)
    login_manager.unauthorized_handler(send_to_login)  # login_required's way, as require's
