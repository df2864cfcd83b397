"""The state changes of a decision matter: household counts, create, open, meetings, counting,
cancel, decide. Each checks the state, refuses with ``DomainError`` (Vietnamese), changes the
rows, writes the public ``DecisionEvent`` and the audit log, and flushes; the caller commits."""
from __future__ import annotations

from sqlalchemy import func, select

from moderation.decisions.fields import count_value, date_value, enum_value
from moderation.decisions.households import household_count
from moderation.decisions.models import (
    YES_NO_CHOICES,
    BallotCode,
    DecisionChoice,
    DecisionEvent,
    DecisionMatter,
    DecisionMeeting,
    MatterGroup,
    MatterKind,
    MatterMethod,
    MatterStatus,
    RuleBasis,
)
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.files import JPEG, PDF, PNG, clean_filename, inspect_upload, store_bytes, visible_name
from portal.i18n import _l
from portal.params import as_id
from portal.sanitize import clean_text, render_markdown
from portal.settings import get_setting
from portal.units import LAZY
from portal.ward import ResidentialGroup
from public_docs.disclosures.services import today


def _int_setting(key: str, default: int, low: int = 0, high: int = 100) -> int:
    try:
        return min(high, max(low, int(get_setting(key, default))))
    except (TypeError, ValueError):
        return default


def rule_settings() -> dict:
    """The passing rule from the settings (``DECISION_RULE_BASIS``, ``DECISION_THRESHOLD_PERCENT``,
    ``DECISION_QUORUM_PERCENT``); a matter copies it when created."""
    basis = str(get_setting("DECISION_RULE_BASIS", RuleBasis.all_households.value))
    if basis not in RuleBasis.__members__:
        basis = RuleBasis.all_households.value
    return {"rule_basis": RuleBasis(basis),
            "threshold_percent": _int_setting("DECISION_THRESHOLD_PERCENT", 50, 1, 99),
            "quorum_percent": _int_setting("DECISION_QUORUM_PERCENT", 50, 0, 99)}


def set_rule_settings(data: dict, actor) -> dict:
    """Change the passing rule for matters created from now on (each change audited by ``set_setting``)."""
    from portal.settings import set_setting

    errors: dict[str, str] = {}
    basis = str(data.get("basis") or "")
    if basis not in RuleBasis.__members__:
        errors["basis"] = _l("Vui lòng chọn căn cứ tính tỷ lệ.")
    threshold = count_value(data.get("threshold"), "threshold", _l("Ngưỡng thông qua, tính theo phần trăm"), errors,
                            low=1, high=99)
    quorum = count_value(data.get("quorum"), "quorum", _l("Số hộ tối thiểu dự hội nghị, tính theo phần trăm"), errors,
                         low=0, high=99)
    if errors:
        raise DomainError(next(iter(errors.values())), errors, 422)
    new = {"DECISION_RULE_BASIS": basis, "DECISION_THRESHOLD_PERCENT": threshold, "DECISION_QUORUM_PERCENT": quorum}
    current = rule_settings()
    old = {"DECISION_RULE_BASIS": current["rule_basis"].value,
           "DECISION_THRESHOLD_PERCENT": current["threshold_percent"],
           "DECISION_QUORUM_PERCENT": current["quorum_percent"]}
    for key, value in new.items():
        if old[key] != value:
            set_setting(key, value, actor)
    db.session.flush()
    return new


def event(matter: DecisionMatter, action: str, message: str, actor, details: dict | None = None) -> None:
    db.session.add(DecisionEvent(matter_id=matter.id, action=action, message=message))
    audit.record(actor, f"decision.{action}", matter, details or {})


def clean_matter_data(data: dict) -> dict:
    """Form or demo values into model values, or DomainError naming every bad field."""
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    errors: dict[str, str] = {}
    out: dict = {}
    out["kind"] = enum_value(MatterKind, data.get("kind"), "kind", _l("Vui lòng chọn loại việc cần quyết định."),
                             errors)
    out["title"] = clean_text(data.get("title"), 300)
    if not out["title"]:
        errors["title"] = _l("Vui lòng nhập tên việc cần quyết định.")
    out["text"] = clean_text(data.get("text"), 50_000)
    if not out["text"]:
        errors["text"] = _l("Vui lòng nhập nội dung đưa ra để Nhân dân quyết định.")
    out["method"] = enum_value(MatterMethod, data.get("method"), "method", _l("Vui lòng chọn hình thức biểu quyết."),
                               errors)
    out["whole_ward"] = bool(data.get("whole_ward"))
    ids = [as_id(g) for g in (data.get("group_ids") or [])]
    groups: list[ResidentialGroup] = []
    if None in ids:
        errors["group_ids"] = _l("%(Group_kind)s không hợp lệ.", **LAZY)
    elif ids:
        groups = list(db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.id.in_(ids))
                                         .order_by(ResidentialGroup.position, ResidentialGroup.id)))
        if len(groups) != len(set(ids)):
            errors["group_ids"] = _l("%(Group_kind)s không hợp lệ.", **LAZY)
    if out["whole_ward"]:
        groups = list(db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.active.is_(True))
                                         .order_by(ResidentialGroup.position, ResidentialGroup.id)))
    if not groups and "group_ids" not in errors:
        errors["group_ids"] = _l("Vui lòng chọn ít nhất một %(group_kind)s, hoặc toàn %(ward_kind)s.", **LAZY)
    out["groups"] = groups
    out["opens_on"] = date_value(data.get("opens_on"), "opens_on", _l("Ngày bắt đầu biểu quyết"), errors)
    out["closes_on"] = date_value(data.get("closes_on"), "closes_on", _l("Ngày kết thúc biểu quyết"), errors)
    if out["opens_on"] is None and "opens_on" not in errors:
        errors["opens_on"] = _l("Vui lòng nhập ngày bắt đầu biểu quyết.")
    if out["closes_on"] is None and "closes_on" not in errors:
        errors["closes_on"] = _l("Vui lòng nhập ngày kết thúc biểu quyết.")
    if out["opens_on"] and out["closes_on"] and out["closes_on"] < out["opens_on"]:
        errors["closes_on"] = _l("Ngày kết thúc phải từ ngày bắt đầu trở đi.")
    out["seats"] = 1
    if out["kind"] == MatterKind.election:
        names = [clean_text(line, 200) for line in str(data.get("candidates") or "").splitlines()]
        names = [n for n in names if n]
        out["seats"] = count_value(data.get("seats") or "1", "seats", _l("Số người được bầu"), errors, low=1, high=50)
        if len(set(names)) != len(names):
            errors["candidates"] = _l("Danh sách ứng cử có tên trùng nhau.")
        elif len(names) < max(1, out["seats"]):
            errors["candidates"] = _l("Danh sách ứng cử phải có ít nhất bằng số người được bầu (mỗi dòng một người).")
        elif len(names) > 99:
            errors["candidates"] = _l("Danh sách ứng cử tối đa 99 người.")
        out["choices"] = [(f"c{i}", n) for i, n in enumerate(names, 1)]
    else:
        out["choices"] = list(YES_NO_CHOICES)
    doc_ids = [as_id(x) for x in (data.get("document_ids") or [])]
    docs = []
    if None in doc_ids:
        errors["document_ids"] = _l("Văn bản đính kèm không hợp lệ.")
    elif doc_ids:
        docs = list(db.session.scalars(select(Disclosure).where(Disclosure.id.in_(doc_ids),
                                                                Disclosure.status == DisclosureStatus.published)))
        if len(docs) != len(set(doc_ids)):
            errors["document_ids"] = _l("Chỉ đính kèm được văn bản đang công khai.")
    out["documents"] = docs
    out["draft_disclosure_id"] = None
    if out["kind"] == MatterKind.convention and data.get("draft_disclosure_id"):
        draft = db.session.get(Disclosure, as_id(data.get("draft_disclosure_id")) or 0)
        if draft is None or draft.category != "conventions" or draft.status != DisclosureStatus.published:
            errors["draft_disclosure_id"] = _l("Dự thảo hương ước, quy ước phải là văn bản đang công khai "
                                               "thuộc lĩnh vực hương ước, quy ước.")
        else:
            out["draft_disclosure_id"] = draft.id
            if draft not in docs:
                docs.append(draft)
    out["level_text"] = ""
    out["level_per_household"] = None
    if out["kind"] == MatterKind.contribution:
        out["level_text"] = clean_text(data.get("level_text"), 300)
        if str(data.get("level_per_household") or "").strip():
            out["level_per_household"] = count_value(data.get("level_per_household"), "level_per_household",
                                                "Mức đóng góp mỗi hộ (đồng)", errors, high=10**12)
    if errors:
        raise DomainError(next(iter(errors.values())), errors, 422)
    return out


def _convention_ready(draft_id: int | None) -> None:
    """A convention goes to the vote only after its draft's comment window of the minimum length ended."""
    from public_docs.disclosures.models import Disclosure
    from public_docs.disclosures.services.validation import convention_comment_min_days

    if draft_id is None:
        return
    draft = db.session.get(Disclosure, draft_id)
    minimum = convention_comment_min_days()
    if draft.comments_open_from is None or draft.comments_open_until is None:
        raise DomainError(_l("Dự thảo hương ước, quy ước phải được lấy ý kiến Nhân dân trước khi biểu quyết."),
                            {"draft_disclosure_id": _l("Dự thảo chưa được lấy ý kiến.")})
    if ((draft.comments_open_until - draft.comments_open_from).days + 1 < minimum
            or draft.comments_open_until >= today()):
        raise DomainError(_l("Dự thảo hương ước, quy ước phải lấy ý kiến ít nhất %(days)s ngày và đã kết thúc "
                             "lấy ý kiến trước khi mở biểu quyết.", days=minimum),
                            {"draft_disclosure_id": _l("Thời gian lấy ý kiến chưa đủ hoặc chưa kết thúc.")})


def _apply(matter: DecisionMatter, values: dict) -> None:
    for key in ("kind", "title", "text", "method", "whole_ward", "opens_on", "closes_on", "seats",
                "draft_disclosure_id", "level_text", "level_per_household"):
        setattr(matter, key, values[key])
    matter.text_html = render_markdown(values["text"])
    matter.documents = values["documents"]
    wanted = {g.id: g for g in values["groups"]}
    matter.groups = [mg for mg in matter.groups if mg.group_id in wanted]
    have = {mg.group_id for mg in matter.groups}
    for gid, g in wanted.items():
        if gid not in have:
            matter.groups.append(MatterGroup(group_id=gid, group=g))
    old = {c.code: c for c in matter.choices}
    choices = []
    for pos, (code, label) in enumerate(values["choices"]):
        c = old.get(code) or DecisionChoice(code=code)
        c.label, c.position = label, pos
        choices.append(c)
    matter.choices = choices  # a choice no longer listed is deleted (delete-orphan)


def create_matter(data: dict, actor) -> DecisionMatter:
    values = clean_matter_data(data)
    matter = DecisionMatter(status=MatterStatus.scheduled, created_by_id=getattr(actor, "id", None),
                            **rule_settings())
    db.session.add(matter)
    _apply(matter, values)
    db.session.flush()
    event(matter, "create", "Công bố việc đưa ra Nhân dân quyết định.", actor,
          {"kind": matter.kind.value, "groups": [mg.group.code for mg in matter.groups]})
    db.session.flush()
    return matter


def update_matter(matter: DecisionMatter, data: dict, actor) -> DecisionMatter:
    if matter.status != MatterStatus.scheduled:
        raise DomainError(_l("Chỉ sửa được việc chưa mở biểu quyết."))
    if db.session.scalar(select(func.count(BallotCode.id)).where(BallotCode.matter_id == matter.id)):
        raise DomainError(_l("Đã phát mã phiếu: không sửa được nội dung, %(group_kinds)s hay các lựa chọn.", **LAZY))
    values = clean_matter_data(data)
    _apply(matter, values)
    audit.record(actor, "decision.update", matter, {"title": matter.title})
    db.session.flush()
    return matter


def electorate(matter: DecisionMatter) -> dict[int, int | None]:
    """Households per group: fixed once the matter opened, else the latest count."""
    if matter.status != MatterStatus.scheduled:
        return {mg.group_id: mg.households for mg in matter.groups}
    out = {}
    for mg in matter.groups:
        row = household_count(mg.group_id)
        out[mg.group_id] = row.households if row else None
    return out


def open_matter(matter: DecisionMatter, actor) -> DecisionMatter:
    if matter.status != MatterStatus.scheduled:
        raise DomainError(_l("Chỉ mở biểu quyết cho việc đang ở trạng thái sắp biểu quyết."))
    if matter.kind == MatterKind.convention:
        _convention_ready(matter.draft_disclosure_id)
    missing = []
    for mg in matter.groups:
        row = household_count(mg.group_id)
        if row is None:
            missing.append(mg.group.name)
            continue
        mg.households, mg.households_as_of = row.households, row.as_of
    if missing:
        raise DomainError(_l("Chưa có số hộ gia đình của: %(groups)s. Vui lòng cập nhật số hộ trước.",
                             groups=", ".join(missing)))
    matter.status = MatterStatus.open
    event(matter, "open", "Bắt đầu biểu quyết.", actor,
          {"households": {mg.group.code: mg.households for mg in matter.groups}})
    db.session.flush()
    return matter


def start_counting(matter: DecisionMatter, actor) -> DecisionMatter:
    if matter.status != MatterStatus.open:
        raise DomainError(_l("Chỉ kết thúc nhận phiếu của việc đang biểu quyết."))
    matter.status = MatterStatus.counting
    event(matter, "counting", "Kết thúc nhận phiếu trên Cổng; kiểm phiếu.", actor)
    db.session.flush()
    return matter


def cancel_matter(matter: DecisionMatter, reason: str, actor) -> DecisionMatter:
    if matter.status in (MatterStatus.decided, MatterStatus.cancelled):
        raise DomainError(_l("Việc này đã kết thúc, không hủy được."))
    reason = clean_text(reason, 2000)
    if not reason:
        raise DomainError(_l("Vui lòng nêu lý do hủy (hiển thị công khai)."), {"reason": _l("Vui lòng nêu lý do hủy.")})
    matter.status = MatterStatus.cancelled
    matter.cancelled_reason = reason
    event(matter, "cancel", f"Hủy: {reason}", actor, {"reason": reason})
    db.session.flush()
    return matter


def group_of(matter: DecisionMatter, group_id) -> MatterGroup:
    gid = as_id(group_id)
    for mg in matter.groups:
        if mg.group_id == gid:
            return mg
    raise DomainError(_l("%(Group_kind)s không thuộc phạm vi của việc này.", **LAZY),
                      {"group_id": _l("Vui lòng chọn %(group_kind)s.", **LAZY)}, 422)


def participants_planned(matter: DecisionMatter, group_id: int) -> int:
    """Households already counted at meetings plus ballot codes issued in a group."""
    met = sum(m.households_represented for m in matter.meetings if m.group_id == group_id)
    codes = db.session.scalar(select(func.count(BallotCode.id)).where(BallotCode.matter_id == matter.id,
                                                                     BallotCode.group_id == group_id)) or 0
    return met + codes


MINUTES_TYPES = {PDF, JPEG, PNG}


def record_meeting(matter: DecisionMatter, data: dict, actor,
                   minutes: tuple[str, bytes] | None = None) -> DecisionMeeting:
    """A meeting of household representatives of one group, with its tally and minutes."""
    if matter.status not in (MatterStatus.open, MatterStatus.counting):
        raise DomainError(_l("Chỉ nhập kết quả hội nghị khi việc đang biểu quyết hoặc kiểm phiếu."))
    if matter.method == MatterMethod.ballot:
        raise DomainError(_l("Việc này biểu quyết bằng phiếu, không qua hội nghị."))
    errors: dict[str, str] = {}
    try:
        mg = group_of(matter, data.get("group_id"))
    except DomainError as exc:
        errors.update(exc.fields)
        mg = None
    held = date_value(data.get("held_on"), "held_on", _l("Ngày họp"), errors)
    if held is None and "held_on" not in errors:
        errors["held_on"] = _l("Vui lòng nhập ngày họp.")
    elif held is not None and held > today():
        errors["held_on"] = _l("Ngày họp không thể ở tương lai.")
    place = clean_text(data.get("place"), 300)
    if not place:
        errors["place"] = _l("Vui lòng nhập địa điểm họp.")
    represented = count_value(data.get("households_represented"), "households_represented",
                         _l("Số hộ có đại diện dự họp"), errors)
    tally = {}
    for c in matter.choices:
        tally[c.code] = count_value(data.get(f"tally_{c.code}") or "0", f"tally_{c.code}",
                                    _l("Số hộ chọn “%(choice)s”", choice=_l(c.label)),
                                    errors)
    if mg is not None and "households_represented" not in errors \
            and participants_planned(matter, mg.group_id) + represented > (mg.households or 0):
        errors["households_represented"] = _l(
            "Số hộ dự họp cộng với các hội nghị, mã phiếu đã có vượt quá %(households)s hộ của %(group_kind)s.", **LAZY,
            households=mg.households)
    if not errors:
        limit = represented * (matter.seats if matter.is_election else 1)
        if sum(tally.values()) > limit or any(v > represented for v in tally.values()):
            errors["tally"] = (_l("Tổng số phiếu theo từng lựa chọn vượt quá số hộ dự họp nhân số người được bầu.")
                               if matter.is_election else
                               _l("Tổng số phiếu theo từng lựa chọn vượt quá số hộ dự họp."))
    stored = None
    if minutes and minutes[1]:
        try:
            kind = inspect_upload(minutes[1], MINUTES_TYPES, 20 * 1024 * 1024)
            stored = (store_bytes(minutes[1]), clean_filename(minutes[0], kind), kind)
        except DomainError as exc:
            errors["minutes"] = _l("Biên bản “%(name)s”: %(error)s", name=visible_name(minutes[0])[:255] or "-",
                                   error=exc)
    if errors:
        raise DomainError(next(iter(errors.values())), errors, 422)
    meeting = DecisionMeeting(matter_id=matter.id, group_id=mg.group_id, held_on=held, place=place,
                              households_represented=represented, tally=tally,
                              attendees=clean_text(data.get("attendees"), 20_000),
                              created_by_id=getattr(actor, "id", None))
    if stored:
        meeting.minutes_sha256, meeting.minutes_filename, meeting.minutes_content_type = stored
    db.session.add(meeting)
    matter.meetings.append(meeting)
    db.session.flush()
    event(matter, "meeting", f"Hội nghị {mg.group.name} ngày {held.strftime('%d/%m/%Y')}: "
          f"{represented}/{mg.households} hộ có đại diện.", actor,
          {"meeting": meeting.id, "group": mg.group.code, "represented": represented, "tally": tally})
    db.session.flush()
    return meeting
