"""Supervisions counted for the statistics page and the periodic report: planned, held and
concluded in a period, recommendations made, answered (taken up or not) and overdue, per Board,
with the reference reports' sentence ("Ban Thanh tra nhân dân tổ chức 02 cuộc giám sát, kiến nghị 05
nội dung, đã được tiếp thu, giải quyết 04 nội dung")."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from moderation.boards.models import Board, BoardKind
from moderation.cases import deadlines
from moderation.documents import two
from moderation.supervision.models import Recommendation, Supervision
from portal.extensions import db
from portal.i18n import N_

KEYS = ("planned", "held", "concluded", "recommended", "answered", "accepted", "overdue")
LABELS = {
    "planned": N_("Cuộc giám sát theo kế hoạch"),
    "held": N_("Cuộc giám sát đã tổ chức"),
    "concluded": N_("Cuộc giám sát đã kết luận"),
    "recommended": N_("Nội dung kiến nghị"),
    "answered": N_("Kiến nghị đã được trả lời"),
    "accepted": N_("Kiến nghị đã được tiếp thu, giải quyết"),
    "overdue": N_("Kiến nghị quá hạn chưa trả lời"),
}


def _within(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def supervision_statistics(start: dt.date | None = None, end: dt.date | None = None) -> dict:
    """``{"totals": {...}, "by_board": [{"board", "kind", **counts}]}`` for the period (all time
    when open). Answers count up to the period's end; overdue is judged at the end (or today)."""
    as_of = min(end, deadlines.today()) if end else deadlines.today()
    boards = {b.id: b for b in db.session.scalars(select(Board))}
    per_board: dict[int, dict] = {}
    for sup in db.session.scalars(select(Supervision)):
        row = per_board.setdefault(sup.board_id, dict.fromkeys(KEYS, 0))
        row["planned"] += _within(sup.planned_start, start, end)
        row["held"] += _within(sup.started_on, start, end)
        row["concluded"] += _within(sup.concluded_on, start, end)
    recs = db.session.execute(
        select(Recommendation, Supervision.board_id).join(Supervision, Supervision.id == Recommendation.supervision_id)
        .where(Recommendation.sent_on.is_not(None))
    ).all()
    for rec, board_id in recs:
        if not _within(rec.sent_on, start, end):
            continue
        row = per_board.setdefault(board_id, dict.fromkeys(KEYS, 0))
        row["recommended"] += 1
        answered = rec.answered_on is not None and rec.answered_on <= as_of
        row["answered"] += answered
        row["accepted"] += bool(answered and rec.accepted)
        row["overdue"] += bool(not answered and rec.due_on is not None and rec.due_on < as_of)
    by_board = []
    for board_id, row in sorted(per_board.items(), key=lambda kv: (boards[kv[0]].kind != BoardKind.inspection, kv[0])):
        if any(row.values()):
            by_board.append({"board": boards[board_id].name, "kind": boards[board_id].kind.value, **row})
    totals = {key: sum(r[key] for r in by_board) for key in KEYS}
    return {"totals": totals, "by_board": by_board}


def board_sentence(row: dict) -> str:
    """One Board's sentence in the wards' style."""
    held = row["held"] or row["concluded"]
    s = f"{row['board']} tổ chức {two(held)} cuộc giám sát"
    if row["recommended"]:
        s += (f", kiến nghị {two(row['recommended'])} nội dung, "
              f"đã được tiếp thu, giải quyết {two(row['accepted'])} nội dung")
        if row["overdue"]:
            s += f"; {two(row['overdue'])} nội dung quá hạn chưa được trả lời"
    return s + "."


def report_sentences(stats: dict) -> list[str]:
    return [board_sentence(r) for r in stats["by_board"] if r["held"] or r["concluded"] or r["recommended"]]


def report_rows(stats: dict) -> list[tuple[str, str, int]]:
    rows = [("Giám sát của các Ban", LABELS[key], stats["totals"][key]) for key in KEYS]
    for r in stats["by_board"]:
        rows.extend((f"Giám sát: {r['board']}", LABELS[key], r[key]) for key in KEYS)
    return rows
