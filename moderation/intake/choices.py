"""What the petition form offers: topics, residential groups, projects, the labels of matter kinds
and visibilities, and the guidance for matters the portal does not take (complaints, denunciations)."""
from __future__ import annotations

import datetime as dt

from flask import current_app
from sqlalchemy import select

from moderation.intake.models import MatterKind, Topic, Visibility
from portal.extensions import db
from portal.i18n import N_
from portal.ward import ResidentialGroup
from public_docs.disclosures import services

KIND_LABELS = {
    MatterKind.feedback: N_("Phản ánh, kiến nghị"),
    MatterKind.complaint: N_("Khiếu nại"),
    MatterKind.denunciation: N_("Tố cáo"),
}
VISIBILITY_LABELS = {
    Visibility.named: N_("Công khai kèm họ tên"),
    Visibility.anonymous: N_("Công khai, không kèm họ tên"),
    Visibility.private: N_("Không công khai (chỉ cán bộ xử lý được xem)"),
}
DEFAULT_TOPICS = [
    ("land", N_("Đất đai")),
    ("environment", N_("Môi trường")),
    ("construction", N_("Xây dựng, trật tự đô thị")),
    ("security", N_("An ninh, trật tự")),
    ("social_policy", N_("Chính sách xã hội")),
    ("budget", N_("Ngân sách, các khoản đóng góp")),
    ("investment_project", N_("Dự án đầu tư")),
    ("officials", N_("Tác phong, thái độ của cán bộ")),
    ("admin_procedure", N_("Thủ tục hành chính")),
    ("other", N_("Lĩnh vực khác")),
]


def seed_topics() -> None:
    have = set(db.session.scalars(select(Topic.code)))
    for i, (code, name) in enumerate(DEFAULT_TOPICS, start=1):
        if code not in have:
            db.session.add(Topic(code=code, name=name, position=i))
    db.session.flush()


def active_topics() -> list[Topic]:
    return list(db.session.scalars(select(Topic).where(Topic.active.is_(True)).order_by(Topic.position, Topic.name)))


def active_groups() -> list[ResidentialGroup]:
    return list(db.session.scalars(
        select(ResidentialGroup).where(ResidentialGroup.active.is_(True))
        .order_by(ResidentialGroup.position, ResidentialGroup.code)))


def list_projects() -> list:
    return services.list_projects()


def is_open_for_comments(disclosure, on_date: dt.date | None = None) -> bool:
    return services.is_open_for_comments(disclosure, on_date)


WHERE_TO_SEND = N_("Xin mời gửi đơn bằng văn bản hoặc trình bày trực tiếp tại %(address)s (%(hours)s).")
COMPLAINT_GUIDANCE = N_(
    "Khiếu nại về quyết định hoặc hành vi hành chính ảnh hưởng đến quyền, lợi ích của chính bạn được giải "
    "quyết theo Luật Khiếu nại, với thời hạn và thủ tục riêng, nên Cổng Dân chủ cơ sở không tiếp nhận khiếu "
    "nại. %(where)s")
DENUNCIATION_GUIDANCE = N_(
    "Tố cáo hành vi vi phạm pháp luật được giải quyết theo Luật Tố cáo: người tố cáo phải nêu rõ họ tên, địa "
    "chỉ và được giữ bí mật danh tính, tố cáo nặc danh không được xử lý. Vì vậy Cổng không tiếp nhận và không "
    "lưu nội dung tố cáo. %(where)s")
GUIDANCE_PATTERNS = (COMPLAINT_GUIDANCE, DENUNCIATION_GUIDANCE, WHERE_TO_SEND)


def legal_guidance(kind: MatterKind | str) -> str:
    """The guidance for a complaint or a denunciation, in Vietnamese (stored as the resident's
    message; shown through ``|stored_text``, which knows :data:`GUIDANCE_PATTERNS`)."""
    cfg = current_app.config
    kind = MatterKind(kind)
    where = WHERE_TO_SEND % {"address": cfg["RECEPTION_ADDRESS"], "hours": cfg["RECEPTION_HOURS"]}
    if kind == MatterKind.complaint:
        return COMPLAINT_GUIDANCE % {"where": where}
    if kind == MatterKind.denunciation:
        return DENUNCIATION_GUIDANCE % {"where": where}
    return where
