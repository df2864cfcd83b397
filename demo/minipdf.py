"""A tiny PDF writer for demo attachments and tests: Vietnamese text that renders and extracts.

With a TrueType font on the machine (DejaVu Sans / Liberation Sans / Noto Sans) the text is set in
that font, embedded as a subset (unused glyphs blanked) with a ToUnicode map, so that viewers show
it and ``pypdf`` extracts it. Without one, it falls back to Helvetica with the text stripped of
diacritics. No dependency beyond the standard library.
"""
from __future__ import annotations

import struct
import unicodedata
import zlib
from pathlib import Path

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/noto/NotoSans-Regular.ttf",
    "/Library/Fonts/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
)
PAGE_W, PAGE_H, MARGIN = 595, 842, 56


class _TTF:
    def __init__(self, data: bytes):
        self.data = data
        n = struct.unpack(">H", data[4:6])[0]
        self.tables = {}
        for i in range(n):
            tag, _cs, off, ln = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
            self.tables[tag.decode("latin-1")] = (off, ln)
        head = self.table("head")
        self.upem = struct.unpack(">H", head[18:20])[0]
        self.bbox = struct.unpack(">hhhh", head[36:44])
        self.loc_format = struct.unpack(">h", head[50:52])[0]
        hhea = self.table("hhea")
        self.ascent, self.descent = struct.unpack(">hh", hhea[4:8])
        self.n_hmetrics = struct.unpack(">H", hhea[34:36])[0]
        self.num_glyphs = struct.unpack(">H", self.table("maxp")[4:6])[0]
        hmtx = self.table("hmtx")
        self.advances = [struct.unpack(">H", hmtx[4 * i: 4 * i + 2])[0] for i in range(self.n_hmetrics)]
        self.cmap = self._cmap()

    def table(self, tag: str) -> bytes:
        off, ln = self.tables[tag]
        return self.data[off: off + ln]

    def _cmap(self) -> dict[int, int]:
        cmap = self.table("cmap")
        n = struct.unpack(">H", cmap[2:4])[0]
        best = None
        for i in range(n):
            pid, eid, off = struct.unpack(">HHI", cmap[4 + 8 * i: 12 + 8 * i])
            fmt = struct.unpack(">H", cmap[off: off + 2])[0]
            if pid == 3 and eid in (1, 10) and fmt in (4, 12):
                if best is None or fmt == 12:
                    best = (off, fmt)
        if best is None:
            raise ValueError("no unicode cmap")
        off, fmt = best
        out: dict[int, int] = {}
        if fmt == 12:
            ngroups = struct.unpack(">I", cmap[off + 12: off + 16])[0]
            for g in range(ngroups):
                s, e, gid = struct.unpack(">III", cmap[off + 16 + 12 * g: off + 28 + 12 * g])
                if s > 0x2FFFF:
                    continue
                for c in range(s, min(e, 0x2FFFF) + 1):
                    out[c] = gid + c - s
            return out
        seg2 = struct.unpack(">H", cmap[off + 6: off + 8])[0]
        seg = seg2 // 2
        ends = struct.unpack(f">{seg}H", cmap[off + 14: off + 14 + seg2])
        starts = struct.unpack(f">{seg}H", cmap[off + 16 + seg2: off + 16 + 2 * seg2])
        deltas = struct.unpack(f">{seg}h", cmap[off + 16 + 2 * seg2: off + 16 + 3 * seg2])
        ro_pos = off + 16 + 3 * seg2
        ranges = struct.unpack(f">{seg}H", cmap[ro_pos: ro_pos + seg2])
        for i in range(seg):
            for c in range(starts[i], ends[i] + 1):
                if c == 0xFFFF:
                    continue
                if ranges[i] == 0:
                    gid = (c + deltas[i]) & 0xFFFF
                else:
                    p = ro_pos + 2 * i + ranges[i] + 2 * (c - starts[i])
                    gid = struct.unpack(">H", cmap[p: p + 2])[0]
                    if gid:
                        gid = (gid + deltas[i]) & 0xFFFF
                if gid:
                    out[c] = gid
        return out

    def advance(self, gid: int) -> int:
        return self.advances[min(gid, self.n_hmetrics - 1)]

    def _glyph_offsets(self) -> list[int]:
        loca = self.table("loca")
        if self.loc_format == 0:
            return [2 * v for v in struct.unpack(f">{self.num_glyphs + 1}H", loca[: 2 * (self.num_glyphs + 1)])]
        return list(struct.unpack(f">{self.num_glyphs + 1}I", loca[: 4 * (self.num_glyphs + 1)]))

    def subset(self, gids: set[int]) -> bytes:
        """The font with every glyph outside ``gids`` (and their components) left empty."""
        glyf = self.table("glyf")
        offs = self._glyph_offsets()
        keep = set(gids) | {0}
        todo = list(keep)
        while todo:
            g = todo.pop()
            chunk = glyf[offs[g]: offs[g + 1]]
            if len(chunk) >= 10 and struct.unpack(">h", chunk[:2])[0] < 0:
                p = 10
                while True:
                    flags, comp = struct.unpack(">HH", chunk[p: p + 4])
                    if comp not in keep:
                        keep.add(comp)
                        todo.append(comp)
                    p += 4 + (4 if flags & 1 else 2)
                    p += 2 if flags & 8 else 4 if flags & 0x40 else 8 if flags & 0x80 else 0
                    if not flags & 0x20:
                        break
        new_glyf = bytearray()
        new_loca = []
        for g in range(self.num_glyphs):
            new_loca.append(len(new_glyf))
            if g in keep:
                new_glyf += glyf[offs[g]: offs[g + 1]]
                new_glyf += b"\0" * (-len(new_glyf) % 4)
        new_loca.append(len(new_glyf))
        head = bytearray(self.table("head"))
        head[8:12] = b"\0\0\0\0"
        head[50:52] = struct.pack(">h", 1)
        tables = {
            "head": bytes(head),
            "hhea": self.table("hhea"),
            "hmtx": self.table("hmtx"),
            "maxp": self.table("maxp"),
            "loca": struct.pack(f">{len(new_loca)}I", *new_loca),
            "glyf": bytes(new_glyf),
        }
        for tag in ("cvt ", "fpgm", "prep", "cmap"):
            if tag in self.tables:
                tables[tag] = self.table(tag)
        tags = sorted(tables)
        out = bytearray(struct.pack(">IHHHH", 0x00010000, len(tags), 0, 0, 0))
        offset = 12 + 16 * len(tags)
        body = bytearray()
        for tag in tags:
            data = tables[tag]
            checksum = sum(struct.unpack(f">{(len(data) + 3) // 4}I", data + b"\0" * (-len(data) % 4))) & 0xFFFFFFFF
            out += struct.pack(">4sIII", tag.encode("latin-1"), checksum, offset + len(body), len(data))
            body += data + b"\0" * (-len(data) % 4)
        return bytes(out + body)


_font_cache: dict[str, _TTF | None] = {}


def _load_font() -> _TTF | None:
    if "font" not in _font_cache:
        _font_cache["font"] = None
        for path in FONT_CANDIDATES:
            p = Path(path)
            if p.is_file():
                try:
                    _font_cache["font"] = _TTF(p.read_bytes())
                    break
                except Exception:  # noqa: BLE001 - try the next font
                    continue
    return _font_cache["font"]


def _fold(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _wrap(text: str, width_of, max_width: float) -> list[str]:
    lines: list[str] = []
    for para in text.split("\n"):
        words = para.split(" ")
        line = ""
        for word in words:
            trial = f"{line} {word}" if line else word
            if width_of(trial) <= max_width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def make_pdf(title: str, paragraphs: list[str], font_size: float = 11) -> bytes:
    """A PDF of ``title`` (bold-ish, larger) and ``paragraphs``; pages break as needed."""
    font = _load_font()
    title = unicodedata.normalize("NFC", title)
    paragraphs = [unicodedata.normalize("NFC", p) for p in paragraphs]
    used: set[int] = set()

    if font is not None:
        def gid(ch: str) -> int:
            return font.cmap.get(ord(ch), font.cmap.get(ord("?"), 0))

        def width_of(s: str, size: float = font_size) -> float:
            return sum(font.advance(gid(c)) for c in s) * size / font.upem

        def encode(s: str) -> str:
            ids = [gid(c) for c in s]
            used.update(ids)
            return "<" + "".join(f"{g:04X}" for g in ids) + ">"
    else:
        def width_of(s: str, size: float = font_size) -> float:
            return len(s) * size * 0.5

        def encode(s: str) -> str:
            s = _fold(s).encode("latin-1", "replace").decode("latin-1")
            return "(" + s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"

    max_w = PAGE_W - 2 * MARGIN
    items: list[tuple[float, str]] = []
    for line in _wrap(title, lambda s: width_of(s, font_size + 4), max_w):
        items.append((font_size + 4, line))
    items.append((font_size, ""))
    for para in paragraphs:
        for line in _wrap(para, width_of, max_w):
            items.append((font_size, line))
        items.append((font_size * 0.5, ""))

    pages: list[list[str]] = [[]]
    y = PAGE_H - MARGIN
    for size, line in items:
        lead = size * 1.45
        if y - lead < MARGIN:
            pages.append([])
            y = PAGE_H - MARGIN
        y -= lead
        if line:
            pages[-1].append(f"BT /F1 {size:g} Tf {MARGIN} {y:.1f} Td {encode(line)} Tj ET")
    for n, page in enumerate(pages, 1):
        page.append(f"BT /F1 9 Tf {PAGE_W / 2 - 10:.0f} 30 Td {encode(f'Trang {n}/{len(pages)}')} Tj ET")

    objects: list[bytes] = []

    def add(obj: bytes) -> int:
        objects.append(obj)
        return len(objects)

    def stream(data: bytes, extra: str = "") -> bytes:
        comp = zlib.compress(data, 9)
        return f"<< /Length {len(comp)} /Filter /FlateDecode {extra}>>\nstream\n".encode() + comp + b"\nendstream"

    catalog = add(b"")  # placeholders filled below
    pages_obj = add(b"")
    if font is not None:
        widths = " ".join(f"{g} [{font.advance(g) * 1000 // font.upem}]" for g in sorted(used))
        font_file = add(stream(font.subset(used)))
        scale = 1000 / font.upem
        bbox = " ".join(str(int(v * scale)) for v in font.bbox)
        desc = add(
            (
                f"<< /Type /FontDescriptor /FontName /AAAAAA+PortalSans /Flags 32 /FontBBox [{bbox}] "
                f"/ItalicAngle 0 /Ascent {int(font.ascent * scale)} /Descent {int(font.descent * scale)} "
                f"/CapHeight {int(font.ascent * scale)} /StemV 80 /FontFile2 {font_file} 0 R >>"
            ).encode()
        )
        cid = add(
            (
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+PortalSans "
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                f"/FontDescriptor {desc} 0 R /W [{widths}] /CIDToGIDMap /Identity >>"
            ).encode()
        )
        rev: dict[int, str] = {}
        for ch in set(title + "".join(paragraphs) + "Trang 0123456789/"):
            g = font.cmap.get(ord(ch))
            if g in used and g not in rev:
                rev[g] = ch
        def utf16(ch: str) -> str:
            b = ch.encode("utf-16-be")
            return "".join(f"{u:04X}" for u in struct.unpack(f">{len(b) // 2}H", b))

        bf = "\n".join(f"<{g:04X}> <{utf16(ch)}>" for g, ch in sorted(rev.items()))
        cmap = (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(rev)} beginbfchar\n{bf}\nendbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end"
        )
        to_unicode = add(stream(cmap.encode()))
        font_obj = add(
            (
                "<< /Type /Font /Subtype /Type0 /BaseFont /AAAAAA+PortalSans /Encoding /Identity-H "
                f"/DescendantFonts [{cid} 0 R] /ToUnicode {to_unicode} 0 R >>"
            ).encode()
        )
    else:
        font_obj = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    page_ids = []
    for page in pages:
        content = add(stream("\n".join(page).encode("latin-1")))
        page_ids.append(
            add(
                (
                    f"<< /Type /Page /Parent {pages_obj} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                    f"/Resources << /Font << /F1 {font_obj} 0 R >> >> /Contents {content} 0 R >>"
                ).encode()
            )
        )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {pages_obj} 0 R >>".encode()
    kids = " ".join(f"{p} 0 R" for p in page_ids)
    objects[pages_obj - 1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()

    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
