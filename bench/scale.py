"""A busy ward on one host: 50,000 petitions (a third approved, their Board cases in every state),
200,000 petition and case events and 10,000 disclosures, the pages people and staff open, as
served by gunicorn (issue 17).

    .venv/bin/python bench/scale.py                                   # SQLite, the full size
    DATABASE_URL=postgresql+psycopg://…/bench_scale .venv/bin/python bench/scale.py
    .venv/bin/python bench/scale.py --data /tmp/ward50k               # keep the loaded data, reuse it next time
    .venv/bin/python bench/scale.py --petitions 300 --disclosures 100 --events 1200 --small 100

Setup: ``flask seed``, then ``bench/_harness/ward.py`` (Core bulk inserts in batches; the search
index rebuilt once). With ``--data DIR`` the instance lives in DIR (SQLite file, search index) and
is loaded only when the database does not already hold the asked-for counts (on PostgreSQL the
database itself is kept).

Measured one request at a time, ``--repeat`` times after a warm-up, with a cookie (the page cache
never answers): ``/kien-nghi`` with and without ``q``, ``/thong-ke`` and ``/api/v1/stats`` computed
afresh (the statistics' content version replaced before each request, as any change to a petition
does), and, signed in through the login form as a staff member, the moderation queue, the Board
case list, a case page; the tracking page of a receipt code; a petition through
``POST /api/v1/petitions`` (rate limits off: every request comes from 127.0.0.1).

Target: every page's p95 ≤ ``--max-ms`` (300 ms). SQL statements: each page is also requested in
this process (Flask's test client, an engine event counting statements) on this data set and on a
small one (``--small`` petitions, same proportions, its own SQLite file or a ``…_small`` PostgreSQL
database): a page whose count differs between the two sizes fails. Prints a table and a ``RESULT``
line; exits 1 when a target is missed, 2 when the data set is not what was asked for.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import secrets
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Client, Instance, Server, Site, _codes, log, pct, petition_payload, result_line  # noqa: E402
from _harness.ward import REFERENCE_CODE, STAFF_EMAIL, STAFF_PASSWORD  # noqa: E402

SETUP = """
import os
import sys
import time
sys.path.insert(0, {bench!r})
from _harness.ward import load_ward
started = time.monotonic()
counts = load_ward(int(os.environ["BENCH_PETITIONS"]), int(os.environ["BENCH_DISCLOSURES"]),
                   int(os.environ["BENCH_EVENTS"]))
print(f"setup: loaded {{counts}} in {{time.monotonic() - started:.1f}} s", flush=True)
"""
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
FRESH = {"stats", "api_stats"}  # the statistics' content version is replaced before each request
PERIODIC = ("SELECT content_version.token FROM content_version WHERE",  # portal/versions.py, every few seconds
            "SELECT coalesce(max(index_change.id)")  # public_docs/search/watch.py


def _want(petitions: int, disclosures: int, events: int) -> dict:
    approved = max(1, petitions // 3)
    return {"petitions": petitions, "approved": approved, "cases": approved, "events": events,
            "disclosures": disclosures}


def _engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(url)


def _counts(url: str) -> dict:
    from sqlalchemy import text

    engine = _engine(url)
    out = {}
    try:
        with engine.connect() as conn:
            # Petitions posted by an earlier run (channel api) are not part of the data set.
            for key, sql in (("petitions", "SELECT count(*) FROM submission WHERE channel <> 'api'"),
                             ("approved", "SELECT count(*) FROM submission WHERE status = 'approved'"),
                             ("cases", 'SELECT count(*) FROM "case"'),
                             ("events", "SELECT (SELECT count(*) FROM submission_event e JOIN submission s "
                                        "ON s.id = e.submission_id WHERE s.channel <> 'api') + "
                                        "(SELECT count(*) FROM case_event)"),
                             ("disclosures", "SELECT count(*) FROM disclosure"),
                             ("staff", f"SELECT count(*) FROM \"user\" WHERE email = '{STAFF_EMAIL}'")):
                out[key] = int(conn.execute(text(sql)).scalar() or 0)
    except Exception:  # noqa: BLE001 - no such database or table yet: to be loaded
        return {}
    finally:
        engine.dispose()
    return out


def _ensure_pg_database(url: str) -> None:
    """Create the PostgreSQL database named by ``url`` when it does not exist."""
    from sqlalchemy import text

    name = url.rsplit("/", 1)[-1].split("?")[0]
    admin = _engine(url.rsplit("/", 1)[0] + "/postgres").execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            if not conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).scalar():
                conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()


def make_instance(name: str, data: Path | None, database_url: str | None, petitions: int, disclosures: int,
                  events: int, setup: Path) -> Instance:
    """An instance holding the data set, loaded unless ``data`` already holds it."""
    saved = os.environ.get("DATABASE_URL")
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    try:
        instance = Instance(name, keep=data is not None, extra_env={
            "BENCH_EXTRA_SETUP": str(setup), "BENCH_PETITIONS": str(petitions),
            "BENCH_DISCLOSURES": str(disclosures), "BENCH_EVENTS": str(events), "PAGE_CACHE_SECONDS": "0"})
    finally:
        if saved is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = saved
    if data is not None:  # the instance lives in DATA (kept between runs)
        shutil.rmtree(instance.dir, ignore_errors=True)
        data.mkdir(parents=True, exist_ok=True)
        instance.dir = data
        instance.index_dir, instance.upload_dir = data / "search-index", data / "files"
        instance.mail_dir = data / "mail"
        if instance.dialect == "sqlite":
            instance.database_url = f"sqlite:///{data / 'portal.db'}"
        instance.env.update({"DATABASE_URL": instance.database_url, "SEARCH_INDEX_DIR": str(instance.index_dir),
                             "UPLOAD_DIR": str(instance.upload_dir), "MAIL_DIR": str(instance.mail_dir)})
    if instance.dialect == "postgresql":
        _ensure_pg_database(instance.database_url)
    want = _want(petitions, disclosures, events)
    have = _counts(instance.database_url) if data is not None and instance.index_dir.exists() else {}
    if have and have.pop("staff", 0) == 1 and have == want:
        log(f"{name}: the data set in {data} holds {want}: reused")
        _create_missing_indexes(instance.database_url)
        return instance
    if have:
        log(f"{name}: the data set in {data} holds {have}, not {want}: loaded afresh")
    if instance.dialect == "sqlite":
        Path(instance.database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    started = time.monotonic()
    instance.prepare(demo=False, timeout=4 * 3600)
    have = _counts(instance.database_url)
    have.pop("staff", None)
    log(f"{name}: loaded {have} ({instance.dialect}) in {time.monotonic() - started:.1f} s")
    if have != want:
        raise SystemExit(f"the data set is not what was asked for: {have} != {want}")
    return instance


# Migrations a kept data set may predate (its schema came from ``create_all``, without Alembic):
# (file, a table and a column the migration adds). Each is run on it once, as ``flask db upgrade``
# would on a live ward: the budget kinds, then the stored local days (backfilled; on PostgreSQL
# also the trigram index of the petition search).
KEPT_MIGRATIONS = [("b7d2e41c9a05_budget_kinds.py", "disclosure", "budget_kind"),
                   ("8e3a6f1d2c57_stored_local_days.py", "submission", "created_day"),
                   ("9b4c2e7f1a30_stored_answer_working_days.py", "case", "response_working_days")]


def _apply_migrations(engine) -> None:
    import importlib.util

    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import inspect

    versions = Path(__file__).resolve().parent.parent / "migrations" / "versions"
    for filename, table, column in KEPT_MIGRATIONS:
        if column in {c["name"] for c in inspect(engine).get_columns(table)}:
            continue
        spec = importlib.util.spec_from_file_location(filename.removesuffix(".py"), versions / filename)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        started = time.monotonic()
        with engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
            module.upgrade()
        log(f"kept data set: migration {filename} applied in {time.monotonic() - started:.1f} s")


def _create_missing_indexes(url: str) -> None:
    """A kept data set gets the indexes the models declare now (a later commit may add some)."""
    from portal import create_app
    from portal.extensions import db

    engine = _engine(url)
    try:
        with create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"}).app_context():
            _apply_migrations(engine)
            for table in db.metadata.sorted_tables:
                for index in table.indexes:
                    index.create(engine, checkfirst=True)
        from sqlalchemy import text

        # VACUUM as autovacuum would have by now on a live PostgreSQL (index-only scans need the
        # visibility map); SQLite: ANALYZE for its planner.
        with engine.execution_options(isolation_level="AUTOCOMMIT").connect() as conn:
            conn.execute(text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"))
    finally:
        engine.dispose()


def _bump_figures(url: str) -> None:
    """Replace the statistics' content version, as any change to a petition does."""
    from sqlalchemy import text

    engine = _engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE content_version SET token = :t WHERE name = 'figures'"),
                         {"t": secrets.token_hex(16)})
    except Exception:  # noqa: BLE001 - an older checkout without the table: nothing is cached
        pass
    finally:
        engine.dispose()


def _reference_case(url: str) -> int:
    from sqlalchemy import text

    engine = _engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text('SELECT c.id FROM "case" c JOIN submission s ON s.id = c.submission_id '
                                         "WHERE s.receipt_code = :c"), {"c": REFERENCE_CODE}).scalar())
    finally:
        engine.dispose()


ONLY: set[str] = set()  # --pages


def pages(case_id: int) -> list[tuple[str, str, str]]:
    """(name, who, path): ``public`` a visitor with a cookie, ``staff`` signed in, ``post`` a petition."""
    return [page for page in _pages(case_id) if not ONLY or page[0] in ONLY]


def _pages(case_id: int) -> list[tuple[str, str, str]]:
    return [
        ("list", "public", "/kien-nghi"),
        ("list_q", "public", "/kien-nghi?" + urlencode({"q": "đường nước"})),
        ("stats", "public", "/thong-ke"),
        ("api_stats", "public", "/api/v1/stats"),
        ("queue", "staff", "/can-bo/kiem-duyet/"),
        ("cases", "staff", "/can-bo/ban/"),
        ("case", "staff", f"/can-bo/ban/ho-so/{case_id}"),
        ("track", "public", f"/tra-cuu/{REFERENCE_CODE}"),
        ("post", "post", "/api/v1/petitions"),
    ]


def _payload(site: Site, seq: int, rng: random.Random) -> dict:
    return petition_payload(site, 0, seq, rng, f"s{os.getpid()}")


def _site(options: dict) -> Site:
    """The petition form's topics and residential groups (``/api/v1/petition-options``)."""
    return Site(topics=_codes(options.get("topics")), groups=_codes(options.get("groups") or
                                                                   options.get("residential_groups")))


def sign_in(client: Client) -> bool:
    page = client.get("/can-bo/dang-nhap")
    m = CSRF_RE.search(page.text)
    body = urlencode({"csrf_token": m.group(1) if m else "", "email": STAFF_EMAIL, "password": STAFF_PASSWORD})
    r = client.request("POST", "/can-bo/dang-nhap", body=body.encode(),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    if r.status not in (302, 303):
        m = re.search(r'<div[^>]*class="[^"]*(?:error|alert)[^"]*".*?</div>', r.text, re.S)
        log(f"sign-in: the login form answered {r.status}: {(m.group(0) if m else r.text)[:400]}")
        return False
    listed = client.get("/can-bo/ban/")
    if listed.status != 200:
        log(f"sign-in: the case list answered {listed.status} {listed.headers.get('location', '')}")
    return listed.status == 200


def measure_http(instance: Instance, case_id: int, args) -> tuple[dict, list[str]]:
    server = Server(instance, workers=args.workers, threads=args.threads)
    server.start()
    failures: list[str] = []
    times: dict[str, list[float]] = {}
    try:
        public = Client(server.port, timeout=300)
        public.cookies["lang"] = "vi"  # any Cookie header: the page cache never answers
        staff = Client(server.port, timeout=300)
        if not sign_in(staff):
            return {}, ["could not sign in through the login form"]
        poster = Client(server.port, timeout=300, keep_cookies=False)
        rng = random.Random(3)
        site = _site(public.get("/api/v1/petition-options").json() or {})
        seq = 0
        for name, who, path in pages(case_id):
            times[name] = []
            for i in range(args.workers * 2 + args.repeat):  # the first ones warm each worker up
                if name in FRESH:
                    _bump_figures(instance.database_url)
                if who == "post":
                    seq += 1
                    r = poster.request("POST", path, json_body=_payload(site, seq, rng))
                    ok = r.status == 201
                else:
                    client = staff if who == "staff" else public
                    r = client.get(path)
                    if r.status == 0:  # the connection idled past gunicorn's keep-alive: reconnect
                        r = client.get(path)
                    ok = r.status == 200
                if not ok:
                    failures.append(f"{name}: {path} answered {r.status} {r.text[:200]}")
                    break
                if i >= args.workers * 2:
                    times[name].append(r.elapsed * 1000)
    finally:
        server.stop()
    return times, failures


def count_statements(instance: Instance, case_id: int) -> tuple[dict[str, int], dict[str, list[str]]]:
    """SQL statements of one request of each page, in this process, and their text."""
    from sqlalchemy import event, select

    from portal.accounts.models import User
    from portal.extensions import db

    app = instance.app()
    app.config["PAGE_CACHE_SECONDS"] = 0
    statements: list[str] = []
    me = threading.get_ident()

    def count(_conn, _cursor, statement, *_a):
        # Only this thread's (the search index's watcher polls from its own), and not the checks
        # made once every few seconds whatever the page (a slow page meets them on every request).
        text = " ".join(statement.split())
        if threading.get_ident() == me and not any(text.startswith(p) for p in PERIODIC):
            statements.append(text[:160])

    with app.app_context():
        staff_id = db.session.scalar(select(User).where(User.email == STAFF_EMAIL)).get_id()
        event.listen(db.engine, "before_cursor_execute", count)
    staff = app.test_client()
    with staff.session_transaction() as s:
        s["_user_id"] = staff_id
        s["_fresh"] = True
    public = app.test_client()
    public.set_cookie("lang", "vi")
    out: dict[str, int] = {}
    texts: dict[str, list[str]] = {}
    rng = random.Random(5)
    site = _site(public.get("/api/v1/petition-options").get_json() or {})
    try:
        for name, who, path in pages(case_id):
            # The fewest of 6 requests after 2 of warm-up: checks made once every few seconds
            # (the page cache's version, the search index's change log) are not the page's.
            for i in range(8):
                if name in FRESH:
                    _bump_figures(instance.database_url)
                statements.clear()
                if who == "post":
                    r = public.post(path, json=_payload(site, 1000 + i, rng))
                else:
                    r = (staff if who == "staff" else public).get(path)
                if r.status_code not in (200, 201):
                    out[name], texts[name] = -r.status_code, [r.get_data(as_text=True)[:300]]
                    break
                if i >= 2 and (name not in out or len(statements) < out[name]):
                    out[name], texts[name] = len(statements), list(statements)
    finally:
        with app.app_context():
            event.remove(db.engine, "before_cursor_execute", count)
            db.session.remove()
            db.engine.dispose()
    return out, texts


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--petitions", type=int, default=50_000, help="petitions, a third approved (default 50000)")
    ap.add_argument("--disclosures", type=int, default=10_000, help="published disclosures (default 10000)")
    ap.add_argument("--events", type=int, default=0, help="petition and case events in all (default 4 a petition)")
    ap.add_argument("--small", type=int, default=0,
                    help="petitions of the small data set the SQL statements are compared with "
                         "(default a hundredth, at least 300)")
    ap.add_argument("--repeat", type=int, default=20, help="timed requests per page (default 20)")
    ap.add_argument("--max-ms", type=float, default=300.0, help="p95 allowed per page (default 300 ms)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--pages", default="", help="only these pages (comma-separated names), e.g. cases,stats")
    ap.add_argument("--no-statements", action="store_true",
                    help="time the pages only (no small data set, no statement counts)")
    ap.add_argument("--data", type=Path, help="keep the loaded instance in this directory and reuse it")
    args = ap.parse_args(argv)
    events = args.events or 4 * args.petitions
    ONLY.update(p for p in args.pages.split(",") if p)
    small = args.small or max(300, args.petitions // 100)
    small_events = events * small // args.petitions
    small_disclosures = max(10, args.disclosures * small // args.petitions)
    url = os.environ.get("DATABASE_URL") or None
    small_url = None
    if url:
        base, _, rest = url.rpartition("/")
        name, sep, query = rest.partition("?")
        small_url = f"{base}/{name}_small{sep}{query}"

    setup = Path(tempfile.mkstemp(prefix="bench-scale-", suffix=".py")[1])
    setup.write_text(SETUP.format(bench=str(Path(__file__).resolve().parent)))
    instances: list[Instance] = []
    try:
        small_counts, small_texts, full_counts, full_texts = {}, {}, {}, {}
        if not args.no_statements:
            small_inst = make_instance("scale-small", args.data / "small" if args.data else None, small_url, small,
                                       small_disclosures, small_events, setup)
            instances.append(small_inst)
            small_counts, small_texts = count_statements(small_inst, _reference_case(small_inst.database_url))
        inst = make_instance("scale", args.data / "full" if args.data else None, url, args.petitions,
                             args.disclosures, events, setup)
        instances.append(inst)
        case_id = _reference_case(inst.database_url)
        if not args.no_statements:
            full_counts, full_texts = count_statements(inst, case_id)
        times, failures = measure_http(inst, case_id, args)
        log(f"\n{args.petitions} petitions, {events} events, {args.disclosures} disclosures ({inst.dialect}); "
            f"statements compared with {small} petitions")
        log(f"{'page':<10} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'statements':>11} {'at ' + str(small):>9}")
        p95 = {}
        for name, _who, _path in pages(case_id):
            values = times.get(name) or [float("nan")]
            p95[name] = pct(values, 95)
            log(f"{name:<10} {statistics.median(values):>10.1f} {p95[name]:>8.1f} {max(values):>8.1f} "
                f"{full_counts.get(name, -1):>11} {small_counts.get(name, -1):>9}")
            if not p95[name] <= args.max_ms:
                failures.append(f"{name}: p95 {p95[name]:.0f} ms > {args.max_ms:.0f} ms")
            if not args.no_statements and (full_counts.get(name) != small_counts.get(name)
                                           or full_counts.get(name, -1) < 0):
                failures.append(f"{name}: {full_counts.get(name)} SQL statements with {args.petitions} petitions, "
                                f"{small_counts.get(name)} with {small}")
                import difflib

                for line in difflib.unified_diff(small_texts.get(name, []), full_texts.get(name, []), "small", "full",
                                                 lineterm="", n=0):
                    log("   ", line)
        for f in failures:
            log("FAIL:", f)
        ok = not failures
        log(f"\ntarget: every page p95 <= {args.max_ms:.0f} ms and its SQL statements independent of the size: "
            f"{'met' if ok else 'MISSED'}")
        log(result_line(petitions=args.petitions, events=events, disclosures=args.disclosures, db=inst.dialect,
                        **{f"{n}_p95_ms": round(v, 1) for n, v in p95.items()},
                        **{f"{n}_statements": c for n, c in full_counts.items()},
                        max_p95_ms=round(max(p95.values()), 1), failures=len(failures),
                        statements_compared=int(not args.no_statements),
                        target="met" if ok else "missed"))
        return 0 if ok else 1
    finally:
        for instance in instances:
            instance.cleanup()
        setup.unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
