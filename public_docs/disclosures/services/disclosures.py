"""The state changes of a disclosure: create and update a draft, publish, amend, withdraw, open and
close the comment window. Each checks the current state, refuses an illegal move with
``DomainError`` (Vietnamese message), changes the rows, writes the audit log and an
``IndexChange`` row when the public page changes, and flushes. The caller commits."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.files import clean_filename
from portal.i18n import N_, _l
from portal.sanitize import clean_text
from portal.ward import local_date
from public_docs.disclosures.models import Disclosure, DisclosureStatus, DisclosureVersion, IndexChange
from public_docs.disclosures.services.attachments import add_attachment, check_upload, remove_attachment
from public_docs.disclosures.services.common import UploadedFile, parse_date, today
from public_docs.disclosures.services.posting import posting_period
from public_docs.disclosures.services.queries import active_attachments
from public_docs.disclosures.services.validation import (
    clean_disclosure_data,
    convention_comment_min_days,
    disclosure_data,
)


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
        "budget_kind": d.budget_kind,
        "budget_year": d.budget_year,
        "budget_quarter": d.budget_quarter,
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


def create_disclosure(data: dict, actor=None, files: Iterable[UploadedFile] = ()) -> Disclosure:
    """A new draft. ``data`` holds the form values (see ``EDITABLE_FIELDS``)."""
    values = clean_disclosure_data(data, None)
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
        raise DomainError(_l("Văn bản đã công khai chỉ được sửa bằng cách đính chính (tạo phiên bản mới)."))
    values = clean_disclosure_data(data, d)
    changes = _apply(d, values)
    for f in files:
        add_attachment(d, f.filename, f.data, actor, _audit=False)
        changes.setdefault("attachments_added", []).append(clean_filename(f.filename, ""))
    audit.record(actor, "disclosure.update", d, {"changes": changes})
    db.session.flush()
    return d


def publish_disclosure(d: Disclosure, actor=None, secrecy_confirmed: bool = False) -> Disclosure:
    if d.status != DisclosureStatus.draft:
        raise DomainError(_l("Chỉ bản nháp mới được công bố."))
    if not secrecy_confirmed:
        message = _l("Vui lòng xác nhận văn bản không chứa bí mật nhà nước, bí mật công tác trước khi công bố.")
        raise DomainError(message, field_errors={"secrecy_confirmed": message})
    # Re-check the rules: a draft may be older than a change of settings or of another number.
    clean_disclosure_data(disclosure_data(d), d)
    now = utcnow()
    d.status = DisclosureStatus.published
    d.secrecy_confirmed_at = now
    d.published_at = now
    # Posting counts from the day it went online (or the editor's later start), at least the minimum.
    d.posting_start, d.posting_end = posting_period(local_date(now), d.posting_start, d.posting_end)
    _add_version(d, actor, N_("Công bố lần đầu"))  # shown translated via |tr
    _index(d, "upsert")
    audit.record(actor, "disclosure.publish", d, {"number": d.number, "version": d.version_no})
    db.session.flush()
    return d


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
        raise DomainError(_l("Chỉ văn bản đang công khai mới được đính chính."))
    note = clean_text(change_note, 2000)
    errors = {}
    if not note:
        errors["change_note"] = "Vui lòng ghi rõ nội dung đính chính (hiển thị công khai)."
    if not secrecy_confirmed:
        errors["secrecy_confirmed"] = (
            "Vui lòng xác nhận văn bản không chứa bí mật nhà nước, bí mật công tác."
        )
    try:
        values = clean_disclosure_data({**disclosure_data(d), **data}, d)
    except DomainError as exc:
        errors = {**exc.field_errors, **errors}
        values = None
    if errors:
        raise DomainError(next(iter(errors.values())), field_errors=errors)
    files = list(files)
    uploads = [check_upload(f.filename, f.data) for f in files]  # refuse before changing anything
    changes = _apply(d, values)
    remove = {int(i) for i in remove_attachment_ids}
    for att in active_attachments(d):
        if att.id in remove:
            remove_attachment(d, att, actor, _audit=False)
            changes.setdefault("attachments_removed", []).append(att.filename)
    for f, checked in zip(files, uploads, strict=False):
        att = add_attachment(d, f.filename, f.data, actor, _audit=False, _checked=checked)
        changes.setdefault("attachments_added", []).append(att.filename)
    if not changes:
        raise DomainError(_l("Không có thay đổi nào so với phiên bản đang công khai."))
    d.secrecy_confirmed_at = utcnow()
    version = _add_version(d, actor, note)
    _index(d, "upsert")
    audit.record(actor, "disclosure.amend", d, {"version": d.version_no, "note": note, "changes": changes})
    db.session.flush()
    return version


def withdraw_disclosure(d: Disclosure, reason: str, actor=None) -> Disclosure:
    """Withdraw a published disclosure: the page stays, marked withdrawn with the public reason."""
    if d.status != DisclosureStatus.published:
        raise DomainError(_l("Chỉ văn bản đang công khai mới được thu hồi."))
    reason = clean_text(reason, 2000)
    if not reason:
        message = _l("Vui lòng nêu lý do thu hồi (hiển thị công khai).")
        raise DomainError(message, field_errors={"reason": message})
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
        raise DomainError(_l("Chỉ văn bản đang công khai mới được lấy ý kiến."))
    errors: dict[str, str] = {}
    s = parse_date(start, "comments_open_from", "Ngày bắt đầu lấy ý kiến", errors)
    e = parse_date(end, "comments_open_until", "Ngày kết thúc lấy ý kiến", errors)
    if s is None and "comments_open_from" not in errors:
        errors["comments_open_from"] = "Vui lòng nhập ngày bắt đầu lấy ý kiến."
    if e is None and "comments_open_until" not in errors:
        errors["comments_open_until"] = "Vui lòng nhập ngày kết thúc lấy ý kiến."
    if s and e and e < s:
        errors["comments_open_until"] = "Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu."
    elif s and e and d.category == "conventions" and (e - s).days + 1 < convention_comment_min_days():
        errors["comments_open_until"] = (
            f"Dự thảo hương ước, quy ước phải lấy ý kiến ít nhất {convention_comment_min_days()} ngày."
        )
    if errors:
        raise DomainError(next(iter(errors.values())), field_errors=errors)
    old = [_jsonable(d.comments_open_from), _jsonable(d.comments_open_until)]
    d.comments_open_from, d.comments_open_until = s, e
    audit.record(actor, "disclosure.comments_open", d, {"old": old, "from": s.isoformat(), "until": e.isoformat()})
    _index(d, "upsert")
    db.session.flush()
    return d


def close_comments(d: Disclosure, actor=None) -> Disclosure:
    if d.comments_open_until is None:
        raise DomainError(_l("Văn bản này không lấy ý kiến."))
    t = today()
    if d.comments_open_until < t:
        raise DomainError(_l("Thời hạn lấy ý kiến đã kết thúc."))
    minimum = convention_comment_min_days()
    if d.category == "conventions" and d.comments_open_from and (t - d.comments_open_from).days < minimum:
        earliest = d.comments_open_from + dt.timedelta(days=minimum)
        raise DomainError(_l("Dự thảo hương ước, quy ước phải lấy ý kiến ít nhất %(days)s ngày: chỉ kết thúc được "
                             "từ ngày %(day)s.", days=minimum, day=earliest.strftime("%d/%m/%Y")))
    d.comments_open_until = max(t - dt.timedelta(days=1), d.comments_open_from or t - dt.timedelta(days=1))
    if d.comments_open_from and d.comments_open_from > d.comments_open_until:
        d.comments_open_from = d.comments_open_until
    audit.record(actor, "disclosure.comments_close", d, {"until": d.comments_open_until.isoformat()})
    _index(d, "upsert")
    db.session.flush()
    return d
