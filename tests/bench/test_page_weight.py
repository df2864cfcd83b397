"""Page weight (the target of ``bench/pages.py``, checked on every test run): the home page with the
demo data costs a visitor at most 60 KB with its CSS, JS and images; every asset it names exists."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

ASSET_RE = re.compile(r'<(?:link|script|img)\b[^>]*\b(?:href|src)="(/[^"]+)"')
CSS_URL_RE = re.compile(r"url\(\s*['\"]?(/[^'\")]+)['\"]?\s*\)")


def page_weight(client, path: str) -> tuple[int, dict[str, int]]:
    page = client.get(path)
    assert page.status_code == 200
    sizes = {path: len(page.data)}
    queue = ASSET_RE.findall(page.get_data(as_text=True))
    while queue:
        url = queue.pop(0).replace("&amp;", "&")
        parts = urlsplit(url)
        local = parts.path + (f"?{parts.query}" if parts.query else "")
        if local in sizes or not parts.path.startswith("/static/"):
            continue
        asset = client.get(local)
        assert asset.status_code == 200, local
        sizes[local] = len(asset.data)
        if local.split("?")[0].endswith(".css"):
            queue += CSS_URL_RE.findall(asset.get_data(as_text=True))
        asset.close()
    return sum(sizes.values()), sizes


def test_home_with_demo_data_weighs_at_most_60_kb(app, client, runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    total, sizes = page_weight(client, "/")
    assert any(k.endswith(".css") for k in sizes)
    assert total <= 60_000, sizes
    for path in ("/cong-khai", "/tim-kiem?q=quy+ho%E1%BA%A1ch"):
        weight, parts = page_weight(client, path)
        assert weight <= 120_000, parts
