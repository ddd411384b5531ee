"""`flask --app wsgi outbox deliver|digest`: the commands cron or a worker runs."""

import os
import socket
import time
import uuid

import click
from flask.cli import AppGroup
from sqlalchemy.exc import IntegrityError

from coalition.core.extensions import db
from coalition.outbox.delivery import deliver_due
from coalition.outbox.digest import DigestRace, send_digests

outbox_cli = AppGroup("outbox", help="Deliver queued email and send daily digests.")


def worker_name():
    """Identifies this worker in leases: host, process and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@outbox_cli.command("deliver")
@click.option("--loop", is_flag=True, help="Keep running, delivering as email becomes due.")
@click.option("--interval", default=10, show_default=True, help="Seconds between passes.")
def deliver_command(loop, interval):
    """Send every email that is due (one pass, or --loop for a long-running worker)."""
    worker = worker_name()
    while True:
        counts = deliver_due(worker)
        if counts["sent"] or counts["retrying"] or counts["failed"] or not loop:
            click.echo(
                f"sent {counts['sent']}, retrying {counts['retrying']}, failed {counts['failed']}"
            )
        if not loop:
            return
        db.session.remove()
        time.sleep(interval)


@outbox_cli.command("digest")
def digest_command():
    """Queue today's digests (safe to run twice: a person gets at most one a day)."""
    try:
        count = send_digests()
        db.session.commit()
    except (DigestRace, IntegrityError):
        db.session.rollback()
        click.echo("Another digest run is sending these; nothing more to do.")
        return
    click.echo(f"queued {count} digest(s)")
