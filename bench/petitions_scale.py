"""Petitions at scale: the public petition list, its search and the statistics with N approved
petitions (default 5,000, each with its Board case; cases in every state, referrals, responses,
ratings), as served by gunicorn to a visitor who sends a cookie (so the page cache never answers).

    .venv/bin/python bench/petitions_scale.py                   # SQLite, 5,000 petitions
    DATABASE_URL=postgresql+psycopg://…/bench .venv/bin/python bench/petitions_scale.py
    .venv/bin/python bench/petitions_scale.py --n 500 --repeat 3

Measured, each ``--repeat`` times, one request at a time: ``/kien-nghi``, a deep page of it, a
search of two common words, pasted searches of 100 words (``/kien-nghi?q=<100 words>``: random
words, the most frequent words, 100 single letters in 200 characters), and
``/thong-ke``, ``/thong-ke?year=…`` and ``/api/v1/stats``, both computed afresh (the statistics'
content version is replaced before each request, as a new petition would) and from the cache.
Target: every request under ``--max-ms`` (1,000 ms). Prints a table and a ``RESULT`` line; exits
1 when a request is slower or answers anything but 200. Rate limits are off (all requests come from
127.0.0.1).
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import Client, Instance, Server, log, pct, result_line  # noqa: E402 - after the sys.path insert above
from _harness.petitions import query_words  # noqa: E402 - after the sys.path insert above

SETUP = """
import os
import sys
sys.path.insert(0, {bench!r})
from _harness.petitions import load_petitions
import time
started = time.monotonic()
counts = load_petitions(int(os.environ["BENCH_PETITIONS"]))
print(f"setup: loaded {{counts}} in {{time.monotonic() - started:.1f}} s", flush=True)
"""


def _bump_figures(instance: Instance) -> None:
    """Replace the statistics' content version, as any change to a petition does."""
    import secrets

    from sqlalchemy import create_engine, text

    engine = create_engine(instance.database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text("UPDATE content_version SET token = :t WHERE name = 'figures'"),
                         {"t": secrets.token_hex(16)})
    except Exception:  # noqa: BLE001 - an older checkout without the table: nothing is cached
        pass
    engine.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000, help="approved petitions (default 5000)")
    ap.add_argument("--repeat", type=int, default=5, help="requests per page (default 5)")
    ap.add_argument("--max-ms", type=float, default=1000.0, help="slowest request allowed (default 1000 ms)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--keep", action="store_true", help="keep the instance directory")
    args = ap.parse_args()

    setup = Path(tempfile.mkstemp(prefix="bench-petitions-", suffix=".py")[1])
    setup.write_text(SETUP.format(bench=str(Path(__file__).resolve().parent)))
    instance = Instance("petitions", keep=args.keep, extra_env={
        "BENCH_EXTRA_SETUP": str(setup), "BENCH_PETITIONS": str(args.n), "PAGE_CACHE_SECONDS": "0"})
    server = None
    try:
        started = time.monotonic()
        instance.prepare(demo=False, timeout=3600)
        log(f"{args.n} approved petitions loaded ({instance.dialect}) in {time.monotonic() - started:.1f} s")
        server = Server(instance, workers=args.workers, threads=args.threads)
        server.start()
        client = Client(server.port, timeout=300)
        client.cookies["lang"] = "vi"  # "any Cookie header": the page cache never answers
        words = query_words(100)
        year = time.localtime().tm_year
        pages = [
            ("list", "/kien-nghi", False),
            ("list_p100", "/kien-nghi?page=100", False),
            ("search_2w", "/kien-nghi?" + urlencode({"q": "đường nước", "page": 2}), False),
            ("search_100w", "/kien-nghi?" + urlencode({"q": " ".join(words)}), False),
            ("search_100w_common", "/kien-nghi?" + urlencode({"q": " ".join(query_words(100, kind="common"))}), False),
            ("search_100_letters", "/kien-nghi?" + urlencode({"q": " ".join(query_words(100, kind="letters"))}), False),
            ("stats_fresh", "/thong-ke", True),
            ("stats_year_fresh", f"/thong-ke?year={year}", True),
            ("api_stats_fresh", "/api/v1/stats", True),
            ("stats_cached", "/thong-ke", False),
            ("api_stats_cached", "/api/v1/stats", False),
        ]
        listed = client.get("/kien-nghi")
        match = re.search(r"<strong>(\d+)</strong>", listed.text)
        public = int(match.group(1)) if match else 0
        api = client.get("/api/v1/stats").json() if listed.status == 200 else {}
        received = (api or {}).get("totals", {}).get("received", 0)
        log(f"public petitions listed: {public}; received (statistics): {received}")
        if received != args.n or not 0.8 * args.n <= public <= args.n:
            log("the data set is not what was asked for")
            return 2
        for _name, path, _fresh in pages:  # first-request work of each worker (imports, templates)
            for _ in range(args.workers * 2):
                client.get(path)
        times: dict[str, list[float]] = {}
        failures = []
        for name, path, fresh in pages:
            times[name] = []
            for _ in range(args.repeat):
                if fresh:
                    _bump_figures(instance)
                r = client.get(path)
                times[name].append(r.elapsed * 1000)
                if r.status != 200:
                    failures.append(f"{name}: {r.status} {r.text[:200]}")
        log(f"\n{'page':<20} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
        for name, values in times.items():
            log(f"{name:<20} {statistics.median(values):>10.1f} {pct(values, 95):>8.1f} {max(values):>8.1f}")
        slowest = max(max(v) for v in times.values())
        for f in failures:
            log("  " + f)
        ok = slowest <= args.max_ms and not failures
        log(f"\ntarget: every request <= {args.max_ms:.0f} ms: {'met' if ok else 'MISSED'} "
            f"(slowest {slowest:.0f} ms, errors {len(failures)})")
        figures = {f"{name}_ms": round(max(v), 1) for name, v in times.items()}
        log(result_line(n=args.n, db=instance.dialect, max_ms=round(slowest, 1), errors=len(failures), **figures,
                        target="met" if ok else "missed"))
        return 0 if ok else 1
    finally:
        if server is not None:
            server.stop()
        instance.cleanup()
        setup.unlink(missing_ok=True)
        os.environ.pop("BENCH_PETITIONS", None)


if __name__ == "__main__":
    sys.exit(main())
