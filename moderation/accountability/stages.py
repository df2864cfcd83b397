"""Where a resident's submission really is, from the moderation status and the Board's case: the
stage the tracking page and ``GET /api/v1/submissions/<code>`` show. ``status`` (the moderation
status) stays as it was for the clients that read it; ``stage`` goes on past the approval."""
from __future__ import annotations

from moderation.cases.models import Case, CaseStatus
from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus
from portal.i18n import N_

# In the order a petition goes through them; the other outcomes of moderation after them.
STAGES = ("received", "under_review", "with_board", "referred", "answered", "closed")
OTHER_STAGES = ("needs_info", "rejected", "duplicate", "redirected", "withdrawn", "published")

STAGE_LABELS = {  # shown with |tr
    "received": N_("Đã tiếp nhận"),
    "under_review": N_("Đang kiểm duyệt"),
    "with_board": N_("Ban đang xem xét"),
    "referred": N_("Đã chuyển cơ quan có thẩm quyền"),
    "answered": N_("Đã có trả lời"),
    "closed": N_("Đã kết thúc"),
    "needs_info": N_("Cần bổ sung thông tin"),
    "rejected": N_("Không tiếp nhận"),
    "duplicate": N_("Trùng với kiến nghị khác"),
    "redirected": N_("Đã hướng dẫn chuyển kênh khác"),
    "withdrawn": N_("Đã rút"),
    "published": N_("Đã công khai cùng dự thảo"),
}
STAGE_HINTS = {  # one sentence under the headline, shown with |tr
    "received": N_("Cán bộ kiểm duyệt sẽ xem nội dung trong thời gian sớm nhất."),
    "under_review": N_("Cán bộ đang kiểm duyệt nội dung bạn gửi."),
    "with_board": N_("Nội dung đã được duyệt và chuyển đến Ban; Ban đang xem xét."),
    "referred": N_("Ban đã kiến nghị cơ quan có thẩm quyền giải quyết và đang chờ trả lời."),
    "answered": N_("Đã có trả lời; xem phần kết quả xem xét của Ban ở dưới đây."),
    "closed": N_("Việc xem xét đã kết thúc; kết quả ở dưới đây."),
    "needs_info": N_("Vui lòng bổ sung thông tin theo yêu cầu ở dưới đây."),
    "published": N_("Ý kiến của bạn đã được duyệt và hiển thị cùng dự thảo."),
}

_BY_STATUS = {
    SubmissionStatus.received: "received",
    SubmissionStatus.in_review: "under_review",
    SubmissionStatus.needs_info: "needs_info",
    SubmissionStatus.rejected: "rejected",
    SubmissionStatus.duplicate: "duplicate",
    SubmissionStatus.redirected: "redirected",
    SubmissionStatus.withdrawn: "withdrawn",
}


def has_current_response(case: Case) -> bool:
    """The Board published its answer, and not before the resident asked it to look again."""
    if not case.public_response or case.status == CaseStatus.reopened:
        return False
    return case.reopened_at is None or (case.responded_at is not None and case.responded_at > case.reopened_at)


def resident_stage(submission: Submission, case: Case | None) -> str:
    """The stage of ``submission`` (``case``: its Board case, or None)."""
    if submission.status != SubmissionStatus.approved:
        return _BY_STATUS.get(submission.status, "received")
    if case is None:
        return "published" if submission.kind == SubmissionKind.comment else "with_board"
    if case.status == CaseStatus.closed:
        return "closed"
    if case.status == CaseStatus.answered or has_current_response(case):
        return "answered"
    if case.status == CaseStatus.referred:
        return "referred"
    return "with_board"
