"""`flask --app wsgi members send-follow-ups`: for cron, safe to run twice a day."""

import click
from flask.cli import AppGroup

from coalition.core.extensions import db
from coalition.core.timezones import coalition_today
from coalition.members.organizations.follow_ups import send_follow_up_reminders

members_cli = AppGroup("members", help="Time-driven members tasks.")


@members_cli.command("send-follow-ups")
def send_follow_ups_command():
    """Remind each relationship owner of the follow-ups due today (at most once a day)."""
    count = send_follow_up_reminders(coalition_today())
    db.session.commit()
    click.echo(f"queued {count} follow-up reminder(s)")
