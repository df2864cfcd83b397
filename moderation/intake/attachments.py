"""Files residents attach: checked (type, size, count; image metadata stripped) before anything is
stored, then stored content-addressed as SubmissionAttachment rows."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from moderation.intake.models import Submission, SubmissionAttachment
from portal.errors import DomainError
from portal.extensions import db
from portal.files import JPEG, PDF, PNG, clean_filename, inspect_upload, store_bytes, strip_image_metadata

MAX_FILES = 5
ALLOWED_TYPES = {JPEG, PNG, PDF}


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


def check_files(files, errors: dict, field: str = "attachments") -> list[tuple[str, str, bytes]]:
    files = [f for f in (files or []) if f is not None and (f.data or f.filename)]
    if len(files) > MAX_FILES:
        errors[field] = f"Chỉ được gửi tối đa {MAX_FILES} tệp đính kèm (bạn đã chọn {len(files)})."
        return []
    max_bytes = int(current_app.config["SUBMISSION_ATTACHMENT_MAX_BYTES"])
    checked, problems = [], []
    for f in files:
        label = clean_filename(f.filename, "")[:-4] or "tệp"
        try:
            kind = inspect_upload(f.data, ALLOWED_TYPES, max_bytes)
            data = strip_image_metadata(f.data, kind) if kind in (JPEG, PNG) else f.data
        except DomainError as exc:
            problems.append(f"“{label}”: {exc}")
            continue
        checked.append((clean_filename(f.filename, kind), kind, data))
    if problems:
        errors[field] = " ".join(problems)
    return checked


def store_files(submission: Submission, checked, added_later: bool = False) -> None:
    for filename, kind, data in checked:
        try:
            digest = store_bytes(data)
        except DomainError as exc:  # disk full or write error: the caller rolls back, nothing half-stored
            raise DomainError(exc.args[0], {"attachments": exc.args[0]}) from exc
        db.session.add(SubmissionAttachment(
            submission=submission, filename=filename, content_type=kind, size=len(data), sha256=digest,
            added_later=added_later))
