"""Invitations and password resets: emailed, single-use links that let a person in."""

from flask import current_app

from coalition.auth.services import end_all_sessions, set_password
from coalition.core.audit import record_audit
from coalition.core.errors import ActionRefused
from coalition.core.extensions import db
from coalition.core.tokens import (
    INVITATION_LIFETIME,
    PASSWORD_RESET_LIFETIME,
    PURPOSE_INVITATION,
    PURPOSE_PASSWORD_RESET,
    EmailToken,
    consume_token,
    find_any_token,
    find_token,
    issue_token,
)
from coalition.members.people.models import Person, find_person_by_email, normalize_email
from coalition.outbox.mail import queue_email
from coalition.web.i18n import _l
from coalition.web.urls import external_url


def invite_person(actor, *, name, email, language=None):
    """Create the person if new and email them a 7-day link to set a password."""
    person = find_person_by_email(email)
    if person is not None and person.has_account:
        raise ActionRefused(_l("%(name)s already has an account.", name=person.name), field="email")
    if person is None:
        person = Person(name=name.strip(), email=normalize_email(email), language=language or None)
        db.session.add(person)
        db.session.flush()
    elif language and not person.language:
        person.language = language
    send_invitation(actor, person)
    return person


def send_invitation(actor, person):
    """Email a fresh invitation link; any older link for this person stops working."""
    if person.has_account:
        raise ActionRefused(_l("%(name)s already has an account.", name=person.name))
    if not person.email:
        raise ActionRefused(_l("%(name)s has no email address.", name=person.name))
    raw = issue_token(PURPOSE_INVITATION, person, INVITATION_LIFETIME)
    url = external_url("auth.access.accept_invitation", token=raw)
    queue_email(
        kind="invitation",
        person=person,
        to_address=person.email,
        subject=_l("You are invited to join %(coalition)s", coalition=_coalition_name()),
        template="invitation",
        context={"url": url, "inviter": actor, "days": 7},
        personal_links=[url],
    )
    record_audit(actor, "account.invited", person)


def pending_invitations():
    """(person, token) for each person invited who has not set a password yet."""
    rows = db.session.execute(
        db.select(Person, EmailToken)
        .join(
            EmailToken,
            (EmailToken.object_id == Person.id) & (EmailToken.object_type == Person.__tablename__),
        )
        .where(
            EmailToken.purpose == PURPOSE_INVITATION,
            EmailToken.revoked_at.is_(None),
            EmailToken.used_at.is_(None),
            Person.password_hash.is_(None),
        )
        .order_by(Person.name_search, Person.id)
    ).all()
    return [(person, token) for person, token in rows]


def person_for_token(purpose, raw):
    """The person a usable link belongs to, or None."""
    token = find_token(purpose, raw)
    if token is None or token.object_type != Person.__tablename__:
        return None, None
    person = db.session.get(Person, token.object_id)
    if person is None or not person.is_active:
        return None, None
    return person, token


def link_holder(purpose, raw):
    """The person an emailed link still lets in, or None (used, expired, revoked, forged)."""
    person, _token = person_for_token(purpose, raw)
    if person is not None and purpose == PURPOSE_INVITATION and person.has_account:
        return None
    return person


def link_recipient(purpose, raw):
    """The person a link was sent to, even once it no longer works (None: no such link), to
    write its page in their language; never to let them in (link_holder does that)."""
    token = find_any_token(purpose, raw)
    if token is None or token.object_type != Person.__tablename__:
        return None
    return db.session.get(Person, token.object_id)


def accept_invitation(raw, password):
    """Set the invited person's password, using up the link; returns the person or None."""
    person, token = person_for_token(PURPOSE_INVITATION, raw)
    if person is None or person.has_account or not consume_token(token):
        return None
    set_password(person, password)
    return person


def request_password_reset(email):
    """Email a reset link (or a fresh invitation to someone who never set a password).

    Says nothing about whether the address is known: the caller shows the same answer.
    """
    person = find_person_by_email(email)
    if person is None or not person.is_active or not person.email:
        return
    if not person.has_account:
        if pending_invitation_exists(person):
            send_invitation(None, person)
        return
    raw = issue_token(PURPOSE_PASSWORD_RESET, person, PASSWORD_RESET_LIFETIME)
    url = external_url("auth.access.reset_password", token=raw)
    queue_email(
        kind="password_reset",
        person=person,
        to_address=person.email,
        subject=_l("Reset your password for %(coalition)s", coalition=_coalition_name()),
        template="password_reset",
        context={"url": url, "minutes": 60},
        personal_links=[url],
    )


def pending_invitation_exists(person):
    """True when this person was invited and has not yet set a password."""
    return (
        db.session.scalar(
            db.select(EmailToken.id)
            .where(
                EmailToken.purpose == PURPOSE_INVITATION,
                EmailToken.object_id == person.id,
                EmailToken.object_type == Person.__tablename__,
            )
            .limit(1)
        )
        is not None
    )


def reset_password(raw, password):
    """Set a new password from a reset link; every other session ends. Person or None."""
    person, token = person_for_token(PURPOSE_PASSWORD_RESET, raw)
    if person is None or not consume_token(token):
        return None
    set_password(person, password)
    end_all_sessions(person)
    return person


def _coalition_name():
    return current_app.config["COALITION_NAME"]
