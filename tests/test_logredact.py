"""Personal tokens never reach the access log."""

import logging

from coalition.logredact import RedactTokens


def test_token_paths_are_redacted_from_log_lines():
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        __file__,
        1,
        '127.0.0.1 - - "%s" %s %s',
        ("GET /invitation/abcDEF123_-xyz HTTP/1.1", "200", "-"),
        None,
    )
    RedactTokens().filter(record)
    assert record.getMessage() == '127.0.0.1 - - "GET /invitation/[token] HTTP/1.1" 200 -'


def test_the_filter_is_installed_on_the_access_loggers(app):
    assert any(isinstance(f, RedactTokens) for f in logging.getLogger("werkzeug").filters)
    assert any(isinstance(f, RedactTokens) for f in logging.getLogger("gunicorn.access").filters)
