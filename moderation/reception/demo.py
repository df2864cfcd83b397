"""Demo reception data for ``flask demo load``: petitions received offline over several channels,
a past dialogue with its outcome and the petitions it produced, upcoming sessions of several kinds
(a Tuesday/Thursday series generated from a rule, the Chairman's and the Party Secretary's
receptions, a topic dialogue) with some registrations, and desk counts of complaints."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from portal.extensions import db

CLERK = "tiepdan@demo.phuong.vn"
MODERATOR = "kiemduyet@demo.phuong.vn"
EDITOR = "bientap@demo.phuong.vn"

OFFLINE = [
    # (channel, days ago, place, topic, group, title, description, name, phone, visibility)
    ("reception", 2, "Phòng tiếp công dân UBND phường", "land", "TDP03", "Xin hướng dẫn cấp giấy chứng nhận đất ở",
     "Gia đình tôi đã nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất từ tháng trước nhưng chưa được hẹn ngày trả "
     "kết quả. Đề nghị phường hướng dẫn, đôn đốc.", "Nguyễn Thị Hạnh", "0905222333", "private"),
    ("reception", 9, "Phòng tiếp công dân UBND phường", "social_policy", "TDP05", "Đề nghị xét hộ cận nghèo năm 2027",
     "Hoàn cảnh gia đình khó khăn, chồng mất sức lao động. Đề nghị tổ dân phố và phường xem xét đưa vào danh sách "
     "hộ cận nghèo năm 2027.", "Trần Thị Lan", "0914555666", "anonymous"),
    ("hotline", 1, "Đường dây nóng UBND phường", "environment", "TDP02", "Đốt rác gây khói ở bãi đất trống kiệt 21",
     "Chiều tối thường có người đốt rác ở bãi đất trống cuối kiệt 21 Tôn Đức Thắng, khói bay vào nhà dân. "
     "Đề nghị kiểm tra, nhắc nhở.", "", "", "anonymous"),
    ("hotline", 5, "Đường dây nóng UBND phường", "security", "TDP06", "Nhóm thanh niên tụ tập gây ồn sau 23 giờ",
     "Nhiều đêm có nhóm thanh niên tụ tập, nẹt pô xe máy ở ngã ba Âu Cơ sau 23 giờ. Đề nghị công an phường tuần tra.",
     "", "", "anonymous"),
    ("mailbox", 7, "Hòm thư góp ý tại Trung tâm Phục vụ hành chính công phường", "admin_procedure", "",
     "Đề nghị thêm ghế chờ ở Trung tâm Phục vụ hành chính công phường",
     "Buổi sáng người dân đến làm thủ tục đông, phải đứng chờ lâu. Đề nghị bố trí thêm ghế chờ và quạt.",
     "", "", "anonymous"),
    ("mailbox", 12, "Hòm thư góp ý tại nhà văn hóa tổ 4", "budget", "TDP04", "Công khai quỹ vì người nghèo của tổ 4",
     "Đề nghị tổ dân phố 4 công khai số tiền quỹ vì người nghèo đã vận động và danh sách hộ được hỗ trợ.",
     "", "", "anonymous"),
    ("letter", 15, "Văn thư UBND phường", "construction", "TDP07", "Công trình xây dựng lấn ranh giới nhà liền kề",
     "Công trình nhà ở đang xây tại tổ 7 đổ bê tông lấn sang tường nhà tôi khoảng 10 cm, làm nứt tường. "
     "Đề nghị phường kiểm tra hiện trạng.", "Lê Văn Bình", "0935111222", "private"),
    ("meeting", 18, "Họp tổ dân phố 8", "environment", "TDP08", "Đề nghị trồng thêm cây xanh ở tuyến kiệt 40",
     "Tại cuộc họp tổ dân phố, bà con đề nghị phường hỗ trợ cây giống để trồng cây xanh dọc kiệt 40, tạo bóng mát.",
     "", "", "anonymous"),
]

BATCH = [
    ("environment", "Thu gom rác tổ 2 không đúng giờ",
     "Xe thu gom rác đến không cố định giờ, có hôm 22 giờ mới đến, bà con phải để rác ngoài đường qua đêm."),
    ("construction", "Nắp hố ga kiệt 12 bị vỡ",
     "Nắp hố ga giữa kiệt 12 Tôn Đức Thắng bị vỡ, đã có người đi xe máy bị ngã. Đề nghị thay mới sớm."),
    ("security", "Đề nghị lắp camera an ninh đầu kiệt",
     "Bà con đề nghị phường hỗ trợ lắp camera an ninh ở đầu kiệt 12 và kiệt 21 theo mô hình camera an ninh cộng đồng."),
]

REGISTRATIONS = [
    ("Đinh Văn Tâm", "0905888111", "tam.dv@example.com", "TDP03", "Hỏi về tiến độ bồi thường mở rộng đường kiệt 14."),
    ("Phan Thị Mai", "0914777222", "", "TDP05", "Đề nghị xem xét miễn học phí cho con hộ cận nghèo."),
    ("Vũ Văn Hùng", "", "hung.vv@example.com", "TDP01",
     "Phản ánh việc cấp phép kinh doanh quán karaoke gần trường học."),
]


def _backdate(sub, days: int) -> None:
    """Entered on the day it was received, in office hours (the ward's time zone)."""
    from demo.timeline import at, days_ago

    when = at(days_ago(days), 60 + (sub.id * 47) % 400)
    sub.created_at = sub.updated_at = when
    for ev in sub.events:
        ev.created_at = when


def _moderated_later(sub) -> None:
    """The moderation step a working day after the entry, not on the day the demo loads."""
    from demo.timeline import later

    db.session.flush()
    db.session.refresh(sub)
    when = sub.created_at
    for ev in sorted(sub.events, key=lambda e: e.id):
        if ev.created_at > when + dt.timedelta(hours=1):  # stamped at load time
            when = later(when, 1, 40)
            ev.created_at = when
    if sub.moderated_at is not None:
        sub.moderated_at = when


def load_demo_reception() -> None:
    from moderation import queue
    from moderation.cases import deadlines
    from moderation.reception import registrations, services
    from moderation.reception.models import ReceptionSession
    from portal.accounts.services import get_user_by_email

    if db.session.scalar(select(func.count(ReceptionSession.id))):
        return  # already loaded
    clerk, moderator, editor = (get_user_by_email(e) for e in (CLERK, MODERATOR, EDITOR))
    if clerk is None or moderator is None or editor is None:
        return
    today = deadlines.today()
    for channel, days, place, topic, group, title, desc, name, phone, visibility in OFFLINE:
        sub = services.enter_offline_petition(clerk, {
            "channel": channel, "received_on": today - dt.timedelta(days=days), "place": place,
            "received_by": clerk.name, "topic": topic, "group": group, "title": title, "description": desc,
            "name": name, "phone": phone, "consent_contact": bool(name or phone), "visibility": visibility})
        _backdate(sub, days)
        if days > 6:
            queue.approve_submission(sub, moderator, note="Tiếp nhận ngoài Cổng, nội dung rõ ràng.")
            _moderated_later(sub)

    # A dialogue with residential group 2, twenty days ago: its outcome and the petitions it produced.
    day = today - dt.timedelta(days=20)
    dialogue = services.create_session(editor, {
        "kind": "dialogue_group", "host_name": "Nguyễn Văn Bình", "host_position": "Chủ tịch UBND phường",
        "day": day, "start_time": "19:00", "end_time": "21:00", "place": "Nhà văn hóa tổ dân phố 2",
        "topic": "Vệ sinh môi trường và an ninh trật tự tổ dân phố 2", "capacity": "0"})
    subs = services.enter_batch(clerk, {
        "channel": "dialogue", "received_on": day, "place": dialogue.place, "received_by": clerk.name,
        "topic": "environment", "group": "TDP02", "visibility": "anonymous"},
        [{"topic": t, "title": title, "description": desc} for t, title, desc in BATCH], session=dialogue)
    for sub in subs:
        _backdate(sub, 19)  # entered the morning after the evening dialogue
    for sub in subs[:2]:
        queue.approve_submission(sub, moderator, note="Ý kiến tại hội nghị đối thoại.")
        _moderated_later(sub)
    services.set_session_status(editor, dialogue, "held",
                                "Chủ tịch UBND phường tiếp thu 3 ý kiến; giao Tổ dân phố 2 phối hợp đơn vị vệ sinh "
                                "môi trường thống nhất giờ thu gom rác (18–19 giờ hằng ngày), giao bộ phận địa chính "
                                "- xây dựng thay nắp hố ga kiệt 12 trong tháng.")

    # Upcoming: regular reception every Tuesday and Thursday morning for three weeks (holidays
    # skipped), the Chairman's and the Party Secretary's receptions, a dialogue on a topic.
    services.generate_series(editor, {
        "kind": "regular", "host_name": "Trần Thị Thu", "host_position": "Phó Chủ tịch UBND phường",
        "first_day": today + dt.timedelta(days=1), "last_day": today + dt.timedelta(days=21),
        "weekdays": ["1", "3"], "start_time": "07:30", "end_time": "11:00",
        "place": "Phòng tiếp công dân UBND phường", "capacity": "10"})
    chairman = services.create_session(editor, {
        "kind": "chairman", "host_name": "Nguyễn Văn Bình", "host_position": "Chủ tịch UBND phường",
        "day": deadlines.add_working_days(today, 3), "start_time": "14:00", "end_time": "16:30",
        "place": "Phòng tiếp công dân UBND phường", "capacity": "5"})
    secretary = services.create_session(editor, {
        "kind": "secretary", "host_name": "Lê Quang Minh", "host_position": "Bí thư Đảng ủy phường",
        "day": deadlines.add_working_days(today, 8), "start_time": "08:00", "end_time": "11:00",
        "place": "Hội trường Đảng ủy phường", "capacity": "6"})
    services.create_session(editor, {
        "kind": "dialogue_topic", "host_name": "Nguyễn Văn Bình", "host_position": "Chủ tịch UBND phường",
        "day": deadlines.add_working_days(today, 12), "start_time": "19:00", "end_time": "21:00",
        "place": "Hội trường UBND phường", "topic": "Chỉnh trang đô thị, trật tự vỉa hè", "capacity": "20"})
    for i, (name, phone, email, group, topic) in enumerate(REGISTRATIONS):
        registrations.register(chairman if i < 2 else secretary, {
            "name": name, "phone": phone, "email": email, "group": group, "topic": topic, "consent": True})
    services.record_desk_matters(clerk, {"complaint": "2", "denunciation": "1"}, today - dt.timedelta(days=3))
    _load_report_supplement(editor, today)
    db.session.flush()


def _load_report_supplement(editor, today: dt.date) -> None:
    """The current half-year's figures the portal cannot know, as a ward officer would enter them."""
    from moderation import reports
    from moderation.reception.report import save_supplement

    start, end, _label = reports.period_bounds("half", today.year, 1 if today.month <= 6 else 2)
    save_supplement(editor, start, end, {
        "meetings_held": "12", "mediation_cases": "7", "mediation_successful": "6", "surveys": "320",
        "satisfied": "301",
        "overview": "Phường có 8 tổ dân phố, 4.120 hộ với 15.860 nhân khẩu; tình hình an ninh chính trị, trật tự "
                    "an toàn xã hội ổn định, Nhân dân đồng thuận với chủ trương của địa phương.",
        "leadership": "Đảng ủy ban hành kế hoạch thực hiện Chỉ thị về dân chủ ở cơ sở; UBND phường ban hành lịch "
                      "tiếp công dân định kỳ vào sáng thứ Ba và thứ Năm hằng tuần, công khai trên Cổng.",
        "achievements": "Các kênh tiếp nhận ý kiến của Nhân dân được duy trì thường xuyên; kiến nghị được tiếp nhận, "
                        "chuyển xử lý và trả lời đúng hạn.",
        "shortcomings": "Một số kiến nghị liên quan đến đất đai, xây dựng còn chậm trả lời "
                        "do phải xin ý kiến cấp trên.",
        "tasks": "Tiếp tục duy trì tiếp công dân định kỳ, đối thoại với Nhân dân các tổ dân phố theo chuyên đề.",
        "proposals": "Đề nghị cấp trên sớm hướng dẫn thực hiện quy định mới về hòa giải ở cơ sở."})
