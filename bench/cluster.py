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
import copy
import json
import random
import secrets
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402
    PYTHON,
    REPO,
    Client,
    Instance,
    discover,
    log,
    pct,
    petition_payload,
    result_line,
    verify_submissions,
)
from _harness.server import Server  # noqa: E402

TARGET_S = 2.0
TIMEOUT_S = 20.0


def _second_host(inst: Instance, name: str) -> Instance:
    """The same database, its own index directory and page-cache version file (another machine)."""
    other = copy.copy(inst)
    own = inst.dir / f"host-{name}"  # the version file defaults to the index's parent: not A's
    own.mkdir(exist_ok=True)
    other.index_dir = own / "search-index"
    other.env = {**inst.env, "SEARCH_INDEX_DIR": str(other.index_dir),
                 "PAGE_CACHE_VERSION_FILE": str(own / "page-cache.version")}
    return other


def _shows(client: Client, path: str, needle: str, present: bool) -> bool:
    resp = client.get(path)
    return resp.status == 200 and (needle in resp.text) == present


def _wait(clients: dict[str, Client], checks: list[tuple[str, str, bool]], started: float) -> dict[str, float]:
    """Seconds from ``started`` until every check holds on each host (``TIMEOUT_S`` when never)."""
    out = {}
    for name, client in clients.items():
        while True:
            if all(_shows(client, path, needle, present) for path, needle, present in checks):
                out[name] = time.monotonic() - started
                break
            if time.monotonic() - started > TIMEOUT_S:
                out[name] = TIMEOUT_S
                failing = []
                for path, needle, present in checks:
                    resp = client.get(path)
                    if resp.status != 200 or (needle in resp.text) != present:
                        count = resp.text.partition('class="result-count"')[2][:160].strip()
                        failing.append((path, resp.status, resp.headers.get("x-page-cache"), count))
                log(f"host {name}: still not shown after {TIMEOUT_S:.0f} s: {failing}")
                break
            time.sleep(0.02)
    return out


def _prime(clients: dict[str, Client], paths: list[str]) -> None:
    for client in clients.values():
        for path in paths:
            client.get(path)
            client.get(path)


def _search(word: str) -> str:
    return "/tim-kiem?" + urllib.parse.urlencode({"q": word})


def _data(i: int, word: str, title_word: str | None = None) -> dict:
    import datetime as dt

    return {
        "number": f"{900 + i}/TB-UBND", "title": f"Thông báo {title_word or word} về lịch tiếp dân",
        "summary": "Lịch tiếp công dân định kỳ của phường.", "body": "Nội dung thông báo.",
        "category": "other", "form": "Thông báo", "issuer": "UBND phường Hòa An",
        "issued_on": (dt.date.today() - dt.timedelta(days=1)).isoformat(),
    }


class FailoverLedger:
    """What the clients of the kill phase sent and were answered, per host."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked: dict[str, dict] = {}
        self.acked_by = {"A": 0, "B": 0}
        self.unanswered = {"A": 0, "B": 0}  # no response (connection refused/reset): never acknowledged
        self.refused: list[str] = []  # an answer other than 201 (a 4xx/5xx from a live host)
        self.errors_during_kill = {"A": 0, "B": 0}  # no answer or not 201, after the kill
        self.after_kill_on_A = 0  # petitions acknowledged by A after the kill


def _kill_load(hosts: dict, ledger: FailoverLedger, clients: int, seconds: float, kill_at: float,
               run_tag: str) -> dict:
    """Clients post to A and B in turn; B gets SIGKILL at ``kill_at``; failed-over clients use A."""
    site = discover(hosts["A"].port)
    state = {"killed_at": None}
    started = time.monotonic()

    def killer() -> None:
        time.sleep(kill_at)
        hosts["B"].kill()
        state["killed_at"] = time.monotonic() - started
        log(f"host B killed (SIGKILL to its master and workers) at {state['killed_at']:.1f} s")

    def body(i: int) -> None:
        rng = random.Random(7000 + i)
        conns = {name: Client(server.port, keep_cookies=False) for name, server in hosts.items()}
        down: set[str] = set()
        seq = 0
        while time.monotonic() - started < seconds:
            seq += 1
            name = "AB"[(i + seq) % 2]
            if name in down:
                name = "A"
            payload = petition_payload(site, i, seq, rng, run_tag)
            r = conns[name].request("POST", "/api/v1/petitions", json_body=payload,
                                    headers={"Accept": "application/json"})
            after_kill = state["killed_at"] is not None
            with ledger.lock:
                code = (r.json() or {}).get("receipt_code") if r.status == 201 else None
                if code:
                    ledger.acked[code] = payload
                    ledger.acked_by[name] += 1
                    if after_kill and name == "A":
                        ledger.after_kill_on_A += 1
                else:
                    if r.status == 0:
                        ledger.unanswered[name] += 1
                    elif len(ledger.refused) < 100:
                        ledger.refused.append(f"{name} {r.status} {r.text[:200]}")
                    if after_kill:
                        ledger.errors_during_kill[name] += 1
            if r.status == 0 and name == "B":
                down.add("B")  # nginx marks the upstream down and retries elsewhere
        for conn in conns.values():
            conn.close()

    threads = [threading.Thread(target=killer, daemon=True)]
    threads += [threading.Thread(target=body, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 60)
    return state


def _exactly_once(inst: Instance, ledger: FailoverLedger) -> dict:
    """The acknowledged petitions, in the database: present with their content, once each."""
    check = verify_submissions(inst, ledger.acked)
    from sqlalchemy import func, select

    app = inst.app()
    with app.app_context():
        from moderation.intake.models import Submission
        from portal.extensions import db

        titles = [p["title"] for p in ledger.acked.values()]
        counts: dict[str, int] = {}
        for k in range(0, len(titles), 500):
            rows = db.session.execute(select(Submission.title, func.count()).where(
                Submission.title.in_(titles[k:k + 500])).group_by(Submission.title))
            counts.update({title: n for title, n in rows})
        db.session.remove()
        db.engine.dispose()
    check["duplicated"] = sum(1 for t in titles if counts.get(t, 0) > 1)
    return check


def _catch_up(inst: Instance, hosts: dict) -> dict:
    """Publish while B is down; start B; seconds until B's search shows it."""
    app = inst.app()
    with app.app_context():
        from portal.extensions import db
        from public_docs.disclosures import services

        word = "vangmat" + secrets.token_hex(2)
        d = services.create_disclosure(_data(800, word), actor="bench")
        services.publish_disclosure(d, actor="bench", secrecy_confirmed=True)
        db.session.commit()
        doc_id = d.id
        db.session.remove()
        db.engine.dispose()
    launched = time.monotonic()
    hosts["B"].start()  # returns when /healthz answers 200: nginx would route to it from then
    healthy = time.monotonic()
    client = Client(hosts["B"].port, keep_cookies=False)
    seconds = _wait({"B": client}, [(_search(word), f'href="/cong-khai/{doc_id}"', True)], healthy)["B"]
    client.close()
    return {"startup_s": healthy - launched, "catch_up_s": seconds}


SEARCH_LIMIT = 120  # public_docs/search/views.py: "120 per minute" per address


def _rate_limits(hosts: dict, redis_url: str) -> dict:
    """Restart both hosts on the shared Redis; count answers and refusals of one address's searches."""
    for server in hosts.values():
        server.stop()
        server.instance.env = {**server.instance.env, "RATELIMIT_ENABLED": "1", "PROXY_COUNT": "1",
                               "RATELIMIT_STORAGE_URI": redis_url}
    for server in hosts.values():
        server.start()
    address = f"10.{random.randrange(256)}.{random.randrange(256)}.{random.randrange(1, 255)}"
    clients = {name: Client(server.port, keep_cookies=False) for name, server in hosts.items()}
    out = {f"{kind}_{name}": 0 for kind in ("ok", "refused", "other") for name in hosts}
    for i in range(SEARCH_LIMIT + 10):  # a new query each time: a cached page is not counted
        name = "AB"[i % 2]
        resp = clients[name].get(_search(f"gioihan{i}"), headers={"X-Forwarded-For": address})
        kind = {200: "ok", 429: "refused"}.get(resp.status, "other")
        out[f"{kind}_{name}"] += 1
    for client in clients.values():
        client.close()
    return out


def _redis_reachable(url: str) -> bool:
    import socket

    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def run(args) -> int:
    inst = Instance("cluster", keep=args.keep)
    inst.prepare(demo=False)
    hosts = {"A": Server(inst, name="A"), "B": Server(_second_host(inst, "B"), name="B")}
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
                _prime(clients, [_search(word)])
                d = services.create_disclosure(_data(i, word), actor="bench")
                services.publish_disclosure(d, actor="bench", secrecy_confirmed=True)
                db.session.commit()
                started = time.monotonic()
                page = f"/cong-khai/{d.id}"
                link = f'href="{page}"'  # a hit links to it (the query itself is always on the page)
                timings.append(("publish", word, _wait(clients, [(_search(word), link, True),
                                                                 (page, word, True)], started)))
                # amend
                _prime(clients, [_search(amended), page])
                services.amend_disclosure(d, {"title": _data(i, word, amended)["title"]}, "Sửa tiêu đề",
                                          actor="bench", secrecy_confirmed=True)
                db.session.commit()
                started = time.monotonic()
                timings.append(("amend", word, _wait(clients, [(_search(amended), link, True),
                                                               (page, amended, True)], started)))
                # withdraw
                reason = f"thuhoi{i:03d}z"
                _prime(clients, [_search(amended), page])
                services.withdraw_disclosure(d, f"Ban hành nhầm {reason}", actor="bench")
                db.session.commit()
                started = time.monotonic()
                timings.append(("withdraw", word, _wait(clients, [(_search(amended), link, False),
                                                                  (page, reason, True)], started)))
                db.session.remove()
            from sqlalchemy import select

            from public_docs.disclosures.models import Disclosure

            for j in range(args.cli):  # the real command, in its own process: timed from its exit
                word = f"nhap{j:03d}w"
                data = _data(500 + j, word)
                manifest = inst.dir / f"import-{j}.jsonl"
                manifest.write_text(json.dumps(data, ensure_ascii=False) + "\n")
                _prime(clients, [_search(word)])
                subprocess.run([PYTHON, "-m", "flask", "--app", "portal", "disclosures", "import", str(manifest)],
                               cwd=REPO, env=inst.env, capture_output=True, check=True, timeout=120)
                started = time.monotonic()
                doc_id = db.session.scalar(select(Disclosure.id).where(Disclosure.number == data["number"]))
                db.session.remove()
                checks = [(_search(word), f'href="/cong-khai/{doc_id}"', True), (f"/cong-khai/{doc_id}", word, True)]
                timings.append(("cli-import", word, _wait(clients, checks, started)))
        errors = {name: server.errors_logged() for name, server in hosts.items()}
        # --- one host dies under load -------------------------------------------------------
        ledger = FailoverLedger()
        log(f"kill phase: {args.clients} clients posting petitions to A and B for {args.load_seconds:g} s, "
            f"B killed at {args.load_seconds / 3:.1f} s")
        kill_state = _kill_load(hosts, ledger, args.clients, args.load_seconds, args.load_seconds / 3,
                                secrets.token_hex(3))
        errors_a_kill = hosts["A"].errors_logged()
        check = _exactly_once(inst, ledger)
        catch = _catch_up(inst, hosts)
        limits = None
        if args.redis:
            if not _redis_reachable(args.redis):
                raise SystemExit(f"Redis not reachable at {args.redis}: start redis-server, or pass --redis '' "
                                 "to leave the rate-limit check out")
            limits = _rate_limits(hosts, args.redis)
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
