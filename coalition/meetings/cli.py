"""`flask --app wsgi meetings send-reminders`: for cron, safe to run twice."""

import click
from flask.cli import AppGroup

from coalition.core.extensions import db
from coalition.meetings.rsvp.reminders import send_reminders

meetings_cli = AppGroup("meetings", help="Time-driven meeting tasks.")


@meetings_cli.command("send-reminders")
def send_reminders_command():
    """Queue reminders for dates starting soon (each one at most once)."""
    count = send_reminders()
    db.session.commit()
    click.echo(f"queued {count} reminder(s)")
