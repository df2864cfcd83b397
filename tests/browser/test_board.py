"""A petition approved by a moderator goes to the People's Inspection Board: the head assigns it,
refers it, records the answer, publishes a response and closes it; the resident sees the response on
the tracking page and rates it."""
import re

from playwright.sync_api import expect

from portal.accounts import services
from portal.extensions import db

LOGIN_URL = re.compile(r"/can-bo/dang-nhap")

PASSWORD = "Str0ng-Passw0rd!"


def _setup(app):
    from moderation import intake, queue
    from moderation.boards.models import BoardMember
    from moderation.boards.routing import get_inspection_board

    with app.app_context():
        head = services.create_user("truongban@test.vn", ["board_head", "board_member"], PASSWORD,
                                    name="Phạm Văn Thanh")
        member = services.create_user("thanhvien@test.vn", ["board_member"], PASSWORD, name="Ngô Thị Giám")
        moderator = services.create_user("kiemduyet@test.vn", ["moderator"], PASSWORD, name="Lê Thị Duyệt")
        board = get_inspection_board()
        db.session.add_all([BoardMember(board_id=board.id, user_id=head.id, position="head"),
                            BoardMember(board_id=board.id, user_id=member.id, position="member")])
        topic = intake.active_topics()[0]
        code = intake.submit_petition({
            "title": "Cống thoát nước bị tắc", "description": "Đường Lê Lợi ngập mỗi khi mưa.",
            "topic": topic.id, "name": "Nguyễn Văn Dân", "email": "dan@example.vn", "consent": True,
            "visibility": "anonymous",
        })
        sub = intake.find_by_code(code)
        queue.claim_submission(sub, moderator)
        queue.approve_submission(sub, moderator)
        db.session.commit()
        return code


def test_board_case_from_assignment_to_rating(page, live_app, live_server):
    code = _setup(live_app)
    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("truongban@test.vn")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).not_to_have_url(LOGIN_URL)  # the login POST has redirected

    page.goto(live_server + "/can-bo/ban/?tab=unassigned")
    page.get_by_role("link", name=code).click()
    expect(page.locator("#case-status")).to_have_text("Mới tiếp nhận")
    page.get_by_label("Thành viên xử lý").select_option(label="Ngô Thị Giám")
    page.get_by_role("button", name="Phân công", exact=True).click()
    expect(page.locator("#case-status")).to_have_text("Đã phân công")

    page.locator("#verify-text").fill("Đã kiểm tra hiện trường cùng tổ trưởng.")
    page.get_by_role("button", name="Ghi kết quả xác minh").click()
    page.get_by_label("Cơ quan có thẩm quyền nhận kiến nghị").fill("Ủy ban nhân dân phường")
    page.get_by_label("Ngày gửi văn bản").fill("2026-03-02")
    page.get_by_label("Số văn bản kiến nghị").fill("05/KN-BTTND")
    page.get_by_role("button", name="Ghi nhận kiến nghị").click()
    expect(page.locator("#case-status")).to_have_text("Đã kiến nghị cơ quan có thẩm quyền")
    with page.expect_download() as dl:
        page.get_by_role("link", name="Tải văn bản kiến nghị (DOCX) để in, ký").click()
    assert dl.value.suggested_filename.endswith(".docx")

    page.get_by_label("Ngày văn bản trả lời").fill("2026-03-20")
    page.get_by_label("Tóm tắt nội dung trả lời").fill("UBND phường sẽ nạo vét cống trong tháng 4.")
    page.get_by_role("button", name="Ghi nhận trả lời").click()
    expect(page.locator("#case-status")).to_have_text("Đã có trả lời")
    page.locator("#respond-text").fill("UBND phường sẽ nạo vét cống đường Lê Lợi trong tháng 4/2026.")
    page.get_by_role("button", name="Đăng trả lời công khai").click()
    page.locator("#close-confirm").check()
    page.get_by_role("button", name="Kết thúc hồ sơ").click()
    expect(page.locator("#case-status")).to_have_text("Đã kết thúc")

    resident = page.context.browser.new_context().new_page()
    resident.goto(live_server + f"/tra-cuu/{code}")
    expect(resident.locator(".case-public")).to_contain_text(
        "UBND phường sẽ nạo vét cống đường Lê Lợi trong tháng 4/2026.")
    expect(resident.locator(".case-public")).to_contain_text("Việc xem xét kiến nghị đã kết thúc.")
    resident.get_by_label("4", exact=True).check()
    resident.get_by_label("Nhận xét (không bắt buộc)").fill("Cảm ơn Ban.")
    resident.get_by_role("button", name="Gửi đánh giá").click()
    expect(resident.locator(".case-rated")).to_contain_text("4/5")
    expect(resident.get_by_role("button", name="Gửi đánh giá")).to_have_count(0)
    resident.context.close()


AXE = __import__("pathlib").Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def _serious_violations(page) -> list:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    found = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact,
            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
    }""")
    return [v for v in found if v["impact"] in ("serious", "critical")]


def test_board_pages_have_no_serious_accessibility_violation(page, live_app, live_server):
    import pytest

    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test-browser does it)")
    code = _setup(live_app)
    with live_app.app_context():
        services.create_user("quantri@test.vn", ["admin", "editor"], PASSWORD, name="Quản trị")
        db.session.commit()
    page.goto(live_server + "/can-bo/dang-nhap")
    page.get_by_label("Email").fill("quantri@test.vn")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).not_to_have_url(LOGIN_URL)  # the login POST has redirected
    for path in ("/can-bo/ban/?tab=all", "/can-bo/ban/ho-so/1", "/can-bo/ban/thanh-vien", "/can-bo/ban/ngay-nghi",
                 "/can-bo/bao-cao/?kind=year&year=2026", "/can-bo/tong-hop-y-kien/", "/kien-nghi", "/thong-ke",
                 f"/tra-cuu/{code}"):
        page.goto(live_server + path)
        assert page.locator("h1").count() == 1, path
        assert _serious_violations(page) == [], path
