"""Staff lists behind the queue: topics and rejection reasons (admin), blocklist (moderators)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from moderation import abuse
from moderation.abuse.models import BlocklistEntry
from moderation.intake.models import Submission, Topic
from moderation.queue.models import RejectionReason
from portal import audit
from portal.extensions import db
from portal.params import as_id, to_int
from portal.permissions import role_required
from portal.sanitize import clean_text

bp = Blueprint("queue_admin", __name__, url_prefix="/can-bo/kiem-duyet/danh-muc", template_folder="templates")


def _code(value: str | None) -> str:
    import re

    return re.sub(r"[^a-z0-9_\-]", "", clean_text(value, 32).lower())


def _new_code(model, value: str | None, taken: str) -> tuple[str, str | None]:
    """The code typed for a new list entry, and the error when it is empty or already used."""
    code = _code(value)
    if not code:
        return code, gettext("Vui lòng nhập mã (chữ thường không dấu, số, gạch dưới).")
    if db.session.scalar(select(model).where(model.code == code)):
        return code, taken
    return code, None


# --- topics -----------------------------------------------------------------------------------

@bp.route("/linh-vuc", methods=["GET", "POST"])
@role_required("admin")
def topics():
    error = None
    form = request.form
    if request.method == "POST":
        topic_id = as_id(request.form.get("id"))
        name = clean_text(form.get("name"), 120)
        position = to_int(form.get("position"), 0, 10_000) or 0
        if not name:
            error = gettext("Vui lòng nhập tên lĩnh vực.")
        elif topic_id:
            topic = db.session.get(Topic, topic_id) or abort(404)
            topic.name, topic.position, topic.active = name, position, form.get("active") == "1"
            audit.record(current_user, "topic.update", topic, {"name": name, "active": topic.active})
        else:
            code, error = _new_code(Topic, form.get("code"), gettext("Mã lĩnh vực đã tồn tại."))
            if not error:
                topic = Topic(code=code, name=name, position=position)
                db.session.add(topic)
                audit.record(current_user, "topic.create", topic, {"code": code, "name": name})
        if not error:
            db.session.commit()
            flash(gettext("Đã lưu lĩnh vực."), "success")
            return redirect(url_for("queue_admin.topics"))
    rows = db.session.scalars(select(Topic).order_by(Topic.position, Topic.name)).all()
    return render_template("moderation/admin/topics.html", topics=rows, error=error, form=form), 400 if error else 200


# --- rejection reasons --------------------------------------------------------------------------

def _used(reason_id: int) -> int:
    return db.session.scalar(select(func.count(Submission.id)).where(Submission.rejection_reason_id == reason_id)) or 0


@bp.route("/ly-do-tu-choi", methods=["GET", "POST"])
@role_required("admin")
def reasons():
    error = None
    form = request.form
    if request.method == "POST":
        reason_id = as_id(form.get("id"))
        public_text = clean_text(form.get("public_text"), 1000)
        note = clean_text(form.get("internal_note"), 1000)
        if not public_text:
            error = gettext("Vui lòng nhập nội dung gửi người dân.")
        elif reason_id:
            reason = db.session.get(RejectionReason, reason_id) or abort(404)
            reason.public_text, reason.internal_note = public_text, note
            reason.active = form.get("active") == "1"
            audit.record(current_user, "rejection_reason.update", reason, {"active": reason.active})
        else:
            code, error = _new_code(RejectionReason, form.get("code"), gettext("Mã lý do đã tồn tại."))
            if not error:
                reason = RejectionReason(code=code, public_text=public_text, internal_note=note)
                db.session.add(reason)
                audit.record(current_user, "rejection_reason.create", reason, {"code": code})
        if not error:
            db.session.commit()
            flash(gettext("Đã lưu lý do từ chối."), "success")
            return redirect(url_for("queue_admin.reasons"))
    rows = db.session.scalars(select(RejectionReason).order_by(RejectionReason.code)).all()
    usage = dict(db.session.execute(
        select(Submission.rejection_reason_id, func.count(Submission.id))
        .where(Submission.rejection_reason_id.in_([r.id for r in rows] or [-1]))
        .group_by(Submission.rejection_reason_id)).all())
    usage = {r.id: usage.get(r.id, 0) for r in rows}
    return render_template("moderation/admin/reasons.html", reasons=rows, usage=usage, error=error,
                           form=form), 400 if error else 200


@bp.post("/ly-do-tu-choi/<int:reason_id>/xoa")
@role_required("admin")
def reason_delete(reason_id: int):
    reason = db.session.get(RejectionReason, reason_id) or abort(404)
    if _used(reason.id):
        flash(gettext("Lý do này đã được dùng nên không thể xóa; bạn có thể ngừng sử dụng nó."), "error")
        return redirect(url_for("queue_admin.reasons"))
    audit.record(current_user, "rejection_reason.delete", reason, {"code": reason.code})
    db.session.delete(reason)
    db.session.commit()
    flash(gettext("Đã xóa lý do từ chối."), "success")
    return redirect(url_for("queue_admin.reasons"))


# --- blocklist --------------------------------------------------------------------------------

@bp.route("/danh-sach-chan", methods=["GET", "POST"])
@role_required("moderator")
def blocklist():
    error = None
    form = request.form
    if request.method == "POST":
        kind = form.get("kind", "")
        try:
            value = abuse.normalize_block_value(kind, form.get("value", ""))
        except ValueError as exc:
            error = str(exc)
        else:
            entry = BlocklistEntry(kind=kind, value=value, note=clean_text(form.get("note"), 500))
            db.session.add(entry)
            try:
                db.session.flush()
            except IntegrityError:
                db.session.rollback()
                error = gettext("Mục này đã có trong danh sách chặn.")
            else:
                audit.record(current_user, "blocklist.add", entry, {"kind": kind})
                db.session.commit()
                flash(gettext("Đã thêm vào danh sách chặn."), "success")
                return redirect(url_for("queue_admin.blocklist"))
    rows = db.session.scalars(select(BlocklistEntry).order_by(BlocklistEntry.kind, BlocklistEntry.value)).all()
    return (render_template("moderation/admin/blocklist.html", entries=rows, error=error, form=form),
            400 if error else 200)


@bp.post("/danh-sach-chan/<int:entry_id>/xoa")
@role_required("moderator")
def blocklist_remove(entry_id: int):
    entry = db.session.get(BlocklistEntry, entry_id) or abort(404)
    audit.record(current_user, "blocklist.remove", entry, {"kind": entry.kind})
    db.session.delete(entry)
    db.session.commit()
    flash(gettext("Đã gỡ khỏi danh sách chặn."), "success")
    return redirect(url_for("queue_admin.blocklist"))
