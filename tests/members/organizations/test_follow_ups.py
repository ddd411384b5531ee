"""The owner of an organization's relationship is reminded when its follow-up is due: one
email a day at most, through the scheduled command, following their email preferences."""

from datetime import date, timedelta

from coalition.core.extensions import db
from coalition.outbox.models import OutboxEmail


def _emails(app):
    with app.app_context():
        query = db.select(OutboxEmail).filter_by(kind="follow_up").order_by(OutboxEmail.id)
        return [(e.to_address, e.subject, e.text_body) for e in db.session.scalars(query)]


def test_the_owner_is_reminded_once_a_day_of_every_follow_up_due(
    app, runner, create_person, create_organization
):
    owner, other = create_person(email="owner@example.org"), create_person()
    today = date.today()
    create_organization("Haven House", owner=owner, follow_up_on=today - timedelta(days=3))
    create_organization("Grace Church", owner=owner, follow_up_on=today)
    create_organization("Later Org", owner=owner, follow_up_on=today + timedelta(days=2))
    create_organization("Active Org", owner=owner, follow_up_on=today, status="active")
    create_organization("Nobody's", follow_up_on=today)
    create_organization("Other's", owner=other, follow_up_on=today + timedelta(days=9))
    result = runner.invoke(args=["members", "send-follow-ups"])
    assert "queued 1 follow-up reminder(s)" in result.output
    ((to, subject, body),) = _emails(app)
    assert to == "owner@example.org"
    assert subject == "Follow-ups due: Haven House, Grace Church"
    assert "The next follow-ups with Haven House, Grace Church are due." in body
    assert "/members/pipeline" in body
    again = runner.invoke(args=["members", "send-follow-ups"])
    assert "queued 0 follow-up reminder(s)" in again.output
    assert len(_emails(app)) == 1


def test_the_scheduled_run_sends_the_reminders(app, runner, create_person, create_organization):
    owner = create_person(language="es")
    create_organization("Casa Esperanza", owner=owner, follow_up_on=date.today())
    runner.invoke(args=["run-scheduled"])
    ((_to, subject, _body),) = _emails(app)
    assert "Casa Esperanza" in subject
