"""Disclosure services: one function per state change. Each checks the current state, refuses an
illegal move with ``DisclosureError`` (Vietnamese message), changes the rows, writes the audit log
and an ``IndexChange`` row, and flushes. The caller commits."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable

from sqlalchemy import func, select

from portal import audit
from portal.database import utcnow
from portal.extensions import db
from portal.files import DOCX, JPEG, ODT, PDF, PNG, XLSX, FileRefused, clean_filename, inspect_upload, store_bytes
from portal.sanitize import clean_text, render_markdown
from portal.settings import get_setting
from portal.ward import ResidentialGroup
from public_docs.extract import extract_text, find_secrecy_stamp
from public_docs.models import (
    BUDGET_PERIODS,
    CATEGORIES,
    FORMS,
    Attachment,
    Disclosure,
    DisclosureStatus,
    DisclosureVersion,
    IndexChange,
)

ATTACHMENT_TYPES = {PDF, DOCX, XLSX, ODT, JPEG, PNG}
NUMBER_RE = re.compile(r"^[0-9A-Za-zÀ-ỹĐđ][0-9A-Za-zÀ-ỹĐđ/\-.&_ ]{0,63}$")
EDITABLE_FIELDS = (
    "number", "title", "summary", "body", "category", "budget_period", "form", "issuer", "issued_on",
    "effective_on", "posting_start", "posting_end", "is_project", "group_ids",
)


class DisclosureError(ValueError):
    """A refused change; ``field`` names the form field it concerns, when there is one."""

    def __init__(self, message: str, field: str | None = None, errors: dict[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.errors = errors or ({field: message} if field else {})


@dataclass
class UploadedFile:
    filename: str
    data: bytes


# --------------------------------------------------------------------------------------- queries
def get_public_disclosure(disclosure_id: int) -> Disclosure | None:
    d = db.session.get(Disclosure, disclosure_id)
    return d if d is not None and d.is_public else None


def public_query():
    return select(Disclosure).where(
        Disclosure.status.in_([DisclosureStatus.published, DisclosureStatus.withdrawn])
    )


def list_projects() -> list[Disclosure]:
    """Published projects (petitions may name them; a supervision board can attach to them)."""
    return list(
        db.session.scalars(
            select(Disclosure)
            .where(Disclosure.is_project.is_(True), Disclosure.status == DisclosureStatus.published)
            .order_by(Disclosure.issued_on.desc(), Disclosure.id.desc())
        )
    )


def today() -> dt.date:
    from portal.templating import VN_TZ

    return dt.datetime.now(VN_TZ).date()


def is_open_for_comments(disclosure: Disclosure, on_date: dt.date | None = None) -> bool:
    if disclosure is None or disclosure.status != DisclosureStatus.published:
        return False
    start, end = disclosure.comments_open_from, disclosure.comments_open_until
    if start is None or end is None:
        return False
    on_date = on_date or today()
    return start <= on_date <= end


def list_open_consultations(on_date: dt.date | None = None) -> list[Disclosure]:
    on_date = on_date or today()
    return list(
        db.session.scalars(
            select(Disclosure)
            .where(
                Disclosure.status == DisclosureStatus.published,
                Disclosure.comments_open_from <= on_date,
                Disclosure.comments_open_until >= on_date,
            )
            .order_by(Disclosure.comments_open_until)
        )
    )


def active_attachments(disclosure: Disclosure) -> list[Attachment]:
    return [a for a in disclosure.attachments if a.removed_at is None]


def find_by_number(number: str) -> Disclosure | None:
    """The disclosure with this number, ignoring case (SQLite's lower() knows only ASCII: Đ/đ)."""
    number = re.sub(r"\s+", "", clean_text(number))
    exact = db.session.scalar(select(Disclosure).where(Disclosure.number == number))
    if exact is not None:
        return exact
    wanted = number.casefold()
    candidates = db.session.scalars(select(Disclosure).where(func.length(Disclosure.number) == len(number)))
    return next((d for d in candidates if d.number.casefold() == wanted), None)


# ------------------------------------------------------------------------------------ validation
def _parse_date(value: Any, field: str, label: str, errors: dict) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", str(value))
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                pass
    errors[field] = f"{label} không hợp lệ (dùng dạng ngày/tháng/năm, ví dụ 15/03/2026)."
    return None


def posting_min_days() -> int:
    try:
        return max(0, int(get_setting("POSTING_MIN_DAYS", 30)))
    except (TypeError, ValueError):
        return 30


def _validate(data: dict, current: Disclosure | None) -> dict:
    """Clean ``data`` (a mapping of form/import values) into model values or raise DisclosureError."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {}

    number = clean_text(data.get("number"), 64)
    number = re.sub(r"\s+", "", number)
    if not number:
        errors["number"] = "Vui lòng nhập số, ký hiệu văn bản (ví dụ 79/KH-UBND)."
    elif not NUMBER_RE.match(number):
        errors["number"] = "Số, ký hiệu chỉ gồm chữ, số và các dấu / - . (ví dụ 79/KH-UBND)."
    else:
        other = find_by_number(number)
        if other is not None and (current is None or other.id != current.id):
            errors["number"] = f"Số, ký hiệu {number} đã được dùng cho một văn bản khác."
    out["number"] = number

    title = clean_text(data.get("title"), 500)
    if not title:
        errors["title"] = "Vui lòng nhập trích yếu (tiêu đề) của văn bản."
    out["title"] = title
    out["summary"] = clean_text(data.get("summary"), 5000)
    out["body_source"] = clean_text(data.get("body"), 200_000)
    for key, label in (("title", "Trích yếu"), ("summary", "Tóm tắt"), ("body_source", "Nội dung")):
        stamp = find_secrecy_stamp(out[key][:2500])
        if stamp:
            errors[key if key != "body_source" else "body"] = (
                f"{label} mang dấu chỉ độ mật “{stamp}”: tài liệu mật không được đăng công khai."
            )
    out["body_html"] = render_markdown(out["body_source"]) if out["body_source"] else ""

    category = clean_text(data.get("category"))
    if category not in CATEGORIES:
        errors["category"] = "Vui lòng chọn lĩnh vực công khai trong danh mục."
    out["category"] = category

    period = clean_text(data.get("budget_period")) or None
    if category == "budget":
        if period not in BUDGET_PERIODS:
            errors["budget_period"] = "Văn bản ngân sách phải chọn kỳ: quý, 6 tháng, năm hoặc quyết toán."
    else:
        period = None
    out["budget_period"] = period

    form = clean_text(data.get("form"), 64) or "Khác"
    if form not in FORMS:
        errors["form"] = "Vui lòng chọn hình thức văn bản trong danh sách."
    out["form"] = form

    issuer = clean_text(data.get("issuer"), 200)
    if not issuer:
        errors["issuer"] = "Vui lòng nhập cơ quan ban hành."
    out["issuer"] = issuer

    issued = _parse_date(data.get("issued_on"), "issued_on", "Ngày ban hành", errors)
    if issued is None and "issued_on" not in errors:
        errors["issued_on"] = "Vui lòng nhập ngày ban hành."
    elif issued is not None and issued > today() + dt.timedelta(days=1):
        errors["issued_on"] = "Ngày ban hành không thể ở tương lai."
    out["issued_on"] = issued
    out["effective_on"] = _parse_date(data.get("effective_on"), "effective_on", "Ngày hiệu lực", errors)

    start = _parse_date(data.get("posting_start"), "posting_start", "Ngày bắt đầu niêm yết", errors)
    end = _parse_date(data.get("posting_end"), "posting_end", "Ngày kết thúc niêm yết", errors)
    minimum = posting_min_days()
    if start is None and "posting_start" not in errors:
        start = (current.posting_start if current is not None and current.posting_start else None) or issued
    if start is not None and issued is not None and start < issued:
        errors["posting_start"] = "Ngày bắt đầu niêm yết không thể trước ngày ban hành."
    if start is not None:
        earliest_end = start + dt.timedelta(days=minimum)
        if end is None and "posting_end" not in errors:
            end = earliest_end
        elif end is not None and end < earliest_end:
            errors["posting_end"] = (
                f"Thời gian niêm yết tối thiểu là {minimum} ngày: ngày kết thúc không sớm hơn "
                f"{earliest_end.strftime('%d/%m/%Y')}."
            )
    out["posting_start"] = start
    out["posting_end"] = end

    out["is_project"] = bool(data.get("is_project")) and category in ("projects", "land", "planning")
    if bool(data.get("is_project")) and not out["is_project"]:
        errors["is_project"] = "Chỉ văn bản thuộc lĩnh vực dự án, đất đai, quy hoạch mới được đánh dấu là dự án."

    group_ids = data.get("group_ids")
    groups: list[ResidentialGroup] = []
    if group_ids:
        ids = []
        for g in group_ids:
            try:
                ids.append(int(g))
            except (TypeError, ValueError):
                errors["group_ids"] = "Tổ dân phố không hợp lệ."
        if ids:
            groups = list(db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.id.in_(ids))))
            if len(groups) != len(set(ids)):
                errors["group_ids"] = "Tổ dân phố không hợp lệ."
    elif data.get("group_codes"):
        codes = [clean_text(c) for c in data["group_codes"]]
        groups = list(db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.code.in_(codes))))
        if len(groups) != len(set(codes)):
            errors["group_ids"] = "Mã tổ dân phố không tồn tại: " + ", ".join(
                sorted(set(codes) - {g.code for g in groups})
            )
    out["groups"] = groups

    if errors:
        first = next(iter(errors.values()))
        raise DisclosureError(first, errors=errors)
    return out


def _apply(d: Disclosure, values: dict) -> dict:
    """Set the values; return {field: [old, new]} for the audit log (body shortened)."""
    changes = {}
    for key, value in values.items():
        if key == "groups":
            old = sorted(g.code for g in d.groups)
            new = sorted(g.code for g in value)
            if old != new:
                changes["groups"] = [old, new]
            d.groups = list(value)
            continue
        old = getattr(d, key, None)
        if old != value:
            if key in ("body_source", "body_html"):
                if key == "body_source":
                    changes["body"] = "changed"
            else:
                changes[key] = [_jsonable(old), _jsonable(value)]
        setattr(d, key, value)
    return changes


def _jsonable(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, DisclosureStatus):
        return v.value
    return v


def _index(d: Disclosure, op: str) -> None:
    db.session.add(IndexChange(doc_type="disclosure", doc_id=d.id, op=op))


def _snapshot(d: Disclosure) -> dict:
    return {
        "number": d.number,
        "category": d.category,
        "budget_period": d.budget_period,
        "form": d.form,
        "issuer": d.issuer,
        "issued_on": _jsonable(d.issued_on),
        "effective_on": _jsonable(d.effective_on),
        "posting_start": _jsonable(d.posting_start),
        "posting_end": _jsonable(d.posting_end),
        "groups": [g.code for g in d.groups],
        "is_project": d.is_project,
        "attachments": [
            {"id": a.id, "filename": a.filename, "content_type": a.content_type, "size": a.size}
            for a in active_attachments(d)
        ],
    }


def _add_version(d: Disclosure, actor, note: str) -> DisclosureVersion:
    d.version_no = (d.version_no or 0) + 1
    v = DisclosureVersion(
        disclosure=d,
        version_no=d.version_no,
        title=d.title,
        summary=d.summary,
        body_html=d.body_html,
        snapshot=_snapshot(d),
        change_note=note,
        created_by_id=getattr(actor, "id", None),
    )
    db.session.add(v)
    return v


# ------------------------------------------------------------------------------------- services
def create_disclosure(data: dict, actor=None, files: Iterable[UploadedFile] = ()) -> Disclosure:
    """A new draft. ``data`` holds the form values (see ``EDITABLE_FIELDS``)."""
    values = _validate(data, None)
    d = Disclosure(status=DisclosureStatus.draft, created_by_id=getattr(actor, "id", None))
    _apply(d, values)
    db.session.add(d)
    db.session.flush()
    for f in files:
        add_attachment(d, f.filename, f.data, actor, _audit=False)
    audit.record(actor, "disclosure.create", d, {"number": d.number, "category": d.category})
    db.session.flush()
    return d


def update_disclosure(d: Disclosure, data: dict, actor=None, files: Iterable[UploadedFile] = ()) -> Disclosure:
    """Edit a draft (a published disclosure changes only through ``amend_disclosure``)."""
    if d.status != DisclosureStatus.draft:
        raise DisclosureError("Văn bản đã công khai chỉ được sửa bằng cách đính chính (tạo phiên bản mới).")
    values = _validate(data, d)
    changes = _apply(d, values)
    for f in files:
        add_attachment(d, f.filename, f.data, actor, _audit=False)
        changes.setdefault("attachments_added", []).append(clean_filename(f.filename, ""))
    audit.record(actor, "disclosure.update", d, {"changes": changes})
    db.session.flush()
    return d


def check_upload(filename: str, data: bytes) -> tuple[str, str, str]:
    """Validate one attachment; return (content_type, clean filename, extracted text)."""
    max_bytes = int(get_setting("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
    try:
        kind = inspect_upload(data, ATTACHMENT_TYPES, max_bytes)
    except FileRefused as exc:
        raise DisclosureError(f"Tệp “{clean_text(filename, 120)}”: {exc}", field="files") from exc
    full, first = extract_text(data, kind)
    stamp = find_secrecy_stamp(first)
    if stamp:
        raise DisclosureError(
            f"Tệp “{clean_text(filename, 120)}” mang dấu chỉ độ mật “{stamp}” ở trang đầu: tài liệu mật "
            "không được đăng công khai.",
            field="files",
        )
    return kind, clean_filename(filename, kind), full


def add_attachment(
    d: Disclosure, filename: str, data: bytes, actor=None, _audit: bool = True, _checked=None
) -> Attachment:
    """Attach a file to a draft (a published disclosure gets files through ``amend_disclosure``)."""
    if d.status == DisclosureStatus.withdrawn:
        raise DisclosureError("Văn bản đã thu hồi, không thể thêm tệp.")
    kind, name, text = _checked or check_upload(filename, data)
    try:
        digest = store_bytes(data)
    except FileRefused as exc:
        raise DisclosureError(str(exc), field="files") from exc
    att = Attachment(disclosure=d, filename=name, content_type=kind, size=len(data), sha256=digest, text=text)
    db.session.add(att)
    db.session.flush()
    if _audit:
        audit.record(actor, "disclosure.attachment_add", d, {"attachment_id": att.id, "filename": name})
    return att


def remove_attachment(d: Disclosure, attachment: Attachment, actor=None, _audit: bool = True) -> None:
    """Mark an attachment removed (kept on disk and listed in the earlier versions)."""
    if attachment.disclosure_id != d.id or attachment.removed_at is not None:
        raise DisclosureError("Tệp đính kèm không tồn tại.")
    if d.status == DisclosureStatus.withdrawn:
        raise DisclosureError("Văn bản đã thu hồi, không thể sửa tệp.")
    attachment.removed_at = utcnow()
    if _audit:
        audit.record(actor, "disclosure.attachment_remove", d, {"attachment_id": attachment.id})
    db.session.flush()


def publish_disclosure(d: Disclosure, actor=None, secrecy_confirmed: bool = False) -> Disclosure:
    if d.status != DisclosureStatus.draft:
        raise DisclosureError("Chỉ bản nháp mới được công bố.")
    if not secrecy_confirmed:
        raise DisclosureError(
            "Vui lòng xác nhận văn bản không chứa bí mật nhà nước, bí mật công tác trước khi công bố.",
            field="secrecy_confirmed",
        )
    # Re-check the rules: a draft may be older than a change of settings or of another number.
    _validate(_as_data(d), d)
    now = utcnow()
    d.status = DisclosureStatus.published
    d.secrecy_confirmed_at = now
    d.published_at = now
    _add_version(d, actor, "Công bố lần đầu")
    _index(d, "upsert")
    audit.record(actor, "disclosure.publish", d, {"number": d.number, "version": d.version_no})
    db.session.flush()
    return d


def _as_data(d: Disclosure) -> dict:
    return {
        "number": d.number, "title": d.title, "summary": d.summary, "body": d.body_source,
        "category": d.category, "budget_period": d.budget_period, "form": d.form, "issuer": d.issuer,
        "issued_on": d.issued_on, "effective_on": d.effective_on, "posting_start": d.posting_start,
        "posting_end": d.posting_end, "is_project": d.is_project, "group_ids": [g.id for g in d.groups],
    }


def amend_disclosure(
    d: Disclosure,
    data: dict,
    change_note: str,
    actor=None,
    secrecy_confirmed: bool = False,
    files: Iterable[UploadedFile] = (),
    remove_attachment_ids: Iterable[int] = (),
) -> DisclosureVersion:
    """A new published version of a published disclosure, with a public change note."""
    if d.status != DisclosureStatus.published:
        raise DisclosureError("Chỉ văn bản đang công khai mới được đính chính.")
    note = clean_text(change_note, 2000)
    errors = {}
    if not note:
        errors["change_note"] = "Vui lòng ghi rõ nội dung đính chính (hiển thị công khai)."
    if not secrecy_confirmed:
        errors["secrecy_confirmed"] = (
            "Vui lòng xác nhận văn bản không chứa bí mật nhà nước, bí mật công tác."
        )
    try:
        values = _validate({**_as_data(d), **data}, d)
    except DisclosureError as exc:
        errors = {**exc.errors, **errors}
        values = None
    if errors:
        raise DisclosureError(next(iter(errors.values())), errors=errors)
    files = list(files)
    uploads = [check_upload(f.filename, f.data) for f in files]  # refuse before changing anything
    changes = _apply(d, values)
    remove = {int(i) for i in remove_attachment_ids}
    for att in active_attachments(d):
        if att.id in remove:
            remove_attachment(d, att, actor, _audit=False)
            changes.setdefault("attachments_removed", []).append(att.filename)
    for f, checked in zip(files, uploads):
        att = add_attachment(d, f.filename, f.data, actor, _audit=False, _checked=checked)
        changes.setdefault("attachments_added", []).append(att.filename)
    if not changes:
        raise DisclosureError("Không có thay đổi nào so với phiên bản đang công khai.")
    d.secrecy_confirmed_at = utcnow()
    version = _add_version(d, actor, note)
    _index(d, "upsert")
    audit.record(actor, "disclosure.amend", d, {"version": d.version_no, "note": note, "changes": changes})
    db.session.flush()
    return version


def withdraw_disclosure(d: Disclosure, reason: str, actor=None) -> Disclosure:
    """Withdraw a published disclosure: the page stays, marked withdrawn with the public reason."""
    if d.status != DisclosureStatus.published:
        raise DisclosureError("Chỉ văn bản đang công khai mới được thu hồi.")
    reason = clean_text(reason, 2000)
    if not reason:
        raise DisclosureError("Vui lòng nêu lý do thu hồi (hiển thị công khai).", field="reason")
    d.status = DisclosureStatus.withdrawn
    d.withdrawn_at = utcnow()
    d.withdrawn_reason = reason
    d.comments_open_until = min(d.comments_open_until, today()) if d.comments_open_until else None
    _index(d, "delete")
    audit.record(actor, "disclosure.withdraw", d, {"reason": reason})
    db.session.flush()
    return d


def open_for_comments(d: Disclosure, start: Any, end: Any, actor=None) -> Disclosure:
    """Open (or change) the comment window of a published disclosure."""
    if d.status != DisclosureStatus.published:
        raise DisclosureError("Chỉ văn bản đang công khai mới được lấy ý kiến.")
    errors: dict[str, str] = {}
    s = _parse_date(start, "comments_open_from", "Ngày bắt đầu lấy ý kiến", errors)
    e = _parse_date(end, "comments_open_until", "Ngày kết thúc lấy ý kiến", errors)
    if s is None and "comments_open_from" not in errors:
        errors["comments_open_from"] = "Vui lòng nhập ngày bắt đầu lấy ý kiến."
    if e is None and "comments_open_until" not in errors:
        errors["comments_open_until"] = "Vui lòng nhập ngày kết thúc lấy ý kiến."
    if s and e and e < s:
        errors["comments_open_until"] = "Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu."
    elif s and e and d.category == "conventions" and (e - s).days + 1 < posting_min_days():
        errors["comments_open_until"] = (
            f"Dự thảo hương ước, quy ước phải lấy ý kiến ít nhất {posting_min_days()} ngày."
        )
    if errors:
        raise DisclosureError(next(iter(errors.values())), errors=errors)
    old = [_jsonable(d.comments_open_from), _jsonable(d.comments_open_until)]
    d.comments_open_from, d.comments_open_until = s, e
    audit.record(actor, "disclosure.comments_open", d, {"old": old, "from": s.isoformat(), "until": e.isoformat()})
    _index(d, "upsert")
    db.session.flush()
    return d


def close_comments(d: Disclosure, actor=None) -> Disclosure:
    if d.comments_open_until is None:
        raise DisclosureError("Văn bản này không lấy ý kiến.")
    t = today()
    if d.comments_open_until < t:
        raise DisclosureError("Thời hạn lấy ý kiến đã kết thúc.")
    d.comments_open_until = max(t - dt.timedelta(days=1), d.comments_open_from or t - dt.timedelta(days=1))
    if d.comments_open_from and d.comments_open_from > d.comments_open_until:
        d.comments_open_from = d.comments_open_until
    audit.record(actor, "disclosure.comments_close", d, {"until": d.comments_open_until.isoformat()})
    _index(d, "upsert")
    db.session.flush()
    return d


# ------------------------------------------------------------------------------ public listing
FILTER_KEYS = ("category", "year", "form", "issuer", "group", "status")


def clean_filters(args) -> dict[str, str]:
    """The list filters from request args (unknown values are dropped, never an error)."""
    out: dict[str, str] = {}
    for key in FILTER_KEYS:
        value = clean_text(args.get(key), 200)
        if not value:
            continue
        if key == "category" and value not in CATEGORIES:
            continue
        if key == "year" and not re.fullmatch(r"(19|20)\d\d", value):
            continue
        if key == "status" and value not in (DisclosureStatus.published.value, DisclosureStatus.withdrawn.value):
            continue
        out[key] = value
    q = clean_text(args.get("q"), 200)
    if q:
        out["q"] = q
    return out


def _year_expr():
    return func.extract("year", Disclosure.issued_on)


def _apply_filters(stmt, filters: dict, skip: str | None = None):
    from public_docs.models import disclosure_group

    for key, value in filters.items():
        if key == skip:
            continue
        if key == "category":
            stmt = stmt.where(Disclosure.category == value)
        elif key == "year":
            stmt = stmt.where(_year_expr() == int(value))
        elif key == "form":
            stmt = stmt.where(Disclosure.form == value)
        elif key == "issuer":
            stmt = stmt.where(Disclosure.issuer == value)
        elif key == "status":
            stmt = stmt.where(Disclosure.status == DisclosureStatus(value))
        elif key == "group":
            sub = (
                select(disclosure_group.c.disclosure_id)
                .join(ResidentialGroup, ResidentialGroup.id == disclosure_group.c.group_id)
                .where(ResidentialGroup.code == value)
            )
            stmt = stmt.where(Disclosure.id.in_(sub))
        elif key == "q":
            like = f"%{value.lower()}%"
            stmt = stmt.where(
                func.lower(Disclosure.title).like(like)
                | func.lower(Disclosure.number).like(like)
                | func.lower(Disclosure.summary).like(like)
            )
    return stmt


def filter_public(filters: dict):
    """A select of the public disclosures matching ``filters``, newest first."""
    stmt = _apply_filters(public_query(), filters)
    return stmt.order_by(Disclosure.issued_on.desc().nulls_last(), Disclosure.id.desc())


def facet_counts(filters: dict) -> dict[str, list[tuple[str, str, int]]]:
    """For each filter: [(value, label, count)] among the disclosures matching the *other* filters."""
    from public_docs.models import STATUS_LABELS, disclosure_group

    public = Disclosure.status.in_([DisclosureStatus.published, DisclosureStatus.withdrawn])
    out: dict[str, list[tuple[str, str, int]]] = {}

    def grouped(key, column):
        stmt = _apply_filters(select(column, func.count(Disclosure.id)).where(public), filters, skip=key)
        return db.session.execute(stmt.group_by(column)).all()

    rows = grouped("category", Disclosure.category)
    counts = {k: n for k, n in rows}
    out["category"] = [(k, CATEGORIES[k], counts[k]) for k in CATEGORIES if counts.get(k)]
    year = _year_expr()
    rows = grouped("year", year)
    out["year"] = sorted(((str(int(y)), str(int(y)), n) for y, n in rows if y is not None), reverse=True)
    rows = grouped("form", Disclosure.form)
    out["form"] = sorted(((f, f, n) for f, n in rows if f), key=lambda r: r[0])
    rows = grouped("issuer", Disclosure.issuer)
    out["issuer"] = sorted(((f, f, n) for f, n in rows if f), key=lambda r: r[0])
    rows = grouped("status", Disclosure.status)
    out["status"] = [
        (s.value if isinstance(s, DisclosureStatus) else s, STATUS_LABELS[DisclosureStatus(s)], n) for s, n in rows
    ]
    stmt = _apply_filters(
        select(ResidentialGroup.code, ResidentialGroup.name, func.count(Disclosure.id))
        .join(disclosure_group, disclosure_group.c.group_id == ResidentialGroup.id)
        .join(Disclosure, Disclosure.id == disclosure_group.c.disclosure_id)
        .where(public),
        filters,
        skip="group",
    ).group_by(ResidentialGroup.code, ResidentialGroup.name, ResidentialGroup.position)
    stmt = stmt.order_by(ResidentialGroup.position, ResidentialGroup.code)
    out["group"] = [(c, name, n) for c, name, n in db.session.execute(stmt).all()]
    return out
