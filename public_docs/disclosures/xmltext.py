"""Paragraph text of an XML part (DOCX ``word/document.xml``, ODT ``content.xml``), read in chunks
with expat's callbacks: no tree is built, so memory holds one paragraph's text whatever the size of
the part, and reading stops as soon as the caller stops asking.

Tags are ``"namespace}local"`` (expat's form with ``namespace_separator="}"``).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from xml.parsers import expat

CHUNK = 64 * 1024


class _Collector:
    def __init__(self, para_tags: set[str], special: dict[str, Callable[[dict], str]],
                 text_tags: set[str] | None, max_chars: int):
        self.para_tags, self.special, self.text_tags, self.max_chars = para_tags, special, text_tags, max_chars
        self.paras = 0  # open paragraphs (a text box's paragraph inside another one joins it)
        self.texts = 0  # open text elements, when only those count (WordprocessingML's w:t)
        self.buf: list[str] = []
        self.size = 0
        self.done: list[str] = []

    def _add(self, text: str) -> None:
        if self.size < self.max_chars:
            self.buf.append(text)
            self.size += len(text)

    def start(self, tag: str, attrs: dict) -> None:
        if tag in self.para_tags:
            self.paras += 1
        elif self.paras and tag in self.special:
            self._add(self.special[tag](attrs))
        if self.text_tags is not None and tag in self.text_tags:
            self.texts += 1

    def end(self, tag: str) -> None:
        if self.text_tags is not None and tag in self.text_tags:
            self.texts -= 1
        if tag in self.para_tags:
            self.paras -= 1
            if not self.paras:
                self.done.append("".join(self.buf))
                self.buf, self.size = [], 0

    def data(self, text: str) -> None:
        if self.paras and (self.text_tags is None or self.texts):
            self._add(text)


def paragraphs(fh, para_tags: set[str], special: dict[str, Callable[[dict], str]],
               text_tags: set[str] | None = None, max_chars: int = 500_000,
               deadline: float | None = None) -> Iterator[str]:
    """The text of each paragraph element of the XML read from ``fh``. ``special``: what an element
    stands for (a tab, a break), from its attributes; ``text_tags``: the elements whose text counts
    (None: all text inside a paragraph). Stops quietly at ``deadline`` (``time.monotonic()``)."""
    collector = _Collector(para_tags, special, text_tags, max_chars)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.StartElementHandler = collector.start
    parser.EndElementHandler = collector.end
    parser.CharacterDataHandler = collector.data
    while True:
        chunk = fh.read(CHUNK)
        parser.Parse(chunk, not chunk)
        done, collector.done = collector.done, []
        yield from done
        if not chunk or (deadline is not None and time.monotonic() > deadline):
            return
