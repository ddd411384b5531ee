"""The outbox's front door: queue_email() in the caller's transaction.

A service that must send mail calls queue_email(); the row commits or rolls back with the
action that caused it, so a rolled-back action sends nothing and a committed one loses
nothing. `flask --app wsgi outbox deliver` sends what is due (coalition.outbox.delivery).
"""

import uuid

from flask import current_app, render_template
from flask_babel import force_locale

from coalition.core.extensions import db
from coalition.outbox import preferences
from coalition.outbox.kinds import DAILY_DIGEST, NEVER, OPTIONAL, has_unsubscribe
from coalition.outbox.models import DigestItem, OutboxEmail
from coalition.web.form_fields import one_line
from coalition.web.i18n import email_language
from coalition.web.urls import external_url

PERSONAL_LINK = "[personal link]"
# A subject carries names and titles (two 200-character names fit in no column): it is cut to
# what the outbox and the digest keep, rather than failing the action that sends it.
SUBJECT_LENGTH = min(OutboxEmail.subject.type.length, DigestItem.subject.type.length)


def queue_email(
    *,
    kind,
    to_address,
    subject,
    template,
    context=None,
    person=None,
    organization=None,
    to_name=None,
    attachments=(),
    personal_links=(),
    idempotency_key=None,
    link=None,
):
    """Queue one email, written in the recipient's language.

    Optional kinds follow the person's preference: never (returns None), daily digest
    (returns a DigestItem) or immediately (returns the OutboxEmail). `subject` may be a
    lazy string: it is rendered in the recipient's language. With no `person`, an
    `organization` says whose contact address `to_address` is: its language is the one to
    write in (web.i18n.email_language). `attachments` are (filename, content type, data[,
    calendar method]) tuples. `personal_links` are hidden from coordinators' view of the
    outbox. An `idempotency_key` already queued is not queued twice.
    """
    if idempotency_key and _already_queued(idempotency_key):
        return None
    optional = kind in OPTIONAL and person is not None
    delivery = preferences.delivery_for(person, kind) if optional else None
    if delivery == NEVER:
        return None
    with force_locale(email_language(person, organization)):
        subject_text = shorten(one_line(str(subject)), SUBJECT_LENGTH)
        if delivery == DAILY_DIGEST:
            return _hold_for_digest(person, kind, subject_text, link, idempotency_key)
        context = _email_context(kind, person, context or {}, link)
        text = render_template(f"email/{template}.txt", **context)
        html = render_template(f"email/{template}.html", subject=subject_text, **context)
    email = OutboxEmail(
        kind=kind,
        person=person,
        to_address=to_address.strip(),
        to_name=one_line(to_name if to_name is not None else getattr(person, "name", "") or ""),
        subject=subject_text,
        text_body=text,
        html_body=html,
        masked_body=mask_links(text, [*personal_links, context["unsubscribe_url"]]),
        headers=_headers(context),
        attachments=[_attachment(item) for item in attachments],
        message_id=new_message_id(),
        idempotency_key=idempotency_key,
    )
    db.session.add(email)
    db.session.flush()
    return email


def _already_queued(key):
    """True when an email or digest item with this key exists (a repeated run)."""
    for model in (OutboxEmail, DigestItem):
        if db.session.scalar(db.select(model.id).filter_by(idempotency_key=key)) is not None:
            return True
    return False


def _hold_for_digest(person, kind, subject, link, idempotency_key):
    item = DigestItem(
        person=person, kind=kind, subject=subject, link=link, idempotency_key=idempotency_key
    )
    db.session.add(item)
    db.session.flush()
    return item


def _email_context(kind, person, context, link):
    unsubscribe_url = None
    if has_unsubscribe(kind) and person is not None:
        unsubscribe_url = preferences.unsubscribe_url(person, kind)
    return {
        "coalition_name": current_app.config["COALITION_NAME"],
        "recipient": person,
        "link": link,
        "unsubscribe_url": unsubscribe_url,
        "preferences_url": external_url("outbox.preferences_page"),
        **context,
    }


def _headers(context):
    url = context.get("unsubscribe_url")
    if not url:
        return {}
    return {
        "List-Unsubscribe": f"<{url}/one-click>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _attachment(item):
    filename, content_type, data, *method = item
    if isinstance(data, bytes):
        data = data.decode("utf-8")
    stored = {"filename": one_line(filename or ""), "content_type": content_type, "data": data}
    if method:  # a calendar invitation: also sent inline as text/calendar; method=...
        stored["method"] = method[0]
    return stored


def shorten(text, length):
    """The text, cut with an ellipsis if it is longer than `length` characters."""
    return text if len(text) <= length else text[: length - 1].rstrip() + "\u2026"


def mask_links(text, personal_links):
    """The text with each personal link replaced by a placeholder."""
    for url in personal_links:
        if url:
            text = text.replace(url, PERSONAL_LINK)
    return text


def new_message_id():
    """A Message-ID that stays the same on every delivery attempt of one row."""
    domain = current_app.config["MAIL_DEFAULT_SENDER"].rpartition("@")[2].strip("> ")
    return f"<{uuid.uuid4().hex}@{domain or 'coalition.local'}>"
