"""``flask reception remind`` (cron, once a day) and ``flask reception purge``."""
from __future__ import annotations

import datetime as dt

import click
from flask.cli import AppGroup

from portal.extensions import db

reception_cli = AppGroup("reception", help="Tiếp công dân, đối thoại.")


@reception_cli.command("remind")
@click.option("--on", "on", default=None, help="Ngày tính (YYYY-MM-DD); mặc định hôm nay. Nhắc các buổi ngày hôm sau.")
def remind_cmd(on):
    """Gửi thư nhắc người đăng ký các buổi tiếp công dân diễn ra ngày mai."""
    from moderation.reception.registrations import send_reminders

    try:
        day = dt.date.fromisoformat(on) if on else None
    except ValueError:
        raise click.BadParameter("Ngày không hợp lệ (YYYY-MM-DD).", param_hint="--on") from None
    counts = send_reminders(day)
    db.session.commit()
    click.echo(f"Đã xếp {counts['emailed']} thư nhắc vào hàng gửi; {counts['to_call']} người chỉ có số điện thoại "
               "(xem danh sách đăng ký để gọi nhắc).")


@reception_cli.command("purge")
def purge_cmd():
    """Xóa dữ liệu cá nhân của người đăng ký các buổi đã qua quá thời hạn lưu trữ."""
    from moderation.reception.registrations import purge_registrations

    n = purge_registrations()
    db.session.commit()
    click.echo(f"Đã xóa dữ liệu cá nhân của {n} lượt đăng ký.")
