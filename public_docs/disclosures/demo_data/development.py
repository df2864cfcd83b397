"""Demo disclosures on the ward's development: socio-economic plans, budget, investment projects,
land and planning (record format: ``public_docs.disclosures.demo_data.disclosures``)."""
from __future__ import annotations

from public_docs.disclosures.demo_data import budget
from public_docs.disclosures.demo_data.issuers import UB

RECORDS: list[dict] = [
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
            "Phần I. Đánh giá kết quả thực hiện năm 2026: thu ngân sách ước đạt 102% dự toán; giải quyết việc làm cho 312 lao động; không phát sinh hộ nghèo mới.",
            "Phần II. Mục tiêu, chỉ tiêu năm 2027: tăng trưởng thương mại - dịch vụ 9%; 100% hồ sơ thủ tục hành chính được tiếp nhận trực tuyến hoặc một cửa.",
            "Phần III. Tổ chức thực hiện: các bộ phận chuyên môn, Ban điều hành tổ dân phố xây dựng kế hoạch cụ thể, báo cáo kết quả hằng quý.",
        ],
    },
    {
        "number": "214/BC-UBND", "category": "plans", "form": "Báo cáo", "issuer": UB, "days_ago": 130,
        "title": "Báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội 6 tháng đầu năm 2026",
        "summary": "Kết quả 6 tháng đầu năm 2026 và nhiệm vụ trọng tâm 6 tháng cuối năm.",
        "body": (
            "Sáu tháng đầu năm, thu ngân sách đạt 9,4 tỷ đồng (51,6% dự toán). Hoàn thành 4/6 công trình chỉnh trang kiệt, hẻm; "
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
    *budget.RECORDS,
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
        "body": "Hồ sơ điều chỉnh quy hoạch được niêm yết tại UBND phường. Người dân tra cứu thông tin quy hoạch miễn phí tại Trung tâm Phục vụ hành chính công phường.",
    },
]
