"""Referral to the competent authority and the authority's answer (``verifying`` → ``referred`` →
``answered``)."""
from __future__ import annotations

import datetime as dt

from flask import current_app

from moderation.cases import deadlines, texts
from moderation.cases.common import S, as_date, move, notify_submitter, refuse, require
from moderation.cases.models import Case, Referral
from moderation.cases.permissions import can_work_case
from portal import ward
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import N_, _l
from portal.sanitize import clean_text

ANSWER_FILE_TYPES = {
    "application/pdf", "image/jpeg", "image/png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def refer_case(case: Case, actor, *, agency: str, sent_on, document_number: str = "", answer_due=None) -> Referral:
    """Recommend action to the competent authority; ``verifying``/``reopened`` → ``referred``."""
    require(can_work_case(actor, case))
    if case.status not in (S.verifying, S.reopened):
        refuse(case, N_("kiến nghị cơ quan có thẩm quyền"), N_("Cần ghi kết quả xác minh trước khi kiến nghị."))
    agency = clean_text(agency, 200)
    if not agency:
        raise DomainError(_l("Vui lòng nhập tên cơ quan có thẩm quyền nhận kiến nghị."))
    sent = as_date(sent_on, "Ngày gửi")
    if sent > ward.today() + dt.timedelta(days=1):
        raise DomainError(_l("Ngày gửi không được sau ngày hôm nay."))
    due = as_date(answer_due, "Hạn trả lời") if answer_due else deadlines.due_date("authority", sent)
    if due < sent:
        raise DomainError(_l("Hạn trả lời phải sau ngày gửi."))
    ref = Referral(case_id=case.id, agency=agency, sent_on=sent,
                   document_number=clean_text(document_number, 64), answer_due=due)
    db.session.add(ref)
    case.referred_at = utcnow()
    if case.acknowledged_at is None:
        case.acknowledged_at = case.referred_at
    move(case, S.referred, actor, "refer",
          texts.fill(texts.REFERRED, agency=agency, sent_on=f"{sent:%d/%m/%Y}"), public=True,
          details={"agency": agency, "sent_on": sent.isoformat(), "answer_due": due.isoformat()})
    db.session.flush()
    db.session.refresh(case)
    notify_submitter(case, "case_referred", "case-referred", referral=ref)
    return ref


def record_answer(case: Case, actor, *, answered_on, answer_number: str = "", summary: str = "",
                  file_data: bytes | None = None, file_name: str | None = None) -> Referral:
    """The authority's answer to the latest referral; ``referred`` → ``answered``."""
    from portal.files import clean_filename, inspect_upload, store_bytes

    require(can_work_case(actor, case))
    if case.status != S.referred:
        refuse(case, N_("ghi nhận trả lời của cơ quan có thẩm quyền"), N_("Hồ sơ phải đang chờ cơ quan trả lời."))
    ref = case.referrals[-1]
    day = as_date(answered_on, "Ngày trả lời")
    if day < ref.sent_on:
        raise DomainError(_l("Ngày trả lời không được trước ngày gửi kiến nghị."))
    summary = clean_text(summary, 10000)
    if not summary:
        raise DomainError(_l("Vui lòng tóm tắt nội dung trả lời của cơ quan có thẩm quyền."))
    if file_data:
        try:
            kind = inspect_upload(file_data, ANSWER_FILE_TYPES, current_app.config["ATTACHMENT_MAX_BYTES"])
            ref.answer_file_sha256 = store_bytes(file_data)
        except DomainError as exc:
            raise DomainError(_l("Tệp văn bản trả lời: %(problem)s", problem=exc)) from exc
        ref.answer_file_name = clean_filename(file_name, kind)
        ref.answer_file_type = kind
    ref.answered_on = day
    ref.answer_number = clean_text(answer_number, 64)
    ref.answer_summary = summary
    case.answered_at = utcnow()
    move(case, S.answered, actor, "answer",
          (texts.fill(texts.ANSWERED_WITH_NUMBER, agency=ref.agency, number=ref.answer_number) if ref.answer_number
           else texts.fill(texts.ANSWERED, agency=ref.agency)),
          public=True,
          details={"answered_on": day.isoformat(), "on_time": bool(ref.answer_due and day <= ref.answer_due)})
    db.session.flush()
    notify_submitter(case, "case_answered", "case-answered", referral=ref)
    return ref
