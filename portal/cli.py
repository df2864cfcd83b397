"""Command-line: ``flask users …``, ``flask outbox send``, ``flask demo load``."""
from __future__ import annotations

import secrets

import click
from flask import Flask, current_app
from flask.cli import AppGroup
from sqlalchemy import func, select

from portal.errors import DomainError
from portal.extensions import db

users_cli = AppGroup("users", help="Staff accounts.")
outbox_cli = AppGroup("outbox", help="The transactional outbox.")
demo_cli = AppGroup("demo", help="Demo data.")
audit_cli = AppGroup("audit", help="The audit log.")

DEMO_STAFF = [
    ("admin@demo.phuong.vn", "Quản trị viên", ["admin"]),
    ("bientap@demo.phuong.vn", "Trần Văn Biên", ["editor"]),
    ("kiemduyet@demo.phuong.vn", "Lê Thị Duyệt", ["moderator"]),
    ("truongban@demo.phuong.vn", "Phạm Văn Thanh", ["board_head", "board_member"]),
    ("thanhvien@demo.phuong.vn", "Ngô Thị Giám", ["board_member"]),
    ("tiepdan@demo.phuong.vn", "Hoàng Thị Tiếp", ["reception"]),
]
DEMO_PASSWORD = "Demo-2026-dcs"


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--role", "roles", multiple=True, required=True,
              help="admin, editor, moderator, board_member, board_head")
@click.option("--password", default=None, help="Generated and printed when omitted.")
@click.option("--name", default="")
def create_user_cmd(email, roles, password, name):
    """Create a staff account (the first admin, typically)."""
    from portal.accounts import services

    generated = password is None
    password = password or secrets.token_urlsafe(12) + "-Aa1"
    try:
        user = services.create_user(email, [r for role in roles for r in role.split(",")], password,
                                    name=name, actor="cli")
    except DomainError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Đã tạo tài khoản {user.email} ({', '.join(sorted(user.roles))}).")
    if generated:
        click.echo(f"Mật khẩu: {password}")


@users_cli.command("list")
def list_users_cmd():
    from portal.accounts.models import User

    for user in db.session.scalars(select(User).order_by(User.email)):
        click.echo(f"{user.email}\t{','.join(sorted(user.roles))}\t{'active' if user.active else 'disabled'}")


@outbox_cli.command("send")
@click.option("--limit", default=500)
def outbox_send_cmd(limit):
    """Deliver pending messages (SMTP when MAIL_SERVER is set, else .eml files)."""
    from portal.outbox import deliver_pending

    counts = deliver_pending(limit=limit)
    click.echo(f"sent={counts['sent']} retry={counts['retry']} failed={counts['failed']}")


def demo_loaders(app: Flask) -> list:
    return app.extensions.setdefault("demo_loaders", [])


def load_demo_staff() -> list[tuple[str, str]]:
    from portal.accounts import services
    from portal.ward import ResidentialGroup

    created = []
    for i in range(1, 9):
        code = f"TDP{i:02d}"
        if not db.session.scalar(select(ResidentialGroup).filter_by(code=code)):
            db.session.add(ResidentialGroup(code=code, name=f"Tổ dân phố {i}", position=i))
    for email, name, roles in DEMO_STAFF:
        if services.get_user_by_email(email) is None:
            services.create_user(email, roles, DEMO_PASSWORD, name=name, actor="demo")
            created.append((email, ", ".join(roles)))
    db.session.flush()
    return created


@demo_cli.command("load")
@click.option("--if-empty", is_flag=True, help="Only when the database has no staff account yet.")
def demo_load_cmd(if_empty):
    """Load demo staff, groups, disclosures and submissions."""
    from portal.accounts.models import User

    if if_empty and db.session.scalar(select(func.count()).select_from(User)):
        click.echo("Cơ sở dữ liệu đã có dữ liệu: không nạp dữ liệu mẫu.")
        print_demo_logins()
        return
    load_demo_staff()
    for loader in demo_loaders(current_app):
        loader()
    db.session.commit()
    click.echo("Đã nạp dữ liệu mẫu.")
    print_demo_logins()


def print_demo_logins():
    from portal.accounts import services

    rows = [(e, r) for e, _n, r in DEMO_STAFF if services.get_user_by_email(e) is not None]
    if not rows:
        return
    click.echo(f"Tài khoản cán bộ mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
    for email, roles in rows:
        click.echo(f"  {email:<28} {', '.join(roles)}")


def _seed_audit_chain() -> None:
    from portal.audit import ensure_chain_head

    ensure_chain_head()


def seeders(app: Flask) -> list:
    return app.extensions.setdefault("seed_reference_data", [])


@click.command("seed")
def seed_cmd():
    """Insert the reference data every ward starts with (topics, reasons, holidays). Idempotent."""
    for fn in seeders(current_app):
        fn()
    db.session.commit()
    click.echo("Đã cập nhật dữ liệu danh mục.")


@audit_cli.command("verify")
def audit_verify_cmd():
    """Check the audit log's hash chain: OK with the count, or the first broken link (exit 1)."""
    from portal.audit import verify

    count, broken, why = verify()
    if broken is None:
        click.echo(f"OK: {count} sự kiện, chuỗi băm nguyên vẹn.")
        return
    reasons = {"prev": "không khớp với sự kiện liền trước (sự kiện trước đó đã bị xóa hoặc chèn)",
               "hash": "nội dung đã bị sửa sau khi ghi",
               "tail": "các sự kiện sau sự kiện này đã bị xóa"}
    click.echo(f"LỖI: chuỗi băm đứt tại sự kiện id {broken}: {reasons[why]}.", err=True)
    raise SystemExit(1)


def init_app(app: Flask) -> None:
    app.cli.add_command(audit_cli)
    app.extensions.setdefault("seed_reference_data", []).insert(0, _seed_audit_chain)
    app.cli.add_command(seed_cmd)
    app.cli.add_command(users_cli)
    app.cli.add_command(outbox_cli)
    app.cli.add_command(demo_cli)
