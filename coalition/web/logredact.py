"""Keep the secrets in URLs out of every log.

A route declares which of its path segments are secrets with the `secret` converter
(`/reset-password/<secret:token>`, coalition.web.urls). The filter built here from the URL map
replaces each such segment with "[secret]" wherever a path appears in a log line: the
access logs of the development server and gunicorn, and the application's own error log.
"""

import logging
import re

LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error")
PLACEHOLDER = "[secret]"
_ARGUMENT = re.compile(r"<(?:([a-zA-Z_][\w]*)(?:\([^)]*\))?:)?([a-zA-Z_]\w*)>")
_SEGMENT = r'[^/?#\s"\']+'


def _secret_rule_pattern(rule):
    """A regex matching the rule's paths, with a named group for each secret argument."""
    parts, position, secrets = [], 0, 0
    for match in _ARGUMENT.finditer(rule.rule):
        parts.append(re.escape(rule.rule[position : match.start()]))
        if match.group(1) == "secret":
            parts.append(f"(?P<secret{secrets}>{_SEGMENT})")
            secrets += 1
        else:
            parts.append(_SEGMENT)
        position = match.end()
    parts.append(re.escape(rule.rule[position:]))
    if not secrets:
        return None
    return re.compile("".join(parts) + r"(?=[?#\s\"']|$)")


def secret_patterns(url_map):
    """One pattern per rule that carries a secret in its path."""
    patterns = (_secret_rule_pattern(rule) for rule in url_map.iter_rules())
    return [pattern for pattern in patterns if pattern is not None]


def redact(text, patterns):
    """The text with every secret path segment replaced by the placeholder."""
    for pattern in patterns:
        text = pattern.sub(_hide_secrets, text)
    return text


def _hide_secrets(match):
    text, offset = match.group(0), match.start()
    for name in reversed(list(match.groupdict())):  # from the end: earlier offsets hold
        start, end = match.span(name)
        text = text[: start - offset] + PLACEHOLDER + text[end - offset :]
    return text


class RedactSecrets(logging.Filter):
    """Replace the secret segments of paths in log messages with a placeholder."""

    def __init__(self, patterns):
        super().__init__()
        self.patterns = patterns

    def filter(self, record):
        message = record.getMessage()
        redacted = redact(message, self.patterns)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install_log_redaction(app):
    """Attach the filter, built from the app's routes, to the access and error loggers."""
    redaction = RedactSecrets(secret_patterns(app.url_map))
    for name in (*LOGGERS, app.logger.name):
        logger = logging.getLogger(name)
        for existing in [f for f in logger.filters if isinstance(f, RedactSecrets)]:
            logger.removeFilter(existing)
        logger.addFilter(redaction)
