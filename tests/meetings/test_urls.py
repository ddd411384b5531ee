"""Every meetings URL stays where people's emails, calendars and bookmarks point, whichever
sub-package answers it."""

MEETING_URLS = {
    ("/account/calendar", "GET,POST"),
    ("/account/calendar/reset", "POST"),
    ("/feeds/<int:person_id>/<feed>/<secret:signature>.ics", "GET"),
    ("/meetings/", "GET"),
    ("/meetings/<int:meeting_id>", "GET"),
    ("/meetings/<int:meeting_id>.ics", "GET"),
    ("/meetings/<int:meeting_id>/answers", "GET"),
    ("/meetings/<int:meeting_id>/answers.csv", "GET"),
    ("/meetings/<int:meeting_id>/answers/<key>/remind", "POST"),
    ("/meetings/<int:meeting_id>/cancel", "POST"),
    ("/meetings/<int:meeting_id>/dates/<key>/actions", "POST"),
    ("/meetings/<int:meeting_id>/dates/<key>/attendance", "GET,POST"),
    ("/meetings/<int:meeting_id>/dates/<key>/decisions", "POST"),
    ("/meetings/<int:meeting_id>/dates/<key>/minutes", "GET,POST"),
    ("/meetings/<int:meeting_id>/dates/<key>/minutes/history", "GET"),
    ("/meetings/<int:meeting_id>/dates/<key>/minutes/publish", "POST"),
    ("/meetings/<int:meeting_id>/dates/<key>/record", "GET"),
    ("/meetings/<int:meeting_id>/edit", "GET,POST"),
    ("/meetings/<int:meeting_id>/invitations", "GET,POST"),
    ("/meetings/<int:meeting_id>/occurrences/<key>.ics", "GET"),
    ("/meetings/<int:meeting_id>/occurrences/<key>/cancel", "POST"),
    ("/meetings/<int:meeting_id>/occurrences/<key>/edit", "GET,POST"),
    ("/meetings/<int:meeting_id>/occurrences/<key>/move", "GET,POST"),
    ("/meetings/actions/<int:item_id>/done", "POST"),
    ("/meetings/actions/<int:item_id>/remove", "POST"),
    ("/meetings/decisions/<int:decision_id>/remove", "POST"),
    ("/meetings/new", "GET,POST"),
    ("/rsvp/<secret:token>", "GET"),
    ("/rsvp/<secret:token>", "POST"),
    ("/rsvp/<secret:token>/calendar.ics", "GET"),
    ("/rsvp/<secret:token>/continuation", "POST"),
    ("/rsvp/<secret:token>/dates/<key>", "POST"),
    ("/rsvp/invitations/<int:invitation_id>", "GET"),
    ("/rsvp/invitations/<int:invitation_id>", "POST"),
    ("/rsvp/invitations/<int:invitation_id>/dates/<key>", "POST"),
    ("/rsvp/lost", "GET,POST"),
}
PREFIXES = ("/meetings", "/rsvp", "/feeds", "/account/calendar")


def _methods(rule):
    return ",".join(sorted(rule.methods - {"HEAD", "OPTIONS"}))


def _meeting_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith(PREFIXES)]


def test_every_meetings_url_answers_where_it_did(app):
    assert {(rule.rule, _methods(rule)) for rule in _meeting_rules(app)} == MEETING_URLS


def test_meetings_one_blueprint_answers_them_all(app):
    assert {rule.endpoint.split(".")[0] for rule in _meeting_rules(app)} == {"meetings"}
