"""Hand-assembled PDFs for the upload tests: well formed (a correct xref table or xref stream and
startxref, so that a real reader opens them), with the objects packed, encoded and padded the way
an attacker would.

``assemble(objects)``: object ``i + 1`` is ``objects[i]`` (the text between ``obj`` and
``endobj``), object 1 is the catalog. ``packed(plain, packed, filters=...)``: the ``packed``
objects go into one object stream, encoded through ``filters``, listed in an xref stream.
"""
from __future__ import annotations

import binascii
import zlib

PAGES = b"<</Type/Pages/Kids[3 0 R]/Count 1>>"
PAGE = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]%s>>"


def catalog(extra: bytes = b"") -> bytes:
    return b"<</Type/Catalog/Pages 2 0 R" + extra + b">>"


def assemble(objects: list[bytes], stray: bytes = b"", trailer: bytes = b"") -> bytes:
    """A PDF 1.4 with a classic xref table; ``stray`` is body text the table does not list."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    out += stray
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<</Size %d/Root 1 0 R%s>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, trailer, xref)
    return bytes(out)


def simple(catalog_extra: bytes = b"", page_extra: bytes = b"", more: list[bytes] = ()) -> bytes:
    """Catalog (1), pages (2), one page (3), then ``more`` as objects 4, 5…"""
    return assemble([catalog(catalog_extra), PAGES, PAGE % page_extra, *more])


def encode(data: bytes, filters: list[str]) -> bytes:
    """``data`` encoded so that decoding through ``filters`` (in order) gives it back."""
    for name in reversed(filters):
        if name == "FlateDecode":
            data = zlib.compress(data)
        elif name == "ASCIIHexDecode":
            data = binascii.hexlify(data).upper() + b">"
        elif name == "ASCII85Decode":
            import base64

            data = base64.a85encode(data) + b"~>"
        else:
            raise ValueError(name)
    return data


def packed(plain: list[bytes], packed_objects: list[bytes], filters=("FlateDecode",), pad: int = 0) -> bytes:
    """A PDF 1.5: ``plain`` are objects 1…n (1 the catalog), ``packed_objects`` n+1…m in one object
    stream (object m+1, its dictionary padded by ``pad`` bytes before ``stream``), listed in an
    xref stream (object m+2)."""
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    entries = {0: (0, 0, 65535)}
    for number, body in enumerate(plain, 1):
        entries[number] = (1, len(out), 0)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    first_packed = len(plain) + 1
    stm = first_packed + len(packed_objects)
    pairs, offset = [], 0
    for index, obj in enumerate(packed_objects):
        pairs.append(b"%d %d " % (first_packed + index, offset))
        offset += len(obj) + 1
        entries[first_packed + index] = (2, stm, index)
    header = b"".join(pairs)
    data = encode(header + b"".join(obj + b"\n" for obj in packed_objects), list(filters))
    names = b"[" + b" ".join(b"/" + f.encode() for f in filters) + b"]"
    padding = b"/Producer (" + b"x" * pad + b")" if pad else b""
    entries[stm] = (1, len(out), 0)
    out += (b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter %s%s/Length %d>>stream\n"
            % (stm, len(packed_objects), len(header), names, padding, len(data)) + data + b"\nendstream\nendobj\n")
    xref_num = stm + 1
    entries[xref_num] = (1, len(out), 0)
    rows = b"".join(bytes([kind]) + a.to_bytes(4, "big") + b.to_bytes(4, "big")
                    for kind, a, b in (entries[n] for n in range(xref_num + 1)))
    out += (b"%d 0 obj\n<</Type/XRef/Size %d/Root 1 0 R/W[1 4 4]/Length %d>>stream\n"
            % (xref_num, xref_num + 1, len(rows)) + rows + b"\nendstream\nendobj\n")
    out += b"startxref\n%d\n%%%%EOF\n" % entries[xref_num][1]
    return bytes(out)


def with_writer(build) -> bytes:
    """A PDF made by pypdf's writer: ``build(writer, page)`` adds what the case needs."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    build(writer, page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
