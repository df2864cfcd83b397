"""Issue 18, item 7: the English interface says everything in English. The tracking page, a Board
case page, the moderation queue with its filters and the statistics, rendered with ``lang=en``
for a ward whose user content (titles, texts, names, agency, ward settings) is ASCII, show no
Vietnamese letter; counted phrases take the right plural ('1 working day overdue',
'2 working days overdue')."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from moderation import queue
from moderation.boards.models import BoardMember
from moderation.boards.routing import get_inspection_board, route_approved_petition
from moderation.cases import deadlines, triage
from moderation.intake.petitions import new_receipt_code
from tests.fixtures.boards import make_petition
from tests.fixtures.users import sign_in

# Letters of Vietnamese that English never uses: ă â đ ê ô ơ ư and the five tone marks on any vowel.
VIETNAMESE = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯ"
    "àáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ"
    "ÀÁẠẢÃẦẤẬẨẪẰẮẶẲẴÈÉẸẺẼỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕỒỐỘỔỖỜỚỢỞỠÙÚỤỦŨỪỨỰỬỮỲÝỴỶỸ]")


@pytest.fixture
def config_overrides():
    return {"WARD_NAME": "Hoa An Ward", "WARD_ADDRESS": "12 Ton Duc Thang Street",
            "RECEPTION_ADDRESS": "Reception room, ward office", "RECEPTION_HOURS": "Tuesday 7:30-11:30",
            "CONTACT_NAME": "Thu Nguyen", "CONTACT_POSITION": "Ward office"}


def _visible_text(html: str) -> str:
    """What a reader sees: no script, style, title attribute values or tags; the link to the
    Vietnamese interface (``lang="vi"``) is Vietnamese on purpose."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<a [^>]*lang="vi"[^>]*>.*?</a>', " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(text.split())


def _vietnamese_in(client, path: str, *, contains=()) -> list[str]:
    """The stretches of Vietnamese on the English page ``path`` (a few words either side)."""
    r = client.get(path)
    html = r.get_data(as_text=True)
    assert r.status_code == 200, (path, r.status_code)
    assert '<html lang="en">' in html, path
    text = _visible_text(html)
    for phrase in contains:
        assert phrase in text, (path, phrase)
    words = text.split()
    marked = [i for i, w in enumerate(words) if VIETNAMESE.search(w)]
    runs: list[list[int]] = []
    for i in marked:  # neighbouring Vietnamese words (an ASCII one between them allowed) form one stretch
        if runs and i - runs[-1][-1] <= 2:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [f"{path}: …{' '.join(words[max(0, r[0] - 2):r[-1] + 3])}…" for r in runs]


@pytest.fixture
def ascii_ward(db, make_user):
    head = make_user("board_head", "board_member", name="Head Tran")
    member = make_user("board_member", name="Member Le")
    moderator = make_user("moderator", name="Moderator Pham")
    board = get_inspection_board()
    db.session.add_all([BoardMember(board_id=board.id, user_id=head.id, position="head"),
                        BoardMember(board_id=board.id, user_id=member.id, position="member")])
    closed = make_petition(title="Street lights broken on Le Loi", description="Three lamps are dark at night.",
                           name="Dan Nguyen", display_name="Dan Nguyen", email="dan@example.com")
    closed.receipt_code = new_receipt_code()
    case = route_approved_petition(closed, moderator)
    triage.assign_case(case, member, head)
    triage.record_verification(case, "Checked on site with the group leader.", member)
    triage.refer_case(case, member, agency="Ward Peoples Committee", sent_on=dt.date(2026, 3, 2),
                      document_number="05/BTTND")
    triage.record_answer(case, member, answered_on=dt.date(2026, 3, 20), answer_number="12/UBND",
                         summary="The lamps will be replaced in April.")
    triage.publish_response(case, "The lamps will be replaced in April.", member)
    triage.close_case(case, member)
    triage.rate_case(case, 4)
    waiting = [make_petition(status="received", title=f"Drain blocked number {n}",
                             description="Water floods the lane when it rains.", name="Mai Tran",
                             display_name="Mai Tran", email=f"mai{n}@example.com") for n in (1, 2)]
    approved, rejected, merged, redirected = (
        make_petition(status="received", title=f"Bench broken in park {n}", description="The bench is broken.",
                      name="Hoa Le", display_name="Hoa Le", email=f"hoa{n}@example.com") for n in (1, 2, 3, 4))
    for sub in (approved, rejected, merged, redirected):
        sub.receipt_code = new_receipt_code()
    queue.approve_submission(approved, moderator)
    queue.reject_submission(rejected, moderator, "spam")
    queue.merge_duplicate(merged, moderator, approved)
    queue.redirect_submission(redirected, moderator, "complaint", guidance="Bring the decision you contest.")
    db.session.commit()
    return {"head": head, "moderator": moderator, "case": case, "closed": closed, "waiting": waiting,
            "moderated": (approved, rejected, merged, redirected)}


def test_tracking_case_queue_and_statistics_pages_in_english(app, client, ascii_ward):
    client.set_cookie("lang", "en")
    code = ascii_ward["closed"].receipt_code
    leaks = _vietnamese_in(client, "/tra-cuu")
    leaks += _vietnamese_in(client, f"/tra-cuu/{code}", contains=("Street lights broken on Le Loi",))
    leaks += _vietnamese_in(client, f"/kien-nghi/{ascii_ward['closed'].id}")
    leaks += _vietnamese_in(client, "/thong-ke?from=2020-01-01&to=2030-12-31")
    for sub in ascii_ward["moderated"]:
        leaks += _vietnamese_in(client, f"/tra-cuu/{sub.receipt_code}")
    sign_in(client, ascii_ward["head"])
    leaks += _vietnamese_in(client, f"/can-bo/ban/ho-so/{ascii_ward['case'].id}", contains=("4/5",))
    for path in ("/can-bo/ban/", "/can-bo/ban/?tab=all", "/can-bo/ban/?tab=overdue"):
        leaks += _vietnamese_in(client, path)
    sign_in(client, ascii_ward["moderator"])
    for path in ("/can-bo/kiem-duyet/", "/can-bo/kiem-duyet/?kind=petition&status=received",
                 "/can-bo/kiem-duyet/?status=needs_info", "/can-bo/kiem-duyet/?tab=all",
                 f"/can-bo/kiem-duyet/{ascii_ward['waiting'][0].id}",
                 *(f"/can-bo/kiem-duyet/{sub.id}" for sub in ascii_ward["moderated"])):
        leaks += _vietnamese_in(client, path)
    assert not leaks, "\n".join(leaks)


@pytest.mark.parametrize(("due", "on", "label"), [
    (dt.date(2026, 3, 2), dt.date(2026, 3, 3), "1 working day overdue"),
    (dt.date(2026, 3, 2), dt.date(2026, 3, 4), "2 working days overdue"),
    (dt.date(2026, 3, 4), dt.date(2026, 3, 3), "1 working day left"),
    (dt.date(2026, 3, 5), dt.date(2026, 3, 3), "2 working days left"),
])
def test_deadline_badges_count_in_english(app, db, due, on, label):
    assert deadlines.clock(due, on)["label"].endswith(" ngày làm việc")  # no page: the Vietnamese text (emails)
    with app.test_request_context("/", headers={"Cookie": "lang=en"}):
        assert deadlines.clock(due, on)["label"] == label


def test_a_refused_case_action_reads_in_english(app, ascii_ward):
    from portal.errors import DomainError

    with app.test_request_context("/", headers={"Cookie": "lang=en"}):
        with pytest.raises(DomainError) as refused:
            triage.close_case(ascii_ward["case"], ascii_ward["head"])
        message = refused.value.message
    assert message and not VIETNAMESE.search(message), message


def _routed_with_note() -> str:
    from moderation.cases import texts

    return texts.fill(texts.ROUTED_WITH_NOTE, note="Ghi chú 100% của cán bộ",
                      reason=texts.fill(texts.ROUTED_BY_RULE, board="Ban Thanh tra nhân dân"))


TYPED = "Người dân gõ: 50% đường ngập."


def test_stored_sentences_in_vietnamese_unchanged(app, db):
    from moderation.cases.texts import stored_text

    with app.test_request_context("/"):
        assert stored_text(_routed_with_note()) == _routed_with_note() and stored_text(TYPED) == TYPED


def test_stored_sentences_in_english(app, db):
    from moderation.cases import texts

    with app.test_request_context("/", headers={"Cookie": "lang=en"}):
        assert texts.stored_text(_routed_with_note()) == (
            "Passed to the People's Inspection Board, as the rules provide. Note: Ghi chú 100% của cán bộ")
        assert texts.stored_text(TYPED) == TYPED  # people's words stay as they were typed
        assert texts.stored_text(texts.fill(texts.RATED, value=4)) == "The sender rated the answer 4/5."
