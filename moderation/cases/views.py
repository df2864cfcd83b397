"""Staff Board workspace: /can-bo/ban (case list, case page, referral letter)."""
from __future__ import annotations

import datetime as dt
import io

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import and_, func, or_, select, true
from sqlalchemy import case as sa_case
from wtforms import SelectChoice

from moderation.boards.models import POSITION_LABELS, Board
from moderation.cases import deadlines, triage
from moderation.cases.clocks import ClockLimits, clocks_for
from moderation.cases.filters import filter_cases
from moderation.cases.forms import AnswerForm, AssignForm, ReferForm, TextForm
from moderation.cases.models import CASE_STATUS_LABELS, Case, CaseStatus, Referral
from moderation.intake.models import Submission, SubmissionAttachment, Topic
from portal.accounts.models import User
from portal.errors import DomainError
from portal.extensions import db
from portal.files import download_response
from portal.i18n import N_, _l
from portal.params import get_row, page_arg
from portal.permissions import role_required
from portal.ward import ResidentialGroup
from public_docs.disclosures.models import Disclosure

bp = Blueprint("cases", __name__, url_prefix="/can-bo/ban", template_folder="templates")

BOARD_ROLES = ("board_member", "board_head")
PER_PAGE = 50  # cases shown per page of the list (every case is counted in its tabs)
TABS = [
    ("mine", N_("Được giao cho tôi")),
    ("unassigned", N_("Chưa phân công")),
    ("due", N_("Sắp đến hạn")),
    ("overdue", N_("Quá hạn")),
    ("open", N_("Đang xử lý")),
    ("all", N_("Tất cả")),
]


def visible_board_ids(user) -> list[int]:
    if "admin" in user.roles:
        return list(db.session.scalars(select(Board.id)))
    return triage.user_board_ids(user)


def _tab_conditions(limits: ClockLimits) -> dict:
    """Each tab as a SQL condition on a case (joined to its petition)."""
    is_open = Case.status != CaseStatus.closed
    opened = sa_case((Case.status == CaseStatus.reopened, func.coalesce(Case.reopened_at, Case.created_at)),
                     else_=Case.created_at)
    deciding = Case.status.in_([CaseStatus.new, CaseStatus.assigned, CaseStatus.verifying, CaseStatus.reopened])
    authority_due = _authority_due()

    def clock_state(state: str):
        last_day = limits.on - dt.timedelta(days=1) if state == "overdue" else limits.due_until
        return and_(is_open, or_(
            and_(Case.acknowledged_at.is_(None), opened < limits.opened_before("board_ack", state)),
            and_(deciding, opened < limits.opened_before("board_decision", state)),
            and_(Case.status == CaseStatus.referred, authority_due <= last_day)))

    overdue = clock_state("overdue")
    return {
        "mine": and_(is_open, Case.assignee_id == current_user.id),
        "unassigned": and_(is_open, Case.assignee_id.is_(None)),
        "due": and_(clock_state("due"), ~overdue),
        "overdue": overdue,
        "open": is_open,
        "all": true(),
    }


def _authority_due():
    """A case's last referral's answer date (by id), the authority's clock of a referred case."""
    return (select(Referral.answer_due).where(Referral.case_id == Case.id)
            .order_by(Referral.id.desc()).limit(1).scalar_subquery())


@bp.get("/")
@role_required(*BOARD_ROLES)
def cases():
    board_ids = visible_board_ids(current_user)
    tab = request.args.get("tab") or "open"
    if tab not in dict(TABS):
        tab = "open"
    page = page_arg()
    # Counted and paginated by the database: the clock tabs are comparisons of each case's opening
    # with a few moments computed once (ClockLimits); only the shown page's cases get their clocks.
    visible = Case.board_id.in_(board_ids or [-1])
    on = deadlines.today()
    conditions = _tab_conditions(ClockLimits(on))
    counted, filters = filter_cases(
        select(*[func.coalesce(func.sum(sa_case((cond, 1), else_=0)), 0).label(key)
                 for key, cond in conditions.items()])
        .select_from(Case).join(Submission, Submission.id == Case.submission_id).where(visible))
    counts = dict(db.session.execute(counted).one()._mapping)
    shown, _filters = filter_cases(
        select(Case.id, Case.board_id, Case.status, Case.assignee_id, Case.created_at, Case.acknowledged_at,
               Case.reopened_at, Submission.receipt_code, Submission.topic_id, Submission.group_id,
               func.coalesce(Submission.public_title, Submission.title).label("shown_title"),
               sa_case((Case.status == CaseStatus.referred, _authority_due()), else_=None).label("authority_due"))
        .join(Submission, Submission.id == Case.submission_id).where(visible, conditions[tab])
        .order_by(Case.created_at.desc(), Case.id.desc()).limit(PER_PAGE).offset((page - 1) * PER_PAGE))
    rows = [(case, clocks_for(case.status, case.created_at, case.reopened_at, case.acknowledged_at,
                              case.authority_due, on))
            for case in db.session.execute(shown)]
    groups = {g.id: g for g in db.session.scalars(select(ResidentialGroup))}
    users = {u.id: u for u in db.session.scalars(select(User))}
    topics = db.session.scalars(select(Topic).order_by(Topic.position, Topic.name)).all()
    boards = db.session.scalars(select(Board).where(Board.id.in_(board_ids or [-1]))).all()
    args = {"tab": tab, "topic": filters["topic"], "group": filters["group"], "status": filters["status"] or None}
    return render_template(
        "board/cases.html", rows=rows, tabs=TABS, tab=tab, counts=counts, groups=groups, users=users,
        topics=topics, statuses=CASE_STATUS_LABELS, filters=filters, boards=boards,
        topic_names={t.id: t.name for t in topics}, board_names={b.id: b.name for b in boards},
        total=counts[tab], page=page, per_page=PER_PAGE, page_args={k: v for k, v in args.items() if v},
    )


def _case_or_404(case_id: int) -> Case:
    case = db.session.get(Case, case_id) or abort(404)
    if not triage.can_view_case(current_user, case):
        abort(403)
    return case


def _referral_or_404(case: Case, referral_id: int) -> Referral:
    referral = db.session.get(Referral, referral_id)
    if referral is None or referral.case_id != case.id:
        abort(404)
    return referral


def _forms(case: Case, **bound):
    members = [
        (m.user_id, db.session.get(User, m.user_id)) for m in case.board.members if m.user_id is not None
    ]
    assign = bound.get("assign") or AssignForm(prefix="assign")
    assign.assignee.choices = [SelectChoice(uid, f"{u.name or u.email}") for uid, u in members if u is not None]
    if case.assignee_id and not assign.assignee.data:
        assign.assignee.data = case.assignee_id
    return {
        "assign_form": assign,
        "note_form": bound.get("note") or TextForm(prefix="note"),
        "verify_form": bound.get("verify") or TextForm(prefix="verify"),
        "refer_form": bound.get("refer") or ReferForm(prefix="refer"),
        "answer_form": bound.get("answer") or AnswerForm(prefix="answer"),
        "respond_form": bound.get("respond") or TextForm(prefix="respond", data={"text": case.public_response}),
    }


def _render_case(case: Case, error: str | None = None, contact=None, status: int = 200,
                 close_error: str | None = None, **bound):
    submission = case.submission
    users = {u.id: u for u in db.session.scalars(select(User))}
    group = db.session.get(ResidentialGroup, submission.group_id) if submission.group_id else None
    project = None
    if submission.disclosure_id:
        project = db.session.get(Disclosure, submission.disclosure_id)
    return render_template(
        "board/case.html", case=case, submission=submission, users=users, group=group, project=project,
        clocks=triage.case_clocks(case), error=error, contact=contact, close_error=close_error,
        can_assign=triage.can_assign(current_user, case), can_work=triage.can_work_case(current_user, case),
        can_view_original=triage.can_view_original(current_user, case),
        can_view_contact=triage.can_view_contact(current_user, case),
        status_labels=CASE_STATUS_LABELS, **_forms(case, **bound),
    ), status


@bp.get("/ho-so/<int:case_id>")
@role_required(*BOARD_ROLES)
def case_detail(case_id: int):
    return _render_case(_case_or_404(case_id))


CONFIRMED = ("y", "1", "on", "true")  # a required confirmation box, ticked
ACTIONS = {"assign", "acknowledge", "note", "verify", "refer", "answer", "respond", "close", "contact"}
MESSAGES = {
    "assign": N_("Đã phân công xử lý hồ sơ."),
    "acknowledge": N_("Đã xác nhận tiếp nhận hồ sơ."),
    "note": N_("Đã thêm ghi chú nội bộ."),
    "verify": N_("Đã ghi kết quả xác minh."),
    "refer": N_("Đã ghi nhận kiến nghị gửi cơ quan có thẩm quyền. Tải văn bản kiến nghị để in, ký."),
    "answer": N_("Đã ghi nhận trả lời của cơ quan có thẩm quyền."),
    "respond": N_("Đã đăng trả lời công khai."),
    "close": N_("Đã kết thúc hồ sơ; người gửi được thông báo."),
}


@bp.post("/ho-so/<int:case_id>/<action>")
@role_required(*BOARD_ROLES)
def case_action(case_id: int, action: str):
    if action not in ACTIONS:
        abort(404)
    case = _case_or_404(case_id)
    form = None
    try:
        if action == "assign":
            form = AssignForm(prefix="assign")
            form.assignee.choices = [SelectChoice(m.user_id, "") for m in case.board.members if m.user_id]
            if not form.validate_on_submit():
                raise DomainError(_l("Vui lòng chọn thành viên được phân công."))
            triage.assign_case(case, db.session.get(User, form.assignee.data), current_user)
        elif action == "acknowledge":
            triage.acknowledge_case(case, current_user)
        elif action in ("note", "verify", "respond"):
            form = TextForm(prefix=action)
            if not form.validate_on_submit():
                raise DomainError(_l("Nội dung không được để trống."))
            {"note": triage.add_note, "verify": triage.record_verification,
             "respond": triage.publish_response}[action](case, form.text.data, current_user)
        elif action == "refer":
            form = ReferForm(prefix="refer")
            if not form.validate_on_submit():
                raise DomainError(_l("Vui lòng kiểm tra các trường của kiến nghị gửi cơ quan có thẩm quyền."))
            triage.refer_case(case, current_user, agency=form.agency.data, sent_on=form.sent_on.data,
                              document_number=form.document_number.data or "", answer_due=form.answer_due.data)
        elif action == "answer":
            form = AnswerForm(prefix="answer")
            if not form.validate_on_submit():
                raise DomainError(_l("Vui lòng kiểm tra các trường của trả lời."))
            upload = form.file.data
            data = upload.read() if upload and getattr(upload, "filename", "") else None
            triage.record_answer(case, current_user, answered_on=form.answered_on.data,
                                 answer_number=form.answer_number.data or "", summary=form.summary.data,
                                 file_data=data, file_name=getattr(upload, "filename", None))
        elif action == "close":
            if request.form.get("confirm") not in CONFIRMED:
                message = _l("Vui lòng đánh dấu ô xác nhận để kết thúc hồ sơ.")
                raise DomainError(message, {"confirm": message})
            triage.close_case(case, current_user)
        elif action == "contact":
            if not triage.can_view_contact(current_user, case):
                abort(403)
            contact = triage.reveal_contact(case, current_user, request.form.get("reason", ""))
            db.session.commit()
            return _render_case(case, contact=contact)
    except DomainError as exc:
        db.session.rollback()
        case = db.session.get(Case, case_id)
        return _render_case(case, error=str(exc), status=400, close_error=exc.fields.get("confirm"),
                            **({action: form} if form is not None else {}))
    db.session.commit()
    flash(gettext(MESSAGES[action]), "success")
    return redirect(url_for("cases.case_detail", case_id=case.id))


@bp.get("/ho-so/<int:case_id>/kien-nghi/<int:referral_id>.docx")
@role_required(*BOARD_ROLES)
def referral_letter(case_id: int, referral_id: int):
    from moderation.documents import referral_letter_docx

    case = _case_or_404(case_id)
    referral = _referral_or_404(case, referral_id)
    data = referral_letter_docx(case, referral)
    return send_file(io.BytesIO(data), as_attachment=True,
                     download_name=f"kien-nghi-{case.submission.receipt_code}.docx",
                     mimetype="application/vnd.openxmlformats-officedocument.wordprocessingml.document")


@bp.get("/ho-so/<int:case_id>/tra-loi/<int:referral_id>")
@role_required(*BOARD_ROLES)
def answer_file(case_id: int, referral_id: int):
    referral = _referral_or_404(_case_or_404(case_id), referral_id)
    return download_response(referral.answer_file_sha256, referral.answer_file_type,
                             referral.answer_file_name or "tra-loi")


@bp.get("/ho-so/<int:case_id>/dinh-kem/<int:attachment_id>")
@role_required(*BOARD_ROLES)
def attachment(case_id: int, attachment_id: int):
    case = _case_or_404(case_id)
    if not triage.can_view_contact(current_user, case):
        abort(403)
    att = get_row(SubmissionAttachment, attachment_id)
    if att is None or att.submission_id != case.submission_id:
        abort(404)
    return download_response(att.sha256, att.content_type, att.filename)


def case_status_label(status) -> str:
    return triage.status_label(status)


def board_position_label(position: str) -> str:
    return POSITION_LABELS.get(position, position)
