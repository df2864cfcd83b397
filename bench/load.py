"""Load: N concurrent clients for S seconds mixing reads and petition submissions, against the app
under gunicorn on 127.0.0.1; then every receipt code a client got back must be in the database with
the content that was sent.

    .venv/bin/python bench/load.py                      # SQLite, 50 clients, 60 s
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --seconds 3 --clients 4

Prints requests/s per endpoint, latency p50/p95/p99, 5xx count (target 0), requests without any
answer (target 0), lost submissions (target 0) and ends with a ``RESULT`` line; exits 1 when a
target is missed. Rate limits are turned off (``RATELIMIT_ENABLED=0``): every client comes from
127.0.0.1 and the per-address limits would refuse them.
"""
from __future__ import annotations

import argparse
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
    Site,
    Stats,
    discover,
    integrity_check,
    log,
    pct,
    petition_payload,
    result_line,
    run_clients,
    search_path,
    submission_failures,
    verify_submissions,
)

MIX = [("home", 20), ("list", 20), ("detail", 25), ("search", 15), ("submit", 15), ("track", 5)]
MAX_REQUESTS_PER_CLIENT = 100_000


class Ledger:
    """What the clients sent and what the server acknowledged."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked: dict[str, dict] = {}
        self.unanswered = 0  # submissions without any answer (connection lost): outcome unknown
        self.refused: list[str] = []
        self.track_missing: list[str] = []

    def ack(self, code: str, payload: dict) -> None:
        with self.lock:
            self.acked[code] = payload


def mixed_load(server: Server, site: Site, clients: int, seconds: float, stats: Stats, ledger: Ledger,
               run_tag: str, seed: int = 1, pause_after_error: float = 0.0) -> None:
    names = [n for n, _ in MIX]
    weights = [w for _, w in MIX]

    def body(i: int, keep_going) -> None:
        rng = random.Random(seed * 1000 + i)
        client = Client(server.port)
        mine: list[str] = []
        seq = 0
        for _ in range(MAX_REQUESTS_PER_CLIENT):
            if not keep_going():
                break
            ep = rng.choices(names, weights)[0]
            if ep == "track" and not mine:
                ep = "home"
            if ep == "home":
                r = client.get("/")
            elif ep == "list":
                r = client.get("/cong-khai" + (f"?page={rng.randint(1, 3)}" if rng.random() < 0.3 else ""))
            elif ep == "detail":
                r = client.get(f"/cong-khai/{rng.choice(site.detail_ids)}")
            elif ep == "search":
                r = client.get(search_path(rng.choice(site.queries)))
            elif ep == "track":
                code = rng.choice(mine)
                r = client.get(f"/api/v1/submissions/{code}")
                if r.status == 404:
                    with ledger.lock:
                        ledger.track_missing.append(code)
            else:
                seq += 1
                payload = petition_payload(site, i, seq, rng, run_tag)
                r = client.request("POST", "/api/v1/petitions", json_body=payload,
                                   headers={"Accept": "application/json"})
                if r.status == 201:
                    code = (r.json() or {}).get("receipt_code")
                    if code:
                        ledger.ack(code, payload)
                        mine.append(code)
                    else:
                        with ledger.lock:
                            ledger.refused.append(f"201 without receipt_code: {r.text[:200]}")
                elif r.status == 0:
                    with ledger.lock:
                        ledger.unanswered += 1
                elif r.status < 500:
                    with ledger.lock:
                        if len(ledger.refused) < 1000:
                            ledger.refused.append(f"{r.status} {r.text[:300]}")
            stats.add(ep, r)
            if r.status == 0 and pause_after_error:
                time.sleep(pause_after_error)
        client.close()

    stats.started = time.monotonic()
    run_clients(clients, seconds, body)
    stats.finished = time.monotonic()


def check_site(site: Site) -> list[str]:
    problems = []
    if not site.detail_ids:
        problems.append("no disclosure linked from /cong-khai (is the demo data loaded?)")
    if not site.topics:
        problems.append("no topic from GET /api/v1/petition-options")
    return problems


def parse_args(argv=None, seconds: float = 60, clients: int = 50):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=clients)
    p.add_argument("--seconds", type=float, default=seconds)
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    p.add_argument("--threads", type=int, default=8, help="threads per gunicorn worker (default 8)")
    p.add_argument("--keep", action="store_true", help="keep the instance directory")
    return p.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    instance = Instance("load", keep=args.keep)
    server = Server(instance, workers=args.workers, threads=args.threads)
    try:
        log(f"load: {args.clients} clients for {args.seconds:g} s, gunicorn {args.workers} workers x "
            f"{args.threads} threads, database {instance.dialect}; rate limits off (RATELIMIT_ENABLED=0: "
            "every client comes from 127.0.0.1)")
        instance.prepare(demo=True)
        server.start()
        site = discover(server.port)
        problems = check_site(site)
        if problems:
            for p in problems:
                log("FAIL:", p)
            log(result_line(db=instance.dialect, ok=0, reason="site_incomplete"))
            return 2
        log(f"site: {len(site.detail_ids)} disclosures, {len(site.topics)} topics, {len(site.groups)} groups")
        stats, ledger = Stats(), Ledger()
        run_tag = secrets.token_hex(3)
        mixed_load(server, site, args.clients, args.seconds, stats, ledger, run_tag)
        server.stop()
        stats.report("\nper endpoint:")
        check = verify_submissions(instance, ledger.acked)
        integrity = integrity_check(instance)
    finally:
        server.stop()
    errors_5xx = stats.count(pred=lambda s: s >= 500)
    no_answer = stats.count(pred=lambda s: s == 0)
    lost = len(check["missing"])
    mismatched = len(check["mismatched"])
    lat = stats.all_latencies()
    log(f"\nsubmissions: acknowledged {check['acked']}, stored {check['stored']}, lost {lost}, content "
        f"mismatched {mismatched}, refused {len(ledger.refused)}, unanswered {ledger.unanswered}, "
        f"tracking 404 {len(ledger.track_missing)}")
    for code, diffs in check["mismatched"][:5]:
        log(f"  mismatch {code}: {'; '.join(diffs)}")
    for code in check["missing"][:5]:
        log(f"  lost {code}")
    for msg in ledger.refused[:5]:
        log(f"  refused: {msg}")
    log(f"integrity: {integrity}")
    logged = server.errors_logged()
    if logged:
        log(f"server log: {len(logged)} error lines, e.g. {logged[:3]}")
    failures = []
    if errors_5xx:
        failures.append(f"{errors_5xx} responses 5xx (target 0)")
    if no_answer:
        failures.append(f"{no_answer} requests without an answer (target 0)")
    failures += submission_failures(ledger, check, integrity, lost=lost, mismatched=mismatched)
    for f in failures:
        log("FAIL:", f)
    instance.cleanup() if not failures else log(f"instance kept for inspection: {instance.dir}")
    log(result_line(
        db=instance.dialect, clients=args.clients, seconds=args.seconds, requests=stats.count(),
        rps=stats.count() / stats.duration,
        **{f"rps_{ep}": stats.count(ep) / stats.duration for ep in sorted(stats.status)},
        p50_ms=pct(lat, 50) * 1000, p95_ms=pct(lat, 95) * 1000, p99_ms=pct(lat, 99) * 1000,
        errors_5xx=errors_5xx, no_answer=no_answer, acked=check["acked"], stored=check["stored"], lost=lost,
        mismatched=mismatched, refused=len(ledger.refused), integrity=integrity["integrity_check"],
        ok=int(not failures),
    ))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
