"""Access matrix: every rule of the URL map, tried as an anonymous visitor and as each role.

Rules are read from ``app.url_map`` at run time, so a route added tomorrow is covered without
editing this file. Staff routes (``/can-bo``) must carry ``required_roles`` (set by
``portal.permissions.role_required``) or be listed, with a reason, in ``STAFF_ALLOWLIST``.
"""
from __future__ import annotations

import pytest
from werkzeug.routing import IntegerConverter

from security.foreign import Foreign, body_text, build_foreign, fingerprint, foreign_requests, may_act
from security.harness import (
    ROLES,
    STAFF_ALLOWLIST,
    STAFF_ANONYMOUS_OK,
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


@pytest.fixture
def config_overrides():
    # The matrix sends many requests from one address: rate limits are tested on their own.
    return {"RATELIMIT_ENABLED": False}


@pytest.fixture
def dataset(app):
    return build_dataset()


def _requests(app, ids):
    """(rule, method, url) for every non-static rule: GETs first, then POST-only rules."""
    gets, posts = [], []
    for rule in rules(app):
        if classify(rule) == "static":
            continue
        url = url_for_rule(rule, ids)
        for method in methods_to_try(rule):
            (gets if method == "GET" else posts).append((rule, method, url))
    # Logging out last: it would end the session of the requests after it.
    posts.sort(key=lambda t: t[0].endpoint == "accounts.logout")
    return gets + posts


def _is_login_redirect(outcome) -> bool:
    return outcome.status in (301, 302, 303) and "/can-bo/dang-nhap" in outcome.location


def test_every_staff_route_is_guarded_or_allowlisted(app):
    unguarded = []
    for rule in rules(app, "staff"):
        if required_roles(app, rule) is None and rule.endpoint not in STAFF_ALLOWLIST:
            unguarded.append(f"{rule.rule} ({rule.endpoint})")
    assert not unguarded, (
        "Staff routes without role_required(...) and not in STAFF_ALLOWLIST "
        "(tests/security/harness.py): " + ", ".join(unguarded)
    )
    # Nothing stale in the allowlist: each entry still names a route.
    endpoints = {r.endpoint for r in app.url_map.iter_rules()}
    assert set(STAFF_ALLOWLIST) <= endpoints, set(STAFF_ALLOWLIST) - endpoints


def test_no_staff_page_outside_can_bo(app):
    """A view guarded by a role must live under /can-bo (the URL tells the public from the staff)."""
    misplaced = [f"{r.rule} ({r.endpoint}) {required_roles(app, r)}" for r in rules(app)
                 if required_roles(app, r) and classify(r) != "staff"]
    assert not misplaced, misplaced


def test_anonymous(app, client, dataset):
    failures = []
    for rule, method, url in _requests(app, dataset.ids):
        sign_out_client(client)
        out = fetch(client, method, url)
        where = f"{method} {url} ({rule.endpoint})"
        if out.status >= 500:
            failures.append(f"{where}: {out.status} {out.error}")
            continue
        if classify(rule) == "staff" and rule.endpoint not in STAFF_ANONYMOUS_OK:
            if not _is_login_redirect(out):
                failures.append(f"{where}: anonymous got {out.status} {out.location!r}, expected the login page")
        elif classify(rule) == "api" and out.status in (301, 302, 303) and "/can-bo" in out.location:
            failures.append(f"{where}: the public API redirects to the staff login")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
def test_role(app, client, dataset, role):
    user = dataset.users[role]
    failures, seen_staff = [], 0
    for rule, method, url in _requests(app, dataset.ids):
        sign_in_client(client, user)
        out = fetch(client, method, url)
        where = f"{method} {url} ({rule.endpoint}) as {role}"
        if out.status >= 500:
            failures.append(f"{where}: {out.status} {out.error}")
            continue
        if classify(rule) != "staff":
            continue
        seen_staff += 1
        needed = required_roles(app, rule)
        if needed is None:
            continue  # allowlisted own-account pages: any signed-in staff member
        allowed = role == "admin" or role in needed
        if not allowed and out.status != 403:
            failures.append(f"{where}: got {out.status} {out.location!r}, expected 403 (needs {needed})")
        if allowed and (out.status in (401, 403) or _is_login_redirect(out)):
            if role == "admin" or rule.endpoint.split(".")[0] not in ("cases", "boards"):
                failures.append(f"{where}: an allowed role was refused ({out.status})")
    assert seen_staff, "no staff route was tried"
    assert not failures, "\n".join(failures)


# --------------------------------------------------------------------- Board scope: A vs B
def test_board_predicates_keep_boards_apart(app, dataset):
    """The permission predicates that the Board pages use: a member of board A cannot see or
    work on board B's case; admins see every case."""
    from moderation.cases import triage

    a, b = dataset.objects["case_a"], dataset.objects["case_b"]
    for role in ("board_head", "board_member"):
        mine = dataset.users[role]
        theirs = dataset.other_board_users[role]
        assert triage.can_view_case(mine, a) and not triage.can_view_case(mine, b)
        assert triage.can_view_case(theirs, b) and not triage.can_view_case(theirs, a)
        assert not triage.can_work_case(mine, b)
        assert not triage.can_view_contact(mine, b)
    assert triage.can_view_case(dataset.users["admin"], b)
    assert not triage.can_view_case(dataset.users["moderator"], a)
    assert not triage.can_view_case(dataset.users["editor"], a)


def _board_rules_with_case(app):
    return [r for r in rules(app, "staff") if "case_id" in r.arguments]


def test_board_member_sees_only_own_board_cases(app, client, dataset):
    case_rules = _board_rules_with_case(app)
    assert "cases.cases" in app.view_functions and case_rules, "Board case pages are missing"
    a, b = dataset.objects["case_a"], dataset.objects["case_b"]
    title_a, title_b = dataset.objects["petition"].title, dataset.objects["petition_b"].title
    from flask import url_for

    with app.test_request_context():
        list_url = url_for("cases.cases")
    failures = []
    for role in ("board_head", "board_member"):
        sign_in_client(client, dataset.users[role])
        page = fetch(client, "GET", list_url)
        assert page.status == 200, (role, page.status, page.error)
        html = page.response.get_data(as_text=True)
        assert title_a in html, f"{role}: own board's case missing from the list"
        if title_b in html:
            failures.append(f"{role}: board B's case listed on {list_url}")
        for rule in case_rules:
            for method in methods_to_try(rule):
                sign_in_client(client, dataset.users[role])
                url = url_for_rule(rule, {**dataset.ids, "case_id": b.id})
                out = fetch(client, method, url)
                if out.status not in (403, 404):
                    failures.append(f"{role}: {method} {url} (board B's case) → {out.status}, expected 403/404")
                # Nothing of board B's case leaks into the refusal page.
                if out.response is not None and title_b in out.response.get_data(as_text=True):
                    failures.append(f"{role}: board B's title shown at {url}")
        sign_in_client(client, dataset.users[role])
        detail = [r for r in case_rules if r.endpoint == "cases.case_detail"]
        if detail:
            out = fetch(client, "GET", url_for_rule(detail[0], {**dataset.ids, "case_id": a.id}))
            assert out.status == 200, (role, out.status, out.error)
    assert not failures, "\n".join(failures)


# ------------------------------------------------------------------- ids beyond the integer range
HUGE_IDS = (2**31, 2**63, 10**27)


def test_huge_ids_never_500(app, client, dataset):
    """Every route with an <int:...> parameter, with ids beyond 32/64 bits: a 404 (or a refusal),
    never a 500 from the database driver (SQLite OverflowError, PostgreSQL NumericValueOutOfRange)."""
    failures = []
    for rule in rules(app):
        ints = [a for a in rule.arguments if isinstance(rule._converters.get(a), IntegerConverter)]
        if not ints:
            continue
        for huge in HUGE_IDS:
            for who in (None, dataset.users["admin"]):
                if who is None:
                    sign_out_client(client)
                else:
                    sign_in_client(client, who)
                url = url_for_rule(rule, {**dataset.ids, **{a: huge for a in ints}})
                for method in methods_to_try(rule):
                    out = fetch(client, method, url)
                    if out.status >= 500:
                        failures.append(f"{method} {url} ({rule.endpoint}): {out.status} {out.error[:80]}")
    assert not failures, "; ".join(sorted(set(failures))[:12])


# ------------------------------------------- objects of another Board and of the moderation queue
# Every staff route, as each staff role, with the ids of objects the role has no business with: a
# case of Board B (the Board users of the dataset sit on Board A) and petitions still in, or
# refused by, the moderation queue (built in security/foreign.py). Where the role may not act, a
# response must carry none of those objects' personal data (contact, text as sent, attachment,
# internal note, answer file) and the database must not change, whatever the status code; and no
# GET changes it, for anyone. POSTs carry a form that would succeed for someone entitled
# (``test_foreign_payload_acts_for_the_entitled`` proves it), so a refusal is the permission
# check's and not a form error's.
@pytest.fixture
def foreign(app, dataset) -> Foreign:
    return build_foreign(dataset)


@pytest.mark.parametrize("role", ROLES)
def test_foreign_objects_on_every_staff_route(app, client, dataset, foreign, role):
    user = dataset.users[role]
    all_markers = [m for marks in foreign.markers.values() for m in marks]
    failures, walked = [], 0
    for label, rule, method, url, needed in foreign_requests(app, dataset, foreign):
        sign_in_client(client, user)
        before = fingerprint()
        out = fetch(client, method, url, data=foreign.payload if method == "POST" else None)
        where = f"{method} {url} ({rule.endpoint}, {label}) as {role}"
        walked += 1
        if out.status >= 500:
            failures.append(f"{where}: {out.status} {out.error}")
            continue
        if method == "GET" and fingerprint() != before:
            failures.append(f"{where}: {out.status}: a GET changed the database")
            continue
        if may_act(role, rule, label):
            continue
        passes_guard = role in needed
        if label == "-" and passes_guard:
            # The role's own work (no object of another Board or of the queue in the URL): only
            # the foreign objects' data must stay out of the page.
            leaked = [m for m in all_markers if m in body_text(out.response)]
            if leaked:
                failures.append(f"{where}: {out.status} shows {leaked}")
            continue
        if not passes_guard and out.status != 403:
            failures.append(f"{where}: {out.status}, expected 403 (needs {needed})")
        markers = all_markers if label == "-" else foreign.markers[label]
        leaked = [m for m in markers if m in body_text(out.response)]
        if leaked:
            failures.append(f"{where}: {out.status} shows {leaked}")
        if fingerprint() != before:
            failures.append(f"{where}: {out.status} changed the database")
    assert walked > 50, walked
    assert not failures, "\n".join(failures)


def test_foreign_payload_acts_for_the_entitled(app, client, dataset, foreign):
    """The walk's form is not a dud: sent by those entitled, the same requests change the database
    (so the refusals above come from the permission checks, not from form validation)."""
    ids_b, pending = foreign.id_sets["Board B"], foreign.id_sets["pending"]
    tries = [
        (dataset.other_board_users["board_member"], f"/can-bo/ban/ho-so/{ids_b['case_id']}/note"),
        (dataset.other_board_users["board_member"], f"/can-bo/ban/ho-so/{ids_b['case_id']}/contact"),
        (dataset.other_board_users["board_head"], f"/can-bo/ban/ban/{ids_b['board_id']}/thanh-vien"),
        (dataset.other_board_users["board_head"], f"/can-bo/ban/thanh-vien/{ids_b['member_id']}"),
        (dataset.users["moderator"], f"/can-bo/kiem-duyet/{pending['submission_id']}/xem-lien-he"),
        (dataset.users["moderator"], f"/can-bo/kiem-duyet/{pending['submission_id']}/tu-choi"),
    ]
    for user, url in tries:
        sign_in_client(client, user)
        before = fingerprint()
        out = fetch(client, "POST", url, data=foreign.payload)
        assert out.status < 500 and fingerprint() != before, (url, out.status, out.error)
