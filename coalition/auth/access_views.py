"""Invitations and password resets: pages behind emailed links, and sending them."""

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from coalition.auth import access
from coalition.auth import rules as account_rules
from coalition.auth.forms import ForgotPasswordForm, InviteForm, NewPasswordForm
from coalition.auth.sessions import start_session
from coalition.core.errors import ActionRefused
from coalition.core.extensions import limiter
from coalition.core.tokens import PURPOSE_INVITATION, PURPOSE_PASSWORD_RESET
from coalition.members.people.models import Person, normalize_email
from coalition.members.people.services import affiliations_of
from coalition.web import authz
from coalition.web.errorpages import limit_message
from coalition.web.form_cycle import submit
from coalition.web.i18n import _l, link_recipient_reader
from coalition.web.urls import safe_next

bp = Blueprint("access", __name__)


@bp.after_request
def protect_token_pages(response):
    """Token pages send no referrer and are never stored by caches."""
    if request.endpoint in ("auth.access.accept_invitation", "auth.access.reset_password"):
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/accounts/invite", methods=["GET", "POST"])
@authz.require(account_rules.can_manage_accounts)
def invite():
    """Coordinators: invite someone by email to create their account."""
    form = InviteForm()
    outcome = submit(
        form,
        lambda: access.invite_person(
            current_user._get_current_object(),
            name=form.name.data,
            email=form.email.data,
            language=form.language.data,
        ),
    )
    if outcome.done:
        person = outcome.result
        if person.name != form.name.data:
            flash(
                _(
                    "%(name)s was already on the list; the invitation uses that name.",
                    name=person.name,
                ),
                "info",
            )
        flash(_("Invitation sent to %(email)s.", email=person.email), "success")
        return redirect(url_for("auth.accounts"))
    return render_template("auth/invite.html", form=form)


@bp.route("/accounts/<int:person_id>/invitation", methods=["POST"])
@authz.require(authz.is_member)
def resend_invitation(person_id):
    """Coordinators: send a new invitation link; the older one stops working."""
    person = authz.load_and_check(Person, person_id, account_rules.can_invite)
    submit(
        None,
        lambda: access.send_invitation(current_user._get_current_object(), person),
        success=_("A new invitation is on its way to %(email)s.", email=person.email),
    )
    return redirect(safe_next(request.form.get("next"), "auth.accounts"))


@bp.route("/invitation/<secret:token>", methods=["GET", "POST"])
def accept_invitation(token):
    """The invitation link: set a password and land logged in."""
    return _password_link_page(
        token,
        PURPOSE_INVITATION,
        access.accept_invitation,
        expired=_l("This invitation link has expired or was already used."),
        done=_l("Welcome! Your account is ready."),
        template="auth/accept_invitation.html",
    )


@bp.route("/reset-password/<secret:token>", methods=["GET", "POST"])
def reset_password(token):
    """The reset link: choose a new password; every other session ends."""
    return _password_link_page(
        token,
        PURPOSE_PASSWORD_RESET,
        access.reset_password,
        expired=_l("This reset link has expired or was already used."),
        done=_l("Your password is changed. Other devices have been logged out."),
        template="auth/reset_password.html",
    )


def _password_link_page(token, purpose, use_link, *, expired, done, template):
    """Show the password form behind an emailed link; on success log in and go home."""
    person = access.link_holder(purpose, token)
    if person is None:
        return _dead_link(expired)
    form = NewPasswordForm()
    form.user_inputs = [person.name, person.email]
    outcome = submit(form, lambda: _use_link(use_link, token, form, expired), flash_refused=False)
    if outcome.refused:  # another tab used the link a moment ago
        return _dead_link(expired)
    if outcome.done:
        flash(str(done), "success")  # rendered now, in the person's own language
        return redirect(_landing_page(outcome.result))
    return render_template(template, form=form, person=person)


def _use_link(use_link, token, form, expired):
    """Set the password through the link and log in; refused if the link was used meanwhile."""
    person = use_link(token, form.new_password.data)
    if person is None:
        raise ActionRefused(expired)
    start_session(person)
    return person


def _dead_link(message):
    """Written for the one the link was sent to, used or not (_recipient_reader)."""
    return render_template("auth/dead_link.html", message=message), 404


def _recipient_reader(purpose):
    """Whom a `purpose` link was sent to, so that its page, dead or refused, is in their
    language (the endpoint is named by the reader, as a refused method names none)."""

    def read_as_recipient(token):
        person = access.link_recipient(purpose, token)
        return (person, None) if person is not None else None

    return read_as_recipient


link_recipient_reader("auth.access.accept_invitation")(_recipient_reader(PURPOSE_INVITATION))
link_recipient_reader("auth.access.reset_password")(_recipient_reader(PURPOSE_PASSWORD_RESET))


def _forgot_key():
    return "forgot:" + (normalize_email(request.form.get("email")) or "")


limit_message(
    _l(
        "Reset links were asked for several times in a short while. Please wait before "
        "asking again, and look for the link already sent (check the spam folder too)."
    ),
    "forgot-address",
    "forgot-account",
)


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit("10 per hour", methods=["POST"], scope="forgot-address")
@limiter.limit("3 per hour", methods=["POST"], key_func=_forgot_key, scope="forgot-account")
def forgot_password():
    """Ask for a reset link; the answer is the same whether the email is known or not."""
    form = ForgotPasswordForm()
    if submit(form, lambda: access.request_password_reset(form.email.data)).done:
        return render_template("auth/forgot_sent.html", email=form.email.data)
    return render_template("auth/forgot_password.html", form=form)


def _landing_page(person):
    """Where a person lands after setting a password: a delegate sees their organization."""
    for affiliation in affiliations_of(person):
        if affiliation.speaks_for_organization:
            return url_for(
                "members.organizations.detail", organization_id=affiliation.organization_id
            )
    return url_for("dashboard.home")
