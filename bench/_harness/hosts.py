"""Two hosts on one database, the parts of ``bench/cluster.py``: a second host's instance, waiting
until both hosts show a change, the kill-one-host-under-load phase (a ledger of what was
acknowledged, the exactly-once check, the catch-up after a restart) and the rate limits shared
through Redis."""
from __future__ import annotations

import copy
import random
import secrets
import threading
import time
import urllib.parse

from . import (
    Client,
    Instance,
    discover,
    log,
    petition_payload,
    verify_submissions,
)

TARGET_S = 2.0
TIMEOUT_S = 20.0


def second_host(inst: Instance, name: str) -> Instance:
    """The same database, its own index directory and page-cache version file (another machine)."""
    other = copy.copy(inst)
    own = inst.dir / f"host-{name}"  # the version file defaults to the index's parent: not A's
    own.mkdir(exist_ok=True)
    other.index_dir = own / "search-index"
    other.env = {**inst.env, "SEARCH_INDEX_DIR": str(other.index_dir),
                 "PAGE_CACHE_VERSION_FILE": str(own / "page-cache.version")}
    return other


def shows(client: Client, path: str, needle: str, present: bool) -> bool:
    resp = client.get(path)
    return resp.status == 200 and (needle in resp.text) == present


def wait_for(clients: dict[str, Client], checks: list[tuple[str, str, bool]], started: float) -> dict[str, float]:
    """Seconds from ``started`` until every check holds on each host (``TIMEOUT_S`` when never)."""
    out = {}
    for name, client in clients.items():
        while True:
            if all(shows(client, path, needle, present) for path, needle, present in checks):
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


def prime(clients: dict[str, Client], paths: list[str]) -> None:
    for client in clients.values():
        for path in paths:
            client.get(path)
            client.get(path)


def search_url(word: str) -> str:
    return "/tim-kiem?" + urllib.parse.urlencode({"q": word})


def disclosure_data(i: int, word: str, title_word: str | None = None) -> dict:
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


def kill_load(hosts: dict, ledger: FailoverLedger, clients: int, seconds: float, kill_at: float,
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


def exactly_once(inst: Instance, ledger: FailoverLedger) -> dict:
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


def catch_up(inst: Instance, hosts: dict) -> dict:
    """Publish while B is down; start B; seconds until B's search shows it."""
    app = inst.app()
    with app.app_context():
        from portal.extensions import db
        from public_docs.disclosures import services

        word = "vangmat" + secrets.token_hex(2)
        d = services.create_disclosure(disclosure_data(800, word), actor="bench")
        services.publish_disclosure(d, actor="bench", secrecy_confirmed=True)
        db.session.commit()
        doc_id = d.id
        db.session.remove()
        db.engine.dispose()
    launched = time.monotonic()
    hosts["B"].start()  # returns when /healthz answers 200: nginx would route to it from then
    healthy = time.monotonic()
    client = Client(hosts["B"].port, keep_cookies=False)
    seconds = wait_for({"B": client}, [(search_url(word), f'href="/cong-khai/{doc_id}"', True)], healthy)["B"]
    client.close()
    return {"startup_s": healthy - launched, "catch_up_s": seconds}


SEARCH_LIMIT = 120  # public_docs/search/views.py: "120 per minute" per address


def rate_limits(hosts: dict, redis_url: str) -> dict:
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
        resp = clients[name].get(search_url(f"gioihan{i}"), headers={"X-Forwarded-For": address})
        kind = {200: "ok", 429: "refused"}.get(resp.status, "other")
        out[f"{kind}_{name}"] += 1
    for client in clients.values():
        client.close()
    return out


def redis_reachable(url: str) -> bool:
    import socket

    parts = urllib.parse.urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False
