from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import DataRequired, Length
from wtforms.widgets import CheckboxInput, ListWidget

from portal.accounts.models import ROLE_LABELS, ROLES

REQUIRED = _l("Trường này là bắt buộc.")


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Mật khẩu"), validators=[DataRequired(REQUIRED), Length(max=256)])


class TotpForm(FlaskForm):
    code = StringField(_l("Mã xác thực 6 chữ số"), validators=[DataRequired(REQUIRED), Length(max=12)])


class PasswordChangeForm(FlaskForm):
    current = PasswordField(_l("Mật khẩu hiện tại"), validators=[DataRequired(REQUIRED), Length(max=256)])
    new = PasswordField(_l("Mật khẩu mới"), validators=[DataRequired(REQUIRED), Length(max=256)])


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class UserForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(REQUIRED), Length(max=254)])
    name = StringField(_l("Họ và tên"), validators=[Length(max=200)])
    roles = MultiCheckboxField(_l("Vai trò"), choices=[SelectChoice(r, _l(ROLE_LABELS[r])) for r in ROLES])
    active = BooleanField(_l("Đang hoạt động"), default=True)


class SetPasswordForm(FlaskForm):
    new = PasswordField(_l("Mật khẩu mới"), validators=[DataRequired(REQUIRED), Length(max=256)])
    confirm = PasswordField(_l("Nhập lại mật khẩu mới"), validators=[DataRequired(REQUIRED), Length(max=256)])
