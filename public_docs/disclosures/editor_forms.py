"""The disclosure editor's forms: a disclosure's fields (title, kind, budget kind and period,
groups, posting, body, attachments) and the amendment's extra fields."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import (
    BooleanField,
    MultipleFileField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)

from portal.extensions import db
from portal.units import LAZY
from portal.ward import ResidentialGroup
from public_docs.disclosures.models import (
    BUDGET_KINDS,
    CATEGORIES,
    FORMS,
)


def choice_list(pairs):
    return [SelectChoice(v, label) for v, label in pairs]


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class DisclosureForm(FlaskForm):
    class Meta:
        csrf = False  # CSRFProtect guards every POST already; the token is in the template

    number = StringField(_l("Số, ký hiệu"), render_kw={"maxlength": 64, "autocomplete": "off"})
    title = StringField(_l("Trích yếu (tiêu đề)"), render_kw={"maxlength": 500})
    category = SelectField(
        _l("Lĩnh vực công khai"),
        choices=choice_list([("", _l("— Chọn lĩnh vực —"))] + [(k, _l(v)) for k, v in CATEGORIES.items()]),
    )
    budget_kind = SelectField(
        _l("Loại văn bản ngân sách (chỉ với văn bản ngân sách)"),
        choices=choice_list([("", _l("— Không áp dụng —"))] + [(k, _l(v)) for k, v in BUDGET_KINDS.items()]),
    )
    budget_year = StringField(_l("Năm ngân sách"), render_kw={"inputmode": "numeric", "maxlength": 4,
                                                               "autocomplete": "off"})
    budget_quarter = SelectField(
        _l("Quý (chỉ với báo cáo thực hiện dự toán quý)"),
        choices=choice_list([("", _l("— Không áp dụng —"))] + [(str(q), str(q)) for q in (1, 2, 3, 4)]),
    )
    form = SelectField(_l("Hình thức văn bản"), choices=choice_list((f, _l(f)) for f in FORMS))
    issuer = StringField(_l("Cơ quan ban hành"), render_kw={"maxlength": 200})
    issued_on = StringField(_l("Ngày ban hành"), render_kw={"type": "date"})
    effective_on = StringField(_l("Ngày hiệu lực"), render_kw={"type": "date"})
    posting_start = StringField(_l("Ngày bắt đầu niêm yết"), render_kw={"type": "date"})
    posting_end = StringField(_l("Ngày kết thúc niêm yết"), render_kw={"type": "date"})
    summary = TextAreaField(_l("Tóm tắt nội dung"), render_kw={"rows": 3})
    body = TextAreaField(_l("Nội dung (Markdown hoặc HTML đơn giản)"), render_kw={"rows": 12})
    group_ids = MultiCheckboxField(_l("%(Group_kind)s liên quan", **LAZY), coerce=str)
    is_project = BooleanField(_l("Đây là dự án, công trình (người dân có thể kiến nghị, Ban giám sát đầu tư theo dõi)"))
    files = MultipleFileField(_l("Tệp đính kèm (PDF, DOCX, XLSX, ODT, JPEG, PNG)"))


class AmendForm(DisclosureForm):
    remove_attachment_ids = MultiCheckboxField(_l("Gỡ tệp đính kèm (vẫn lưu trong phiên bản cũ)"), coerce=str)
    change_note = TextAreaField(_l("Nội dung đính chính (hiển thị công khai)"), render_kw={"rows": 3})
    secrecy_confirmed = BooleanField(
        _l("Tôi xác nhận văn bản không chứa bí mật nhà nước, bí mật công tác, thông tin chưa được phép công khai")
    )


def group_choices():
    groups = db.session.scalars(
        select(ResidentialGroup).where(ResidentialGroup.active.is_(True))
        .order_by(ResidentialGroup.position, ResidentialGroup.code)
    )
    return choice_list((str(g.id), g.name) for g in groups)
