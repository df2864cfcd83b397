"""The site's content discovered through its pages, and the petitions the clients send."""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

from .clients import Client

DETAIL_RE = re.compile(r'href="(?:https?://[^"/]+)?/cong-khai/(\d+)"')
H1_RE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
TAG_RE = re.compile(r"<[^>]+>")
FALLBACK_QUERIES = ["quy hoạch", "ngân sách", "dự án", "đất đai", "thu chi", "ngan sach", "du an", "phường"]


@dataclass
class Site:
    detail_ids: list[int] = field(default_factory=list)
    queries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    titles: dict[int, str] = field(default_factory=dict)


def _codes(value) -> list[str]:
    out = []
    for item in value or []:
        if isinstance(item, dict):
            code = item.get("code") or item.get("id") or item.get("value")
            if code is not None:
                out.append(str(code))
        elif isinstance(item, (str, int)):
            out.append(str(item))
    return out


def discover(port: int, need_petitions: bool = True) -> Site:
    """Detail ids from the list page, search words from the detail titles, petition options."""
    c = Client(port)
    site = Site()
    ids: list[int] = []
    for path in ("/cong-khai", "/cong-khai?page=2", "/"):
        r = c.get(path)
        if r.status == 200:
            for m in DETAIL_RE.findall(r.text):
                if int(m) not in ids:
                    ids.append(int(m))
    site.detail_ids = ids
    for did in ids[:8]:
        r = c.get(f"/cong-khai/{did}")
        m = H1_RE.search(r.text) if r.status == 200 else None
        if m:
            title = " ".join(TAG_RE.sub(" ", m.group(1)).split())
            site.titles[did] = title
            words = [w for w in re.findall(r"\w+", title) if len(w) > 2 and not w.isdigit()]
            if len(words) >= 2:
                site.queries.append(" ".join(words[:2]))
    site.queries += FALLBACK_QUERIES
    if need_petitions:
        r = c.get("/api/v1/petition-options")
        if r.status == 200:
            data = r.json() or {}
            site.topics = _codes(data.get("topics"))
            site.groups = _codes(data.get("groups") or data.get("residential_groups"))
    c.close()
    return site


# --- petitions --------------------------------------------------------------------------------

GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hùng", "Lan", "Minh", "Nga", "Phúc", "Quang", "Thảo", "Tuấn", "Yến"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Võ", "Đặng"]
PROBLEMS = [
    "Đèn chiếu sáng trên kiệt {n} đường Tôn Đức Thắng bị hỏng nhiều ngày, buổi tối đi lại rất nguy hiểm.",
    "Rác thải sinh hoạt tập kết ở đầu kiệt {n} không được thu gom đúng giờ, gây mùi hôi cho các hộ xung quanh.",
    "Mặt đường bê tông đoạn trước nhà số {n} bị lún, nứt, mùa mưa đọng nước, đề nghị phường sửa chữa.",
    "Đề nghị công khai các khoản đóng góp xây dựng nhà văn hóa tổ dân phố năm nay, số {n}.",
    "Cống thoát nước gần chợ bị tắc, hộ số {n} và các hộ lân cận bị ngập mỗi khi mưa lớn.",
]


def petition_payload(site: Site, client: int, seq: int, rng: random.Random, run_tag: str) -> dict:
    """A valid petition whose title and description identify it (client, sequence, run)."""
    n = rng.randint(1, 250)
    name = f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}"
    payload = {
        "kind": "feedback",
        "topic": rng.choice(site.topics) if site.topics else "other",
        "title": f"Kiến nghị thử tải {run_tag} c{client} số {seq}",
        "description": rng.choice(PROBLEMS).format(n=n) + f" Mã kiểm tra {run_tag}-{client}-{seq}.",
        "name": name,
        "phone": f"09{rng.randint(0, 99999999):08d}",
        "email": f"cu-dan-{run_tag}-{client}-{seq}@example.com".lower(),
        "visibility": rng.choice(["anonymous", "named", "private"]),
        "consent": True,
    }
    if site.groups:
        payload["group"] = rng.choice(site.groups)
    return payload


def search_path(q: str) -> str:
    return "/tim-kiem?" + urlencode({"q": q}, quote_via=quote)
