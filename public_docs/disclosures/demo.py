"""Demo disclosures for ``flask demo load`` (idempotent: existing numbers are left alone)."""
from __future__ import annotations

import datetime as dt
import io
import re

from flask import current_app

from portal.extensions import db
from public_docs.disclosures import services
from public_docs.disclosures.demo_data.disclosures import DISCLOSURES
from public_docs.disclosures.models import DisclosureStatus
from public_docs.disclosures.services import UploadedFile
from public_docs.search import fold

DEMO_EDITOR = "bientap@demo.phuong.vn"


def _safe_slug(number: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", fold(number)).strip("-")


def _paragraphs(rec: dict) -> list[str]:
    if rec.get("attachment_text"):
        return list(rec["attachment_text"])
    body = re.sub(r"[#*|]", " ", rec.get("body", ""))
    return [re.sub(r"\s+", " ", line).strip() for line in body.splitlines()
            if line.strip() and not set(line) <= set("|-: ")]


def _header(rec: dict) -> list[str]:
    ward = current_app.config["WARD_NAME"]
    return [
        f"{rec['issuer'].upper()}",
        f"Số: {rec['number']}",
        f"{ward.replace('Phường ', '')}, ngày {rec['_issued'].day:02d} tháng {rec['_issued'].month:02d} "
        f"năm {rec['_issued'].year}",
    ]


def make_file(rec: dict) -> UploadedFile | None:
    kind = rec.get("attachment")
    if not kind:
        return None
    name = f"{_safe_slug(rec['number'])}.{kind}"
    title = f"{rec['form'].upper()}: {rec['title']}"
    paragraphs = _header(rec) + [""] + _paragraphs(rec)
    if kind == "pdf":
        from demo.minipdf import make_pdf

        return UploadedFile(name, make_pdf(title, paragraphs))
    if kind == "docx":
        from portal.docxpage import new_document

        document = new_document()
        for line in _header(rec):
            document.add_paragraph(line)
        document.add_heading(title, level=1)
        for p in _paragraphs(rec):
            document.add_paragraph(p)
        out = io.BytesIO()
        document.save(out)
        return UploadedFile(name, out.getvalue())
    if kind == "xlsx":
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Số liệu"
        ws.append([title])
        ws.append([f"Số: {rec['number']}"])
        rows = [r for r in rec.get("body", "").splitlines() if r.startswith("|") and not set(r) <= set("|-: ")]
        if rows:
            for r in rows:
                ws.append([c.strip().strip("*") for c in r.strip("|").split("|")])
        else:
            for p in _paragraphs(rec):
                ws.append([p])
        out = io.BytesIO()
        wb.save(out)
        return UploadedFile(name, out.getvalue())
    return None


PUBLICATION_LAGS = (0, 1, 1, 2, 0, 1)  # working days from issue to the portal, by record (mostly 0-2)


def _backdate(d, rec: dict, issued: dt.date, i: int) -> None:
    """Publication ``publish_lag`` (else 0-2) working days after issue, in office hours, with the
    posting period, the first version, an amendment and a withdrawal after it."""
    from demo.timeline import add_working_days, at, later
    from portal.ward import local_date
    from public_docs.disclosures.services.posting import posting_period

    lag = rec.get("publish_lag", 0 if rec.get("comments") else PUBLICATION_LAGS[i % len(PUBLICATION_LAGS)])
    when = at(add_working_days(issued, lag), 60 + (i * 53) % 420)
    d.published_at = d.secrecy_confirmed_at = when
    d.posting_start, d.posting_end = posting_period(local_date(when), None, None)
    from sqlalchemy import select

    from public_docs.disclosures.models import DisclosureVersion

    versions = db.session.scalars(
        select(DisclosureVersion).where(DisclosureVersion.disclosure_id == d.id).order_by(DisclosureVersion.version_no)
    ).all()
    if versions:
        versions[0].created_at = when
    for v in versions[1:]:
        when = later(when, 2, 35)
        v.created_at = when
    if d.withdrawn_at is not None:
        d.withdrawn_at = later(when, 3, 20)


def load_demo_disclosures() -> int:
    """Create the demo disclosures; return how many were created. Issue dates come from each
    record's ``days_ago``, publication 0-2 working days later (``publish_lag`` to show a late one)."""
    from portal.accounts.services import get_user_by_email

    actor = get_user_by_email(DEMO_EDITOR) or "demo"
    today = services.today()
    created = 0
    for i, rec in enumerate(DISCLOSURES):
        if services.find_by_number(rec["number"]) is not None:
            continue
        issued = today - dt.timedelta(days=rec.get("days_ago", 0))
        rec = {**rec, "_issued": issued}
        data = {
            "number": rec["number"], "title": rec["title"], "summary": rec.get("summary", ""),
            "body": rec.get("body", ""), "category": rec["category"],
            "budget_kind": rec.get("budget_kind"), "budget_year": rec.get("budget_year"),
            "budget_quarter": rec.get("budget_quarter"),
            "form": rec["form"], "issuer": rec["issuer"], "issued_on": issued, "effective_on": issued,
            "is_project": rec.get("is_project", False), "group_codes": rec.get("groups") or [],
        }
        upload = make_file(rec)
        d = services.create_disclosure(data, actor=actor, files=[upload] if upload else [])
        created += 1
        if rec.get("draft"):
            continue
        services.publish_disclosure(d, actor=actor, secrecy_confirmed=True)
        if rec.get("comments"):
            start, end = rec["comments"]
            services.open_for_comments(d, today + dt.timedelta(days=start), today + dt.timedelta(days=end), actor=actor)
        if rec.get("amend"):
            title, note = rec["amend"]
            services.amend_disclosure(d, {"title": title}, note, actor=actor, secrecy_confirmed=True)
        if rec.get("withdraw") and d.status == DisclosureStatus.published:
            services.withdraw_disclosure(d, rec["withdraw"], actor=actor)
        db.session.flush()
        _backdate(d, rec, issued, i)
    db.session.flush()
    return created


def retime_fresh_publications() -> None:
    """Disclosures other demo loaders published through their services (a supervision's
    conclusion…) and dated back: published a working day after their issue date, not on load day."""
    from sqlalchemy import select

    from demo.timeline import add_working_days, at
    from portal.database import utcnow
    from portal.ward import local_date
    from public_docs.disclosures.models import Disclosure, DisclosureVersion
    from public_docs.disclosures.services.posting import posting_period

    fresh = utcnow() - dt.timedelta(hours=1)
    rows = db.session.scalars(select(Disclosure).where(Disclosure.published_at >= fresh,
                                                       Disclosure.issued_on < services.today())).all()
    for i, d in enumerate(rows):
        when = at(add_working_days(d.issued_on, 1), 120 + 37 * i)
        d.published_at = d.secrecy_confirmed_at = when
        d.posting_start, d.posting_end = posting_period(local_date(when), None, None)
        for v in db.session.scalars(select(DisclosureVersion).where(DisclosureVersion.disclosure_id == d.id,
                                                                    DisclosureVersion.created_at >= fresh)):
            v.created_at = when
    db.session.flush()
