"""On a 360 px phone screen, a Board head plans a supervision, records its notice, starts it, writes
the conclusion, approves it and records the answer; the supervision closes and residents see it on
the Board's public page. No page scrolls sideways."""
import datetime as dt
import re

from playwright.sync_api import expect

from portal.accounts import services
from portal.extensions import db
from tests.browser.test_a11y import assert_accessible, axe_source  # noqa: F401  (fixture)

PASSWORD = "Str0ng-Passw0rd!"
LOGIN_URL = re.compile(r"/can-bo/dang-nhap")


def _setup(app) -> str:
    from moderation.boards.models import BoardMember
    from moderation.boards.routing import get_inspection_board
    from moderation.cases import deadlines
    from moderation.supervision.services import earliest_start

    with app.app_context():
        head = services.create_user("truongban@test.vn", ["board_head", "board_member"], PASSWORD,
                                    name="Phạm Văn Thanh")
        board = get_inspection_board()
        db.session.add(BoardMember(board_id=board.id, user_id=head.id, position="head"))
        db.session.commit()
        today = deadlines.today()
        notice = today - dt.timedelta(days=7)
        while earliest_start(notice) > today:
            notice -= dt.timedelta(days=1)
        return notice.isoformat()


def _check(page, axe, what):
    """No sideways scroll at 360 px and no serious axe-core violation."""
    assert_accessible(page, axe, what)
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{what}: {overflow}px horizontal scroll at 360 px"


def test_supervision_on_a_phone(page, live_app, live_server, axe_source):  # noqa: F811
    notice = _setup(live_app)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("truongban@test.vn")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).not_to_have_url(LOGIN_URL)

    page.goto(live_server + "/can-bo/ban/giam-sat/")
    _check(page, axe_source, "list")
    page.get_by_role("link", name="Lập kế hoạch giám sát").click()
    _check(page, axe_source, "plan")
    page.get_by_label("Nội dung giám sát").fill("Việc niêm yết, công khai thông tin tại bảng tin")
    page.get_by_label("Cơ quan, đơn vị được giám sát").fill("UBND phường")
    page.get_by_label("Ngày bắt đầu dự kiến").fill("2027-01-11")
    page.get_by_label("Phạm Văn Thanh – Ban Thanh tra nhân dân").check()
    page.get_by_role("button", name="Lập kế hoạch").click()
    expect(page.locator("#supervision-status")).to_have_text("Đã lập kế hoạch")
    _check(page, axe_source, "planned")

    page.get_by_label("Ngày gửi thông báo").fill(notice)
    page.get_by_role("button", name="Ghi nhận đã gửi thông báo").click()
    expect(page.locator("#supervision-status")).to_have_text("Đã gửi thông báo")
    page.get_by_role("button", name="Bắt đầu", exact=True).click()
    expect(page.locator("#supervision-status")).to_have_text("Đang giám sát")

    page.get_by_text("Ghi nhận: làm việc, cuộc họp, tài liệu, phát hiện, ghi chú").click()
    page.get_by_label("Nội dung", exact=True).fill("Bảng tin tổ dân phố 3 thiếu kế hoạch 79/KH-UBND.")
    page.get_by_role("button", name="Ghi nhận", exact=True).click()
    page.get_by_label("Kết quả giám sát (các nội dung phát hiện)").fill("Niêm yết chưa đủ tại 1 tổ dân phố.")
    page.locator("#recommendations-0-text").fill("Niêm yết lại kế hoạch 79/KH-UBND")
    page.locator("#recommendations-0-addressee").fill("UBND phường")
    page.get_by_role("button", name="Lưu dự thảo kết luận").click()
    _check(page, axe_source, "conclusion")
    page.locator("#ap-number").fill("09/KL-BTTND")
    page.locator("#ap-secrecy_confirmed").check()
    page.get_by_role("button", name="Phê duyệt và công khai kết luận").click()
    expect(page.locator("#supervision-status")).to_have_text("Đã kết luận, theo dõi kiến nghị")

    page.get_by_text("Ghi nhận trả lời").first.click()
    page.get_by_label("Tóm tắt nội dung trả lời").fill("Đã niêm yết lại")
    page.get_by_role("button", name="Ghi nhận trả lời").click()
    expect(page.locator("#supervision-status")).to_have_text("Đã kết thúc")
    _check(page, axe_source, "closed")

    page.goto(live_server + "/cac-ban")
    page.get_by_role("link", name="Ban Thanh tra nhân dân").first.click()
    expect(page.get_by_text("Xem kết luận giám sát")).to_be_visible()
    _check(page, axe_source, "public board page")
