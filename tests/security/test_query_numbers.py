"""Numbers in query strings: every GET page and API answer, given absurd values for the parameters
the views read as numbers or dates (a 40-digit page or year, a negative id, a 0th quarter), answers
with a page or a 4xx, never a 500. A 40-digit integer overflows ``datetime.date`` and SQLite's
64-bit integers with ``OverflowError``, which ``type=int`` lets through.

The routes come from the URL map; staff routes are fetched as a user holding a role they admit.
"""
from __future__ import annotations

from urllib.parse import urlencode

import pytest

from security.harness import (
    build_dataset,
    classify,
    fetch,
    methods_to_try,
    required_roles,
    rules,
    sign_in_client,
    sign_out_client,
    url_for_rule,
)

HUGE = "9" * 40
NAMES = ("page", "per_page", "year", "quarter", "part", "month", "topic", "group", "board", "member",
         "status", "kind", "tab", "category", "disclosure_id", "subject_id", "submission_id", "case_id",
         "user_id", "id", "position", "from", "to", "in", "sort", "q", "actor", "action", "subject_type", "code",
         "next")
VARIANTS = {
    "huge": {name: HUGE for name in NAMES},
    "negative": {name: "-1" for name in NAMES},
    "zero-and-dates": {**{name: "0" for name in NAMES}, "from": "99999-01-01", "to": "0001-13-40"},
}


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": False}


def _server_errors(app, client, method: str, query: str = "", data=None) -> tuple[int, list[str]]:
    """Send ``method`` to every route that takes it, as a user the route admits (or anonymous);
    return how many were tried and the ones that answered 5xx."""
    dataset = build_dataset()
    failures, tried = [], 0
    for rule in rules(app):
        if classify(rule) == "static" or method not in (rule.methods or ()) or rule.endpoint == "accounts.logout":
            continue
        if method == "GET" and "GET" not in methods_to_try(rule):
            continue
        roles = required_roles(app, rule)
        if roles:
            sign_in_client(client, dataset.users[sorted(roles)[0]])
        else:
            sign_out_client(client)
        url = url_for_rule(rule, dataset.ids) + (f"?{query}" if query else "")
        out = fetch(client, method, url, data=data)
        tried += 1
        if out.status >= 500:
            failures.append(f"{method} {url[:120]} ({rule.endpoint}): {out.status} {out.error}")
    return tried, failures


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_absurd_numbers_in_the_query_never_give_a_500(app, client, variant):
    tried, failures = _server_errors(app, client, "GET", query=urlencode(VARIANTS[variant]))
    assert tried > 40
    assert not failures, "\n".join(failures)


FORM_NAMES = NAMES + ("board_id", "assignee", "rating", "group_id", "project_id", "topic_id", "reason_id",
                      "received_on", "due_on", "deadline")


@pytest.mark.parametrize("variant", ["huge", "negative"])
def test_absurd_numbers_in_posted_forms_never_give_a_500(app, client, variant):
    value = HUGE if variant == "huge" else "-1"
    tried, failures = _server_errors(app, client, "POST", data={name: value for name in FORM_NAMES})
    assert tried > 20
    assert not failures, "\n".join(failures)
