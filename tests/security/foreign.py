"""Objects the staff roles have no business with, for the access matrix's foreign walk
(``tests/security/test_access_matrix.py``): a case of Board B (the dataset's Board users sit on
Board A) with contact, attachment, internal note and answer file, and petitions still in, or refused
by, the moderation queue; with the strings that must not leak, a form that would succeed for those
entitled, a digest of the whole database, and the list of requests to walk."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import zipfile
from dataclasses import dataclass

from .dataset import make_petition
from .harness import required_roles, rules, url_for_rule

_SECRET_FILE = b"%PDF-1.4\n% NOI-DUNG-TEP-RIENG-TU\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class Foreign:
    id_sets: dict  # label -> {url parameter: id}
    markers: dict  # label -> strings that must not leak
    payload: dict  # form sent with every POST


def _submission(label: str, status: str, n: int):
    from moderation.intake.models import SubmissionAttachment
    from portal.extensions import db
    from portal.files import store_bytes

    sub = make_petition(title=f"Nguyên văn {label}: ông Lê Văn Kín{n} số {n} Hẻm {n}",
                        description=f"Nội dung gốc {label} chưa kiểm duyệt, mã KIN-{n}-{n}.", status=status,
                        visibility="named", display_name=f"Người gửi {label}",
                        contact={"name": f"Phạm Thị Riêng{n}", "phone": f"0977{n:06d}",
                                 "email": f"rieng{n}@bi-mat.example.vn", "address": f"{n} Hẻm Kín"})
    sub.public_title, sub.public_description = f"Kiến nghị công khai {label}", f"Bản công khai {label}."
    data = _SECRET_FILE + f"% {label}\n".encode()
    att = SubmissionAttachment(submission_id=sub.id, filename=f"rieng-{n}.pdf", content_type="application/pdf",
                               size=len(data), sha256=store_bytes(data))
    db.session.add(att)
    db.session.flush()
    c = sub.contact
    return sub, att, [c.name, c.phone, c.email, c.address, sub.title, sub.description, "NOI-DUNG-TEP-RIENG-TU"]


def build_foreign(dataset) -> Foreign:
    """Create the foreign objects (inside an app context, after ``build_dataset()``) and commit."""
    from moderation.boards.models import BoardMember
    from moderation.cases.models import Case, CaseEvent, CaseStatus, Referral
    from moderation.intake.models import Topic
    from portal.extensions import db
    from portal.files import store_bytes

    board_b = dataset.objects["board_b"]
    sub_b, att_b, secrets_b = _submission("Ban B", "approved", 910001)
    case_b = Case(submission_id=sub_b.id, board_id=board_b.id, status=CaseStatus.assigned,
                  assignee_id=dataset.other_board_users["board_member"].id)
    db.session.add(case_b)
    db.session.flush()
    db.session.add(CaseEvent(case_id=case_b.id, kind="note", text="GHI-CHU-NOI-BO-CUA-BAN-B"))
    referral = Referral(case_id=case_b.id, agency="UBND quận", sent_on=dt.date.today(),
                        answer_file_sha256=store_bytes(b"%PDF-1.4\n% TRA-LOI-RIENG-CUA-BAN-B\n%%EOF\n"),
                        answer_file_name="tra-loi.pdf", answer_file_type="application/pdf")
    db.session.add(referral)
    pending, att_p, secrets_p = _submission("chờ duyệt", "received", 910002)
    rejected, att_r, secrets_r = _submission("bị từ chối", "rejected", 910003)
    db.session.flush()
    member_b = db.session.query(BoardMember).filter_by(board_id=board_b.id, position="member").first()
    topic = db.session.query(Topic).first()
    db.session.commit()
    today = dt.date.today().isoformat()
    newcomer = dataset.users["editor"].id
    payload = {
        # queue actions
        "reason": "Kiểm tra phân quyền", "note": "Kiểm tra phân quyền", "message": "Xin bổ sung ảnh.",
        "guidance": "Liên hệ Công an phường.", "redirect_kind": "complaint", "reason_code": "spam",
        "public_title": "Tiêu đề đã biên tập", "public_description": "Nội dung đã biên tập.",
        "topic_id": getattr(topic, "id", ""), "target_code": dataset.objects["petition"].receipt_code,
        # case actions (form prefixes of moderation/cases/forms.py)
        "assign-assignee": dataset.other_board_users["board_head"].id, "note-text": "Ghi chú thử",
        "verify-text": "Đã xác minh", "respond-text": "Trả lời thử", "refer-agency": "UBND quận",
        "refer-sent_on": today, "answer-answered_on": today, "answer-summary": "Đã trả lời",
        # roster
        "remove": "1", "m-user_id": newcomer, "m-position": "member", "m-group_id": 0,
        f"add{board_b.id}-user_id": newcomer, f"add{board_b.id}-position": "member", f"add{board_b.id}-group_id": 0,
    }
    return Foreign(
        id_sets={
            "Board B": {"case_id": case_b.id, "board_id": board_b.id, "member_id": member_b.id,
                        "referral_id": referral.id, "submission_id": sub_b.id, "attachment_id": att_b.id},
            "pending": {"submission_id": pending.id, "attachment_id": att_p.id},
            "rejected": {"submission_id": rejected.id, "attachment_id": att_r.id},
        },
        markers={"Board B": secrets_b + ["GHI-CHU-NOI-BO-CUA-BAN-B", "TRA-LOI-RIENG-CUA-BAN-B"],
                 "pending": secrets_p, "rejected": secrets_r},
        payload=payload,
    )


def fingerprint() -> str:
    """A digest of every row of every table: any write shows."""
    from sqlalchemy import select

    from portal.extensions import db

    digest = hashlib.sha256()
    db.session.expire_all()
    for table in db.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.columns)
        for row in db.session.execute(select(table).order_by(*order)):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def body_text(resp) -> str:
    """The response as text, with the members of a DOCX/XLSX (zip) archive unpacked."""
    data = resp.get_data()
    parts = [data.decode("utf-8", "replace")]
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
    return "\n".join(parts)


def _arg_values(rule) -> dict:
    """Every value worth trying for a rule's free-text parameters (the case page's actions)."""
    values = {}
    if "action" in rule.arguments and rule.endpoint == "cases.case_action":
        from moderation.cases.views import ACTIONS

        values["action"] = sorted(ACTIONS)
    return values


def foreign_requests(app, dataset, foreign):
    """(label, rule, method, url, needed roles) for every guarded staff rule: once per id set that
    fills one of its parameters, or once with the dataset's own ids when none does."""
    for rule in rules(app, "staff"):
        needed = required_roles(app, rule)
        if needed is None:
            continue  # own-account pages: no object ids
        labels = [label for label, ids in foreign.id_sets.items() if set(ids) & set(rule.arguments)] or ["-"]
        extra = _arg_values(rule)
        methods = sorted(set(rule.methods or ()) - {"HEAD", "OPTIONS"})
        for label in labels:
            ids = {**dataset.ids, **foreign.id_sets.get(label, {})}
            for combo in itertools.product(*extra.values()):
                url = url_for_rule(rule, {**ids, **dict(zip(extra, combo, strict=True))})
                for method in methods:
                    yield label, rule, method, url, needed


def may_act(role: str, rule, label: str) -> bool:
    """Moderators (and admins) work on any submission through the moderation pages."""
    return role == "admin" or (role == "moderator" and rule.endpoint.split(".")[0] in ("queue", "queue_admin"))
