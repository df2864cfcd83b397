"""Helpers shared by the submissions and moderation tests (imported as ``mod_helpers``)."""
from __future__ import annotations

import io

from PIL import Image

from demo.minipdf import make_pdf

PDF_BYTES = make_pdf("Đơn kiến nghị", ["Nội dung đơn"])  # a real PDF: the upload check parses every object


def jpeg_with_gps() -> bytes:
    img = Image.new("RGB", (40, 30), (200, 80, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "SecretPhone X"  # Model
    gps = {1: "N", 2: (16.0, 4.0, 30.0), 3: "E", 4: (108.0, 13.0, 5.0)}
    exif[0x8825] = gps
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 100, 0)).save(out, format="PNG")
    return out.getvalue()


def valid_petition(**overrides) -> dict:
    data = {
        "kind": "feedback", "topic": "environment", "group": "TDP01", "title": "Rác thải ứ đọng ở kiệt 45",
        "description": "Rác thải tập kết tại đầu kiệt 45 đường Lê Lợi đã ba ngày chưa được thu gom, gây mùi hôi.",
        "name": "", "phone": "", "email": "", "visibility": "anonymous", "consent": False,
    }
    data.update(overrides)
    return data




def token(age: float = 60) -> str:
    """A signed form start time ``age`` seconds ago (the minimum fill time is satisfied)."""
    import time

    from moderation.abuse import started_token

    return started_token(time.time() - age)


def form_post(**overrides) -> dict:
    data = valid_petition(**overrides)
    data.setdefault("step", "final")
    data["form_started"] = data.get("form_started") or token()
    if data.get("consent") is False:
        data.pop("consent")
    return {k: v for k, v in data.items() if v is not None}


def receipt_code_from(html: str) -> str:
    import re

    return re.search(r'data-testid="receipt-code">([^<]+)<', html).group(1)
