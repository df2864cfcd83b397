"""The demo ward's budget documents, written from their figures (millions of đồng): each table's
total row, the summary and the attachment are computed from the rows, so every stated total is the
sum of its table (``tests/public_docs/test_demo_year.py`` checks the published bodies).

The year told: the 2025 final accounts, the 2026 estimate approved by the People's Council, the
execution reports of the first quarter, the second quarter and the first six months of 2026, the
2025 audit results, and the draft 2027 estimate put out before the Council's session. A record
keeps its figures under ``tables``: [(title, column labels, total label, [(row label, values)])].
"""
from __future__ import annotations

from public_docs.disclosures.demo_data.issuers import HDND, UB

REVENUE = ("Thu thuế ngoài quốc doanh", "Thu phí, lệ phí", "Thu tiền thuê đất, mặt nước", "Thu khác ngân sách",
           "Thu bổ sung cân đối từ ngân sách cấp trên")
SPENDING = ("Chi đầu tư phát triển", "Chi thường xuyên", "Dự phòng ngân sách")

ESTIMATE_2026 = {"revenue": (6_450, 880, 1_120, 1_050, 8_700), "spending": (4_100, 13_750, 350)}
Q1_2026 = {"revenue": (1_520, 210, 260, 238, 2_250), "spending": (480, 3_176, 0)}
Q2_2026 = {"revenue": (1_690, 230, 300, 250, 2_450), "spending": (1_240, 3_470, 0)}
H1_2026 = {k: tuple(a + b for a, b in zip(Q1_2026[k], Q2_2026[k], strict=True)) for k in Q1_2026}
DRAFT_2027 = {"revenue": (7_300, 950, 1_250, 1_100, 9_500), "spending": (4_600, 15_100, 400)}
FINAL_2025 = {"revenue": (6_210, 842, 0, 1_035, 9_395), "spending": (3_880, 12_611, 414)}
FINAL_2025_SPENDING = ("Chi đầu tư phát triển", "Chi thường xuyên", "Chi khác ngân sách")


def vn(n: int) -> str:
    """12345 → '12.345' (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}".replace(".", ",") + "%"


def billions(n: int) -> str:
    """18200 (millions) → '18,2 tỷ đồng'."""
    return f"{n / 1000:.1f}".replace(".", ",") + " tỷ đồng"


def table(title: str, columns: tuple[str, ...], total: str, labels: tuple[str, ...], *series) -> tuple:
    return (title, columns, total, [(label, tuple(s[i] for s in series)) for i, label in enumerate(labels)])


def render(tables: list[tuple]) -> str:
    """Markdown: per table a heading, then the total row (bold) and the rows."""
    out = []
    for title, columns, total, rows in tables:
        sums = [sum(values[i] for _label, values in rows) for i in range(len(columns))]
        out.append(f"## {title}\n\n| Nội dung | " + " | ".join(columns) + " |\n|---|" + "---:|" * len(columns) + "\n")
        out.append(f"| **{total}** | " + " | ".join(f"**{vn(s)}**" for s in sums) + " |\n")
        out.extend(f"| {label} | " + " | ".join(vn(v) for v in values) + " |\n" for label, values in rows)
        out.append("\n")
    return "".join(out)


def _budget(number, kind, year, form, issuer, days_ago, title, summary, tables, quarter=None, **extra) -> dict:
    rec = {"number": number, "category": "budget", "budget_kind": kind, "budget_year": year, "form": form,
           "issuer": issuer, "days_ago": days_ago, "title": title, "summary": summary, "tables": tables,
           "body": extra.pop("intro", "") + render(tables) + extra.pop("outro", ""), **extra}
    if quarter:
        rec["budget_quarter"] = quarter
    return rec


def _sum(series: tuple) -> int:
    return sum(series)


EST_REV, EST_SPEND = _sum(ESTIMATE_2026["revenue"]), _sum(ESTIMATE_2026["spending"])
H1_REV, H1_SPEND = _sum(H1_2026["revenue"]), _sum(H1_2026["spending"])
FIN_REV, FIN_SPEND = _sum(FINAL_2025["revenue"]), _sum(FINAL_2025["spending"])
DRAFT_REV, DRAFT_SPEND = _sum(DRAFT_2027["revenue"]), _sum(DRAFT_2027["spending"])
UNIT = "triệu đồng"

RECORDS: list[dict] = [
    _budget(
        "08/NQ-HĐND", "approved_estimate", 2026, "Nghị quyết", HDND, 355,
        "Nghị quyết về dự toán thu, chi ngân sách phường năm 2026",
        f"Tổng thu ngân sách phường {billions(EST_REV)}; tổng chi {billions(EST_SPEND)}, trong đó dự phòng "
        f"ngân sách {vn(ESTIMATE_2026['spending'][2])} triệu đồng.",
        [table("Dự toán thu ngân sách phường năm 2026", (f"Dự toán 2026 ({UNIT})",), "Tổng thu ngân sách phường",
               REVENUE, ESTIMATE_2026["revenue"]),
         table("Dự toán chi ngân sách phường năm 2026", (f"Dự toán 2026 ({UNIT})",), "Tổng chi ngân sách phường",
               SPENDING, ESTIMATE_2026["spending"])],
        intro="Hội đồng nhân dân phường quyết nghị dự toán thu, chi ngân sách năm 2026 như sau.\n\n",
        attachment="xlsx",
    ),
    _budget(
        "112/BC-UBND", "execution_quarter", 2026, "Báo cáo", UB, 245,
        "Báo cáo tình hình thực hiện dự toán ngân sách quý I năm 2026",
        f"Thu quý I đạt {pct(_sum(Q1_2026['revenue']), EST_REV)} dự toán năm; chi thường xuyên đạt "
        f"{pct(Q1_2026['spending'][1], ESTIMATE_2026['spending'][1])} dự toán năm.",
        [table("Thu ngân sách", (f"Dự toán năm ({UNIT})", f"Thực hiện quý I ({UNIT})"), "Tổng thu", REVENUE,
               ESTIMATE_2026["revenue"], Q1_2026["revenue"]),
         table("Chi ngân sách", (f"Dự toán năm ({UNIT})", f"Thực hiện quý I ({UNIT})"), "Tổng chi", SPENDING,
               ESTIMATE_2026["spending"], Q1_2026["spending"])],
        quarter=1,
    ),
    _budget(
        "176/BC-UBND", "execution_quarter", 2026, "Báo cáo", UB, 150,
        "Báo cáo tình hình thực hiện dự toán ngân sách quý II năm 2026",
        f"Thu quý II {vn(_sum(Q2_2026['revenue']))} triệu đồng; chi đầu tư phát triển giải ngân "
        f"{vn(Q2_2026['spending'][0])} triệu đồng cho công trình kiệt 25 Hòa An 5.",
        [table("Thu ngân sách", (f"Dự toán năm ({UNIT})", f"Thực hiện quý II ({UNIT})"), "Tổng thu", REVENUE,
               ESTIMATE_2026["revenue"], Q2_2026["revenue"]),
         table("Chi ngân sách", (f"Dự toán năm ({UNIT})", f"Thực hiện quý II ({UNIT})"), "Tổng chi", SPENDING,
               ESTIMATE_2026["spending"], Q2_2026["spending"])],
        quarter=2,
    ),
    _budget(
        "177/BC-UBND", "execution_half_year", 2026, "Báo cáo", UB, 149,
        "Báo cáo công khai thực hiện dự toán ngân sách 6 tháng đầu năm 2026",
        f"Lũy kế 6 tháng thu {vn(H1_REV)} triệu đồng, đạt {pct(H1_REV, EST_REV)} dự toán; chi "
        f"{vn(H1_SPEND)} triệu đồng, đạt {pct(H1_SPEND, EST_SPEND)} dự toán.",
        [table("Biểu số 01: thu ngân sách", (f"Dự toán năm ({UNIT})", f"Thực hiện 6 tháng ({UNIT})"), "Tổng thu",
               REVENUE, ESTIMATE_2026["revenue"], H1_2026["revenue"]),
         table("Biểu số 02: chi ngân sách", (f"Dự toán năm ({UNIT})", f"Thực hiện 6 tháng ({UNIT})"), "Tổng chi",
               SPENDING, ESTIMATE_2026["spending"], H1_2026["spending"])],
        attachment="xlsx",
    ),
    _budget(
        "41/QĐ-UBND", "final_accounts", 2025, "Quyết định", UB, 210,
        "Quyết định công khai quyết toán ngân sách phường năm 2025",
        "Công khai số liệu quyết toán thu, chi ngân sách năm 2025 đã được Hội đồng nhân dân phường phê chuẩn: "
        f"tổng thu {vn(FIN_REV)} triệu đồng, tổng chi {vn(FIN_SPEND)} triệu đồng.",
        [table("Quyết toán thu ngân sách năm 2025", (f"Quyết toán ({UNIT})",), "Tổng thu ngân sách phường",
               REVENUE, FINAL_2025["revenue"]),
         table("Quyết toán chi ngân sách năm 2025", (f"Quyết toán ({UNIT})",), "Tổng chi ngân sách phường",
               FINAL_2025_SPENDING, FINAL_2025["spending"])],
        outro=f"Kết dư ngân sách: {vn(FIN_REV - FIN_SPEND)} triệu đồng, chuyển sang năm 2026 theo quy định.\n",
        attachment="pdf",
        attachment_text=[
            f"Biểu quyết toán thu ngân sách năm 2025: tổng thu {vn(FIN_REV)} triệu đồng, trong đó thu thuế ngoài "
            f"quốc doanh {vn(FINAL_2025['revenue'][0])} triệu đồng; thu phí, lệ phí {vn(FINAL_2025['revenue'][1])} "
            f"triệu đồng; thu khác {vn(FINAL_2025['revenue'][3])} triệu đồng.",
            f"Biểu quyết toán chi ngân sách năm 2025: tổng chi {vn(FIN_SPEND)} triệu đồng, trong đó chi đầu tư phát "
            f"triển {vn(FINAL_2025['spending'][0])} triệu đồng; chi thường xuyên {vn(FINAL_2025['spending'][1])} "
            f"triệu đồng; chi khác {vn(FINAL_2025['spending'][2])} triệu đồng.",
        ],
    ),
    {
        "number": "126/TB-UBND", "category": "budget", "budget_kind": "audit", "budget_year": 2025,
        "form": "Thông báo", "issuer": UB, "days_ago": 120,
        "title": "Thông báo công khai kết quả thanh tra tài chính ngân sách phường năm 2025",
        "summary": "Thanh tra thành phố kết luận: thu, chi ngân sách năm 2025 cơ bản đúng quy định; kiến nghị "
                   "thu hồi 18 triệu đồng chi sai chế độ công tác phí.",
        "body": (
            "## Kết quả thanh tra\n\n- Lập, giao dự toán và quyết toán ngân sách năm 2025 đúng trình tự, thời hạn.\n"
            "- Một số khoản chi công tác phí vượt định mức, tổng số 18 triệu đồng.\n\n"
            "## Kiến nghị và việc thực hiện\n\n- Thu hồi 18 triệu đồng nộp ngân sách phường: đã nộp đủ.\n"
            "- Rà soát, sửa đổi quy chế chi tiêu nội bộ: Ủy ban nhân dân phường đã ban hành quy chế sửa đổi.\n"
        ),
    },
    _budget(
        "15/TTr-UBND", "draft_estimate", 2027, "Tờ trình", UB, 8,
        "Tờ trình dự toán thu, chi ngân sách phường năm 2027 (dự thảo trình HĐND)",
        f"Dự thảo dự toán ngân sách năm 2027 công khai trước khi trình Hội đồng nhân dân phường: tổng thu "
        f"{billions(DRAFT_REV)}, tổng chi {billions(DRAFT_SPEND)}.",
        [table("Dự kiến thu ngân sách năm 2027", (f"Dự toán 2026 ({UNIT})", f"Dự kiến 2027 ({UNIT})"), "Tổng thu",
               REVENUE, ESTIMATE_2026["revenue"], DRAFT_2027["revenue"]),
         table("Dự kiến chi ngân sách năm 2027", (f"Dự toán 2026 ({UNIT})", f"Dự kiến 2027 ({UNIT})"), "Tổng chi",
               SPENDING, ESTIMATE_2026["spending"], DRAFT_2027["spending"])],
        outro="Chi đầu tư phát triển ưu tiên thoát nước tổ dân phố 4 và 6.\n",
    ),
]
