"""Forms of the supervision pages (Flask-WTF; every label Vietnamese, through the catalog)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from moderation.supervision.models import ENTRY_KINDS
from portal.params import coerce_int

REQUIRED = _l("Trường này là bắt buộc.")
BAD_DATE = _l("Vui lòng nhập ngày hợp lệ.")


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PlanForm(FlaskForm):
    board_id = SelectField(_l("Ban"), coerce=coerce_int)
    subject = TextAreaField(_l("Nội dung giám sát"), validators=[DataRequired(REQUIRED), Length(max=500)])
    supervised_body = StringField(_l("Cơ quan, đơn vị được giám sát"),
                                  validators=[DataRequired(REQUIRED), Length(max=200)])
    legal_basis = TextAreaField(_l("Căn cứ pháp lý"), validators=[Optional(), Length(max=5000)])
    planned_start = DateField(_l("Ngày bắt đầu dự kiến"), validators=[DataRequired(BAD_DATE)])
    planned_end = DateField(_l("Ngày kết thúc dự kiến"), validators=[Optional()])
    member_ids = MultiCheckboxField(_l("Thành viên tham gia"), coerce=coerce_int, validate_choice=False)
    documents_requested = TextAreaField(_l("Tài liệu đề nghị cung cấp (mỗi dòng một tài liệu)"),
                                        validators=[Optional(), Length(max=5000)])
    case_id = StringField(_l("Từ hồ sơ kiến nghị số"), validators=[Optional(), Length(max=12)])
    disclosure_id = StringField(_l("Từ thông tin công khai số"), validators=[Optional(), Length(max=12)])


class NoticeForm(FlaskForm):
    sent_on = DateField(_l("Ngày gửi thông báo"), validators=[DataRequired(BAD_DATE)])
    number = StringField(_l("Số thông báo"), validators=[Optional(), Length(max=64)])


class StartForm(FlaskForm):
    started_on = DateField(_l("Ngày bắt đầu giám sát"), validators=[DataRequired(BAD_DATE)])


class EntryForm(FlaskForm):
    kind = SelectField(_l("Loại"), choices=[SelectChoice(k, v) for k, v in ENTRY_KINDS.items()])
    happened_on = DateField(_l("Ngày"), validators=[DataRequired(BAD_DATE)])
    text = TextAreaField(_l("Nội dung"), validators=[Optional(), Length(max=20000)])
    file = FileField(_l("Tệp đính kèm: biên bản, tài liệu (PDF, DOCX, XLSX, ảnh)"))


class RecommendationRow(Form):
    text = TextAreaField(_l("Nội dung kiến nghị"), validators=[Optional(), Length(max=5000)])
    addressee = StringField(_l("Cơ quan, người nhận kiến nghị"), validators=[Optional(), Length(max=200)])
    due_on = DateField(_l("Hạn trả lời (để trống: theo quy định)"), validators=[Optional()])


class ConclusionForm(FlaskForm):
    number = StringField(_l("Số, ký hiệu kết luận"), validators=[Optional(), Length(max=64)])
    findings = TextAreaField(_l("Kết quả giám sát (các nội dung phát hiện)"),
                             validators=[DataRequired(REQUIRED), Length(max=50000)])
    recommendations = FieldList(FormField(RecommendationRow), min_entries=3, max_entries=20)


class ApproveForm(FlaskForm):
    number = StringField(_l("Số, ký hiệu kết luận"), validators=[DataRequired(REQUIRED), Length(max=64)])
    secrecy_confirmed = BooleanField(_l("Tôi xác nhận kết luận không chứa bí mật nhà nước, bí mật công tác."))


class AnswerForm(FlaskForm):
    answered_on = DateField(_l("Ngày trả lời"), validators=[DataRequired(BAD_DATE)])
    answer_number = StringField(_l("Số văn bản trả lời"), validators=[Optional(), Length(max=64)])
    summary = TextAreaField(_l("Tóm tắt nội dung trả lời"), validators=[DataRequired(REQUIRED), Length(max=10000)])
    accepted = SelectField(_l("Kết quả"), choices=[SelectChoice("1", _l("Đã tiếp thu, giải quyết")),
                                                   SelectChoice("0", _l("Không tiếp thu (có giải trình)"))])
    file = FileField(_l("Tệp văn bản trả lời (không bắt buộc)"))


class DocumentForm(FlaskForm):
    kind = SelectField(_l("Tài liệu"), choices=[])
    action = SelectField(_l("Cập nhật"), choices=[SelectChoice("request", _l("Đã đề nghị chủ đầu tư cung cấp")),
                                                  SelectChoice("receive", _l("Đã nhận tài liệu"))])
    day = DateField(_l("Ngày"), validators=[DataRequired(BAD_DATE)])
    note = StringField(_l("Ghi chú"), validators=[Optional(), Length(max=2000)])
    file = FileField(_l("Tệp tài liệu nhận được (PDF, DOCX, XLSX, ảnh)"))


class ProgressForm(FlaskForm):
    period = StringField(_l("Kỳ báo cáo"), validators=[DataRequired(REQUIRED), Length(max=64)])
    reported_on = DateField(_l("Ngày báo cáo"), validators=[DataRequired(BAD_DATE)])
    text = TextAreaField(_l("Tình hình thực hiện dự án"), validators=[DataRequired(REQUIRED), Length(max=20000)])
