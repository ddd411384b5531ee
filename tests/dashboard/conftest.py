"""Shared pieces of the home page's tests."""

import pytest


@pytest.fixture
def rows(app):
    """rows(model, **filters) -> every row of the model matching the filters, detached."""
    from coalition.core.extensions import db

    def read(model, **filters):
        with app.app_context():
            found = db.session.scalars(db.select(model).filter_by(**filters)).all()
            for row in found:
                db.session.expunge(row)
            return found

    return read


@pytest.fixture
def invitation_of(app):
    """invitation_of(meeting, invitee) -> the id of the invitee's invitation to the meeting."""
    from coalition.core.extensions import db
    from coalition.meetings.models import MeetingInvitation
    from coalition.members.organizations.models import Organization

    def find(meeting, invitee):
        kind = "organization" if isinstance(invitee, Organization) else "person"
        with app.app_context():
            return db.session.scalar(
                db.select(MeetingInvitation.id).filter_by(
                    meeting_id=meeting.id, invitee_key=f"{kind}:{invitee.id}"
                )
            )

    return find
