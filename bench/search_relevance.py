"""The search benchmark's relevance section: queries as residents and officials type them, each with
the one document that should come first, run through the project's search() and through SQLite FTS5.

Planted documents (``PLANTED``) are added to the synthetic corpus, each written the official way
(bồi thường, giải phóng mặt bằng, tiếp công dân, mầm non, người có công...) and padded with corpus
words like the others; the queries (``QUERIES``) use abbreviations (KT-XH, NSNN, GPMB...), everyday
words (đền bù, mẫu giáo, tiếp dân...), whole questions, typos, plain words, and numbers as people say
them ("quyết định 130", "QĐ 112"), the last ones aimed at synthetic documents of that form and
number. Nothing here knows how the engine answers: a query scores by the rank of its document among
the first ten (hit@1, hit@3, MRR).
"""
from __future__ import annotations

import random
import re

# key → (form, title, summary, body): official wording only; the queries use other words
PLANTED: dict[str, tuple[str, str, str, str]] = {
    "ktxh": ("Báo cáo", "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội cả năm",
             "Kết quả phát triển kinh tế - xã hội, quốc phòng, an ninh và nhiệm vụ năm tới.",
             "Tình hình kinh tế - xã hội trên địa bàn phường tiếp tục phát triển. Tổng giá trị sản xuất tăng, "
             "thương mại dịch vụ chiếm tỷ trọng lớn. Các chỉ tiêu kinh tế - xã hội chủ yếu đều đạt và vượt."),
    "nsnn": ("Quyết định", "Công khai dự toán ngân sách nhà nước phường năm tới",
             "Công bố công khai số liệu dự toán thu, chi ngân sách nhà nước của phường.",
             "Dự toán thu ngân sách nhà nước trên địa bàn và dự toán chi ngân sách phường được Hội đồng "
             "nhân dân phường quyết định. Biểu mẫu công khai dự toán ngân sách kèm theo."),
    "cchc": ("Kế hoạch", "Kế hoạch cải cách hành chính của phường",
             "Nhiệm vụ cải cách thể chế, thủ tục, tổ chức bộ máy, công vụ và chính quyền số.",
             "Đẩy mạnh cải cách hành chính, nâng cao chỉ số hài lòng của người dân. Kiểm tra công tác cải "
             "cách hành chính tại bộ phận tiếp nhận và trả kết quả."),
    "pctt": ("Kế hoạch", "Phương án phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa",
             "Phân công lực lượng ứng phó thiên tai, sơ tán dân khỏi vùng trũng thấp.",
             "Ban chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn phường trực ban hai mươi bốn giờ. Khi có "
             "mưa lớn, ngập sâu, các tổ dân phố báo ngay về ban chỉ huy để sơ tán người và tài sản."),
    "gpmb": ("Quyết định", "Phê duyệt phương án bồi thường, hỗ trợ và giải phóng mặt bằng dự án mở rộng "
             "đường Trần Văn Trà", "Bồi thường về đất, nhà, vật kiến trúc và cây cối khi Nhà nước thu hồi đất.",
             "Hộ gia đình bị thu hồi đất được bồi thường theo giá đất cụ thể, hỗ trợ ổn định đời sống. Tiền "
             "bồi thường được chi trả trong ba mươi ngày kể từ ngày phương án được phê duyệt."),
    "tdc": ("Thông báo", "Bố trí đất ở tái định cư tại khu tái định cư Hòa Châu",
            "Danh sách hộ đủ điều kiện bố trí tái định cư và lịch bốc thăm lô đất.",
            "Các hộ đủ điều kiện tái định cư có mặt tại hội trường phường để bốc thăm vị trí lô đất tái "
            "định cư. Giá đất tái định cư theo quyết định của thành phố."),
    "bhyt": ("Thông báo", "Mức đóng bảo hiểm y tế hộ gia đình năm tới",
             "Mức đóng, giảm trừ từ người thứ hai và nơi thu bảo hiểm y tế hộ gia đình.",
             "Người tham gia bảo hiểm y tế theo hộ gia đình đóng theo mức lương cơ sở; từ người thứ hai "
             "giảm dần. Thẻ bảo hiểm y tế có giá trị khám chữa bệnh tại trạm y tế phường."),
    "cccd": ("Thông báo", "Lịch cấp căn cước công dân lưu động tại các tổ dân phố",
             "Công an phường thu nhận hồ sơ cấp căn cước cho người dân tại nhà văn hóa.",
             "Người dân từ đủ mười bốn tuổi mang theo sổ hộ khẩu cũ đến làm thủ tục cấp căn cước công dân "
             "gắn chip. Người cao tuổi, người khuyết tật được thu nhận tại nhà."),
    "tthc": ("Quyết định", "Danh mục thủ tục hành chính tiếp nhận tại Bộ phận một cửa phường",
             "Thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân phường.",
             "Danh mục gồm các thủ tục hành chính lĩnh vực hộ tịch, chứng thực, đất đai, bảo trợ xã hội. "
             "Hồ sơ thủ tục hành chính được tiếp nhận trực tiếp hoặc qua dịch vụ công trực tuyến."),
    "mttq": ("Báo cáo", "Báo cáo của Ban Thường trực Ủy ban Mặt trận Tổ quốc phường về giám sát",
             "Kết quả giám sát và phản biện xã hội của Mặt trận Tổ quốc phường.",
             "Ủy ban Mặt trận Tổ quốc phường phối hợp các đoàn thể giám sát việc thực hiện chính sách tại "
             "khu dân cư; tổng hợp ý kiến, kiến nghị của cử tri gửi chính quyền."),
    "qsdd": ("Hướng dẫn", "Hướng dẫn cấp giấy chứng nhận quyền sử dụng đất lần đầu",
             "Hồ sơ, trình tự cấp giấy chứng nhận quyền sử dụng đất cho hộ gia đình, cá nhân.",
             "Người sử dụng đất nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở "
             "tại bộ phận một cửa. Thời hạn giải quyết không quá mười lăm ngày làm việc."),
    "mamnon": ("Kế hoạch", "Kế hoạch tuyển sinh vào trường mầm non năm học mới",
               "Chỉ tiêu tuyển sinh nhà trẻ, lớp mầm non và hồ sơ nhập học.",
               "Trẻ từ mười tám tháng đến năm tuổi cư trú trên địa bàn được tuyển vào các trường mầm non công "
               "lập. Hỗ trợ chi phí học tập cho trẻ mầm non thuộc hộ nghèo."),
    "tiepdan": ("Thông báo", "Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân phường",
                "Chủ tịch Ủy ban nhân dân phường tiếp công dân vào thứ năm hằng tuần.",
                "Công dân đến trụ sở Ủy ban nhân dân phường để được tiếp, trình bày khiếu nại, tố cáo, kiến "
                "nghị, phản ánh. Ngoài lịch định kỳ, tiếp công dân đột xuất khi cần."),
    "khaisinh": ("Hướng dẫn", "Hướng dẫn thủ tục đăng ký khai sinh cho trẻ em",
                 "Hồ sơ và thời hạn đăng ký khai sinh tại Ủy ban nhân dân phường.",
                 "Cha, mẹ có trách nhiệm đăng ký khai sinh cho trẻ trong sáu mươi ngày kể từ ngày sinh. Hồ sơ "
                 "gồm tờ khai và giấy chứng sinh. Có thể đăng ký khai sinh trực tuyến."),
    "nguoicocong": ("Quyết định", "Tặng quà người có công với cách mạng nhân ngày hai bảy tháng bảy",
                    "Danh sách người có công với cách mạng và thân nhân được tặng quà.",
                    "Thăm hỏi, tặng quà các gia đình người có công với cách mạng, thân nhân liệt sĩ, bệnh binh "
                    "trên địa bàn phường. Kinh phí từ quỹ đền ơn đáp nghĩa."),
    "ngo243": ("Kế hoạch", "Kế hoạch nâng cấp mặt đường ngõ 243 Tôn Đản",
               "Thảm lại mặt đường, làm mới rãnh thoát nước ngõ 243 Tôn Đản.",
               "Mặt đường ngõ 243 hư hỏng, đọng nước khi mưa. Phường thi công thảm lại mặt đường bê tông, "
               "làm mới rãnh thoát nước, hoàn thành trước mùa mưa."),
    "ngo12": ("Báo cáo", "Dự toán kinh phí bê tông hóa ngõ 12 tổ dân phố 7",
              "Tổng kinh phí, phần Nhà nước hỗ trợ và phần Nhân dân đóng góp.",
              "Tổng dự toán bê tông hóa ngõ 12 là 480 triệu đồng, trong đó ngân sách phường hỗ trợ 60%, Nhân "
              "dân đóng góp 40% theo số mét mặt tiền của từng hộ."),
    "tamtru": ("Hướng dẫn", "Thủ tục đăng ký tạm trú tại Công an phường",
               "Hồ sơ đăng ký tạm trú cho người đến sinh sống, học tập, làm việc.",
               "Người đến sinh sống tại chỗ ở hợp pháp ngoài nơi thường trú từ ba mươi ngày trở lên phải đăng ký "
               "tạm trú tại Công an phường hoặc trên ứng dụng định danh."),
    "tiemchung": ("Thông báo", "Lịch tiêm chủng mở rộng tại trạm y tế phường",
                  "Ngày tiêm chủng định kỳ cho trẻ em dưới một tuổi và phụ nữ có thai.",
                  "Trạm y tế phường tổ chức tiêm chủng mở rộng vào ngày mười lăm hằng tháng. Cha mẹ mang theo "
                  "sổ tiêm chủng của trẻ."),
    "hongheo": ("Quyết định", "Công nhận kết quả rà soát hộ nghèo, hộ cận nghèo",
                "Danh sách hộ nghèo, hộ cận nghèo và chính sách hỗ trợ được hưởng.",
                "Hộ nghèo được cấp thẻ bảo hiểm y tế, vay vốn ưu đãi tại ngân hàng chính sách xã hội, miễn "
                "giảm học phí và hỗ trợ tiền điện hằng tháng."),
    "chinhtrang": ("Kế hoạch", "Kế hoạch chỉnh trang đô thị tuyến đường Cách Mạng Tháng Tám",
                   "Lát lại vỉa hè, trồng cây xanh, chiếu sáng công cộng.",
                   "Chỉnh trang đô thị gồm lát đá vỉa hè, hạ ngầm đường dây, bổ sung đèn chiếu sáng công cộng và "
                   "trồng cây xanh hai bên tuyến đường."),
}

# (kind, query, planted key); "number" queries are made from the corpus (number_queries)
QUERIES: list[tuple[str, str, str]] = [
    ("abbreviation", "KT-XH", "ktxh"), ("abbreviation", "báo cáo KTXH", "ktxh"),
    ("abbreviation", "dự toán NSNN", "nsnn"), ("abbreviation", "kế hoạch CCHC", "cchc"),
    ("abbreviation", "phương án PCTT", "pctt"), ("abbreviation", "GPMB đường Trần Văn Trà", "gpmb"),
    ("abbreviation", "bốc thăm đất TĐC", "tdc"), ("abbreviation", "mức đóng BHYT hộ gia đình", "bhyt"),
    ("abbreviation", "làm CCCD lưu động", "cccd"), ("abbreviation", "danh mục TTHC một cửa", "tthc"),
    ("abbreviation", "MTTQ giám sát", "mttq"), ("abbreviation", "cấp giấy chứng nhận QSDĐ", "qsdd"),
    ("everyday", "đền bù giải tỏa", "gpmb"), ("everyday", "tiền đền bù đường Trần Văn Trà", "gpmb"),
    ("everyday", "tuyển sinh mẫu giáo", "mamnon"), ("everyday", "lịch tiếp dân", "tiepdan"),
    ("everyday", "gặp chủ tịch phường", "tiepdan"), ("everyday", "phòng chống bão lụt", "pctt"),
    ("everyday", "giấy khai sinh", "khaisinh"), ("everyday", "tặng quà thương binh liệt sĩ", "nguoicocong"),
    ("everyday", "làm sổ đỏ lần đầu", "qsdd"), ("everyday", "làm căn cước gắn chip", "cccd"),
    ("everyday", "tiêm phòng cho trẻ", "tiemchung"), ("everyday", "đất tái định cư bốc thăm", "tdc"),
    ("question", "làm giấy khai sinh cho con", "khaisinh"), ("question", "sửa đường ngõ 243", "ngo243"),
    ("question", "làm đường bê tông ngõ 12 hết bao nhiêu tiền", "ngo12"),
    ("question", "đăng ký tạm trú ở đâu", "tamtru"),
    ("question", "thủ tục làm sổ đỏ như thế nào", "qsdd"), ("question", "khi nào được nhận tiền đền bù", "gpmb"),
    ("question", "gặp chủ tịch phường vào ngày nào", "tiepdan"),
    ("question", "con đi học mẫu giáo cần hồ sơ gì", "mamnon"),
    ("question", "nhà bị ngập khi mưa bão thì báo ai", "pctt"),
    ("question", "tiêm chủng cho trẻ ở đâu", "tiemchung"),
    ("question", "hộ nghèo được hỗ trợ những gì", "hongheo"),
    ("question", "bảo hiểm y tế hộ gia đình đóng bao nhiêu", "bhyt"),
    ("typo", "ngan sahc", "nsnn"), ("typo", "tái địnhh cư", "tdc"),
    ("typo", "khai sihn", "khaisinh"), ("typo", "giải phóng mặt bằgn", "gpmb"),
    ("typo", "tiếp côgn dân", "tiepdan"), ("typo", "mầm nnon", "mamnon"),
    ("typo", "thiên taii", "pctt"), ("typo", "căn cuớc", "cccd"),
    ("typo", "bảo hiêm y tế hộ gia đình", "bhyt"), ("typo", "chỉnh trag đô thị", "chinhtrang"),
    ("typo", "hộ nghòe", "hongheo"), ("typo", "cải cahc hành chính", "cchc"),
    ("plain", "lịch tiếp công dân định kỳ", "tiepdan"), ("plain", "đăng ký khai sinh", "khaisinh"),
    ("plain", "chỉnh trang đô thị", "chinhtrang"), ("plain", "rà soát hộ nghèo hộ cận nghèo", "hongheo"),
    ("plain", "người có công với cách mạng", "nguoicocong"), ("plain", "đăng ký tạm trú", "tamtru"),
]
# (form, what people type before the number): "{} {n}"
NUMBER_FORMS = [
    ("Quyết định", "quyết định"), ("Quyết định", "QĐ"), ("Quyết định", "qd {} ubnd"),
    ("Quyết định", "quyết định số"), ("Báo cáo", "báo cáo"), ("Báo cáo", "BC"), ("Kế hoạch", "kế hoạch"),
    ("Kế hoạch", "KH"), ("Thông báo", "thông báo"), ("Thông báo", "TB"), ("Tờ trình", "tờ trình"),
    ("Tờ trình", "TTr"),
]
CODES = {"Quyết định": "QĐ", "Kế hoạch": "KH", "Báo cáo": "BC", "Thông báo": "TB", "Tờ trình": "TTr"}


def planted_documents(corpus, first_id: int) -> list[dict]:
    """The planted documents, as ``Corpus.documents()`` yields them, ids from ``first_id``; each
    body padded with 300 corpus words (drawn with the corpus's generator: deterministic)."""
    import datetime as dt

    out = []
    for k, (key, (form, title, summary, body)) in enumerate(PLANTED.items()):
        padding = " ".join(corpus.words(300)).capitalize() + "."
        out.append({
            "key": key, "number": f"{first_id + k}/{CODES.get(form, 'UBND')}-UBND", "title": title,
            "summary": summary, "body": body + " " + padding, "category": "other", "form": form,
            "issuer": "UBND phường Hòa An", "issued_on": dt.date(2026, 1, 1) + dt.timedelta(days=k),
        })
    return out


def number_queries(rows: list[tuple[int, str]], seed: int) -> list[tuple[str, str, int]]:
    """(kind, query, expected doc id): for each form, corpus documents numbered below 1,000."""
    rng = random.Random(seed)
    by_form: dict[str, list[int]] = {}
    for doc_id, number in rows:
        m = re.match(r"^(\d+)/([^-]+)-", number or "")
        if m and int(m.group(1)) < 1000:
            by_form.setdefault(m.group(2), []).append(doc_id)
    out = []
    for form, typed in NUMBER_FORMS:
        ids = sorted(by_form.get(CODES[form], []))
        if not ids:
            continue
        doc_id = rng.choice(ids)
        n = doc_id  # the corpus numbers document i "i/CODE-UBND"
        out.append(("number", typed.format(n) if "{}" in typed else f"{typed} {n}", doc_id))
    return out


def fts5_ids(fts, query: str, limit: int = 10) -> list[int]:
    """FTS5 as a plain site would use it: every word of the query, bm25 order."""
    tokens = re.findall(r"\w+", query)
    match = " ".join('"' + w.replace('"', "") + '"' for w in tokens) or '""'
    return [r[0] for r in fts.execute(
        "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?", (match, limit))]


def score(ranked: list[int], expected: int) -> float:
    return 1.0 / (ranked.index(expected) + 1) if expected in ranked[:10] else 0.0


def measure(cases: list[tuple[str, str, int]], ours, fts) -> dict:
    """``ours(query) -> [doc ids]``; returns per kind and overall {engine: (hit@1, hit@3, MRR)}."""
    rows = []
    for kind, query, expected in cases:
        a, b = ours(query), fts5_ids(fts, query)
        rows.append((kind, query, expected, score(a, expected), score(b, expected)))
    kinds = sorted({r[0] for r in rows}) + ["all"]
    table = {}
    for kind in kinds:
        sel = [r for r in rows if kind in ("all", r[0])]
        table[kind] = {
            engine: (sum(r[i] == 1.0 for r in sel) / len(sel), sum(r[i] >= 1 / 3 for r in sel) / len(sel),
                     sum(r[i] for r in sel) / len(sel), len(sel))
            for engine, i in (("project", 3), ("fts5", 4))
        }
    return {"table": table, "rows": rows}


def print_report(result: dict) -> None:
    print(f"\nrelevance: {result['table']['all']['project'][3]} queries, the expected document's rank among "
          "the first ten")
    print(f"{'kind':14}{'n':>4}   {'project hit@1 / hit@3 / MRR':>28}   {'FTS5 hit@1 / hit@3 / MRR':>26}")
    for kind, engines in result["table"].items():
        p, f = engines["project"], engines["fts5"]
        print(f"{kind:14}{p[3]:4}   {p[0]:12.2f} {p[1]:7.2f} {p[2]:7.2f}   {f[0]:10.2f} {f[1]:7.2f} {f[2]:7.2f}")
    missed = [r for r in result["rows"] if r[3] < 1 / 3]
    if missed:
        print("not in the project's top three: " + "; ".join(f"{r[1]!r}" for r in missed))
