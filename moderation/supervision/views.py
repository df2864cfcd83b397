"""Staff pages of a Board's supervisions (/can-bo/ban/giam-sat): list, plan, the supervision's page
with the step it is at, the notice letter, files. Views stay thin: parse, one service call, commit."""
from __future__ import annotations

import io
from pathlib import Path

from flask import (
    Blueprint,
    abort,
    flash,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_babel import gettext
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from moderation.boards.models import POSITION_LABELS, Board
from moderation.cases import deadlines
from moderation.supervision import services
from moderation.supervision.documents import member_name, notice_letter_docx
from moderation.supervision.forms import (
    AnswerForm,
    ApproveForm,
    ConclusionForm,
    EntryForm,
    NoticeForm,
    PlanForm,
    StartForm,
)
from moderation.supervision.models import (
    ENTRY_KINDS,
    STATUS_LABELS,
    Recommendation,
    SupervisionEntry,
)
from moderation.supervision.permissions import boards_led_by, can_lead, can_view, can_work
from portal.accounts.models import User
from portal.errors import DomainError
from portal.extensions import db
from portal.params import as_id
from portal.permissions import role_required

TEMPLATES = str(Path(__file__).resolve().parent / "templates")
BOARD_ROLES = ("board_member", "board_head")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

bp = Blueprint("supervision", __name__, url_prefix="/can-bo/ban/giam-sat", template_folder=TEMPLATES)


def _plan_form(formdata=True) -> PlanForm:
    form = PlanForm() if formdata else PlanForm(formdata=None)
    boards = boards_led_by(current_user)
    # the linked accounts, loaded once (member_name reads them from the session's identity map)
    _accounts = db.session.scalars(select(User).where(User.id.in_(
        {m.user_id for b in boards for m in b.members if m.user_id}))).all()  # kept alive
    form.board_id.choices = [SelectChoice(b.id, b.name) for b in boards]
    form.member_ids.choices = [SelectChoice(m.id, f"{member_name(m) or gettext('Khuyết')} – {b.name}")
                               for b in boards for m in b.members if member_name(m)]
    return form


@bp.get("/")
@role_required(*BOARD_ROLES)
def index():
    rows = services.visible_supervisions(current_user)
    projects = [b for b in db.session.scalars(select(Board).where(Board.kind == "supervision").order_by(Board.id))
                if can_view(current_user, b)]
    return render_template("supervision/list.html", rows=rows, labels=STATUS_LABELS,
                           can_plan=bool(boards_led_by(current_user)), projects=projects)


@bp.route("/moi", methods=["GET", "POST"])
@role_required("board_head")
def plan():
    form = _plan_form(formdata=request.method == "POST")
    if not form.board_id.choices:  # signed in as a head, but of no Board (or an admin outside them)
        return render_template("supervision/plan.html", form=None, error=None)
    if request.method == "GET":
        form.case_id.data = request.args.get("case", "")
        form.disclosure_id.data = request.args.get("disclosure", "")
        form.subject.data = (request.args.get("subject") or "")[:300]  # e.g. from a decision matter's contributions
    error = None
    if request.method == "POST":
        board = db.session.get(Board, form.board_id.data) if form.board_id.data else None
        try:
            if not form.validate_on_submit() or board is None:
                raise DomainError(gettext("Vui lòng kiểm tra các trường được đánh dấu."))
            case_id, disclosure_id = (form.case_id.data or "").strip(), (form.disclosure_id.data or "").strip()
            if (case_id and as_id(case_id) is None) or (disclosure_id and as_id(disclosure_id) is None):
                raise DomainError(gettext("Số hồ sơ hoặc số thông tin công khai phải là số."))
            sup = services.open_supervision(
                board, current_user, subject=form.subject.data, supervised_body=form.supervised_body.data,
                planned_start=form.planned_start.data, planned_end=form.planned_end.data,
                legal_basis=form.legal_basis.data, documents_requested=form.documents_requested.data,
                member_ids=form.member_ids.data, case_id=as_id(case_id), disclosure_id=as_id(disclosure_id))
        except DomainError as exc:
            db.session.rollback()
            error = str(exc)
        else:
            db.session.commit()
            flash(gettext("Đã lập kế hoạch giám sát."), "success")
            return redirect(url_for("supervision.detail", supervision_id=sup.id))
    return render_template("supervision/plan.html", form=form, error=error), 400 if error else 200


@bp.route("/<int:supervision_id>/sua", methods=["GET", "POST"])
@role_required("board_head")
def edit_plan(supervision_id: int):
    """Change the plan while its notice has not gone out."""
    sup = _sup_or_404(supervision_id)
    if not can_lead(current_user, sup.board):
        abort(403)
    form = PlanForm() if request.method == "POST" else PlanForm(formdata=None, obj=sup)
    form.board_id.choices = [SelectChoice(sup.board.id, sup.board.name)]
    form.member_ids.choices = [SelectChoice(m.id, member_name(m)) for m in sup.board.members if member_name(m)]
    if request.method == "GET":
        form.member_ids.data = [m.id for m in sup.members]
    error = None
    if request.method == "POST":
        try:
            if not form.validate_on_submit():
                raise DomainError(gettext("Vui lòng kiểm tra các trường được đánh dấu."))
            services.update_plan(sup, current_user, subject=form.subject.data,
                                 supervised_body=form.supervised_body.data,
                                 planned_start=form.planned_start.data, planned_end=form.planned_end.data,
                                 legal_basis=form.legal_basis.data, documents_requested=form.documents_requested.data,
                                 member_ids=form.member_ids.data)
        except DomainError as exc:
            db.session.rollback()
            error = str(exc)
        else:
            db.session.commit()
            flash(gettext("Đã lưu kế hoạch giám sát."), "success")
            return redirect(url_for("supervision.detail", supervision_id=sup.id))
    return render_template("supervision/plan.html", form=form, error=error, sup=sup), 400 if error else 200


def _sup_or_404(supervision_id: int):
    sup = services.get_for(current_user, supervision_id)
    if sup is None:
        abort(404)
    return sup


def _conclusion_form(sup, formdata=False) -> ConclusionForm:
    if formdata:
        return ConclusionForm()
    form = ConclusionForm(formdata=None)
    form.number.data = sup.conclusion_number
    form.findings.data = sup.findings
    recs = list(sup.recommendations)
    while len(form.recommendations) < len(recs) + 1:
        form.recommendations.append_entry()
    for row, rec in zip(form.recommendations, recs, strict=False):
        row.form.text.data, row.form.addressee.data, row.form.due_on.data = rec.text, rec.addressee, rec.due_on
    return form


def _render(sup, error=None, forms=None, status=200):
    forms = forms or {}
    today = deadlines.today()
    notice = forms.get("notice") or NoticeForm(formdata=None, sent_on=today)
    start_default = max(today, services.earliest_start(sup.notice_sent_on)) if sup.notice_sent_on else today
    ctx = {
        "sup": sup, "error": error, "labels": STATUS_LABELS, "entry_kinds": ENTRY_KINDS, "positions": POSITION_LABELS,
        "member_name": member_name, "rec_status": services.recommendation_status, "today": today,
        "notice_days": services.notice_days(),
        "earliest": services.earliest_start(sup.notice_sent_on) if sup.notice_sent_on else None,
        "earliest_if_today": services.earliest_start(today),
        "lead": can_lead(current_user, sup.board), "work": can_work(current_user, sup.board),
        "notice_form": notice,
        "start_form": forms.get("start") or StartForm(formdata=None, started_on=start_default),
        "entry_form": forms.get("entry") or EntryForm(formdata=None, happened_on=today,
                                                   kind="note" if sup.status.value in ("planned", "notified")
                                                   else "visit"),
        "conclusion_form": forms.get("conclusion") or _conclusion_form(sup),
        "approve_form": forms.get("approve") or ApproveForm(formdata=None, prefix="ap", number=sup.conclusion_number),
        "answer_forms": {r.id: (forms.get(f"answer{r.id}") or AnswerForm(formdata=None, prefix=f"a{r.id}",
                                                                          answered_on=today))
                      for r in sup.recommendations},
    }
    return render_template("supervision/detail.html", **ctx), status


@bp.get("/<int:supervision_id>")
@role_required(*BOARD_ROLES)
def detail(supervision_id: int):
    return _render(_sup_or_404(supervision_id))


def _upload():
    f = request.files.get("file")
    if f is None or not f.filename:
        return None, None
    return f.read(), f.filename


@bp.post("/<int:supervision_id>/<action>")
@role_required(*BOARD_ROLES)
def act(supervision_id: int, action: str):
    sup = _sup_or_404(supervision_id)
    forms = {}
    messages = {
        "notice": gettext("Đã ghi nhận ngày gửi thông báo giám sát."),
        "start": gettext("Đã bắt đầu cuộc giám sát."),
        "entry": gettext("Đã ghi nhận."),
        "conclusion": gettext("Đã lưu dự thảo kết luận."),
        "approve": gettext("Đã phê duyệt kết luận: kết luận được công khai và các kiến nghị đã được gửi."),
    }
    if action not in messages:
        abort(404)
    try:
        if action == "notice":
            form = forms["notice"] = NoticeForm()
            if not form.validate_on_submit():
                raise DomainError(gettext("Vui lòng nhập ngày gửi thông báo hợp lệ."))
            services.record_notice(sup, current_user, sent_on=form.sent_on.data, number=form.number.data)
        elif action == "start":
            form = forms["start"] = StartForm()
            if not form.validate_on_submit():
                raise DomainError(gettext("Vui lòng nhập ngày bắt đầu hợp lệ."))
            services.start_supervision(sup, current_user, started_on=form.started_on.data)
        elif action == "entry":
            form = forms["entry"] = EntryForm()
            if not form.validate_on_submit():
                raise DomainError(gettext("Vui lòng chọn loại và nhập ngày hợp lệ."))
            data, name = _upload()
            services.add_entry(sup, current_user, kind=form.kind.data, happened_on=form.happened_on.data,
                               text=form.text.data, file_data=data, file_name=name)
        elif action == "conclusion":
            form = forms["conclusion"] = ConclusionForm()
            if not form.validate_on_submit():
                raise DomainError(gettext("Vui lòng nhập kết quả giám sát; ngày theo dạng hợp lệ."))
            services.save_conclusion(sup, current_user, findings=form.findings.data, number=form.number.data,
                                     recommendations=[r.data for r in form.recommendations])
        else:
            form = forms["approve"] = ApproveForm(prefix="ap")
            if not form.validate_on_submit():
                raise DomainError(gettext("Vui lòng nhập số, ký hiệu của kết luận."))
            services.approve_conclusion(sup, current_user, number=form.number.data,
                                        secrecy_confirmed=form.secrecy_confirmed.data)
    except DomainError as exc:
        db.session.rollback()
        return _render(services.get_for(current_user, supervision_id), error=str(exc), forms=forms, status=400)
    db.session.commit()
    flash(messages[action], "success")
    return redirect(url_for("supervision.detail", supervision_id=sup.id))


@bp.post("/kien-nghi/<int:recommendation_id>/tra-loi")
@role_required(*BOARD_ROLES)
def answer(recommendation_id: int):
    rec = db.session.get(Recommendation, recommendation_id)
    if rec is None or not can_view(current_user, rec.supervision.board):
        abort(404)
    form = AnswerForm(prefix=f"a{rec.id}")
    try:
        if not form.validate_on_submit():
            raise DomainError(gettext("Vui lòng nhập ngày trả lời hợp lệ và tóm tắt nội dung trả lời."))
        data, name = _upload()
        services.record_recommendation_answer(
            rec, current_user, answered_on=form.answered_on.data, summary=form.summary.data,
            accepted=form.accepted.data == "1", answer_number=form.answer_number.data, file_data=data,
            file_name=name)
    except DomainError as exc:
        db.session.rollback()
        sup = services.get_for(current_user, rec.supervision_id)
        return _render(sup, error=str(exc), forms={f"answer{recommendation_id}": form}, status=400)
    db.session.commit()
    flash(gettext("Đã ghi nhận trả lời kiến nghị."), "success")
    return redirect(url_for("supervision.detail", supervision_id=rec.supervision_id))


@bp.get("/<int:supervision_id>/thong-bao.docx")
@role_required(*BOARD_ROLES)
def notice_letter(supervision_id: int):
    sup = _sup_or_404(supervision_id)
    return send_file(io.BytesIO(notice_letter_docx(sup)), as_attachment=True, mimetype=DOCX,
                     download_name=f"thong-bao-giam-sat-{sup.id}.docx")


def _send_stored(sha: str | None, name: str | None, ctype: str | None):
    from portal.files import read_stored

    if not sha:
        abort(404)
    try:
        data = read_stored(sha)
    except (OSError, ValueError):
        abort(404)
    return send_file(io.BytesIO(data), as_attachment=True, download_name=name or "tep", mimetype=ctype)


@bp.get("/tep/<int:entry_id>")
@role_required(*BOARD_ROLES)
def entry_file(entry_id: int):
    entry = db.session.get(SupervisionEntry, entry_id)
    if entry is None or services.get_for(current_user, entry.supervision_id) is None:
        abort(404)
    return _send_stored(entry.file_sha256, entry.file_name, entry.file_type)


@bp.get("/kien-nghi/<int:recommendation_id>/tep")
@role_required(*BOARD_ROLES)
def answer_file(recommendation_id: int):
    rec = db.session.get(Recommendation, recommendation_id)
    if rec is None or services.get_for(current_user, rec.supervision_id) is None:
        abort(404)
    return _send_stored(rec.answer_file_sha256, rec.answer_file_name, rec.answer_file_type)


def _investment_board_or_404(board_id: int) -> Board:
    board = db.session.get(Board, board_id)
    if board is None or board.kind.value != "supervision" or not can_view(current_user, board):
        abort(404)
    return board


def _render_project(board, error=None, doc_form=None, progress_form=None, status=200):
    from moderation.supervision import investment
    from moderation.supervision.forms import DocumentForm, ProgressForm
    from moderation.supervision.models import INVESTMENT_DOCUMENTS

    today = deadlines.today()
    doc_form = doc_form or DocumentForm(formdata=None, prefix="doc", day=today)
    doc_form.kind.choices = [SelectChoice(k, v) for k, v in INVESTMENT_DOCUMENTS.items()]
    progress_form = progress_form or ProgressForm(formdata=None, prefix="pr", reported_on=today)
    return render_template("supervision/project.html", board=board, rows=investment.checklist(board),
                           reports=investment.reports(board), doc_form=doc_form, progress_form=progress_form,
                           work=can_work(current_user, board), error=error), status


@bp.get("/du-an/<int:board_id>")
@role_required(*BOARD_ROLES)
def project(board_id: int):
    return _render_project(_investment_board_or_404(board_id))


@bp.post("/du-an/<int:board_id>/<action>")
@role_required(*BOARD_ROLES)
def project_act(board_id: int, action: str):
    from moderation.supervision import investment
    from moderation.supervision.forms import DocumentForm, ProgressForm
    from moderation.supervision.models import INVESTMENT_DOCUMENTS

    board = _investment_board_or_404(board_id)
    doc_form = progress_form = None
    try:
        if action == "tai-lieu":
            doc_form = DocumentForm(prefix="doc")
            doc_form.kind.choices = [SelectChoice(k, v) for k, v in INVESTMENT_DOCUMENTS.items()]
            if not doc_form.validate_on_submit():
                raise DomainError(gettext("Vui lòng chọn tài liệu và nhập ngày hợp lệ."))
            if doc_form.action.data == "request":
                investment.request_document(board, current_user, kind=doc_form.kind.data,
                                            requested_on=doc_form.day.data,
                                            note=doc_form.note.data or "")
            else:
                f = request.files.get("doc-file")
                data, name = (f.read(), f.filename) if f is not None and f.filename else (None, None)
                investment.receive_document(board, current_user, kind=doc_form.kind.data, received_on=doc_form.day.data,
                                            file_data=data, file_name=name, note=doc_form.note.data or "")
        elif action == "bao-cao":
            progress_form = ProgressForm(prefix="pr")
            if not progress_form.validate_on_submit():
                raise DomainError(gettext("Vui lòng nhập kỳ, ngày và nội dung báo cáo."))
            investment.add_progress_report(board, current_user, period=progress_form.period.data,
                                           reported_on=progress_form.reported_on.data, text=progress_form.text.data)
        else:
            abort(404)
    except DomainError as exc:
        db.session.rollback()
        return _render_project(board, error=str(exc), doc_form=doc_form, progress_form=progress_form, status=400)
    db.session.commit()
    flash(gettext("Đã cập nhật."), "success")
    return redirect(url_for("supervision.project", board_id=board.id))


@bp.get("/du-an/tai-lieu/<int:document_id>")
@role_required(*BOARD_ROLES)
def project_file(document_id: int):
    from moderation.supervision.models import InvestmentDocument

    row = db.session.get(InvestmentDocument, document_id)
    if row is None:
        abort(404)
    _investment_board_or_404(row.board_id)
    return _send_stored(row.file_sha256, row.file_name, row.file_type)
