"""Pages: throughput of the home, list, detail and search pages under gunicorn, against a bare Flask
route (``/bench-bare`` in ``bench/bare_app.py``) served the same way (same workers, threads and
clients) in the same run; and the bytes each page costs a visitor (HTML + CSS + JS + images/fonts
it references).

    .venv/bin/python bench/pages.py                     # 50 clients, 60 s in all
    .venv/bin/python bench/pages.py --seconds 5 --clients 4

Targets: detail >= 40 % and search >= 20 % of the bare route's requests/s as served to visitors
without a cookie (through the page cache, ``portal/pagecache.py``); every page rendered afresh
(requests carrying a cookie skip the page cache: the page's own blocks and the layout's header and
footer may come from ``portal/fragments.py``, the layout is rendered for each request) >= 25 %. Home
<= 60 KB (60 000 bytes) with its CSS and JS. The targets are measured in rounds (bare, home, list,
detail, search, their fresh renders, then again) so that a passing load on the shared machine hits
every page alike; the share is the median over the rounds. Before each measurement the page cache
(or, for the fresh renders, the kept blocks) is filled (steady state); the share of answers that
came from it is printed. Exits 1 when a target is missed. Rate limits are off.
"""
from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import (  # noqa: E402 - after the sys.path insert above
    Client,
    Instance,
    Server,
    Stats,
    discover,
    log,
    pct,
    result_line,
    run_clients,
    search_path,
)

PAGES = ["home", "list", "detail", "search"]
HOME_MAX_BYTES = 60_000
MAX_REQUESTS_PER_CLIENT = 200_000

ASSET_RES = [
    re.compile(r'<link\b[^>]*\brel="(?:stylesheet|icon|preload|shortcut icon)"[^>]*\bhref="([^"]+)"'),
    re.compile(r'<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|icon|preload|shortcut icon)"'),
    re.compile(r'<script\b[^>]*\bsrc="([^"]+)"'),
    re.compile(r'<img\b[^>]*\bsrc="([^"]+)"'),
]
CSS_URL_RE = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def page_bytes(port: int, path: str) -> dict:
    """Bytes of the page and of every asset it references (once each), uncompressed and gzipped."""
    c = Client(port)
    sizes = {"html": 0, "css": 0, "js": 0, "other": 0}
    gz = 0
    r = c.get(path)
    if r.status != 200:
        c.close()
        return {"status": r.status, "total": 0, **sizes, "gzip": 0, "assets": []}
    sizes["html"] = len(r.body)
    gz += len(gzip.compress(r.body))
    queue = []
    for rx in ASSET_RES:
        queue += [urljoin(path, u.replace("&amp;", "&")) for u in rx.findall(r.text)]
    seen, assets = set(), []
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.scheme == "data" or url.startswith("data:") or (parts.netloc and parts.hostname != "127.0.0.1"):
            continue
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if local in seen:
            continue
        seen.add(local)
        a = c.get(local)
        if a.status != 200:
            assets.append((local, a.status, 0))
            continue
        ctype = a.headers.get("content-type", "")
        kind = "css" if "css" in ctype else "js" if "javascript" in ctype else "other"
        sizes[kind] += len(a.body)
        gz += len(gzip.compress(a.body))
        assets.append((local, a.status, len(a.body)))
        if kind == "css":
            queue += [urljoin(local, u) for u in CSS_URL_RE.findall(a.text)]
    c.close()
    return {"status": 200, "total": sum(sizes.values()), **sizes, "gzip": gz, "assets": assets}


def measure(port: int, paths: list[str], clients: int, seconds: float, cookie: bool = False) -> tuple[float, Stats]:
    """Requests/s of 200 answers for ``paths`` (taken in turn) with ``clients`` clients; with
    ``cookie`` every request carries a (meaningless) cookie, which bypasses the page cache."""
    stats = Stats()

    def body(i: int, keep_going) -> None:
        c = Client(port, keep_cookies=False)  # many visitors, one after the other
        if cookie:
            c.cookies["bench"] = "1"
        k = i
        for _ in range(MAX_REQUESTS_PER_CLIENT):
            if not keep_going():
                break
            r = c.get(paths[k % len(paths)])
            k += 1
            stats.add("page", r)
        c.close()

    stats.started = time.monotonic()
    run_clients(clients, seconds, body)
    stats.finished = time.monotonic()
    return stats.count("page", lambda s: s == 200) / stats.duration, stats


def fill_cache(port: int, paths: list[str], clients: int, max_seconds: float = 20, cookie: bool = False) -> float:
    """Ask for every path in passes until 90 % of a pass comes from the page cache (every worker
    has its own) or ``max_seconds`` are over; returns the last pass's share of cached answers.
    With ``cookie``: requests carry a cookie, and the share is that of pages built from kept blocks."""
    deadline = time.monotonic() + max_seconds
    share = 0.0
    for _ in range(50):  # bounded
        if time.monotonic() >= deadline:
            break
        stats = Stats()

        def body(i: int, keep_going, stats=stats) -> None:
            c = Client(port, keep_cookies=False)
            if cookie:
                c.cookies["bench"] = "1"
            for path in paths[i::clients]:
                if not keep_going():
                    break
                stats.add("page", c.get(path))
            c.close()

        run_clients(clients, max(deadline - time.monotonic(), 0.1), body)
        share = (stats.block_hits if cookie else stats.cache_hits)["page"] / max(stats.count("page"), 1)
        if share >= 0.9:
            break
    return share


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--clients", type=int, default=50)
    p.add_argument("--seconds", type=float, default=60, help="measuring time in all (default 60)")
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--threads", type=int, default=8)
    p.add_argument("--min-detail-share", type=float, default=0.40)
    p.add_argument("--min-search-share", type=float, default=0.20)
    p.add_argument("--min-fresh-share", type=float, default=0.25, help="every page rendered afresh")
    p.add_argument("--home-max-bytes", type=int, default=HOME_MAX_BYTES)
    p.add_argument("--keep", action="store_true")
    args = p.parse_args(argv)

    instance = Instance("pages", keep=args.keep)
    portal = Server(instance, workers=args.workers, threads=args.threads, name="portal")
    bare = Server(instance, app_spec="bare_app:app", workers=args.workers, threads=args.threads,
                  cwd=Path(__file__).resolve().parent, name="bare")
    failures: list[str] = []
    try:
        log(f"pages: {args.clients} clients, {args.seconds:g} s in {args.rounds} rounds, gunicorn "
            f"{args.workers} workers x {args.threads} threads, database {instance.dialect}; rate limits off")
        instance.prepare(demo=True)
        portal.start()
        bare.start()
        site = discover(portal.port, need_petitions=False)
        if not site.detail_ids:
            log("FAIL: no disclosure linked from /cong-khai (is the demo data loaded?)")
            log(result_line(ok=0, reason="site_incomplete"))
            return 2
        targets = {
            "bare": (bare.port, ["/bench-bare"]),
            "home": (portal.port, ["/"]),
            "list": (portal.port, ["/cong-khai"]),
            "detail": (portal.port, [f"/cong-khai/{i}" for i in site.detail_ids]),
            "search": (portal.port, [search_path(q) for q in site.queries]),
        }
        servers = {bare.port: bare, portal.port: portal}
        for n in PAGES:  # the same pages rendered afresh: requests with a cookie skip the page cache
            targets[f"{n}_fresh"] = targets[n]
        # Warm up: templates compiled and searchers opened in every worker.
        for name, (port, paths) in targets.items():
            measure(port, paths, min(args.clients, 8), 1.0, cookie=name.endswith("_fresh"))
        per = args.seconds / (args.rounds * len(targets))
        rps: dict[str, list[float]] = {n: [] for n in targets}
        p50s: dict[str, list[float]] = {n: [] for n in targets}
        hits: dict[str, list[float]] = {n: [] for n in targets}
        cpu: dict[str, list[float]] = {n: [] for n in targets}  # server CPU seconds per 200 answer
        for rnd in range(args.rounds):
            for name, (port, paths) in targets.items():
                fresh = name.endswith("_fresh")
                if name != "bare":  # steady state: the page cache (kept blocks) filled just before
                    fill_cache(port, paths * 2, min(args.clients, 8), cookie=fresh)
                cpu_before = servers[port].cpu_seconds()
                value, st = measure(port, paths, args.clients, per, cookie=fresh)
                ok_answers = max(st.count("page", lambda s: s == 200), 1)
                cpu[name].append((servers[port].cpu_seconds() - cpu_before) / ok_answers)
                rps[name].append(value)
                hit = (st.block_hits if fresh else st.cache_hits)["page"] / max(st.count("page"), 1)
                hits[name].append(hit)
                bad = st.count("page", lambda s: s != 200)
                if bad:
                    failures.append(f"{name}: {bad} answers other than 200 ({dict(st.status['page'])})")
                lat = st.latency["page"]
                p50s[name].append(pct(lat, 50))
                log(f"round {rnd + 1} {name:<13} {value:8.1f} req/s  p50 {pct(lat, 50) * 1000:6.1f} ms  "
                    f"p95 {pct(lat, 95) * 1000:6.1f} ms  server CPU {cpu[name][-1] * 1000:5.2f} ms/request  "
                    f"from the {'kept blocks' if fresh else 'page cache'} {hit * 100:5.1f} %")
        sizes = {name: page_bytes(portal.port, targets[name][1][0]) for name in PAGES}
        probe = Client(portal.port)
        with_cookie = []
        for path in targets["detail"][1]:  # pages that start a session for anyone: never cached
            r = probe.get(path)
            probe.cookies.clear()
            if "set-cookie" in r.headers:
                with_cookie.append(path)
        probe.close()
    finally:
        portal.stop()
        bare.stop()
    med = {n: statistics.median(v) for n, v in rps.items()}
    share = {n: (med[n] / med["bare"] if med["bare"] else 0.0) for n in med}
    p50 = {n: statistics.median(v) for n, v in p50s.items()}
    cpu_ms = {n: statistics.median(v) * 1000 for n, v in cpu.items()}
    log("\nas served to visitors without a cookie (page cache), and rendered afresh (with a cookie: the "
        "layout rendered around the kept blocks, header and footer):")
    log("page      req/s (median)   share of bare   fresh req/s  fresh share  fresh p50   bytes: html    css     js  "
        "other   total  (gzip)")
    log(f"{'bare':<9} {med['bare']:>14.1f} {'100 %':>15}")
    for n in PAGES:
        s = sizes[n]
        log(f"{n:<9} {med[n]:>14.1f} {share[n] * 100:>13.1f} % {med[n + '_fresh']:>12.1f} "
            f"{share[n + '_fresh'] * 100:>10.1f} % {p50[n + '_fresh'] * 1000:>7.1f} ms {s['html']:>14} "
            f"{s['css']:>6} {s['js']:>6} {s['other']:>6} {s['total']:>7}  ({s['gzip']})")
    log("\nserver CPU per answer (gunicorn's processes, ms; what a page costs whatever else the machine runs; "
        "not a target):")
    log(f"{'bare':<9} {cpu_ms['bare']:>6.2f}")
    for n in PAGES:
        log(f"{n:<9} {cpu_ms[n]:>6.2f}  fresh {cpu_ms[n + '_fresh']:>6.2f}  (bare / fresh "
            f"{cpu_ms['bare'] / max(cpu_ms[n + '_fresh'], 1e-9) * 100:5.1f} %)")
    if with_cookie:
        log(f"detail pages that set a cookie for a visitor without one (so never cached): {len(with_cookie)} "
            f"of {len(targets['detail'][1])}: {', '.join(with_cookie[:10])}")
    for n in PAGES:
        for url, status, _size in sizes[n]["assets"]:
            if status != 200:
                failures.append(f"{n}: asset {url} answered {status}")
    if share["detail"] < args.min_detail_share:
        failures.append(f"detail at {share['detail'] * 100:.1f} % of the bare route (target >= "
                        f"{args.min_detail_share * 100:.0f} %)")
    if share["search"] < args.min_search_share:
        failures.append(f"search at {share['search'] * 100:.1f} % of the bare route (target >= "
                        f"{args.min_search_share * 100:.0f} %)")
    for n in PAGES:
        if share[n + "_fresh"] < args.min_fresh_share:
            failures.append(f"{n} rendered afresh at {share[n + '_fresh'] * 100:.1f} % of the bare route "
                            f"(target >= {args.min_fresh_share * 100:.0f} %)")
    if sizes["home"]["total"] > args.home_max_bytes:
        failures.append(f"home costs {sizes['home']['total']} bytes with its assets (target <= "
                        f"{args.home_max_bytes})")
    for n in PAGES:
        if sizes[n]["status"] != 200:
            failures.append(f"{n} answered {sizes[n]['status']}")
    for f in failures:
        log("FAIL:", f)
    instance.cleanup()
    log(result_line(
        clients=args.clients, seconds=args.seconds, db=instance.dialect, rps_bare=med["bare"],
        **{f"rps_{n}": med[n] for n in PAGES},
        **{f"rps_{n}_fresh": med[n + "_fresh"] for n in PAGES},
        **{f"share_{n}_pct": share[n] * 100 for n in PAGES},
        **{f"fresh_share_{n}_pct": share[n + "_fresh"] * 100 for n in PAGES},
        **{f"cache_hits_{n}_pct": statistics.median(hits[n]) * 100 for n in PAGES},
        **{f"fresh_block_hits_{n}_pct": statistics.median(hits[n + "_fresh"]) * 100 for n in PAGES},
        **{f"fresh_p50_{n}_ms": p50[n + "_fresh"] * 1000 for n in PAGES},
        cpu_bare_ms=cpu_ms["bare"], **{f"cpu_{n}_fresh_ms": cpu_ms[n + "_fresh"] for n in PAGES},
        **{f"bytes_{n}": sizes[n]["total"] for n in PAGES},
        ok=int(not failures),
    ))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
