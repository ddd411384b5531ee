"""The two doors into an invitation's answer page: an emailed personal link (no account), or
the session of the invited person or a delegate. Each knows whom it answers for, where the
page and its calendar file are, and which change link goes in the confirmation email."""

from flask import abort, make_response, render_template, url_for
from flask_login import current_user

from coalition.meetings import queries
from coalition.meetings.rsvp import access as rsvp_access
from coalition.meetings.rsvp import answers as answering
from coalition.meetings.rsvp import links
from coalition.web import authz
from coalition.web.i18n import link_recipient_reader
from coalition.web.urls import external_url

# The pages reached through a personal link, whose errors speak its recipient's language.
LINK_ENDPOINTS = (
    "meetings.rsvp.page",
    "meetings.rsvp.calendar_file",
    "meetings.rsvp.answer_all",
    "meetings.rsvp.answer_one",
    "meetings.rsvp.continuation",
)


class ByLink:
    """Answering through an emailed personal link (its page is in its recipient's language
    and zone: read_as_recipient_of, before the view)."""

    def __init__(self, link, token):
        self.invitation = link.invitation
        self.token = token
        self.answered_by = link.person
        self.change = answering.ChangeLink(
            external_url("meetings.rsvp.page", token=token), link.person_id
        )
        self.page_url = url_for("meetings.rsvp.page", token=token)
        self.calendar_url = url_for("meetings.rsvp.calendar_file", token=token)

    def answer_one_url(self, key):
        return url_for("meetings.rsvp.answer_one", token=self.token, key=key)


class BySession:
    """Answering while logged in, as the invited person or a delegate."""

    token = None

    def __init__(self, invitation, person):
        self.invitation = invitation
        self.answered_by = person
        page = external_url("meetings.rsvp.signed_in_page", invitation_id=invitation.id)
        self.change = answering.ChangeLink(page, person.id, personal=False)
        self.page_url = url_for("meetings.rsvp.signed_in_page", invitation_id=invitation.id)
        self.calendar_url = url_for(
            "meetings.calendar.meeting_ics", meeting_id=invitation.meeting_id
        )

    def answer_one_url(self, key):
        return url_for(
            "meetings.rsvp.signed_in_answer_one", invitation_id=self.invitation.id, key=key
        )


def by_link(token):
    """The door of a usable link; otherwise a page that says how to get a new one."""
    link = links.open_link(token)
    if link is None:
        abort(make_response(render_template("meetings/rsvp/link_unusable.html"), 404))
    return ByLink(link, token)


@link_recipient_reader(*LINK_ENDPOINTS)
def read_as_recipient_of(token, **_other_view_args):
    """Whom a link was sent to, for its pages' language even when its door stays shut (the
    link no longer works, the form expired, past a rate limit): never a way in."""
    link = links.find_link(token)
    return (link.person, link.invitation.organization) if link is not None else None


def by_session(invitation_id):
    """The door of a logged-in invitee or delegate: load (404), then check (403)."""
    invitation = queries.invitation_with_meeting(invitation_id)
    if invitation is None:
        abort(404)
    authz.check(rsvp_access.can_answer_for(current_user, invitation))
    return BySession(invitation, current_user._get_current_object())
