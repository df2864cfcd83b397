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
import statistics
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Client, Instance, Server, Site, _codes, log, pct, petition_payload, result_line  # noqa: E402
from _harness.scale_data import (  # noqa: E402
    SETUP,
    _bump_figures,
    _reference_case,
    make_instance,
)
from _harness.ward import REFERENCE_CODE, STAFF_EMAIL, STAFF_PASSWORD  # noqa: E402

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
FRESH = {"stats", "api_stats"}  # the statistics' content version is replaced before each request
PERIODIC = ("SELECT content_version.token FROM content_version WHERE",  # portal/versions.py, every few seconds
            "SELECT coalesce(max(index_change.id)")  # public_docs/search/watch.py


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
