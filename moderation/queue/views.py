"""The moderation queue (role ``moderator``): list, open, claim (a POST, for 30 minutes), act."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from moderation import queue
from moderation.boards.models import Board
from moderation.cases.permissions import can_access_personal_data
from moderation.intake import VISIBILITY_LABELS, find_by_code
from moderation.intake.models import CHANNEL_LABELS, Submission, SubmissionAttachment, Topic
from moderation.queue.common import reason_note
from moderation.queue.models import RejectionReason
from portal.errors import DomainError
from portal.extensions import db
from portal.files import download_response
from portal.i18n import N_, _l
from portal.params import as_id, get_row, id_arg, page_arg
from portal.permissions import role_required
from public_docs.disclosures.models import Disclosure

bp = Blueprint("queue", __name__, url_prefix="/can-bo/kiem-duyet", template_folder="templates")
PER_PAGE = 50


def _get(submission_id: int) -> Submission:
    return get_row(Submission, submission_id) or abort(404)


@bp.get("/")
@role_required("moderator")
def index():
    kind = request.args.get("kind") or None
    topic_id = id_arg("topic")
    status = request.args.get("status") or None
    page = page_arg()
    q = queue.queue_query(kind, topic_id, status)
    # Counted on the status index (a count over the ordered rows would read every row).
    total = db.session.scalar(q.with_only_columns(func.count(Submission.id)).order_by(None)) or 0
    items = db.session.scalars(q.options(selectinload(Submission.claimed_by), selectinload(Submission.topic))
                               .limit(PER_PAGE).offset((page - 1) * PER_PAGE)).all()
    topics = db.session.scalars(select(Topic).order_by(Topic.position)).all()
    return render_template("moderation/queue/index.html", rows=items, total=total, page=page, per_page=PER_PAGE,
                           stats=queue.moderation_stats(), topics=topics, args=request.args,
                           badge=queue.due_badge, channel_labels=CHANNEL_LABELS, now=queue.utcnow())


def _render_detail(sub: Submission, status: int = 200, contact=None, error: str | None = None):
    from moderation.intake.views import submission_status_label

    reasons = db.session.scalars(select(RejectionReason).where(RejectionReason.active.is_(True))
                                 .order_by(RejectionReason.code)).all()
    topics = db.session.scalars(select(Topic).where(Topic.active.is_(True)).order_by(Topic.position)).all()
    boards = db.session.scalars(select(Board).order_by(Board.kind, Board.name)).all()
    disclosure = None
    if sub.disclosure_id:
        disclosure = db.session.get(Disclosure, sub.disclosure_id)
    return render_template(
        "moderation/queue/detail.html", sub=sub, reasons=reasons, topics=topics, boards=boards,
        contact=contact, error=error, disclosure=disclosure, redirect_kinds=queue.REDIRECT_KINDS,
        held_by_other=queue.is_claimed_by_other(sub, current_user), pending=sub.status in queue.PENDING,
        badge=queue.due_badge(sub), channel_labels=CHANNEL_LABELS, status_label=submission_status_label,
        form=request.form, visibility_labels=VISIBILITY_LABELS, action_labels=queue.ACTION_LABELS,
        personal_data=can_access_personal_data(current_user, sub), claim_minutes=queue.CLAIM_MINUTES,
        now=queue.utcnow(),
    ), status


@bp.get("/<int:submission_id>")
@role_required("moderator")
def detail(submission_id: int):
    """Shows the item; claiming it is the POST below (a GET changes nothing)."""
    return _render_detail(_get(submission_id))


def _act(submission_id: int, fn, success: str, *args, **kwargs):
    sub = _get(submission_id)
    try:
        fn(sub, current_user, *args, **kwargs)
    except DomainError as exc:
        db.session.rollback()
        db.session.refresh(sub)
        return _render_detail(sub, 409, error=str(exc))
    db.session.commit()
    flash(gettext(success), "success")
    if sub.status in queue.PENDING:
        return redirect(url_for("queue.detail", submission_id=sub.id))
    return redirect(url_for("queue.index"))


@bp.post("/<int:submission_id>/nhan-xu-ly")
@role_required("moderator")
def claim(submission_id: int):
    """Claim (or renew one's claim) for CLAIM_MINUTES: from the queue list or the detail page."""
    return _act(submission_id, queue.claim_submission, N_("Bạn đã nhận xử lý mục này."))


@bp.post("/<int:submission_id>/duyet")
@role_required("moderator")
def approve(submission_id: int):
    board_id = as_id(request.form.get("board_id"))
    return _act(submission_id, queue.approve_submission, N_("Đã duyệt."), note=request.form.get("note", ""),
                public_message=request.form.get("public_message", ""), board_id=board_id,
                routing_reason=request.form.get("routing_reason", ""))


@bp.post("/<int:submission_id>/tu-choi")
@role_required("moderator")
def reject(submission_id: int):
    return _act(submission_id, queue.reject_submission, N_("Đã từ chối và thông báo lý do cho người gửi."),
                request.form.get("reason_code", ""), note=request.form.get("note", ""))


@bp.post("/<int:submission_id>/yeu-cau-bo-sung")
@role_required("moderator")
def request_info(submission_id: int):
    return _act(submission_id, queue.request_information, N_("Đã gửi yêu cầu bổ sung thông tin."),
                request.form.get("message", ""), note=request.form.get("note", ""))


@bp.post("/<int:submission_id>/gop")
@role_required("moderator")
def merge(submission_id: int):
    target = find_by_code(request.form.get("target_code"))
    return _act(submission_id, queue.merge_duplicate, N_("Đã gộp vào kiến nghị gốc."), target,
                note=request.form.get("note", ""))


@bp.post("/<int:submission_id>/chuyen-huong")
@role_required("moderator")
def redirect_to_channel(submission_id: int):
    return _act(submission_id, queue.redirect_submission, N_("Đã hướng dẫn người gửi chuyển kênh phù hợp."),
                request.form.get("redirect_kind", ""), guidance=request.form.get("guidance", ""),
                note=request.form.get("note", ""))


@bp.post("/<int:submission_id>/doi-linh-vuc")
@role_required("moderator")
def change_topic(submission_id: int):
    return _act(submission_id, queue.change_topic, N_("Đã đổi lĩnh vực."), request.form.get("topic_id"),
                request.form.get("note", ""))


@bp.post("/<int:submission_id>/bien-tap")
@role_required("moderator")
def redact(submission_id: int):
    return _act(submission_id, queue.redact_submission, N_("Đã lưu nội dung công khai đã biên tập."),
                request.form.get("public_title", ""), request.form.get("public_description", ""),
                request.form.get("note", ""))


@bp.post("/<int:submission_id>/xoa-du-lieu-ca-nhan")
@role_required("moderator")
def erase(submission_id: int):
    def erase_confirmed(sub, user, note):
        if request.form.get("confirm") not in ("y", "1", "on", "true"):  # cannot be undone: the box is required
            reason_note(note)  # a missing reason is said first
            raise DomainError(_l("Vui lòng đánh dấu ô xác nhận: dữ liệu cá nhân đã xóa không khôi phục được."))
        queue.erase_personal_data(sub, user, note)

    return _act(submission_id, erase_confirmed, N_("Đã xóa dữ liệu cá nhân theo yêu cầu."),
                request.form.get("note", ""))


@bp.post("/<int:submission_id>/tra-lai")
@role_required("moderator")
def release(submission_id: int):
    sub = _get(submission_id)
    queue.release_submission(sub, current_user)
    db.session.commit()
    flash(gettext("Đã trả lại mục vào hàng đợi."), "success")
    return redirect(url_for("queue.index"))


def _personal_data_or_403(submission_id: int) -> Submission:
    """The submission, when the user may see its personal data (moderators and admins; Board
    members use their case page): ``can_access_personal_data`` decides."""
    sub = _get(submission_id)
    if not can_access_personal_data(current_user, sub):
        abort(403)
    return sub


@bp.post("/<int:submission_id>/xem-lien-he")
@role_required("moderator")
def show_contact(submission_id: int):
    sub = _personal_data_or_403(submission_id)
    try:
        contact = queue.reveal_contact(sub, current_user, request.form.get("reason", ""))
    except DomainError as exc:
        db.session.rollback()
        return _render_detail(sub, 400, error=str(exc))
    db.session.commit()
    return _render_detail(sub, contact=contact or False)


@bp.get("/<int:submission_id>/tep/<int:attachment_id>")
@role_required("moderator")
def attachment(submission_id: int, attachment_id: int):
    sub = _personal_data_or_403(submission_id)
    att = get_row(SubmissionAttachment, attachment_id)
    if att is None or att.submission_id != sub.id:
        abort(404)
    return download_response(att.sha256, att.content_type, f"tep-{att.id}.{att.filename.rsplit('.', 1)[-1]}")

