"""Reading the decision forms: the values a view passes to a service, and what the page shows again
when a service refuses them (every value kept, the messages per field). The pages are plain HTML
forms (``templates/decisions/_fields.html``); CSRF is the global CSRFProtect."""
from __future__ import annotations

from werkzeug.datastructures import MultiDict

MATTER_FIELDS = ("kind", "title", "text", "method", "opens_on", "closes_on", "seats", "candidates",
                 "draft_disclosure_id", "level_text", "level_per_household")


def matter_data(form: MultiDict) -> dict:
    data = {k: form.get(k, "") for k in MATTER_FIELDS}
    data["whole_ward"] = form.get("whole_ward") == "1"
    data["group_ids"] = form.getlist("group_ids")
    data["document_ids"] = form.getlist("document_ids")
    return data


def matter_values(matter) -> dict:
    """A matter's values in the shape of ``matter_data`` (the edit form)."""
    return {
        "kind": matter.kind.value, "title": matter.title, "text": matter.text, "method": matter.method.value,
        "opens_on": matter.opens_on.isoformat() if matter.opens_on else "",
        "closes_on": matter.closes_on.isoformat() if matter.closes_on else "",
        "seats": str(matter.seats),
        "candidates": "\n".join(c.label for c in matter.choices) if matter.is_election else "",
        "draft_disclosure_id": str(matter.draft_disclosure_id or ""), "level_text": matter.level_text,
        "level_per_household": str(matter.level_per_household or ""), "whole_ward": matter.whole_ward,
        "group_ids": [str(mg.group_id) for mg in matter.groups], "document_ids": [str(d.id) for d in matter.documents],
    }


def meeting_data(form: MultiDict, matter) -> dict:
    data = {k: form.get(k, "") for k in ("group_id", "held_on", "place", "households_represented", "attendees")}
    for c in matter.choices:
        data[f"tally_{c.code}"] = form.get(f"tally_{c.code}", "")
    return data


def ballot_choice(form: MultiDict, matter):
    """The choice of a web or paper ballot form: one code, or the candidates ticked."""
    if matter.is_election:
        return form.getlist("choice")
    return form.get("choice", "")
