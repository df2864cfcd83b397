"""Forms of the Board workspace (a case's steps)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from portal.params import coerce_int  # ASCII digits only: int() reads "١" as 1

REQUIRED = _l("Trường này là bắt buộc.")


class AssignForm(FlaskForm):
    assignee = SelectField(_l("Thành viên xử lý"), coerce=coerce_int, validators=[DataRequired(REQUIRED)])


class TextForm(FlaskForm):
    text = TextAreaField(_l("Nội dung"), validators=[DataRequired(REQUIRED), Length(max=10000)])


class ReferForm(FlaskForm):
    agency = StringField(_l("Cơ quan có thẩm quyền nhận kiến nghị"),
                         validators=[DataRequired(REQUIRED), Length(max=200)])
    sent_on = DateField(_l("Ngày gửi văn bản"), validators=[DataRequired(_l("Vui lòng nhập ngày gửi hợp lệ."))])
    document_number = StringField(_l("Số văn bản kiến nghị"), validators=[Optional(), Length(max=64)])
    answer_due = DateField(_l("Hạn trả lời (để trống: theo quy định)"), validators=[Optional()])


class AnswerForm(FlaskForm):
    answered_on = DateField(_l("Ngày văn bản trả lời"), validators=[DataRequired(_l("Vui lòng nhập ngày hợp lệ."))])
    answer_number = StringField(_l("Số văn bản trả lời"), validators=[Optional(), Length(max=64)])
    summary = TextAreaField(_l("Tóm tắt nội dung trả lời"), validators=[DataRequired(REQUIRED), Length(max=10000)])
    file = FileField(_l("Tệp văn bản trả lời (PDF, DOCX, ảnh; không bắt buộc)"))
