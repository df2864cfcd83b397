"""The ward's own structure shared by every package: residential groups."""
from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from portal.extensions import db


class ResidentialGroup(db.Model):
    """Tổ dân phố / thôn: admin-editable list."""

    __tablename__ = "residential_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)

    def __repr__(self) -> str:
        return f"<ResidentialGroup {self.code}>"
