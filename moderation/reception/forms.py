"""Form classes for rendering (labels, ids, kept values); the services validate and their
per-field messages are attached with ``moderation.intake.forms.apply_errors``."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    MultipleFileField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TelField,
    TextAreaField,
    TimeField,
)
from wtforms.widgets import CheckboxInput, ListWidget

from moderation.intake import VISIBILITY_LABELS, active_groups, active_topics
from moderation.intake.forms import _Form
from moderation.intake.models import CHANNEL_LABELS, Channel
from moderation.reception.models import OFFLINE_CHANNELS, SESSION_KIND_LABELS
from moderation.reception.services import WEEKDAY_LABELS
from portal.units import LAZY

_ACCEPT = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"


def _channel_choices():
    return [SelectChoice("", _l("— Chọn kênh —"))] + [
        SelectChoice(c, _l(CHANNEL_LABELS[Channel(c)])) for c in OFFLINE_CHANNELS]


def _topic_choices():
    return [SelectChoice("", _l("— Chọn lĩnh vực —"))] + [SelectChoice(t.code, _l(t.name)) for t in active_topics()]


def _group_choices():
    return [SelectChoice("", _l("— Không chọn —"))] + [SelectChoice(g.code, g.name) for g in active_groups()]


class OfflinePetitionForm(_Form):
    channel = SelectField(_l("Kênh tiếp nhận"), choices=[], validate_choice=False)
    received_on = DateField(_l("Ngày tiếp nhận"), render_kw={"type": "date"})
    place = StringField(_l("Nơi tiếp nhận"), render_kw={"maxlength": 200})
    received_by = StringField(_l("Người tiếp nhận"), render_kw={"maxlength": 120})
    topic = SelectField(_l("Lĩnh vực"), choices=[], validate_choice=False)
    group = SelectField(_l("%(Group_kind)s (không bắt buộc)", **LAZY), choices=[], validate_choice=False)
    title = StringField(_l("Tiêu đề (tóm tắt)"), render_kw={"maxlength": 200, "autocomplete": "off"})
    description = TextAreaField(_l("Nội dung phản ánh, kiến nghị"), render_kw={"maxlength": 5000, "rows": 6})
    attachments = MultipleFileField(_l("Bản quét đơn, ảnh (tối đa 5 tệp JPEG, PNG hoặc PDF)"),
                                    render_kw={"accept": _ACCEPT})
    name = StringField(_l("Họ và tên người dân (không bắt buộc)"), render_kw={"maxlength": 120, "autocomplete": "off"})
    phone = TelField(_l("Số điện thoại (không bắt buộc)"), render_kw={"maxlength": 20, "autocomplete": "off"})
    address = StringField(_l("Địa chỉ (không bắt buộc)"), render_kw={"maxlength": 300, "autocomplete": "off"})
    consent_contact = BooleanField(_l("Người dân đồng ý để %(ward_kind)s liên hệ và xử lý họ tên, điện thoại, địa chỉ "
                                      "đã cung cấp", **LAZY))
    visibility = RadioField(_l("Người dân đồng ý công khai kiến nghị khi được duyệt"),
                            choices=[SelectChoice(k.value, _l(v)) for k, v in VISIBILITY_LABELS.items()],
                            default="private")

    def load_choices(self) -> None:
        self.channel.choices = _channel_choices()
        self.topic.choices = _topic_choices()
        self.group.choices = _group_choices()


class BatchForm(_Form):
    channel = SelectField(_l("Kênh tiếp nhận"), choices=[], validate_choice=False)
    session_id = SelectField(_l("Buổi tiếp công dân, đối thoại trong lịch"), choices=[], validate_choice=False)
    event_label = StringField(_l("Hoặc tên hội nghị, cuộc họp (khi không có trong lịch)"), render_kw={"maxlength": 200})
    received_on = DateField(_l("Ngày tiếp nhận"), render_kw={"type": "date"})
    place = StringField(_l("Nơi tổ chức"), render_kw={"maxlength": 200})
    received_by = StringField(_l("Người ghi nhận"), render_kw={"maxlength": 120})
    topic = SelectField(_l("Lĩnh vực chung (mỗi ý kiến có thể chọn riêng)"), choices=[], validate_choice=False)
    visibility = RadioField(_l("Những người nêu ý kiến đồng ý công khai khi được duyệt"),
                            choices=[SelectChoice(k.value, _l(v)) for k, v in VISIBILITY_LABELS.items()],
                            default="private")

    def load_choices(self, sessions) -> None:
        self.channel.choices = _channel_choices()
        self.topic.choices = _topic_choices()
        self.session_id.choices = [SelectChoice("", _l("— Không có trong lịch —"))] + [
            SelectChoice(str(s.id),
                         f"{s.starts_at.astimezone(_vn()):%d/%m/%Y %H:%M} · {s.host_name} · {s.topic or s.place}"[:160])
            for s in sessions]


def _vn():
    from portal.ward import ward_tz

    return ward_tz()


class DeskMatterForm(_Form):
    received_on = DateField(_l("Ngày tiếp nhận"), render_kw={"type": "date"})
    complaint = IntegerField(_l("Số đơn, lượt khiếu nại"), render_kw={"min": 0, "max": 200, "inputmode": "numeric"})
    denunciation = IntegerField(_l("Số đơn, lượt tố cáo"), render_kw={"min": 0, "max": 200, "inputmode": "numeric"})


class _MultiCheckbox(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class SessionForm(_Form):
    kind = SelectField(_l("Loại"),
                       choices=[SelectChoice("", _l("— Chọn —"))]
                       + [SelectChoice(k.value, _l(v)) for k, v in SESSION_KIND_LABELS.items()],
                       validate_choice=False)
    host_name = StringField(_l("Người chủ trì"), render_kw={"maxlength": 120})
    host_position = StringField(_l("Chức vụ"), render_kw={"maxlength": 120})
    day = DateField(_l("Ngày"), render_kw={"type": "date"})
    start_time = TimeField(_l("Giờ bắt đầu"), render_kw={"type": "time"})
    end_time = TimeField(_l("Giờ kết thúc"), render_kw={"type": "time"})
    place = StringField(_l("Địa điểm"), render_kw={"maxlength": 200})
    topic = StringField(_l("Chủ đề (không bắt buộc)"), render_kw={"maxlength": 200})
    capacity = IntegerField(_l("Số người đăng ký phát biểu tối đa (0: không nhận đăng ký)"),
                            render_kw={"min": 0, "max": 500, "inputmode": "numeric"})


class SeriesForm(SessionForm):
    first_day = DateField(_l("Từ ngày"), render_kw={"type": "date"})
    last_day = DateField(_l("Đến ngày"), render_kw={"type": "date"})
    weekdays = _MultiCheckbox(_l("Các ngày trong tuần"),
                              choices=[SelectChoice(str(i), _l(w)) for i, w in enumerate(WEEKDAY_LABELS)])


class OutcomeForm(_Form):
    outcome = TextAreaField(_l("Kết quả (công khai)"), render_kw={"maxlength": 5000, "rows": 5})


class RegistrationForm(_Form):
    name = StringField(_l("Họ và tên"), render_kw={"maxlength": 120, "autocomplete": "name"})
    phone = TelField(_l("Số điện thoại"), render_kw={"maxlength": 20, "autocomplete": "tel"})
    email = EmailField(_l("Email (để nhận xác nhận và lời nhắc)"),
                       render_kw={"maxlength": 254, "autocomplete": "email"})
    group = SelectField(_l("%(Group_kind)s (không bắt buộc)", **LAZY), choices=[], validate_choice=False)
    topic = TextAreaField(_l("Nội dung ông/bà muốn trình bày"), render_kw={"maxlength": 2000, "rows": 5})
    consent = BooleanField(_l("Tôi đồng ý để %(ward_kind)s xử lý họ tên, điện thoại, email tôi cung cấp để tổ chức "
                              "buổi tiếp công dân; thông tin này không được công khai.", **LAZY))

    def load_choices(self) -> None:
        self.group.choices = _group_choices()


class CancelForm(_Form):
    code = StringField(_l("Mã đăng ký"), render_kw={"maxlength": 20, "autocomplete": "off"})


class SupplementForm(_Form):
    meetings_held = IntegerField(_l("Số hội nghị, cuộc họp với Nhân dân"), render_kw={"min": 0, "inputmode": "numeric"})
    mediation_cases = IntegerField(_l("Số vụ việc hòa giải ở cơ sở"), render_kw={"min": 0, "inputmode": "numeric"})
    mediation_successful = IntegerField(_l("Trong đó hòa giải thành"), render_kw={"min": 0, "inputmode": "numeric"})
    surveys = IntegerField(_l("Số phiếu khảo sát mức độ hài lòng (thủ tục hành chính)"),
                           render_kw={"min": 0, "inputmode": "numeric"})
    satisfied = IntegerField(_l("Trong đó hài lòng, rất hài lòng"), render_kw={"min": 0, "inputmode": "numeric"})
    overview = TextAreaField(_l("I. Khái quát đặc điểm, tình hình"), render_kw={"rows": 4, "maxlength": 5000})
    leadership = TextAreaField(_l("II. Công tác lãnh đạo, chỉ đạo triển khai"),
                               render_kw={"rows": 4, "maxlength": 5000})
    achievements = TextAreaField(_l("IV.1. Kết quả đạt được"), render_kw={"rows": 4, "maxlength": 5000})
    shortcomings = TextAreaField(_l("IV.2. Hạn chế, khó khăn, vướng mắc và nguyên nhân"),
                                 render_kw={"rows": 4, "maxlength": 5000})
    tasks = TextAreaField(_l("V. Nhiệm vụ, giải pháp trọng tâm"), render_kw={"rows": 4, "maxlength": 5000})
    proposals = TextAreaField(_l("VI. Kiến nghị, đề xuất"), render_kw={"rows": 4, "maxlength": 5000})
