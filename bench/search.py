"""Search benchmark: the project's search() against SQLite FTS5 on the same synthetic corpus.

    .venv/bin/python bench/search.py            # N = 10,000
    .venv/bin/python bench/search.py --n 50000

Generates N published disclosures from a vocabulary of real Vietnamese syllables under a Zipf
distribution (``bench/vi_vocabulary.py``: frequent syllables of ward documents and administrative
phrases at the top, then hand-written real words; ≥ 3,000 distinct), 300–2,000 words each, stores
them through the project's models in a SQLite database, builds the index through the project's
rebuild(), and measures side by side with FTS5 (``unicode61 remove_diacritics 2``, bm25): build
time, index size, query latency (median / p95) over a fixed mix of 1–4 word queries (common and rare
words, with and without diacritics, document numbers) through search() with a warm searcher, the
resident memory of a separate process holding a warm searcher, and how long an edit takes to be
visible; then relevance (``bench/search_relevance.py``): 60+ queries as people type them
(abbreviations, everyday words, whole questions, typos, numbers said aloud) over planted documents
and the corpus, hit@1 / hit@3 / MRR of the project next to FTS5's. The last line is
machine-readable:

    RESULT n=… p95_ms=… fts5_p95_ms=… ratio_p95=… rss_mb=… build_s=… edit_visible_s=… hit1=… hit3=… mrr=…

The warm-up pass and the timed pass use two different query sets drawn from the same mix, so cached
posting lists help only as much as real traffic would (common words recur, rare ones do not).
"""
from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import search_relevance as relevance  # noqa: E402 - after the sys.path insert above
from search_corpus import PHRASES, Corpus, query_mix  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    k = (len(values) - 1) * p
    f, c = int(k), min(int(k) + 1, len(values) - 1)
    return values[f] + (values[c] - values[f]) * (k - f)


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def make_app(workdir: Path):
    from portal import create_app

    return create_app({
        "TESTING": False, "SECRET_KEY": "bench",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.db'}",
        "SEARCH_INDEX_DIR": str(workdir / "index"), "UPLOAD_DIR": str(workdir / "files"),
        "MAIL_DIR": str(workdir / "mail"), "RATELIMIT_ENABLED": False,
    })


def rss_child(workdir: str, queries_file: str) -> None:
    """A fresh process: open the warm searcher, run the queries, report resident memory."""
    app = make_app(Path(workdir))
    from public_docs.search import search

    queries = json.loads(Path(queries_file).read_text())
    with app.app_context():
        for _kind, q in queries:
            search(q)
    status = Path("/proc/self/status").read_text()
    rss_kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
    hwm_kb = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
    print(json.dumps({"rss_mb": rss_kb / 1024, "hwm_mb": hwm_kb / 1024}))


def build_all(app, corpus, args, workdir):
    from portal.extensions import db
    from public_docs import search as S
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    docs = []
    with app.app_context():
        db.create_all()
        from public_docs.search.thesaurus import seed_thesaurus

        seed_thesaurus()  # the shipped thesaurus, as `flask seed` installs it
        db.session.commit()
        t = time.perf_counter()
        now = dt.datetime.now(dt.UTC)
        batch = []
        words_total = 0
        planted: list[dict] = []

        def planted_after_corpus():  # drawn after the corpus (which stays as it was): ids n + 1, n + 2...
            planted.extend(relevance.planted_documents(corpus, args.n + 1))
            yield from planted

        for doc in itertools.chain(corpus.documents(), planted_after_corpus()):
            words_total += doc["body"].count(" ") + 1
            docs.append((doc["number"], doc["title"], doc["summary"] + "\n" + doc["body"]))
            batch.append(Disclosure(
                number=doc["number"], title=doc["title"], summary=doc["summary"], body_source=doc["body"],
                body_html="<p>" + doc["body"] + "</p>", category=doc["category"], form=doc["form"],
                issuer=doc["issuer"], issued_on=doc["issued_on"], status=DisclosureStatus.published,
                published_at=now, version_no=1,
            ))
            if len(batch) == 1000:
                db.session.add_all(batch)
                db.session.commit()
                db.session.expunge_all()
                batch = []
        db.session.add_all(batch)
        db.session.commit()
        db.session.expunge_all()
        print(f"corpus stored in SQLite: {time.perf_counter() - t:.1f} s, {words_total / args.n:.0f} body words/doc, "
              f"{len(planted)} planted documents for the relevance queries")

        # --- build ---
        t, cpu = time.perf_counter(), os.times()
        S.rebuild()
        build_s = time.perf_counter() - t
        after = os.times()  # this process and the segment writers it forked (and waited for)
        build_cpu_s = sum(after[:4]) - sum(cpu[:4])
        index_bytes = dir_size(workdir / "index")

    fts_path = workdir / "fts5.db"
    t, cpu = time.perf_counter(), time.process_time()
    fts = sqlite3.connect(fts_path)
    fts.execute("CREATE VIRTUAL TABLE docs USING fts5(number, title, body, tokenize='unicode61 remove_diacritics 2')")
    fts.executemany("INSERT INTO docs(rowid, number, title, body) VALUES (?, ?, ?, ?)",
                    ((i + 1, n, ti, b) for i, (n, ti, b) in enumerate(docs)))
    fts.commit()
    fts_build_s = time.perf_counter() - t
    fts_build_cpu_s = time.process_time() - cpu
    fts_bytes = fts_path.stat().st_size
    del docs
    return (build_s, build_cpu_s), index_bytes, (fts_build_s, fts_build_cpu_s), fts_bytes, fts


def _relevance_keys(rel: dict | None) -> str:
    if rel is None:
        return ""
    (p1, p3, pm, n), (f1, f3, fm, _n) = rel["table"]["all"]["project"], rel["table"]["all"]["fts5"]
    return (f" rel_queries={n} hit1={p1:.2f} hit3={p3:.2f} mrr={pm:.2f} "
            f"fts5_hit1={f1:.2f} fts5_hit3={f3:.2f} fts5_mrr={fm:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="work in this directory and keep it")
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep: reuse the corpus, index and FTS5 table built by an earlier run there "
                         "(its build figures are reported again) and measure queries only")
    ap.add_argument("--rss-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.rss_child:
        rss_child(*args.rss_child)
        return

    workdir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-search-"))
    workdir.mkdir(parents=True, exist_ok=True)
    app = make_app(workdir)
    from portal.extensions import db
    from public_docs import search as S
    from public_docs.disclosures.models import Disclosure, IndexChange

    corpus = Corpus(args.n, args.seed)
    print(f"vocabulary: {len(corpus.vocab)} syllables + {len(PHRASES)} phrases; documents: {args.n}")
    saved = workdir / "build.json"
    if args.reuse and saved.exists():
        figures = json.loads(saved.read_text())
        build_s, index_bytes = figures["build_s"], dir_size(workdir / "index")
        fts_build_s, fts_bytes = figures["fts_build_s"], (workdir / "fts5.db").stat().st_size
        build_cpu_s, fts_build_cpu_s = figures.get("build_cpu_s", 0.0), figures.get("fts_build_cpu_s", 0.0)
        fts = sqlite3.connect(workdir / "fts5.db")
        with app.app_context():
            db.create_all()
        print(f"reusing the corpus and indexes in {workdir} (build figures from that run)")
    else:
        (build_s, build_cpu_s), index_bytes, (fts_build_s, fts_build_cpu_s), fts_bytes, fts = build_all(
            app, corpus, args, workdir)
        saved.write_text(json.dumps({"build_s": build_s, "fts_build_s": fts_build_s, "build_cpu_s": build_cpu_s,
                                     "fts_build_cpu_s": fts_build_cpu_s}))

    warm = query_mix(corpus, args.queries, seed=args.seed + 1)
    timed = query_mix(corpus, args.queries, seed=args.seed + 2)
    variants = []
    for kind, q in timed:  # document numbers typed three ways
        if kind == "number":
            num = q.split("/")[0]
            with app.app_context():
                real = db.session.scalar(db.select(Disclosure.number).where(Disclosure.id == int(num)))
            q = random.Random(num).choice([real, real.lower(), S.fold(real).upper()])
        variants.append((kind, q))
    timed = variants

    with app.app_context():
        t = time.perf_counter()
        S.search("khởi động")
        open_s = time.perf_counter() - t
        first, lat, totals = [], {}, []
        for _kind, q in warm:
            t = time.perf_counter()
            S.search(q)
            first.append((time.perf_counter() - t) * 1000)
        cpu = []
        for kind, q in timed:
            t, c = time.perf_counter(), time.process_time()
            r = S.search(q)
            lat.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
            totals.append(r.total)
            if kind == "number":
                assert r.hits and r.hits[0].doc_id, q
        all_lat = [v for vs in lat.values() for v in vs]

    fts_lat, fts_cpu = [], []
    for _kind, q in timed:
        tokens = [w for w in __import__("re").findall(r"\w+", q)]
        match = " ".join('"' + w.replace('"', "") + '"' for w in tokens) or '""'
        t, c = time.perf_counter(), time.process_time()
        list(fts.execute("SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20",
                         (match,)))
        fts.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
        fts_lat.append((time.perf_counter() - t) * 1000)
        fts_cpu.append((time.process_time() - c) * 1000)

    # --- relevance: queries as people type them, the document that should come first ---
    rel = None
    with app.app_context():
        rows = db.session.execute(db.select(Disclosure.id, Disclosure.number, Disclosure.title)
                                  .where(Disclosure.id > args.n).order_by(Disclosure.id)).all()
        planted = {key: r.id for key, r in zip(relevance.PLANTED, rows, strict=False)
                   if r.title == relevance.PLANTED[key][1]}
        if len(planted) == len(relevance.PLANTED):
            numbers = db.session.execute(db.select(Disclosure.id, Disclosure.number)
                                         .where(Disclosure.id <= min(args.n, 999))).all()
            cases = [(kind, q, planted[key]) for kind, q, key in relevance.QUERIES]
            cases += relevance.number_queries([tuple(r) for r in numbers], args.seed)
            rel = relevance.measure(cases, lambda q: [h.doc_id for h in S.search(q, per_page=10).hits], fts)
            relevance.print_report(rel)
        else:
            print("relevance: skipped (this corpus was built without the planted documents: run without --reuse)")
    fts.close()

    # --- resident memory of a process holding a warm searcher ---
    qfile = workdir / "queries.json"
    qfile.write_text(json.dumps(warm + timed))
    out = subprocess.run([sys.executable, __file__, "--rss-child", str(workdir), str(qfile)],
                         capture_output=True, text=True, check=True)
    rss = json.loads(out.stdout.strip().splitlines()[-1])

    # --- an edit, applied as the after-request hook does, until search() shows it ---
    with app.app_context():
        d = db.session.get(Disclosure, max(1, args.n // 2))
        marker = f"suaxyz{int(time.time())}"
        d.title = d.title + " " + marker
        db.session.add(IndexChange(doc_id=d.id, op="upsert"))
        db.session.commit()
        t = time.perf_counter()
        S.apply_pending_changes()
        while not S.search(marker).total:
            time.sleep(0.01)
        edit_s = time.perf_counter() - t
        t = time.perf_counter()
        S.search(timed[0][1])
        reopen_s = time.perf_counter() - t

    p50, p95 = statistics.median(all_lat), percentile(all_lat, 0.95)
    f50, f95 = statistics.median(fts_lat), percentile(fts_lat, 0.95)
    print(f"\n{'':28}{'project search':>16}{'SQLite FTS5':>14}{'ratio':>8}")
    print(f"{'build time (s)':28}{build_s:16.1f}{fts_build_s:14.1f}{build_s / fts_build_s:8.1f}")
    print(f"{'build CPU time (s)':28}{build_cpu_s:16.1f}{fts_build_cpu_s:14.1f}"
          f"{build_cpu_s / max(fts_build_cpu_s, 1e-9):8.1f}   (the project's: all processes, on 2 cores)")
    print(f"{'index size (MB)':28}{index_bytes / 2**20:16.1f}{fts_bytes / 2**20:14.1f}{index_bytes / fts_bytes:8.1f}")
    print(f"{'query median (ms)':28}{p50:16.2f}{f50:14.2f}{p50 / f50:8.1f}")
    print(f"{'query p95 (ms)':28}{p95:16.2f}{f95:14.2f}{p95 / f95:8.1f}")
    print(f"{'query CPU time p95 (ms)':28}{percentile(cpu, 0.95):16.2f}{percentile(fts_cpu, 0.95):14.2f}"
          f"{percentile(cpu, 0.95) / max(percentile(fts_cpu, 0.95), 1e-9):8.1f}   "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall-clock includes waiting)")
    print(f"first pass over another query set (cold posting cache): median {statistics.median(first):.1f} ms, "
          f"p95 {percentile(first, 0.95):.1f} ms")
    for kind, vs in sorted(lat.items()):
        print(f"  {kind:16} n={len(vs):3}  median {statistics.median(vs):7.2f} ms  p95 {percentile(vs, 0.95):7.2f} ms")
    print(f"mean hits per query: {statistics.mean(totals):.0f}; opening the searcher: {open_s * 1000:.0f} ms; "
          f"first query after the edit (reopen): {reopen_s * 1000:.0f} ms")
    print(f"resident memory, process with a warm searcher: {rss['rss_mb']:.0f} MB (peak {rss['hwm_mb']:.0f} MB)")
    print(f"edit visible in search after {edit_s:.2f} s")
    print("note: FTS5 does not fold đ → d, so its folded queries find fewer documents.")
    print(f"RESULT n={args.n} p95_ms={p95:.1f} fts5_p95_ms={f95:.1f} ratio_p95={p95 / f95:.1f} "
          f"rss_mb={rss['rss_mb']:.0f} build_s={build_s:.1f} fts5_build_s={fts_build_s:.1f} "
          f"build_ratio={build_s / fts_build_s:.1f} build_cpu_s={build_cpu_s:.1f} "
          f"fts5_build_cpu_s={fts_build_cpu_s:.1f} edit_visible_s={edit_s:.2f} "
          f"median_ms={p50:.1f} fts5_median_ms={f50:.1f} index_mb={index_bytes / 2**20:.0f} "
          f"fts5_mb={fts_bytes / 2**20:.0f} cold_p95_ms={percentile(first, 0.95):.1f} "
          f"cpu_p95_ms={percentile(cpu, 0.95):.1f} fts5_cpu_p95_ms={percentile(fts_cpu, 0.95):.1f} "
          f"load={os.getloadavg()[0]:.1f}" + _relevance_keys(rel))
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    main()
