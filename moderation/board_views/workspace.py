"""Staff Board workspace: /can-bo/ban."""
from __future__ import annotations

from pathlib import Path

from flask import Blueprint

TEMPLATES = str(Path(__file__).resolve().parent.parent / "templates")

bp = Blueprint("board", __name__, url_prefix="/can-bo/ban", template_folder=TEMPLATES)
