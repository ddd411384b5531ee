"""The timeline's Atom feed at a signed URL, and the page that gives a member theirs."""

from flask import Blueprint, abort, render_template
from flask_babel import force_locale
from flask_login import current_user

from coalition.timeline import access as timeline_access
from coalition.timeline import feeds, queries
from coalition.timeline.labels import KIND_LABELS
from coalition.web import authz
from coalition.web.form_cycle import submit
from coalition.web.i18n import email_language
from coalition.web.read_requests import writes_on_get
from coalition.web.urls import external_url

bp = Blueprint("feeds", __name__)
FEED_SIZE = 50


@bp.route("/subscribe")
@writes_on_get  # the feed secret is created on the first visit, as on the calendar page
@authz.require(timeline_access.can_view_timeline)
def subscribe():
    """The member's own feed address, for a feed reader."""
    url = submit(None, lambda: feeds.feed_url(current_user._get_current_object())).result
    return render_template("timeline/subscribe.html", feed_url=url)


@bp.route("/feed/<int:person_id>/<secret:signature>.atom")
def feed(person_id, signature):
    """The latest entries its owner may see; a wrong signature is simply not found."""
    reader = feeds.feed_reader(person_id, signature)
    if reader is None:
        abort(404)
    entries = queries.Reading(reader).entries(queries.Filters(), limit=FEED_SIZE)
    with force_locale(email_language(reader)):  # the feed is read in its owner's language
        body = render_template(
            "timeline/feed.xml",
            shown=queries.described(entries),
            kind_labels=KIND_LABELS,
            updated=max((e.created_at for e in entries), default=None),
            self_url=feeds.feed_url(reader),
            absolute=external_url,
        )
    headers = {
        "Content-Type": "application/atom+xml; charset=utf-8",
        "Cache-Control": "private, max-age=300",
        "Referrer-Policy": "no-referrer",
    }
    return body, 200, headers
