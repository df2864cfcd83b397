"""A ward's worth of petitions, loaded fast (Core bulk inserts): approved petitions with their
Board cases in every state, referrals answered in time or late, the Board's public responses and
the residents' ratings; run inside an app context (``BENCH_EXTRA_SETUP``) of a seeded instance.

Titles and descriptions are real Vietnamese words (``bench/vi_vocabulary.py``), Zipf-distributed.
``search_text`` is filled with the project's own function when the model has it (so the loader also
runs against older checkouts, for before/after figures).
"""
from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

STATUS_MIX = [("new", 10), ("assigned", 10), ("verifying", 10), ("referred", 20), ("answered", 15),
              ("closed", 30), ("reopened", 5)]


def vocabulary() -> list[str]:
    from vi_vocabulary import syllables

    return syllables()


def _text(rng: random.Random, vocab: list[str], weights: list[float], lo: int, hi: int) -> str:
    words = rng.choices(vocab, weights=weights, k=rng.randint(lo, hi))
    return " ".join(words).capitalize()


def load_petitions(n: int, seed: int = 11, batch: int = 1000, today: dt.date | None = None) -> dict:
    """Insert ``n`` approved petitions (a tenth private), each with its case; returns counts."""
    from sqlalchemy import insert, select

    from moderation.boards.routing import get_inspection_board
    from moderation.cases import answers
    from moderation.cases.deadlines import seed_holidays
    from moderation.cases.models import Case, CaseStatus, Referral
    from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, Topic, Visibility
    from portal.extensions import db
    from portal.ward import ResidentialGroup

    rng = random.Random(seed)
    vocab = vocabulary()
    weights = [1 / (i + 10) for i in range(len(vocab))]
    seed_holidays()
    groups = list(db.session.scalars(select(ResidentialGroup.id)))
    if not groups:
        for i in range(1, 9):
            db.session.add(ResidentialGroup(code=f"TDP{i:02d}", name=f"Tổ dân phố {i}", position=i))
        db.session.flush()
        groups = list(db.session.scalars(select(ResidentialGroup.id)))
    topics = list(db.session.scalars(select(Topic.id)))
    board = get_inspection_board()
    db.session.commit()
    has_search_text = hasattr(Submission, "search_text")
    if has_search_text:
        from moderation.intake.search import search_text
    statuses = [s for s, w in STATUS_MIX for _ in range(w)]
    today = today or dt.date.today()
    first_day = today - dt.timedelta(days=730)
    first_id = (db.session.scalar(select(db.func.max(Submission.id))) or 0) + 1
    counts = {"petitions": 0, "cases": 0, "referrals": 0}
    for start in range(0, n, batch):
        subs, cases, refs = [], [], []
        for k in range(start, min(n, start + batch)):
            sid = first_id + k
            created = dt.datetime.combine(first_day + dt.timedelta(days=rng.randrange(720)),
                                          dt.time(rng.randrange(24), rng.randrange(60)), tzinfo=dt.UTC)
            title = _text(rng, vocab, weights, 6, 14)
            description = _text(rng, vocab, weights, 40, 120) + "."
            visibility = rng.choice([Visibility.named] * 5 + [Visibility.anonymous] * 4 + [Visibility.private])
            row = dict(id=sid, receipt_code=f"KN-BENCH-{sid:07d}", kind=SubmissionKind.petition,
                       status=SubmissionStatus.approved, visibility=visibility, topic_id=rng.choice(topics + [None]),
                       group_id=rng.choice(groups + [None]), title=title, description=description,
                       display_name=f"Người gửi {sid}" if visibility == Visibility.named else "",
                       created_at=created, updated_at=created, moderated_at=created + dt.timedelta(hours=20))
            if has_search_text:
                row["search_text"] = search_text(title, description)
            subs.append(row)
            status = CaseStatus(rng.choice(statuses))
            case_created = created + dt.timedelta(days=1)
            case = dict(id=sid, submission_id=sid, board_id=board.id, status=status, created_at=case_created,
                        routing_reason="Kiến nghị của cư dân")
            if status in (CaseStatus.answered, CaseStatus.closed, CaseStatus.reopened):
                case["responded_at"] = case_created + dt.timedelta(days=rng.randrange(3, 40))
                case["public_response"] = _text(rng, vocab, weights, 20, 60) + "."
            if status in (CaseStatus.closed, CaseStatus.reopened):
                case["closed_at"] = case.get("responded_at", case_created) + dt.timedelta(days=2)
                if rng.random() < 0.5:
                    case["rating"] = rng.randint(1, 5)
            cases.append(case)
            if status in (CaseStatus.referred, CaseStatus.answered, CaseStatus.closed, CaseStatus.reopened) \
                    and rng.random() < 0.7:
                sent = case_created.date() + dt.timedelta(days=rng.randrange(2, 10))
                for _ in range(rng.choice([1, 1, 1, 2])):
                    answered = sent + dt.timedelta(days=rng.randrange(5, 45)) \
                        if status != CaseStatus.referred else None
                    refs.append(dict(case_id=sid, agency="UBND phường", sent_on=sent,
                                     answer_due=sent + dt.timedelta(days=30), answered_on=answered))
        db.session.execute(insert(Submission), subs)
        db.session.execute(insert(Case), cases)
        if refs:
            db.session.execute(insert(Referral), refs)
        answers.refresh(db.session.connection(), case_ids=[c["id"] for c in cases])  # Core inserts: no flush hook
        db.session.commit()
        counts["petitions"] += len(subs)
        counts["cases"] += len(cases)
        counts["referrals"] += len(refs)
    if db.engine.dialect.name == "postgresql":
        from sqlalchemy import text

        for table in ("submission", "case"):  # the ids were given: move the sequences past them
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), (SELECT max(id) FROM \"{table}\"))"))
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    return counts


def query_words(count: int, seed: int = 5, kind: str = "random") -> list[str]:
    """``count`` words for a pasted search: ``random`` distinct words of the vocabulary, ``common``
    its most frequent words (most petitions hold the first few), ``letters`` single letters found
    in nearly every text (what fits 100 words into 200 characters)."""
    rng = random.Random(seed)
    vocab = vocabulary()
    if kind == "common":
        return vocab[:count]
    if kind == "letters":
        return [rng.choice("anhticgu") for _ in range(count)]
    return rng.sample(vocab[:2000], count)
