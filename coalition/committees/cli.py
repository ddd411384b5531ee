"""`flask --app wsgi proposals ...`: time-driven work on proposals, safe to run twice."""

import click
from flask.cli import AppGroup

proposals_cli = AppGroup("proposals", help="Close proposals and remind participants.")


@proposals_cli.command("close-due")
def close_due_command():
    """Remind of proposals closing within 24 hours; close those past their time, once each."""
    from coalition.committees.proposals.closing import close_due, send_reminders

    reminded = send_reminders()
    closed = close_due()
    click.echo(f"Proposals: {reminded} reminder(s) sent, {closed} closed.")
