"""The one place where user text is cleaned before it is stored."""
from __future__ import annotations

import re
import unicodedata

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
