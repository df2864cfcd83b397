"""``flask decisions issue-codes MATTER_ID --group CODE --count N``: one ballot code per line."""
from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from moderation.decisions.ballots import issue_codes
from moderation.decisions.models import DecisionMatter
from portal.errors import DomainError
from portal.extensions import db
from portal.params import get_row
from portal.units import vi_text
from portal.ward import ResidentialGroup

decisions_cli = AppGroup("decisions", help="Dân bàn và quyết định: mã phiếu hộ gia đình.")


@decisions_cli.command("issue-codes")
@click.argument("matter_id", type=int)
@click.option("--group", "group_code", required=True, help="Mã tổ dân phố, thôn (ví dụ TDP05).")
@click.option("--count", type=int, required=True, help="Số mã phiếu (một mã cho mỗi hộ).")
def issue_codes_cmd(matter_id, group_code, count):
    """Print one new ballot code per line for a matter and a residential group."""
    matter = get_row(DecisionMatter, matter_id)
    if matter is None:
        raise click.ClickException(f"Không có việc biểu quyết số {matter_id}.")
    group = db.session.scalar(select(ResidentialGroup).where(ResidentialGroup.code == group_code.strip()))
    if group is None:
        raise click.ClickException(vi_text("Không có %(group_kind)s mã ") + f"{group_code}.")
    try:
        codes = issue_codes(matter, group.id, count, "cli")
    except DomainError as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from None
    db.session.commit()
    for code in codes:
        click.echo(code)
