"""Forms of the Board workspace."""
from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

REQUIRED = "Trường này là bắt buộc."


class AssignForm(FlaskForm):
    assignee = SelectField("Thành viên xử lý", coerce=int, validators=[DataRequired(REQUIRED)])


class TextForm(FlaskForm):
    text = TextAreaField("Nội dung", validators=[DataRequired(REQUIRED), Length(max=10000)])


class ReferForm(FlaskForm):
    agency = StringField("Cơ quan có thẩm quyền nhận kiến nghị", validators=[DataRequired(REQUIRED), Length(max=200)])
    sent_on = DateField("Ngày gửi văn bản", validators=[DataRequired("Vui lòng nhập ngày gửi hợp lệ.")])
    document_number = StringField("Số văn bản kiến nghị", validators=[Optional(), Length(max=64)])
    answer_due = DateField("Hạn trả lời (để trống: theo quy định)", validators=[Optional()])


class AnswerForm(FlaskForm):
    answered_on = DateField("Ngày văn bản trả lời", validators=[DataRequired("Vui lòng nhập ngày hợp lệ.")])
    answer_number = StringField("Số văn bản trả lời", validators=[Optional(), Length(max=64)])
    summary = TextAreaField("Tóm tắt nội dung trả lời", validators=[DataRequired(REQUIRED), Length(max=10000)])
    file = FileField("Tệp văn bản trả lời (PDF, DOCX, ảnh; không bắt buộc)")


class MemberForm(FlaskForm):
    user_id = SelectField("Cán bộ (để trống nếu khuyết)", coerce=int)
    position = SelectField("Chức danh", choices=[("head", "Trưởng ban"), ("deputy", "Phó Trưởng ban"),
                                                  ("member", "Thành viên")])
    group_id = SelectField("Tổ dân phố", coerce=int)
    term_start = DateField("Bắt đầu nhiệm kỳ", validators=[Optional()])
    term_end = DateField("Kết thúc nhiệm kỳ", validators=[Optional()])


class SupervisionBoardForm(FlaskForm):
    project_id = SelectField("Dự án (thông tin công khai)", coerce=int)
    name = StringField("Tên Ban", validators=[Optional(), Length(max=200)])


class HolidayForm(FlaskForm):
    day = DateField("Ngày nghỉ", validators=[DataRequired("Vui lòng nhập ngày hợp lệ.")])
    name = StringField("Tên ngày lễ", validators=[DataRequired(REQUIRED), Length(max=120)])


class RatingForm(FlaskForm):
    rating = IntegerField("Mức đánh giá (1–5)", validators=[DataRequired("Vui lòng chọn mức đánh giá."),
                                                          NumberRange(1, 5, "Chọn từ 1 đến 5.")])
    comment = TextAreaField("Nhận xét (không bắt buộc)", validators=[Optional(), Length(max=2000)])
