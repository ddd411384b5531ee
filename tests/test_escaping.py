"""User data is never markup: translated strings, labels, flashes, templates and Markup calls."""

import ast
import re
from pathlib import Path

import pytest
from flask import flash, get_flashed_messages, render_template_string, session
from markupsafe import Markup, escape
from wtforms import Form, StringField

from coalition.web.i18n import _l, _ln

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted((ROOT / "coalition").rglob("*.py"))
TEMPLATES = sorted((ROOT / "templates").rglob("*.*"))
HOSTILE = '<meta http-equiv="refresh" content="0;url=https://evil.example"><b x=\'1\'>'
LAZY_FROM_BABEL = {"lazy_gettext", "lazy_ngettext", "lazy_pgettext", "LazyString"}
# The only places that may turn a value into Markup: each says why its input is safe.
MARKUP_OF_A_VALUE = {
    ("coalition/web/markdown.py", "render_markdown"),  # the output of nh3, the sanitizer
}


def _tree(path):
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _relative(path):
    return path.relative_to(ROOT).as_posix()


def test_lazy_strings_come_only_from_the_escaping_wrapper():
    offenders = []
    for path in CODE:
        if _relative(path) == "coalition/web/i18n.py":
            continue
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("flask_babel"):
                offenders += [
                    f"{_relative(path)}:{node.lineno} {alias.name}"
                    for alias in node.names
                    if alias.name in LAZY_FROM_BABEL
                ]
            if isinstance(node, ast.Attribute) and node.attr in LAZY_FROM_BABEL:
                offenders.append(f"{_relative(path)}:{node.lineno} .{node.attr}")
    assert offenders == [], "Use coalition.web.i18n._l/_ln: Flask-Babel's lazy strings are markup"


def _functions_with_parents(tree):
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                yield function.name, node


def test_markup_is_built_only_from_literal_templates():
    offenders = []
    for path in CODE:
        for function, node in _functions_with_parents(_tree(path)):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Markup"):
                continue
            literal = all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in node.args
            )
            if not literal and (_relative(path), function) not in MARKUP_OF_A_VALUE:
                offenders.append(f"{_relative(path)}:{node.lineno} in {function}")
    assert offenders == [], "Markup(...) of a value: format a literal Markup template instead"


@pytest.mark.parametrize(
    "pattern",
    [r"\|\s*safe\b", r"\bMarkup\b", r"autoescape\s+false", r"\|\s*(?:html|unescape)\b"],
)
def test_no_template_switches_escaping_off(pattern):
    offenders = [
        _relative(path)
        for path in TEMPLATES
        if path.suffix in {".html", ".txt", ".ics", ".xml"}
        and re.search(pattern, path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def _assert_inert(html):
    assert "<meta" not in html and "<b " not in html, html
    assert "&lt;meta http-equiv=" in html


def test_a_translated_string_carrying_user_data_renders_escaped(app):
    with app.test_request_context():
        label = _l("Stage of %(name)s", name=HOSTILE)
        counted = _ln(
            "%(num)d person from %(name)s", "%(num)d people from %(name)s", 2, name=HOSTILE
        )
        _assert_inert(render_template_string("<p>{{ label }}</p>", label=label))
        _assert_inert(render_template_string("<p>{{ counted }}</p>", counted=counted))
        _assert_inert(str(Markup("<p>{}</p>").format(label)))
        _assert_inert(str(escape(label)))
        assert str(label) == f"Stage of {HOSTILE}", "plain text stays plain (emails, CSV)"


def test_a_form_label_carrying_user_data_renders_escaped(app):
    class StageForm(Form):
        status = StringField()

    with app.test_request_context():
        form = StageForm()
        form.status.label.text = _l("Stage of %(name)s", name=HOSTILE)
        _assert_inert(str(form.status.label()))


def test_a_flashed_message_carrying_user_data_survives_the_session_escaped(app):
    with app.test_request_context():
        flash(_l("%(name)s already has an account.", name=HOSTILE))
        session_copy = app.session_interface.get_signing_serializer(app).dumps(dict(session))
    loaded = app.session_interface.get_signing_serializer(app).loads(session_copy)
    with app.test_request_context():
        session.update(loaded)
        (message,) = get_flashed_messages()
        _assert_inert(render_template_string("{{ message }}", message=message))
