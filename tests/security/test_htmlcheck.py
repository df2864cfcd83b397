"""The checkers themselves catch what they must (a checker that sees nothing proves nothing)."""
from __future__ import annotations

import pytest

from security.htmlcheck import dangerous_markup, dangerous_tag_signatures, structure_problems


@pytest.mark.parametrize("html", [
    "<p>x</p><script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<iframe srcdoc="<script>parent.x=1</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
])
def test_dangerous_markup_is_caught(html):
    assert dangerous_markup(html)


def test_escaped_vectors_and_own_assets_pass():
    page = ('<link rel="stylesheet" href="/static/css/site.css"><script src="/static/js/app.js"></script>'
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>"
            '<a href="https://example.vn" rel="nofollow">ok</a>')
    assert dangerous_markup(page) == []


def test_baseline_tolerates_own_chart_only():
    chart = '<svg role="img" class="chart-svg" viewBox="0 0 10 10"></svg>'
    base = dangerous_tag_signatures(chart)
    assert dangerous_markup(chart, allowed_tags=base) == []
    assert dangerous_markup(chart + "<svg onload=alert(1)>", allowed_tags=base)


def test_structure_problems():
    good = ('<html lang="vi"><body><a href="#main">Bỏ qua</a><main id="main"><h1>T</h1>'
            '<label for="a">Tên</label><input id="a" name="a"></main></body></html>')
    assert structure_problems(good) == []
    bad = ('<html><body><main><h1>A</h1><h1>B</h1><input name="x">'
           '<input id="y" aria-invalid="true" name="y"></main></body></html>')
    problems = " ".join(structure_problems(bad))
    for expected in ("2 <h1>", "without lang", "skip link", "unlabelled", "error tied"):
        assert expected in problems, expected
