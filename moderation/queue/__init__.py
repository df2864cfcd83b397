"""The moderation queue: claim, approve, reject, ask for information, merge as duplicate,
redirect, change topic, redact, show contact. One function per action; each checks the state,
records a reason, a SubmissionEvent (public message for the resident), an audit event and an
outbox email when the resident left an address, and flushes; the view commits.

``claims`` holds the queue and the atomic claims, ``decisions`` the moderator's decisions,
``privacy`` redaction, contact and erasure; this module re-exports them.
"""
from __future__ import annotations

from moderation.queue.claims import (
    CLAIM_MINUTES,
    claim_submission,
    counts,
    due_badge,
    is_claimed_by_other,
    moderation_stats,
    queue_query,
    release_submission,
)
from moderation.queue.common import PENDING
from moderation.queue.decisions import (
    DEFAULT_REASONS,
    REDIRECT_KINDS,
    approve_submission,
    change_topic,
    merge_duplicate,
    redirect_submission,
    reject_submission,
    request_information,
    seed_rejection_reasons,
)
from moderation.queue.privacy import erase_personal_data, redact_submission, reveal_contact
from portal.database import utcnow
from portal.i18n import N_

__all__ = [
    "ACTION_LABELS", "CLAIM_MINUTES", "DEFAULT_REASONS", "PENDING", "REDIRECT_KINDS",
    "approve_submission", "change_topic", "claim_submission", "counts", "due_badge", "erase_personal_data",
    "is_claimed_by_other", "merge_duplicate", "moderation_stats", "queue_query", "redact_submission",
    "redirect_submission", "reject_submission", "release_submission", "request_information", "reveal_contact",
    "seed_rejection_reasons", "utcnow",
]

ACTION_LABELS = {
    "submit": N_("Gửi"), "claim": N_("Nhận xử lý"), "approve": N_("Duyệt"), "reject": N_("Từ chối"),
    "request_info": N_("Yêu cầu bổ sung"), "info_added": N_("Người gửi bổ sung"), "merge": N_("Gộp kiến nghị trùng"),
    "redirect": N_("Hướng dẫn chuyển kênh"), "change_topic": N_("Đổi lĩnh vực"),
    "redact": N_("Biên tập nội dung công khai"),
    "erase": N_("Xóa dữ liệu cá nhân theo yêu cầu"),
}
