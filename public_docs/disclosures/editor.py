"""Editor pages (/can-bo/cong-khai): drafts, preview, publish, amend, withdraw, comment window."""
from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage

from portal.errors import DomainError
from portal.extensions import db
from portal.files import download_response
from portal.i18n import N_
from portal.params import as_id, page_arg
from portal.permissions import role_required
from portal.sanitize import clean_text, nest_headings
from portal.units import ward_name_inline
from public_docs.disclosures import services
from public_docs.disclosures.editor_forms import AmendForm, DisclosureForm, choice_list, group_choices
from public_docs.disclosures.models import (
    POSTING_CHANNELS,
    STATUS_LABELS,
    Attachment,
    Disclosure,
    DisclosureStatus,
)
from public_docs.disclosures.services import UploadedFile

bp = Blueprint("disclosures_editor", __name__, url_prefix="/can-bo/cong-khai", template_folder="templates")

PER_PAGE = 30


def _form_data(form: DisclosureForm) -> dict:
    return {
        "number": form.number.data, "title": form.title.data, "summary": form.summary.data, "body": form.body.data,
        "category": form.category.data, "budget_kind": form.budget_kind.data,
        "budget_year": form.budget_year.data, "budget_quarter": form.budget_quarter.data, "form": form.form.data,
        "issuer": form.issuer.data, "issued_on": form.issued_on.data, "effective_on": form.effective_on.data,
        "posting_start": form.posting_start.data, "posting_end": form.posting_end.data,
        "is_project": form.is_project.data, "group_ids": form.group_ids.data or [],
    }


def _uploads() -> list[UploadedFile]:
    out = []
    for f in request.files.getlist("files"):
        if isinstance(f, FileStorage) and f.filename:
            out.append(UploadedFile(f.filename, f.read()))
    return out


def _show_errors(form, exc: DomainError) -> None:
    placed = False
    for field, message in exc.fields.items():
        if field in form._fields:
            form[field].errors = [message]
            placed = True
    if not placed:
        form.form_errors.append(exc.message)


def _commit() -> None:
    """Commit; a concurrent save of the same number becomes a form error, not a 500."""
    try:
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        message = _l("Số, ký hiệu vừa được dùng cho một văn bản khác. Vui lòng kiểm tra lại.")
        raise DomainError(message, field_errors={"number": message}) from exc


def _get(disclosure_id: int) -> Disclosure:
    d = db.session.get(Disclosure, disclosure_id)
    if d is None:
        abort(404)
    return d


def _fill(form: DisclosureForm, d: Disclosure) -> None:
    form.number.data = d.number
    form.title.data = d.title
    form.summary.data = d.summary
    form.body.data = d.body_source
    form.category.data = d.category
    form.budget_kind.data = d.budget_kind or ""
    form.budget_year.data = str(d.budget_year) if d.budget_year else ""
    form.budget_quarter.data = str(d.budget_quarter) if d.budget_quarter else ""
    form.form.data = d.form
    form.issuer.data = d.issuer
    for key in ("issued_on", "effective_on", "posting_start", "posting_end"):
        value = getattr(d, key)
        form[key].data = value.isoformat() if value else ""
    form.group_ids.data = [str(g.id) for g in d.groups]
    form.is_project.data = d.is_project


@bp.get("")
@role_required("editor")
def disclosures():
    status = request.args.get("status", "")
    q = clean_text(request.args.get("q"), 200)
    stmt = select(Disclosure)
    if status in {s.value for s in DisclosureStatus}:
        stmt = stmt.where(Disclosure.status == DisclosureStatus(status))
    if q:
        like = f"%{q.lower()}%"
        stmt = stmt.where(or_(func.lower(Disclosure.title).like(like), func.lower(Disclosure.number).like(like)))
    page = page_arg()
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = db.session.scalars(
        stmt.order_by(Disclosure.updated_at.desc(), Disclosure.id.desc()).limit(PER_PAGE).offset((page - 1) * PER_PAGE)
    ).all()
    counts = dict(db.session.execute(select(Disclosure.status, func.count()).group_by(Disclosure.status)).all())
    late = {d.id: services.publication_delay(d) for d in rows if d.published_at and services.is_late(d)}
    return render_template(
        "public_docs/editor/list.html", rows=rows, total=total, page=page, per_page=PER_PAGE, late=late,
        status=status, q=q, counts=counts, args={k: v for k, v in (("status", status), ("q", q)) if v},
    )


def _form_page(form: DisclosureForm, d: Disclosure | None, mode: str, code: int = 200, preview: dict | None = None):
    return render_template("public_docs/editor/form.html", form=form, d=d, mode=mode, preview=preview), code


def _save(form: DisclosureForm, disclosure_id: int | None, mode: str, save):
    """Run ``save()`` (a service call; returns the disclosure and the message to flash) and commit,
    then show the disclosure. A refused save shows the form again, errors tied to fields (422).
    The "Xem trước" button saves nothing: the same form comes back as typed, with the body as the
    public page would show it (pasted HTML cleaned)."""
    if request.form.get("preview"):
        return _form_page(form, _get(disclosure_id) if disclosure_id else None, mode,
                          preview=services.preview_body(form.body.data))
    try:
        d, message = save()
        _commit()
    except DomainError as exc:
        db.session.rollback()
        _show_errors(form, exc)
        return _form_page(form, _get(disclosure_id) if disclosure_id else None, mode, 422)
    flash(gettext(message), "success")
    return redirect(url_for("disclosures_editor.detail", disclosure_id=d.id))


@bp.post("/xem-truoc-noi-dung")
@role_required("editor")
def body_preview():
    """The paste zone's preview (portal/static/js/paste-body.js): the cleaned source and its HTML, as JSON.
    Nothing is saved."""
    result = services.preview_body(request.form.get("body", ""))
    return jsonify({"source": result["source"], "html": nest_headings(result["html"], 3)})


@bp.route("/moi", methods=["GET", "POST"])
@role_required("editor")
def create():
    form = DisclosureForm()
    form.group_ids.choices = group_choices()
    if request.method == "POST":
        def save():
            d = services.create_disclosure(_form_data(form), actor=current_user, files=_uploads())
            return d, N_("Đã lưu bản nháp. Kiểm tra bản xem trước rồi công bố.")

        return _save(form, None, "create", save)
    form.issuer.data = f"UBND {ward_name_inline()}"
    form.issued_on.data = services.today().isoformat()
    return _form_page(form, None, "create")


@bp.route("/<int:disclosure_id>/sua", methods=["GET", "POST"])
@role_required("editor")
def edit(disclosure_id: int):
    d = _get(disclosure_id)
    if d.status != DisclosureStatus.draft:
        flash(gettext("Văn bản đã công khai: hãy dùng chức năng đính chính để tạo phiên bản mới."), "warning")
        return redirect(url_for("disclosures_editor.amend", disclosure_id=d.id))
    form = DisclosureForm()
    form.group_ids.choices = group_choices()
    if request.method == "POST":
        def save():
            services.update_disclosure(d, _form_data(form), actor=current_user, files=_uploads())
            return d, N_("Đã lưu bản nháp.")

        return _save(form, disclosure_id, "edit", save)
    _fill(form, d)
    return _form_page(form, d, "edit")


@bp.route("/<int:disclosure_id>/dinh-chinh", methods=["GET", "POST"])
@role_required("editor")
def amend(disclosure_id: int):
    d = _get(disclosure_id)
    if d.status != DisclosureStatus.published:
        flash(gettext("Chỉ văn bản đang công khai mới được đính chính."), "warning")
        return redirect(url_for("disclosures_editor.detail", disclosure_id=d.id))
    form = AmendForm()
    form.group_ids.choices = group_choices()
    form.remove_attachment_ids.choices = choice_list((str(a.id), a.filename) for a in services.active_attachments(d))
    if request.method == "POST":
        def save():
            version = services.amend_disclosure(
                d, _form_data(form), form.change_note.data, actor=current_user,
                secrecy_confirmed=bool(form.secrecy_confirmed.data), files=_uploads(),
                remove_attachment_ids=[i for i in map(as_id, form.remove_attachment_ids.data or []) if i],
            )
            return d, gettext("Đã đính chính, văn bản hiện ở phiên bản %(version)s.", version=version.version_no)

        return _save(form, disclosure_id, "amend", save)
    _fill(form, d)
    return _form_page(form, d, "amend")


def _detail(d: Disclosure, errors: dict | None = None, values: dict | None = None, code: int = 200):
    return render_template(
        "public_docs/editor/detail.html", d=d, attachments=services.active_attachments(d),
        versions=sorted(d.versions, key=lambda v: -v.version_no), errors=errors or {}, values=values or {},
        open_for_comments=services.is_open_for_comments(d), today=services.today(),
        delay=services.publication_delay(d), late=services.is_late(d),
        late_limit=services.late_publication_working_days(), posting_min_days=services.posting_min_days(),
        posting_channels=POSTING_CHANNELS, loudspeaker_min_days=services.loudspeaker_min_days(),
        public_url=url_for("disclosures.disclosure_detail", disclosure_id=d.id) if d.is_public else None,
    ), code


@bp.get("/<int:disclosure_id>")
@role_required("editor")
def detail(disclosure_id: int):
    return _detail(_get(disclosure_id))


def _action(disclosure_id: int, fn, success: str, values: dict):
    d = _get(disclosure_id)
    try:
        fn(d)
    except DomainError as exc:
        db.session.rollback()
        d = _get(disclosure_id)
        errors = dict(exc.fields) or {"_": exc.message}
        errors.setdefault("_", exc.message)
        return _detail(d, errors, values, 422)
    db.session.commit()
    flash(gettext(success), "success")
    return redirect(url_for("disclosures_editor.detail", disclosure_id=d.id))


@bp.post("/<int:disclosure_id>/cong-bo")
@role_required("editor")
def publish(disclosure_id: int):
    confirmed = request.form.get("secrecy_confirmed") in ("y", "1", "on", "true")
    return _action(
        disclosure_id,
        lambda d: services.publish_disclosure(d, actor=current_user, secrecy_confirmed=confirmed),
        N_("Đã công bố văn bản trên cổng thông tin."), {},
    )


@bp.post("/<int:disclosure_id>/hinh-thuc-cong-khai")
@role_required("editor")
def posting_add(disclosure_id: int):
    """Record another way the disclosure was posted (headquarters, group house, loudspeaker, meeting)."""
    fields = ("channel", "place", "start_on", "end_on", "law_minimum", "note")
    values = {k: request.form.get(k, "") for k in fields}
    return _action(
        disclosure_id, lambda d: services.record_posting(d, values, actor=current_user),
        N_("Đã ghi hình thức công khai."), {f"posting_{k}": v for k, v in values.items()},
    )


@bp.post("/<int:disclosure_id>/thu-hoi")
@role_required("editor")
def withdraw(disclosure_id: int):
    reason = request.form.get("reason", "")
    confirmed = request.form.get("confirm_withdraw") in ("y", "1", "on", "true")

    def withdraw_confirmed(d):
        if not confirmed:
            message = _l("Vui lòng đánh dấu ô xác nhận để thu hồi văn bản.")
            raise DomainError(message, {"confirm_withdraw": message})
        services.withdraw_disclosure(d, reason, actor=current_user)

    return _action(
        disclosure_id, withdraw_confirmed,
        N_("Đã thu hồi văn bản. Trang công khai vẫn giữ và ghi rõ lý do thu hồi."), {"reason": reason},
    )


@bp.post("/<int:disclosure_id>/lay-y-kien")
@role_required("editor")
def comments_open(disclosure_id: int):
    start, end = request.form.get("comments_open_from", ""), request.form.get("comments_open_until", "")
    return _action(
        disclosure_id, lambda d: services.open_for_comments(d, start, end, actor=current_user),
        N_("Đã mở lấy ý kiến Nhân dân."), {"comments_open_from": start, "comments_open_until": end},
    )


@bp.post("/<int:disclosure_id>/dong-y-kien")
@role_required("editor")
def comments_close(disclosure_id: int):
    confirmed = request.form.get("confirm_close_comments") in ("y", "1", "on", "true")

    def close_confirmed(d):
        if not confirmed:
            message = _l("Vui lòng đánh dấu ô xác nhận để kết thúc lấy ý kiến trước thời hạn.")
            raise DomainError(message, {"confirm_close_comments": message})
        services.close_comments(d, actor=current_user)

    return _action(disclosure_id, close_confirmed, N_("Đã kết thúc lấy ý kiến."), {})


@bp.post("/<int:disclosure_id>/tep/<int:attachment_id>/go")
@role_required("editor")
def attachment_remove(disclosure_id: int, attachment_id: int):
    att = db.session.get(Attachment, attachment_id)
    if att is None:
        abort(404)
    if _get(disclosure_id).status != DisclosureStatus.draft:
        flash(gettext("Văn bản đã công khai: gỡ tệp bằng chức năng đính chính."), "warning")
        return redirect(url_for("disclosures_editor.detail", disclosure_id=disclosure_id))
    return _action(
        disclosure_id, lambda d: services.remove_attachment(d, att, actor=current_user), N_("Đã gỡ tệp đính kèm."), {}
    )


@bp.get("/<int:disclosure_id>/tep/<int:attachment_id>")
@role_required("editor")
def attachment_download(disclosure_id: int, attachment_id: int):
    att = db.session.get(Attachment, attachment_id)
    if att is None or att.disclosure_id != disclosure_id:
        abort(404)
    return download_response(att.sha256, att.content_type, att.filename)


def template_globals() -> dict:
    return {"EDITOR_STATUS_LABELS": STATUS_LABELS}
