"""Forms of the personal-data request register (rendering and kept values; the services check)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
    TimeField,
)

from moderation.intake.forms import _Form
from moderation.intake.models import CHANNEL_LABELS, Channel
from moderation.privacy.models import KIND_LABELS
from moderation.privacy.services import STAFF_CHANNELS
from portal.units import LAZY

_KINDS = [SelectChoice(k.value, _l(v)) for k, v in KIND_LABELS.items()]


class PublicRequestForm(_Form):
    receipt_code = StringField(_l("Mã tiếp nhận"), render_kw={"maxlength": 64, "autocomplete": "off",
                                                              "autocapitalize": "characters"})
    kind = RadioField(_l("Bạn yêu cầu"), choices=_KINDS)
    details = TextAreaField(_l("Nội dung yêu cầu (không bắt buộc)"), render_kw={"maxlength": 2000, "rows": 4})
    contact = StringField(_l("Email hoặc số điện thoại để %(ward_kind)s trả lời (không bắt buộc)", **LAZY),
                          render_kw={"maxlength": 254, "autocomplete": "email"})
    consent = BooleanField(_l("Tôi đồng ý để %(ward_kind)s dùng thông tin trong yêu cầu này (mã tiếp nhận, nội dung, "
                              "cách liên hệ) chỉ để xử lý yêu cầu và lưu hồ sơ xử lý theo quy định.", **LAZY))


class StaffRequestForm(_Form):
    kind = SelectField(_l("Loại yêu cầu"), choices=_KINDS)
    channel = SelectField(_l("Kênh tiếp nhận"), choices=[SelectChoice(c, _l(CHANNEL_LABELS[Channel(c)]))
                                                         for c in STAFF_CHANNELS])
    received_on = DateField(_l("Ngày nhận"), render_kw={"type": "date"})
    received_time = TimeField(_l("Giờ nhận"), render_kw={"type": "time"})
    receipt_code = StringField(_l("Mã tiếp nhận (nếu có)"), render_kw={"maxlength": 64})
    name = StringField(_l("Họ và tên người yêu cầu"), render_kw={"maxlength": 200})
    contact = StringField(_l("Cách liên hệ (email, số điện thoại, địa chỉ)"), render_kw={"maxlength": 254})
    details = TextAreaField(_l("Nội dung yêu cầu"), render_kw={"maxlength": 2000, "rows": 3})


class OutcomeForm(_Form):
    outcome = RadioField(_l("Kết quả"), choices=[SelectChoice("done", _l("Đã thực hiện")),
                                                 SelectChoice("refused", _l("Không thực hiện (ghi rõ lý do)"))])
    note = TextAreaField(_l("Đã làm gì, hoặc lý do không thực hiện"), render_kw={"maxlength": 2000, "rows": 4})
