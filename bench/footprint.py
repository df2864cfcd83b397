"""Footprint of one ward: the figures ``docs/SCALING.md`` builds its plan on.

    .venv/bin/python bench/footprint.py                                   # SQLite
    DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/bench .venv/bin/python bench/footprint.py
    .venv/bin/python bench/footprint.py --disclosures 200 --petitions 1000 --requests 30   # quick

Measures, on a fresh instance (``flask seed``, no demo):
- database size per 1,000 disclosures (300–2,000 words each, the search benchmark's corpus) and per
  10,000 petitions (each with its Board case, a third of them referred; ``bench/_harness/petitions``);
  SQLite: the file size after ``VACUUM``; PostgreSQL: ``pg_database_size`` after ``VACUUM``;
- search index size per 1,000 disclosures (``flask search reindex``);
- memory of one gunicorn worker (resident set, ``/proc/<pid>/status``): started, after serving
  every public page but search, and after search queries have opened the index (the index's share);
- server CPU per answer (``/proc`` utime + stime of the worker, one request at a time) for the home,
  list, detail, petitions, statistics and search pages, cached (a visitor without a cookie: the page
  cache answers) and fresh (with a cookie: rendered, kept blocks allowed), and from it requests per
  second per core.

Prints the figures and a ``RESULT`` line. Target: none beyond every request answering 200 (the
figures are inputs to the plan); exits 1 when a page answers anything else.
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Client, Instance, Server, log, result_line  # noqa: E402 - after the sys.path insert
from _harness.server import _children  # noqa: E402

MB = 1024 * 1024


def _db_bytes(inst: Instance) -> int:
    from sqlalchemy import create_engine, text

    if inst.dialect == "sqlite":
        import sqlite3

        path = inst.database_url.split("///", 1)[1]
        con = sqlite3.connect(path)
        con.execute("VACUUM")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the app writes in WAL mode
        con.close()
        return Path(path).stat().st_size
    engine = create_engine(inst.database_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("VACUUM"))
        size = conn.scalar(text("SELECT pg_database_size(current_database())"))
    engine.dispose()
    return int(size)


def _dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def _load_disclosures(inst: Instance, n: int) -> None:
    from search_corpus import Corpus
    from sqlalchemy import insert

    from portal.extensions import db
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    app = inst.app()
    now = dt.datetime.now(dt.UTC)
    with app.app_context():
        rows = []
        for doc in Corpus(n).documents():
            rows.append(dict(
                number=doc["number"], title=doc["title"], summary=doc["summary"], body_source=doc["body"],
                body_html="<p>" + doc["body"] + "</p>", category=doc["category"], form=doc["form"],
                issuer=doc["issuer"], issued_on=doc["issued_on"], status=DisclosureStatus.published,
                published_at=now, version_no=1,
            ))
            if len(rows) == 500:
                db.session.execute(insert(Disclosure), rows)
                db.session.commit()
                rows = []
        if rows:
            db.session.execute(insert(Disclosure), rows)
            db.session.commit()
        db.session.remove()


def _load_petitions(inst: Instance, n: int) -> dict:
    from _harness.petitions import load_petitions

    app = inst.app()
    with app.app_context():
        counts = load_petitions(n)
        from portal.extensions import db

        db.session.remove()
    return counts


def _rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS"))) / 1024


def _cpu_s(pid: int) -> float:
    import os

    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_per_answer(port: int, pid: int, path: str, requests: int, cookie: bool) -> float:
    client = Client(port, keep_cookies=False)
    if cookie:
        client.cookies["bench"] = "1"
    for _ in range(3):  # warm: the page cache or the kept blocks are filled
        resp = client.get(path)
        if resp.status != 200:
            raise SystemExit(f"{path} answered {resp.status}")
    before = _cpu_s(pid)
    for _ in range(requests):
        resp = client.get(path)
        if resp.status != 200:
            raise SystemExit(f"{path} answered {resp.status}")
    client.close()
    return (_cpu_s(pid) - before) / requests


_WARDS_CHILD = """
import json, sys
from pathlib import Path
root, n, setup = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "setup"

def rss():
    status = Path("/proc/self/status").read_text()
    return int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmRSS"))) / 1024

from portal import create_app
from portal.extensions import db
before, figures = rss(), []
apps = []
for i in range(n):
    d = root / f"ward-{i}"
    d.mkdir(parents=True, exist_ok=True)
    app = create_app({"SECRET_KEY": f"ward-{i}", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{d / 'portal.db'}",
                      "SEARCH_INDEX_DIR": str(d / "index"), "UPLOAD_DIR": str(d / "files"),
                      "MAIL_DIR": str(d / "mail"), "RATELIMIT_ENABLED": False, "WARD_NAME": f"Phường Mẫu {i}"})
    if setup:
        with app.app_context():
            db.create_all()
        runner = app.test_cli_runner()
        for args in (["seed"], ["demo", "load"], ["search", "sync"]):
            with app.app_context():
                res = runner.invoke(args=args)
            if res.exit_code != 0:
                raise SystemExit(f"flask {args} failed: {res.output} {res.exception!r}")
        continue
    start = rss()
    client = app.test_client()
    for path in ("/", "/cong-khai", "/cong-khai/1", "/kien-nghi", "/thong-ke", "/tim-kiem?q=ngan+sach",
                 "/tim-kiem?q=dat+dai"):
        status = client.get(path).status_code
        if status != 200:
            raise SystemExit(f"ward {i}: {path} answered {status}")
    apps.append(app)
    figures.append(rss())  # after this ward
print(json.dumps({"before": before, "after": rss(), "per_ward": figures}))
"""


def _wards_in_one_process(inst: Instance, n: int) -> dict:
    """Resident memory of one process that holds ``n`` ward apps (own SQLite database and index each,
    with the demo data, set up beforehand by another process), each having served its public pages
    and two searches."""
    import json
    import subprocess

    from _harness import PYTHON, REPO

    env = {k: v for k, v in inst.env.items() if k != "DATABASE_URL"}
    for phase in ("setup", "measure"):
        proc = subprocess.run([PYTHON, "-c", _WARDS_CHILD, str(inst.dir / "wards"), str(n), phase], cwd=REPO,
                              env=env, capture_output=True, text=True, timeout=1800)
        if proc.returncode != 0:
            raise SystemExit(f"the several-wards process ({phase}) failed: {proc.stdout}{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--disclosures", type=int, default=1000)
    p.add_argument("--petitions", type=int, default=10000)
    p.add_argument("--requests", type=int, default=200, help="requests per page and mode for the CPU figures")
    p.add_argument("--wards", type=int, default=6, help="ward apps in one process (SQLite, demo data each)")
    p.add_argument("--keep", action="store_true")
    args = p.parse_args(argv)

    inst = Instance("footprint", keep=args.keep)
    server = None
    try:
        inst.prepare(demo=False)
        base_db = _db_bytes(inst)
        _load_disclosures(inst, args.disclosures)
        with_docs = _db_bytes(inst)
        inst.flask("search", "reindex", timeout=3600)
        index_bytes = _dir_bytes(inst.index_dir)
        counts = _load_petitions(inst, args.petitions)
        with_petitions = _db_bytes(inst)
        db_per_1k_docs = (with_docs - base_db) / args.disclosures * 1000
        db_per_10k_pet = (with_petitions - with_docs) / args.petitions * 10000
        index_per_1k_docs = index_bytes / args.disclosures * 1000
        log(f"{inst.dialect}: empty database {base_db / MB:.1f} MB; +{args.disclosures} disclosures "
            f"{(with_docs - base_db) / MB:.1f} MB; +{counts['petitions']} petitions ({counts['cases']} cases, "
            f"{counts['referrals']} referrals) {(with_petitions - with_docs) / MB:.1f} MB; "
            f"index {index_bytes / MB:.1f} MB")

        server = Server(inst, workers=1, threads=4)
        server.start()
        worker = _children(server.proc.pid)[0]
        rss_start = _rss_mb(worker)
        client = Client(server.port, keep_cookies=False)
        pages = {"home": "/", "list": "/cong-khai", "detail": "/cong-khai/1", "petitions": "/kien-nghi",
                 "statistics": "/thong-ke"}
        for path in pages.values():
            for variant in (path, path + ("&" if "?" in path else "?") + "page=2"):
                resp = client.get(variant)
                if resp.status not in (200, 404) or (variant == path and resp.status != 200):
                    raise SystemExit(f"{variant} answered {resp.status}")
        rss_pages = _rss_mb(worker)
        words = ["ngân sách", "đất đai", "kế hoạch", "dan chu", "quyết định", "bồi thường", "hộ nghèo",
                 "xây dựng", "trường học", "môi trường", "thu chi", "giao thông", "y te", "an ninh"]
        for w in words:
            resp = client.get("/tim-kiem?" + urlencode({"q": w}))
            if resp.status != 200:
                raise SystemExit(f"search {w} answered {resp.status}")
        client.close()
        rss_search = _rss_mb(worker)
        pages["search"] = "/tim-kiem?q=ng%C3%A2n+s%C3%A1ch"

        cpu = {}
        for name, path in pages.items():
            cpu[name] = (_cpu_per_answer(server.port, worker, path, args.requests, cookie=False),
                         _cpu_per_answer(server.port, worker, path, args.requests, cookie=True))
        rss_end = _rss_mb(worker)
        master_rss = _rss_mb(server.proc.pid)

        server.stop()
        server = None
        wards = _wards_in_one_process(inst, args.wards) if args.wards else None
        marginal_mb = 0.0
        if wards:
            after_each = wards["per_ward"]
            marginal_mb = (after_each[-1] - after_each[0]) / max(len(after_each) - 1, 1)
            log(f"{args.wards} ward apps in one process: {wards['before']:.0f} MB before the first, "
                f"{after_each[0]:.0f} MB with the first ward, {wards['after']:.0f} MB with all: "
                f"{marginal_mb:.1f} MB per further ward")
        log("")
        log(f"worker RSS: started {rss_start:.0f} MB, after the pages {rss_pages:.0f} MB, after search "
            f"{rss_search:.0f} MB (index +{rss_search - rss_pages:.0f} MB), end {rss_end:.0f} MB; "
            f"master {master_rss:.0f} MB")
        log(f"{'page':<11} {'cached ms':>9} {'rps/core':>9} {'fresh ms':>9} {'rps/core':>9}")
        for name, (c, f) in cpu.items():
            log(f"{name:<11} {c * 1000:9.2f} {1 / max(c, 1e-6):9.0f} {f * 1000:9.2f} {1 / max(f, 1e-6):9.0f}")
        cached = statistics.mean(c for c, _ in cpu.values())
        fresh = statistics.mean(f for _, f in cpu.values())
        log(f"mean       {cached * 1000:9.2f} {1 / cached:9.0f} {fresh * 1000:9.2f} {1 / fresh:9.0f}")
        print(result_line(
            db=inst.dialect, db_mb_per_1k_disclosures=round(db_per_1k_docs / MB, 1),
            db_mb_per_10k_petitions=round(db_per_10k_pet / MB, 1),
            index_mb_per_1k_disclosures=round(index_per_1k_docs / MB, 1),
            worker_rss_mb=round(rss_end), worker_rss_index_mb=round(rss_search - rss_pages),
            master_rss_mb=round(master_rss),
            cached_rps_per_core=round(1 / cached), fresh_rps_per_core=round(1 / fresh),
            mb_per_further_ward_app=round(marginal_mb, 1) if wards else 0, ok=True,
        ), flush=True)
        return 0
    finally:
        if server is not None:
            server.stop()
        inst.cleanup()


if __name__ == "__main__":
    sys.exit(main())
