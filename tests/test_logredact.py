"""Secrets in URLs never reach a log: routes declare them, the filter follows the routes."""

import logging

import pytest

from coalition.web.logredact import PLACEHOLDER, RedactSecrets, redact, secret_patterns

# Argument names that are credentials wherever they appear in a route.
CREDENTIAL_ARGUMENTS = {"token", "signature", "secret"}


def _access_line(request_line):
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '127.0.0.1 - - "%s" %s %s',
        (request_line, "200", "-"),
        None,
    )
    return record


def test_every_credential_in_a_route_is_declared_secret(app):
    undeclared = [
        f"{rule.rule} ({name})"
        for rule in app.url_map.iter_rules()
        for name in rule.arguments & CREDENTIAL_ARGUMENTS
        if f"<secret:{name}>" not in rule.rule
    ]
    assert undeclared == []


def _secret_urls(app):
    """Every route with a secret, built with a recognisable value for each argument."""
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if "<secret:" not in rule.rule:
                continue
            values = {name: f"SeCrEt{index}x" for index, name in enumerate(rule.arguments)}
            for name in rule.arguments:
                if name.endswith("_id"):
                    values[name] = 7
            urls.append((rule, app.url_map.bind("x").build(rule.endpoint, values)))
    return urls


def test_each_secret_route_is_redacted_in_an_access_line_with_its_query(app):
    patterns = secret_patterns(app.url_map)
    assert len(_secret_urls(app)) >= 6
    for rule, url in _secret_urls(app):
        record = _access_line(f"GET {url}?utm=1 HTTP/1.1")
        RedactSecrets(patterns).filter(record)
        line = record.getMessage()
        secret_names = [n for n in rule.arguments if f"<secret:{n}>" in rule.rule]
        for index, name in enumerate(rule.arguments):
            value = f"SeCrEt{index}x"
            assert (value in line) == (name not in secret_names and value in url), (rule, line)
        assert PLACEHOLDER in line and line.endswith('?utm=1 HTTP/1.1" 200 -')


@pytest.mark.parametrize(
    "text",
    [
        "Exception on /reset-password/abcDEF123_-xyz [POST]",
        'GET /feeds/12/mine/0a1b2c3d.ics HTTP/1.1" 304',
        "referer: https://coalition.example/invitation/abcDEF123_-xyz",
        "'/rsvp/abcDEF123_-xyz/dates/20261201T150000'",
    ],
)
def test_secrets_are_hidden_wherever_a_path_appears_in_a_line(app, text):
    redacted = redact(text, secret_patterns(app.url_map))
    assert "abcDEF123_-xyz" not in redacted and "0a1b2c3d" not in redacted
    assert PLACEHOLDER in redacted


def test_paths_without_secrets_are_left_as_they_are(app):
    text = 'GET /members/12?committee=3 HTTP/1.1" 200 -'
    assert redact(text, secret_patterns(app.url_map)) == text


def test_the_filter_is_on_the_access_and_error_loggers(app):
    for name in ("werkzeug", "gunicorn.access", "gunicorn.error", app.logger.name):
        assert any(isinstance(f, RedactSecrets) for f in logging.getLogger(name).filters), name
