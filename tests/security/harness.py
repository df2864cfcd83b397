"""Shared machinery of the security, fuzzing and accessibility tests.

* ``classify(rule)``: public / staff / api / static, from the URL only, so that a new route is
  picked up the moment its blueprint is registered.
* ``build_dataset()`` (in :mod:`security.dataset`, re-exported here): a small dataset created
  through the models (staff of every role, two
  Boards with a case each, a published disclosure with an attachment, a draft, petitions, a
  comment), and ``ids`` to fill the URL parameters of every rule.
* ``url_for_rule(rule, ids)``: a concrete URL for a rule, guessing each parameter from its name.
* ``fetch(client, method, url)``: a request that turns an exception into a recorded 500.

Everything here tolerates parts of the app that do not exist yet (features are being built):
optional models are imported inside ``try`` blocks and missing pieces are listed in
``Dataset.missing`` so that the tests can report them.
"""
from __future__ import annotations

import datetime as dt
import logging
import traceback
from dataclasses import dataclass

from werkzeug.routing import IntegerConverter, Rule

from .dataset import (  # noqa: F401  (re-exported: tests import them from security.harness)
    PASSWORD,
    ROLES,
    Dataset,
    build_dataset,
    make_disclosure,
    make_petition,
    make_staff,
)

# Staff routes (under /can-bo) that are deliberately NOT guarded by ``role_required``. Every
# entry says why. A staff route that has no ``required_roles`` and is not listed here fails the
# access-matrix test: a new staff page must either get ``role_required(...)`` or be added here
# with a reason.
STAFF_ALLOWLIST: dict[str, str] = {
    "accounts.login": "the login page itself: open to anonymous visitors by design",
    "accounts.login_totp": "second login step: anonymous, with a pending sign-in in the session",
    "accounts.logout": "own session: any signed-in staff member (login_required)",
    "accounts.dashboard": "own landing page: any signed-in staff member (login_required)",
    "accounts.account": "own account, password change: any signed-in staff member",
    "accounts.totp_setup": "own second factor: any signed-in staff member",
    "accounts.totp_start": "own second factor, new secret (POST): any signed-in staff member",
    "accounts.set_password": "set-password link from a mail: anonymous, the single-use token is the key",
}
# Of those, the ones an anonymous visitor may open (no redirect to the login page expected).
STAFF_ANONYMOUS_OK = {"accounts.login", "accounts.login_totp", "accounts.set_password"}


def classify(rule: Rule) -> str:
    if rule.endpoint == "static" or rule.endpoint.endswith(".static") or rule.rule.startswith("/static/"):
        return "static"
    if rule.rule.startswith("/api/"):
        return "api"
    if rule.rule.startswith("/can-bo"):
        return "staff"
    return "public"


def rules(app, kind: str | None = None) -> list[Rule]:
    found = [r for r in app.url_map.iter_rules() if kind is None or classify(r) == kind]
    return sorted(found, key=lambda r: (r.rule, r.endpoint))


def methods_to_try(rule: Rule) -> list[str]:
    """GET when the rule has it; POST for POST-only rules (PUT/PATCH/DELETE likewise)."""
    methods = set(rule.methods or ()) - {"HEAD", "OPTIONS"}
    if "GET" in methods:
        return ["GET"]
    return sorted(methods)


def required_roles(app, rule: Rule):
    view = app.view_functions.get(rule.endpoint)
    return getattr(view, "required_roles", None)


# ---------------------------------------------------------------------------------------- URLs
def _value_for(name: str, converter: str, ids: dict):
    low = name.lower()
    if name in ids:
        return ids[name]
    today = dt.date.today()
    guesses = [
        ("case", "case_id"), ("attachment", "attachment_id"), ("file", "attachment_id"),
        ("disclosure", "disclosure_id"), ("doc", "disclosure_id"), ("project", "disclosure_id"),
        ("comment", "comment_id"), ("submission", "submission_id"), ("petition", "submission_id"),
        ("board", "board_id"), ("member", "member_id"), ("user", "user_id"), ("group", "group_id"),
        ("code", "code"), ("sha", "sha256"), ("digest", "sha256"),
    ]
    for needle, key in guesses:
        if needle in low and key in ids:
            return ids[key]
    if "year" in low:
        return today.year
    if "month" in low:
        return today.month
    if "version" in low:
        return 1
    if "lang" in low:
        return "vi"
    if "fmt" in low or "format" in low or "ext" in low:
        return "csv"
    if converter in ("IntegerConverter", "NumberConverter", "FloatConverter"):
        return 1
    if converter == "PathConverter":
        return "css/site.css"
    if converter == "AnyConverter":
        return None  # filled by url_for_rule from the converter's items
    return "x"


def url_for_rule(rule: Rule, ids: dict) -> str:
    values = {}
    for arg in rule.arguments:
        conv = rule._converters.get(arg)
        cname = type(conv).__name__ if conv is not None else ""
        if isinstance(conv, IntegerConverter):
            cname = "IntegerConverter"
        value = _value_for(arg, cname, ids)
        if cname == "AnyConverter" and value is None:
            value = next(iter(conv.items)) if hasattr(conv, "items") else "x"
        values[arg] = value
    if rule.defaults:
        values = {**rule.defaults, **values}
    _, path = rule.build(values, append_unknown=False)
    return path


# ------------------------------------------------------------------------------------ requests
@dataclass
class Outcome:
    status: int
    location: str = ""
    error: str = ""
    response: object = None


def fetch(client, method: str, url: str, **kwargs) -> Outcome:
    """A request; an exception raised by the app (propagated in TESTING) counts as a 500."""
    from flask import got_request_exception

    captured: list = []

    def _record(sender, exception, **extra):
        captured.append(exception)

    class _Grab(logging.Handler):
        def emit(self, record):
            if record.exc_info and record.exc_info[1] is not None:
                captured.append(record.exc_info[1])

    grab = _Grab(level=logging.ERROR)
    logger = client.application.logger
    logger.addHandler(grab)
    got_request_exception.connect(_record)
    try:
        resp = client.open(url, method=method, **kwargs)
    except Exception:  # noqa: BLE001 - any exception out of a request is reported as a 500 Outcome
        from portal.extensions import db

        try:
            db.session.rollback()
        except Exception:  # noqa: BLE001 - best effort: the session may already be unusable
            pass
        lines = traceback.format_exc(limit=-2).strip().splitlines()
        return Outcome(500, error=" | ".join(line.strip() for line in lines[-4:]))
    finally:
        got_request_exception.disconnect(_record)
        logger.removeHandler(grab)
    error = f"{type(captured[-1]).__name__}: {captured[-1]}"[:300] if captured else ""
    return Outcome(resp.status_code, resp.headers.get("Location", ""), error=error, response=resp)


def sign_in_client(client, user) -> None:
    with client.session_transaction() as session:
        session.clear()
        session["_user_id"] = user.get_id()  # id and session version
        session["_fresh"] = True


def sign_out_client(client) -> None:
    with client.session_transaction() as session:
        session.clear()


# ------------------------------------------------------------------------------------- crawler
@dataclass
class Fetched:
    url: str
    status: int
    content_type: str
    body: str
    error: str = ""


_SKIP_PREFIXES = ("/static/", "/ngon-ngu/", "/can-bo/dang-xuat")


def _links(html: str) -> list[str]:
    from security.htmlcheck import parse

    page = parse(html)
    out = []
    for el in page.elements:
        if el.tag in ("a", "link") and el.attrs.get("href"):
            out.append(el.attrs["href"])
    return out


def crawl(client, seeds, *, max_pages: int = 300, per_path_variants: int = 4, follow=lambda url: True,
          before=None) -> dict[str, Fetched]:
    """Breadth-first GET crawl of same-site links from ``seeds``. ``before()`` runs before each
    request (e.g. to sign in again). Query-string variants are capped per path."""
    from urllib.parse import urldefrag, urlsplit

    seen: dict[str, Fetched] = {}
    variants: dict[str, int] = {}
    queue = list(dict.fromkeys(seeds))
    while queue and len(seen) < max_pages:
        url = urldefrag(queue.pop(0))[0]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not url.startswith("/") or url in seen:
            continue
        if url.startswith(_SKIP_PREFIXES) or not follow(url):
            continue
        if parts.query:
            variants[parts.path] = variants.get(parts.path, 0) + 1
            if variants[parts.path] > per_path_variants:
                continue
        if before:
            before()
        out = fetch(client, "GET", url)
        if out.response is None:
            seen[url] = Fetched(url, out.status, "", "", out.error)
            continue
        ctype = out.response.content_type or ""
        data = out.response.get_data()
        try:
            body = data.decode("utf-8")
        except UnicodeDecodeError:
            body = data.decode("latin-1")
        seen[url] = Fetched(url, out.status, ctype, body, out.error)
        if out.status in (301, 302, 303, 307, 308) and out.location:
            loc = urlsplit(out.location)
            if not loc.netloc or loc.netloc == "localhost":
                queue.append(loc.path + (f"?{loc.query}" if loc.query else ""))
        if "html" in ctype or "xml" in ctype:
            for href in _links(body):
                href = href.replace("http://localhost", "")
                if href.startswith("/") and not href.startswith("//"):
                    queue.append(href)
    return seen
