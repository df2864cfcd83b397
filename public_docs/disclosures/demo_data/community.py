"""Demo disclosures on the ward's services and community life: procedures, welfare, contributions,
fees, inspection, consultation results, conventions, other notices and two drafts (record format:
``public_docs.disclosures.demo_data.disclosures``)."""
from __future__ import annotations

from public_docs.disclosures.demo_data.issuers import BAN_TTND, MTTQ, UB

RECORDS: list[dict] = [
    # ---------------------------------------------------------------- procedures
    {
        "number": "130/QĐ-UBND", "category": "procedures", "form": "Quyết định", "issuer": UB, "days_ago": 70,
        "title": "Công bố danh mục thủ tục hành chính thực hiện tại Trung tâm Phục vụ hành chính công phường",
        "summary": "Danh mục 86 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường, thời hạn giải quyết và phí, lệ phí.",
        "body": (
            "Các nhóm thủ tục: hộ tịch (đăng ký khai sinh, kết hôn, khai tử, cấp bản sao trích lục), chứng thực, người có công, "
            "bảo trợ xã hội, đất đai, xây dựng nhà ở riêng lẻ.\n\nHồ sơ nộp trực tiếp tại Trung tâm Phục vụ hành chính công phường (một cửa) hoặc trực tuyến trên Cổng Dịch vụ công quốc gia.\n"
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
        "title": "Kế hoạch thăm, tặng quà gia đình chính sách, hộ nghèo nhân dịp Tết Nguyên đán Đinh Mùi 2027",
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
        "title": "Công khai phí, lệ phí chứng thực và hộ tịch tại Trung tâm Phục vụ hành chính công phường",
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
        "publish_lag": 6,  # published late: the editor and the statistics flag it (item 14)
        "title": "Thông báo kết quả giải quyết kiến nghị về tình trạng ngập úng kiệt 12 tổ dân phố 4",
        "summary": "Đã nạo vét 180 m mương thoát nước; đưa công trình cải tạo thoát nước tổ dân phố 4 vào kế hoạch đầu tư.",
        "body": "UBND phường tiếp nhận 7 ý kiến phản ánh, đã kiểm tra hiện trường và tổ chức đối thoại với đại diện các hộ dân ngày 14/8/2026.",
    },
    {
        "number": "07/KH-BTTND", "category": "inspection", "form": "Kế hoạch", "issuer": BAN_TTND, "days_ago": 15,
        "title": "Kế hoạch giám sát việc thực hiện công khai thông tin tại Trung tâm Phục vụ hành chính công phường quý IV/2026",
        "summary": "Giám sát việc niêm yết thủ tục hành chính, phí, lệ phí và tiếp nhận phản ánh tại Trung tâm Phục vụ hành chính công phường.",
        "body": "Thời gian giám sát: từ ngày 01 đến 05/12/2026. Thành phần: 5 thành viên Ban Thanh tra nhân dân. Kết quả được báo cáo tại hội nghị Ủy ban MTTQ phường.",
    },
    # ---------------------------------------------------------------- a closed consultation (its synthesis is published)
    {
        "number": "150/DT-UBND", "category": "plans", "form": "Dự thảo", "issuer": UB, "days_ago": 76,
        "groups": ["TDP04", "TDP05"],
        "title": "Dự thảo phương án phân luồng giao thông khu vực chợ Hòa An",
        "summary": "Lấy ý kiến Nhân dân về phương án tổ chức giao thông một chiều, điểm đỗ xe và giờ cấm xe tải quanh chợ Hòa An.",
        "body": (
            "## Nội dung phương án\n\n- Tổ chức giao thông một chiều trên đường Phan Văn Định (đoạn trước chợ) từ 5 giờ đến 9 giờ sáng.\n"
            "- Bố trí điểm trông giữ xe máy cho người đi chợ.\n- Cấm xe tải trên 2,5 tấn vào khu vực chợ giờ cao điểm.\n\n"
            "Ý kiến góp ý gửi qua Cổng thông tin, hòm thư góp ý tại chợ hoặc tại hội nghị tổ dân phố 4, 5.\n"
        ),
        "comments": (-75, -46),
    },
    # ---------------------------------------------------------------- consultation results
    {
        "number": "166/BC-UBND", "category": "consultation_results", "form": "Báo cáo", "issuer": UB, "days_ago": 28,
        "title": "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến Nhân dân về phương án phân luồng giao thông khu vực chợ Hòa An",
        "summary": "Tổng hợp ý kiến về dự thảo 150/DT-UBND nhận qua Cổng, hòm thư góp ý và hội nghị tổ dân phố 4, 5: điểm đỗ xe được tiếp thu, giờ cấm xe tải tiếp thu một phần, đề nghị di dời chợ được giải trình.",
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
        "title": "Thông báo tuyển dụng nhân viên hợp đồng Trung tâm Phục vụ hành chính công phường",
        "summary": "Tuyển 01 nhân viên hợp đồng hỗ trợ tiếp nhận hồ sơ; nhận hồ sơ đến hết ngày 15/12/2026.",
        "body": "Yêu cầu: tốt nghiệp cao đẳng trở lên, thành thạo tin học văn phòng. Hồ sơ nộp trực tiếp tại Văn phòng UBND phường.",
        "withdraw": "Thông báo bị thu hồi do sai sót về điều kiện dự tuyển; UBND phường sẽ ban hành thông báo thay thế.",
    },
    {
        "number": "193/TB-UBND", "category": "other", "form": "Thông báo", "issuer": UB, "days_ago": 7,
        "title": "Thông báo về việc tạm dừng tiếp nhận hồ sơ trực tiếp ngày 05/12/2026",
        "summary": "Trung tâm Phục vụ hành chính công phường tạm dừng nhận hồ sơ trực tiếp để nâng cấp phần mềm; hồ sơ trực tuyến vẫn tiếp nhận bình thường.",
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
