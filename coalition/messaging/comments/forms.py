"""Forms for comments: a comment (on a passage, optionally) and a reply."""

from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length

from coalition.messaging.forms import no_nul
from coalition.web.form_fields import strip
from coalition.web.i18n import _l

MAX_COMMENT_LENGTH = 5000
MAX_QUOTE_LENGTH = 1000


class CommentForm(FlaskForm):
    quote = TextAreaField(
        _l("Passage (optional)"),
        filters=[no_nul, strip],
        validators=[Length(max=MAX_QUOTE_LENGTH)],
        description=_l("Copy the words you are commenting on, exactly as they are in the text."),
        render_kw={"rows": 2},
    )
    body = TextAreaField(
        _l("Comment"),
        filters=[no_nul, strip],
        validators=[
            DataRequired(message=_l("Write your comment.")),
            Length(max=MAX_COMMENT_LENGTH),
        ],
        render_kw={"rows": 3},
    )
    submit = SubmitField(_l("Add the comment"))


class ReplyForm(FlaskForm):
    body = StringField(
        _l("Reply"),
        filters=[no_nul, strip],
        validators=[
            DataRequired(message=_l("Write your reply.")),
            Length(max=MAX_COMMENT_LENGTH),
        ],
    )
    submit = SubmitField(_l("Reply"))
