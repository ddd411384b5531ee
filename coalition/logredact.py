"""Keep the secrets of emailed links out of access logs."""

import logging
import re

# Path segments that are personal tokens: /invitation/<t>, /reset-password/<t>, ...
_TOKEN_PATH = re.compile(r"(/(?:invitation|reset-password|unsubscribe|rsvp|feeds?)/)[^/\s?\"]+")


class RedactTokens(logging.Filter):
    """Replace token path segments in log messages with a placeholder."""

    def filter(self, record):
        message = record.getMessage()
        redacted = _TOKEN_PATH.sub(r"\1[token]", message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        return True


def install_log_redaction():
    """Attach the filter to the development server's and gunicorn's access loggers."""
    for name in ("werkzeug", "gunicorn.access"):
        logger = logging.getLogger(name)
        if not any(isinstance(existing, RedactTokens) for existing in logger.filters):
            logger.addFilter(RedactTokens())
