"""Account actions: authenticate, settings, passwords, roles and deactivation."""

from flask import current_app
from sqlalchemy import update

from coalition.auth.models import LoginSession
from coalition.auth.passwords import hash_password, verify_password
from coalition.core.audit import record_audit
from coalition.core.dbtypes import utcnow
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.tokens import PURPOSE_PASSWORD_RESET, revoke_tokens
from coalition.members.people.models import (
    ROLE_COORDINATOR,
    ROLES,
    Person,
    find_person_by_email,
    normalize_email,
)
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l


def authenticate(email, password):
    """The active account matching email and password, or None (same cost either way)."""
    person = find_person_by_email(email)
    password_hash = person.password_hash if person is not None else None
    if not verify_password(password_hash, password):
        return None
    if not person.is_active:
        return None
    return person


def choose_language(person, language):
    """The interface language kept on the account."""
    person.language = language
    db.session.flush()


def end_all_sessions(person):
    """Every session of this person, on every device, ends at its next request."""
    person.session_generation = (person.session_generation or 1) + 1
    db.session.execute(
        update(LoginSession)
        .where(LoginSession.person_id == person.id, LoginSession.ended_at.is_(None))
        .values(ended_at=utcnow())
    )
    db.session.flush()


def update_settings(person, *, name, email, language, timezone):
    """Save a person's own account settings."""
    email = normalize_email(email)
    other = find_person_by_email(email)
    if other is not None and other.id != person.id:
        raise ActionRefused(_l("Another account already uses this email."), field="email")
    if person.email and email != person.email:
        _tell_old_address(person, email)
    person.name = name.strip()
    person.email = email

    person.language = language or None
    person.timezone = timezone or None
    db.session.flush()


def change_password(person, current_password, new_password):
    """Set a new password after checking the current one; other sessions end."""
    if not verify_password(person.password_hash, current_password):
        raise ActionRefused(_l("Your current password is not correct."), field="current_password")
    set_password(person, new_password)
    end_all_sessions(person)


def set_password(person, new_password):
    """Store the argon2id hash of a new password; every reset link sent before stops working."""
    person.password_hash = hash_password(new_password)
    if person.id is not None:
        revoke_tokens(PURPOSE_PASSWORD_RESET, person)
    db.session.flush()


def active_coordinator_count():
    """How many coordinators can still log in (rows locked until commit on PostgreSQL)."""
    query = (
        db.select(Person.id)
        .where(
            Person.role == ROLE_COORDINATOR,
            Person.is_active,
            Person.password_hash.is_not(None),
        )
        .with_for_update()
    )
    # Locking the coordinators' rows makes two coordinators stepping down at the same
    # moment take turns, so the second sees that only one is left.
    return len(db.session.scalars(query).all())


def _refuse_if_last_coordinator(person):
    if (
        person.role == ROLE_COORDINATOR
        and person.is_active
        and person.has_account
        and active_coordinator_count() <= 1
    ):
        raise ActionRefused(
            _l(
                "%(name)s is the last coordinator. Make someone else a coordinator first.",
                name=person.name,
            )
        )


def change_role(actor, person, role):
    """Give a person another role; their sessions end so the new role applies at once."""
    if role not in ROLES:
        raise ActionRefused(_l("Choose a role from the list."), field="role")
    if role == person.role:
        return
    if not person.has_account:
        raise ActionRefused(_l("%(name)s has no account yet. Invite them first.", name=person.name))
    if role != ROLE_COORDINATOR:
        _refuse_if_last_coordinator(person)
    old_role = person.role
    person.role = role
    end_all_sessions(person)
    record_audit(actor, "account.role_changed", person, f"{old_role} -> {role}")


def deactivate_account(actor, person):
    """Stop a person from logging in; their sessions end at once."""
    if not person.is_active:
        return
    _refuse_if_last_coordinator(person)
    person.deactivated_at = utcnow()
    end_all_sessions(person)
    record_audit(actor, "account.deactivated", person)


def reactivate_account(actor, person):
    """Let a deactivated person log in again."""
    if person.is_active:
        return
    person.deactivated_at = None
    db.session.flush()
    record_audit(actor, "account.reactivated", person)


def create_coordinator(email, name, password):
    """Create (or promote) a coordinator account from the command line."""
    person = find_person_by_email(email)
    if person is None:
        person = Person(email=normalize_email(email), name=name)
        db.session.add(person)
    person.name = name
    person.role = ROLE_COORDINATOR
    person.deactivated_at = None
    set_password(person, password)
    end_all_sessions(person)
    return person


def _tell_old_address(person, new_email):
    """Warn the old address that the login email changed; old reset links stop working."""

    revoke_tokens(PURPOSE_PASSWORD_RESET, person)
    queue_email(
        kind="account_change",
        person=person,
        to_address=person.email,
        subject=_l(
            "The email of your %(coalition)s account was changed",
            coalition=current_app.config["COALITION_NAME"],
        ),
        template="email_changed",
        context={"new_email": new_email},
    )
