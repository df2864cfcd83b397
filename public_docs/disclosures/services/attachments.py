"""Attachments: the upload checks (type, size, classification stamp on the first page), storage
and text extraction, and removal (files stay on disk for the earlier versions)."""
from __future__ import annotations

from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.files import (
    DOCX,
    JPEG,
    ODT,
    PDF,
    PNG,
    XLSX,
    clean_filename,
    inspect_upload,
    store_bytes,
    visible_name,
)
from portal.i18n import _l
from portal.settings import get_setting
from public_docs.disclosures.extract import extract_text, find_secrecy_stamp
from public_docs.disclosures.models import Attachment, Disclosure, DisclosureStatus

ATTACHMENT_TYPES = {PDF, DOCX, XLSX, ODT, JPEG, PNG}


def check_upload(filename: str, data: bytes) -> tuple[str, str, str]:
    """Validate one attachment; return (content_type, clean filename, extracted text)."""
    max_bytes = int(get_setting("ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
    try:
        kind = inspect_upload(data, ATTACHMENT_TYPES, max_bytes)
    except DomainError as exc:
        message = _l("Tệp “%(name)s”: %(problem)s", name=visible_name(filename)[:255], problem=exc)
        raise DomainError(message, field_errors={"files": message}) from exc
    full, first = extract_text(data, kind)
    stamp = find_secrecy_stamp(first)
    if stamp:
        message = _l("Tệp “%(name)s” mang dấu chỉ độ mật “%(stamp)s” ở trang đầu: tài liệu mật "
                     "không được đăng công khai.", name=visible_name(filename)[:255], stamp=stamp)
        raise DomainError(message, field_errors={"files": message})
    return kind, clean_filename(filename, kind), full


def add_attachment(
    d: Disclosure, filename: str, data: bytes, actor=None, _audit: bool = True, _checked=None
) -> Attachment:
    """Attach a file to a draft (a published disclosure gets files through ``amend_disclosure``)."""
    if d.status == DisclosureStatus.withdrawn:
        raise DomainError(_l("Văn bản đã thu hồi, không thể thêm tệp."))
    kind, name, text = _checked or check_upload(filename, data)
    try:
        digest = store_bytes(data)
    except DomainError as exc:
        raise DomainError(exc.args[0], field_errors={"files": exc.args[0]}) from exc
    att = Attachment(disclosure=d, filename=name, content_type=kind, size=len(data), sha256=digest, text=text)
    db.session.add(att)
    db.session.flush()
    if _audit:
        audit.record(actor, "disclosure.attachment_add", d, {"attachment_id": att.id, "filename": name})
    return att


def remove_attachment(d: Disclosure, attachment: Attachment, actor=None, _audit: bool = True) -> None:
    """Mark an attachment removed (kept on disk and listed in the earlier versions)."""
    if attachment.disclosure_id != d.id or attachment.removed_at is not None:
        raise DomainError(_l("Tệp đính kèm không tồn tại."))
    if d.status == DisclosureStatus.withdrawn:
        raise DomainError(_l("Văn bản đã thu hồi, không thể sửa tệp."))
    attachment.removed_at = utcnow()
    if _audit:
        audit.record(actor, "disclosure.attachment_remove", d, {"attachment_id": attachment.id})
    db.session.flush()
