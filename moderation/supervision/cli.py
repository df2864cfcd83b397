"""``flask supervisions remind``: the daily email to Board heads about recommendations due or overdue."""
from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.extensions import db

supervisions_cli = AppGroup("supervisions", help="Giám sát của các Ban.")


@supervisions_cli.command("remind")
def remind() -> None:
    """Email each Board head the recommendations due within 2 working days and those overdue."""
    from moderation.supervision.reminders import send_recommendation_reminders

    sent = send_recommendation_reminders()
    db.session.commit()
    click.echo(f"reminders={len(sent)}")
