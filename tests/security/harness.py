"""Shared machinery of the security, fuzzing and accessibility tests.

* ``classify(rule)``: public / staff / api / static, from the URL only, so that a new route is
  picked up the moment its blueprint is registered.
* ``build_dataset()``: a small dataset created through the models (staff of every role, two
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
import itertools
import logging
import traceback
from dataclasses import dataclass, field

from werkzeug.routing import IntegerConverter, Rule

ROLES = ("admin", "editor", "moderator", "board_member", "board_head")
PASSWORD = "Str0ng-Passw0rd!"

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
}
# Of those, the ones an anonymous visitor may open (no redirect to the login page expected).
STAFF_ANONYMOUS_OK = {"accounts.login", "accounts.login_totp"}


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


# ------------------------------------------------------------------------------------ dataset
@dataclass
class Dataset:
    users: dict = field(default_factory=dict)  # role -> user (board users belong to board A)
    other_board_users: dict = field(default_factory=dict)  # role -> user of board B
    ids: dict = field(default_factory=dict)
    missing: list = field(default_factory=list)
    objects: dict = field(default_factory=dict)


_seq = itertools.count(1)


def _tiny_pdf(text: str = "Thông báo kết quả") -> bytes:
    try:
        from public_docs.demo_data.minipdf import make_pdf

        return make_pdf("Tệp thử", [text])
    except Exception:  # noqa: BLE001 - fallback: a minimal valid PDF
        return (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>"
                b"endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def make_staff(role: str, name: str | None = None, email: str | None = None):
    from portal.accounts import services

    n = next(_seq)
    return services.create_user(email or f"{role.replace('_', '-')}{n}@test.phuong.vn", [role], PASSWORD,
                                name=name or f"Cán bộ {role} {n}")


def make_petition(title="Đường ngập nước ở tổ 3", description="Mỗi khi mưa lớn đường bị ngập sâu.",
                  status="approved", visibility="anonymous", contact=None, disclosure_id=None,
                  display_name=""):
    from moderation.models import Submission, SubmissionKind, SubmissionStatus, SubmitterContact, Visibility

    n = next(_seq)
    sub = Submission(receipt_code=f"KN-TEST-{n:04d}-XX", kind=SubmissionKind.petition,
                     status=SubmissionStatus(status), visibility=Visibility(visibility), title=title,
                     description=description, display_name=display_name, disclosure_id=disclosure_id)
    from portal.extensions import db

    db.session.add(sub)
    db.session.flush()
    if contact:
        db.session.add(SubmitterContact(submission_id=sub.id, consent_version="2026-01",
                                        consent_at=dt.datetime.now(dt.timezone.utc), **contact))
        db.session.flush()
    return sub


def make_disclosure(title="Kế hoạch phát triển kinh tế - xã hội năm 2027", *, published=True, is_project=False,
                    summary="Chỉ tiêu và giải pháp.", body_html="<p>Nội dung kế hoạch.</p>", category="plans",
                    attachment: bytes | None = None, comments_open=False):
    from portal.extensions import db
    from public_docs.models import Attachment, Disclosure, DisclosureStatus, DisclosureVersion, IndexChange

    n = next(_seq)
    today = dt.date.today()
    now = dt.datetime.now(dt.timezone.utc)
    d = Disclosure(number=f"{n}/KH-UBND", title=title, summary=summary, body_source=body_html, body_html=body_html,
                   category=category, form="Kế hoạch", issuer="UBND phường", issued_on=today - dt.timedelta(days=3),
                   posting_start=today - dt.timedelta(days=2), posting_end=today + dt.timedelta(days=60),
                   status=DisclosureStatus.published if published else DisclosureStatus.draft, is_project=is_project,
                   published_at=now if published else None, version_no=1 if published else 0,
                   secrecy_confirmed_at=now if published else None)
    if comments_open:
        d.comments_open_from = today - dt.timedelta(days=1)
        d.comments_open_until = today + dt.timedelta(days=20)
    db.session.add(d)
    db.session.flush()
    if published:
        db.session.add(DisclosureVersion(disclosure_id=d.id, version_no=1, title=title, summary=summary,
                                         body_html=body_html, snapshot={}, change_note="Công bố lần đầu"))
        db.session.add(IndexChange(doc_id=d.id, op="upsert"))
    if attachment is not None:
        from portal.files import store_bytes

        digest = store_bytes(attachment)
        db.session.add(Attachment(disclosure_id=d.id, filename="ke-hoach.pdf", content_type="application/pdf",
                                  size=len(attachment), sha256=digest, text="Thông báo kết quả"))
    db.session.flush()
    return d


def build_dataset() -> Dataset:
    """Create the dataset (inside an app context) and commit it."""
    from portal.extensions import db

    ds = Dataset()
    for role in ROLES:
        ds.users[role] = make_staff(role)
    db.session.flush()
    ids = ds.ids
    ids["user_id"] = ds.users["editor"].id

    try:
        from portal.ward import ResidentialGroup

        group = db.session.query(ResidentialGroup).first()
        if group is None:
            group = ResidentialGroup(code="TDP01", name="Tổ dân phố 1", position=1)
            db.session.add(group)
            db.session.flush()
        ids["group_id"] = group.id
    except Exception:  # noqa: BLE001
        ds.missing.append("portal.ward.ResidentialGroup")

    pub = make_disclosure(attachment=_tiny_pdf())
    project = make_disclosure("Dự án nâng cấp đường Lê Lợi", is_project=True, category="projects")
    consultation = make_disclosure("Dự thảo quy ước tổ dân phố", comments_open=True, category="conventions")
    draft = make_disclosure("Bản nháp chưa công bố", published=False)
    ds.objects.update(disclosure=pub, project=project, consultation=consultation, draft=draft)
    ids["disclosure_id"] = pub.id
    ids["draft_id"] = draft.id
    ids["consultation_id"] = consultation.id
    db.session.refresh(pub)
    if pub.attachments:
        ids["attachment_id"] = pub.attachments[0].id
        ids["sha256"] = pub.attachments[0].sha256

    sub = make_petition(contact={"name": "Trần Thị Dataset", "phone": "0905000999", "email": "ds@example.vn",
                                 "address": "1 Lê Lợi"})
    pending = make_petition(title="Kiến nghị chờ kiểm duyệt", status="received")
    ds.objects.update(petition=sub, pending=pending)
    ids["submission_id"] = sub.id
    ids["pending_id"] = pending.id
    ids["code"] = sub.receipt_code

    try:
        from moderation.models import Board, BoardKind, BoardMember, Case, CaseStatus

        board_a = Board(kind=BoardKind.inspection, name="Ban Thanh tra nhân dân (thử)")
        board_b = Board(kind=BoardKind.supervision, name="Ban giám sát đầu tư (thử)", project_id=project.id)
        db.session.add_all([board_a, board_b])
        db.session.flush()
        db.session.add(BoardMember(board_id=board_a.id, user_id=ds.users["board_head"].id, position="head"))
        db.session.add(BoardMember(board_id=board_a.id, user_id=ds.users["board_member"].id, position="member"))
        for role, position in (("board_head", "head"), ("board_member", "member")):
            u = make_staff(role)
            db.session.flush()
            ds.other_board_users[role] = u
            db.session.add(BoardMember(board_id=board_b.id, user_id=u.id, position=position))
        case_a = Case(submission_id=sub.id, board_id=board_a.id, status=CaseStatus.new)
        sub_b = make_petition(title="Kiến nghị về dự án Lê Lợi (Ban B)", disclosure_id=project.id)
        case_b = Case(submission_id=sub_b.id, board_id=board_b.id, status=CaseStatus.new)
        db.session.add_all([case_a, case_b])
        db.session.flush()
        ds.objects.update(board_a=board_a, board_b=board_b, case_a=case_a, case_b=case_b, petition_b=sub_b)
        ids["board_id"] = board_a.id
        ids["case_id"] = case_a.id
        ids["member_id"] = db.session.query(BoardMember).filter_by(board_id=board_a.id).first().id
    except ImportError:
        ds.missing.append("moderation.models.Board/Case")

    try:
        from moderation.models import Submission, SubmissionKind, SubmissionStatus, Visibility

        comment = Submission(receipt_code=f"YK-TEST-{next(_seq):04d}-XX", kind=SubmissionKind.comment,
                             status=SubmissionStatus.approved, visibility=Visibility.anonymous, title="",
                             description="Góp ý: nên bổ sung giờ giữ trật tự.", disclosure_id=consultation.id)
        db.session.add(comment)
        db.session.flush()
        ids["comment_id"] = comment.id
        ds.objects["comment"] = comment
    except Exception:  # noqa: BLE001
        ds.missing.append("consultation comment")
    db.session.commit()
    return ds


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
    except Exception:  # noqa: BLE001
        from portal.extensions import db

        try:
            db.session.rollback()
        except Exception:  # noqa: BLE001
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
        session["_user_id"] = str(user.id)
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
