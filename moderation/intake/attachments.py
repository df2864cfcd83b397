"""Files residents attach: checked (type, size, count; image metadata stripped) before anything is
stored, then stored content-addressed as SubmissionAttachment rows."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from moderation.intake.models import Submission, SubmissionAttachment
from portal.errors import DomainError
from portal.extensions import db
from portal.files import (
    JPEG,
    PDF,
    PNG,
    clean_filename,
    inspect_upload,
    megabytes,
    store_bytes,
    strip_image_metadata,
    visible_name,
)
from portal.i18n import _l, gettext_vi

MAX_FILES = 5
ALLOWED_TYPES = {JPEG, PNG, PDF}


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes  # at most the size limit plus one byte: a larger file is not read whole
    size: int | None = None  # the file's real size when more than ``data`` was sent


def display_name(filename: str | None) -> str:
    """The name the resident chose, as they see it (no folder), for messages about the file."""
    name = visible_name(filename).replace("\\", "/").split("/")[-1].strip()
    return name[:255] or gettext_vi("tệp không tên")  # 255: the longest name a file system keeps


def check_files(files, errors: dict, field: str = "attachments") -> list[tuple[str, str, bytes]]:
    files = [f for f in (files or []) if f is not None and (f.data or f.filename)]
    if len(files) > MAX_FILES:
        errors[field] = _l("Chỉ được gửi tối đa %(max)s tệp đính kèm (bạn đã chọn %(n)s).", max=MAX_FILES,
                           n=len(files))
        return []
    max_bytes = int(current_app.config["SUBMISSION_ATTACHMENT_MAX_BYTES"])
    checked, problems = [], []
    for f in files:
        name = display_name(f.filename)
        size = max(f.size or 0, len(f.data))
        if size > max_bytes:
            problems.append(_l("Tệp “%(name)s” có dung lượng %(size)s MB, vượt quá mức tối đa %(limit)s MB cho mỗi "
                               "tệp; vui lòng chọn tệp nhỏ hơn (với ảnh, có thể chụp lại ở độ phân giải thấp hơn).",
                               name=name, size=megabytes(size), limit=megabytes(max_bytes)))
            continue
        try:
            kind = inspect_upload(f.data, ALLOWED_TYPES, max_bytes)
            data = strip_image_metadata(f.data, kind) if kind in (JPEG, PNG) else f.data
        except DomainError as exc:
            problems.append(_l("Tệp “%(name)s”: %(problem)s", name=name, problem=exc))
            continue
        checked.append((clean_filename(f.filename, kind), kind, data))
    if problems:
        errors[field] = problems[0] if len(problems) == 1 else LazyJoin(problems)
    return checked


class LazyJoin:
    """Several lazy messages, one after the other, translated when shown."""

    def __init__(self, parts: list) -> None:
        self.parts = parts

    def __str__(self) -> str:
        return " ".join(str(p) for p in self.parts)


def store_files(submission: Submission, checked, added_later: bool = False) -> None:
    for filename, kind, data in checked:
        try:
            digest = store_bytes(data)
        except DomainError as exc:  # disk full or write error: the caller rolls back, nothing half-stored
            raise DomainError(exc.args[0], {"attachments": exc.args[0]}) from exc
        db.session.add(SubmissionAttachment(
            submission=submission, filename=filename, content_type=kind, size=len(data), sha256=digest,
            added_later=added_later))
