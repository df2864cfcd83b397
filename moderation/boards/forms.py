"""Forms of the roster and holiday pages."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Optional

from moderation.cases.forms import REQUIRED
from portal.params import coerce_int  # ASCII digits only: int() reads "١" as 1
from portal.units import LAZY


class MemberForm(FlaskForm):
    name = StringField(_l("Họ tên thành viên"), validators=[Optional(), Length(max=200)])
    user_id = SelectField(_l("Tài khoản cán bộ liên kết (không bắt buộc)"), coerce=coerce_int)
    position = SelectField(_l("Chức danh"), choices=[
        SelectChoice("head", _l("Trưởng ban")), SelectChoice("deputy", _l("Phó Trưởng ban")),
        SelectChoice("member", _l("Thành viên"))])
    group_id = SelectField(_l("%(Group_kind)s", **LAZY), coerce=coerce_int)
    term_start = DateField(_l("Bắt đầu nhiệm kỳ"), validators=[Optional()])
    term_end = DateField(_l("Kết thúc nhiệm kỳ"), validators=[Optional()])
    holds_ward_office = BooleanField(_l("Đang giữ chức vụ ở %(ward_kind)s", **LAZY))


class SupervisionBoardForm(FlaskForm):
    project_id = SelectField(_l("Dự án (thông tin công khai)"), coerce=coerce_int)
    name = StringField(_l("Tên Ban"), validators=[Optional(), Length(max=200)])


class HolidayForm(FlaskForm):
    day = DateField(_l("Ngày nghỉ"), validators=[DataRequired(_l("Vui lòng nhập ngày hợp lệ."))])
    name = StringField(_l("Tên ngày lễ"), validators=[DataRequired(REQUIRED), Length(max=120)])

