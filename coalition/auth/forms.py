"""Forms for logging in and managing one's own account."""

from flask_wtf import FlaskForm
from wtforms import (
    EmailField,
    HiddenField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from coalition.auth.passwords import MAX_LENGTH, MIN_LENGTH, is_strong_enough
from coalition.core.timezones import timezone_names
from coalition.members.people.models import ROLE_COORDINATOR, ROLE_MEMBER
from coalition.web.form_fields import one_line
from coalition.web.i18n import _l
from coalition.web.language_switcher import language_choices


class StrongPassword:
    """At least MIN_LENGTH characters and hard to guess; our own message, translated."""

    def __call__(self, form, field):
        if len(field.data or "") > MAX_LENGTH:
            return  # Length() already says it is too long
        if len(field.data or "") < MIN_LENGTH:
            raise ValidationError(_l("Use at least %(count)d characters.", count=MIN_LENGTH))
        # The view sets user_inputs (name, email) so zxcvbn penalizes passwords built from them.
        if not is_strong_enough(field.data, getattr(form, "user_inputs", ())):
            raise ValidationError(
                _l(
                    "This password is too easy to guess. Try a few unrelated words, "
                    "and avoid names, dates and common phrases."
                )
            )


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _email_field(label=None, required_message=None):
    return EmailField(
        label or _l("Email"),
        filters=[_strip],
        validators=[
            DataRequired(message=required_message or _l("Enter your email address.")),
            # allow_smtputf8=False: not every mail server accepts non-ASCII addresses.
            Email(
                message=_l("Enter an email address like name@example.org."), allow_smtputf8=False
            ),
            Length(max=320),
        ],
        render_kw={"autocomplete": "email", "inputmode": "email", "spellcheck": "false"},
    )


class LoginForm(FlaskForm):
    email = _email_field()
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(message=_l("Enter your password.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    next = HiddenField()
    submit = SubmitField(_l("Log in"))


def timezone_choices():
    return [SelectChoice("", _l("The coalition's time zone"))] + [
        SelectChoice(name, name) for name in timezone_names()
    ]


class SettingsForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[one_line],
        validators=[DataRequired(message=_l("Enter your name.")), Length(max=200)],
        render_kw={"autocomplete": "name"},
    )
    email = _email_field()
    language = SelectField(_l("Interface language"), validate_choice=True)
    timezone = SelectField(_l("Time zone"), validate_choice=True)
    submit = SubmitField(_l("Save settings"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = language_choices()
        self.timezone.choices = timezone_choices()


class RoleForm(FlaskForm):
    role = SelectField(
        _l("Role"),
        choices=[
            SelectChoice(ROLE_MEMBER, _l("Member")),
            SelectChoice(ROLE_COORDINATOR, _l("Coordinator")),
        ],
        validate_choice=True,
    )
    submit = SubmitField(_l("Change role"))


class ConfirmForm(FlaskForm):
    """A form with nothing but its CSRF token and a button."""

    submit = SubmitField(_l("Confirm"))


class InviteForm(FlaskForm):
    name = StringField(
        _l("Name"),
        filters=[one_line],
        validators=[DataRequired(message=_l("Enter the person's name.")), Length(max=200)],
    )
    email = _email_field(required_message=_l("Enter the email address to invite."))
    language = SelectField(_l("Language for the email"), validate_choice=True)
    submit = SubmitField(_l("Send invitation"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = language_choices(include_default=False)


class ForgotPasswordForm(FlaskForm):
    email = _email_field()
    submit = SubmitField(_l("Send me a link"))


class NewPasswordForm(FlaskForm):
    """Set a password from an emailed link (invitation or reset)."""

    new_password = PasswordField(
        _l("New password"),
        validators=[
            DataRequired(message=_l("Enter a new password.")),
            Length(max=MAX_LENGTH),
            StrongPassword(),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("New password again"),
        validators=[
            DataRequired(message=_l("Enter the new password again.")),
            EqualTo("new_password", message=_l("The two passwords do not match.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    submit = SubmitField(_l("Set password and log in"))


class PasswordForm(NewPasswordForm):
    """Change one's password: the current one, then the new one twice."""

    current_password = PasswordField(
        _l("Current password"),
        validators=[
            DataRequired(message=_l("Enter your current password.")),
            Length(max=MAX_LENGTH),
        ],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField(_l("Change password"))
