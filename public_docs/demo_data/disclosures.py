"""Demo disclosures of Phường Hòa An, written for this project (fictional figures and places).

Each record: number, category, form, title, summary, body (Markdown), ``days_ago`` (issue date
relative to the day the demo is loaded) and optional extras: ``budget_period``, ``groups``,
``is_project``, ``attachment`` ("pdf" | "docx" | "xlsx"), ``attachment_text`` (paragraphs written
into the generated file), ``comments`` (days from today: (start, end)), ``draft``, ``amend``
(title, change note), ``withdraw`` (reason). No personal data: beneficiary lists count households
per residential group only.
"""
from __future__ import annotations

UB = "UBND phường Hòa An"
HDND = "HĐND phường Hòa An"
BAN_TTND = "Ban Thanh tra nhân dân phường Hòa An"
MTTQ = "Ủy ban MTTQ Việt Nam phường Hòa An"

DISCLOSURES: list[dict] = [
    # ---------------------------------------------------------------- plans
    {
        "number": "79/KH-UBND", "category": "plans", "form": "Kế hoạch", "issuer": UB, "days_ago": 12,
        "title": "Kế hoạch phát triển kinh tế - xã hội năm 2027 của phường Hòa An",
        "summary": "Mục tiêu, chỉ tiêu chủ yếu và 6 nhóm giải pháp phát triển kinh tế - xã hội, bảo đảm quốc phòng - an ninh năm 2027.",
        "body": (
            "## Mục tiêu tổng quát\n\nPhát triển thương mại - dịch vụ dọc tuyến đường Tôn Đức Thắng, chỉnh trang đô thị, "
            "nâng cao chất lượng giáo dục, y tế; giữ vững an ninh trật tự trên địa bàn 8 tổ dân phố.\n\n"
            "## Chỉ tiêu chủ yếu\n\n| Chỉ tiêu | Năm 2026 (ước) | Kế hoạch 2027 |\n|---|---|---|\n"
            "| Thu ngân sách trên địa bàn | 18,6 tỷ đồng | 20,1 tỷ đồng |\n| Tỷ lệ hộ nghèo | 0,42% | dưới 0,3% |\n"
            "| Tỷ lệ tham gia bảo hiểm y tế | 94,5% | 96% |\n| Tổ dân phố đạt chuẩn văn hóa | 7/8 | 8/8 |\n\n"
            "## Giải pháp\n\n1. Hỗ trợ hộ kinh doanh chuyển đổi số, thanh toán không dùng tiền mặt.\n"
            "2. Hoàn thành nâng cấp kiệt 25 Hòa An 5 và hệ thống thoát nước tổ dân phố 4.\n"
            "3. Thực hiện tốt Luật Thực hiện dân chủ ở cơ sở: công khai đầy đủ, đúng hạn trên cổng thông tin và bảng tin.\n"
        ),
        "attachment": "pdf",
        "attachment_text": [
            "Căn cứ Nghị quyết của Đảng ủy phường về nhiệm vụ năm 2027, Ủy ban nhân dân phường xây dựng kế hoạch phát triển kinh tế - xã hội năm 2027.",
            "Phần I. Đánh giá kết quả thực hiện năm 2026: thu ngân sách ước đạt 104% dự toán; giải quyết việc làm cho 312 lao động; không phát sinh hộ nghèo mới.",
            "Phần II. Mục tiêu, chỉ tiêu năm 2027: tăng trưởng thương mại - dịch vụ 9%; 100% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến hoặc một cửa.",
            "Phần III. Tổ chức thực hiện: các bộ phận chuyên môn, Ban điều hành tổ dân phố xây dựng kế hoạch cụ thể, báo cáo kết quả hằng quý.",
        ],
    },
    {
        "number": "214/BC-UBND", "category": "plans", "form": "Báo cáo", "issuer": UB, "days_ago": 130,
        "title": "Báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội 6 tháng đầu năm 2026",
        "summary": "Kết quả 6 tháng đầu năm 2026 và nhiệm vụ trọng tâm 6 tháng cuối năm.",
        "body": (
            "Sáu tháng đầu năm, thu ngân sách đạt 9,4 tỷ đồng (51% dự toán). Hoàn thành 4/6 công trình chỉnh trang kiệt, hẻm; "
            "tiếp nhận 1.286 hồ sơ thủ tục hành chính, 100% giải quyết đúng hạn.\n\n"
            "**Hạn chế:** tình trạng lấn chiếm vỉa hè tại chợ Hòa An chưa được giải quyết dứt điểm; tiến độ giải phóng mặt bằng "
            "dự án nâng cấp đường Hòa An 5 còn chậm.\n"
        ),
    },
    {
        "number": "31/KH-UBND", "category": "plans", "form": "Kế hoạch", "issuer": UB, "days_ago": 300,
        "title": "Kế hoạch thực hiện Luật Thực hiện dân chủ ở cơ sở năm 2026",
        "summary": "Phân công nhiệm vụ công khai thông tin, lấy ý kiến Nhân dân và hỗ trợ Ban Thanh tra nhân dân năm 2026.",
        "body": (
            "- Công khai trên cổng thông tin điện tử và bảng tin tại trụ sở, nhà sinh hoạt cộng đồng 8 tổ dân phố.\n"
            "- Tổ chức hội nghị lấy ý kiến về dự thảo kế hoạch sử dụng đất, quy ước tổ dân phố.\n"
            "- Tiếp nhận, trả lời phản ánh, kiến nghị của Nhân dân qua cổng thông tin, hòm thư góp ý và đường dây nóng.\n"
            "- Bảo đảm kinh phí hoạt động của Ban Thanh tra nhân dân và các Ban giám sát đầu tư của cộng đồng.\n"
        ),
    },
    # ---------------------------------------------------------------- budget
    {
        "number": "08/NQ-HĐND", "category": "budget", "budget_period": "year", "form": "Nghị quyết", "issuer": HDND,
        "days_ago": 330,
        "title": "Nghị quyết về dự toán thu, chi ngân sách phường năm 2026",
        "summary": "Tổng thu ngân sách phường 18,2 tỷ đồng; tổng chi 17,9 tỷ đồng; dự phòng ngân sách 350 triệu đồng.",
        "body": (
            "| Nội dung | Dự toán 2026 (triệu đồng) |\n|---|---|\n| Tổng thu ngân sách trên địa bàn | 18.200 |\n"
            "| Thu ngân sách phường được hưởng | 11.640 |\n| Chi đầu tư phát triển | 4.100 |\n| Chi thường xuyên | 7.190 |\n"
            "| Dự phòng ngân sách | 350 |\n"
        ),
        "attachment": "xlsx",
    },
    {
        "number": "112/BC-UBND", "category": "budget", "budget_period": "quarter", "form": "Báo cáo", "issuer": UB,
        "days_ago": 210,
        "title": "Báo cáo tình hình thực hiện dự toán ngân sách quý I năm 2026",
        "summary": "Thu quý I đạt 24,6% dự toán; chi thường xuyên đạt 23,1% dự toán.",
        "body": "Thu ngân sách quý I: 4.478 triệu đồng. Chi ngân sách quý I: 2.612 triệu đồng, trong đó chi sự nghiệp giáo dục 412 triệu đồng.",
    },
    {
        "number": "176/BC-UBND", "category": "budget", "budget_period": "quarter", "form": "Báo cáo", "issuer": UB,
        "days_ago": 120,
        "title": "Báo cáo tình hình thực hiện dự toán ngân sách quý II năm 2026",
        "summary": "Lũy kế 6 tháng thu đạt 51% dự toán, chi đạt 46% dự toán.",
        "body": "Thu quý II: 4.920 triệu đồng. Chi đầu tư phát triển giải ngân 1.240 triệu đồng cho công trình kiệt 25 Hòa An 5.",
    },
    {
        "number": "177/BC-UBND", "category": "budget", "budget_period": "half_year", "form": "Báo cáo", "issuer": UB,
        "days_ago": 119,
        "title": "Báo cáo công khai thực hiện dự toán ngân sách 6 tháng đầu năm 2026",
        "summary": "Số liệu thu, chi ngân sách 6 tháng đầu năm 2026 theo biểu mẫu công khai.",
        "body": "Biểu số 01: cân đối ngân sách. Biểu số 02: thu ngân sách theo nội dung. Biểu số 03: chi ngân sách theo lĩnh vực.",
        "attachment": "xlsx",
    },
    {
        "number": "41/QĐ-UBND", "category": "budget", "budget_period": "final", "form": "Quyết định", "issuer": UB,
        "days_ago": 190,
        "title": "Quyết định công khai quyết toán ngân sách phường năm 2025",
        "summary": "Công khai số liệu quyết toán thu, chi ngân sách năm 2025 đã được Hội đồng nhân dân phường phê chuẩn.",
        "body": (
            "Tổng thu ngân sách phường năm 2025: 17.482 triệu đồng. Tổng chi: 16.905 triệu đồng. "
            "Kết dư ngân sách: 577 triệu đồng, chuyển sang năm 2026 theo quy định.\n"
        ),
        "attachment": "pdf",
        "attachment_text": [
            "Biểu quyết toán thu ngân sách năm 2025: thu thuế ngoài quốc doanh 6.210 triệu đồng; thu phí, lệ phí 842 triệu đồng; thu khác 1.035 triệu đồng.",
            "Biểu quyết toán chi ngân sách năm 2025: chi đầu tư phát triển 3.880 triệu đồng; chi thường xuyên 12.611 triệu đồng; chi khác 414 triệu đồng.",
        ],
    },
    {
        "number": "15/TTr-UBND", "category": "budget", "budget_period": "year", "form": "Tờ trình", "issuer": UB,
        "days_ago": 8,
        "title": "Tờ trình dự toán thu, chi ngân sách phường năm 2027 (dự thảo trình HĐND)",
        "summary": "Dự thảo dự toán ngân sách năm 2027 công khai trước khi trình Hội đồng nhân dân phường.",
        "body": "Dự kiến tổng thu ngân sách trên địa bàn 20.100 triệu đồng; chi đầu tư phát triển 4.600 triệu đồng, ưu tiên thoát nước tổ dân phố 4 và 6.",
    },
    # ---------------------------------------------------------------- projects
    {
        "number": "52/QĐ-UBND", "category": "projects", "form": "Quyết định", "issuer": UB, "days_ago": 160,
        "is_project": True, "groups": ["TDP05", "TDP06"],
        "title": "Quyết định phê duyệt dự án nâng cấp, mở rộng đường Hòa An 5 (đoạn từ Tôn Đức Thắng đến kiệt 47)",
        "summary": "Dự án dài 640 m, mở rộng mặt đường từ 3,5 m lên 7,5 m, tổng mức đầu tư 12,8 tỷ đồng, thực hiện 2026 - 2027.",
        "body": (
            "## Thông tin dự án\n\n- Chủ đầu tư: Ủy ban nhân dân phường Hòa An.\n- Quy mô: chiều dài 640 m, mặt đường bê tông nhựa 7,5 m, vỉa hè mỗi bên 3 m, "
            "hệ thống thoát nước dọc và chiếu sáng.\n- Tổng mức đầu tư: 12,8 tỷ đồng (ngân sách thành phố 9 tỷ, ngân sách phường 2,3 tỷ, "
            "Nhân dân đóng góp tự nguyện 1,5 tỷ).\n- Thời gian thực hiện: quý IV/2026 đến quý III/2027.\n\n"
            "Ban giám sát đầu tư của cộng đồng được thành lập để giám sát dự án; người dân có thể gửi kiến nghị về dự án qua cổng thông tin.\n"
        ),
        "attachment": "pdf",
        "attachment_text": [
            "Điều 1. Phê duyệt dự án đầu tư xây dựng công trình: Nâng cấp, mở rộng đường Hòa An 5, phường Hòa An.",
            "Điều 2. Tổng mức đầu tư: 12.800.000.000 đồng. Nguồn vốn: ngân sách thành phố hỗ trợ có mục tiêu, ngân sách phường và Nhân dân đóng góp tự nguyện.",
            "Điều 3. Tiến độ: khởi công quý IV năm 2026, hoàn thành quý III năm 2027.",
        ],
    },
    {
        "number": "188/TB-UBND", "category": "projects", "form": "Thông báo", "issuer": UB, "days_ago": 20,
        "is_project": True, "groups": ["TDP04"],
        "title": "Thông báo khởi công công trình cải tạo hệ thống thoát nước tổ dân phố 4",
        "summary": "Công trình dài 420 m cống hộp, thi công từ tháng 12/2026 đến tháng 4/2027; phân luồng giao thông tại kiệt 12.",
        "body": "Tổng mức đầu tư 3,4 tỷ đồng từ ngân sách phường. Đơn vị thi công bảo đảm lối đi cho người dân, hoàn trả mặt bằng sau mỗi đoạn thi công.",
    },
    {
        "number": "201/BC-UBND", "category": "projects", "form": "Báo cáo", "issuer": UB, "days_ago": 40,
        "title": "Báo cáo tiến độ các công trình đầu tư công trên địa bàn phường đến tháng 10/2026",
        "summary": "3 công trình hoàn thành, 2 công trình đang thi công, giải ngân đạt 68% kế hoạch vốn.",
        "body": "Kiệt 25 Hòa An 5: hoàn thành, đưa vào sử dụng. Nhà sinh hoạt cộng đồng tổ dân phố 2: hoàn thành 85% khối lượng. Điện chiếu sáng kiệt 47: hoàn thành.",
    },
    # ---------------------------------------------------------------- land
    {
        "number": "63/QĐ-UBND", "category": "land", "form": "Quyết định", "issuer": UB, "days_ago": 95,
        "groups": ["TDP05", "TDP06"],
        "title": "Phương án bồi thường, hỗ trợ giải phóng mặt bằng dự án nâng cấp đường Hòa An 5",
        "summary": "Phương án bồi thường cho 23 hộ bị ảnh hưởng một phần diện tích đất, tổng kinh phí 2,1 tỷ đồng; không có hộ phải tái định cư.",
        "body": (
            "- Số hộ bị ảnh hưởng: 23 hộ (tổ dân phố 5: 14 hộ; tổ dân phố 6: 9 hộ).\n- Tổng diện tích đất thu hồi: 612 m².\n"
            "- Đơn giá bồi thường đất ở theo bảng giá đất và hệ số điều chỉnh năm 2026.\n- Hỗ trợ di dời, sửa chữa công trình: theo thực tế, tối đa 30 triệu đồng/hộ.\n\n"
            "Danh sách chi tiết từng hộ được niêm yết tại trụ sở UBND phường và nhà sinh hoạt cộng đồng tổ dân phố 5, 6; "
            "người dân có ý kiến gửi về UBND phường trong thời gian niêm yết.\n"
        ),
        "attachment": "docx",
        "attachment_text": [
            "PHƯƠNG ÁN BỒI THƯỜNG, HỖ TRỢ",
            "Tổng kinh phí bồi thường, hỗ trợ: 2.104.500.000 đồng, trong đó bồi thường về đất 1.652.000.000 đồng; bồi thường vật kiến trúc 287.500.000 đồng; hỗ trợ khác 165.000.000 đồng.",
            "Thời gian chi trả: sau 30 ngày kể từ ngày phương án được phê duyệt.",
        ],
    },
    {
        "number": "64/TB-UBND", "category": "land", "form": "Thông báo", "issuer": UB, "days_ago": 150,
        "title": "Thông báo thu hồi đất thực hiện dự án nâng cấp đường Hòa An 5",
        "summary": "Thông báo chủ trương thu hồi đất, kế hoạch điều tra, khảo sát, đo đạc, kiểm đếm.",
        "body": "Thời gian điều tra, khảo sát, đo đạc, kiểm đếm: từ ngày ban hành thông báo trong 45 ngày. Đề nghị các hộ phối hợp với tổ công tác.",
    },
    # ---------------------------------------------------------------- planning
    {
        "number": "88/KH-UBND", "category": "planning", "form": "Dự thảo", "issuer": UB, "days_ago": 6,
        "title": "Dự thảo kế hoạch sử dụng đất năm 2027 của phường Hòa An",
        "summary": "Lấy ý kiến Nhân dân về dự kiến chuyển mục đích sử dụng 1,2 ha đất và bố trí quỹ đất cho công trình công cộng năm 2027.",
        "body": (
            "Dự kiến bố trí 0,35 ha đất xây dựng trường mầm non Hòa An 2, 0,18 ha đất mở rộng chợ Hòa An, 0,67 ha đất giao thông. "
            "Ý kiến góp ý gửi về UBND phường qua cổng thông tin hoặc trực tiếp tại bộ phận địa chính.\n"
        ),
        "comments": (-6, 24),
        "attachment": "pdf",
        "attachment_text": [
            "Bảng 1. Chỉ tiêu sử dụng đất năm 2027: đất ở đô thị 142,6 ha; đất giao thông 61,3 ha; đất giáo dục 4,1 ha; đất chợ 1,2 ha.",
            "Bảng 2. Danh mục công trình, dự án thực hiện năm 2027: trường mầm non Hòa An 2; mở rộng chợ Hòa An; nâng cấp đường Hòa An 5.",
        ],
    },
    {
        "number": "27/QĐ-UBND", "category": "planning", "form": "Quyết định", "issuer": "UBND thành phố Đà Nẵng",
        "days_ago": 240,
        "title": "Công bố điều chỉnh cục bộ quy hoạch phân khu khu vực chợ Hòa An",
        "summary": "Điều chỉnh chức năng lô đất 1.800 m² từ đất ở sang đất chợ, bãi đỗ xe phục vụ mở rộng chợ Hòa An.",
        "body": "Hồ sơ điều chỉnh quy hoạch được niêm yết tại UBND phường. Người dân tra cứu thông tin quy hoạch miễn phí tại bộ phận một cửa.",
    },
    # ---------------------------------------------------------------- procedures
    {
        "number": "130/QĐ-UBND", "category": "procedures", "form": "Quyết định", "issuer": UB, "days_ago": 70,
        "title": "Công bố danh mục thủ tục hành chính thực hiện tại Bộ phận một cửa phường",
        "summary": "Danh mục 86 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường, thời hạn giải quyết và phí, lệ phí.",
        "body": (
            "Các nhóm thủ tục: hộ tịch (đăng ký khai sinh, kết hôn, khai tử, cấp bản sao trích lục), chứng thực, người có công, "
            "bảo trợ xã hội, đất đai, xây dựng nhà ở riêng lẻ.\n\nNgười dân có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.\n"
        ),
        "attachment": "docx",
        "attachment_text": [
            "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP PHƯỜNG",
            "1. Đăng ký khai sinh: giải quyết ngay trong ngày; miễn lệ phí.",
            "2. Đăng ký kết hôn: giải quyết ngay trong ngày; miễn lệ phí.",
            "3. Chứng thực bản sao từ bản chính: 2.000 đồng/trang.",
            "4. Đăng ký khai tử: giải quyết ngay trong ngày; miễn lệ phí.",
        ],
    },
    {
        "number": "132/TB-UBND", "category": "procedures", "form": "Thông báo", "issuer": UB, "days_ago": 66,
        "title": "Thông báo lịch tiếp công dân định kỳ của Chủ tịch UBND phường năm 2026",
        "summary": "Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm tuần thứ hai và thứ tư hằng tháng.",
        "body": "Địa điểm: Phòng tiếp công dân, tầng 1 trụ sở UBND phường. Công dân mang theo giấy tờ tùy thân và tài liệu liên quan.",
    },
    {
        "number": "140/HD-UBND", "category": "procedures", "form": "Hướng dẫn", "issuer": UB, "days_ago": 45,
        "title": "Hướng dẫn đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi (liên thông)",
        "summary": "Hướng dẫn nộp hồ sơ liên thông 3 thủ tục trực tuyến cho trẻ em dưới 6 tuổi.",
        "body": "Bước 1: đăng nhập Cổng Dịch vụ công bằng tài khoản định danh điện tử. Bước 2: chọn nhóm thủ tục liên thông. Bước 3: tải giấy chứng sinh và nhận kết quả.",
    },
    {
        "number": "09/QĐ-UBND", "category": "procedures", "form": "Quyết định", "issuer": UB, "days_ago": 320,
        "title": "Ban hành Quy chế làm việc của Ủy ban nhân dân phường Hòa An nhiệm kỳ 2026 - 2031",
        "summary": "Nguyên tắc, chế độ trách nhiệm, quan hệ công tác và lề lối làm việc của UBND phường.",
        "body": "Quy chế gồm 6 chương, 32 điều, quy định cụ thể việc tiếp công dân, giải quyết thủ tục hành chính và công khai thông tin.",
    },
    # ---------------------------------------------------------------- welfare
    {
        "number": "156/QĐ-UBND", "category": "welfare", "form": "Danh sách", "issuer": UB, "days_ago": 30,
        "title": "Công nhận kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026",
        "summary": "Trên địa bàn phường còn 11 hộ nghèo (0,42%) và 26 hộ cận nghèo (0,99%). Danh sách công khai theo tổ dân phố, không ghi thông tin cá nhân.",
        "body": (
            "| Tổ dân phố | Hộ nghèo | Hộ cận nghèo |\n|---|---|---|\n| Tổ dân phố 1 | 1 | 3 |\n| Tổ dân phố 2 | 2 | 4 |\n"
            "| Tổ dân phố 3 | 1 | 2 |\n| Tổ dân phố 4 | 2 | 5 |\n| Tổ dân phố 5 | 1 | 3 |\n| Tổ dân phố 6 | 2 | 4 |\n"
            "| Tổ dân phố 7 | 1 | 2 |\n| Tổ dân phố 8 | 1 | 3 |\n| **Tổng** | **11** | **26** |\n\n"
            "Hộ gia đình có thắc mắc về kết quả rà soát liên hệ trực tiếp Ban điều hành tổ dân phố hoặc công chức Văn hóa - Xã hội.\n"
        ),
        "attachment": "xlsx",
    },
    {
        "number": "161/TB-UBND", "category": "welfare", "form": "Thông báo", "issuer": UB, "days_ago": 25,
        "title": "Thông báo mức trợ cấp xã hội hằng tháng áp dụng từ ngày 01/7/2026",
        "summary": "Mức chuẩn trợ giúp xã hội 500.000 đồng/tháng; hệ số theo từng nhóm đối tượng.",
        "body": "Người cao tuổi từ đủ 80 tuổi không có lương hưu: hệ số 1,0. Người khuyết tật đặc biệt nặng: hệ số 2,0. Trẻ em mồ côi dưới 4 tuổi: hệ số 2,5.",
    },
    {
        "number": "98/KH-UBND", "category": "welfare", "form": "Kế hoạch", "issuer": UB, "days_ago": 55,
        "title": "Kế hoạch thăm, tặng quà gia đình chính sách, hộ nghèo nhân dịp Tết Nguyên đán Bính Ngọ",
        "summary": "Tổng kinh phí 186 triệu đồng từ ngân sách và nguồn vận động; tặng 372 suất quà.",
        "body": "Mỗi suất quà trị giá 500.000 đồng. Danh sách theo tổ dân phố được niêm yết tại nhà sinh hoạt cộng đồng; không công bố thông tin cá nhân trên mạng.",
    },
    # ---------------------------------------------------------------- contributions
    {
        "number": "23/TB-MTTQ", "category": "contributions", "form": "Thông báo", "issuer": MTTQ, "days_ago": 60,
        "title": "Công khai kết quả vận động Quỹ “Vì người nghèo” năm 2026",
        "summary": "Vận động được 212,4 triệu đồng; đã chi 168 triệu đồng hỗ trợ sửa nhà, học bổng và khám chữa bệnh.",
        "body": (
            "| Nội dung chi | Số tiền (triệu đồng) |\n|---|---|\n| Hỗ trợ sửa chữa 2 nhà ở | 80 |\n| Học bổng cho 24 học sinh | 48 |\n"
            "| Hỗ trợ khám chữa bệnh | 40 |\n| **Còn lại chuyển năm sau** | **44,4** |\n"
        ),
    },
    {
        "number": "145/TB-UBND", "category": "contributions", "form": "Thông báo", "issuer": UB, "days_ago": 50,
        "groups": ["TDP05", "TDP06"],
        "title": "Kết quả Nhân dân đóng góp tự nguyện xây dựng đường Hòa An 5",
        "summary": "Hội nghị hộ gia đình tổ dân phố 5, 6 thống nhất mức đóng góp tự nguyện; đã nhận 1,12 tỷ đồng/1,5 tỷ đồng cam kết.",
        "body": "Tỷ lệ hộ gia đình tán thành mức đóng góp: 87%. Sổ thu được công khai tại nhà sinh hoạt cộng đồng; Ban giám sát đầu tư của cộng đồng theo dõi việc sử dụng.",
        "attachment": "xlsx",
    },
    {
        "number": "19/BC-MTTQ", "category": "contributions", "form": "Báo cáo", "issuer": MTTQ, "days_ago": 100,
        "title": "Báo cáo thu, chi Quỹ phòng, chống thiên tai năm 2026 trên địa bàn phường",
        "summary": "Thu 96,8 triệu đồng từ hộ gia đình, cơ quan, doanh nghiệp; nộp về Quỹ thành phố theo quy định.",
        "body": "Mức đóng góp của người lao động theo quy định; hộ nghèo, người khuyết tật được miễn. Số liệu chi tiết theo từng tổ dân phố.",
    },
    # ---------------------------------------------------------------- fees
    {
        "number": "102/TB-UBND", "category": "fees", "form": "Thông báo", "issuer": UB, "days_ago": 85,
        "title": "Thông báo mức thu giá dịch vụ thu gom, vận chuyển rác thải sinh hoạt năm 2026",
        "summary": "Hộ gia đình không kinh doanh 25.000 đồng/hộ/tháng; hộ kinh doanh ăn uống 120.000 - 300.000 đồng/tháng.",
        "body": "Mức thu theo quyết định của UBND thành phố. Tổ thu phí xuất biên lai cho từng lần thu; hộ nghèo được miễn.",
    },
    {
        "number": "103/TB-UBND", "category": "fees", "form": "Thông báo", "issuer": UB, "days_ago": 84,
        "title": "Công khai mức thu phí sử dụng tạm thời lòng đường, hè phố tại chợ Hòa An",
        "summary": "Mức thu theo m²/tháng và quy định các vị trí được phép sử dụng tạm thời.",
        "body": "Hè phố đường Tôn Đức Thắng: 40.000 đồng/m²/tháng. Các kiệt, hẻm quanh chợ: 20.000 đồng/m²/tháng. Bảo đảm lối đi tối thiểu 1,5 m cho người đi bộ.",
    },
    {
        "number": "104/TB-UBND", "category": "fees", "form": "Thông báo", "issuer": UB, "days_ago": 83,
        "title": "Công khai phí, lệ phí chứng thực và hộ tịch tại Bộ phận một cửa",
        "summary": "Bảng phí, lệ phí áp dụng tại phường; các trường hợp được miễn.",
        "body": "Chứng thực chữ ký: 10.000 đồng/trường hợp. Cấp bản sao trích lục hộ tịch: 8.000 đồng/bản. Đăng ký khai sinh, kết hôn đúng hạn: miễn lệ phí.",
    },
    # ---------------------------------------------------------------- inspection
    {
        "number": "05/KL-BTTND", "category": "inspection", "form": "Kết luận", "issuer": BAN_TTND, "days_ago": 35,
        "title": "Kết luận giám sát việc thu, chi Quỹ khuyến học tổ dân phố 3 năm 2025",
        "summary": "Việc thu, chi cơ bản đúng quy định; kiến nghị bổ sung chứng từ 2 khoản chi và công khai sổ quỹ hằng quý.",
        "body": (
            "Ban Thanh tra nhân dân tiến hành giám sát theo kế hoạch từ ngày 06 đến 10/10/2026.\n\n"
            "**Kết quả:** tổng thu 38,2 triệu đồng, tổng chi 31,5 triệu đồng; 2 khoản chi khen thưởng học sinh (1,2 triệu đồng) chưa có danh sách ký nhận.\n\n"
            "**Kiến nghị:** Ban điều hành tổ dân phố 3 bổ sung chứng từ trước ngày 30/11/2026 và niêm yết sổ quỹ hằng quý.\n"
        ),
        "groups": ["TDP03"],
        "attachment": "pdf",
        "attachment_text": [
            "KẾT LUẬN GIÁM SÁT",
            "Qua giám sát, Ban Thanh tra nhân dân nhận thấy việc thu Quỹ khuyến học được thực hiện trên tinh thần tự nguyện, có sổ sách theo dõi.",
            "Kiến nghị Ban điều hành tổ dân phố 3 bổ sung chứng từ và thực hiện công khai sổ quỹ theo quý.",
        ],
    },
    {
        "number": "118/TB-UBND", "category": "inspection", "form": "Thông báo", "issuer": UB, "days_ago": 75,
        "title": "Thông báo kết quả giải quyết kiến nghị về tình trạng ngập úng kiệt 12 tổ dân phố 4",
        "summary": "Đã nạo vét 180 m mương thoát nước; đưa công trình cải tạo thoát nước tổ dân phố 4 vào kế hoạch đầu tư.",
        "body": "UBND phường tiếp nhận 7 ý kiến phản ánh, đã kiểm tra hiện trường và tổ chức đối thoại với đại diện các hộ dân ngày 14/8/2026.",
    },
    {
        "number": "07/KH-BTTND", "category": "inspection", "form": "Kế hoạch", "issuer": BAN_TTND, "days_ago": 15,
        "title": "Kế hoạch giám sát việc thực hiện công khai thông tin tại Bộ phận một cửa quý IV/2026",
        "summary": "Giám sát việc niêm yết thủ tục hành chính, phí, lệ phí và tiếp nhận phản ánh tại Bộ phận một cửa.",
        "body": "Thời gian giám sát: từ ngày 01 đến 05/12/2026. Thành phần: 5 thành viên Ban Thanh tra nhân dân. Kết quả được báo cáo tại hội nghị Ủy ban MTTQ phường.",
    },
    # ---------------------------------------------------------------- consultation results
    {
        "number": "166/BC-UBND", "category": "consultation_results", "form": "Báo cáo", "issuer": UB, "days_ago": 28,
        "title": "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về phương án phân luồng giao thông khu vực chợ Hòa An",
        "summary": "Nhận 64 ý kiến; tiếp thu 41 ý kiến, tiếp thu một phần 12 ý kiến, giải trình 11 ý kiến.",
        "body": (
            "- Đề nghị bố trí điểm đỗ xe máy miễn phí cho người đi chợ: **tiếp thu**, bố trí tại lô đất phía Tây chợ.\n"
            "- Đề nghị cấm xe tải giờ cao điểm: **tiếp thu một phần**, cấm từ 6 giờ đến 8 giờ sáng.\n"
            "- Đề nghị di dời chợ: **giải trình**, không phù hợp quy hoạch phân khu đã được phê duyệt.\n"
        ),
    },
    {
        "number": "121/BC-UBND", "category": "consultation_results", "form": "Báo cáo", "issuer": UB, "days_ago": 140,
        "title": "Kết quả lấy ý kiến Nhân dân về mức đóng góp xây dựng đường Hòa An 5",
        "summary": "412/468 hộ gia đình tổ dân phố 5, 6 tham gia; 87% tán thành mức đóng góp tự nguyện đề xuất.",
        "body": "Hình thức lấy ý kiến: hội nghị hộ gia đình và phiếu lấy ý kiến. Kết quả được lập biên bản, niêm yết tại nhà sinh hoạt cộng đồng.",
    },
    # ---------------------------------------------------------------- conventions
    {
        "number": "01/DT-TDP2", "category": "conventions", "form": "Dự thảo", "issuer": "Ban điều hành tổ dân phố 2", "days_ago": 3,
        "groups": ["TDP02"],
        "title": "Dự thảo Quy ước tổ dân phố 2 (sửa đổi, bổ sung năm 2026)",
        "summary": "Lấy ý kiến Nhân dân về dự thảo quy ước: giữ gìn vệ sinh, trật tự, việc cưới, việc tang, phòng cháy chữa cháy.",
        "body": (
            "## Chương I. Những quy định chung\n\nĐiều 1. Quy ước này quy định các việc cộng đồng dân cư tổ dân phố 2 cùng thực hiện.\n\n"
            "## Chương II. Nội dung cụ thể\n\nĐiều 5. Giữ gìn vệ sinh môi trường: bỏ rác đúng giờ, đúng nơi quy định; không đổ nước thải ra kiệt, hẻm.\n\n"
            "Điều 7. Việc cưới, việc tang: tổ chức trang trọng, tiết kiệm; không sử dụng loa công suất lớn sau 22 giờ.\n\n"
            "Điều 9. Phòng cháy, chữa cháy: mỗi hộ kinh doanh trang bị ít nhất một bình chữa cháy.\n"
        ),
        "comments": (-3, 30),
        "attachment": "docx",
        "attachment_text": [
            "DỰ THẢO QUY ƯỚC TỔ DÂN PHỐ 2",
            "Chương I. Những quy định chung",
            "Chương II. Nội dung cụ thể: vệ sinh môi trường, trật tự, việc cưới, việc tang, phòng cháy chữa cháy, khuyến học.",
            "Chương III. Khen thưởng và xử lý vi phạm",
        ],
    },
    {
        "number": "03/QĐ-UBND", "category": "conventions", "form": "Quyết định", "issuer": UB, "days_ago": 280,
        "groups": ["TDP07"],
        "title": "Quyết định công nhận Quy ước tổ dân phố 7",
        "summary": "Công nhận quy ước đã được hơn 50% chủ hộ tán thành tại hội nghị ngày 12/01/2026.",
        "body": "Quy ước gồm 4 chương, 18 điều; có hiệu lực kể từ ngày ký. Ban điều hành tổ dân phố 7 tổ chức phổ biến đến từng hộ gia đình.",
    },
    # ---------------------------------------------------------------- other
    {
        "number": "171/TB-UBND", "category": "other", "form": "Thông báo", "issuer": UB, "days_ago": 22,
        "title": "Thông báo lịch cắt điện, lịch thu gom rác cồng kềnh tháng 12/2026",
        "summary": "Lịch thu gom rác cồng kềnh miễn phí theo từng tổ dân phố.",
        "body": "Tổ dân phố 1 - 4: sáng Chủ nhật 06/12. Tổ dân phố 5 - 8: sáng Chủ nhật 13/12. Người dân tập kết rác trước 7 giờ tại điểm quy định.",
    },
    {
        "number": "158/KH-UBND", "category": "other", "form": "Kế hoạch", "issuer": UB, "days_ago": 32,
        "title": "Kế hoạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2026",
        "summary": "Tổ chức tại 8 tổ dân phố từ ngày 10 đến 18/11/2026.",
        "body": "Nội dung: biểu dương gia đình văn hóa tiêu biểu, trao học bổng, văn nghệ và các trò chơi dân gian.",
    },
    {
        "number": "185/CV-UBND", "category": "other", "form": "Công văn", "issuer": UB, "days_ago": 18,
        "title": "Công văn về tăng cường phòng, chống sốt xuất huyết mùa mưa",
        "summary": "Chiến dịch diệt lăng quăng tại 8 tổ dân phố; phun hóa chất tại khu vực có ca bệnh.",
        "body": "Đề nghị các hộ gia đình úp ngược vật dụng chứa nước, thay nước bình hoa hằng tuần và phối hợp với tổ xung kích khi kiểm tra.",
    },
    {
        "number": "190/TB-UBND", "category": "other", "form": "Thông báo", "issuer": UB, "days_ago": 10,
        "title": "Thông báo tuyển dụng nhân viên hợp đồng Bộ phận một cửa",
        "summary": "Tuyển 01 nhân viên hợp đồng hỗ trợ tiếp nhận hồ sơ; nhận hồ sơ đến hết ngày 15/12/2026.",
        "body": "Yêu cầu: tốt nghiệp cao đẳng trở lên, thành thạo tin học văn phòng. Hồ sơ nộp trực tiếp tại Văn phòng UBND phường.",
        "withdraw": "Thông báo bị thu hồi do sai sót về điều kiện dự tuyển; UBND phường sẽ ban hành thông báo thay thế.",
    },
    {
        "number": "193/TB-UBND", "category": "other", "form": "Thông báo", "issuer": UB, "days_ago": 7,
        "title": "Thông báo về việc tạm dừng tiếp nhận hồ sơ trực tiếp ngày 05/12/2026",
        "summary": "Bộ phận một cửa tạm dừng nhận hồ sơ trực tiếp để nâng cấp phần mềm; hồ sơ trực tuyến vẫn tiếp nhận bình thường.",
        "body": "Người dân có nhu cầu gấp liên hệ đường dây nóng của phường để được hướng dẫn.",
        "amend": (
            "Thông báo về việc tạm dừng tiếp nhận hồ sơ trực tiếp buổi sáng ngày 05/12/2026",
            "Đính chính: chỉ tạm dừng buổi sáng, buổi chiều tiếp nhận bình thường.",
        ),
    },
    # ---------------------------------------------------------------- drafts (editor only)
    {
        "number": "199/KH-UBND", "category": "plans", "form": "Kế hoạch", "issuer": UB, "days_ago": 1, "draft": True,
        "title": "Kế hoạch cải cách hành chính năm 2027 (đang soạn thảo)",
        "summary": "Bản nháp, chưa công bố.",
        "body": "Nội dung đang được các bộ phận góp ý.",
    },
    {
        "number": "200/TB-UBND", "category": "fees", "form": "Thông báo", "issuer": UB, "days_ago": 0, "draft": True,
        "title": "Thông báo mức thu giá dịch vụ thu gom rác năm 2027 (bản nháp)",
        "summary": "Bản nháp chờ lãnh đạo duyệt.",
        "body": "Dự kiến giữ nguyên mức thu năm 2026.",
    },
]
