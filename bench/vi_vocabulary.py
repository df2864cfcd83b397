"""Real Vietnamese vocabulary for the search benchmark (``bench/search_corpus.py``).

Written by hand for this project (no word list was copied), Unicode NFC; old or new tone placement
is allowed, :func:`syllables` normalizes it with the project's analyzer.

* ``COMMON``: the ~400 most frequent syllables of ward documents, most frequent first;
* ``PHRASES``: administrative phrases (mostly 3–7 syllables) as they appear in ward documents;
* ``WORDS`` (here) and ``WORDS_2`` (``bench/vi_vocabulary_2.py``): real Vietnamese words grouped by
  theme, most general themes first. Format: ``#`` starts a comment (to the end of the line), words
  are separated by ``|`` or line ends, a word is one or more syllables separated by spaces.

:func:`syllables` returns the distinct lowercase syllables in that order (COMMON, PHRASES, WORDS,
WORDS_2); the benchmark uses the position as the Zipf rank.
"""
from __future__ import annotations

from vi_vocabulary_2 import WORDS_2

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
    # the original 26 of search_corpus.py
    "ủy ban nhân dân", "hội đồng nhân dân", "mặt trận tổ quốc", "ban thanh tra nhân dân",
    "ban giám sát đầu tư của cộng đồng", "tổ dân phố", "đăng ký thường trú", "giấy chứng nhận quyền sử dụng đất",
    "thu hồi đất", "bồi thường hỗ trợ tái định cư", "kế hoạch sử dụng đất", "dự toán ngân sách",
    "quyết toán ngân sách", "thủ tục hành chính", "bộ phận một cửa", "hộ nghèo", "hộ cận nghèo",
    "trợ cấp xã hội", "bảo hiểm y tế", "phòng cháy chữa cháy", "vệ sinh môi trường", "an toàn giao thông",
    "xây dựng nông thôn mới", "chuyển đổi số", "dịch vụ công trực tuyến", "lấy ý kiến nhân dân",
    # authorities and mass organisations
    "ủy ban nhân dân phường", "ủy ban nhân dân quận", "ủy ban nhân dân thành phố", "hội đồng nhân dân phường",
    "chủ tịch ủy ban nhân dân", "phó chủ tịch ủy ban nhân dân", "thường trực hội đồng nhân dân",
    "ban công tác mặt trận", "hội liên hiệp phụ nữ", "đoàn thanh niên cộng sản",
    "hội cựu chiến binh", "hội nông dân", "hội người cao tuổi", "hội chữ thập đỏ", "công an phường",
    "ban chỉ huy quân sự", "chính quyền địa phương", "chính quyền đô thị", "chính quyền hai cấp",
    "sắp xếp đơn vị hành chính", "sáp nhập đơn vị hành chính", "ban chấp hành đảng bộ",
    "nghị quyết đại hội đảng bộ", "chi bộ khu phố", "văn phòng ủy ban nhân dân",
    # civil status, residence, identity
    "đăng ký tạm trú", "đăng ký khai sinh", "đăng ký kết hôn", "đăng ký khai tử", "trích lục hộ tịch",
    "chứng thực bản sao từ bản chính", "chứng thực chữ ký", "xác nhận tình trạng hôn nhân",
    "thẻ căn cước công dân", "cấp căn cước công dân", "quản lý cư trú", "định danh điện tử",
    "cơ sở dữ liệu dân cư", "lý lịch tư pháp", "phiếu lý lịch tư pháp", "trợ giúp pháp lý",
    # land and construction
    "quyền sở hữu nhà ở", "tài sản khác gắn liền với đất", "giấy phép xây dựng", "trật tự xây dựng đô thị",
    "cưỡng chế thu hồi đất", "phương án bồi thường hỗ trợ", "giải phóng mặt bằng", "giá đất cụ thể",
    "bảng giá đất", "chuyển mục đích sử dụng đất", "quy hoạch chi tiết tỷ lệ", "quy hoạch phân khu",
    "quy hoạch sử dụng đất", "hạ tầng kỹ thuật", "chỉnh trang đô thị", "nâng cấp mở rộng đường",
    "hệ thống thoát nước", "chiếu sáng công cộng", "quản lý nhà nước về đất đai", "biến động đất đai",
    "đo đạc bản đồ địa chính", "trích đo địa chính", "hồ sơ địa chính", "cấp đổi giấy chứng nhận",
    "tách thửa hợp thửa", "chuyển nhượng quyền sử dụng đất", "tặng cho quyền sử dụng đất",
    "thừa kế quyền sử dụng đất", "thế chấp quyền sử dụng đất", "đất ở tại đô thị", "đất trồng cây lâu năm",
    "đất nông nghiệp", "đất công ích", "đất chưa sử dụng", "lấn chiếm đất công", "tranh chấp đất đai",
    "khu tái định cư", "nhà ở xã hội", "chung cư cũ", "lấn chiếm vỉa hè", "lòng đường vỉa hè",
    "cống thoát nước", "kênh mương nội đồng", "kiên cố hóa kênh mương", "bê tông hóa giao thông nông thôn",
    # budget, investment, procurement
    "công khai ngân sách nhà nước", "dự toán thu chi ngân sách", "thu ngân sách trên địa bàn",
    "chi thường xuyên", "chi đầu tư phát triển", "vốn đầu tư công", "kế hoạch đầu tư công trung hạn",
    "chủ trương đầu tư", "báo cáo kinh tế kỹ thuật", "thiết kế bản vẽ thi công", "hồ sơ mời thầu",
    "kết quả lựa chọn nhà thầu", "chỉ định thầu", "đấu thầu rộng rãi", "giám sát thi công",
    "nghiệm thu công trình", "bàn giao đưa vào sử dụng", "quyết toán vốn đầu tư", "công trình hoàn thành",
    "thanh lý hợp đồng", "kiểm toán nhà nước", "giám sát đầu tư cộng đồng", "thuế thu nhập cá nhân",
    "thuế sử dụng đất phi nông nghiệp", "lệ phí trước bạ", "tiền sử dụng đất", "hộ kinh doanh cá thể",
    "giấy chứng nhận đăng ký kinh doanh", "thanh toán không dùng tiền mặt", "thu hồi về ngân sách",
    # social policy and welfare
    "chương trình mục tiêu quốc gia", "giảm nghèo bền vững", "phát triển kinh tế xã hội",
    "người có công với cách mạng", "gia đình chính sách", "thương binh liệt sĩ", "bà mẹ việt nam anh hùng",
    "đối tượng bảo trợ xã hội", "trợ cấp xã hội hằng tháng", "người khuyết tật nặng",
    "trẻ em có hoàn cảnh đặc biệt", "người cao tuổi cô đơn", "hỗ trợ nhà ở", "xóa nhà tạm nhà dột nát",
    "vay vốn ưu đãi", "ngân hàng chính sách xã hội", "quỹ vì người nghèo", "quỹ đền ơn đáp nghĩa",
    "quỹ phòng chống thiên tai", "đóng góp tự nguyện", "bảo hiểm xã hội", "bảo hiểm thất nghiệp",
    "bảo hiểm y tế hộ gia đình", "thẻ bảo hiểm y tế", "tỷ lệ hộ nghèo", "rà soát hộ nghèo hộ cận nghèo",
    "chuẩn nghèo đa chiều", "giải quyết việc làm", "xuất khẩu lao động", "đào tạo nghề cho lao động",
    "hợp đồng lao động", "tai nạn lao động", "an toàn vệ sinh lao động", "thu nhập bình quân đầu người",
    "đền ơn đáp nghĩa", "uống nước nhớ nguồn", "thăm hỏi tặng quà", "tổ chức đón tết",
    # health
    "chăm sóc sức khỏe ban đầu", "trạm y tế phường", "tiêm chủng mở rộng", "phòng chống dịch bệnh",
    "an toàn vệ sinh thực phẩm", "bếp ăn tập thể", "kinh doanh dịch vụ ăn uống", "sốt xuất huyết",
    "diệt lăng quăng", "suy dinh dưỡng trẻ em", "sức khỏe sinh sản", "dân số và phát triển",
    "kế hoạch hóa gia đình", "mất cân bằng giới tính khi sinh", "phòng chống dịch tả lợn châu phi",
    "cúm gia cầm", "tiêm phòng gia súc",
    # education, culture, sport
    "phổ cập giáo dục", "xóa mù chữ", "trường mầm non", "trường tiểu học", "trường trung học cơ sở",
    "học sinh giỏi", "khuyến học khuyến tài", "xây dựng đời sống văn hóa", "gia đình văn hóa",
    "khu dân cư văn hóa", "toàn dân đoàn kết", "ngày hội đại đoàn kết", "nhà văn hóa khu dân cư",
    "thể dục thể thao", "di tích lịch sử văn hóa", "lễ hội truyền thống", "làng nghề truyền thống",
    "du lịch cộng đồng", "tháng hành động vì trẻ em", "kỷ niệm ngày thành lập", "quốc khánh hai tháng chín",
    "tết nguyên đán", "mỗi xã một sản phẩm",
    # security, order, defence
    "an ninh trật tự", "phòng chống tội phạm", "phòng chống ma túy", "tệ nạn xã hội",
    "cứu nạn cứu hộ", "trật tự an toàn giao thông", "nghĩa vụ quân sự",
    "gọi công dân nhập ngũ", "khám sức khỏe nghĩa vụ quân sự", "dân quân tự vệ", "bảo vệ dân phố",
    "tổ bảo vệ an ninh trật tự", "công an khu vực", "tổ tự quản an ninh trật tự", "bình đẳng giới",
    "phòng chống bạo lực gia đình", "phòng chống xâm hại trẻ em", "phòng chống đuối nước",
    # environment and disasters
    "thu gom rác thải sinh hoạt", "phân loại rác tại nguồn", "bảo vệ môi trường", "ô nhiễm môi trường",
    "biến đổi khí hậu", "phòng chống thiên tai", "tìm kiếm cứu nạn", "phòng chống lụt bão",
    "ứng phó sự cố", "cấp nước sinh hoạt", "nước thải sinh hoạt",
    # economy and agriculture
    "chuyển dịch cơ cấu kinh tế", "cơ cấu cây trồng", "cơ cấu cây trồng vật nuôi", "công tác khuyến nông",
    "hợp tác xã nông nghiệp", "kinh doanh buôn bán", "bình ổn giá", "chỉ số giá tiêu dùng",
    # complaints, inspection, democracy at the grassroots
    "quy chế dân chủ ở cơ sở", "thực hiện dân chủ ở cơ sở", "hương ước quy ước", "lấy ý kiến nhân dân về dự thảo",
    "báo cáo tình hình thực hiện", "kết quả giải quyết khiếu nại", "tiếp công dân định kỳ", "thanh tra nhân dân",
    "đơn thư khiếu nại tố cáo", "thời hạn giải quyết", "quá hạn giải quyết", "quyết định giải quyết khiếu nại",
    "thụ lý đơn", "xác minh nội dung tố cáo", "kết luận thanh tra", "kiến nghị xử lý", "công khai kết quả",
    "niêm yết công khai", "bảng tin khu dân cư", "hòa giải ở cơ sở", "tổ hòa giải", "hòa giải viên",
    "thi hành án dân sự", "phổ biến giáo dục pháp luật", "tủ sách pháp luật",
    "tiếp xúc cử tri", "ý kiến cử tri", "trả lời kiến nghị cử tri", "đại biểu hội đồng nhân dân",
    "bầu cử đại biểu quốc hội", "danh sách cử tri", "tổ bầu cử", "kỳ họp thường lệ", "kỳ họp bất thường",
    # public service, e-government, anti-corruption
    "tiếp nhận và trả kết quả", "bộ phận tiếp nhận", "một cửa liên thông", "dịch vụ công trực tuyến toàn trình",
    "cổng dịch vụ công quốc gia", "chữ ký số", "văn bản điện tử", "cải cách hành chính", "chỉ số hài lòng",
    "sự hài lòng của người dân", "đạo đức công vụ", "văn hóa công sở", "phòng chống tham nhũng",
    "thực hành tiết kiệm chống lãng phí", "kê khai tài sản thu nhập", "minh bạch tài sản", "xung đột lợi ích",
    "trách nhiệm giải trình", "chính phủ điện tử", "chính quyền số", "kinh tế số", "xã hội số", "công dân số",
    "cổng thông tin điện tử", "trang thông tin điện tử", "đài truyền thanh phường", "loa truyền thanh",
    "mạng xã hội", "lưu trữ hồ sơ", "văn thư lưu trữ", "hội nghị trực tuyến",
    # personnel and emulation
    "sơ kết sáu tháng đầu năm", "tổng kết công tác năm", "phương hướng nhiệm vụ năm", "thi đua khen thưởng",
    "bằng khen của chủ tịch", "chiến sĩ thi đua cơ sở", "lao động tiên tiến", "tập thể lao động xuất sắc",
    "hoàn thành tốt nhiệm vụ", "hoàn thành xuất sắc nhiệm vụ", "đánh giá xếp loại", "tuyển dụng công chức",
    "nâng bậc lương thường xuyên", "nghỉ hưu trước tuổi", "tinh giản biên chế", "vị trí việc làm",
    "bồi dưỡng nghiệp vụ",
    # formulas of official documents
    "cộng hòa xã hội chủ nghĩa việt nam", "độc lập tự do hạnh phúc", "ban hành văn bản",
    "văn bản quy phạm pháp luật", "hết hiệu lực thi hành", "có hiệu lực kể từ ngày ký",
    "chịu trách nhiệm thi hành", "nơi nhận như điều", "lưu văn thư", "theo đề nghị của",
    "luật tổ chức chính quyền địa phương", "xét đề nghị của trưởng phòng", "kính gửi ủy ban nhân dân",
    "đề nghị các cơ quan đơn vị", "trong thời hạn mười ngày", "kể từ ngày nhận được",
    "trường hợp có vướng mắc", "báo cáo về ủy ban nhân dân", "để xem xét giải quyết",
]

WORDS = """
# administration and government
hành chính|công vụ|công quyền|chính quyền|bộ máy|biên chế|nhân viên|thủ trưởng|lãnh đạo|chỉ đạo|điều hành
phân công|phân cấp|ủy quyền|ủy nhiệm|giao việc|đảm nhiệm|kiêm nhiệm|bổ nhiệm|miễn nhiệm|bãi nhiệm|điều động
luân chuyển|biệt phái|thuyên chuyển|từ chức|cách chức|giáng chức|khiển trách|cảnh cáo|buộc thôi việc|nghỉ phép
văn phòng|văn thư|lưu trữ|con dấu|đóng dấu|ký tên|sao y|trích lục|công báo|niêm yết|phổ biến|quán triệt
triển khai|kiểm tra|đôn đốc|nhắc nhở|chấn chỉnh|khắc phục|rút kinh nghiệm|sơ kết|tổng kết|hội nghị|hội thảo
tọa đàm|cuộc họp|phiên họp|chủ trì|chủ tọa|thư ký|biểu quyết|tán thành|phản đối|thông qua|bác bỏ|phê duyệt
phê chuẩn|phê bình|thẩm định|thẩm tra|thẩm quyền|chức năng|quyền hạn|trách nhiệm|nghĩa vụ|quyền lợi|lợi ích
tham mưu|đề xuất|trình ký|ban hành|sửa đổi|bổ sung|thay thế|bãi bỏ|hủy bỏ|đình chỉ|tạm dừng|gia hạn|hiệu lực
tiếp nhận|thụ lý|xác minh|đối thoại|giải đáp|phúc đáp|hồi âm|chuyển tiếp|lưu hành|phát hành|công bố|tuyên bố
đại biểu|cử tri|ứng cử|đề cử|bầu cử|tái cử|nhiệm kỳ|khóa họp|chất vấn|giải trình|tín nhiệm|bỏ phiếu|kiểm phiếu
thường trực|thường vụ|chấp hành|bí thư|ủy viên|thành viên|tổ trưởng|tổ phó|khu phố|ấp|bản làng|buôn|sóc
thủ đô|tỉnh|huyện|quận|thị xã|thị trấn|thành phố|trung ương|địa phương|vùng miền|liên ngành|liên tịch
# law, justice, order
tư pháp|hành pháp|lập pháp|tòa án|viện kiểm sát|kiểm sát viên|thẩm phán|hội thẩm|luật sư|công chứng|thừa phát lại
bị cáo|bị can|bị đơn|nguyên đơn|đương sự|nhân chứng|chứng cứ|vật chứng|tang vật|khởi kiện|khởi tố|truy tố
xét xử|phiên tòa|bản án|phán quyết|kháng cáo|kháng nghị|giám đốc thẩm|tái thẩm|sơ thẩm|phúc thẩm|hình sự|dân sự
tù giam|án treo|cải tạo|tạm giam|tạm giữ|truy nã|bắt giữ|điều tra|trinh sát|tội phạm|phạm tội|trộm cắp|cướp giật
lừa đảo|chiếm đoạt|tham ô|hối lộ|nhũng nhiễu|buôn lậu|gian lận|làm giả|cố ý|vô ý|thương tích|gây rối|đánh bạc
cá độ|mại dâm|ma túy|nghiện hút|cai nghiện|tái hòa nhập|đặc xá|ân xá|hoãn|miễn giảm|quy phạm|điều lệ|nội quy
quy chế|quy định|quy trình|thể lệ|tiêu chuẩn|quy chuẩn|định mức|chế tài|hiệu lực|pháp lệnh|sắc lệnh|lệnh
công lý|công bằng|bình đẳng|nhân quyền|tự do|tín ngưỡng|tôn giáo|ngôn luận|khiếu kiện|tố giác|truy cứu
# budget, finance, business
tài khóa|thặng dư|bội chi|thâm hụt|tạm ứng|hoàn ứng|ứng trước|thanh toán|chi trả|chuyển khoản|tiền mặt|hóa đơn
chứng từ|sổ sách|kế toán|kiểm toán|thủ quỹ|quỹ đen|công nợ|nợ đọng|nợ xấu|lãi suất|tín dụng|tiết kiệm|gửi tiền
rút tiền|tài khoản|số dư|ngoại tệ|tỷ giá|lạm phát|giá cả|thị trường|cung cầu|hàng hóa|dịch vụ|thương mại|xuất khẩu
nhập khẩu|doanh nghiệp|công ty|cổ phần|trách nhiệm hữu hạn|hợp tác xã|tiểu thương|thương nhân|doanh thu|lợi nhuận
thua lỗ|phá sản|giải thể|vốn điều lệ|cổ đông|cổ phiếu|trái phiếu|chứng khoán|đầu cơ|tích trữ|phân phối|bán lẻ
bán buôn|siêu thị|cửa hàng|tạp hóa|quầy hàng|sạp|gian hàng|hội chợ|triển lãm|quảng cáo|khuyến mãi|giảm giá
thuế suất|miễn thuế|hoàn thuế|nộp thuế|trốn thuế|nợ thuế|thuế môn bài|thuế giá trị gia tăng|hải quan|kho hàng
định giá|thẩm định giá|báo giá|đơn giá|giá thành|chi phí|khấu hao|tài sản|công sản|trang thiết bị|mua sắm|thanh lý
# land, housing, construction
nhà ở|căn hộ|chung cư|nhà phố|biệt thự|nhà cấp bốn|nhà tạm|mái tôn|mái ngói|tường rào|cổng ngõ|hẻm|kiệt|ngõ
móng nhà|cột|dầm|sàn|trần|mái|tường|vách|cửa sổ|cửa chính|cầu thang|ban công|sân thượng|tầng hầm|gác lửng
xi măng|sắt thép|cốt thép|gạch|ngói|cát|đá dăm|sỏi|vôi|vữa|nhựa đường|bê tông|cốp pha|giàn giáo|cần cẩu
kiến trúc|kết cấu|thiết kế|bản vẽ|dự toán|thi công|công trình|công trường|nhà thầu|chủ đầu tư|tư vấn|giám sát
san lấp|đào đắp|nền móng|mặt bằng|ranh giới|mốc giới|lộ giới|chỉ giới|hành lang|khoảng lùi|mật độ|chiều cao
đất thổ cư|đất ruộng|đất vườn|đất rừng|đất hoang|đất trống|đất công|thổ nhưỡng|địa hình|địa giới|địa danh
cầu cống|mương|rãnh|hố ga|nắp cống|vỉa hè|lề đường|dải phân cách|đèn đường|cột điện|đường dây|trạm biến áp
sửa sang|cải tạo|trùng tu|tôn tạo|phá dỡ|tháo dỡ|di dời|giải tỏa|lấn chiếm|xây trái phép|sụt lún|nứt nẻ|thấm dột
# health and medicine
bệnh viện|phòng khám|trạm xá|nhà thuốc|hiệu thuốc|bác sĩ|y sĩ|y tá|điều dưỡng|hộ sinh|dược sĩ|lương y|thầy thuốc
bệnh nhân|người bệnh|khám bệnh|chữa bệnh|điều trị|nội trú|ngoại trú|cấp cứu|hồi sức|phẫu thuật|mổ|gây mê|tiêm
truyền dịch|xét nghiệm|chụp phim|siêu âm|nội soi|huyết áp|tim mạch|tiểu đường|ung thư|lao phổi|viêm gan|sốt rét
cảm cúm|ho|sốt|tiêu chảy|kiết lỵ|thương hàn|bại liệt|sởi|quai bị|thủy đậu|tay chân miệng|đau mắt đỏ|dại|uốn ván
bạch hầu|ho gà|viêm phổi|hen suyễn|đột quỵ|tai biến|béo phì|suy dinh dưỡng|thiếu máu|còi xương|bướu cổ|dị ứng
vắc xin|kháng sinh|thuốc men|thuốc bổ|khẩu trang|nước muối|bông băng|ống nghe|nhiệt kế|cáng|xe cứu thương
sức khỏe|dinh dưỡng|vệ sinh|khử trùng|sát khuẩn|tẩy uế|cách ly|phong tỏa|truy vết|lây nhiễm|ổ dịch|mầm bệnh
đông y|tây y|châm cứu|bấm huyệt|thuốc nam|thuốc bắc|xoa bóp|phục hồi chức năng|an dưỡng|dưỡng lão|hộ lý
# education and science
giáo viên|giảng viên|hiệu trưởng|hiệu phó|học sinh|sinh viên|học viên|nghiên cứu sinh|phụ huynh|lớp học|sĩ số
mẫu giáo|nhà trẻ|tiểu học|trung học|đại học|cao đẳng|trung cấp|học viện|thạc sĩ|tiến sĩ|giáo sư|phó giáo sư
sách giáo khoa|vở|bút|thước kẻ|phấn|bảng đen|cặp sách|đồng phục|học phí|học bổng|khai giảng|bế giảng|tựu trường
kỳ thi|thi cử|tuyển sinh|tốt nghiệp|bằng cấp|văn bằng|chứng chỉ|điểm số|học bạ|hạnh kiểm|học lực|khá giỏi|xuất sắc
toán học|văn học|lịch sử|địa lý|vật lý|hóa học|sinh học|ngoại ngữ|tiếng anh|tin học|âm nhạc|mỹ thuật|thể dục
khoa học|công nghệ|kỹ thuật|sáng kiến|sáng chế|phát minh|thí nghiệm|phòng thí nghiệm|đề tài|luận văn|luận án
thư viện|bảo tàng|nhà văn hóa|rạp hát|rạp chiếu phim|nhà thi đấu|sân vận động|công viên|quảng trường|tượng đài
# agriculture, forestry, fisheries
ruộng lúa|ruộng bậc thang|nương rẫy|vườn tược|trang trại|gia trại|nông trường|lâm trường|hợp tác xã|đồng ruộng
cày bừa|gieo mạ|cấy lúa|gặt hái|tuốt lúa|phơi thóc|xay xát|giã gạo|sàng sảy|bón phân|tưới tiêu|làm cỏ|phun thuốc
giống lúa|lúa nước|lúa nếp|lúa tẻ|ngô|khoai lang|khoai mì|sắn|đậu phộng|lạc|đậu nành|đậu xanh|vừng|mía|bông
rau màu|hoa màu|cây ăn quả|cây công nghiệp|cà phê|hồ tiêu|cao su|điều|chè|ca cao|dừa|thuốc lá|dâu tằm|đay|cói
trâu bò|lợn|heo|gà vịt|ngan|ngỗng|dê|cừu|ngựa|thỏ|chim cút|bồ câu|chuồng trại|thức ăn chăn nuôi|thú y|dịch tả
lở mồm long móng|tai xanh|nuôi trồng thủy sản|ao hồ|lồng bè|đầm phá|tôm sú|cá tra|cá ba sa|nghêu|sò|hàu|rong biển
đánh bắt|tàu cá|ngư dân|ngư trường|lưới|chài|vó|đơm đó|câu cá|cảng cá|bến cá|khai thác|trồng rừng|phá rừng
kiểm lâm|lâm sản|gỗ|tre nứa|song mây|củi|than củi|nhựa thông|quế|hồi|sa nhân|dược liệu|nông sản|thu mua|tiêu thụ
được mùa|mất mùa|được giá|mất giá|sâu bệnh|rầy nâu|đạo ôn|chuột phá|hạn hán|xâm nhập mặn|ngập úng|sạt lở
# transport and traffic
giao thông|đường bộ|đường sắt|đường thủy|hàng không|quốc lộ|tỉnh lộ|đường tránh|cao tốc|đường làng|ngõ xóm
ngã tư|ngã ba|ngã năm|vòng xoay|bùng binh|cầu vượt|hầm chui|đèn tín hiệu|biển báo|vạch kẻ|làn đường|dải phân cách
xe máy|xe đạp|ô tô|xe tải|xe khách|xe buýt|xe ben|xe lu|xe cứu hỏa|tàu hỏa|tàu thủy|ca nô|thuyền|đò|phà|sà lan
máy bay|sân bay|nhà ga|bến xe|bến tàu|bến phà|bến đò|bãi đỗ|trạm thu phí|giấy phép lái xe|đăng kiểm|biển số
vận tải|vận chuyển|hành khách|hàng hóa|tài xế|lái xe|phụ xe|xe ôm|xích lô|tắc xi|tai nạn|va chạm|ùn tắc|kẹt xe
vượt đèn đỏ|nồng độ cồn|mũ bảo hiểm|tốc độ|quá tải|chở quá số người|phương tiện|xăng dầu|cây xăng|săm lốp
# environment, climate, disasters
môi sinh|sinh thái|đa dạng sinh học|khí thải|nước thải|chất thải rắn|chất thải nguy hại|rác thải nhựa|túi ni lông
bãi rác|lò đốt|tái chế|xử lý|ô nhiễm|bụi mịn|khói bụi|tiếng ồn|mùi hôi|ô nhiễm nguồn nước|kênh rạch|sông ngòi
cây xanh|mảng xanh|phủ xanh|trồng cây|chặt cây|tỉa cành|ngã đổ|bão|áp thấp nhiệt đới|lốc xoáy|mưa đá|sấm sét
lũ quét|triều cường|nước dâng|ngập lụt|hạn mặn|sạt lở đất|động đất|sóng thần|cháy rừng|rét đậm|rét hại|nắng nóng
sơ tán|di dân|cứu trợ|cứu hộ|cứu nạn|phao cứu sinh|áo phao|bao cát|kè|đê điều|đập|hồ chứa|xả lũ|cảnh báo
# society, welfare, labour
an sinh|phúc lợi|bảo trợ|cứu tế|từ thiện|nhân đạo|tình nguyện|thiện nguyện|quyên góp|ủng hộ|tương trợ|hảo tâm
mồ côi|góa bụa|neo đơn|lang thang|cơ nhỡ|tàn tật|thương binh|bệnh binh|liệt sĩ|người có công|nạn nhân|chất độc da cam
hộ khá|hộ giàu|thoát nghèo|tái nghèo|thu nhập|mức sống|đời sống|việc làm|thất nghiệp|người lao động|công nhân
nông dân|tiểu thủ công|thợ thủ công|lao động tự do|làm thuê|tiền công|tiền lương|lương hưu|trợ cấp|tuổi nghỉ hưu
công đoàn|đình công|tranh chấp lao động|người sử dụng lao động|bảo hộ lao động|ca kíp|tăng ca|làm thêm giờ
dân tộc|kinh|tày|thái|mường|khơ me|hoa|nùng|mông|dao|gia rai|ê đê|ba na|chăm|xơ đăng|cơ tu|thiểu số|đồng bào
"""


def _word_list(text: str) -> list[str]:
    """The words of a ``WORDS``-style string: ``#`` comments dropped, split on ``|`` and line ends."""
    out = []
    for line in text.splitlines():
        for word in line.split("#", 1)[0].split("|"):
            if word.strip():
                out.append(" ".join(word.split()))
    return out


def words() -> list[str]:
    """Every word of ``WORDS`` then ``WORDS_2``, in file order (duplicates kept)."""
    return _word_list(WORDS) + _word_list(WORDS_2)


def syllables() -> list[str]:
    """Distinct lowercase syllables (normalized tone placement), most frequent/general first:
    COMMON's order, then the phrases, then ``WORDS`` and ``WORDS_2`` in file order."""
    from public_docs.search.analysis import normalize

    seen: dict[str, None] = {}
    for source in (COMMON, PHRASES, words()):
        for text in source:
            for syllable in normalize(text).lower().split():
                seen.setdefault(syllable, None)
    return list(seen)
