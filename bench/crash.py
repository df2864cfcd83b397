"""Crash: the load of ``bench/load.py``, with the whole gunicorn process group killed with SIGKILL in
the middle of the run and started again; then every submission a client got a receipt code for must
be stored with its content, and the database must pass its integrity check.

    .venv/bin/python bench/crash.py                     # SQLite, 50 clients, 60 s, kill at 30 s
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python bench/crash.py
    .venv/bin/python bench/crash.py --seconds 4 --clients 4

Requests in flight at the kill get no answer: their outcome is unknown to the resident (stored or
not, both are correct). What must hold: acknowledged == stored among the acknowledged, no 5xx, and
``PRAGMA integrity_check`` = ok (SQLite) / the consistency queries (both databases). Rate limits are
off (``RATELIMIT_ENABLED=0``): every client comes from 127.0.0.1.
"""
from __future__ import annotations

import random
import secrets
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402 - after the sys.path insert above
    Client,
    Instance,
    Server,
    Stats,
    discover,
    integrity_check,
    log,
    pct,
    petition_payload,
    result_line,
    submission_failures,
    verify_submissions,
)
from load import Ledger, check_site, mixed_load, parse_args  # noqa: E402 - after the sys.path insert above


def count_bench_rows(instance: Instance, run_tag: str) -> int:
    """Submissions of this run stored in the database (acknowledged or not)."""
    from sqlalchemy import func, select

    app = instance.app()
    with app.app_context():
        from moderation.intake.models import Submission
        from portal.extensions import db

        n = db.session.scalar(select(func.count()).select_from(Submission)
                              .where(Submission.title.like(f"%{run_tag}%")))
        db.session.remove()
        db.engine.dispose()
    return int(n or 0)


def main(argv=None) -> int:
    args = parse_args(argv)
    instance = Instance("crash", keep=args.keep)
    server = Server(instance, workers=args.workers, threads=args.threads)
    kill_at = args.seconds / 2
    events: dict[str, float] = {}
    try:
        log(f"crash: {args.clients} clients for {args.seconds:g} s, SIGKILL at {kill_at:g} s, database "
            f"{instance.dialect}; rate limits off (RATELIMIT_ENABLED=0: every client comes from 127.0.0.1)")
        instance.prepare(demo=True)
        server.start()
        site = discover(server.port)
        problems = check_site(site)
        if problems:
            for p in problems:
                log("FAIL:", p)
            log(result_line(db=instance.dialect, ok=0, reason="site_incomplete"))
            return 2
        stats, ledger = Stats(), Ledger()
        run_tag = secrets.token_hex(3)
        started = time.monotonic()

        def killer() -> None:
            time.sleep(kill_at)
            events["acked_before_kill"] = len(ledger.acked)
            t0 = time.monotonic()
            server.kill()
            events["killed_at_s"] = t0 - started
            server.start()
            events["restart_s"] = time.monotonic() - t0

        kt = threading.Thread(target=killer, daemon=True)
        kt.start()
        mixed_load(server, site, args.clients, args.seconds, stats, ledger, run_tag, pause_after_error=0.2)
        kt.join(timeout=120)
        # The restarted server takes a petition and finds it again.
        after = Client(server.port)
        payload = petition_payload(site, 999, 1, random.Random(5), run_tag)
        r = after.request("POST", "/api/v1/petitions", json_body=payload)
        code = (r.json() or {}).get("receipt_code") if r.status == 201 else None
        if code:
            ledger.ack(code, payload)
            events["after_restart_ok"] = float(after.get(f"/api/v1/submissions/{code}").status == 200)
        after.close()
        server.stop()
        stats.report("\nper endpoint:")
        check = verify_submissions(instance, ledger.acked)
        stored_all = count_bench_rows(instance, run_tag)
        integrity = integrity_check(instance)
    finally:
        server.stop()
    errors_5xx = stats.count(pred=lambda s: s >= 500)
    no_answer = stats.count(pred=lambda s: s == 0)
    lost = len(check["missing"])
    mismatched = len(check["mismatched"])
    in_flight_stored = stored_all - check["stored"]
    lat = stats.all_latencies()
    log(f"\nkill: at {events.get('killed_at_s', 0):.1f} s, {events.get('acked_before_kill', 0)} submissions "
        f"acknowledged before it; back up (healthy) {events.get('restart_s', 0):.1f} s later; "
        f"{no_answer} requests got no answer around the kill")
    log(f"submissions: acknowledged {check['acked']}, stored among them {check['stored']}, lost {lost}, "
        f"content mismatched {mismatched}; without answer {ledger.unanswered} "
        f"(of which stored anyway: {in_flight_stored}); refused {len(ledger.refused)}")
    for code in check["missing"][:5]:
        log(f"  lost {code}")
    for code, diffs in check["mismatched"][:5]:
        log(f"  mismatch {code}: {'; '.join(diffs)}")
    for msg in ledger.refused[:5]:
        log(f"  refused: {msg}")
    log(f"integrity: {integrity}")
    failures = []
    if "killed_at_s" not in events:
        failures.append("the server was not killed (run too short?)")
    elif not events.get("after_restart_ok"):
        failures.append("the restarted server did not take and find a petition")
    if errors_5xx:
        failures.append(f"{errors_5xx} responses 5xx (target 0)")
    failures += submission_failures(ledger, check, integrity, lost=lost, mismatched=mismatched,
                                    integrity_label="database integrity/consistency check failed")
    if in_flight_stored < 0 or in_flight_stored > ledger.unanswered:
        failures.append(f"stored rows of this run ({stored_all}) do not add up")
    for f in failures:
        log("FAIL:", f)
    instance.cleanup() if not failures else log(f"instance kept for inspection: {instance.dir}")
    log(result_line(
        db=instance.dialect, clients=args.clients, seconds=args.seconds, requests=stats.count(),
        rps=stats.count() / stats.duration, p50_ms=pct(lat, 50) * 1000, p95_ms=pct(lat, 95) * 1000,
        p99_ms=pct(lat, 99) * 1000, killed_at_s=events.get("killed_at_s", 0),
        restart_s=events.get("restart_s", 0), acked=check["acked"], stored=check["stored"], lost=lost,
        mismatched=mismatched, unanswered=ledger.unanswered, unanswered_stored=in_flight_stored,
        errors_5xx=errors_5xx, no_answer=no_answer, integrity=integrity["integrity_check"],
        consistency=int(integrity["ok"]), ok=int(not failures),
    ))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
