import datetime as dt

import pytest
from flask import render_template_string

from moderation.consultations import synthesis as consultation
from moderation.documents import docx_text
from moderation.intake.models import Submission, SubmissionKind, SubmissionStatus, Visibility
from portal.errors import DomainError
from tests.fixtures.users import sign_in


def _draft(db, closed=True):
    from public_docs.disclosures.models import Disclosure, DisclosureStatus

    today = dt.date.today()
    d = Disclosure(number="7/DT-UBND", title="Dự thảo quy ước tổ dân phố", category="conventions",
                   status=DisclosureStatus.published, comments_open_from=today - dt.timedelta(days=40),
                   comments_open_until=today - dt.timedelta(days=1 if closed else -5))
    db.session.add(d)
    db.session.flush()
    comments = []
    for i, (text, vis, name) in enumerate([("Nên giữ giờ yên tĩnh sau 22 giờ", "named", "Trần Thị Góp"),
                                           ("Giờ yên tĩnh từ 21 giờ", "anonymous", "Ẩn Danh"),
                                           ("Bỏ quy định nuôi chó", "private", "")]):
        c = Submission(receipt_code=f"YK-{i}", kind=SubmissionKind.comment, status=SubmissionStatus.approved,
                       visibility=Visibility(vis), description=text, display_name=name, disclosure_id=d.id)
        db.session.add(c)
        comments.append(c)
    db.session.add(Submission(receipt_code="YK-X", kind=SubmissionKind.comment, status=SubmissionStatus.rejected,
                              description="Bình luận bị từ chối", disclosure_id=d.id))
    db.session.commit()
    return d, comments


def test_synthesis_rules_and_publication(db, make_user):
    editor = make_user("editor")
    d, (a, b, c) = _draft(db)
    with pytest.raises(DomainError, match="giải trình"):
        consultation.set_disposition(d, a, "partly", "", editor)
    consultation.set_disposition(d, a, "accepted", "", editor, group_label="Giờ yên tĩnh")
    consultation.set_disposition(d, b, "partly", "Giữ 22 giờ theo quy định chung", editor, group_label="Giờ yên tĩnh")
    with pytest.raises(DomainError, match="Còn 1"):
        consultation.publish_synthesis(d, "Tóm tắt", editor)
    consultation.set_disposition(d, c, "not_accepted", "Nội dung thuộc quy định của thành phố", editor)
    assert consultation.synthesis_view(d) is None  # not yet published
    consultation.publish_synthesis(d, "Đã tiếp thu phần lớn ý kiến.", editor)
    db.session.commit()
    view = consultation.synthesis_view(d)
    assert view["total"] == 3
    assert view["counts"] == {"accepted": 1, "partly": 1, "not_accepted": 1}
    assert view["groups"][0][0] == "Giờ yên tĩnh" and len(view["groups"][0][1]) == 2
    with pytest.raises(DomainError, match="đã công bố"):
        consultation.set_disposition(d, a, "not_accepted", "x", editor)
    text = docx_text(consultation.synthesis_docx(d))
    assert "Tiếp nhận 03 ý kiến của Nhân dân; tiếp thu 01 ý kiến, tiếp thu một phần 01 ý kiến, giải trình 01" in text
    assert "Giữ 22 giờ theo quy định chung" in text and "Bình luận bị từ chối" not in text


def test_not_before_closing(db, make_user):
    d, (a, _b, _c) = _draft(db, closed=False)
    with pytest.raises(DomainError, match="hết thời gian"):
        consultation.set_disposition(d, a, "accepted", "", make_user("editor"))


def test_editor_pages_partial_and_docx(client, app, db, make_user):
    d, (a, b, c) = _draft(db)
    sign_in(client, make_user("editor"))
    r = client.post(f"/can-bo/tong-hop-y-kien/{d.id}", data={
        "action": "save", f"disp-{a.id}": "accepted", f"disp-{b.id}": "not_accepted", f"expl-{b.id}": ""})
    assert r.status_code == 400 and "giải trình" in r.get_data(as_text=True)
    client.post(f"/can-bo/tong-hop-y-kien/{d.id}", data={
        "action": "save", f"disp-{a.id}": "accepted", f"disp-{b.id}": "not_accepted", f"expl-{b.id}": "Lý do A",
        f"disp-{c.id}": "partly", f"expl-{c.id}": "Lý do B", f"group-{c.id}": "Vật nuôi"})
    publish = client.post(f"/can-bo/tong-hop-y-kien/{d.id}", data={"action": "publish", "summary": "Tóm tắt"})
    assert publish.status_code == 302
    assert client.get(f"/tong-hop-y-kien/{d.id}.docx").status_code == 200
    with app.test_request_context():
        html = render_template_string('{% include "moderation/_consultation_synthesis.html" %}', disclosure=d)
    assert "Lý do A" in html and "Vật nuôi" in html and "Trần Thị Góp" in html and "Ẩn Danh" not in html
    assert "YK-0" not in html
