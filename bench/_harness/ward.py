"""A busy ward's data, loaded fast (Core bulk inserts, batches of a few thousand rows): N petitions
of which a third are approved with their Board cases in every state (``load_petitions``), the rest
waiting for moderation or moderated otherwise (received, in review, needs information, rejected,
duplicate, redirected, withdrawn), E petition and case events in all, and D published disclosures
(``bench/search_corpus.py``, shorter bodies), then the search index rebuilt. Run inside an app
context (``BENCH_EXTRA_SETUP``) of a seeded instance.

One reference petition is planted with a fixed history whatever N is (receipt code
``KN-BNCH-0000-01``, a closed case with the same events and referrals): the case page and the
tracking page are measured on it, so the SQL statements of a page can be compared between sizes.
"""
from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
if str(BENCH) not in sys.path:
    sys.path.insert(0, str(BENCH))

REFERENCE_CODE = "KN-BNCH-0000-01"
STAFF_EMAIL = "bench-scale@test.phuong.vn"
STAFF_PASSWORD = "Str0ng-Passw0rd!Scale"
OTHER_STATUSES = [("received", 25), ("in_review", 10), ("needs_info", 10), ("rejected", 30), ("duplicate", 10),
                  ("redirected", 5), ("withdrawn", 10)]
CASE_STEPS = {  # the case events of a case in each state (kind, to_status)
    "new": [],
    "assigned": [("assign", "assigned")],
    "verifying": [("assign", "assigned"), ("verification", "verifying")],
    "referred": [("assign", "assigned"), ("verification", "verifying"), ("refer", "referred")],
    "answered": [("assign", "assigned"), ("refer", "referred"), ("answer", "answered")],
    "closed": [("assign", "assigned"), ("refer", "referred"), ("answer", "answered"), ("close", "closed")],
    "reopened": [("assign", "assigned"), ("answer", "answered"), ("close", "closed"), ("reopen", "reopened")],
}


def counts() -> dict:
    """What the database holds now (to skip a reload when it matches)."""
    from sqlalchemy import func, select

    from moderation.cases.models import Case, CaseEvent
    from moderation.intake.models import Submission, SubmissionEvent, SubmissionStatus
    from portal.extensions import db
    from public_docs.disclosures.models import Disclosure

    def n(q):
        return int(db.session.scalar(q) or 0)

    return {
        "petitions": n(select(func.count(Submission.id))),
        "approved": n(select(func.count(Submission.id)).where(Submission.status == SubmissionStatus.approved)),
        "cases": n(select(func.count(Case.id))),
        "events": n(select(func.count(SubmissionEvent.id))) + n(select(func.count(CaseEvent.id))),
        "disclosures": n(select(func.count(Disclosure.id))),
    }


def load_ward(n: int, disclosures: int, events: int, seed: int = 17, batch: int = 5000) -> dict:
    """Load the data set; returns :func:`counts`."""
    from sqlalchemy import bindparam, delete, insert, select, text, update

    from moderation.cases import answers
    from moderation.cases.models import Case, CaseEvent, CaseStatus, Referral
    from moderation.intake.models import (
        Submission,
        SubmissionEvent,
        SubmissionKind,
        SubmissionStatus,
        SubmitterContact,
        Topic,
        Visibility,
    )
    from moderation.intake.petitions import ALPHABET, format_code
    from moderation.intake.search import search_text
    from portal.accounts import services as accounts
    from portal.extensions import db
    from portal.ward import ResidentialGroup, local_date

    from .petitions import _text, load_petitions, vocabulary

    rng = random.Random(seed)
    approved = max(1, n // 3)
    load_petitions(approved, batch=1000)
    vocab = vocabulary()
    weights = [1 / (i + 10) for i in range(len(vocab))]
    topics = list(db.session.scalars(select(Topic.id)))
    groups = list(db.session.scalars(select(ResidentialGroup.id)))
    first_id = (db.session.scalar(select(db.func.max(Submission.id))) or 0) + 1
    statuses = [s for s, w in OTHER_STATUSES for _ in range(w)]
    today = dt.date.today()
    used_codes: set[str] = {REFERENCE_CODE}

    def code() -> str:
        while True:
            c = format_code("KN", "".join(rng.choice(ALPHABET) for _ in range(10)))
            if c not in used_codes:
                used_codes.add(c)
                return c

    # The approved third got codes KN-BENCH-…: give them codes of the real format (tracking page).
    approved_ids = list(db.session.scalars(select(Submission.id).where(Submission.status == SubmissionStatus.approved)
                                           .order_by(Submission.id)))
    reference = approved_ids[0]
    for start in range(0, len(approved_ids), batch):
        rows = [{"sid": sid, "code": REFERENCE_CODE if sid == reference else code()}
                for sid in approved_ids[start:start + batch]]
        db.session.connection().execute(
            update(Submission.__table__).where(Submission.__table__.c.id == bindparam("sid"))
            .values(receipt_code=bindparam("code")), rows)
    db.session.commit()

    # The other two thirds: waiting for moderation or moderated otherwise.
    sub_events: list[dict] = []
    first_day = today - dt.timedelta(days=365)
    for start in range(0, n - approved, batch):
        subs, contacts = [], []
        for k in range(start, min(n - approved, start + batch)):
            sid = first_id + k
            recent = rng.random() < 0.3
            day = today - dt.timedelta(days=rng.randrange(20)) if recent else \
                first_day + dt.timedelta(days=rng.randrange(360))
            created = dt.datetime.combine(day,
                dt.time(rng.randrange(24), rng.randrange(60)), tzinfo=dt.UTC)
            status = SubmissionStatus(rng.choice(statuses))
            title = _text(rng, vocab, weights, 6, 14)
            description = _text(rng, vocab, weights, 40, 120) + "."
            visibility = rng.choice([Visibility.named] * 5 + [Visibility.anonymous] * 4 + [Visibility.private])
            moderated = status not in (SubmissionStatus.received, SubmissionStatus.in_review)
            subs.append(dict(
                id=sid, receipt_code=code(), kind=SubmissionKind.petition, status=status, visibility=visibility,
                topic_id=rng.choice(topics + [None]), group_id=rng.choice(groups + [None]), title=title,
                description=description, search_text=search_text(title, description),
                display_name=f"Người gửi {sid}" if visibility == Visibility.named else "",
                created_at=created, updated_at=created,
                moderated_at=created + dt.timedelta(hours=20) if moderated else None))
            contacts.append(dict(submission_id=sid, name=f"Người gửi {sid}", phone=f"09{sid:08d}",
                                 email=f"nguoi-gui-{sid}@example.com", consent_at=created, consent_version="1"))
            sub_events.append(dict(submission_id=sid, created_at=created, action="submit", to_status="received",
                                   public_message="Đã tiếp nhận phản ánh, kiến nghị."))
            if status != SubmissionStatus.received:
                sub_events.append(dict(submission_id=sid, created_at=created + dt.timedelta(hours=20),
                                       action=status.value, from_status="received", to_status=status.value,
                                       public_message=_text(rng, vocab, weights, 8, 20) + "."))
        db.session.execute(insert(Submission), subs)
        db.session.execute(insert(SubmitterContact), contacts)
        db.session.commit()

    # Events of the approved third: submitted, approved, the case's steps; then notes up to ``events``.
    case_rows = db.session.execute(select(Case.id, Case.submission_id, Case.status, Case.created_at)
                                   .order_by(Case.id)).all()
    case_events: list[dict] = []
    for case_id, sid, status, created in case_rows:
        if sid == reference:
            continue
        submitted = created - dt.timedelta(days=1)
        sub_events.append(dict(submission_id=sid, created_at=submitted, action="submit", to_status="received",
                               public_message="Đã tiếp nhận phản ánh, kiến nghị."))
        sub_events.append(dict(submission_id=sid, created_at=submitted + dt.timedelta(hours=20), action="approve",
                               from_status="received", to_status="approved",
                               public_message="Kiến nghị đã được duyệt và công khai."))
        before = "new"
        for i, (kind, to) in enumerate(CASE_STEPS[status.value]):
            case_events.append(dict(case_id=case_id, created_at=created + dt.timedelta(days=2 * i + 1), kind=kind,
                                    from_status=before, to_status=to, text=_text(rng, vocab, weights, 5, 15) + ".",
                                    public=kind in ("refer", "answer", "close", "reopen")))
            before = to
    # The reference petition: a fixed history, the same at every size.
    ref_case = next(c for c in case_rows if c[1] == reference)
    ref_created = ref_case[3]
    db.session.execute(update(Case).where(Case.id == ref_case[0]).values(
        status=CaseStatus.closed, responded_at=ref_created + dt.timedelta(days=12),
        responded_day=local_date(ref_created + dt.timedelta(days=12)),  # a bulk UPDATE: no model hook
        closed_at=ref_created + dt.timedelta(days=14), public_response="Ban đã trả lời kiến nghị.", rating=4))
    db.session.execute(delete(Referral).where(Referral.case_id == ref_case[0]))
    for j in range(2):
        sent = ref_created.date() + dt.timedelta(days=3 + j)
        db.session.execute(insert(Referral), [dict(case_id=ref_case[0], agency=f"Cơ quan {j + 1}", sent_on=sent,
                                                   answer_due=sent + dt.timedelta(days=30),
                                                   answered_on=sent + dt.timedelta(days=9))])
    answers.refresh(db.session.connection(), case_ids=[ref_case[0]])  # bulk writes: no flush hook
    sub_events += [dict(submission_id=reference, created_at=ref_created - dt.timedelta(days=1), action="submit",
                        to_status="received", public_message="Đã tiếp nhận phản ánh, kiến nghị."),
                   dict(submission_id=reference, created_at=ref_created - dt.timedelta(hours=4), action="approve",
                        from_status="received", to_status="approved", public_message="Kiến nghị đã được duyệt.")]
    before = "new"
    for i, (kind, to) in enumerate(CASE_STEPS["closed"] + [("note", None)] * 4):
        case_events.append(dict(case_id=ref_case[0], created_at=ref_created + dt.timedelta(days=i + 1), kind=kind,
                                from_status=before if to else None, to_status=to, text=f"Bước {i + 1}.",
                                public=kind != "note"))
        before = to or before
    filler = events - len(sub_events) - len(case_events)
    others = [c for c in case_rows if c[1] != reference]
    for _ in range(max(0, filler)):
        case_id, _sid, _status, created = rng.choice(others)
        case_events.append(dict(case_id=case_id, created_at=created + dt.timedelta(hours=rng.randrange(1, 900)),
                                kind="note", text=_text(rng, vocab, weights, 5, 25) + ".", public=False))
    for rows, model in ((sub_events, SubmissionEvent), (case_events, CaseEvent)):
        keys = {k for row in rows for k in row}
        rows = [{k: row.get(k) for k in keys} for row in rows]  # the same keys: one executemany a batch
        for start in range(0, len(rows), batch):
            db.session.connection().execute(model.__table__.insert(), rows[start:start + batch])
            db.session.commit()

    # The staff who sign in through the login form.
    accounts.create_user(STAFF_EMAIL, ["admin", "moderator", "board_head", "board_member"], STAFF_PASSWORD,
                         name="Cán bộ đo tải")
    db.session.commit()

    if disclosures:
        _load_disclosures(disclosures, batch=1000)
    if db.engine.dialect.name == "postgresql":
        for table in ("submission", "case", "disclosure"):
            db.session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f"(SELECT coalesce(max(id), 1) FROM \"{table}\"))"))
        db.session.commit()
        with db.engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text("VACUUM ANALYZE"))  # as autovacuum would: index-only scans
    else:
        db.session.execute(text("ANALYZE"))
        db.session.commit()
    return counts()


def _load_disclosures(n: int, batch: int) -> None:
    """N published disclosures of 100–600 words, then the search index rebuilt."""
    from search_corpus import Corpus
    from sqlalchemy import insert

    from portal.extensions import db
    from public_docs import search
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    corpus = Corpus(n, seed=23)
    now = dt.datetime.now(dt.UTC)
    rows = []
    for i, doc in enumerate(corpus.documents()):
        body = " ".join(doc["body"].split(" ")[:corpus.rng.randint(100, 600)])
        rows.append(dict(number=f"B{i + 1}/" + doc["number"], title=doc["title"], summary=doc["summary"],
                         body_source=body, body_html="<p>" + body + "</p>", category=doc["category"],
                         form=doc["form"], issuer=doc["issuer"], issued_on=doc["issued_on"],
                         status=DisclosureStatus.published, published_at=now - dt.timedelta(minutes=n - i),
                         version_no=1, created_at=now, updated_at=now))
        if len(rows) == batch:
            db.session.execute(insert(Disclosure), rows)
            db.session.commit()
            rows = []
    if rows:
        db.session.execute(insert(Disclosure), rows)
        db.session.commit()
    search.rebuild()
