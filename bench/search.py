"""Search benchmark: the project's search() against SQLite FTS5 on the same synthetic corpus.

    .venv/bin/python bench/search.py            # N = 10,000
    .venv/bin/python bench/search.py --n 50000

Generates N published disclosures from a Vietnamese vocabulary (common real syllables and
administrative phrases at the top of a Zipf distribution, then phonotactically valid syllables;
≥ 3,000 distinct), 300–2,000 words each, stores them through the project's models in a SQLite
database, builds the index through the project's rebuild(), and measures side by side with FTS5
(``unicode61 remove_diacritics 2``, bm25): build time, index size, query latency (median / p95) over a
fixed mix of 1–4 word queries (common and rare words, with and without diacritics, document
numbers) through search() with a warm searcher, the resident memory of a separate process holding a
warm searcher, and how long an edit takes to be visible. The last line is machine-readable:

    RESULT n=… p95_ms=… fts5_p95_ms=… ratio_p95=… rss_mb=… build_s=… edit_visible_s=…

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

COMMON = """
của và các có được cho là trong với người những không này đã về theo một để đến năm từ khi tại
ngày công tác phường xã dân ủy ban nhân thực hiện quản lý kế hoạch báo cáo quyết định thông tin
chính sách pháp luật nhà nước cơ quan đơn vị tổ chức cá nhân hộ gia đình đất đai xây dựng dự án
đầu tư ngân sách thu chi phí lệ kinh tế xã hội văn hóa giáo dục y tế an ninh trật tự quốc phòng
giải quyết khiếu nại tố cáo kiến nghị phản ánh tiếp công khai minh bạch dân chủ cơ sở giám sát
cộng đồng đóng góp quỹ tài chính thanh tra kết luận biên bản hồ sơ thủ tục hành đăng ký hộ tịch
khai sinh tử kết hôn chứng thực bản sao cấp giấy phép sửa chữa nâng cấp đường giao thông nông thôn
đô thị chợ trường học trạm điện nước sạch vệ sinh môi trường rác thải thoát lũ lụt thiên tai
phòng chống dịch bệnh tiêm chủng trẻ em phụ nữ người cao tuổi khuyết tật nghèo cận chính trợ cấp
bảo hiểm việc làm lao động đào tạo nghề hỗ trợ vay vốn sản xuất nông nghiệp thủy lợi chăn nuôi
trồng trọt rừng biển đảo tài nguyên khoáng sản quy hoạch sử dụng thu hồi bồi thường tái định cư
giá trị diện tích mét vuông thửa tờ bản đồ địa chính sổ đỏ quyền chủ tịch phó trưởng phòng ban
cán bộ công chức viên chức đảng bộ chi bộ mặt trận tổ quốc đoàn thanh niên hội liên hiệp cựu
chiến binh nông dân tổ dân phố thôn khu vực địa bàn trên dưới trước sau mới cũ tăng giảm hơn
lần thứ số lượng tổng cộng mức tỷ lệ phần trăm đồng triệu tỷ nghìn trăm mười hai ba bốn năm sáu
bảy tám chín quý tháng tuần hạn thời gian kỳ đợt giai đoạn mục tiêu nhiệm vụ giải pháp chỉ tiêu
kết quả đánh giá tổng hợp ý kiến góp tiếp thu giải trình lấy hương ước quy ước nội dung điều
khoản chương mục căn cứ nghị định thông tư luật hiến pháp nghị quyết chỉ thị công văn tờ trình
thông báo hướng dẫn danh sách đối tượng hưởng chế độ lương phụ cấp khen thưởng kỷ luật vi phạm
xử phạt hành chính cưỡng chế thi hành án hòa giải tranh chấp hợp đồng đấu thầu nhà thầu gói
thầu nghiệm thu bàn giao quyết toán dự toán kinh phí nguồn vốn ngân hàng kho bạc thuế phí lệ
""".split()

PHRASES = [
    "ủy ban nhân dân", "hội đồng nhân dân", "mặt trận tổ quốc", "ban thanh tra nhân dân",
    "ban giám sát đầu tư của cộng đồng", "tổ dân phố", "đăng ký thường trú", "giấy chứng nhận quyền sử dụng đất",
    "thu hồi đất", "bồi thường hỗ trợ tái định cư", "kế hoạch sử dụng đất", "dự toán ngân sách",
    "quyết toán ngân sách", "thủ tục hành chính", "bộ phận một cửa", "hộ nghèo", "hộ cận nghèo",
    "trợ cấp xã hội", "bảo hiểm y tế", "phòng cháy chữa cháy", "vệ sinh môi trường", "an toàn giao thông",
    "xây dựng nông thôn mới", "chuyển đổi số", "dịch vụ công trực tuyến", "lấy ý kiến nhân dân",
]

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "ph",
          "qu", "r", "s", "t", "th", "tr", "v", "x"]
OPEN_RHYMES = ["a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia",
               "iu", "oa", "oi", "ôi", "ơi", "ua", "ui", "uy", "ưa", "ưi", "ưu", "uôi", "ươi", "oai", "uya", "yêu", "iêu"]
CLOSED_RHYMES = ["an", "am", "ang", "anh", "ăn", "ăm", "ăng", "ân", "âm", "âng", "en", "em", "eng", "ên", "êm", "ênh",
                 "in", "im", "inh", "on", "om", "ong", "ôn", "ôm", "ông", "ơn", "ơm", "un", "um", "ung", "ưng",
                 "iên", "iêm", "iêng", "uôn", "uông", "ươn", "ương", "oan", "oang", "oanh", "uân", "uyên", "ưn"]
STOP_RHYMES = ["ac", "ach", "at", "ap", "ăc", "ăt", "ăp", "âc", "ât", "âp", "ec", "et", "ep", "êt", "êch", "êp",
               "ic", "ich", "it", "ip", "oc", "ot", "op", "ôc", "ôt", "ôp", "ơt", "ơp", "uc", "ut", "up", "ưc",
               "ưt", "iêc", "iêt", "iêp", "uôc", "uôt", "ươc", "ươt", "ươp", "oat", "oac", "uât", "uyêt"]
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _place_tone(onset: str, rhyme: str, tone: str) -> str:
    from public_docs.search.analysis import normalize
    import unicodedata

    word = onset + rhyme
    if not tone:
        return unicodedata.normalize("NFC", word)
    # put the mark on the first vowel letter after the onset, then let the project's analyzer
    # move it where the traditional rule wants it
    letters = list(unicodedata.normalize("NFD", word))
    for i, ch in enumerate(letters):
        if i >= len(unicodedata.normalize("NFD", onset)) and ch in "aeiouy":
            j = i + 1
            while j < len(letters) and unicodedata.combining(letters[j]):
                j += 1
            letters.insert(j, tone)
            break
    return normalize(unicodedata.normalize("NFC", "".join(letters)))


def vocabulary(rng: random.Random, size: int = 3600) -> list[str]:
    seen: dict[str, None] = {}
    for w in COMMON:
        seen.setdefault(w, None)
    generated = []
    for onset in ONSETS:
        for rhyme in OPEN_RHYMES + CLOSED_RHYMES:
            if onset in ("gh", "ngh", "k") and rhyme[0] not in "ieêy":
                continue
            if onset in ("c", "g", "ng") and rhyme[0] in "ieê":
                continue
            if onset == "qu" and rhyme[0] in "uưoô":
                continue
            for tone in TONES:
                generated.append(_place_tone(onset, rhyme, tone))
        for rhyme in STOP_RHYMES:
            if onset in ("gh", "ngh", "k") and rhyme[0] not in "ieê":
                continue
            if onset in ("c", "g", "ng") and rhyme[0] in "ieê":
                continue
            for tone in ("\u0301", "\u0323"):
                generated.append(_place_tone(onset, rhyme, tone))
    rng.shuffle(generated)
    for w in generated:
        if len(seen) >= size:
            break
        seen.setdefault(w, None)
    return list(seen)


class Corpus:
    def __init__(self, n: int, seed: int = 7):
        self.rng = random.Random(seed)
        self.vocab = vocabulary(self.rng)
        # Zipf (s = 1) over the vocabulary; phrases are drawn like words of middling rank
        weights = [1.0 / (r + 1) for r in range(len(self.vocab))]
        self.cum = list(itertools.accumulate(weights))
        self.n = n

    def words(self, k: int) -> list[str]:
        out = self.rng.choices(self.vocab, cum_weights=self.cum, k=k)
        for _ in range(k // 60):
            out[self.rng.randrange(k)] = self.rng.choice(PHRASES)
        return out

    def documents(self):
        from public_docs.models import CATEGORIES, FORMS

        cats = list(CATEGORIES)
        codes = {"Quyết định": "QĐ", "Kế hoạch": "KH", "Báo cáo": "BC", "Thông báo": "TB", "Tờ trình": "TTr"}
        for i in range(self.n):
            form = self.rng.choice(FORMS)
            body_words = self.words(self.rng.randint(300, 2000))
            sentences, j = [], 0
            while j < len(body_words):
                step = self.rng.randint(8, 25)
                sentences.append(" ".join(body_words[j:j + step]).capitalize() + ".")
                j += step
            yield {
                "number": f"{i + 1}/{codes.get(form, 'UBND')}-UBND",
                "title": " ".join(self.words(self.rng.randint(6, 14))).capitalize(),
                "summary": " ".join(self.words(self.rng.randint(20, 40))).capitalize() + ".",
                "body": " ".join(sentences),
                "category": self.rng.choice(cats),
                "form": form,
                "issuer": self.rng.choice(["UBND phường Hòa An", "UBND quận Cẩm Lệ", "HĐND phường Hòa An"]),
                "issued_on": dt.date(2020, 1, 1) + dt.timedelta(days=self.rng.randrange(2500)),
            }


def query_mix(corpus: Corpus, count: int, seed: int) -> list[tuple[str, str]]:
    """(kind, query) pairs: common / rare words, with / without diacritics, document numbers."""
    from public_docs.search.analysis import fold

    rng = random.Random(seed)
    common, rare = corpus.vocab[:150], corpus.vocab[800:]
    out = []
    for i in range(count):
        kind = ["common", "rare", "mixed", "phrase", "number"][i % 5]
        k = rng.randint(1, 4)
        if kind == "common":
            words = rng.sample(common, k)
        elif kind == "rare":
            words = rng.sample(rare, min(k, 2))
        elif kind == "mixed":
            words = rng.sample(common, max(1, k - 1)) + rng.sample(rare, 1)
        elif kind == "phrase":
            words = rng.choice(PHRASES).split()[:4]
        else:
            n = rng.randint(1, corpus.n)
            q = f"{n}/UBND"  # the variants below cover case and diacritics
            out.append(("number", q))
            continue
        q = " ".join(words)
        if i % 2:
            q, kind = fold(q), kind + "-folded"
        out.append((kind, q))
    return out


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
    from public_docs.models import Disclosure, DisclosureStatus

    docs = []
    with app.app_context():
        db.create_all()
        t = time.perf_counter()
        now = dt.datetime.now(dt.timezone.utc)
        batch = []
        words_total = 0
        for i, doc in enumerate(corpus.documents()):
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
        print(f"corpus stored in SQLite: {time.perf_counter() - t:.1f} s, {words_total / args.n:.0f} body words/doc")

        # --- build ---
        t = time.perf_counter()
        S.rebuild()
        build_s = time.perf_counter() - t
        index_bytes = dir_size(workdir / "index")

    fts_path = workdir / "fts5.db"
    t = time.perf_counter()
    fts = sqlite3.connect(fts_path)
    fts.execute("CREATE VIRTUAL TABLE docs USING fts5(number, title, body, tokenize='unicode61 remove_diacritics 2')")
    fts.executemany("INSERT INTO docs(rowid, number, title, body) VALUES (?, ?, ?, ?)",
                    ((i + 1, n, ti, b) for i, (n, ti, b) in enumerate(docs)))
    fts.commit()
    fts_build_s = time.perf_counter() - t
    fts_bytes = fts_path.stat().st_size
    del docs
    return build_s, index_bytes, fts_build_s, fts_bytes, fts


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
    from public_docs.models import Disclosure, DisclosureStatus, IndexChange

    corpus = Corpus(args.n, args.seed)
    print(f"vocabulary: {len(corpus.vocab)} syllables + {len(PHRASES)} phrases; documents: {args.n}")
    saved = workdir / "build.json"
    if args.reuse and saved.exists():
        figures = json.loads(saved.read_text())
        build_s, index_bytes = figures["build_s"], dir_size(workdir / "index")
        fts_build_s, fts_bytes = figures["fts_build_s"], (workdir / "fts5.db").stat().st_size
        fts = sqlite3.connect(workdir / "fts5.db")
        with app.app_context():
            db.create_all()
        print(f"reusing the corpus and indexes in {workdir} (build figures from that run)")
    else:
        build_s, index_bytes, fts_build_s, fts_bytes, fts = build_all(app, corpus, args, workdir)
        saved.write_text(json.dumps({"build_s": build_s, "fts_build_s": fts_build_s}))

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
    for kind, q in timed:
        tokens = [w for w in __import__("re").findall(r"\w+", q)]
        match = " ".join('"' + w.replace('"', "") + '"' for w in tokens) or '""'
        t, c = time.perf_counter(), time.process_time()
        list(fts.execute("SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 20",
                         (match,)))
        fts.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (match,)).fetchone()
        fts_lat.append((time.perf_counter() - t) * 1000)
        fts_cpu.append((time.process_time() - c) * 1000)
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
          f"rss_mb={rss['rss_mb']:.0f} build_s={build_s:.1f} edit_visible_s={edit_s:.2f} "
          f"median_ms={p50:.1f} fts5_median_ms={f50:.1f} index_mb={index_bytes / 2**20:.0f} "
          f"fts5_mb={fts_bytes / 2**20:.0f} cold_p95_ms={percentile(first, 0.95):.1f} "
          f"cpu_p95_ms={percentile(cpu, 0.95):.1f} fts5_cpu_p95_ms={percentile(fts_cpu, 0.95):.1f} "
          f"load={os.getloadavg()[0]:.1f}")
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    main()
