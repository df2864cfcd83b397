"""What was acknowledged versus what the database kept; database integrity."""
from __future__ import annotations

from .instance import Instance


def verify_submissions(instance: Instance, sent: dict[str, dict]) -> dict:
    """Every acknowledged receipt code is in the database with the content that was sent."""
    from sqlalchemy import select

    app = instance.app()
    missing, mismatched = [], []
    with app.app_context():
        from moderation.intake.models import Submission
        from portal.extensions import db

        codes = list(sent)
        found: dict[str, object] = {}
        for i in range(0, len(codes), 500):
            chunk = codes[i:i + 500]
            for sub in db.session.scalars(select(Submission).where(Submission.receipt_code.in_(chunk))):
                found[sub.receipt_code] = sub
                want = sent[sub.receipt_code]
                diffs = []
                if sub.title != want["title"]:
                    diffs.append(f"title {sub.title!r} != {want['title']!r}")
                if sub.description != want["description"]:
                    diffs.append("description differs")
                contact = sub.contact
                if contact is None:
                    diffs.append("no contact row")
                else:
                    for key in ("name", "phone", "email"):
                        if getattr(contact, key) != want[key]:
                            diffs.append(f"{key} {getattr(contact, key)!r} != {want[key]!r}")
                if diffs:
                    mismatched.append((sub.receipt_code, diffs))
        missing = [c for c in codes if c not in found]
        db.session.remove()
        db.engine.dispose()
    return {"acked": len(sent), "stored": len(sent) - len(missing), "missing": missing, "mismatched": mismatched}


def integrity_check(instance: Instance) -> dict:
    """SQLite: PRAGMA integrity_check and foreign_key_check. Both: consistency queries over the
    submissions (one contact row at most, events and attachments pointing at real rows, unique
    receipt codes)."""
    from sqlalchemy import text

    app = instance.app()
    out: dict[str, object] = {}
    with app.app_context():
        from portal.extensions import db

        if db.engine.dialect.name == "sqlite":
            out["integrity_check"] = ",".join(r[0] for r in db.session.execute(text("PRAGMA integrity_check")))
            out["foreign_key_violations"] = len(db.session.execute(text("PRAGMA foreign_key_check")).all())
        else:
            out["integrity_check"] = "ok" if db.session.execute(text("SELECT 1")).scalar() == 1 else "failed"
        queries = {
            "orphan_contacts": "SELECT count(*) FROM submitter_contact c LEFT JOIN submission s "
                               "ON s.id = c.submission_id WHERE s.id IS NULL",
            "orphan_events": "SELECT count(*) FROM submission_event e LEFT JOIN submission s "
                             "ON s.id = e.submission_id WHERE s.id IS NULL",
            "orphan_attachments": "SELECT count(*) FROM submission_attachment a LEFT JOIN submission s "
                                  "ON s.id = a.submission_id WHERE s.id IS NULL",
            "duplicate_codes": "SELECT count(*) FROM (SELECT receipt_code FROM submission "
                               "GROUP BY receipt_code HAVING count(*) > 1) d",
            "petitions_without_event": "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                                       "(SELECT 1 FROM submission_event e WHERE e.submission_id = s.id)",
        }
        for key, sql in queries.items():
            try:
                out[key] = int(db.session.execute(text(sql)).scalar() or 0)
            except Exception as exc:  # noqa: BLE001 - a table missing is reported, not fatal here
                db.session.rollback()
                out[key] = f"n/a ({type(exc).__name__})"
        db.session.remove()
        db.engine.dispose()
    informational = {"integrity_check", "petitions_without_event"}  # demo rows may carry no history
    bad = out.get("integrity_check") != "ok" or any(
        not isinstance(v, int) or v > 0 for k, v in out.items() if k not in informational
    )
    out["ok"] = not bad
    return out


def submission_failures(ledger, check: dict, integrity: dict, *, lost: int, mismatched: int,
                        integrity_label: str = "database consistency check failed") -> list[str]:
    """Failures about what the clients sent versus what the database kept (shared by load and crash)."""
    failures = []
    if lost:
        failures.append(f"{lost} acknowledged submissions not stored (target 0)")
    if mismatched:
        failures.append(f"{mismatched} stored submissions differ from what was sent")
    if ledger.refused:
        failures.append(f"{len(ledger.refused)} valid submissions refused")
    if ledger.track_missing:
        failures.append(f"{len(ledger.track_missing)} acknowledged codes not found by the tracking API")
    if not check["acked"]:
        failures.append("no submission acknowledged")
    if not integrity["ok"]:
        failures.append(integrity_label)
    return failures
