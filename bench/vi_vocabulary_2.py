"""More real Vietnamese words for the search benchmark, the second half of ``bench/vi_vocabulary.py``
(split to keep each file short); the same format as ``WORDS`` there."""

WORDS_2 = """
# family and kinship
ông bà|cha mẹ|bố mẹ|ba má|thầy u|anh chị|em út|con cháu|chắt|chít|cô dì|chú bác|cậu mợ|thím|dượng|ông nội|bà ngoại
vợ chồng|cô dâu|chú rể|thông gia|sui gia|họ hàng|bà con|dòng họ|tổ tiên|ông cố|cụ kỵ|anh em ruột|con nuôi|con ghẻ
mẹ kế|cha dượng|con trưởng|con thứ|con một|sinh đôi|hiếu thảo|phụng dưỡng|nuôi nấng|dạy dỗ|chăm bẵm|cưng chiều
đám cưới|đám hỏi|đám ma|đám giỗ|ăn hỏi|dạm ngõ|sính lễ|của hồi môn|tang lễ|để tang|khăn tang|mộ phần|nghĩa trang
# body and person
đầu|tóc|trán|mắt|mũi|miệng|môi|răng|lưỡi|tai|má|cằm|cổ|vai|lưng|ngực|bụng|rốn|eo|hông|mông|đùi|đầu gối|bắp chân
gót chân|bàn chân|ngón tay|móng tay|cánh tay|khuỷu tay|cổ tay|lòng bàn tay|nắm đấm|xương|sườn|gân|cơ bắp|da thịt
tim|gan|phổi|thận|dạ dày|ruột|lá lách|mật|bàng quang|não|tủy|máu|mồ hôi|nước mắt|nước bọt|đờm|mủ|sẹo|nốt ruồi
lông mày|lông mi|râu|ria|tóc mai|búi tóc|bím tóc|trọc|hói|gù|lùn|cao lớn|gầy gò|béo tốt|mập mạp|khỏe mạnh|ốm yếu
# food, dishes, cooking
cơm|cháo|phở|bún|miến|mì|hủ tiếu|bánh mì|bánh chưng|bánh tét|bánh giầy|bánh cuốn|bánh xèo|bánh bao|bánh khọt
bánh bèo|bánh đúc|bánh ít|bánh da lợn|bánh tráng|bánh đa|bánh phồng tôm|xôi|chè|giò lụa|chả|nem rán|chả giò|nem chua
thịt kho|cá kho|canh chua|lẩu|gỏi cuốn|nộm|dưa muối|cà pháo|mắm tôm|nước mắm|nước tương|xì dầu|tương ớt|muối|đường
tiêu|ớt|tỏi|hành|gừng|riềng|sả|nghệ|thì là|ngò|rau răm|tía tô|kinh giới|húng quế|lá lốt|mùi tàu|hẹ|tần ô
rán|chiên|xào|luộc|hấp|nướng|quay|om|kho|hầm|ninh|rim|ram|tráng|trụng|chần|muối chua|ướp|tẩm|thái|băm|giã|vo gạo
thịt bò|thịt lợn|thịt gà|sườn non|ba chỉ|lòng lợn|tiết canh|trứng|đậu phụ|đậu hũ|tàu hũ|sữa|bơ|phô mai|mỡ|dầu ăn
bữa sáng|bữa trưa|bữa tối|ăn vặt|đồ nhắm|tráng miệng|cỗ bàn|mâm cơm|bát đũa|thìa|muỗng|dĩa|nĩa|đĩa|chén|ly|cốc
rượu|bia|trà|nước chè|cà phê sữa|nước ngọt|nước dừa|sinh tố|nước mía|sữa đậu nành|kẹo|mứt|bánh kẹo|ô mai|kem
# clothing and belongings
quần áo|áo dài|áo bà ba|áo sơ mi|áo khoác|áo len|áo mưa|quần đùi|váy|yếm|khăn quàng|nón lá|mũ|giày dép|guốc|ủng
tất|vớ|găng tay|thắt lưng|cà vạt|cúc áo|khuy|túi xách|ví|ba lô|va li|ô|dù|kính|đồng hồ|nhẫn|vòng cổ|bông tai|lắc
vải|lụa|gấm|nhung|đũi|len|dạ|bông|sợi|chỉ|kim|kéo|máy khâu|thợ may|may vá|thêu thùa|đan lát|dệt|nhuộm|giặt giũ
# house, furniture, tools
nhà bếp|phòng khách|phòng ngủ|nhà vệ sinh|nhà tắm|hiên|sân|vườn|giếng|bể nước|chum|vại|lu|ang|thúng|mủng|nia|sàng
giường|chiếu|chăn|màn|gối|nệm|tủ|bàn ghế|ghế đẩu|sập|phản|võng|kệ|giá sách|đèn|quạt|ti vi|tủ lạnh|máy giặt
nồi|niêu|xoong|chảo|ấm|phích|bếp lò|bếp ga|bếp củi|rổ|rá|mẹt|chổi|cây lau nhà|xô|chậu|gáo|thớt|dao|rìu|búa|đục
cưa|bào|kìm|đinh|ốc vít|tua vít|cờ lê|xẻng|cuốc|thuổng|mai|liềm|hái|cày|bừa|gàu|đòn gánh|quang gánh|sọt|bồ|cót
dây thừng|dây chão|xích|khóa|chìa khóa|then cài|bản lề|chốt|đèn pin|nến|diêm|bật lửa|than|củi khô|rơm rạ|trấu
# occupations
thợ mộc|thợ nề|thợ hồ|thợ rèn|thợ hàn|thợ điện|thợ nước|thợ cắt tóc|thợ may|thợ xây|thợ gốm|thợ bạc|thợ kim hoàn
kỹ sư|kiến trúc sư|nhà báo|phóng viên|biên tập viên|nhà văn|nhà thơ|họa sĩ|nhạc sĩ|ca sĩ|diễn viên|đạo diễn
nông phu|tiều phu|ngư phủ|mục đồng|lái buôn|con buôn|chủ tiệm|chủ quán|đầu bếp|bồi bàn|lao công|bảo vệ|thủ kho
bộ đội|sĩ quan|binh sĩ|chiến sĩ|du kích|cảnh sát|công an|dân phòng|lính cứu hỏa|phi công|thủy thủ|thuyền trưởng
# places and geography
đồng bằng|trung du|miền núi|cao nguyên|duyên hải|ven biển|hải đảo|bán đảo|vịnh|eo biển|cửa biển|cửa sông|bãi biển
núi non|đồi|gò|đèo|dốc|thung lũng|hẻm núi|vực|hang động|thác|suối|khe|ghềnh|lạch|rạch|kênh|ao|hồ|đầm|phá|bãi bồi
đồng cỏ|sa mạc|rừng rậm|rừng ngập mặn|rừng phòng hộ|rừng đặc dụng|vườn quốc gia|khu bảo tồn|thượng nguồn|hạ lưu
làng|xóm|bản|thôn|ấp|chòm|cụm|phố phường|nội thành|ngoại thành|ven đô|ngoại ô|thị tứ|đầu làng|cuối xóm|bờ tre
bắc|trung|nam|đông|tây|hà nội|hải phòng|đà nẵng|huế|sài gòn|cần thơ|nghệ an|thanh hóa|quảng nam|quảng ngãi
bình định|phú yên|khánh hòa|ninh thuận|bình thuận|lâm đồng|gia lai|đồng nai|bình dương|long an
tiền giang|bến tre|vĩnh long|trà vinh|sóc trăng|bạc liêu|cà mau|kiên giang|an giang|đồng tháp|hậu giang|tây ninh
lạng sơn|cao bằng|hà giang|lào cai|yên bái|tuyên quang|thái nguyên|bắc giang|bắc ninh|hưng yên|hải dương|nam định
thái bình|ninh bình|hà nam|hòa bình|sơn la|điện biên|lai châu|quảng ninh|quảng bình|quảng trị|hà tĩnh|vũng tàu
cẩm lệ|hòa an|hòa khánh|hải châu|thanh khê|sơn trà|ngũ hành sơn|liên chiểu|hòa vang|hội an|tam kỳ|mỹ sơn
trường sơn|hoàng liên sơn|cửu long|sông hồng|sông đà|sông mã|sông hương|sông hàn|tây nguyên|nam bộ|bắc bộ|trung bộ
# nature: weather, sky, earth
trời đất|mặt trời|mặt trăng|trăng tròn|trăng khuyết|sao|ngân hà|sao băng|bầu trời|mây|sương mù|sương muối|gió mùa
mưa phùn|mưa rào|mưa dầm|mưa ngâu|nắng|hanh khô|oi bức|nồm|giông|chớp|sấm|cầu vồng|tuyết|băng giá|khí hậu|thời tiết
nhiệt độ|độ ẩm|không khí|hơi nước|đất sét|đất thịt|phù sa|bùn|đá|sỏi đá|cát trắng|quặng|sắt|đồng thau|chì|kẽm
vàng|bạc|bạch kim|kim cương|ngọc|hồng ngọc|than đá|dầu mỏ|khí đốt|lửa|khói|tro|bụi|sóng|thủy triều|dòng chảy
# plants, trees, flowers, fruits
cây cối|cành|lá|hoa|quả|trái|hạt|rễ|thân|gốc|ngọn|chồi|nụ|búp|gai|vỏ cây|nhựa cây|mầm|hạt giống|cây con|cỏ dại
tre|trúc|nứa|vầu|mai|lim|sến|táu|đinh hương|gụ|trắc|cẩm lai|thông|bạch đàn|keo|phi lao|bàng|phượng|bằng lăng
đa|si|sung|gạo|gáo|xà cừ|sấu|sao đen|dầu|me|muồng|hoa sữa|hoa gạo|bồ đề|bàng vuông|trôm|mù u|bần|đước|sú vẹt
hoa sen|hoa súng|hoa hồng|hoa cúc|hoa huệ|hoa lan|hoa mai|hoa đào|hoa ban|hoa lay ơn|hoa mười giờ|hoa giấy|dâm bụt
thược dược|mẫu đơn|thủy tiên|trà mi|nguyệt quế|ngọc lan|hoàng lan|dạ lý hương|quỳnh|sứ|hải đường|móng rồng
chuối|cam|quýt|bưởi|chanh|xoài|ổi|mít|mận|mơ|đào|lê|táo|nho|dưa hấu|dưa lê|dưa chuột|dứa|thơm|khóm|đu đủ|na
mãng cầu|nhãn|vải|chôm chôm|măng cụt|sầu riêng|thanh long|vú sữa|hồng xiêm|khế|cóc|chùm ruột|bòn bon
dâu|lựu|sơ ri|mắc ca|hạt dẻ|óc chó|dừa xiêm|cau|trầu|lá chuối|bắp cải|su hào|súp lơ|cải xanh|cải cúc|rau muống
rau ngót|rau dền|mồng tơi|rau má|rau đay|bí đao|bí đỏ|bầu|mướp|khổ qua|cà chua|cà tím|cà rốt|củ cải|hành tây
khoai tây|khoai môn|khoai sọ|củ từ|củ mỡ|củ đậu|măng|nấm|mộc nhĩ|giá đỗ|đậu đũa|đậu cô ve|đậu bắp|ngó sen
# animals, birds, fish, insects
con vật|muông thú|thú rừng|gia súc|gia cầm|hổ|cọp|báo|sư tử|voi|gấu|khỉ|vượn|hươu|nai|hoẵng|mang|lợn rừng|nhím
sóc|chồn|cáo|chó sói|chó|mèo|chuột|dơi|rắn|trăn|thằn lằn|tắc kè|kỳ nhông|cá sấu|rùa|ba ba|ếch|nhái|cóc|chẫu chàng
chim sẻ|chim sâu|chào mào|họa mi|sáo|vẹt|yến|én|cò|vạc|diệc|bồng chanh|chim ưng|đại bàng|diều hâu|cú mèo|quạ
công|trĩ|gà lôi|chim gõ kiến|bói cá|le le|mòng biển|hải âu|đà điểu|chim cánh cụt|tu hú|cuốc|chích chòe|khướu
cá chép|cá trắm|cá mè|cá rô|cá diếc|cá quả|cá lóc|cá trê|cá chạch|lươn|cá thu|cá ngừ|cá nục|cá cơm|cá mòi|cá đuối
cá mập|cá voi|cá heo|mực|bạch tuộc|sứa|tôm hùm|cua|ghẹ|còng|cáy|ốc|hến|trai|ngao|ngán|điệp|san hô|sao biển
côn trùng|ong|bướm|chuồn chuồn|châu chấu|cào cào|dế|ve sầu|đom đóm|muỗi|ruồi|kiến|mối|gián|bọ cạp|nhện|rết|sâu
giun|đỉa|vắt|ốc sên|bọ xít|bọ rùa|cà cuống|niềng niễng|sâu róm|tằm|kén|mật ong|tổ ong|tổ chim|mạng nhện|lông vũ
# verbs: everyday actions
ăn uống|ngủ nghỉ|thức dậy|đi lại|chạy nhảy|đứng ngồi|nằm|bò|leo trèo|bơi lội|lặn|nhảy múa|hát ca|cười|khóc|nói
nghe|nhìn|ngắm|xem|thấy|ngửi|nếm|sờ|chạm|cầm|nắm|buông|thả|ném|vứt|nhặt|lượm|bới|đào|xới|lấp|vun|đắp|nặn|gọt
cắt|chặt|chém|đẽo|khắc|chạm trổ|vẽ|viết|đọc|đếm|tính|nhớ|quên|hiểu|biết|học hỏi|dạy|bảo|khuyên|răn|mắng|chửi
đánh|đấm|đá|tát|véo|cấu|cắn|nhai|nuốt|nhổ|khạc|hắt hơi|ngáp|thở|hít|thổi|huýt sáo|gào|thét|la hét|quát|rống
gọi|hỏi|trả lời|đáp|kể|thuật|bàn|cãi|tranh luận|thuyết phục|nài nỉ|van xin|cầu khẩn|mời|rủ|hẹn|đợi|chờ|mong
đi|về|đến|tới|lại|qua|sang|vào|ra|lên|xuống|rời|bỏ|theo|dẫn|đưa|đón|tiễn|gửi|nhận|trao|tặng|biếu|cho vay|mượn
mua|bán|đổi|trả|nợ|thuê|mướn|cầm cố|thế chấp|đặt cọc|mặc cả|trả giá|kiếm|tiêu|xài|tiêu xài|phung phí|dành dụm
mặc|cởi|đội|mang|đeo|đi giày|tắm|gội|rửa|lau|chùi|quét|dọn|giặt|phơi|gấp|là|ủi|khâu|vá|mạng|thêu|đan|tết|bện
nấu|đun|sôi|nhóm lửa|thổi cơm|dọn cơm|mời cơm|rót|pha|khuấy|trộn|nhào|cán|vắt|ép|lọc|chắt|gạn|đổ|hứng|múc|xúc
mở|đóng|khóa|bật|tắt|kéo|đẩy|nâng|nhấc|hạ|treo|móc|buộc|trói|cởi trói|gỡ|tháo|lắp|ráp|nối|hàn|dán|ghép|gắn
xếp|sắp|bày|trưng|cất|giấu|tìm|kiếm|lục|soát|mất|đánh rơi|đánh mất|rơi|vỡ|gãy|đổ vỡ|sụp|lún|chìm|nổi|trôi|bay
làm|làm việc|lao động|cày cuốc|gánh|vác|khiêng|khuân|bê|bưng|xách|ôm|cõng|địu|bế|ẵm|dắt|lôi|kéo co|chèo|lái|đạp
chơi|đùa|nô đùa|trêu|chọc|giỡn|giận|dỗi|hờn|dỗ dành|vỗ về|an ủi|khen|chê|thương|yêu|ghét|sợ|lo|mừng|vui|buồn
sinh sống|sống|chết|mất|qua đời|từ trần|tạ thế|hy sinh|ra đời|chào đời|lớn lên|già đi|ốm|đau|khỏi bệnh|bình phục
# verbs: work, management, thinking
suy nghĩ|suy luận|suy xét|cân nhắc|đắn đo|phân vân|do dự|lưỡng lự|quyết tâm|kiên trì|bền bỉ|cố gắng|nỗ lực|phấn đấu
lập|soạn|thảo|ghi chép|ghi nhận|ghi nhớ|lưu ý
chú ý|quan tâm|theo dõi|giám định|kiểm định|kiểm nghiệm|kiểm kê|kiểm đếm
rà soát|sàng lọc|chọn lọc|tuyển chọn|bình chọn|xét duyệt|xét tuyển|xếp hạng|phân loại|phân tích|so sánh|đối chiếu
thống kê|điều chỉnh|sắp đặt|bố trí|sắp xếp|huy động|vận động|kêu gọi|tuyên truyền|tập huấn|huấn luyện|rèn luyện
cung cấp|cung ứng|tiếp tế|phân bổ|điều phối|điều tiết|can thiệp|ngăn chặn|ngăn ngừa|phòng ngừa|đẩy lùi|khống chế
thúc đẩy|khuyến khích|động viên|cổ vũ|biểu dương|tuyên dương|vinh danh|trân trọng|ghi công|tri ân|cảm ơn|xin lỗi
đảm bảo|bảo đảm|cam kết|hứa hẹn|thỏa thuận|thương lượng
đàm phán|ký kết|hợp tác|liên kết|liên doanh|sáp nhập|chia tách
nghiên cứu|khảo sát|điều tra|thăm dò|dự báo|dự đoán|ước tính|ước lượng|đo lường|tính toán|cân đo|đong đếm|định lượng
# adjectives and states
tốt|xấu|đẹp|đẹp đẽ|xinh|xinh xắn|dễ thương|đáng yêu|hiền lành|dữ tợn|ác|độc ác|tử tế|tốt bụng|thật thà|gian dối
chăm chỉ|siêng năng|cần cù|lười biếng|nhanh nhẹn|chậm chạp
khéo léo|vụng về|thông minh|ngốc nghếch|dại dột|khôn ngoan
giỏi giang|kém cỏi|tài giỏi|tài ba|lịch sự|lễ phép|vô lễ
hỗn láo|kiêu ngạo|khiêm tốn|giản dị|cầu kỳ|xa hoa|sang trọng
giàu có|nghèo khó|khó khăn|dễ dàng|đơn giản|phức tạp|rắc rối|gọn gàng|bừa bộn|sạch sẽ|bẩn thỉu|dơ|hôi thối|thơm tho
to|nhỏ|lớn|bé|dài|ngắn|rộng|hẹp|cao|thấp|sâu|nông|dày|mỏng|nặng|nhẹ|béo|gầy|mập|ốm|thẳng|cong|tròn|vuông|méo
nóng|lạnh|ấm|mát|rét|buốt|khô|ướt|ẩm|ráo|cứng|mềm|dẻo|giòn|dai|nhão|nhừ|chín|sống|xanh|đỏ|vàng|trắng|đen|tím|nâu
hồng|xám|cam|lam|lục|chàm|ngà|bạc màu|sẫm|nhạt|thẫm|tươi|héo|úa|khô héo|cằn cỗi|màu mỡ|phì nhiêu|trù phú|sầm uất
ngọt|chua|cay|đắng|mặn|nhạt nhẽo|chát|béo ngậy|thơm ngon|ngon lành|bùi|ngậy|tanh|khét|thiu|ôi|hôi|nồng|hắc|thum thủm
mạnh|yếu|khỏe|mệt|mỏi|buồn ngủ|đói|no|khát|say|tỉnh|ốm đau|đau đớn|nhức|mỏi mệt|kiệt sức|uể oải|hăng hái|nhiệt tình
nhanh|chậm|sớm|muộn|trễ|gấp|vội|khẩn cấp|cấp bách|cấp thiết|thiết yếu|quan trọng|trọng yếu|then chốt|chủ yếu|thứ yếu
mới mẻ|cũ kỹ|hiện đại|lạc hậu|tiên tiến|văn minh|thô sơ
tinh vi|hoàn hảo|hoàn chỉnh|đầy đủ|thiếu sót|dư thừa|khan hiếm
an toàn|nguy hiểm|hiểm trở|bằng phẳng|gồ ghề|trơn trượt|lầy lội|bụi bặm|ồn ào|yên tĩnh|tĩnh lặng|vắng vẻ|đông đúc
vui vẻ|buồn bã|hạnh phúc|khổ sở|cực khổ|vất vả|nhàn nhã|thong thả|bận rộn|tất bật|hối hả|lo lắng|sợ hãi|hồi hộp
bình tĩnh|nóng nảy|điềm đạm|hiền hòa|ôn hòa|dịu dàng
nhẹ nhàng|thô lỗ|cộc cằn|hung hăng|hung dữ|ngang ngược|bướng bỉnh
# reduplicatives and expressive words
lấp lánh|rì rào|xào xạc|róc rách|ầm ầm|ào ào|lộp độp|tí tách|lách cách|leng keng|loảng xoảng|rầm rập|lạch bạch
khúc khích|ha hả|hi hi|thút thít|nức nở|sụt sùi|rưng rưng|lã chã|ròng ròng|tong tỏng|lõm bõm|bì bõm|lạch cạch
lom khom|lò dò|lững thững|thơ thẩn|ngơ ngác|ngẩn ngơ|bâng khuâng|xao xuyến|bồi hồi|thổn thức|day dứt|dằn vặt
lung linh|long lanh|lóng lánh|óng ánh|nhấp nháy|chập chờn|lập lòe|le lói|mập mờ|lờ mờ|mờ mịt|mịt mù|âm u|u ám
xanh xanh|đo đỏ|vàng vọt|trăng trắng|đen đúa|tim tím|xanh lè|đỏ lòm|vàng khè|trắng toát|đen kịt|xám xịt|hồng hào
ngoằn ngoèo|khúc khuỷu|quanh co|gập ghềnh|khấp khểnh|lổn nhổn|lởm chởm|chênh vênh|cheo leo|chót vót|lênh khênh
bập bềnh|dập dềnh|lênh đênh|bồng bềnh|chòng chành|tròng trành|lắc lư|đung đưa|phất phơ|lơ thơ|lả lướt|thướt tha
líu lo|ríu rít|véo von|thánh thót|réo rắt|tỉ tê|thì thầm|thủ thỉ|lầm bầm|lẩm bẩm|càu nhàu|cằn nhằn|lải nhải|léo nhéo
hổn hển|phì phò|khò khè|sù sụ|khụ khụ|hì hục|lúi húi
cặm cụi|tất tả|lật đật|hấp tấp|cuống quýt|luống cuống|lóng ngóng
nhấp nhô|lô nhô|san sát|chi chít|lúc nhúc|nhung nhúc|lố nhố
rải rác|lác đác|thưa thớt|lưa thưa|um tùm|rậm rạp|xum xuê
mơn mởn|nõn nà|mượt mà|óng ả|mũm mĩm|bụ bẫm|phúng phính|tròn trịa|thon thả|mảnh mai|dong dỏng|lêu nghêu|lùn tịt
lạnh lẽo|lạnh ngắt|giá buốt|tê tái|rét run|nóng bức|nóng nực|ấm áp|mát mẻ|ẩm ướt|ướt át|khô khan|khô khốc|nứt nẻ
# numbers, measures, time
không|linh|lẻ|mốt|tư|lăm|nhăm|chục|vạn|ức|nửa|rưỡi|đôi|cặp|tá|chiếc|cái|con|quả|tấm|bức|cuốn|pho|bộ|đàn|bầy
lít|ki lô|gam|cân|lạng|yến|tạ|tấn|mét|cây số|dặm|sải|gang|thước|tấc|phân|li|sào|mẫu|thước vuông|héc ta|độ
giây|phút|giờ|tiếng đồng hồ|buổi|sáng|trưa|chiều|tối|đêm|khuya|rạng sáng|bình minh|hoàng hôn|chạng vạng|nửa đêm
hôm nay|hôm qua|hôm kia|ngày mai|ngày kia|tuần sau|tháng trước|năm ngoái|năm tới|sang năm|thứ hai|chủ nhật|cuối tuần
mùa xuân|mùa hè|mùa hạ|mùa thu|mùa đông|mùa mưa|mùa khô|tháng giêng|tháng chạp|âm lịch|dương lịch|thế kỷ|thập kỷ
# Sino-Vietnamese: abstract and literary words
quốc gia|dân tộc|tổ quốc|giang sơn|sơn hà|non sông|đất nước|xã tắc|triều đình|vương triều|hoàng đế|vua chúa|quan lại
thái tử|công chúa|hoàng hậu|thừa tướng|tể tướng|thượng thư|tổng đốc|tuần phủ|tri phủ|tri huyện|lý trưởng|hương chức
khởi nghĩa|kháng chiến|cách mạng|giải phóng|thống nhất|độc lập|chủ quyền|lãnh thổ|lãnh hải|biên giới|biên cương
anh hùng|hào kiệt|nghĩa sĩ|chí sĩ|liệt nữ|danh nhân
vĩ nhân|thiên tài|hiền tài|nhân tài|trạng nguyên|bảng nhãn|thám hoa
đạo đức|nhân nghĩa|trung hiếu|lễ nghĩa|liêm sỉ|tiết hạnh|khí phách|bản lĩnh|nghị lực|ý chí|tâm hồn|tình cảm|lý trí
chân lý|chân thành|thành thật|thành khẩn|trung thực|công tâm
khách quan|chủ quan|tương đối|tuyệt đối|tất yếu|ngẫu nhiên
nguyên nhân|hậu quả|kết cục|bản chất|hiện tượng|quy luật|nguyên tắc|phương châm|phương pháp|phương thức|hình thức
triết học|tư tưởng|học thuyết|chủ nghĩa|lý luận|thực tiễn|khái niệm|phạm trù|mâu thuẫn|biện chứng|duy vật|duy tâm
vũ trụ|thiên nhiên|tạo hóa|càn khôn|âm dương|ngũ hành|kim mộc thủy hỏa thổ|bát quái|phong thủy|tướng số|tử vi
hòa bình|chiến tranh|xâm lược|đô hộ|thực dân|đế quốc|phong kiến|nô lệ|áp bức|bóc lột|đấu tranh|khởi sự|binh biến
vinh quang|vẻ vang|huy hoàng|rực rỡ|lẫy lừng|oanh liệt|hào hùng|bi tráng|lẫm liệt|hiên ngang|bất khuất|kiên cường
uy tín|danh dự|danh tiếng|tiếng tăm|thanh danh|nhân phẩm|phẩm giá|phẩm chất|tư cách|năng lực|trình độ|kinh nghiệm
# religion, beliefs, customs
phật giáo|thiên chúa giáo|tin lành|cao đài|hòa hảo|hồi giáo|đạo mẫu|chùa|đình|đền|miếu|phủ|am|nhà thờ|thánh thất
sư thầy|ni cô|hòa thượng|thượng tọa|đại đức|linh mục|mục sư|giáo dân|phật tử|tín đồ|tụng kinh|niệm phật|cầu nguyện
thờ cúng|cúng giỗ|hương khói|thắp hương|lễ chùa|đi lễ|hành hương|xin xăm|bói toán|lên đồng|hầu đồng|bàn thờ|lư hương
ông táo|thổ công|thành hoàng|táo quân|thần tài|ông địa|bồ tát|quan âm|di lặc|thích ca|niết bàn|luân hồi|nghiệp báo
tết|rằm|mùng một|giao thừa|xông đất|lì xì|hái lộc
câu đối|pháo|cây nêu|mâm ngũ quả|trung thu|đèn lồng|múa lân|rước đèn
# arts, music, literature, sport
nghệ thuật|hội họa|điêu khắc|nhiếp ảnh|điện ảnh|sân khấu|tuồng|chèo|cải lương|múa rối nước|ca trù|quan họ|hát xoan
đờn ca tài tử|vọng cổ|hò|vè|ru|ca dao|tục ngữ|thành ngữ|truyện cổ tích|thần thoại|truyền thuyết|ngụ ngôn|sử thi
thơ ca|lục bát|song thất|đường luật|tiểu thuyết|truyện ngắn|tùy bút|bút ký|phóng sự|kịch bản|nhân vật|cốt truyện
đàn bầu|đàn tranh|đàn nguyệt|đàn đáy|đàn tì bà|sáo trúc|kèn|trống|chiêng|cồng|mõ|phách|sênh|đàn ghi ta|dương cầm
bóng đá|bóng chuyền|bóng bàn|cầu lông|quần vợt|cờ vua|cờ tướng|cờ vây|võ thuật|vật|đấu vật|điền kinh|chạy bộ|bơi
đá cầu|nhảy dây|kéo co|đánh đu|ô ăn quan|bịt mắt bắt dê|trốn tìm|thả diều|đua thuyền|chọi gà|đấu vật|đánh vật
# military and police
quân đội|quân sự|bộ binh|pháo binh|công binh|hải quân|không quân|biên phòng|cảnh sát biển|đặc công|trinh sát|quân y
trung đoàn|sư đoàn|tiểu đoàn|đại đội|trung đội|tiểu đội
binh nhì|binh nhất|hạ sĩ|trung sĩ|thượng sĩ|thiếu úy|trung úy
thượng úy|đại úy|thiếu tá|trung tá|thượng tá|đại tá|thiếu tướng|trung tướng|thượng tướng|đại tướng|nguyên soái
súng|đạn|bom|mìn|lựu đạn|pháo|xe tăng|tàu chiến|chiến hạm|tên lửa|doanh trại|đồn|bốt|hào|công sự|chiến lũy|trận địa
# computing and communication
máy tính|điện thoại|di động|mạng|mạng toàn cầu|thư điện tử|tin nhắn|phần mềm|phần cứng|dữ liệu|cơ sở dữ liệu|máy chủ
tải lên|tải xuống|đăng nhập|đăng xuất|mật khẩu|tài khoản|tra cứu|tìm kiếm|trình duyệt|trang mạng|ứng dụng|bảo mật
máy in|máy quét|máy chiếu|loa|tai nghe|bàn phím|chuột máy tính|màn hình|ổ cứng|sạc|pin|cáp|truyền hình
báo chí|báo giấy|báo điện tử|tạp chí|bản tin|thời sự
phát thanh|truyền thanh|đài phát thanh|bưu điện|bưu phẩm|bưu kiện
# emotions and mind
vui mừng|hân hoan|phấn khởi|hồ hởi|sung sướng|mãn nguyện|hài lòng|thỏa mãn|bất mãn|phẫn nộ|căm phẫn|căm thù|oán hận
tức giận|cáu kỉnh|bực bội|bực mình|khó chịu|day dứt|hối hận
ân hận|xấu hổ|ngượng ngùng|bẽn lẽn|e thẹn|rụt rè|nhút nhát
can đảm|dũng cảm|gan dạ|liều lĩnh|táo bạo|mạo hiểm|thận trọng|cẩn thận|chu đáo|tỉ mỉ|cẩu thả|qua loa|đại khái|sơ sài
nhớ nhung|thương nhớ|mong đợi|khao khát|ước mơ|mơ ước|hy vọng|tuyệt vọng|thất vọng|chán nản|nản lòng|nản chí|bi quan
lạc quan|tin tưởng|ngờ vực|nghi ngờ|hoài nghi|ngạc nhiên
kinh ngạc|sửng sốt|bàng hoàng|choáng váng|hoảng hốt|hốt hoảng
# rarer rhymes: words with oa-, oă-, uy-, uê-, oe-, uâ- and the like
xoành xoạch|toạc|rách toạc|khoác lác|ngoác|xoạc|kế hoạch hóa|khuynh hướng|khuynh gia bại sản|huynh đệ
quýnh quáng|luýnh quýnh|kịp thời|nhịp nhàng|dịp|lừa bịp|híp mắt|huých|uỵch|yểm trợ|nhuốm|buồm|luộm thuộm|cuỗm
boong tàu|loong coong|loằng ngoằng|hoằng pháp|khuây khỏa|nguây nguẩy|quây quần|quầng thâm|xoắn|thoăn thoắt|ngoắt
khoèo|ngoẹo|séc|yết kiến|niêm yết|khoanh tay|loanh quanh|mới toanh|hoạnh họe|ngoáy|loay hoay|hí hoáy|tuýt còi
suýt|suýt soát|yểu điệu|lệch lạc|chếch|xếch|trắng bệch|kếch xù|hếch|chệch|bạc thếch|nhếch nhác|ươm tơ|ướm|gươm
chườm|đượm|nườm nượp|rườm rà|tươm tất|nơm nớp|rợp bóng|đớp|khớp|lợp mái|hớp|thếp vàng|rệp|xòe|đỏ hoe|toe toét
loe|nhòe|ngoe nguẩy|khoe|hoa hòe|giấc ngủ|gấc|lấc cấc|xấc láo|gió bấc|cứu vớt|bớt|rớt|lợt|nhớt|san sớt|hớt tóc
ngớt|bứt rứt|sứt mẻ|đứt|nhựt|vâng lời|tâng bốc|hẫng|lưu loát|thoạt đầu|húp|núp|úp|lụp xụp|vuốt|trắng muốt|suốt|tuột
tuất|tuần tra|kiếp|rau diếp|khiếp|phên liếp|chiêm chiếp|thiếp|xốp|tốp|đốp chát|chộp|ốp lát|gộp|lườn|ưỡn ngực|trườn
vươn|lượn|lều|phễu|mếu máo|rêu|sếu|đểu|bêu riếu|nếu|tếu|lếu láo|khều|thềm|đệm|têm trầu|chễm chệ|luôn|muốn|khuôn
tuôn|cuộn|muôn|suôn sẻ|khuê các|tuế nguyệt|ruốc|chuốc|đuốc|bờm|chớm|gớm|nơm|bết|lết|nết|phết|quết|sền sệt|nhà trệt
kẹp|nẹp|nép|gác xép|bẹp|lép|mép|tép|toang|loáng|thoáng|choàng|đoảng|khoang|oang oang|gặp|khắp|thẳng tắp|rắp tâm
hiu quạnh|nũng nịu|bé xíu|dìu dắt|níu kéo|trĩu quả|tíu tít|ỉu xìu|thèm|rèm|lem luốc|đem|tem|nhem nhuốc|kèm|rau ghém
choai choai|khoái|ngoài|oái oăm|toại nguyện|kín|vịn|nín|bịn rịn|thìn|giữ gìn|nhịn|đuôi|xuôi|rong ruổi|duỗi|nguôi
hòn cuội|kiêng|liệng|nghiêng|thiêng|đau điếng|cây kiểng|cốm|lốm đốm|xổm|gồm|cộm|chồm|cùn|mùn|hùn vốn|chùn|nhún|sún
ngùn ngụt|mươi|sưởi|khum|tủm tỉm|chúm chím|trùm|nhúm|giòn rụm|bước|chước|hài hước|phước|tước|xước|mênh mông|nhẹ tênh
bênh vực|mệnh|nét|bét|lấm lét|bọ chét|két sắt|phét|gầy đét|bích
ích kỷ|cũ rích|mích lòng|nhích|địch|con vích|phịch|đút|mút|ngút
nút|sút|trút|chuông|suông|uổng|thuồng luồng|nuông chiều|khoan|loan báo|ngoạn mục|toan tính|hoạn nạn|đoan trang|choán
miệt mài|giết|siết|riết|thiệt|sặc|chắc|ngắc ngứ|dằng dặc|cổ xúy|nhụy|nạp|chờn vờn|rợn|lởn vởn|hớn hở|nhờn|sờn|thoa
ngoa|xõa|đóa|sót|nhọt|hót|lót|mọt|thọt|xót|giọt|hõm|tóm|dòm|nom|lim dim|lịm|ghim|mỉm|bột|hột|ngột ngạt|xốc|thốc|sốc
nốc|đông nghịt|khít|con nít|sít sao|hên|kền kền|rên|phên|nóc
dọc|ngóc|bọc|rọc|tọc mạch|vóc|quyển|huyền|luyến|uyên bác
# family names and given names that are also ordinary words
nguyễn|trần|lê|phạm|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|ngô|dương|trịnh|đinh|lâm|lương|tạ|quách|kiều|lưu|mạc|thân
vương|phùng|doãn|khúc|triệu|hứa|âu|tăng|lục|khổng|mạnh|ông|chu|quan|nông|lò|cầm|sầm|diệp|giáp|ninh|tống|viên
an|bình|châu|dũng|duy|hải|hạnh|hằng|hiền|hùng|khang|khánh|khoa|linh|loan|long|nga|nhung|oanh|phúc|quân|quyên
tâm|thảo|thắm|thịnh|thư|trang|trinh|tú|tuấn|tùng|uyên|vân|cường|đạt|hiếu|huy|khôi|lộc|nhân|tài|thắng|toàn
trí|vinh|nguyệt|diễm|thoa|thúy|quyết|khải|khiêm|luân|thiện|thạch|tường|nhàn|nhi|ngân|diệu|duyên|hân|hảo|hậu
liên|ly|phượng|quỳnh|thơm|thùy|tiên|trâm|uyển|xuyến|đào|nương|bảo|bích|cúc|dung|điệp|gấm|giao|hòa|hoài|hưng
# Sino-Vietnamese and literary words
khải hoàn|khánh thành|tẩu thoát|thâu tóm|sưu tầm|sưu tập|truân chuyên|phiêu lưu|phiêu bạt|siêu phàm|tiêu diêu
tiều tụy|hủ bại|hủ lậu|huyễn hoặc|mê hoặc|nghi hoặc|hoặc|khoan dung|dung túng|độ lượng|vị tha|bác ái|từ bi|hỉ xả
nhẫn nhục|khổ hạnh|thanh bần|thanh đạm|thanh khiết|tinh khiết|thuần khiết|thuần chủng|thuần phục|phục tùng|tuân thủ
tuẫn tiết|trinh tiết|khảng khái|khẳng định|phủ định|phủ nhận|thừa nhận|chấp thuận|ưng thuận|ưng ý|đồng ý|ý đồ
mưu đồ|mưu mô|mưu kế|kế sách|sách lược|chiến lược|chiến thuật|thủ đoạn|xảo quyệt|xảo trá|gian xảo|quỷ quyệt|ma quỷ
yêu tinh|phù thủy|tiên nữ|thần tiên|ngọc hoàng|diêm vương|địa ngục|thiên đường|âm phủ|dương gian|trần gian|nhân gian
thế gian|hồng trần|phù du|phù sinh|phù hoa|phồn hoa|phồn thịnh|phồn vinh|thịnh vượng|hưng thịnh|suy vong|diệt vong
tàn lụi|điêu tàn|hoang tàn|tiêu điều|xơ xác|hốc hác|phờ phạc|bơ phờ|xanh xao|nhợt nhạt|tái mét|thâm quầng|u uất
ưu tư|trầm tư|mặc tưởng|hoài niệm|hoài cổ|luyến tiếc|lưu luyến|quyến luyến|vấn vương|tương tư|si tình|chung thủy
bội bạc|phụ bạc|bạc bẽo|ân nghĩa|ân tình|ân huệ|ân cần|niềm nở|xởi lởi|hào phóng|keo kiệt|bủn xỉn|hà tiện|tằn tiện
cần kiệm|liêm chính|chí công vô tư|quang minh chính đại|tham lam|tham vọng|hám lợi|vụ lợi|trục lợi|đục khoét|tư lợi
tráng lệ|diễm lệ|kiều diễm|yêu kiều|duyên dáng|thanh tú|thanh lịch|thanh nhã|tao nhã|phong nhã|nho nhã|văn nhã
khôi ngô|tuấn tú|anh tuấn|lẫm liệt|uy nghi|uy nghiêm|nghiêm nghị|nghiêm khắc|khắt khe|khắc nghiệt|hà khắc|tàn bạo
bạo ngược|bạo lực|bạo loạn|loạn lạc|hỗn loạn|náo loạn|náo nhiệt|huyên náo|sôi động|sôi nổi|tưng bừng|nhộn nhịp
tấp nập|rộn ràng|rộn rã|ồn ã|im ắng|lặng lẽ|âm thầm|lặng thầm|thầm lặng|kín đáo|bí mật|bí ẩn|huyền bí|thần bí
kỳ lạ|kỳ quặc|kỳ diệu|kỳ vĩ|hùng vĩ|vĩ đại|to lớn|khổng lồ|đồ sộ|nguy nga|lộng lẫy|tráng kiện|cường tráng|tráng sĩ
hiệp sĩ|kiếm hiệp|võ sĩ|võ công|nội công|khinh công|chưởng môn|sư phụ|đồ đệ|môn đồ|đệ tử|huynh trưởng|sư huynh
thiền|thiền sư|tu hành|xuất gia|quy y|khất thực|bố thí|cúng dường|phóng sinh|chay tịnh|ăn chay|sám hối|siêu độ
kinh kệ|kinh thánh|thánh giá|lễ rửa tội|giáo xứ|giáo phận|giám mục|hồng y|giáo hoàng|tu viện|tu sĩ|nữ tu|thánh đường
miếu mạo|lăng tẩm|cung điện|hoàng cung|thành quách|kinh thành|cố đô|kinh đô|đô hội|phố thị|thương cảng|thương điếm
sứ giả|sứ thần|thái giám|cung nữ|phi tần|hoàng thân|quốc thích|quý tộc|thứ dân|bình dân|thảo dân|lê dân|bá tánh
# expressive words and idioms
xốn xang|nôn nao|bồn chồn|thấp thỏm|phấp phỏng|chộn rộn|rạo rực|hớn hở|tươi tắn|tươi rói|tươi roi rói|rạng rỡ
ủ rũ|rầu rĩ|ảo não|não nề|thê lương|thê thảm|bi thảm|thảm thiết|ai oán|não nùng|sầu não|buồn thiu|buồn tênh|tẻ nhạt
lờ đờ|lừ đừ|ngật ngưỡng|chuếnh choáng|loạng choạng|lảo đảo|xiêu vẹo|xộc xệch|lê lết|lẹt đẹt|lề mề|rề rà|dềnh dàng
khệnh khạng|nghênh ngang|ngông nghênh|vênh váo|hống hách|hách dịch|kênh kiệu|khinh khỉnh|lạnh nhạt|hờ hững|thờ ơ
nhõng nhẽo|nũng nịu|lí nhí|lắp bắp|ấp úng|ú ớ|ậm ừ|lấp lửng|úp mở|lập lờ|nước đôi|ba phải|a dua|xu nịnh
bợ đỡ|luồn cúi|khúm núm|quỵ lụy|van lơn|khẩn khoản|năn nỉ|nằng nặc|khăng khăng|một mực|nhất định|nhất quyết
# more plants, herbs, mushrooms
lá mơ|lá é|lá giang|lá sen|lá dong|lá bàng|lá tre
cỏ gà|cỏ mần trầu|cỏ tranh|cỏ lác|cỏ may|cỏ xước|cây ké|cây trinh nữ
xấu hổ|bèo tây|bèo cái|lục bình|rong rêu|địa y|dương xỉ|lau sậy|điên điển|so đũa|bình bát|sim|mua|trâm bầu|dứa dại
cây xương rồng|lô hội|nha đam|ngải cứu|ích mẫu|cam thảo|đương quy
sâm|nhân sâm|tam thất|hà thủ ô|kỷ tử|bạc hà|hoắc hương
cau kiểng|thiên tuế|vạn tuế|si cảnh|mai chiếu thủy|tùng la hán|trúc đào|sử quân tử|hoa ti gôn|hoa mõm chó
hồng môn|dạ yến thảo|cát tường|đồng tiền|vạn thọ|nhài|lài|bưởi bung|sói|ngâu|tường vi|loa kèn|hoa bìm bìm|rau sam
nấm rơm|nấm hương|nấm mèo|nấm kim châm|nấm linh chi|củ năng|củ ấu|củ dền|su su|bí ngô|đậu ván|đậu rồng|đậu tằm|kê
lúa mạch|lúa mì|cao lương|yến mạch|hạt sen|hạt điều|hạt tiêu|hoa hồi|quế chi|thảo quả|mắc khén|hạt dổi|lá chanh
chanh dây|thanh trà|bòn bon|dâu da|sấu chín|trứng gà|me chua|cóc non|ổi xá lị|roi|mận hậu|vả|sung muối|chay|thị
# more animals and fish
trâu rừng|bò tót|sơn dương|tê giác|hà mã|hươu cao cổ|ngựa vằn|lạc đà|chuột túi|gấu trúc|cầy hương|rái cá|tê tê
sóc bay|chuột chũi|chuột đồng|cầy|cu li|voọc|vượn đen|kỳ đà|rắn hổ mang|rắn ráo|rắn nước|cạp nong|cạp nia|rắn lục
hổ mang chúa|kỳ lân|phượng hoàng|rồng|rùa vàng|thuồng luồng|giao long|nghê|tì hưu|chim lạc|chim khách|chim ri
chim cu|cu gáy|chìa vôi|sơn ca|chim yểng|hoàng anh|vành khuyên|bạc má|đớp ruồi|chèo bẻo|cò lửa|sếu đầu đỏ|bồ nông
cá kèo|cá bống|cá chình|cá linh|cá he|cá lăng|cá ngạnh|cá chày|cá mương|cá vền|cá rô phi|cá điêu hồng|cá hồi|cá tầm
cá bớp|cá mú|cá hồng|cá chim|cá song|cá cam|cá bạc má|cá khoai|cá đối|cá lẹp|cá trích|cá ngựa|cá nóc|cá kiếm
tôm càng|tôm he|tép riu|cua đồng|cua biển|cua huỳnh đế|ghẹ xanh|bề bề|tôm tít|ốc bươu|ốc nhồi|ốc hương|ốc móng tay
sò huyết|sò điệp|bào ngư|hải sâm|nhum|cầu gai|vẹm|hà|sam|sá sùng|rươi|đuông|nhộng|ấu trùng|lăng quăng|bọ gậy
# more dishes and regional food
bún bò|bún chả|bún riêu|bún thang|bún mắm|bún ốc|mì quảng|cao lầu|bánh canh|hủ tíu|cơm tấm|cơm niêu|cơm lam|xôi gấc
bánh căn|bánh nậm|bánh lọc|bánh ram|bánh tôm|bánh gối|bánh rán|bánh cam|bánh khoai|bánh bò|bánh cốm|bánh dẻo
bánh nướng|bánh ú|bánh gai|bánh khảo|bánh in|bánh chưng gù
chè bưởi|chè trôi nước|chè đậu đen|tào phớ|sữa chua|kem que
chả cá|chả mực|nem nướng|thịt đông|canh cua|canh cá|cá lóc nướng trui|gà luộc|vịt quay|heo quay|lợn quay
mắm ruốc|mắm nêm|mắm cái|mắm tép|mắm cá linh|tương bần|chao|tóp mỡ|bì|giò thủ|giò bò|nem thính|tré|dồi|lạp xưởng
ốc luộc|ốc xào|cháo lòng|cháo gà|cháo vịt|cháo hành|cơm rang|cơm chiên|cơm cháy|miến lươn|miến gà|bánh đa cua|bún cá
# everyday words across the alphabet (less frequent syllables)
ách tắc|ì ạch|ọ ọe|ói mửa|inh ỏi|ỏn ẻn|ọp ẹp|ồ ạt|im ỉm|ẩu đả|ơ hờ|ợ hơi|ủn ỉn|ụt ịt|ủ ê|ẻo lả|ẽo ợt|nằm ườn
ươn hèn|ứ đọng|ửng hồng|uống ực|oa trữ|òa khóc|oan ức|xôi oản|oằn|oẳn tù tì|mềm oặt|uẩn khúc|ỷ lại|ỉ ôi|ì ầm
bảnh bao|quả banh|bành trướng|bạnh|bấp bênh|bập bùng|đòn bẩy|cạm bẫy|bấy giờ|bậy bạ|bèn|bẹn|ngồi bệt|biếm họa
biền biệt|bịa đặt|bĩu môi|bõ công|bọn|bỏng|bóng bẩy|bỗng|bộp chộp|bôi|bối rối|bơm|bủa vây|buột miệng|buồng|bùa
búng|bụm|bửa củi|bươn chải|bìa|bịch|bìu|cạn kiệt|càng|cẳng chân|cặn bã|cắm trại|cấm|cậy|cạy|coi sóc|cõi|lạnh cóng
cọng rau|cơn|cớ|cợt nhả|cù lao|cũi|cúp điện|cụp|cúi|điên cuồng|cựa quậy|khung cửi|cưỡi|hạt cườm|cá cược|cưu mang
cấn trừ|tiền cắc|gầy còm|cộp|củng cố|cũng|cồn cào|cỏn con|cò kè|cọ xát|cồng kềnh|còm cõi|cắc cớ|chà xát|đổi chác
chải|vững chãi|chạn bát|nắng chang chang|chạnh lòng|chao đảo|chau mày|che chắn|nhìn chằm chằm|chốc lát|chấm điểm
chầm chậm|chấp chới|chẩn đoán|chập chững|chầu|chẳng|chặng|chẻ|chèn|chệnh choạng|chi li|chiêu|chiết khấu|chiêm bao
chinh phục|chòi|chói|chõng|chóp|chôn|chơ vơ|chớ|chửa|chực|chuôi|chuỗi|chùng|chúng ta|chụm|chuyện|chuyến|chút|chứ
chừng|chững chạc|dạn dĩ|dang tay|dạo chơi|dồi dào|dát vàng|trôi dạt|dãy nhà|dặn dò|dấn thân|dần dần|dấy lên|dè dặt
dẹp|dí dỏm|dìm|dính|đe dọa|dốt|dồn|dở|dúi|dụi mắt|dụ dỗ|dùi cui|dúm|hậu duệ|dửng dưng|dưng|tập dượt|gạ gẫm|gãi
ganh tị|gảy đàn|gắp|gặm|gầm|gật đầu|tán gẫu|gông cùm|gồng gánh|gột rửa|gợi ý|gờm|gợn sóng|gục|gương|gượng|gượm
gạt|gàn|ghé|ghen tị|trêu ghẹo|ghì chặt|ghìm|ghẻ lạnh|giãn cách|giăng|giằng co|giặc|giẫm|giậm chân|gièm pha|chế giễu
giọng nói|giục|ở giữa|giũa|giương|hàng giậu|giáp ranh|giội|giòi|hạch|chim hạc|hãm hại|hung hãn|hãnh diện|hâm nóng
hẩm hiu|hắn|hằn|hẳn|hậm hực|hé|hèn|hẻo lánh|hề|hiếp đáp|hòm|hóm hỉnh|hỏng|họng|hoen ố|hộc|hơ|hớ|hù dọa|huân chương
húc|hụp|hư hỏng|hừng đông|hửng nắng|hươ tay|hớt hải|kẻng|kề|kẽ hở|kìa|kiềm chế|kị|khản giọng|khảm|khấn vái|khấm khá
khập khiễng|khẽ|khép|khệ nệ|khía cạnh|khiên|khinh|khóe mắt|khốn|khờ khạo|khơi|khua|khung|khư khư|khứ hồi|khước từ
lảng tránh|lạt mềm buộc chặt|láu táu|lạy|lắm|lăn|lẳng lặng|lặt vặt|lấm lem|lẫn|lẻn|nhanh lẹ|lém lỉnh|lén|lèo lái
lìa|lọ|lõi|lòi|lọn tóc|lỏng lẻo|lọt|lồi lõm|lỡ|lợm giọng|lú lẫn|lụ khụ|lùa|lùng|lủng|lươn lẹo|mảy may|mải miết
mạn|mánh khóe|mãnh liệt|mẩn|mấp máy|mẩu|mấy|mến|miên man|miết|mím môi|mò|mọc|móm|mọi|mòn|nhỏ mọn|mỏm|móp|mồi|mớ
mụ|múi|mủi lòng|gỗ mun|mụn|chín muồi|muội|mưng mủ|mửa
mướt|thịt nạc|nàng|ẩn náu|nạo|nặc danh|nắn nót|nấc|nấn ná|cái ná
nẻo|nể|nỉ non|nọ|nòi giống|nòng súng|nổ|nỗi|nới|núc ních|nung|nuối tiếc|nuột nà|nựng|ngóc ngách|ngai vàng|ngại ngùng
ngàn|hữu ngạn|ngọt ngào|thơm ngát|ngất|ngấm|ngâm|ngầm|ngẫm nghĩ|ngấn|ngần ngại|ngẩng|ngấu nghiến|đỏ ngầu|ngây thơ
ngấy|ngậm|nghẹn|nghẹt thở|nghễnh ngãng|tuổi ngọ|ngoảnh|ngoặt|ngoạm|ngỏ lời|ngoặc|ngộ nhận|ngốn|ngồn ngộn|ngổn ngang
ngộp|nghỉ ngơi|sáng ngời|ca ngợi|ngớ ngẩn|ngu dốt|bùi ngùi|nguội|nguệch ngoạc|ngụm|nguyền rủa|ngừng|ngửa|ngứa|ngưng
con nghé|tắc nghẽn|ốm nghén|nghịch ngợm|nghiền ngẫm|nghiến răng|nghịch lý|nhá nhem|chim nhạn|nhàm chán|nhám|chế nhạo
nhau|nhăn nhó|nhằm|nhẵn|nhấm nháp|nhầm lẫn|nhậu|nhầy|nhè|nhét|nhiều|mắng nhiếc|nhíu mày|nhọ nồi|hào nhoáng|nhọc nhằn
nhòm|nhọn|nhốt|nhơ nhớp|nhờ|nhởn nhơ|nhú|nhủ|tinh nhuệ|nhũn|nhụt chí|nhược điểm|nhường|phai|phảng phất|phanh
trắng phau|phắt|dấu phẩy|phe phái|phèn|phỉ báng|phía|phiến đá|phiền|chuyện phiếm|phỉnh|phình|phọt|phơn phớt|phớt lờ
phủi|phụt|phăng|quặp|co quắp|quằn quại|quắc thước|đau quặn|luẩn quẩn|quẫn bách|quấn|quật|quậy phá|quẫy|que diêm
quẹo|quẹt|quê hương|quở trách|quờ quạng|quỳ|quyện|quấy rầy|rám nắng|rạn nứt|ráng chiều|rảnh|rảo bước|rặn
rằng|rặng tre|rần rần|rất|rẽ|rẻ|rệu rã|rỉ sét|rọi|rõ ràng|rồ dại|rộ|rỗ|rỗi|rồi|rờ|man rợ|rùng mình|rúc|rượt|rướn
rướm máu|rỗng|sạn|sảng khoái|sảnh|sàm sỡ|sẵn sàng|sặc sỡ|sần sùi|sẩy chân|sấp|sấy|sém|sếp|sọc|sòng phẳng|sỗ sàng
sổng|sởn gai ốc|chó sủa|suồng sã|sững sờ|sưng|sượng sùng|sạm|tạc tượng|tản mạn|tảng đá|tảo|tạt|tẩn mẩn|tấu|hải tặc
một tẹo|mũi tẹt|tị nạnh|toa tàu|tòng phạm|tồi|ghê tởm|tụ tập|trí tuệ|tủi thân|tụm|tuồn|tủn mủn|từng|tựa|tí teo|teo
tiếu lâm|thai nghén|thản nhiên|thăm thẳm|thắc mắc|thăng trầm|thằng|thẫn thờ|thấu hiểu|thây|thề|thình thịch|thiêu
thỉnh thoảng|thò|buông thõng|thòng lọng|thói quen|thốt|xe thồ|thớ|thủng|thụt lùi|thuở xưa|thùng|dài thượt|thiu thiu
trạc tuổi|tràn|đánh tráo|trảng cỏ|tràng hoa|trằn trọc|trẹo chân|trầy xước|trẫm|đình trệ|trìu mến|nhà trọ|tróc|trỏ
trơ trọi|trố mắt|trốc|trội|trớ trêu|trụi|trũng|trừ|trượng phu|trẩy hội|tai vạ|vắn tắt|vãi|vấp ngã|vẩn vơ|vẫn
vầng trăng|vẫy|vấy bẩn|vậy|vẹn toàn|vét|vểnh|vỉ|vía|vò|vọc|vốc|vồ|vơ vét|giả vờ|vù vù|vùi|vụn|vuột|vừa|vựa lúa
xạ thủ|xấp|xập xình|xâu chuỗi|xẻ|xén|xênh xang|xỉa răng|xiên|xiềng xích|ngất xỉu|xoi mói|xóc|xổ số|xộc|xơi|mặt xụ
xua đuổi|xuề xòa|xúi giục|xui xẻo|xúm|xuồng|xuýt xoa|xưa|xứng đáng|xắt|đả kích|đằm thắm|đằng|đắm|đắt|đấy|đẫm|đần
đậy|đấng|đè|đẻ|đe|êm đềm|điếu|đìu hiu|đính kèm|đoái hoài|đòi|đốn|đờ đẫn|đùm bọc|đúng|đụng|đuổi|đừng|đựng|đứa
"""
