"""Supports of an existing petition (issue 11, item 14; issue 18, item 1): from a petition's public
page (``/kien-nghi/<id>``) or from step 2 of a new petition. One support per person per petition,
none for a closed petition; reaching ``SUPPORT_PUBLIC_ANSWER_THRESHOLD`` marks the case as needing a
public answer (``moderation.cases.public_answer``)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update

from moderation import abuse
from moderation.cases.models import Case, CaseStatus
from moderation.cases.public_answer import mark_public_answer_due
from moderation.intake.fields import CHECK_FIELDS
from moderation.intake.models import Submission, SubmissionKind, Support
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text

__all__ = ["CLOSED_MESSAGE", "closed_petition_ids", "support_petition"]

CLOSED_MESSAGE = _l("Kiến nghị này đã kết thúc nên không nhận thêm ủng hộ.")


def closed_petition_ids(ids: Iterable[int]) -> set[int]:
    """Of the submissions ``ids``, those whose Board case is closed (one query)."""
    ids = list(ids)
    if not ids:
        return set()
    return set(db.session.scalars(select(Case.submission_id).where(Case.submission_id.in_(ids),
                                                                  Case.status == CaseStatus.closed)))


def support_petition(submission: Submission, contact: str) -> Support:
    """One support per person per petition: the contact is checked like a petition's (same phone
    rule, same email validator) and counted in one spelling (``abuse.normalize_contact``: +84 or 0,
    case, +tags); only a keyed hash of it is kept, unique per petition in the database. A petition
    whose case is closed is refused."""
    raw = clean_text(str(contact or ""))[:254]
    if not raw:
        raise DomainError(CHECK_FIELDS, {"contact": _l("Vui lòng nhập số điện thoại (10 chữ số) "
                                                       "hoặc email hợp lệ để ủng hộ.")})
    norm = abuse.normalize_contact(raw)
    if not norm:
        raise DomainError(CHECK_FIELDS, {"contact": abuse.contact_error(raw)})
    if submission is None or submission.kind != SubmissionKind.petition or not submission.is_public:
        raise DomainError(CHECK_FIELDS, {"contact": _l("Kiến nghị này không nhận ủng hộ.")})
    case = db.session.scalar(select(Case).where(Case.submission_id == submission.id))
    if case is not None and case.status == CaseStatus.closed:
        raise DomainError(CLOSED_MESSAGE, status=409)
    digest = abuse.contact_hash(norm, "support")
    if db.session.scalar(select(Support.id).where(Support.submission_id == submission.id,
                                                  Support.contact_hash == digest)) is not None:
        raise DomainError(_l("Số điện thoại hoặc email này đã ủng hộ kiến nghị này rồi: mỗi người chỉ ủng hộ một lần."),
                          status=409)
    support = Support(submission_id=submission.id, contact_hash=digest)
    db.session.add(support)
    db.session.execute(update(Submission).where(Submission.id == submission.id)
                       .values(support_count=Submission.support_count + 1)
                       .execution_options(synchronize_session=False))
    db.session.flush()
    db.session.refresh(submission)
    audit.record("resident", "submission.support", submission, {})
    mark_public_answer_due(case, submission.support_count)
    return support
