"""Form classes for rendering (labels, ids, kept values). Validation is the intake services' job:
their per-field messages are attached to these fields with ``apply_errors``. CSRF is enforced by
the global CSRFProtect and rendered with ``csrf_token_field()``."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    MultipleFileField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TelField,
    TextAreaField,
)

from moderation.intake import KIND_LABELS, VISIBILITY_LABELS, active_groups, active_topics, list_projects
from moderation.intake.models import CHANNEL_LABELS, Channel
from portal.units import LAZY


class _Form(FlaskForm):
    class Meta:
        csrf = False  # the global CSRFProtect checks every POST; templates render csrf_token_field()


def _group_choices(empty: str = _l("— Không chọn —")):
    return [SelectChoice("", empty)] + [SelectChoice(g.code, g.name) for g in active_groups()]


class PetitionForm(_Form):
    kind = RadioField(_l("Loại nội dung"), choices=[SelectChoice(k.value, _l(v)) for k, v in KIND_LABELS.items()],
                      default="feedback")
    topic = SelectField(_l("Lĩnh vực"), choices=[], validate_choice=False)
    group = SelectField(_l("%(Group_kind)s nơi xảy ra sự việc (không bắt buộc)", **LAZY), choices=[],
                        validate_choice=False)
    project_id = SelectField(_l("Liên quan đến dự án, công trình (không bắt buộc)"), choices=[], validate_choice=False)
    title = StringField(_l("Tiêu đề"), render_kw={"maxlength": 200, "autocomplete": "off"})
    description = TextAreaField(_l("Nội dung phản ánh, kiến nghị"), render_kw={"maxlength": 5000, "rows": 8})
    attachments = MultipleFileField(_l("Tệp đính kèm (tối đa 5 tệp ảnh JPEG, PNG hoặc PDF)"),
                                    render_kw={"accept": ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"})
    name = StringField(_l("Họ và tên (không bắt buộc)"), render_kw={"maxlength": 120, "autocomplete": "name"})
    phone = TelField(_l("Số điện thoại (không bắt buộc)"), render_kw={"maxlength": 20, "autocomplete": "tel"})
    email = EmailField(_l("Email (không bắt buộc, để nhận thông báo)"),
                       render_kw={"maxlength": 254, "autocomplete": "email"})
    visibility = RadioField(_l("Khi được duyệt, kiến nghị được công khai"),
                            choices=[SelectChoice(k.value, _l(v)) for k, v in VISIBILITY_LABELS.items()],
                            default="anonymous")
    consent = BooleanField(_l("Tôi đã đọc thông báo xử lý dữ liệu cá nhân ở trên và đồng ý để %(ward_kind)s xử lý "
                              "họ tên, số điện thoại, email tôi cung cấp cho mục đích đó.", **LAZY))

    def load_choices(self) -> None:
        self.topic.choices = [SelectChoice("", _l("— Chọn lĩnh vực —"))] + [
            SelectChoice(t.code, _l(t.name)) for t in active_topics()]
        self.group.choices = _group_choices()
        self.project_id.choices = [SelectChoice("", _l("— Không liên quan đến dự án —"))] + [
            SelectChoice(str(p.id), f"{p.number} · {p.title}"[:160]) for p in list_projects()]


class CommentForm(_Form):
    text = TextAreaField(_l("Nội dung góp ý"), render_kw={"maxlength": 5000, "rows": 6})
    group = SelectField(_l("%(Group_kind)s (không bắt buộc)", **LAZY), choices=[], validate_choice=False)
    name = StringField(_l("Họ và tên (không bắt buộc, không hiển thị công khai)"), render_kw={"maxlength": 120})
    phone = TelField(_l("Số điện thoại (không bắt buộc)"), render_kw={"maxlength": 20})
    email = EmailField(_l("Email (không bắt buộc)"), render_kw={"maxlength": 254})
    consent = BooleanField(_l("Tôi đồng ý để %(ward_kind)s xử lý thông tin liên hệ tôi cung cấp theo thông báo ở "
                              "trên.", **LAZY))

    def load_choices(self) -> None:
        self.group.choices = _group_choices()


class OfflineOpinionForm(_Form):
    disclosure_id = SelectField(_l("Dự thảo lấy ý kiến"), choices=[], validate_choice=False)
    channel = SelectField(_l("Kênh nhận ý kiến"), choices=[
        SelectChoice(c.value, _l(CHANNEL_LABELS[c])) for c in (Channel.meeting, Channel.comment_box, Channel.hotline,
                                               Channel.household_form, Channel.other)])
    received_on = DateField(_l("Ngày nhận ý kiến"), render_kw={"type": "date"})
    text = TextAreaField(_l("Nội dung ý kiến"), render_kw={"maxlength": 5000, "rows": 6})
    group = SelectField(_l("%(Group_kind)s (không bắt buộc)", **LAZY), choices=[], validate_choice=False)
    name = StringField(_l("Người, hộ gia đình góp ý (không bắt buộc, không công khai)"), render_kw={"maxlength": 120})

    def load_choices(self, disclosures) -> None:
        self.disclosure_id.choices = [SelectChoice("", _l("— Chọn dự thảo —"))] + [
            SelectChoice(str(d.id), f"{d.number} · {d.title}"[:160]) for d in disclosures]
        self.group.choices = _group_choices()


def apply_errors(form, errors: dict[str, str]) -> None:
    for name, message in errors.items():
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = [message]
        else:
            form.form_errors.append(message)
