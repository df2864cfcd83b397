"""The one place where user text is cleaned before it is stored."""
from __future__ import annotations

import re
import unicodedata
from html import unescape

import bleach
import markdown as _markdown

ALLOWED_TAGS = [
    "p", "br", "hr", "strong", "b", "em", "i", "u", "s", "sub", "sup", "blockquote", "code", "pre",
    "ul", "ol", "li", "h2", "h3", "h4", "h5", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "a", "abbr", "span",
]
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title"],
    "abbr": ["title"],
    "th": ["colspan", "rowspan", "scope"],
    "td": ["colspan", "rowspan"],
}
ALLOWED_PROTOCOLS = ["http", "https", "mailto", "tel"]
# Characters no text a person types contains, and that break what comes after: NUL (PostgreSQL
# refuses it in text), the other C0 controls (tab, newline and carriage return excepted) and lone
# UTF-16 surrogates (JSON's "\\ud800": no UTF-8 encoder, database driver or log accepts them). In
# every request's form, query string and JSON strings they become U+FFFD at the door
# (portal.inputs); stored text loses them here, with the invisible formatting characters below.
UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff"
_UNSAFE = re.compile(f"[{UNSAFE}]")
_CONTROL = re.compile(f"[{UNSAFE}\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def replace_unsafe(value: str) -> str:
    """``value`` with each character of :data:`UNSAFE` replaced by U+FFFD, as Werkzeug already
    replaces bytes that are not UTF-8: the text visibly changes, so an email, a receipt code or a
    number carrying one is refused by its own check instead of silently matching another value."""
    return _UNSAFE.sub(REPLACEMENT, value) if _UNSAFE.search(value) else value


def clean_text(value: str | None, max_length: int | None = None) -> str:
    """Plain text: NFC, no control, lone-surrogate or bidi-override characters, trimmed. Never HTML-escaped
    here: templates escape on output."""
    if value is None:
        return ""
    value = _CONTROL.sub("", str(value))
    value = unicodedata.normalize("NFC", value).replace("\r\n", "\n").replace("\r", "\n").strip()
    if max_length is not None:
        value = value[:max_length]
    return value


def clean_html(value: str | None) -> str:
    """A small allowlist of HTML; everything else is escaped or stripped."""
    value = clean_text(value)
    cleaned = bleach.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return bleach.linkify(cleaned, callbacks=[_nofollow], skip_tags=["pre", "code"])


def _nofollow(attrs, new=False):
    attrs[(None, "rel")] = "nofollow noopener"
    return attrs


def render_markdown(value: str | None) -> str:
    """Markdown (raw HTML inside it is sanitized too) → safe HTML."""
    html = _markdown.markdown(clean_text(value), extensions=["tables", "sane_lists"])
    return clean_html(html)


_HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])", re.IGNORECASE)


def nest_headings(html: str | None, top: int) -> str:
    """Shift the headings of stored HTML so that its highest one is ``<h{top}>``: a body written
    with ``##`` or ``#`` sits under the page's own "Nội dung" heading, never beside it."""
    html = html or ""
    levels = [int(m.group(2)) for m in _HEADING.finditer(html) if not m.group(1)]
    if not levels or min(levels) >= top:
        return html
    shift = top - min(levels)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)


def strip_tags(value: str | None) -> str:
    return clean_text(bleach.clean(value or "", tags=[], strip=True))


# --- Bodies pasted from Word (or any HTML): paragraphs, lists, tables and headings stay; styles,
# classes, fonts, spans, Office namespaces (<o:p>, <w:…>, <v:…>) and conditional comments go.
PASTE_TAGS = [
    "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a",
]
PASTE_ATTRIBUTES = {"a": ["href", "title"], "th": ["colspan", "rowspan", "scope"], "td": ["colspan", "rowspan"]}
_HTML_BODY = re.compile(r"<\s*(p|div|table|ul|ol|h[1-6]|html|body|br|span|o:p|meta)\b", re.IGNORECASE)
# Dropped with their content (every search is a plain find from where the last one ended: linear in
# the size of the paste, whatever is unclosed in it): Word's conditional comments (VML, list markers),
# other comments, and blocks whose text is no body.
_DROP_BLOCKS = (("<!--[if", "<![endif]-->"), ("<!--", "-->"), ("<head", "</head>"), ("<style", "</style>"),
                ("<script", "</script>"), ("<xml", "</xml>"), ("<title", "</title>"), ("<template", "</template>"),
                ("<noscript", "</noscript>"))
_DOWNLEVEL = re.compile(r"<!\[if[^\]]*\]>|<!\[endif\]>", re.IGNORECASE)
_P_OPEN = re.compile(r"<p\b([^>]*)>", re.IGNORECASE)
_P_CLOSE = re.compile(r"</p\s*>", re.IGNORECASE)
_LIST_ATTRS = re.compile(r"MsoListParagraph|mso-list\s*:\s*l\d+", re.IGNORECASE)
_LIST_LEVEL = re.compile(r"level(\d+)", re.IGNORECASE)
_LIST_MARKER = re.compile(
    r"<!\[if\s+!supportLists\]>(.*?)<!\[endif\]>"
    r"|<!--\[if\s+!supportLists\]-->(.*?)<!--\[endif\]-->"
    r"|<span[^>]*mso-list\s*:\s*Ignore[^>]*>(.*?)</span>\s*(?:</span>\s*)?",
    re.IGNORECASE | re.DOTALL)
_ORDERED = re.compile(r"^\(?([0-9]{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$")
_EMPTY_P = re.compile(r"<p>(?:\s|&nbsp;|\xa0|<br>)*</p>")


def looks_like_html(value: str | None) -> bool:
    """A body someone pasted as HTML (Word, a web page) rather than Markdown."""
    text = (value or "").lstrip()
    return text.startswith("<") and bool(_HTML_BODY.search(text))


def _drop_blocks(html: str) -> str:
    low = html.lower()
    for opener, closer in _DROP_BLOCKS:
        out, pos = [], 0
        while True:
            i = low.find(opener, pos)
            if i < 0:
                break
            after = low[i + len(opener):i + len(opener) + 1]
            if opener[1].isalpha() and after and (after.isalnum() or after in "-_:"):  # <header>, <stylesheet…>
                out.append(html[pos:i + len(opener)])
                pos = i + len(opener)
                continue
            j = low.find(closer, i + len(opener))
            out.append(html[pos:i])
            pos = len(html) if j < 0 else j + len(closer)  # unclosed: the rest is not body text
        out.append(html[pos:])
        html = "".join(out)
        low = html.lower()
    return html


def _paragraphs(html: str):
    """(start, end, attributes, content, whole) of each <p>…</p>, in order, by plain searches."""
    pos = 0
    while True:
        m = _P_OPEN.search(html, pos)
        if m is None:
            return
        c = _P_CLOSE.search(html, m.end())
        if c is None:
            return
        yield m.start(), c.end(), m.group(1), html[m.end():c.start()], html[m.start():c.end()]
        pos = c.end()


def _list_items(html: str) -> str:
    """Word's lists are paragraphs (class MsoListParagraph…, style ``mso-list:l0 level1``) whose number
    or bullet is text in a conditional block: runs of them become ``<ol>``/``<ul>``, nested by level."""
    out, pos, run = [], 0, []

    def flush():
        if not run:
            return
        stack: list[tuple[int, str]] = []
        for level, tag, content in run:
            while stack and stack[-1][0] > level:
                out.append(f"</li></{stack.pop()[1]}>")
            if stack and stack[-1][0] == level:
                out.append("</li>")
                if stack[-1][1] != tag:
                    out.append(f"</{stack[-1][1]}><{tag}>")
                    stack[-1] = (level, tag)
            else:
                out.append(f"<{tag}>")
                stack.append((level, tag))
            out.append(f"<li>{content}")
        while stack:
            out.append(f"</li></{stack.pop()[1]}>")
        run.clear()

    for start, end, attrs, content, whole in _paragraphs(html):
        between = html[pos:start]
        if run and between.strip():
            flush()
        if not _LIST_ATTRS.search(attrs):
            flush()
            out.append(between + whole)
            pos = end
            continue
        if not run:
            out.append(between)
        marker = _LIST_MARKER.search(content[:4000])
        label = ""
        if marker:
            label = unescape(strip_tags(next(g for g in marker.groups() if g is not None)))
            label = label.replace("\xa0", " ").strip()
            content = content[:marker.start()] + content[marker.end():]
        level = int(_LIST_LEVEL.search(attrs).group(1)) if _LIST_LEVEL.search(attrs) else 1
        run.append((level, "ol" if _ORDERED.match(label) else "ul", content))
        pos = end
    flush()
    out.append(html[pos:])
    return "".join(out)


def clean_pasted_html(value: str | None) -> str:
    """HTML pasted from Word (or a web page) → the body's HTML: paragraphs, lists (Word's numbered and
    bulleted paragraphs made real ``<ol>``/``<ul>``), tables, headings, bold and italics, links; no
    style, class, font, span, ``<o:p>`` or ``mso-*``, no conditional comments, no empty paragraphs."""
    html = clean_text(value)
    html = _drop_blocks(html)
    html = _list_items(html)
    html = _DOWNLEVEL.sub("", html)
    html = re.sub(r"<(/?)h1\b", r"<\1h2", html, flags=re.IGNORECASE)  # the page's title is the only <h1>
    cleaned = bleach.clean(html, tags=PASTE_TAGS, attributes=PASTE_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
                           strip=True, strip_comments=True)
    cleaned = cleaned.replace("&nbsp;", " ").replace("\xa0", " ")
    cleaned = re.sub(r"[ \t]*\n[ \t\n]*", "\n", cleaned)  # Word wraps lines inside paragraphs
    cleaned = re.sub(r"(?<=>)\n(?=<)", "", cleaned)
    cleaned = re.sub(r"(?<!>)\n(?!<)", " ", cleaned)
    cleaned = re.sub(r"  +", " ", cleaned)
    cleaned = _EMPTY_P.sub("", cleaned)
    for tag in ("p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "caption"):
        cleaned = re.sub(rf"<{tag}([^>]*)>\s+", rf"<{tag}\1>", cleaned)
        cleaned = re.sub(rf"\s+</{tag}>", f"</{tag}>", cleaned)
    # one block per line: readable in the textarea, and Markdown-free when rendered
    cleaned = re.sub(r"(</(?:p|li|tr|table|thead|tbody|ul|ol|h[2-6]|caption)>)(?=<)", r"\1\n", cleaned)
    return cleaned.strip()


def render_body(value: str | None) -> str:
    """A disclosure's body as safe HTML: pasted HTML cleaned as above, anything else as Markdown."""
    if looks_like_html(value):
        return clean_html(clean_pasted_html(value))
    return render_markdown(value)
