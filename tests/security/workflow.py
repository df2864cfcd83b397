"""A petition (or comment, or disclosure) taken through the real services as far as they exist:
submit → claim → approve (→ Board case) → assign → verify → note → refer → answer → public
response → close → rate. Each step that is not built yet is recorded in ``Journey.missing``.

Used by the XSS and personal-data tests, which need data that went through the same code as a
resident's and a Board's."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from portal.errors import DomainError
from portal.extensions import db


@dataclass
class Staff:
    moderator: object
    board_head: object
    editor: object


@dataclass
class Journey:
    code: str = ""
    submission: object = None
    case: object = None
    done: list = field(default_factory=list)
    missing: list = field(default_factory=list)


def make_staff_team(name_moderator="Lê Kiểm Duyệt", name_head="Phạm Trưởng Ban", name_editor="Võ Biên Tập"):
    """A moderator, an editor and the head of the People's Inspection Board."""
    from security.harness import make_staff

    moderator = make_staff("moderator", name=name_moderator)
    editor = make_staff("editor", name=name_editor)
    head = make_staff("board_head", name=name_head)
    db.session.flush()
    try:
        from moderation.boards.models import BoardMember
        from moderation.boards.routing import get_inspection_board

        board = get_inspection_board()
        db.session.add(BoardMember(board_id=board.id, user_id=head.id, position="head"))
    except ImportError:
        pass
    db.session.commit()
    return Staff(moderator, head, editor)


def default_topic():
    from moderation.intake.models import Topic

    topic = db.session.query(Topic).filter_by(active=True).order_by(Topic.position, Topic.id).first()
    return topic.code if topic else None


def petition_data(title, description, name="", phone="", email="", visibility=None, **extra):
    data = {"kind": "feedback", "topic": default_topic(), "title": title, "description": description,
            "name": name, "phone": phone, "email": email,
            "visibility": visibility or ("named" if name else "anonymous"),
            "consent": "y" if (name or phone or email) else ""}
    data.update(extra)
    return data


def submit(data, address: str = "") -> Journey:
    from moderation import intake

    j = Journey()
    j.code = intake.submit_petition(data)
    j.submission = intake.find_by_code(j.code)
    if address and j.submission.contact is not None:
        # The form has no address field yet: the contact row carries it anyway (migration/offline
        # entry); it must stay private like the rest.
        j.submission.contact.address = address
    db.session.commit()
    j.done.append("submit")
    return j


def _step(j: Journey, name: str, fn) -> bool:
    """Run one service call; services check the state before changing anything, so a refusal
    leaves the session clean and the caller commits once at the end (SQLite commits are slow)."""
    try:
        fn()
    except (ImportError, AttributeError) as exc:
        j.missing.append(f"{name}: {exc}")
        return False
    j.done.append(name)
    return True


def moderate(j: Journey, staff: Staff, public_message: str = "") -> None:
    from moderation import queue

    _step(j, "claim", lambda: queue.claim_submission(j.submission, staff.moderator))

    def approve():
        j.case = queue.approve_submission(j.submission, staff.moderator, public_message=public_message)

    _step(j, "approve", approve)
    db.session.commit()


def board_work(j: Journey, staff: Staff, *, note="Đã đi kiểm tra hiện trường.", verification="Xác minh đúng.",
               agency="UBND quận", document_number="12/BTTND", answer_summary="Cơ quan sẽ sửa chữa trong tháng.",
               response="Ban đã kiến nghị và cơ quan đã trả lời.", rating_comment="Cảm ơn Ban.",
               close=True, rate=True) -> None:
    if j.case is None:
        try:
            from moderation.cases.triage import case_for_submission

            j.case = case_for_submission(j.submission)
        except ImportError:
            pass
    if j.case is None:
        j.missing.append("board: no case opened on approval")
        return
    from moderation.cases import triage

    today = dt.date.today()
    head = staff.board_head
    steps = [
        ("assign", lambda: triage.assign_case(j.case, head, head)),
        ("acknowledge", lambda: triage.acknowledge_case(j.case, head)),
        ("verify", lambda: triage.record_verification(j.case, verification, head)),
        ("note", lambda: triage.add_note(j.case, note, head)),
        ("refer", lambda: triage.refer_case(j.case, head, agency=agency, sent_on=today,
                                            document_number=document_number,
                                            answer_due=today + dt.timedelta(days=30))),
        ("answer", lambda: triage.record_answer(j.case, head, answered_on=today, answer_number="99/UBND",
                                                summary=answer_summary)),
        ("respond", lambda: triage.publish_response(j.case, response, head)),
    ]
    if close:
        steps.append(("close", lambda: triage.close_case(j.case, head)))
    if close and rate:
        steps.append(("rate", lambda: triage.rate_case(j.case, 4, rating_comment)))
    for name, fn in steps:
        try:
            fn()
        except DomainError as exc:
            j.missing.append(f"{name}: refused ({exc})")
            continue
        db.session.flush()
        j.done.append(name)
    db.session.commit()


def publish_disclosure(title, summary, body, editor, **extra):
    from public_docs.disclosures import services

    today = services.today()
    data = {"number": extra.pop("number"), "title": title, "summary": summary, "body": body, "category": "plans",
            "form": "Kế hoạch", "issuer": extra.pop("issuer", "UBND phường"),
            "issued_on": (today - dt.timedelta(days=3)).isoformat(),
            "effective_on": (today - dt.timedelta(days=3)).isoformat()}
    data.update(extra)
    d = services.create_disclosure(data, actor=editor)
    services.publish_disclosure(d, actor=editor, secrecy_confirmed=True)
    db.session.commit()
    return d


def apply_search_index() -> bool:
    """Apply pending index changes when the search package exists."""
    try:
        from public_docs import search
    except ImportError:
        return False
    fn = getattr(search, "sync", None) or getattr(search, "apply_pending_changes", None)
    if fn is None:
        return False
    fn()
    return True
