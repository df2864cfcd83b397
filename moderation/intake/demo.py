"""Demo submissions: about fifteen petitions in every state (a few approved and routed to the
Board) and comments on the draft open for consultation. Called by ``flask demo load``."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from portal.database import utcnow
from portal.extensions import db
from public_docs.disclosures.services import list_open_consultations

MODERATOR = "kiemduyet@demo.phuong.vn"

PETITIONS = [
    # (key, topic, group, title, description, contact, visibility, days_ago, action)
    ("rac", "environment", "TDP01", "Rác thải tồn đọng ở đầu kiệt 45 Lê Lợi",
     "Điểm tập kết rác ở đầu kiệt 45 đường Lê Lợi đã ba ngày chưa được thu gom, bốc mùi hôi, ruồi nhặng nhiều. "
     "Đề nghị phường nhắc đơn vị vệ sinh môi trường thu gom đúng lịch.", None, "anonymous", 4, None),
    ("den", "construction", "TDP02", "Đèn chiếu sáng kiệt 12 Tôn Đức Thắng hỏng hơn một tháng",
     "Hai cột đèn chiếu sáng trong kiệt 12 Tôn Đức Thắng không sáng từ đầu tháng, buổi tối rất tối, "
     "người già và học sinh đi lại nguy hiểm. Đề nghị sửa chữa sớm.",
     {"name": "Nguyễn Văn Hải", "email": "hai.nv@example.com"}, "named", 160, "approve"),
    ("bien-bao", "security", "TDP03", "Đề nghị lắp biển báo giảm tốc trước trường Tiểu học Hòa An",
     "Giờ tan trường xe máy chạy nhanh qua cổng trường, đã xảy ra va quẹt. Đề nghị lắp biển báo, gờ giảm tốc "
     "và bố trí người hướng dẫn giao thông giờ cao điểm.", {"phone": "0905111222"}, "anonymous", 100, "approve"),
    ("ngap", "environment", "TDP04", "Ngập úng đường Phan Văn Định mỗi khi mưa lớn",
     "Mỗi trận mưa lớn đoạn đường Phan Văn Định gần chợ ngập sâu 30–40 cm, nước tràn vào nhà dân. "
     "Đề nghị nạo vét cống thoát nước trước mùa mưa bão.", {"email": "lan.tt@example.com"}, "anonymous", 45, "approve"),
    ("via-he", "construction", "TDP05", "Quán nhậu của ông Lê Văn Tám lấn chiếm vỉa hè đường Nguyễn Lương Bằng",
     "Quán nhậu số 88 của ông Lê Văn Tám bày bàn ghế kín vỉa hè đến khuya, người đi bộ phải xuống lòng đường. "
     "Đề nghị kiểm tra, xử lý.", None, "anonymous", 12, "redact_approve"),
    ("karaoke", "security", "TDP06", "Tiếng ồn karaoke sau 22 giờ ở kiệt 30 Âu Cơ",
     "Một số hộ hát karaoke công suất lớn đến sau 23 giờ nhiều đêm liền, ảnh hưởng giấc ngủ người già, trẻ nhỏ.",
     {"phone": "0914333444"}, "private", 2, "claim"),
    ("dong-gop", "budget", "TDP05", "Đề nghị công khai khoản đóng góp xây nhà văn hóa tổ 5",
     "Năm nay mỗi hộ đóng 500.000 đồng xây nhà văn hóa nhưng chưa thấy công khai số thu, chi. "
     "Đề nghị tổ dân phố công khai.", {"email": "minh.pq@example.com"}, "anonymous", 9, "request_info"),
    ("cu-tru", "admin_procedure", "TDP07", "Thủ tục xác nhận thông tin cư trú mất nhiều thời gian",
     "Tôi nộp hồ sơ xác nhận thông tin cư trú qua dịch vụ công nhưng quá hạn 3 ngày chưa có kết quả, "
     "gọi điện không ai nghe máy.", None, "anonymous", 1, None),
    ("spam", "other", "", "Vay tiền nhanh lãi suất thấp không cần thế chấp",
     "Liên hệ ngay để được vay tiền nhanh trong ngày, lãi suất thấp, không cần thế chấp, giải ngân trong 15 phút.",
     None, "anonymous", 130, "reject"),
    ("ngap-2", "environment", "TDP04", "Đường Phan Văn Định ngập khi mưa",
     "Đường Phan Văn Định đoạn gần chợ ngập nặng mỗi khi mưa, cống bị rác làm tắc nghẽn. Đề nghị xử lý.",
     {"phone": "0935666777"}, "anonymous", 43, "merge"),
    ("khieu-nai", "land", "TDP08", "Không đồng ý quyết định xử phạt xây dựng nhà tôi",
     "Tôi không đồng ý với quyết định xử phạt vi phạm hành chính về xây dựng đối với nhà tôi ở tổ 8, "
     "đề nghị xem xét lại.", {"email": "khang.dv@example.com"}, "private", 70, "redirect"),
    ("cay-xanh", "environment", "TDP02", "Cây xanh nguy cơ gãy đổ trên đường Tôn Đức Thắng",
     "Cây sao đen trước số 120 Tôn Đức Thắng bị nghiêng, rễ trồi lên mặt đường, mùa mưa bão dễ gãy đổ.",
     None, "anonymous", 0, None),
    ("can-ngheo", "social_policy", "TDP03", "Hỗ trợ tiền điện cho hộ cận nghèo chưa được chi trả",
     "Quý này hộ cận nghèo tổ 3 chưa nhận được tiền hỗ trợ tiền điện như quý trước, đề nghị phường kiểm tra.",
     {"phone": "0988999000"}, "private", 3, None),
    ("du-an", "investment_project", "TDP06", "Đề nghị công khai tiến độ dự án nâng cấp đường kiệt",
     "Dự án nâng cấp đường kiệt đã thi công 6 tháng nhưng đang dừng, vật liệu để ngổn ngang. "
     "Đề nghị công khai tiến độ và thời gian hoàn thành.", None, "anonymous", 20, "approve_project"),
    ("thai-do", "officials", "TDP01", "Thái độ tiếp công dân tại Trung tâm Phục vụ hành chính công phường",
     "Khi đến Trung tâm Phục vụ hành chính công phường làm thủ tục, tôi được hướng dẫn thiếu rõ ràng, "
     "phải đi lại ba lần. "
     "Đề nghị niêm yết hướng dẫn đầy đủ hồ sơ.", None, "anonymous", 1, None),
]

COMMENTS = [
    ("TDP02", "Đề nghị bổ sung quy định về giờ giữ trật tự, không gây ồn sau 22 giờ.", "web", 5, True),
    ("TDP04", "Tôi đồng ý với dự thảo; đề nghị thêm điều khoản về giữ vệ sinh đường kiệt.", "meeting", 3, True),
    ("TDP06", "Mức đóng góp quỹ khuyến học nên để các hộ tự nguyện, không bắt buộc.", "web", 1, False),
]


def _retime(sub, days: int, i: int) -> None:
    """Sent ``days`` ago (a resident writes at any hour: 06:30-22:00 in the ward), each later step
    (moderation, merge, redirect…) a working day after the one before, in office hours."""
    from demo.timeline import days_ago, later
    from portal.ward import day_start

    sent = day_start(days_ago(days)) + dt.timedelta(minutes=390 + (i * 97) % 930)
    sent = min(sent.astimezone(dt.UTC), utcnow() - dt.timedelta(minutes=5 + i))
    sub.created_at = sub.updated_at = sent
    when = sent
    events = sorted(sub.events, key=lambda e: e.id)
    for ev in events:
        if ev.action != "submit":
            when = later(when, 1, 25 + (i * 13) % 200)
        ev.created_at = when
    if sub.moderated_at is not None:
        sub.moderated_at = when
    if sub.contact is not None and sub.contact.consent_at is not None:
        sub.contact.consent_at = sent


def load_demo_submissions() -> None:
    from moderation import intake, queue
    from moderation.intake.models import Submission
    from portal.accounts.services import get_user_by_email

    if db.session.scalar(select(func.count(Submission.id)).where(Submission.title == PETITIONS[0][3])):
        return  # already loaded
    moderator = get_user_by_email(MODERATOR)
    if moderator is None:
        return
    projects = intake.list_projects()
    made = {}
    for key, topic, group, title, desc, contact, visibility, _days, _action in PETITIONS:
        data = {"kind": "feedback", "topic": topic, "group": group, "title": title, "description": desc,
                "visibility": visibility, "consent": bool(contact), **(contact or {})}
        if key == "du-an" and projects:
            data["project_id"] = projects[0].id
        if visibility == "named" and not data.get("name"):
            data["visibility"] = "anonymous"
        code = intake.submit_petition(data)
        made[key] = intake.find_by_code(code)
    db.session.flush()
    for key, *_rest, action in PETITIONS:
        sub = made[key]
        if action in ("approve", "approve_project"):
            queue.approve_submission(sub, moderator, note="Nội dung rõ ràng, thuộc phạm vi tiếp nhận.")
        elif action == "redact_approve":
            queue.redact_submission(
                sub, moderator, "Quán nhậu lấn chiếm vỉa hè đường Nguyễn Lương Bằng",
                "Một quán nhậu trên đường Nguyễn Lương Bằng bày bàn ghế kín vỉa hè đến khuya, người đi bộ phải "
                "xuống lòng đường. Đề nghị kiểm tra, xử lý.", "Xóa họ tên và số nhà của người bị phản ánh.")
            queue.approve_submission(sub, moderator)
        elif action == "claim":
            queue.claim_submission(sub, moderator)
        elif action == "request_info":
            queue.request_information(sub, moderator, "Xin cho biết tổ dân phố đã thu từ tháng nào và "
                                      "ông/bà có biên lai hay không (có thể gửi ảnh biên lai).")
        elif action == "reject":
            queue.reject_submission(sub, moderator, "spam", note="Quảng cáo cho vay.")
        elif action == "merge":
            queue.merge_duplicate(sub, moderator, made["ngap"], note="Cùng đoạn đường, cùng nội dung.")
        elif action == "redirect":
            queue.redirect_submission(sub, moderator, "complaint", note="Khiếu nại quyết định hành chính.")
    # A few supporters on the flooding petition (keyed hashes only).
    for contact in ("0905000001", "0905000002", "0905000003", "ho.dan@example.com"):
        intake.support_petition(made["ngap"], contact)
    db.session.flush()
    for i, (key, *_rest, days, _action) in enumerate(PETITIONS):
        db.session.refresh(made[key])
        _retime(made[key], days, i)
    _retime_supports(made["ngap"])
    _load_comments(moderator)
    _load_closed_consultation(moderator)
    db.session.flush()


def _retime_supports(sub) -> None:
    from demo.timeline import later
    from moderation.intake.models import Support

    when = sub.created_at
    for support in db.session.scalars(select(Support).where(Support.submission_id == sub.id).order_by(Support.id)):
        when = later(when, 2, 140)
        support.created_at = when


def _load_comments(moderator) -> None:
    from moderation import intake, queue

    drafts = list_open_consultations()
    if not drafts:
        return
    draft = next((d for d in drafts if d.category == "conventions"), drafts[0])
    for group, text, channel, days, approve in COMMENTS:
        if channel == "web":
            code = intake.submit_comment(draft, {"text": text, "group": group})
        else:
            code = intake.submit_comment(draft, {"text": text, "group": group}, channel=channel, actor=moderator,
                                         received_on=max(draft.comments_open_from,
                                                         dt.date.today() - dt.timedelta(days=days)))
        sub = intake.find_by_code(code)
        if approve:
            queue.approve_submission(sub, moderator)
        _retime_comment(sub, max(draft.comments_open_from, _days_ago(days)), len(text))


def _days_ago(days: int) -> dt.date:
    from demo.timeline import days_ago

    return days_ago(days)


def _retime_comment(sub, day: dt.date, salt: int) -> None:
    """Received on ``day`` (web: at that time; offline: entered then), moderated a working day later."""
    from demo.timeline import at, later

    db.session.flush()
    db.session.refresh(sub)
    when = at(day, 30 + (salt * 37) % 450)
    sub.created_at = sub.updated_at = when
    for ev in sorted(sub.events, key=lambda e: e.id):
        if ev.action != "submit":
            when = later(when, 1, 45)
        ev.created_at = when
    if sub.moderated_at is not None:
        sub.moderated_at = when


CLOSED_DRAFT = "150/DT-UBND"
# (group, text, channel, days after the window opened, disposition, explanation, group label)
CLOSED_COMMENTS = [
    ("TDP04", "Đề nghị bố trí điểm đỗ xe máy miễn phí cho người đi chợ ở lô đất trống phía Tây chợ.", "web", 2,
     "accepted", "", "Điểm trông giữ xe"),
    ("TDP05", "Nên có chỗ gửi xe cho người đi chợ, tránh để xe tràn xuống lòng đường Phan Văn Định.", "web", 6,
     "accepted", "", "Điểm trông giữ xe"),
    ("TDP04", "Cấm xe tải cả ngày thì các hộ kinh doanh không nhập hàng được; đề nghị chỉ cấm giờ cao điểm buổi sáng.",
     "meeting", 12, "partly", "Tiếp thu một phần: chỉ cấm xe tải trên 2,5 tấn từ 6 giờ đến 8 giờ sáng; ngoài giờ "
     "này xe tải được vào nhập hàng.", "Giờ cấm xe tải"),
    ("TDP05", "Đề nghị di dời chợ ra khu vực khác để giải quyết ùn tắc lâu dài.", "comment_box", 18,
     "not_accepted", "Vị trí chợ phù hợp quy hoạch phân khu đã được phê duyệt; phương án phân luồng giải quyết ùn "
     "tắc vào giờ cao điểm.", ""),
    ("TDP04", "Đồng ý tổ chức giao thông một chiều buổi sáng; đề nghị cắm biển báo rõ từ đầu đường.", "web", 22,
     "accepted", "", ""),
]
CLOSED_SUMMARY = (
    "Ủy ban nhân dân phường nhận 5 ý kiến qua Cổng, hòm thư góp ý và hội nghị tổ dân phố 4, 5. Phương án được "
    "điều chỉnh: bố trí điểm trông giữ xe máy phía Tây chợ, cấm xe tải trên 2,5 tấn từ 6 giờ đến 8 giờ sáng."
)


def _load_closed_consultation(moderator) -> None:
    """A draft whose comment period has ended: comments received during it (on the portal, at a
    meeting, in the comment box), each answered, and the synthesis published a few days later."""
    from demo.timeline import add_working_days, at, later
    from moderation import intake, queue
    from moderation.consultations import synthesis
    from moderation.consultations.models import CommentDisposition
    from portal.accounts.services import get_user_by_email
    from portal.ward import today
    from public_docs.disclosures import services as disclosures

    d = disclosures.find_by_number(CLOSED_DRAFT)
    if d is None or d.comments_open_from is None or not synthesis.is_closed(d) or synthesis.get_synthesis(d):
        return
    editor = get_user_by_email("bientap@demo.phuong.vn") or moderator
    start, end = d.comments_open_from, d.comments_open_until
    disclosures.open_for_comments(d, start, today(), actor=editor)  # open again while its comments arrive
    made = []
    for i, (group, text, channel, offset, *_rest) in enumerate(CLOSED_COMMENTS):
        received = start + dt.timedelta(days=offset)
        if channel == "web":
            code = intake.submit_comment(d, {"text": text, "group": group})
        else:
            code = intake.submit_comment(d, {"text": text, "group": group}, channel=channel, actor=moderator,
                                         received_on=received)
        sub = intake.find_by_code(code)
        queue.approve_submission(sub, moderator)
        _retime_comment(sub, received, i)
        made.append(sub)
    disclosures.open_for_comments(d, start, end, actor=editor)
    for sub, (*_head, disposition, explanation, label) in zip(made, CLOSED_COMMENTS, strict=True):
        synthesis.set_disposition(d, sub, disposition, explanation, editor, group_label=label)
    result = synthesis.publish_synthesis(d, CLOSED_SUMMARY, editor)
    when = at(add_working_days(end, 2), 60)
    for row in db.session.scalars(select(CommentDisposition).where(CommentDisposition.disclosure_id == d.id)):
        when = later(when, 0, 20)
        row.decided_at = when
    result.created_at = when
    result.published_at = later(when, 2, 30)
