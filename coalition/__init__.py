"""Coalition: plan and run a pre-arrest diversion coalition."""

from pathlib import Path

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from coalition.core.config import load_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config=None, overrides=None):
    """Build the application: configuration, extensions, blueprints, CLI, error pages."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    config = config or load_config()
    config.finalize(app.instance_path)
    app.config.from_mapping(config.as_dict())
    app.config.from_mapping(overrides or {})
    _trust_proxies(app)

    from coalition.web.logredact import install_log_redaction
    from coalition.web.urls import install_converters

    install_converters(app)

    from coalition.auth.sessions import session_person
    from coalition.cli import register_commands
    from coalition.core import database
    from coalition.web import errorpages, i18n, read_requests, security, templating
    from coalition.web.extensions_setup import init_extensions

    init_extensions(app, load_user=session_person)
    database.configure_engine(app)
    i18n.register(app)  # each puts its hook first: the note of the request's kind stays first
    read_requests.register(app)
    _register_blueprints(app)
    _tell_outbox_its_recipients(app)
    _tell_timeline_its_feed_keys(app)
    errorpages.register(app)
    security.register(app)
    templating.register(app, _rule_modules())
    register_commands(app)
    install_log_redaction(app)  # after every route is known: it reads their secret segments
    return app


def _tell_outbox_its_recipients(app):
    """The outbox finds a person by id through members, which it may not import."""
    from coalition.core.extensions import db
    from coalition.members.people.models import Person
    from coalition.outbox import recipients

    recipients.register(app, lambda person_id: db.session.get(Person, person_id))


def _tell_timeline_its_feed_keys(app):
    """The timeline's feed is signed with the calendar feeds' per-person secret (meetings')."""
    from coalition.core.extensions import db
    from coalition.meetings.calendar.models import CalendarSettings
    from coalition.meetings.calendar.services import settings_for
    from coalition.members.people.models import Person
    from coalition.timeline import feeds

    def secret_of(person_id):
        query = db.select(CalendarSettings.feed_secret).filter_by(person_id=person_id)
        return db.session.scalar(query)

    keys = feeds.FeedKeys(
        find_person=lambda person_id: db.session.get(Person, person_id),
        secret_of=secret_of,
        ensure_secret=lambda person: settings_for(person).feed_secret,
    )
    feeds.register(app, keys)


def _trust_proxies(app):
    """Believe X-Forwarded-* only from the configured number of proxies."""
    hops = app.config["TRUSTED_PROXIES"]
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _rule_modules():
    """Every feature's authorization rules, for templates' `authz`."""
    from coalition.auth import rules as account_rules
    from coalition.committees import access as committees_access
    from coalition.committees.goals import access as goals_access
    from coalition.committees.guidelines import access as guidelines_access
    from coalition.committees.proposals import access as proposals_access
    from coalition.feedback import access as feedback_access
    from coalition.meetings import access as meetings_access
    from coalition.meetings.record import access as record_access
    from coalition.meetings.rsvp import access as rsvp_access
    from coalition.members import access as members_access
    from coalition.members.imports import access as imports_access
    from coalition.members.organizations import access as organizations_access
    from coalition.members.recruitment import access as recruitment_access
    from coalition.messaging import access as messaging_access
    from coalition.messaging.language import access as language_access
    from coalition.outbox import access as outbox_access
    from coalition.timeline import access as timeline_access

    return [
        account_rules,
        members_access,
        organizations_access,
        recruitment_access,
        imports_access,
        committees_access,
        goals_access,
        guidelines_access,
        proposals_access,
        feedback_access,
        meetings_access,
        rsvp_access,
        record_access,
        messaging_access,
        language_access,
        outbox_access,
        timeline_access,
    ]


def _register_blueprints(app):
    from coalition.auth.views import bp as auth_bp
    from coalition.committees.views import bp as committees_bp
    from coalition.dashboard.views import bp as dashboard_bp
    from coalition.feedback.views import bp as feedback_bp
    from coalition.meetings.views import bp as meetings_bp
    from coalition.members.views import bp as members_bp
    from coalition.messaging.views import bp as messaging_bp
    from coalition.outbox.devmail_views import bp as devmail_bp
    from coalition.outbox.views import bp as outbox_bp
    from coalition.timeline.views import bp as timeline_bp

    blueprints = [
        auth_bp,
        members_bp,
        committees_bp,
        feedback_bp,
        meetings_bp,
        messaging_bp,
        timeline_bp,
        outbox_bp,
        dashboard_bp,
    ]
    if app.config["DEV_MAILBOX"]:
        blueprints.append(devmail_bp)
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
