"""What every template can use: can and authz, the coalition's name, languages, date filters."""

from datetime import datetime

from flask import current_app, request
from flask_babel import format_date, format_datetime, format_time, get_locale, get_timezone

from coalition.web.authz import TemplateRules
from coalition.web.i18n import LANGUAGE_NAMES
from coalition.web.language_switcher import LanguageForm
from coalition.web.markdown import render_markdown


def register(app, rule_modules):
    """Add globals and filters to the Jinja environment; `can` and `authz` answer every rule
    of rule_modules (each feature's access module) and the mechanism's own predicates."""
    app.jinja_env.add_extension("jinja2.ext.do")
    rules = TemplateRules(*rule_modules)
    app.jinja_env.globals.update(can=rules.can, authz=rules, LANGUAGE_NAMES=LANGUAGE_NAMES)
    app.jinja_env.filters["datetime"] = datetime_filter
    app.jinja_env.filters["markdown"] = render_markdown
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(aware(value), fmt)
    app.jinja_env.filters["when"] = when
    app.jinja_env.filters["time"] = lambda value, fmt="short": format_time(aware(value), fmt)

    @app.context_processor
    def common_context():
        return {
            "coalition_name": current_app.config["COALITION_NAME"],
            "current_locale": str(get_locale()),
            "current_timezone": str(get_timezone()),
            # formdata=None: never read another form's posted "language" field.
            "language_form": lambda: LanguageForm(
                formdata=None, language=str(get_locale()), next=request.full_path.rstrip("?")
            ),
        }


# Babel's "short" and "medium" date-times differ ("10/30/26, 2:11 AM", "Dec 4, 2026,
# 1:11:03 AM"): both are written as `when`, so every page shows a moment the same way.
ONE_FORMAT = {None, "short", "medium"}


def aware(value):
    """A date, or a moment that knows its zone. A zone-less date-time is refused: Flask-Babel
    would read it as UTC and move it into the reader's zone (a meeting's 9:00 shown as 1:00)."""
    if isinstance(value, datetime) and value.tzinfo is None:
        raise ValueError("a date-time to show must carry its zone (store UTC, never naive)")
    return value


def datetime_filter(moment, fmt=None):
    """`|datetime`: the one format (`when`), or an explicit Babel pattern such as "full"."""
    return when(moment) if fmt in ONE_FORMAT else format_datetime(aware(moment), fmt)


def when(moment):
    """A moment to the minute in the viewer's zone ("Nov 3, 2026, 12:00 PM"): no seconds,
    date and time joined as the reader's language joins them."""
    joined = get_locale().datetime_formats["medium"]
    moment = aware(moment)
    return joined.format(format_time(moment, "short"), format_date(moment, "medium"))
