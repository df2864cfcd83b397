"""Reception services: petitions received offline (one at a time or a batch from one meeting),
complaints and denunciations counted at the desk, and the schedule of reception sessions.

Offline petitions go through ``moderation.intake.submit_petition``: the same checks, receipt code,
queue and Board workflow as the web form, with the channel the staff member picked. Every function
checks its input (one Vietnamese message per field), changes rows, audits and flushes; the view
commits once."""
from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select

from moderation import intake
from moderation.cases import deadlines
from moderation.intake import MatterRedirected
from moderation.intake.fields import CHECK_FIELDS, check_text, truthy
from moderation.intake.models import Channel, MatterKind, Submission, SubmissionEvent
from moderation.reception.models import (
    OFFLINE_CHANNELS,
    OfflineReceipt,
    ReceptionSession,
    SessionKind,
    SessionStatus,
)
from portal import audit
from portal.database import utcnow
from portal.errors import DomainError
from portal.extensions import db
from portal.sanitize import clean_text
from portal.units import vi_text

RECEPTION_ROLES = ("reception", "moderator")  # admin passes every role check
SCHEDULE_ROLES = ("editor",)
REGISTRATION_STAFF_ROLES = ("reception", "moderator", "editor")
MAX_BATCH = 20
MAX_DESK_COUNT = 200
ADDRESS_MAX = 300


def _date(value, errors: dict, field: str, label: str, required: bool = True) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    raw = clean_text(str(value or ""), 32)
    if not raw:
        if required:
            errors[field] = f"Vui lòng nhập {label}."
        return None
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        try:
            day = dt.datetime.strptime(raw, "%d/%m/%Y").date()
        except ValueError:
            errors[field] = f"{label[:1].upper()}{label[1:]} không hợp lệ (ngày/tháng/năm)."
            return None
    if not 2000 <= day.year <= 2100:
        errors[field] = f"{label[:1].upper()}{label[1:]} không hợp lệ (năm từ 2000 đến 2100)."
        return None
    return day


# --- petitions received offline -----------------------------------------------------------------

def check_offline_details(data: dict, errors: dict) -> dict:
    """The offline part of a petition: channel, day and place received, who received it."""
    channel = str(data.get("channel") or "")
    if channel not in OFFLINE_CHANNELS:
        errors["channel"] = "Vui lòng chọn kênh tiếp nhận trong danh sách."
    received_on = _date(data.get("received_on"), errors, "received_on", "ngày tiếp nhận")
    if received_on and received_on > deadlines.today():
        errors["received_on"] = "Ngày tiếp nhận không được ở tương lai."
    place = check_text(errors, "place", data.get("place"), "Nơi tiếp nhận", False, limit="title")
    received_by = check_text(errors, "received_by", data.get("received_by"), "Người tiếp nhận", True, limit="name")
    return {"channel": channel, "received_on": received_on, "place": place, "received_by": received_by}


def _check_address(data: dict, errors: dict, field: str = "address") -> str:
    raw = str(data.get(field) or "")
    address = clean_text(raw, ADDRESS_MAX * 2)
    if len(address) > ADDRESS_MAX:
        errors[field] = f"Địa chỉ tối đa {ADDRESS_MAX} ký tự."
    return address[:ADDRESS_MAX]


def _petition_data(data: dict, errors: dict) -> dict:
    """What ``intake.submit_petition`` takes. Consent to be contacted is the resident's, recorded
    by the staff member; without it no name, phone or address is kept."""
    consent = truthy(data.get("consent_contact"))
    address = _check_address(data, errors)
    has_contact = any(clean_text(str(data.get(k) or "")) for k in ("name", "phone")) or address
    if has_contact and not consent:
        errors["consent_contact"] = vi_text("Người dân chưa đồng ý để %(ward_kind)s liên hệ và xử lý thông tin cá "
                                            "nhân: bỏ trống họ tên, điện thoại, địa chỉ, hoặc đánh dấu đã được đồng ý.")
    return {"kind": "feedback", "topic": data.get("topic"), "group": data.get("group"),
            "project_id": data.get("project_id"), "title": data.get("title"), "description": data.get("description"),
            "name": data.get("name"), "phone": data.get("phone"), "email": "",
            "visibility": data.get("visibility") or "private", "consent": consent, "address": address}


def _store_offline(code: str, actor, details: dict, address: str, consent: bool, session=None,
                   event_label: str = "", batch: str | None = None) -> Submission:
    sub = intake.find_by_code(code)
    sub.received_on = details["received_on"]
    sub.entered_by_id = getattr(actor, "id", None)
    if address:
        if sub.contact is None:
            from flask import current_app

            from moderation.intake.models import SubmitterContact

            sub.contact = SubmitterContact(consent_at=utcnow(),
                                           consent_version=str(current_app.config["PRIVACY_NOTICE_VERSION"]))
        sub.contact.address = address
    db.session.add(OfflineReceipt(
        submission_id=sub.id, received_on=details["received_on"], place=details["place"],
        received_by=details["received_by"], session_id=session.id if session else None,
        event_label=event_label, batch=batch, consent_contact=consent, entered_by_id=getattr(actor, "id", None)))
    where = f" tại {details['place']}" if details["place"] else ""
    db.session.add(SubmissionEvent(
        submission=sub, action="offline_details", actor_id=getattr(actor, "id", None),
        internal_note=(f"Tiếp nhận ngoài Cổng ngày {details['received_on']:%d/%m/%Y}{where}; "
                       f"người tiếp nhận: {details['received_by']}.")))
    db.session.flush()
    audit.record(actor, "submission.offline_receipt", sub, {
        "channel": sub.channel.value, "received_on": details["received_on"].isoformat(),
        "session_id": session.id if session else None, "batch": batch})
    return sub


def enter_offline_petition(actor, data: dict, files=(), session=None) -> Submission:
    """One petition received offline: the intake service with the staff's channel, then where,
    when and by whom. Raises ``DomainError`` with every field's message."""
    errors: dict[str, str] = {}
    details = check_offline_details(data, errors)
    pdata = _petition_data(data, errors)
    try:
        intake.validate_petition(pdata, files)
    except DomainError as exc:
        errors.update(exc.field_errors)
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    code = intake.submit_petition(pdata, files, channel=Channel(details["channel"]), actor=actor)
    return _store_offline(code, actor, details, pdata["address"], pdata["consent"], session=session)


def new_batch_key() -> str:
    return secrets.token_hex(8)


def enter_batch(actor, common: dict, items: list[dict], session=None) -> list[Submission]:
    """Several opinions raised at one meeting or dialogue, entered together and linked to it (a
    session of the schedule, or a meeting named in ``common['event_label']``). All or none:
    ``DomainError.field_errors`` keys are ``field`` for the shared part and ``item-N-field`` per opinion."""
    errors: dict[str, str] = {}
    details = check_offline_details(common, errors)
    event_label = check_text(errors, "event_label", common.get("event_label"), "Tên hội nghị, cuộc họp",
                             session is None, limit="title")
    filled = [(i, it) for i, it in enumerate(items)
              if any(clean_text(str(it.get(k) or "")) for k in ("title", "description", "name", "phone"))]
    if not filled:
        errors["items"] = "Vui lòng nhập ít nhất một ý kiến."
    if len(filled) > MAX_BATCH:
        errors["items"] = f"Mỗi lần nhập tối đa {MAX_BATCH} ý kiến."
    checked = []
    for i, item in filled:
        item_errors: dict[str, str] = {}
        pdata = _petition_data({**common, **{k: v for k, v in item.items() if v not in (None, "")}}, item_errors)
        try:
            intake.validate_petition(pdata)
        except MatterRedirected:
            item_errors["kind"] = "Khiếu nại, tố cáo chỉ được ghi số lượng (mục Khiếu nại, tố cáo tại bàn tiếp dân)."
        except DomainError as exc:
            item_errors.update(exc.field_errors)
        errors.update({f"item-{i}-{k}": v for k, v in item_errors.items()})
        checked.append(pdata)
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    batch = new_batch_key()
    subs = []
    for pdata in checked:
        code = intake.submit_petition(pdata, (), channel=Channel(details["channel"]), actor=actor)
        subs.append(_store_offline(code, actor, details, pdata["address"], pdata["consent"], session=session,
                                   event_label=event_label, batch=batch))
    audit.record(actor, "reception.batch", ("batch", batch), {"count": len(subs),
                                                              "session_id": session.id if session else None})
    return subs


def record_desk_matters(actor, counts: dict, received_on) -> int:
    """Complaints and denunciations received at the desk: only a count by kind, as the web form's
    redirects are counted (an ``intake.redirect`` audit event each, nothing else)."""
    errors: dict[str, str] = {}
    day = _date(received_on, errors, "received_on", "ngày tiếp nhận")
    if day and day > deadlines.today():
        errors["received_on"] = "Ngày tiếp nhận không được ở tương lai."
    numbers = {}
    for kind in (MatterKind.complaint, MatterKind.denunciation):
        raw = clean_text(str(counts.get(kind.value) or "0"), 8)
        if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_DESK_COUNT:
            errors[kind.value] = f"Nhập số từ 0 đến {MAX_DESK_COUNT}."
            continue
        numbers[kind] = int(raw)
    if not errors and not sum(numbers.values()):
        errors[MatterKind.complaint.value] = "Vui lòng nhập số khiếu nại hoặc tố cáo đã tiếp nhận."
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    for kind, n in numbers.items():
        for _ in range(n):
            audit.record(actor, "intake.redirect", ("submission", ""), {
                "kind": kind.value, "channel": Channel.reception.value, "received_on": day.isoformat()})
    db.session.flush()
    return sum(numbers.values())


# --- the schedule -------------------------------------------------------------------------------

def _local_dt(day: dt.date, time: dt.time) -> dt.datetime:
    from portal.ward import ward_tz

    return dt.datetime.combine(day, time, tzinfo=ward_tz()).astimezone(dt.UTC)


def _time(value, errors: dict, field: str, label: str) -> dt.time | None:
    if isinstance(value, dt.time):
        return value
    raw = clean_text(str(value or ""), 8)
    try:
        return dt.time.fromisoformat(raw) if raw else None
    except ValueError:
        pass
    errors[field] = f"{label} không hợp lệ (giờ:phút, ví dụ 07:30)."
    return None


def check_session(data: dict) -> dict:
    errors: dict[str, str] = {}
    try:
        kind = SessionKind(str(data.get("kind") or ""))
    except ValueError:
        errors["kind"] = "Vui lòng chọn loại buổi tiếp công dân, đối thoại."
        kind = None
    host_name = check_text(errors, "host_name", data.get("host_name"), "Người chủ trì", True, limit="name")
    host_position = check_text(errors, "host_position", data.get("host_position"), "Chức vụ", False, limit="name")
    place = check_text(errors, "place", data.get("place"), "Địa điểm", True, limit="title")
    topic = check_text(errors, "topic", data.get("topic"), "Chủ đề", False, limit="title")
    start = _time(data.get("start_time"), errors, "start_time", "Giờ bắt đầu")
    end = _time(data.get("end_time"), errors, "end_time", "Giờ kết thúc")
    if "start_time" not in errors and start is None:
        errors["start_time"] = "Vui lòng nhập giờ bắt đầu."
    if "end_time" not in errors and end is None:
        errors["end_time"] = "Vui lòng nhập giờ kết thúc."
    if start and end and end <= start:
        errors["end_time"] = "Giờ kết thúc phải sau giờ bắt đầu."
    raw_cap = clean_text(str(data.get("capacity") or "0"), 8)
    capacity = int(raw_cap) if raw_cap.isascii() and raw_cap.isdigit() else -1
    if not 0 <= capacity <= 500:
        errors["capacity"] = "Số người đăng ký tối đa: từ 0 (không nhận đăng ký) đến 500."
    return {"errors": errors, "kind": kind, "host_name": host_name, "host_position": host_position,
            "place": place, "topic": topic, "start": start, "end": end, "capacity": max(capacity, 0)}


def create_session(actor, data: dict) -> ReceptionSession:
    v = check_session(data)
    errors = v.pop("errors")
    day = _date(data.get("day"), errors, "day", "ngày tổ chức")
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    session = ReceptionSession(
        kind=v["kind"], host_name=v["host_name"], host_position=v["host_position"], place=v["place"],
        topic=v["topic"], capacity=v["capacity"], starts_at=_local_dt(day, v["start"]),
        ends_at=_local_dt(day, v["end"]), created_by_id=getattr(actor, "id", None))
    db.session.add(session)
    db.session.flush()
    audit.record(actor, "reception_session.create", session, {"kind": session.kind.value})
    return session


def update_session(actor, session: ReceptionSession, data: dict) -> ReceptionSession:
    v = check_session(data)
    errors = v.pop("errors")
    day = _date(data.get("day"), errors, "day", "ngày tổ chức")
    if v["capacity"] < (session.seats_taken or 0) and "capacity" not in errors:
        errors["capacity"] = f"Đã có {session.seats_taken} người đăng ký: số chỗ không được ít hơn."
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    session.kind, session.host_name, session.host_position = v["kind"], v["host_name"], v["host_position"]
    session.place, session.topic, session.capacity = v["place"], v["topic"], v["capacity"]
    session.starts_at, session.ends_at = _local_dt(day, v["start"]), _local_dt(day, v["end"])
    db.session.flush()
    audit.record(actor, "reception_session.update", session, {})
    return session


def set_session_status(actor, session: ReceptionSession, status: str, outcome: str = "") -> ReceptionSession:
    """Mark a session held (with its public outcome) or cancelled."""
    errors: dict[str, str] = {}
    try:
        new = SessionStatus(status)
    except ValueError:
        raise DomainError(CHECK_FIELDS, {"status": "Trạng thái không hợp lệ."}) from None
    text = check_text(errors, "outcome", outcome, "Kết quả", False, limit="info")
    if new == SessionStatus.held and session.starts_at > utcnow():
        errors["status"] = "Buổi tiếp công dân chưa diễn ra."
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    previous = session.status
    session.status = new
    if new == SessionStatus.held:
        session.outcome = text
    db.session.flush()
    audit.record(actor, f"reception_session.{new.value}", session, {})
    session.cancel_notices = None  # not a column: what the staff page reports after a cancellation
    if new == SessionStatus.cancelled and previous != SessionStatus.cancelled:
        from moderation.reception.registrations import notify_cancelled

        session.cancel_notices = notify_cancelled(session)
    return session


WEEKDAY_LABELS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
MAX_GENERATED = 120


def generate_series(actor, data: dict) -> list[ReceptionSession]:
    """Sessions on the chosen weekdays between two dates (e.g. every Tuesday and Thursday morning),
    skipping the holidays of the working-day calendar (``deadlines.holidays``)."""
    v = check_session(data)
    errors = v.pop("errors")
    first = _date(data.get("first_day"), errors, "first_day", "ngày bắt đầu")
    last = _date(data.get("last_day"), errors, "last_day", "ngày kết thúc")
    weekdays = sorted({int(w) for w in data.get("weekdays") or [] if str(w) in {"0", "1", "2", "3", "4", "5", "6"}})
    if not weekdays:
        errors["weekdays"] = "Vui lòng chọn ít nhất một ngày trong tuần."
    if first and last:
        if last < first:
            errors["last_day"] = "Ngày kết thúc phải sau ngày bắt đầu."
        elif (last - first).days > 366:
            errors["last_day"] = "Lập lịch tối đa một năm mỗi lần."
    if errors:
        raise DomainError(CHECK_FIELDS, errors)
    off = deadlines.holidays()
    series = secrets.token_hex(6)
    made = []
    day = first
    while day <= last and len(made) < MAX_GENERATED:
        if day.weekday() in weekdays and day not in off:
            s = ReceptionSession(
                kind=v["kind"], host_name=v["host_name"], host_position=v["host_position"], place=v["place"],
                topic=v["topic"], capacity=v["capacity"], starts_at=_local_dt(day, v["start"]),
                ends_at=_local_dt(day, v["end"]), series=series, created_by_id=getattr(actor, "id", None))
            db.session.add(s)
            made.append(s)
        day += dt.timedelta(days=1)
    if not made:
        raise DomainError(CHECK_FIELDS, {"weekdays": "Không có ngày nào phù hợp (các ngày chọn đều là ngày nghỉ lễ)."})
    db.session.flush()
    audit.record(actor, "reception_session.generate", ("reception_series", series),
                 {"count": len(made), "weekdays": weekdays, "first": first.isoformat(), "last": last.isoformat()})
    return made


def upcoming_sessions(limit: int = 50) -> list[ReceptionSession]:
    return list(db.session.scalars(
        select(ReceptionSession).where(ReceptionSession.ends_at >= utcnow(),
                                       ReceptionSession.status != SessionStatus.cancelled)
        .order_by(ReceptionSession.starts_at).limit(limit)))


def next_session() -> ReceptionSession | None:
    """The next reception session or dialogue not cancelled (shown where residents are sent to the desk)."""
    rows = upcoming_sessions(limit=1)
    return rows[0] if rows else None


def past_dialogues(limit: int = 20) -> list[ReceptionSession]:
    return list(db.session.scalars(
        select(ReceptionSession).where(ReceptionSession.status == SessionStatus.held)
        .order_by(ReceptionSession.starts_at.desc()).limit(limit)))


def session_petitions(session: ReceptionSession, public_only: bool = True) -> list[Submission]:
    """The petitions that came from a session; publicly only approved ones not kept private."""
    subs = db.session.scalars(
        select(Submission).join(OfflineReceipt, OfflineReceipt.submission_id == Submission.id)
        .where(OfflineReceipt.session_id == session.id).order_by(Submission.id)).all()
    return [s for s in subs if s.is_public] if public_only else list(subs)
