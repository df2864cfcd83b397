"""Staff pages of the decision matters (``decisions_staff``, /can-bo/dan-quyet): editors open and
manage matters; editors and moderators enter meetings and paper ballots, issue codes and keep the
household counts. The public pages are in ``moderation.decisions.public``."""
from __future__ import annotations

import segno
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select

from moderation.decisions import ballots, followup, forms, results, services
from moderation.decisions import households as household_counts
from moderation.decisions.models import (
    Channel,
    DecisionMatter,
    DecisionMeeting,
    MatterKind,
)
from moderation.decisions.public import LABELS, matter_or_404, page_context
from portal.errors import DomainError
from portal.extensions import db
from portal.files import download_response
from portal.i18n import N_, _l
from portal.params import get_row
from portal.permissions import role_required
from portal.units import names
from portal.ward import ResidentialGroup
from public_docs.disclosures.models import Disclosure, DisclosureStatus

staff_bp = Blueprint("decisions_staff", __name__, url_prefix="/can-bo/dan-quyet", template_folder="templates",
                     static_folder="static")
MANAGERS = ("editor",)
RECORDERS = ("editor", "moderator")


# ------------------------------------------------------------------ staff

def _run(action, ok_message: str, matter_id: int | None = None):
    """Call one service, commit, flash; on refusal roll back and flash the message."""
    try:
        action()
    except DomainError as exc:
        db.session.rollback()
        flash(exc.message, "error")
        return False
    db.session.commit()
    flash(ok_message, "success")
    return True


def _staff_ctx(m: DecisionMatter, **extra) -> dict:
    live = results.compute_result(m)
    return page_context(m, live=live, issued=ballots.codes_issued(m.id), households=services.electorate(m),
                 recorder=current_user.has_role(*RECORDERS), manager=current_user.has_role(*MANAGERS),
                 published_docs=_conventions_docs() if m.kind == MatterKind.convention else [],
                 form=request.form, errors={}, error=None, **extra)


def _conventions_docs():
    return db.session.scalars(select(Disclosure).where(Disclosure.status == DisclosureStatus.published,
                                                       Disclosure.category == "conventions")
                              .order_by(Disclosure.id.desc())).all()


def _form_choices() -> dict:
    return {"groups": db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.active.is_(True))
                                         .order_by(ResidentialGroup.position, ResidentialGroup.id)).all(),
            "documents": db.session.scalars(select(Disclosure).where(Disclosure.status == DisclosureStatus.published)
                                            .order_by(Disclosure.id.desc()).limit(200)).all(),
            "labels": LABELS}


@staff_bp.get("/")
@role_required(*RECORDERS)
def staff_index():
    rows = db.session.scalars(select(DecisionMatter).order_by(DecisionMatter.id.desc())).all()
    return render_template("decisions/staff_index.html", rows=rows, labels=LABELS)


@staff_bp.route("/moi", methods=["GET", "POST"])
@role_required(*MANAGERS)
def create():
    if request.method == "POST":
        data = forms.matter_data(request.form)
        try:
            m = services.create_matter(data, current_user)
        except DomainError as exc:
            db.session.rollback()
            return render_template("decisions/matter_form.html", values=data, errors=exc.fields, error=exc.message,
                                   **_form_choices()), 422
        db.session.commit()
        flash(gettext("Đã tạo việc đưa ra Nhân dân quyết định."), "success")
        return redirect(url_for(".manage", matter_id=m.id))
    return render_template("decisions/matter_form.html", values={"kind": "contribution", "method": "meeting"},
                           errors={}, error=None, **_form_choices())


@staff_bp.route("/<int:matter_id>/sua", methods=["GET", "POST"])
@role_required(*MANAGERS)
def edit(matter_id: int):
    m = matter_or_404(matter_id)
    if request.method == "POST":
        data = forms.matter_data(request.form)
        try:
            services.update_matter(m, data, current_user)
        except DomainError as exc:
            db.session.rollback()
            return render_template("decisions/matter_form.html", values=data, errors=exc.fields, error=exc.message,
                                   matter=m, **_form_choices()), 422
        db.session.commit()
        flash(gettext("Đã lưu."), "success")
        return redirect(url_for(".manage", matter_id=m.id))
    return render_template("decisions/matter_form.html", values=forms.matter_values(m), errors={}, error=None,
                           matter=m, **_form_choices())


@staff_bp.get("/<int:matter_id>")
@role_required(*RECORDERS)
def manage(matter_id: int):
    return render_template("decisions/manage.html", **_staff_ctx(matter_or_404(matter_id)))


CONFIRMED = ("y", "1", "on", "true")  # a required confirmation box, ticked
IRREVERSIBLE = ("counting", "decide")  # no way back: ballots stop; the result is published


def _confirmed() -> None:
    """Refuse an action that cannot be undone unless its confirmation box was ticked (no script needed)."""
    if request.form.get("confirm") not in CONFIRMED:
        raise DomainError(_l("Vui lòng đánh dấu ô xác nhận: thao tác này không hoàn tác được."))


STATE_ACTIONS = {
    "open": (services.open_matter, N_("Đã mở biểu quyết.")),
    "counting": (services.start_counting, N_("Đã kết thúc nhận phiếu trên Cổng.")),
    "decide": (results.decide_matter, N_("Đã kết thúc biểu quyết và công khai kết quả.")),
}


@staff_bp.post("/<int:matter_id>/<any(open, counting, decide):action>")
@role_required(*MANAGERS)
def change_state(matter_id: int, action: str):
    m = matter_or_404(matter_id)
    fn, message = STATE_ACTIONS[action]
    if action in IRREVERSIBLE:
        _run(lambda: (_confirmed(), fn(m, current_user)), gettext(message))
    else:
        _run(lambda: fn(m, current_user), gettext(message))
    return redirect(url_for(".manage", matter_id=m.id))


@staff_bp.post("/<int:matter_id>/huy")
@role_required(*MANAGERS)
def cancel(matter_id: int):
    m = matter_or_404(matter_id)
    _run(lambda: (_confirmed(), services.cancel_matter(m, request.form.get("reason", ""), current_user)),
         gettext("Đã hủy."))
    return redirect(url_for(".manage", matter_id=m.id))


def _refused(m: DecisionMatter, exc: DomainError, section: str):
    db.session.rollback()
    return render_template("decisions/manage.html", **{**_staff_ctx(m), "errors": exc.fields, "error": exc.message,
                                                       "section": section}), 422


def _recorded(m: DecisionMatter, change, section: str, message: str, anchor: str = ""):
    """Run one service call on the matter's staff page: commit, say so and go back to the page (at
    ``anchor``), or show the page again with the refusal beside ``section``."""
    try:
        change()
    except DomainError as exc:
        return _refused(m, exc, section)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for(".manage", matter_id=m.id) + anchor)


@staff_bp.post("/<int:matter_id>/hoi-nghi")
@role_required(*RECORDERS)
def add_meeting(matter_id: int):
    m = matter_or_404(matter_id)
    upload = request.files.get("minutes")
    minutes = (upload.filename or "", upload.read()) if upload and upload.filename else None
    return _recorded(m, lambda: services.record_meeting(m, forms.meeting_data(request.form, m), current_user, minutes),
                     "meeting", gettext("Đã ghi kết quả hội nghị."))


@staff_bp.post("/<int:matter_id>/phieu-giay")
@role_required(*RECORDERS)
def paper_ballot(matter_id: int):
    m = matter_or_404(matter_id)
    def cast():
        choice = forms.ballot_choice(request.form, m)
        ballots.cast_ballot(m, request.form.get("code", ""), choice, Channel.paper, current_user)

    return _recorded(m, cast, "paper", gettext("Đã ghi phiếu giấy."), "#phieu-giay")


@staff_bp.post("/<int:matter_id>/ma-phieu")
@role_required(*RECORDERS)
def issue(matter_id: int):
    m = matter_or_404(matter_id)
    try:
        ballots.issue_codes(m, request.form.get("group_id"), request.form.get("count"), current_user)
    except DomainError as exc:
        return _refused(m, exc, "codes")
    db.session.commit()
    batch = ballots.batch_codes(m)[-1].batch
    flash(gettext("Đã phát mã phiếu: in phiếu để giao tổ trưởng."), "success")
    return redirect(url_for(".slips", matter_id=m.id, batch=batch))


@staff_bp.get("/<int:matter_id>/in-phieu")
@role_required(*RECORDERS)
def slips(matter_id: int):
    from portal.urls import public_url_for

    m = matter_or_404(matter_id)
    batch = request.args.get("batch", type=int)
    vote_url = public_url_for("decisions.vote", matter_id=m.id)
    qr = segno.make(vote_url, error="m").svg_inline(scale=2, title=gettext("Mã QR địa chỉ biểu quyết"))
    return render_template("decisions/slips.html", m=m, codes=ballots.batch_codes(m, batch), vote_url=vote_url,
                           qr=Markup(qr))


@staff_bp.get("/bien-ban/<int:meeting_id>")
@role_required(*RECORDERS)
def minutes(meeting_id: int):
    meeting = get_row(DecisionMeeting, meeting_id)
    if meeting is None or not meeting.minutes_sha256:
        abort(404)
    return download_response(meeting.minutes_sha256, meeting.minutes_content_type,
                             meeting.minutes_filename or "bien-ban")


@staff_bp.post("/<int:matter_id>/cong-nhan")
@role_required(*MANAGERS)
def recognise(matter_id: int):
    m = matter_or_404(matter_id)
    return _recorded(m, lambda: followup.record_recognition(m, request.form, current_user), "recognition",
                     gettext("Đã ghi quyết định công nhận."))


@staff_bp.post("/<int:matter_id>/dong-gop")
@role_required(*RECORDERS)
def figures(matter_id: int):
    m = matter_or_404(matter_id)
    return _recorded(m, lambda: followup.set_figures(m, request.form, current_user), "figures",
                     gettext("Đã cập nhật số liệu đóng góp và công khai."), "#dong-gop")


@staff_bp.post("/<int:matter_id>/chi")
@role_required(*RECORDERS)
def spending(matter_id: int):
    m = matter_or_404(matter_id)
    return _recorded(m, lambda: followup.add_spending(m, request.form, current_user), "spending",
                     gettext("Đã ghi khoản chi và công khai."), "#dong-gop")


@staff_bp.route("/so-ho", methods=["GET", "POST"])
@role_required(*RECORDERS)
def households():
    error, errors, status = None, {}, 200
    if request.method == "POST":
        group = db.session.get(ResidentialGroup, services.as_id(request.form.get("group_id")) or 0)
        try:
            if group is None:
                raise DomainError(gettext("Vui lòng chọn %(group_kind)s.", **names()),
                                  {"group_id": gettext("Vui lòng chọn %(group_kind)s.", **names())})
            household_counts.set_household_count(group, request.form.get("as_of"), request.form.get("households"),
                                         current_user, request.form.get("note", ""))
        except DomainError as exc:
            db.session.rollback()
            error, errors, status = exc.message, exc.fields, 422
        else:
            db.session.commit()
            flash(gettext("Đã cập nhật số hộ gia đình."), "success")
            return redirect(url_for(".households"))
    groups = _form_choices()["groups"]
    counts = household_counts.household_counts(g.id for g in groups)
    return render_template("decisions/households.html", groups=groups, counts=counts, error=error, errors=errors,
                           form=request.form), status


@staff_bp.route("/quy-tac", methods=["GET", "POST"])
@role_required("admin")
def rule():
    error, errors, status = None, {}, 200
    if request.method == "POST":
        try:
            services.set_rule_settings(request.form, current_user)
        except DomainError as exc:
            db.session.rollback()
            error, errors, status = exc.message, exc.fields, 422
        else:
            db.session.commit()
            flash(gettext("Đã lưu quy tắc thông qua."), "success")
            return redirect(url_for(".rule"))
    current = services.rule_settings()
    values = request.form if request.method == "POST" else {
        "basis": current["rule_basis"].value, "threshold": str(current["threshold_percent"]),
        "quorum": str(current["quorum_percent"])}
    return render_template("decisions/rule.html", values=values, errors=errors, error=error, labels=LABELS), status
