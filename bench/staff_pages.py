"""Staff pages and fresh public pages, rendered in this process (Flask's test client, no HTTP): the
Board case list with N cases (default 1,000, in every state, ``bench/_harness/petitions.py``) on
top of the demo data, the moderation queue, the statistics, and the public home, list, detail and
search pages rendered afresh (the page cache and the kept blocks of ``portal/fragments.py`` are
off: full renders), against a bare Flask route in the same process. For each page: median and p95
time and the SQL statements of one request.

    .venv/bin/python bench/staff_pages.py                  # 1,000 cases, 20 requests per page
    .venv/bin/python bench/staff_pages.py --n 200 --repeat 5 --profile /can-bo/ban/

Target: the Board case list (the default tab, and ``?tab=all`` listing all N cases) median < 150 ms
with 1,000 cases, counted in this process's CPU time (``time.process_time``: one request at a time
in one thread, so the page's own cost, whatever else the machine runs); wall-clock medians are
printed next to it. Exits 1 when missed. ``--profile PATH`` prints the cProfile of PATH's requests.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Instance, log, pct, result_line  # noqa: E402

SETUP = """
import os
import sys
sys.path.insert(0, {bench!r})
from _harness.petitions import load_petitions
counts = load_petitions(int(os.environ["BENCH_CASES"]))
print(f"setup: loaded {{counts}}", flush=True)
"""

MAX_CASE_LIST_MS = 150.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="Board cases (default 1000)")
    ap.add_argument("--repeat", type=int, default=20, help="requests per page (default 20)")
    ap.add_argument("--max-ms", type=float, default=MAX_CASE_LIST_MS)
    ap.add_argument("--profile", default="", help="print the cProfile of this path's requests")
    ap.add_argument("--keep", action="store_true", help="keep the instance directory")
    args = ap.parse_args(argv)

    setup = Path(tempfile.mkstemp(prefix="bench-staff-", suffix=".py")[1])
    setup.write_text(SETUP.format(bench=str(Path(__file__).resolve().parent)))
    instance = Instance("staff", keep=args.keep, extra_env={"BENCH_EXTRA_SETUP": str(setup),
                                                             "BENCH_CASES": str(args.n)})
    try:
        started = time.monotonic()
        instance.prepare(demo=True, timeout=3600)
        log(f"demo data and {args.n} cases loaded ({instance.dialect}) in {time.monotonic() - started:.1f} s")
        return _measure(instance, args)
    finally:
        setup.unlink(missing_ok=True)
        instance.cleanup()


def _measure(instance: Instance, args) -> int:
    from sqlalchemy import event, func, select

    from moderation.cases.models import Case
    from portal.accounts import services as accounts
    from portal.extensions import db
    from public_docs.disclosures.models import Disclosure

    app = instance.app()
    app.config["PAGE_CACHE_SECONDS"] = 0
    # Full renders (the cost of a miss): no kept blocks (portal/fragments.py; bench/pages.py measures them).
    app.extensions.pop("page_fragments", None)

    @app.get("/bench-bare")
    def bare():
        return "ok"

    with app.app_context():
        cases = db.session.scalar(select(func.count(Case.id)))
        staff = accounts.create_user("bench-staff@test.phuong.vn", ["admin", "moderator", "board_head", "board_member"],
                                     "Str0ng-Passw0rd!", name="Bench")
        db.session.commit()
        staff_id = staff.get_id()
        detail = db.session.scalar(select(func.min(Disclosure.id)).where(Disclosure.status == "published"))
    log(f"cases in the database: {cases}")
    staff_client = app.test_client()
    with staff_client.session_transaction() as s:
        s["_user_id"] = staff_id
        s["_fresh"] = True
    visitor = app.test_client()
    visitor.set_cookie("lang", "vi")  # a visitor with a cookie: rendered afresh

    pages = [
        ("bare", visitor, "/bench-bare"),
        ("home", visitor, "/"),
        ("list", visitor, "/cong-khai"),
        ("detail", visitor, f"/cong-khai/{detail}"),
        ("search", visitor, "/tim-kiem?q=ng%C3%A2n+s%C3%A1ch"),
        ("petitions", visitor, "/kien-nghi"),
        ("statistics", visitor, "/thong-ke"),
        ("case_list", staff_client, "/can-bo/ban/"),
        ("case_list_all", staff_client, "/can-bo/ban/?tab=all"),
        ("queue", staff_client, "/can-bo/kiem-duyet/"),
        ("reports", staff_client, "/can-bo/bao-cao/"),
    ]
    statements: list[str] = []

    def count(*_a):
        statements.append("")

    failures = []
    times: dict[str, list[float]] = {}  # CPU ms
    walls: dict[str, list[float]] = {}
    queries: dict[str, int] = {}
    profile = cProfile.Profile() if args.profile else None
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", count)
    for name, client, path in pages:
        for _ in range(3):  # warm up: templates compiled, searcher opened
            r = client.get(path)
        if r.status_code != 200:
            failures.append(f"{name}: {path} answered {r.status_code}")
        statements.clear()
        client.get(path)
        queries[name] = len(statements)
        times[name], walls[name] = [], []
        for _ in range(args.repeat):
            prof = profile if profile is not None and path == args.profile else None
            w0, t0 = time.perf_counter(), time.process_time()
            if prof is not None:
                prof.enable()
            client.get(path)
            if prof is not None:
                prof.disable()
            times[name].append((time.process_time() - t0) * 1000)
            walls[name].append((time.perf_counter() - w0) * 1000)
    med = {n: statistics.median(v) for n, v in times.items()}
    wall = {n: statistics.median(v) for n, v in walls.items()}
    log(f"\n{'page':<15} {'CPU median ms':>14} {'p95':>8} {'wall median ms':>15} {'statements':>11} {'x bare':>8}")
    for name, values in times.items():
        log(f"{name:<15} {med[name]:>14.2f} {pct(values, 95):>8.2f} {wall[name]:>15.2f} {queries[name]:>11} "
            f"{med[name] / max(med['bare'], 0.001):>8.1f}")
    if profile is not None:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
        log(out.getvalue())
    case_ms = max(med["case_list"], med["case_list_all"])
    if case_ms >= args.max_ms:
        failures.append(f"Board case list {case_ms:.1f} ms CPU with {cases} cases (target < {args.max_ms:.0f} ms)")
    for f in failures:
        log("FAIL:", f)
    log(result_line(
        cases=cases, db=instance.dialect, repeat=args.repeat,
        **{f"{n}_cpu_ms": round(med[n], 2) for n in med},
        **{f"{n}_wall_ms": round(wall[n], 2) for n in wall},
        **{f"{n}_statements": queries[n] for n in queries},
        ok=int(not failures),
    ))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
