"""Login, logout, account settings, the language switcher and account administration."""

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from coalition.auth import rules as account_rules
from coalition.auth import services
from coalition.auth.access import pending_invitations
from coalition.auth.access_views import bp as access_bp
from coalition.auth.forms import (
    ConfirmForm,
    LoginForm,
    PasswordForm,
    RoleForm,
    SettingsForm,
)
from coalition.auth.sessions import end_session, start_session
from coalition.core.extensions import db, limiter
from coalition.members.people.models import Person, normalize_email
from coalition.web import authz
from coalition.web.errorpages import limit_message
from coalition.web.form_cycle import submit
from coalition.web.i18n import SESSION_LANGUAGE_KEY, _l
from coalition.web.language_switcher import LanguageForm
from coalition.web.urls import safe_next

bp = Blueprint("auth", __name__)
# Emailed links (account invitations, password resets) answer under auth.access.*.
bp.register_blueprint(access_bp)


def _login_failed(response):
    return bool(g.get("login_failed"))


def _account_key():
    return "login-account:" + (normalize_email(request.form.get("email")) or "")


def _login_limit():
    return current_app.config["LOGIN_FAILURES_ALLOWED"]


limit_message(
    _l(
        "For your security, logging in is paused for a while. Please wait before trying "
        "again; if you forgot your password, you can ask for a new one."
    ),
    "login-address",
    "login-account",
)


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_login_failed, scope="login-address")
@limiter.limit(
    _login_limit,
    methods=["POST"],
    deduct_when=_login_failed,
    key_func=_account_key,
    scope="login-account",
)
def login():
    """Show the login form and log in; the same answer whether or not the account exists."""
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm(next=request.args.get("next", ""))
    outcome = submit(form, lambda: _log_in(form.email.data, form.password.data))
    if outcome.result is not None:
        return redirect(safe_next(form.next.data))
    if outcome.done:
        form.password.errors.append(_("The email or password is not correct."))
    g.login_failed = request.method == "POST"
    return render_template("auth/login.html", form=form)


def _log_in(email, password):
    """Start a session for the account matching email and password; None if none matches."""
    person = services.authenticate(email, password)
    if person is not None:
        start_session(person)
    return person


@bp.route("/logout", methods=["POST"])
def logout():
    """End this session."""
    person = current_user._get_current_object() if current_user.is_authenticated else None
    submit(None, lambda: end_session(person), success=_("You are logged out."))
    return redirect(url_for("auth.login"))


@bp.route("/logout-everywhere", methods=["POST"])
@login_required
def logout_everywhere():
    """End every session of this account, on every device."""
    person = current_user._get_current_object()
    submit(
        None,
        lambda: _end_every_session(person),
        success=_("You are logged out on every device."),
    )
    return redirect(url_for("auth.login"))


def _end_every_session(person):
    services.end_all_sessions(person)
    end_session(person)


@bp.route("/account", methods=["GET", "POST"])
@login_required
def account():
    """Show and save the person's own settings."""
    person = current_user._get_current_object()
    form = SettingsForm(obj=person)
    if request.method == "GET":
        form.language.data = person.language or ""
        form.timezone.data = person.timezone or ""
    outcome = submit(
        form,
        lambda: services.update_settings(
            person,
            name=form.name.data,
            email=form.email.data,
            language=form.language.data,
            timezone=form.timezone.data,
        ),
        success=_("Your settings are saved."),
    )
    if outcome.done:
        return redirect(url_for("auth.account"))
    return render_template("auth/account.html", form=form, confirm=ConfirmForm())


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's password; every other session ends."""
    person = current_user._get_current_object()
    form = PasswordForm()
    form.user_inputs = [person.name, person.email]
    outcome = submit(
        form,
        lambda: _change_password(person, form),
        success=_("Your password is changed. Other devices have been logged out."),
    )
    if outcome.done:
        return redirect(url_for("auth.account"))
    return render_template("auth/password.html", form=form)


def _change_password(person, form):
    services.change_password(person, form.current_password.data, form.new_password.data)
    start_session(person)  # this device keeps a session, under the new generation


@bp.route("/language", methods=["POST"])
def set_language():
    """Switch the interface language; saved on the account when logged in."""
    form = LanguageForm()
    if form.validate_on_submit():
        session[SESSION_LANGUAGE_KEY] = form.language.data
        if current_user.is_authenticated:
            person = current_user._get_current_object()
            submit(None, lambda: services.choose_language(person, form.language.data))
    return redirect(safe_next(form.next.data))


@bp.route("/accounts")
@authz.require(account_rules.can_manage_accounts)
def accounts():
    """Coordinators: every account with its role and status."""
    people = db.session.scalars(
        db.select(Person)
        .where(Person.password_hash.is_not(None))
        .order_by(Person.name_search, Person.id)
    ).all()
    return render_template(
        "auth/accounts.html",
        people=people,
        role_form=RoleForm(),
        confirm=ConfirmForm(),
        invitations=pending_invitations(),
    )


def _managed_person(person_id):
    person = authz.get_or_404(Person, person_id)
    authz.check(account_rules.can_manage_accounts(current_user))
    return person


def _apply(action, person, success_message):
    actor = current_user._get_current_object()
    submit(None, lambda: action(actor, person), success=success_message)
    return redirect(url_for("auth.accounts"))


@bp.route("/accounts/<int:person_id>/role", methods=["POST"])
@login_required
def change_role(person_id):
    """Coordinators: make a person a member or a coordinator."""
    person = _managed_person(person_id)
    form = RoleForm()
    if not form.validate_on_submit():
        flash(_("Choose a role from the list."), "error")
        return redirect(url_for("auth.accounts"))
    role = form.role.data
    return _apply(
        lambda actor, target: services.change_role(actor, target, role),
        person,
        _("%(name)s's role is changed.", name=person.name),
    )


@bp.route("/accounts/<int:person_id>/deactivate", methods=["POST"])
@login_required
def deactivate(person_id):
    """Coordinators: stop a person from logging in."""
    person = _managed_person(person_id)
    return _apply(
        services.deactivate_account, person, _("%(name)s can no longer log in.", name=person.name)
    )


@bp.route("/accounts/<int:person_id>/reactivate", methods=["POST"])
@login_required
def reactivate(person_id):
    """Coordinators: let a deactivated person log in again."""
    person = _managed_person(person_id)
    return _apply(
        services.reactivate_account, person, _("%(name)s can log in again.", name=person.name)
    )
