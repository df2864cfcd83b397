"""What every case transition shares: the domain error, the open statuses, the event/audit writer,
the refusal messages and the date parsing of Board forms."""
from __future__ import annotations

import datetime as dt

from moderation.cases.models import CASE_STATUS_LABELS, Case, CaseEvent, CaseStatus
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.params import parse_date

S = CaseStatus
OPEN_STATUSES = (S.new, S.assigned, S.verifying, S.referred, S.answered, S.reopened)


def status_label(status) -> str:
    return CASE_STATUS_LABELS.get(CaseStatus(status), str(status))


def refuse(case: Case, action: str, hint: str = "") -> None:
    """Refuse ``action`` (an ``N_`` label: "phân công") in the case's status, with ``hint`` (``N_``);
    each part is read in the visitor's language when the message is shown."""
    status = _l(status_label(case.status))
    if hint:
        raise DomainError(_l("Không thể %(action)s khi hồ sơ đang ở trạng thái “%(status)s”. %(hint)s",
                             action=_l(action), status=status, hint=_l(hint)))
    raise DomainError(_l("Không thể %(action)s khi hồ sơ đang ở trạng thái “%(status)s”.",
                         action=_l(action), status=status))


def add_event(case: Case, actor, kind: str, text: str = "", public: bool = False, to_status=None, from_status=None):
    ev = CaseEvent(
        case_id=case.id, kind=kind, text=text, public=public,
        from_status=(from_status.value if from_status is not None else None),
        to_status=(to_status.value if to_status is not None else None),
        actor_id=getattr(actor, "id", None),
    )
    db.session.add(ev)
    return ev


def move(case: Case, to: CaseStatus, actor, kind: str, text: str = "", public: bool = False, details=None):
    before = case.status
    case.status = to
    add_event(case, actor, kind, text, public, to_status=to, from_status=before)
    audit.record(actor, f"case.{kind}", case, {"from": before.value, "to": to.value, **(details or {})})


def require(pred: bool, message: str = N_("Bạn không có quyền thực hiện thao tác này với hồ sơ của Ban khác.")) -> None:
    if not pred:
        raise DomainError(_l(message))


def notify_submitter(case: Case, template: str, key: str, **context) -> bool:
    from moderation.notify import email_submitter

    submission = case.submission
    if submission.personal_data_purged_at is not None:
        return False
    return email_submitter(submission, template, key=f"{key}:{case.id}", case=case, **context)


def as_date(value, field: str) -> dt.date:
    """A required date of a Board form (``portal.params.parse_date``), or DomainError."""
    try:
        day = parse_date(value)
    except (TypeError, ValueError):
        day = None
    if day is None:
        raise DomainError(_l("%(field)s: ngày không hợp lệ (nhập theo dạng ngày/tháng/năm).", field=field))
    return day
