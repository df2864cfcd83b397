"""Household ballot codes: issuing them, and casting a ballot by its code on the web or on paper.

A code votes once: ``BallotUse`` has the code as its primary key and a ballot starts with an
``INSERT … ON CONFLICT DO NOTHING`` into it. On PostgreSQL a second transaction inserting the same
code waits for the first and then inserts nothing, so two parallel ballots give one 201 and one 409."""
from __future__ import annotations

import re
import secrets

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from moderation.decisions.fields import count_value
from moderation.decisions.models import (
    Ballot,
    BallotCode,
    BallotUse,
    Channel,
    DecisionMatter,
    MatterMethod,
    MatterStatus,
)
from moderation.decisions.services import event, group_of, participants_planned
from portal import audit
from portal.errors import DomainError
from portal.extensions import db
from portal.i18n import _l
from public_docs.disclosures.services import today

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_RE = re.compile(r"^[A-Z0-9]{8}$")
MAX_BATCH = 2000


def format_code(raw: str) -> str:
    return f"{raw[:4]}-{raw[4:]}"


def normalize_code(value) -> str:
    """What a resident typed (any case, spaces, dashes) → ``ABCD-EFGH``, or "" when malformed."""
    text = re.sub(r"[\s\-–.]", "", str(value or "")).upper()
    return format_code(text) if CODE_RE.match(text) else ""


def issue_codes(matter: DecisionMatter, group_id, count, actor) -> list[str]:
    """``count`` new codes for one group of the matter (one per household)."""
    from moderation.decisions.services import electorate

    if matter.method == MatterMethod.meeting:
        raise DomainError(_l("Việc này biểu quyết tại hội nghị, không phát phiếu."))
    if matter.status not in (MatterStatus.scheduled, MatterStatus.open):
        raise DomainError(_l("Chỉ phát mã phiếu trước khi kết thúc nhận phiếu."))
    errors: dict[str, str] = {}
    n = count_value(count, "count", _l("Số mã phiếu"), errors, low=1, high=MAX_BATCH)
    if errors:
        raise DomainError(errors["count"], errors, 422)
    mg = group_of(matter, group_id)
    households = electorate(matter).get(mg.group_id)
    if households is None:
        raise DomainError(_l("Chưa có số hộ gia đình của %(group)s: vui lòng cập nhật số hộ trước.",
                             group=mg.group.name))
    planned = participants_planned(matter, mg.group_id)
    if planned + n > households:
        raise DomainError(_l("%(group)s có %(households)s hộ; đã có %(planned)s mã phiếu và hộ dự họp: "
                             "chỉ phát thêm được tối đa %(left)s mã.", group=mg.group.name, households=households,
                             planned=planned, left=max(0, households - planned)),
                            {"count": _l("Số mã phiếu vượt quá số hộ gia đình.")}, 422)
    batch = (db.session.scalar(select(func.max(BallotCode.batch)).where(BallotCode.matter_id == matter.id)) or 0) + 1
    codes: list[str] = []
    taken = set()
    while len(codes) < n:
        code = format_code("".join(secrets.choice(ALPHABET) for _ in range(8)))
        if code in taken or db.session.scalar(select(BallotCode.id).where(BallotCode.code == code)):
            continue
        taken.add(code)
        codes.append(code)
        db.session.add(BallotCode(code=code, matter_id=matter.id, group_id=mg.group_id, batch=batch))
    event(matter, "issue_codes", f"Phát {n} mã phiếu cho {mg.group.name}.", actor,
          {"group": mg.group.code, "count": n, "batch": batch})
    db.session.flush()
    return codes


def find_code(value) -> BallotCode | None:
    code = normalize_code(value)
    if not code:
        return None
    return db.session.scalar(select(BallotCode).where(BallotCode.code == code))


def code_counted(value) -> tuple[BallotCode | None, bool]:
    """(the code, whether a ballot was counted for it) — never how it voted."""
    row = find_code(value)
    if row is None:
        return None, False
    used = db.session.get(BallotUse, row.id) is not None
    return row, used


def clean_choice(matter: DecisionMatter, choice) -> list[str]:
    """The ballot's choice codes: one of yes/no/abstain; in an election a list of up to ``seats``
    different candidates (an empty list is a blank ballot)."""
    codes = {c.code for c in matter.choices}
    if matter.is_election:
        values = [choice] if isinstance(choice, str) else choice
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise DomainError(_l("Lựa chọn không hợp lệ."),
                              {"choice": _l("Vui lòng chọn ứng cử viên trong danh sách.")}, 422)
        if len(set(values)) != len(values) or not set(values) <= codes:
            raise DomainError(_l("Lựa chọn không hợp lệ."),
                              {"choice": _l("Vui lòng chọn ứng cử viên trong danh sách.")}, 422)
        if len(values) > matter.seats:
            too_many = _l("Chỉ được chọn tối đa %(seats)s người.", seats=matter.seats)
            raise DomainError(too_many, {"choice": too_many}, 422)
        return [c.code for c in matter.choices if c.code in values]
    if not isinstance(choice, str) or choice not in codes:
        raise DomainError(_l("Lựa chọn không hợp lệ."),
                            {"choice": _l("Vui lòng chọn: tán thành, không tán thành hoặc không có ý kiến.")}, 422)
    return [choice]


def _insert_use(code: BallotCode, channel: Channel) -> bool:
    values = {"code_id": code.id, "matter_id": code.matter_id, "channel": channel}
    dialect = db.session.get_bind().dialect.name
    module = postgresql if dialect == "postgresql" else sqlite
    stmt = (module.insert(BallotUse.__table__).values(**values)
            .on_conflict_do_nothing(index_elements=["code_id"]).returning(BallotUse.__table__.c.code_id))
    return db.session.execute(stmt).scalar() is not None


def cast_ballot(matter: DecisionMatter, code_value, choice, channel: Channel, actor) -> Ballot:
    """One household's ballot. Refusals carry the API status: 404 unknown code, 409 code already
    used or matter not taking ballots, 422 bad choice."""
    code = find_code(code_value)
    if code is None or code.matter_id != matter.id:
        raise DomainError(_l("Không tìm thấy mã phiếu này cho việc đang biểu quyết."),
                            {"code": _l("Mã phiếu không đúng: vui lòng kiểm tra lại mã in trên phiếu.")}, 404)
    if channel == Channel.web:
        if matter.status != MatterStatus.open or (matter.opens_on and matter.opens_on > today()) \
                or (matter.closes_on and matter.closes_on < today()):
            raise DomainError(_l("Việc này hiện không nhận phiếu trên Cổng."), {}, 409)
    elif matter.status not in (MatterStatus.open, MatterStatus.counting):
        raise DomainError(_l("Chỉ nhập phiếu giấy khi việc đang biểu quyết hoặc kiểm phiếu."), {}, 409)
    choices = clean_choice(matter, choice)
    if not _insert_use(code, channel):
        raise DomainError(_l("Mã phiếu này đã được dùng để biểu quyết: mỗi hộ chỉ biểu quyết một lần."),
                            {"code": _l("Mã phiếu đã được dùng.")}, 409)
    ballot = Ballot(matter_id=matter.id, group_id=code.group_id, channel=channel, choices=choices)
    db.session.add(ballot)
    # No code and no choice in the audit log: the vote stays secret.
    audit.record(actor, "decision.ballot", matter, {"channel": channel.value, "group": code.group.code})
    db.session.flush()
    return ballot


def ballot_counts(matter_id: int) -> dict[int, dict]:
    """Per group id: {"ballots": n, "tally": {choice: n}} of the ballots cast so far."""
    out: dict[int, dict] = {}
    for group_id, choices in db.session.execute(select(Ballot.group_id, Ballot.choices)
                                                .where(Ballot.matter_id == matter_id)):
        row = out.setdefault(group_id, {"ballots": 0, "tally": {}})
        row["ballots"] += 1
        for c in choices or []:
            row["tally"][c] = row["tally"].get(c, 0) + 1
    return out


def codes_issued(matter_id: int) -> dict[int, int]:
    return dict(db.session.execute(select(BallotCode.group_id, func.count(BallotCode.id))
                                   .where(BallotCode.matter_id == matter_id).group_by(BallotCode.group_id)).all())


def batch_codes(matter: DecisionMatter, batch: int | None = None) -> list[BallotCode]:
    q = select(BallotCode).where(BallotCode.matter_id == matter.id)
    if batch:
        q = q.where(BallotCode.batch == batch)
    return list(db.session.scalars(q.order_by(BallotCode.batch, BallotCode.group_id, BallotCode.id)))

