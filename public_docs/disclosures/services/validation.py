"""Form and import values checked and cleaned into model values, or refused with
``DomainError`` naming every bad field."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select

from portal.errors import DomainError
from portal.extensions import db
from portal.params import as_id
from portal.sanitize import clean_text, render_markdown
from portal.settings import get_setting
from portal.ward import ResidentialGroup
from public_docs.disclosures.extract import find_secrecy_stamp
from public_docs.disclosures.models import BUDGET_KIND_OF_PERIOD, BUDGET_KINDS, CATEGORIES, FORMS, Disclosure
from public_docs.disclosures.services.common import parse_date, today
from public_docs.disclosures.services.posting import posting_min_days
from public_docs.disclosures.services.queries import find_by_number

NUMBER_RE = re.compile(r"^[0-9A-Za-zÀ-ỹĐđ][0-9A-Za-zÀ-ỹĐđ/\-.&_ ]{0,63}$")
EDITABLE_FIELDS = (
    "number", "title", "summary", "body", "category", "budget_kind", "budget_year", "budget_quarter",
    "form", "issuer", "issued_on", "effective_on", "posting_start", "posting_end", "is_project", "group_ids",
)


def convention_comment_min_days() -> int:
    """The shortest comment window of a draft convention (setting ``CONVENTION_COMMENT_MIN_DAYS``)."""
    try:
        return max(0, int(get_setting("CONVENTION_COMMENT_MIN_DAYS", 30)))
    except (TypeError, ValueError):
        return 30


def clean_disclosure_data(data: dict, current: Disclosure | None) -> dict:
    """Clean ``data`` (a mapping of form/import values) into model values, or raise DomainError
    with every bad field (its message is the first one, in the order of the form)."""
    errors: dict[str, str] = {}
    out: dict[str, Any] = {"number": _clean_number(data, current, errors)}
    out.update(_clean_texts(data, errors))
    out.update(_clean_classification(data, errors))
    out.update(_clean_dates(data, current, errors))
    out["is_project"] = bool(data.get("is_project")) and out["category"] in ("projects", "land", "planning")
    if bool(data.get("is_project")) and not out["is_project"]:
        errors["is_project"] = "Chỉ văn bản thuộc lĩnh vực dự án, đất đai, quy hoạch mới được đánh dấu là dự án."
    out["groups"] = _clean_groups(data, errors)

    if errors:
        first = next(iter(errors.values()))
        raise DomainError(first, field_errors=errors)
    return out


def _clean_number(data: dict, current: Disclosure | None, errors: dict) -> str:
    number = clean_text(data.get("number"), 64)
    number = re.sub(r"\s+", "", number)
    if not number:
        errors["number"] = "Vui lòng nhập số, ký hiệu văn bản (ví dụ 79/KH-UBND)."
    elif not NUMBER_RE.match(number):
        errors["number"] = "Số, ký hiệu chỉ gồm chữ, số và các dấu / - . (ví dụ 79/KH-UBND)."
    else:
        other = find_by_number(number)
        if other is not None and (current is None or other.id != current.id):
            errors["number"] = f"Số, ký hiệu {number} đã được dùng cho một văn bản khác."
    return number


def _clean_texts(data: dict, errors: dict) -> dict:
    """Title, summary and body (Markdown source and its HTML); a classification stamp is refused."""
    out = {}
    title = clean_text(data.get("title"), 500)
    if not title:
        errors["title"] = "Vui lòng nhập trích yếu (tiêu đề) của văn bản."
    out["title"] = title
    out["summary"] = clean_text(data.get("summary"), 5000)
    out["body_source"] = clean_text(data.get("body"), 200_000)
    for key, label in (("title", "Trích yếu"), ("summary", "Tóm tắt"), ("body_source", "Nội dung")):
        stamp = find_secrecy_stamp(out[key][:2500])
        if stamp:
            errors[key if key != "body_source" else "body"] = (
                f"{label} mang dấu chỉ độ mật “{stamp}”: tài liệu mật không được đăng công khai."
            )
    out["body_html"] = render_markdown(out["body_source"]) if out["body_source"] else ""
    return out


def _clean_classification(data: dict, errors: dict) -> dict:
    """Category (with the kind, fiscal year and quarter a budget document needs), form and issuer."""
    category = clean_text(data.get("category"))
    if category not in CATEGORIES:
        errors["category"] = "Vui lòng chọn lĩnh vực công khai trong danh mục."

    budget = _clean_budget(data, errors) if category == "budget" else {
        "budget_kind": None, "budget_year": None, "budget_quarter": None}

    form = clean_text(data.get("form"), 64) or "Khác"
    if form not in FORMS:
        errors["form"] = "Vui lòng chọn hình thức văn bản trong danh sách."

    issuer = clean_text(data.get("issuer"), 200)
    if not issuer:
        errors["issuer"] = "Vui lòng nhập cơ quan ban hành."
    return {"category": category, **budget, "form": form, "issuer": issuer}


def _clean_budget(data: dict, errors: dict) -> dict:
    """The kind of a budget document (Law 10/2022 Art. 11), its fiscal year and, for a quarterly
    execution report, the quarter. The former ``budget_period`` codes are still read (import)."""
    kind = clean_text(data.get("budget_kind"), 32) or None
    if kind is None and data.get("budget_period"):
        kind = BUDGET_KIND_OF_PERIOD.get(clean_text(data.get("budget_period"), 32), "?")
    if kind not in BUDGET_KINDS:
        errors["budget_kind"] = (
            "Văn bản ngân sách phải chọn loại: dự toán trình Hội đồng nhân dân, dự toán được giao, "
            "tình hình thực hiện dự toán (quý, 6 tháng, năm), quyết toán hoặc kết quả kiểm toán."
        )
    year = _small_int(data.get("budget_year"))
    if year is None or not 2000 <= year <= today().year + 2:
        errors["budget_year"] = f"Vui lòng nhập năm ngân sách (từ 2000 đến {today().year + 2})."
        year = None
    quarter = None
    if kind == "execution_quarter":
        quarter = _small_int(data.get("budget_quarter"))
        if quarter not in (1, 2, 3, 4):
            errors["budget_quarter"] = "Báo cáo thực hiện dự toán quý phải chọn quý (1, 2, 3 hoặc 4)."
            quarter = None
    return {"budget_kind": kind if kind in BUDGET_KINDS else None, "budget_year": year, "budget_quarter": quarter}


def _small_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = clean_text(str(value) if value is not None else "", 8)
    return int(text) if re.fullmatch(r"[0-9]{1,4}", text) else None


def _clean_dates(data: dict, current: Disclosure | None, errors: dict) -> dict:
    """Issue and effective dates and the posting period (at least ``posting_min_days()``). Left
    empty, the start is the day of publication on the portal (``publish_disclosure`` sets it, see
    ``posting.posting_period``); a published disclosure keeps its start."""
    issued = parse_date(data.get("issued_on"), "issued_on", "Ngày ban hành", errors)
    if issued is None and "issued_on" not in errors:
        errors["issued_on"] = "Vui lòng nhập ngày ban hành."
    elif issued is not None and issued > today() + dt.timedelta(days=1):
        errors["issued_on"] = "Ngày ban hành không thể ở tương lai."
    effective = parse_date(data.get("effective_on"), "effective_on", "Ngày hiệu lực", errors)

    start = parse_date(data.get("posting_start"), "posting_start", "Ngày bắt đầu niêm yết", errors)
    end = parse_date(data.get("posting_end"), "posting_end", "Ngày kết thúc niêm yết", errors)
    minimum = posting_min_days()
    if start is None and "posting_start" not in errors and current is not None and current.published_at:
        start = current.posting_start  # a published disclosure keeps the start it was given at publication
    if start is not None and issued is not None and start < issued:
        errors["posting_start"] = "Ngày bắt đầu niêm yết không thể trước ngày ban hành."
    if start is not None:
        earliest_end = start + dt.timedelta(days=minimum)
        if end is None and "posting_end" not in errors:
            end = earliest_end
        elif end is not None and end < earliest_end:
            errors["posting_end"] = (
                f"Thời gian niêm yết tối thiểu là {minimum} ngày: ngày kết thúc không sớm hơn "
                f"{earliest_end.strftime('%d/%m/%Y')}."
            )
    elif end is not None and "posting_end" not in errors:
        earliest_end = max(today(), issued or today()) + dt.timedelta(days=minimum)
        if end < earliest_end:
            errors["posting_end"] = (
                f"Thời gian niêm yết tính từ ngày công bố trên Cổng, tối thiểu {minimum} ngày: ngày kết thúc "
                f"không sớm hơn {earliest_end.strftime('%d/%m/%Y')}."
            )
    return {"issued_on": issued, "effective_on": effective, "posting_start": start, "posting_end": end}


def _clean_groups(data: dict, errors: dict) -> list[ResidentialGroup]:
    """The residential groups, by id (the form) or by code (the import)."""
    group_ids = data.get("group_ids")
    groups: list[ResidentialGroup] = []
    if group_ids:
        ids = []
        for g in group_ids:
            group_id = as_id(g)
            if group_id is None:
                errors["group_ids"] = "Tổ dân phố không hợp lệ."
            else:
                ids.append(group_id)
        if ids:
            groups = list(db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.id.in_(ids))))
            if len(groups) != len(set(ids)):
                errors["group_ids"] = "Tổ dân phố không hợp lệ."
    elif data.get("group_codes"):
        codes = [clean_text(c) for c in data["group_codes"]]
        groups = list(db.session.scalars(select(ResidentialGroup).where(ResidentialGroup.code.in_(codes))))
        if len(groups) != len(set(codes)):
            errors["group_ids"] = "Mã tổ dân phố không tồn tại: " + ", ".join(
                sorted(set(codes) - {g.code for g in groups})
            )
    return groups


def disclosure_data(d: Disclosure) -> dict:
    """The values of ``d`` in the shape ``clean_disclosure_data`` reads."""
    return {
        "number": d.number, "title": d.title, "summary": d.summary, "body": d.body_source,
        "category": d.category, "budget_kind": d.budget_kind, "budget_year": d.budget_year,
        "budget_quarter": d.budget_quarter, "form": d.form, "issuer": d.issuer,
        "issued_on": d.issued_on, "effective_on": d.effective_on, "posting_start": d.posting_start,
        "posting_end": d.posting_end, "is_project": d.is_project, "group_ids": [g.id for g in d.groups],
    }
