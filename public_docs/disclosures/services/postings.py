"""How a disclosure was also posted besides the portal (issue 18, item 15): at the ward's
headquarters, in residential-group houses, on the loudspeaker system (at least ``LOUDSPEAKER_MIN_DAYS``
days, 3, where the law asks for it) or at a meeting; its public page lists them."""
from __future__ import annotations

import datetime as dt

from flask import current_app

from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from portal.sanitize import clean_text
from portal.settings import get_setting
from portal.units import vi_text
from public_docs.disclosures.models import Disclosure, DisclosurePosting, DisclosureStatus, PostingChannel
from public_docs.disclosures.services.common import parse_date
from public_docs.disclosures.services.posting import posting_min_days


def loudspeaker_min_days() -> int:
    try:
        return max(1, int(get_setting("LOUDSPEAKER_MIN_DAYS", current_app.config.get("LOUDSPEAKER_MIN_DAYS", 3))))
    except (TypeError, ValueError):
        return 3


def _fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def record_posting(d: Disclosure, data: dict, actor=None) -> DisclosurePosting:
    """Record one other way ``d`` was posted. ``data``: ``channel``, ``place``, ``start_on``,
    ``end_on`` (a meeting: its day only; a posting left open: the minimum posting period),
    ``law_minimum`` (loudspeaker: the law asks for the minimum of days), ``note``."""
    if d.status == DisclosureStatus.withdrawn:
        raise DomainError(_l("Văn bản đã thu hồi: không ghi thêm hình thức công khai."))
    errors: dict[str, str] = {}
    try:
        channel = PostingChannel(str(data.get("channel") or ""))
    except ValueError:
        channel = None
        errors["channel"] = "Vui lòng chọn hình thức công khai trong danh sách."
    place = clean_text(data.get("place"), 300)
    if channel == PostingChannel.group_house and not place:
        errors["place"] = vi_text("Vui lòng ghi %(group_kind)s, nhà văn hóa đã niêm yết.")
    elif channel == PostingChannel.meeting and not place:
        errors["place"] = vi_text("Vui lòng ghi tên hội nghị (ví dụ: Hội nghị %(group_kind)s 3).")
    start = parse_date(data.get("start_on"), "start_on", "Ngày bắt đầu", errors)
    end = parse_date(data.get("end_on"), "end_on", "Ngày kết thúc", errors)
    if start is None and "start_on" not in errors:
        errors["start_on"] = "Vui lòng nhập ngày bắt đầu (hội nghị: ngày họp)."
    elif start is not None and d.issued_on is not None and start < d.issued_on:
        errors["start_on"] = f"Ngày bắt đầu không thể trước ngày ban hành ({_fmt(d.issued_on)})."
    law_minimum = channel == PostingChannel.loudspeaker and bool(data.get("law_minimum"))
    if start is not None and "end_on" not in errors:
        if channel == PostingChannel.meeting:
            end = start
        elif channel == PostingChannel.loudspeaker and end is None:
            errors["end_on"] = "Vui lòng nhập ngày phát cuối cùng trên hệ thống truyền thanh."
        elif end is None:
            end = start + dt.timedelta(days=posting_min_days())
        if end is not None and end < start:
            errors["end_on"] = "Ngày kết thúc không thể trước ngày bắt đầu."
        elif end is not None and law_minimum and (end - start).days + 1 < loudspeaker_min_days():
            n = loudspeaker_min_days()
            errors["end_on"] = (f"Luật yêu cầu thông báo trên hệ thống truyền thanh ít nhất {n} ngày: ngày kết thúc "
                                f"không sớm hơn {_fmt(start + dt.timedelta(days=n - 1))}.")
    note = clean_text(data.get("note"), 1000)
    if errors:
        raise DomainError(next(iter(errors.values())), field_errors=errors)
    row = DisclosurePosting(disclosure_id=d.id, channel=channel, place=place, start_on=start, end_on=end,
                            law_minimum=law_minimum, note=note, created_by_id=getattr(actor, "id", None))
    db.session.add(row)
    db.session.flush()
    audit.record(actor, "disclosure.posting_add", d, {"channel": channel.value, "place": place,
                                                      "start": start.isoformat(), "end": end.isoformat()})
    return row
