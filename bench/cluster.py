"""Two hosts on one database: how soon does a change made elsewhere show on each host?

Starts two gunicorn hosts (A and B, 2 workers each) on one database (SQLite file, or PostgreSQL
with ``DATABASE_URL``), each with its own search index directory and page-cache version file, as
two machines would have. Then publishes, amends and withdraws disclosures through the services in
this process (what ``flask disclosures import`` or a third host does: neither host served the
change, so neither host's after-response thread applies it) and a few through the real
``flask disclosures import`` command, and measures, for each change, the time from its commit
until both hosts' search page (``/tim-kiem?q=…``, no cookie: the page cache may answer) and the
disclosure's page (``/cong-khai/<id>``) show it. Before each change both pages are fetched twice,
so they sit in the hosts' page caches: what is measured is the invalidation as well as the index.

Target: p95 ≤ 2 s over the changes (``--changes``, default 21: 7 disclosures × publish, amend,
withdraw), on each host.

Then a host dies under load (``--load-seconds``, default 12): ``--clients`` clients post petitions
(JSON API) to both hosts in turn; at a third of the run host B's gunicorn master and workers get
SIGKILL at once; a client whose request to B gets no answer sends its next petitions to A (what
nginx does with a dead upstream). At the end, every petition that got a receipt code must be in the
database exactly once with what was sent (requests in flight at the kill got no answer: stored or
not, both are correct); A must have kept answering (its errors during the kill are counted). While
B is down a disclosure is published; B is started again and must show it in its search within 2 s
of answering its health check (the watcher catches up on start).

Last, rate limits across hosts: both hosts are restarted with ``RATELIMIT_STORAGE_URI`` on the Redis
of ``--redis`` (default ``redis://127.0.0.1:6379``; ``--redis ''`` leaves this check out) and
``PROXY_COUNT=1``; 130 searches (120 per minute allowed per address) from one made-up address of this
run (``X-Forwarded-For``) go to A and B in turn. Exactly 120 must be answered and the rest refused
with 429 by both hosts: each host saw 65, so only a shared count refuses any (with ``memory://`` each
of the four workers would count its own).

Prints the figures and a ``RESULT`` line; exits 1 when a target is missed or an acknowledged
petition is missing.

    python bench/cluster.py [--changes 21] [--cli 2] [--load-seconds 12] [--clients 8] [--redis URL] [--keep]
"""
from __future__ import annotations

import argparse
import json
import secrets
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402
    PYTHON,
    REPO,
    Client,
    Instance,
    log,
    pct,
    result_line,
)
from _harness.hosts import (  # noqa: E402
    SEARCH_LIMIT,
    TARGET_S,
    FailoverLedger,
    catch_up,
    disclosure_data,
    exactly_once,
    kill_load,
    prime,
    rate_limits,
    redis_reachable,
    search_url,
    second_host,
    wait_for,
)
from _harness.server import Server  # noqa: E402


def run(args) -> int:
    inst = Instance("cluster", keep=args.keep)
    inst.prepare(demo=False)
    hosts = {"A": Server(inst, name="A"), "B": Server(second_host(inst, "B"), name="B")}
    timings: list[tuple[str, str, dict[str, float]]] = []
    try:
        for server in hosts.values():
            server.start()  # the health check is the first request: the watcher starts, B builds its index
        clients = {name: Client(server.port, keep_cookies=False) for name, server in hosts.items()}
        app = inst.app()
        with app.app_context():
            from portal.extensions import db
            from public_docs.disclosures import services

            docs = max(1, args.changes // 3)
            for i in range(docs):
                word = f"kenh{i:03d}x"
                amended = f"cong{i:03d}y"
                # publish
                prime(clients, [search_url(word)])
                d = services.create_disclosure(disclosure_data(i, word), actor="bench")
                services.publish_disclosure(d, actor="bench", secrecy_confirmed=True)
                db.session.commit()
                started = time.monotonic()
                page = f"/cong-khai/{d.id}"
                link = f'href="{page}"'  # a hit links to it (the query itself is always on the page)
                timings.append(("publish", word, wait_for(clients, [(search_url(word), link, True),
                                                                 (page, word, True)], started)))
                # amend
                prime(clients, [search_url(amended), page])
                services.amend_disclosure(d, {"title": disclosure_data(i, word, amended)["title"]}, "Sửa tiêu đề",
                                          actor="bench", secrecy_confirmed=True)
                db.session.commit()
                started = time.monotonic()
                timings.append(("amend", word, wait_for(clients, [(search_url(amended), link, True),
                                                               (page, amended, True)], started)))
                # withdraw
                reason = f"thuhoi{i:03d}z"
                prime(clients, [search_url(amended), page])
                services.withdraw_disclosure(d, f"Ban hành nhầm {reason}", actor="bench")
                db.session.commit()
                started = time.monotonic()
                timings.append(("withdraw", word, wait_for(clients, [(search_url(amended), link, False),
                                                                  (page, reason, True)], started)))
                db.session.remove()
            from sqlalchemy import select

            from public_docs.disclosures.models import Disclosure

            for j in range(args.cli):  # the real command, in its own process: timed from its exit
                word = f"nhap{j:03d}w"
                data = disclosure_data(500 + j, word)
                manifest = inst.dir / f"import-{j}.jsonl"
                manifest.write_text(json.dumps(data, ensure_ascii=False) + "\n")
                prime(clients, [search_url(word)])
                subprocess.run([PYTHON, "-m", "flask", "--app", "portal", "disclosures", "import", str(manifest)],
                               cwd=REPO, env=inst.env, capture_output=True, check=True, timeout=120)
                started = time.monotonic()
                doc_id = db.session.scalar(select(Disclosure.id).where(Disclosure.number == data["number"]))
                db.session.remove()
                checks = [(search_url(word), f'href="/cong-khai/{doc_id}"', True), (f"/cong-khai/{doc_id}", word, True)]
                timings.append(("cli-import", word, wait_for(clients, checks, started)))
        errors = {name: server.errors_logged() for name, server in hosts.items()}
        # --- one host dies under load -------------------------------------------------------
        ledger = FailoverLedger()
        log(f"kill phase: {args.clients} clients posting petitions to A and B for {args.load_seconds:g} s, "
            f"B killed at {args.load_seconds / 3:.1f} s")
        kill_state = kill_load(hosts, ledger, args.clients, args.load_seconds, args.load_seconds / 3,
                                secrets.token_hex(3))
        errors_a_kill = hosts["A"].errors_logged()
        check = exactly_once(inst, ledger)
        catch = catch_up(inst, hosts)
        limits = None
        if args.redis:
            if not redis_reachable(args.redis):
                raise SystemExit(f"Redis not reachable at {args.redis}: start redis-server, or pass --redis '' "
                                 "to leave the rate-limit check out")
            limits = rate_limits(hosts, args.redis)
    finally:
        for server in hosts.values():
            server.stop()
        inst.cleanup()

    log(f"{'change':<11} {'word':<10} " + " ".join(f"{name:>8}" for name in hosts))
    for kind, word, seconds in timings:
        log(f"{kind:<11} {word:<10} " + " ".join(f"{seconds[name]:>7.3f}s" for name in hosts))
    p95 = {name: pct([t[2][name] for t in timings], 95) for name in hosts}
    worst = {name: max(t[2][name] for t in timings) for name in hosts}
    for name, lines in errors.items():
        if lines:
            log(f"host {name} logged errors:", *lines[:5], sep="\n  ")
    log(f"kill phase: {len(ledger.acked)} petitions acknowledged (A {ledger.acked_by['A']}, B "
        f"{ledger.acked_by['B']}; A {ledger.after_kill_on_A} after the kill at "
        f"{kill_state['killed_at'] or 0:.1f} s); unanswered A {ledger.unanswered['A']}, B "
        f"{ledger.unanswered['B']}; errors after the kill A {ledger.errors_during_kill['A']}, B "
        f"{ledger.errors_during_kill['B']} (never acknowledged)")
    log(f"in the database: {check['stored']}/{check['acked']} acknowledged stored, "
        f"{len(check['missing'])} missing, {len(check['mismatched'])} differing, {check['duplicated']} duplicated")
    for line in ledger.refused[:5]:
        log("refused:", line)
    log(f"B restarted: healthy {catch['startup_s']:.1f} s after launch, search showed the disclosure "
        f"published while it was down {catch['catch_up_s']:.3f} s later")
    if errors_a_kill:
        log("host A logged errors during the kill phase:", *errors_a_kill[:5], sep="\n  ")
    limits_ok = True
    if limits is not None:
        answered = limits["ok_A"] + limits["ok_B"]
        limits_ok = (answered == SEARCH_LIMIT and limits["refused_A"] > 0 and limits["refused_B"] > 0
                     and not limits["other_A"] and not limits["other_B"])
        log(f"rate limit across hosts (Redis {args.redis}): {SEARCH_LIMIT + 10} searches from one address, "
            f"answered A {limits['ok_A']} + B {limits['ok_B']} = {answered} (limit {SEARCH_LIMIT}), refused "
            f"A {limits['refused_A']}, B {limits['refused_B']}, other {limits['other_A'] + limits['other_B']}")
    lost = len(check["missing"]) + len(check["mismatched"]) + check["duplicated"]
    failover_ok = (not lost and ledger.errors_during_kill["A"] == 0 and ledger.after_kill_on_A > 0
                   and not ledger.refused and not errors_a_kill and catch["catch_up_s"] <= TARGET_S)
    ok = all(v <= TARGET_S for v in p95.values()) and not any(errors.values()) and failover_ok and limits_ok
    log(result_line(dialect=inst.dialect, changes=len(timings), p95_A_s=p95["A"], p95_B_s=p95["B"],
                    max_A_s=worst["A"], max_B_s=worst["B"], target_s=TARGET_S,
                    acked=check["acked"], lost=len(check["missing"]), duplicated=check["duplicated"],
                    differing=len(check["mismatched"]), a_errors_after_kill=ledger.errors_during_kill["A"],
                    b_unanswered=ledger.unanswered["B"], catch_up_s=catch["catch_up_s"],
                    limited=("off" if limits is None else
                             f"{limits['ok_A'] + limits['ok_B']}/{SEARCH_LIMIT + 10}"), ok=ok))
    if lost:
        return 1
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=21, help="publish+amend+withdraw changes (3 per disclosure)")
    parser.add_argument("--cli", type=int, default=2, help="disclosures published by `flask disclosures import`")
    parser.add_argument("--load-seconds", type=float, default=12, help="length of the kill phase")
    parser.add_argument("--clients", type=int, default=8, help="clients posting petitions in the kill phase")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379",
                        help="Redis for the rate-limit check across hosts ('' leaves it out)")
    parser.add_argument("--keep", action="store_true", help="keep the instance directory")
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
