"""Timeline entries written through the form, each field hostile: an entry with every text,
a link and a credit; a stale edit (shown side by side); an entry hidden with a hostile reason."""

import re
from datetime import date

from tests.hostile.browsing import id_from
from tests.hostile.markup import hostile, hostile_markdown, hostile_url, script_url


def _entry(key, **extra):
    if "source_url" not in extra:  # not setdefault: that would mark a payload never sent
        extra["source_url"] = hostile_url(f"{key}_source_url")
    return {
        "kind": "loss",
        "occurred_on": date.today().isoformat(),
        "title": hostile(f"{key}_title", 300),
        "happened": hostile_markdown(f"{key}_happened"),
        "lessons": hostile_markdown(f"{key}_lessons"),
        "next_steps": hostile(f"{key}_next_steps", 5000),
        **extra,
    }


def entries(world):
    member, coordinator = world.visitors["member"], world.visitors["coordinator"]
    member.refused(
        "/timeline/new", _entry("refused_entry", source_url=script_url("entry")), "source_url"
    )
    links = {"links": [f"goal:{world['wide_goal']}"]}
    response = member.post("/timeline/new", _entry("entry", **links))
    world["timeline_entry"] = entry = id_from(response)
    coordinator.post(f"/timeline/{entry}/edit", _entry("edited_entry", version="1", **links))
    coordinator.conflict(f"/timeline/{entry}/edit", _entry("stale_entry", version="1", **links))
    hidden = id_from(member.post("/timeline/new", _entry("hidden_entry")))
    world["hidden_timeline_entry"] = hidden
    coordinator.post(f"/timeline/{hidden}/hide", {"reason": hostile("hide_reason", 500)})
    page = member.get("/timeline/subscribe").get_data(as_text=True)
    person_id, signature = re.findall(r"/timeline/feed/(\d+)/([0-9a-f]+)\.atom", page)[0]
    world["timeline_feed"] = {"person_id": int(person_id), "signature": signature}


def follow_up(world):
    """An organization being recruited whose follow-up is due: cron reminds its owner."""
    world.visitors["coordinator"].post(
        "/members/organizations/new",
        {
            "name": hostile("follow_up_organization_name"),
            "status": "identified",
            "owner_id": str(world["coordinator"]),
            "follow_up_on": date.today().isoformat(),
        },
    )
