"""``flask cases digest`` and ``flask privacy purge``."""
from __future__ import annotations

import datetime as dt

import click
from flask.cli import AppGroup

from portal.extensions import db

cases_cli = AppGroup("cases", help="Hồ sơ kiến nghị của các Ban.")
privacy_cli = AppGroup("privacy", help="Bảo vệ dữ liệu cá nhân.")


@cases_cli.command("digest")
@click.option("--on", "on", default=None, help="Ngày tính (YYYY-MM-DD); mặc định hôm nay.")
def digest_cmd(on):
    """Gửi Trưởng ban danh sách hồ sơ đến hạn trong 2 ngày làm việc tới và hồ sơ quá hạn."""
    from moderation.maintenance import send_case_digest
    from moderation.supervision.reminders import send_recommendation_reminders

    day = dt.date.fromisoformat(on) if on else None
    sent = send_case_digest(day) + send_recommendation_reminders(day)  # supervisions' recommendations too
    db.session.commit()
    for row in sent:
        click.echo(f"{row['to']}\t{row['board']}\tđến hạn={row['due']}\tquá hạn={row['overdue']}")
    click.echo(f"Đã xếp {len(sent)} thư vào hàng gửi.")


@privacy_cli.command("purge")
def purge_cmd():
    """Xóa dữ liệu cá nhân của hồ sơ đã kết thúc quá thời hạn lưu trữ và kiến nghị không tiếp nhận."""
    from moderation.abuse import purge_form_tokens
    from moderation.maintenance import purge_personal_data

    counts = purge_personal_data()
    from moderation.reception.registrations import purge_registrations

    counts["registrations"] = purge_registrations()  # reception registrations after their session
    purge_form_tokens()  # used public-form tokens past the forms' lifetime
    db.session.commit()
    click.echo(f"Đã xóa dữ liệu cá nhân: {counts['closed']} hồ sơ đã kết thúc, "
               f"{counts['rejected']} kiến nghị không tiếp nhận, "
               f"{counts['registrations']} lượt đăng ký tiếp công dân.")
