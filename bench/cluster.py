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
withdraw), on each host. Prints the figures and a ``RESULT`` line; exits 1 when a target is missed.

    python bench/cluster.py [--changes 21] [--cli 2] [--keep]
"""
from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import PYTHON, REPO, Client, Instance, log, pct, result_line  # noqa: E402
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
    ok = all(v <= TARGET_S for v in p95.values()) and not any(errors.values())
    log(result_line(dialect=inst.dialect, changes=len(timings), p95_A_s=p95["A"], p95_B_s=p95["B"],
                    max_A_s=worst["A"], max_B_s=worst["B"], target_s=TARGET_S, ok=ok))
    return 0 if ok else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=21, help="publish+amend+withdraw changes (3 per disclosure)")
    parser.add_argument("--cli", type=int, default=2, help="disclosures published by `flask disclosures import`")
    parser.add_argument("--keep", action="store_true", help="keep the instance directory")
    sys.exit(run(parser.parse_args()))


if __name__ == "__main__":
    main()
