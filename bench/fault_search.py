"""Fault 2 of ``faults.py``: the search index deleted under load, then rebuilt."""
from __future__ import annotations

import random
import re
import shutil
import threading
import time

from _harness import Client, Instance, Server, Stats, log, run_clients, search_path

LINK_RE = r'href="(?:https?://[^"/]+)?/cong-khai/{id}"'


def search_finds(port: int, query: str, did: int) -> tuple[int, bool]:
    c = Client(port)
    c.cookies["bench"] = "1"  # a cookie: a fresh answer, never the page cache's copy
    r = c.get(search_path(query))
    c.close()
    return r.status, bool(re.search(LINK_RE.format(id=did), r.text))


def search_phase(instance: Instance, server: Server, site, args) -> dict:
    log(f"\n2. Search index deleted under load ({args.clients} clients, {args.seconds:g} s)")
    did, title = next(iter(site.titles.items()))
    words = [w for w in re.findall(r"\w+", title) if len(w) > 2 and not w.isdigit()]
    query = " ".join(words[:3])
    status0, found0 = search_finds(server.port, query, did)
    log(f"   probe: '{query}' -> disclosure {did}: status {status0}, found {found0}")
    phases = {"before": Stats(), "deleted": Stats(), "reindexed": Stats()}
    current = {"phase": "before"}
    paths = {
        "home": ["/"], "list": ["/cong-khai"], "detail": [f"/cong-khai/{i}" for i in site.detail_ids],
        "search": [search_path(q) for q in site.queries],
    }
    names = list(paths)
    timeline: dict[str, float] = {}
    reindex_out: dict[str, str] = {}

    def body(i: int, keep_going) -> None:
        rng = random.Random(100 + i)
        c = Client(server.port)
        c.cookies["bench"] = "1"  # every page rendered afresh: the index is really asked
        for _ in range(100_000):
            if not keep_going():
                break
            ep = rng.choice(names + ["search"])  # search twice as often
            r = c.get(rng.choice(paths[ep]))
            phases[current["phase"]].add(ep, r)
        c.close()

    def saboteur() -> None:
        t0 = time.monotonic()
        time.sleep(args.seconds / 4)
        shutil.rmtree(instance.index_dir, ignore_errors=True)
        current["phase"] = "deleted"
        timeline["deleted_at"] = time.monotonic() - t0
        time.sleep(max(0.0, args.seconds / 2 - (time.monotonic() - t0)))
        t1 = time.monotonic()
        proc = instance.flask("search", "reindex", check=False, timeout=600)
        reindex_out["rc"] = str(proc.returncode)
        reindex_out["out"] = (proc.stdout + proc.stderr).strip()[-300:]
        timeline["reindex_s"] = time.monotonic() - t1
        current["phase"] = "reindexed"

    sab = threading.Thread(target=saboteur, daemon=True)
    sab.start()
    run_clients(args.clients, args.seconds, body)
    sab.join(timeout=600)
    found_after, status_after = False, 0
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # workers reopen their searcher when they see the new index
        status_after, found_after = search_finds(server.port, query, did)
        if found_after:
            break
        time.sleep(0.5)
    for name, st in phases.items():
        st.finished = time.monotonic()
        if st.count():
            st.report(f"   phase '{name}':")
    res = {
        "probe_found_before": found0, "reindex_rc": reindex_out.get("rc", "?"),
        "reindex_s": timeline.get("reindex_s", 0), "found_after_reindex": found_after,
        "errors_5xx": sum(st.count(pred=lambda s: s >= 500) for st in phases.values()),
        "no_answer": sum(st.count(pred=lambda s: s == 0) for st in phases.values()),
        "requests_deleted_phase": phases["deleted"].count(),
        "search_200_deleted_phase": phases["deleted"].count("search", lambda s: s == 200),
    }
    log(f"   index deleted at {timeline.get('deleted_at', 0):.1f} s; reindex exit {res['reindex_rc']} in "
        f"{res['reindex_s']:.1f} s ({reindex_out.get('out', '')[-120:]!r}); probe found after reindex: "
        f"{found_after} (status {status_after}); 5xx {res['errors_5xx']}, no answer {res['no_answer']}")
    return res
