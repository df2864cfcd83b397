"""Disclosure rules and state changes: category, dates, publish / amend / withdraw, audit, index log."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.errors import DomainError
from portal.settings import set_setting
from public_docs.disclosures import services
from public_docs.disclosures.models import Disclosure, DisclosureStatus, DisclosureVersion, IndexChange
from tests.fixtures.disclosures import valid_data


def _events(db, action):
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_create_draft_sanitizes_and_leaves_posting_to_publication(db):
    d = services.create_disclosure(
        valid_data(body="Xin chào <script>alert(1)</script> **đậm**", title="  Kế hoạch\x07 2027 "), actor="test"
    )
    db.session.commit()
    assert d.status == DisclosureStatus.draft
    assert d.title == "Kế hoạch 2027"
    assert "<script>" not in d.body_html and "<strong>đậm</strong>" in d.body_html
    assert "<script>" in d.body_source or "alert" in d.body_source  # kept as typed
    assert d.posting_start is None and d.posting_end is None  # posting counts from publication
    assert _events(db, "disclosure.create")[0].subject_id == str(d.id)
    assert db.session.scalar(select(IndexChange)) is None  # drafts are never indexed


@pytest.mark.parametrize(
    "over, field",
    [
        ({"category": "weather"}, "category"),
        ({"category": "budget"}, "budget_kind"),
        ({"number": ""}, "number"),
        ({"number": "79/KH<b>"}, "number"),
        ({"title": ""}, "title"),
        ({"form": "Thư tình"}, "form"),
        ({"issued_on": "31/02/2026"}, "issued_on"),
        ({"issued_on": (dt.date.today() + dt.timedelta(days=30)).isoformat()}, "issued_on"),
        ({"is_project": True, "category": "fees"}, "is_project"),
    ],
)
def test_rules_refuse_bad_values(db, over, field):
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(valid_data(**over), actor="test")
    assert field in exc.value.fields
    assert exc.value.fields[field]  # a Vietnamese message for the field


def test_budget_needs_a_kind_and_keeps_it(db):
    d = services.create_disclosure(
        valid_data(category="budget", budget_kind="final_accounts", budget_year=2025), actor="test")
    assert d.budget_kind == "final_accounts" and d.budget_period == "final"
    other = services.create_disclosure(
        valid_data(number="2/TB-UBND", budget_kind="final_accounts", budget_year=2025), actor="test")
    assert other.budget_kind is None  # only budget documents carry a kind


def test_number_is_unique_case_insensitively(db):
    services.create_disclosure(valid_data(), actor="test")
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(valid_data(number="79/kh-ubnd"), actor="test")
    assert "đã được dùng" in exc.value.fields["number"]


def test_posting_period_minimum_follows_the_setting(db):
    today = services.today()
    start = today - dt.timedelta(days=1)
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(
            valid_data(posting_start=start.isoformat(), posting_end=(start + dt.timedelta(days=10)).isoformat()),
            actor="test",
        )
    assert "30 ngày" in exc.value.fields["posting_end"]
    set_setting("POSTING_MIN_DAYS", 10, actor="test")
    d = services.create_disclosure(
        valid_data(posting_start=start.isoformat(), posting_end=(start + dt.timedelta(days=10)).isoformat()),
        actor="test",
    )
    assert d.posting_end == start + dt.timedelta(days=10)
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(
            valid_data(number="5/TB", posting_start=(today - dt.timedelta(days=9)).isoformat()), actor="test"
        )
    assert "posting_start" in exc.value.fields  # cannot start before the issue date


def test_publish_requires_secrecy_confirmation(db):
    d = services.create_disclosure(valid_data(), actor="test")
    with pytest.raises(DomainError) as exc:
        services.publish_disclosure(d, actor="test", secrecy_confirmed=False)
    assert "bí mật" in exc.value.message
    assert d.status == DisclosureStatus.draft
    services.publish_disclosure(d, actor="test", secrecy_confirmed=True)
    db.session.commit()
    assert d.status == DisclosureStatus.published and d.secrecy_confirmed_at is not None
    assert d.version_no == 1
    assert [v.version_no for v in d.versions] == [1]
    change = db.session.scalars(select(IndexChange)).all()
    assert [(c.doc_id, c.op) for c in change] == [(d.id, "upsert")]
    ev = _events(db, "disclosure.publish")
    assert len(ev) == 1 and ev[0].details["number"] == "79/KH-UBND"
    with pytest.raises(DomainError):
        services.publish_disclosure(d, actor="test", secrecy_confirmed=True)


def test_published_cannot_be_edited_as_draft(db, make_disclosure):
    d = make_disclosure()
    with pytest.raises(DomainError):
        services.update_disclosure(d, valid_data(number=d.number, title="Khác"), actor="test")


def test_amend_keeps_versions_and_writes_index_and_audit(db, make_disclosure):
    d = make_disclosure()
    with pytest.raises(DomainError) as exc:
        services.amend_disclosure(d, {"title": "Mới"}, "", actor="test", secrecy_confirmed=True)
    assert "change_note" in exc.value.fields
    with pytest.raises(DomainError) as exc:
        services.amend_disclosure(d, {"title": d.title}, "Không đổi", actor="test", secrecy_confirmed=True)
    assert "Không có thay đổi" in exc.value.message
    v = services.amend_disclosure(
        d, {"title": "Kế hoạch (đã đính chính)"}, "Sửa lỗi chính tả ở tiêu đề", actor="test", secrecy_confirmed=True
    )
    db.session.commit()
    assert v.version_no == 2 and d.version_no == 2 and d.title == "Kế hoạch (đã đính chính)"
    versions = db.session.scalars(
        select(DisclosureVersion).where(DisclosureVersion.disclosure_id == d.id).order_by(DisclosureVersion.version_no)
    ).all()
    assert [x.title for x in versions] == ["Kế hoạch phát triển kinh tế - xã hội năm 2027", "Kế hoạch (đã đính chính)"]
    assert versions[1].change_note == "Sửa lỗi chính tả ở tiêu đề"
    assert [c.op for c in db.session.scalars(select(IndexChange).order_by(IndexChange.id))] == ["upsert", "upsert"]
    ev = _events(db, "disclosure.amend")
    assert ev[0].details["changes"]["title"][1] == "Kế hoạch (đã đính chính)"


def test_withdraw_needs_reason_keeps_row_and_deletes_from_index(db, make_disclosure):
    d = make_disclosure()
    with pytest.raises(DomainError):
        services.withdraw_disclosure(d, "  ", actor="test")
    services.withdraw_disclosure(d, "Ban hành nhầm đối tượng áp dụng", actor="test")
    db.session.commit()
    d = db.session.get(Disclosure, d.id)
    assert d.status == DisclosureStatus.withdrawn and d.withdrawn_reason.startswith("Ban hành nhầm")
    assert db.session.scalars(select(IndexChange).order_by(IndexChange.id.desc())).first().op == "delete"
    assert _events(db, "disclosure.withdraw")[0].details["reason"] == "Ban hành nhầm đối tượng áp dụng"
    with pytest.raises(DomainError):
        services.amend_disclosure(d, {"title": "x"}, "y", actor="test", secrecy_confirmed=True)
    with pytest.raises(DomainError):
        services.withdraw_disclosure(d, "lần nữa", actor="test")


def test_comment_window(db, make_disclosure):
    today = services.today()
    draft = make_disclosure(publish=False)
    with pytest.raises(DomainError):
        services.open_for_comments(draft, today, today + dt.timedelta(days=30), actor="test")
    d = make_disclosure(category="conventions", form="Dự thảo")
    with pytest.raises(DomainError) as exc:
        services.open_for_comments(d, today, today + dt.timedelta(days=5), actor="test")
    assert "30 ngày" in exc.value.message
    with pytest.raises(DomainError):
        services.open_for_comments(d, today, today - dt.timedelta(days=5), actor="test")
    services.open_for_comments(d, today - dt.timedelta(days=2), today + dt.timedelta(days=30), actor="test")
    db.session.commit()
    assert services.is_open_for_comments(d)
    assert not services.is_open_for_comments(d, on_date=today + dt.timedelta(days=31))
    assert services.list_open_consultations() == [d]
    with pytest.raises(DomainError) as exc:  # a convention draft: at least 30 days of comments
        services.close_comments(d, actor="test")
    assert "ít nhất 30 ngày" in exc.value.message
    db.session.rollback()
    services.open_for_comments(d, today - dt.timedelta(days=30), today + dt.timedelta(days=5), actor="test")
    services.close_comments(d, actor="test")
    db.session.commit()
    assert d.comments_open_until == today - dt.timedelta(days=1)
    assert not services.is_open_for_comments(d)
    assert _events(db, "disclosure.comments_open") and _events(db, "disclosure.comments_close")


def test_list_projects_only_published_projects(db, make_disclosure):
    p = make_disclosure(category="projects", is_project=True, title="Dự án nâng cấp đường Hòa An 5")
    make_disclosure(category="projects", is_project=True, publish=False)
    make_disclosure(category="projects")
    assert services.list_projects() == [p]


def test_groups_by_id_and_code(db):
    from portal.ward import ResidentialGroup

    g1 = ResidentialGroup(code="TDP01", name="Tổ dân phố 1")
    g2 = ResidentialGroup(code="TDP02", name="Tổ dân phố 2")
    db.session.add_all([g1, g2])
    db.session.flush()
    d = services.create_disclosure(valid_data(group_ids=[str(g1.id)]), actor="test")
    assert [g.code for g in d.groups] == ["TDP01"]
    d2 = services.create_disclosure(valid_data(number="9/TB", group_codes=["TDP02"]), actor="test")
    assert [g.code for g in d2.groups] == ["TDP02"]
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(valid_data(number="10/TB", group_codes=["TDP99"]), actor="test")
    assert "TDP99" in exc.value.fields["group_ids"]


def test_number_uniqueness_handles_vietnamese_letters(db):
    services.create_disclosure(valid_data(number="130/QĐ-UBND"), actor="test")
    with pytest.raises(DomainError):
        services.create_disclosure(valid_data(number="130/qđ-ubnd"), actor="test")
    assert services.find_by_number(" 130/qđ-UBND ").number == "130/QĐ-UBND"


def test_secrecy_stamp_in_the_text_is_refused(db):
    with pytest.raises(DomainError) as exc:
        services.create_disclosure(valid_data(body="TỐI MẬT\n\nPhương án bảo vệ"), actor="test")
    assert "TỐI MẬT" in exc.value.fields["body"]
    d = services.create_disclosure(valid_data(body="Hướng dẫn đổi mật khẩu và QUY CHẾ BẢO MẬT"), actor="test")
    assert d.id
