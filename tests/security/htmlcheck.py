"""Small HTML checks with the standard library parser: page structure (one h1, skip link, labelled
fields, errors tied to fields) and dangerous markup (scripts, event handlers, javascript: URLs)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
FIELD_TAGS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset", "ping"}
DANGEROUS_TAGS = {"script", "svg", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "math",
                  "meta", "link", "style", "form"}


@dataclass
class Element:
    tag: str
    attrs: dict
    line: int
    parents: tuple = ()
    text: str = ""


@dataclass
class Page:
    elements: list = field(default_factory=list)
    html_lang: str | None = None

    def find(self, tag: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag]

    def by_id(self) -> dict[str, list[Element]]:
        out: dict[str, list[Element]] = {}
        for e in self.elements:
            if e.attrs.get("id"):
                out.setdefault(e.attrs["id"], []).append(e)
        return out


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[Element] = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v if v is not None else "") for k, v in attrs}
        el = Element(tag, a, self.getpos()[0], tuple(p.tag for p in self.stack))
        if tag == "html":
            self.page.html_lang = a.get("lang")
        self.page.elements.append(el)
        if tag == "img" and a.get("alt"):
            for parent in self.stack:
                if parent.tag == "a":
                    parent.text += " " + a["alt"]
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        for el in self.stack:
            el.text += data


def parse(html: str) -> Page:
    p = _Parser()
    p.feed(html)
    p.close()
    return p.page


def _label_texts(page: Page) -> dict[str, str]:
    return {e.attrs.get("for", ""): e.text.strip() for e in page.find("label") if e.attrs.get("for")}


def structure_problems(html: str, *, staff: bool = False) -> list[str]:
    """One h1, a skip link to an existing target, html lang, labelled fields, unique ids,
    aria-describedby / aria-labelledby pointing to existing elements, images with alt."""
    page = parse(html)
    problems = []
    h1 = page.find("h1")
    if len(h1) != 1:
        problems.append(f"{len(h1)} <h1> elements (expected exactly one)")
    if not page.html_lang:
        problems.append("<html> without lang")
    ids = page.by_id()
    links = page.find("a")
    if not links or not links[0].attrs.get("href", "").startswith("#"):
        problems.append("no skip link as the first link")
    else:
        target = links[0].attrs["href"][1:]
        if target not in ids:
            problems.append(f"skip link points to #{target}, which does not exist")
    dup = [i for i, els in ids.items() if len(els) > 1]
    if dup:
        problems.append(f"duplicate ids: {dup}")
    labels = _label_texts(page)
    for el in page.elements:
        if el.tag in FIELD_TAGS:
            if el.tag == "input" and el.attrs.get("type", "text").lower() in UNLABELLED_INPUT_TYPES:
                continue
            named = (
                (el.attrs.get("id") in labels and labels[el.attrs["id"]])
                or "label" in el.parents
                or el.attrs.get("aria-label", "").strip()
                or el.attrs.get("aria-labelledby", "").strip()
                or el.attrs.get("title", "").strip()
            )
            if not named:
                problems.append(f"unlabelled <{el.tag} name={el.attrs.get('name')!r}> (line {el.line})")
        for attr in ("aria-describedby", "aria-labelledby", "aria-controls"):
            for ref in el.attrs.get(attr, "").split():
                if ref not in ids:
                    problems.append(f"<{el.tag}> {attr}={ref!r} points to nothing (line {el.line})")
        if el.attrs.get("aria-invalid") == "true" and not el.attrs.get("aria-describedby"):
            problems.append(f"invalid <{el.tag} name={el.attrs.get('name')!r}> without its error tied")
        if el.tag == "img" and "alt" not in el.attrs:
            problems.append(f"<img> without alt (line {el.line})")
        if el.tag == "a" and el.attrs.get("href") is not None and not el.text.strip() \
                and not el.attrs.get("aria-label"):
            problems.append(f"empty link text href={el.attrs.get('href')!r} (line {el.line})")
        if el.tag == "button" and not el.text.strip() and not el.attrs.get("aria-label"):
            problems.append(f"<button> without text (line {el.line})")
    return problems


# ------------------------------------------------------------------------------ dangerous markup
_JS_URL = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html|livescript)\s*:", re.I)


def _decoded(value: str) -> str:
    # html.parser already decoded entities; remove whitespace and control chars browsers ignore.
    return re.sub(r"[\x00-\x20]+", "", value)


def signature(el: Element) -> tuple:
    return (el.tag, tuple(sorted(el.attrs)), el.attrs.get("class", ""))


def dangerous_tag_signatures(html: str) -> set:
    """Signatures of the dangerous-looking tags a page has on its own (e.g. chart <svg>): used as
    a baseline so that only tags coming from user input are reported."""
    return {signature(e) for e in parse(html).elements if e.tag in DANGEROUS_TAGS}


def dangerous_markup(html: str, allowed_script_srcs=("/static/",), allowed_tags: set = frozenset()) -> list[str]:
    """Anything in ``html`` that could run script: <script> (other than our own static files),
    on* attributes, javascript:/vbscript:/data:text/html URLs, <svg>, <iframe>, <object>…
    ``allowed_tags``: signatures (see ``signature``) of the page's own tags to tolerate."""
    page = parse(html)
    problems = []
    for el in page.elements:
        if el.tag in ("set", "animate") and el.attrs.get("attributename", "").lower().startswith(("on", "href")):
            problems.append(f"<{el.tag} attributeName={el.attrs['attributename']!r}> (line {el.line})")
        if el.tag in DANGEROUS_TAGS and el.tag != "script" and signature(el) in allowed_tags:
            continue
        if el.tag == "script":
            src = el.attrs.get("src", "")
            if not src or not any(src.startswith(p) for p in allowed_script_srcs):
                problems.append(f"<script src={src!r}> (line {el.line})")
        elif el.tag in DANGEROUS_TAGS and el.tag not in ("meta", "link", "form"):
            problems.append(f"<{el.tag}> (line {el.line})")
        for name, value in el.attrs.items():
            if name.startswith("on"):
                problems.append(f"<{el.tag} {name}=…> event handler (line {el.line})")
            if name in URL_ATTRS or name.endswith(":href"):
                v = _decoded(value).lower()
                if v.startswith(("javascript:", "vbscript:", "livescript:", "data:text/html")) or _JS_URL.match(value):
                    problems.append(f"<{el.tag} {name}={value[:40]!r}> (line {el.line})")
            if name == "style" and re.search(r"expression|url\s*\(|javascript", value, re.I):
                problems.append(f"<{el.tag} style={value[:40]!r}> (line {el.line})")
            if name == "srcdoc":
                problems.append(f"<{el.tag} srcdoc> (line {el.line})")
        if el.tag == "meta" and el.attrs.get("http-equiv", "").lower() == "refresh":
            problems.append(f"<meta http-equiv=refresh> (line {el.line})")
        if el.tag == "link" and el.attrs.get("href", "") and not el.attrs["href"].startswith(("/static/", "/")):
            problems.append(f"<link href={el.attrs['href'][:40]!r}> (line {el.line})")
        if el.tag == "form" and _JS_URL.match(el.attrs.get("action", "")):
            problems.append(f"<form action=javascript:> (line {el.line})")
    return problems
