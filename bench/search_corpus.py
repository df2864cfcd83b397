"""The search benchmark's synthetic corpus: a Vietnamese vocabulary (common real syllables and
administrative phrases at the top of a Zipf distribution, then phonotactically valid syllables),
the disclosures built from it and the fixed query mix. Used by ``bench/search.py``."""
from __future__ import annotations

import datetime as dt
import itertools
import random

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
