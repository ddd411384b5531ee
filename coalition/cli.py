"""Command-line tasks: create a coordinator, load the demo coalition."""

import click
from flask import current_app
from flask.cli import with_appcontext

from coalition.auth.passwords import is_strong_enough
from coalition.core.extensions import db


def register_commands(app):
    """Attach the commands to `flask --app wsgi ...`."""
    from coalition.committees.cli import proposals_cli
    from coalition.meetings.cli import meetings_cli
    from coalition.members.cli import members_cli
    from coalition.outbox.cli import outbox_cli

    app.cli.add_command(create_coordinator_command)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(meetings_cli)
    app.cli.add_command(members_cli)
    app.cli.add_command(proposals_cli)
    app.cli.add_command(run_scheduled_command)


@click.command("create-coordinator")
@click.option("--email", required=True, help="The coordinator's email, used to log in.")
@click.option("--name", required=True, help="The coordinator's full name.")
@click.option(
    "--password",
    prompt=True,
    hide_input=True,
    confirmation_prompt=True,
    help="Prompted when omitted.",
)
@with_appcontext
def create_coordinator_command(email, name, password):
    """Create a coordinator account, or make an existing person a coordinator."""
    from coalition.auth.services import create_coordinator

    if not is_strong_enough(password, [email, name]):
        raise click.UsageError(
            "That password is too weak: use at least 10 characters that are hard to guess."
        )
    person = create_coordinator(email, name, password)
    db.session.commit()
    click.echo(f"Coordinator ready: {person.name} <{person.email}>")


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Only when the database has no people yet.")
@with_appcontext
def seed_demo_command(if_empty):
    """Load the demo coalition (safe to run again; refused in production)."""
    from coalition.demo import DEMO_LOGINS, seed_demo
    from coalition.members.people.models import Person

    if current_app.config["ENV_NAME"] == "production":
        raise click.ClickException("seed-demo is refused in production.")
    if if_empty and db.session.scalar(db.select(Person.id).limit(1)) is not None:
        click.echo("The database already has people; the demo coalition was not loaded.")
        return
    created = seed_demo()
    db.session.commit()
    click.echo(f"Demo coalition ready ({created} new records).")
    click.echo("Demo logins (email / password):")
    for email, password, role in DEMO_LOGINS:
        click.echo(f"  {role:<12} {email} / {password}")


@click.command("run-scheduled")
@click.pass_context
def run_scheduled_command(ctx):
    """Run every time-driven task once (what cron runs each minute); each is safe to repeat."""
    from coalition.committees.cli import close_due_command
    from coalition.meetings.cli import send_reminders_command
    from coalition.members.cli import send_follow_ups_command
    from coalition.outbox.cli import deliver_command, digest_command

    # Proposals and reminders first, so the emails they queue go out in the same run.
    tasks = (close_due_command, send_reminders_command, send_follow_ups_command)
    for command in (*tasks, deliver_command, digest_command):
        try:
            ctx.invoke(command)
        except Exception as error:  # one failing task must not stop the others
            db.session.rollback()
            click.echo(f"{command.name}: {error}", err=True)
