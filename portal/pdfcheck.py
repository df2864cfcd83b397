"""Active content in a PDF, decided on pypdf's parsed objects (never on byte patterns).

``pdf_problem(data)`` returns a Vietnamese message when the PDF must be refused, else None.
Every object of the file is parsed by pypdf and looked at: the objects the cross-reference
tables list, every ``N G obj`` found in the body (older revisions, duplicates and objects the
tables leave out: a viewer repairing a broken file may pick those), and every member of every
object stream, decoded through whatever filter chain it declares (pypdf decodes them all).

Refused anywhere in the file:
- scripts: keys /JS, /JavaScript (document-level scripts, script actions), /XFA (XML forms,
  which carry scripts), /AA (additional actions: run on page open, field focus, mouse-over…);
- actions that reach outside the document or run something: /Launch, /GoToR, /GoToE,
  /SubmitForm, /ImportData, /RichMediaExecute, /Rendition, /Movie, /Sound;
- embedded files and rich media: /EmbeddedFiles, /EF, /Type /EmbeddedFile, annotations
  /FileAttachment, /RichMedia, /3D, /Screen, /Movie, /Sound;
- an /OpenAction other than a destination or a plain /GoTo (so no /URI on opening);
- a /URI action whose address is not http(s), mailto or tel (javascript:, file:, a UNC path…).
A /URI link the reader clicks (the viewer asks first) is allowed: council documents cite laws
and web pages. Names are compared without case, after pypdf decoded their #xx escapes.
"""
from __future__ import annotations

import io
import re
import time

MAX_OBJECTS = 100_000  # top-level objects plus object-stream members
MAX_NODES = 5_000_000  # dictionary entries and array items visited
MAX_SECONDS = 15.0
MAX_INFLATED = 128 * 1024 * 1024  # decoded object-stream bytes

_KEYS = {"/js", "/javascript", "/xfa", "/aa", "/embeddedfiles", "/ef", "/richmediacontent", "/richmediasettings"}
_ACTIONS = {"/javascript", "/launch", "/gotor", "/gotoe", "/submitform", "/importdata", "/richmediaexecute",
            "/rendition", "/movie", "/sound"}
_TYPES = {"/embeddedfile", "/fileattachment", "/richmedia", "/3d", "/screen", "/movie", "/sound"}
_URI_SCHEMES = {"http", "https", "mailto", "tel"}
_URI_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_OBJ_HEADER = re.compile(rb"(?<![0-9])([0-9]{1,10})[\x00\t\n\f\r ]+([0-9]{1,5})[\x00\t\n\f\r ]+obj(?![A-Za-z0-9])")

ACTIVE = "Tệp PDF chứa mã lệnh, hành động tự động hoặc tệp nhúng nên không được nhận."
UNREADABLE = ("Tệp PDF bị hỏng hoặc có cấu trúc không đọc được nên không kiểm tra được; "
              "vui lòng lưu lại thành PDF thường.")
PASSWORD = ("Tệp PDF được đặt mật khẩu hoặc mã hóa nên không kiểm tra được nội dung; "
            "vui lòng gửi bản không đặt mật khẩu, không mã hóa.")
TOO_COMPLEX = "Tệp PDF có cấu trúc quá phức tạp (quá nhiều đối tượng hoặc nội dung nén bất thường) nên không được nhận."


class _Refuse(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _Walker:
    def __init__(self, reader):
        self.reader = reader
        self.objects = 0
        self.nodes = 0
        self.inflated = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def _tick(self, objects: int = 0, nodes: int = 0) -> None:
        self.objects += objects
        self.nodes += nodes
        if self.objects > MAX_OBJECTS or self.nodes > MAX_NODES or time.monotonic() > self.deadline:
            raise _Refuse(TOO_COMPLEX)

    def _resolve(self, value):
        from pypdf.generic import IndirectObject

        if isinstance(value, IndirectObject):
            try:
                return self.reader.get_object(value)
            except Exception:  # noqa: BLE001 - a dangling reference is no action
                return None
        return value

    def _name(self, value) -> str:
        value = self._resolve(value)
        return value.lower() if isinstance(value, str) else ""

    # --- one object (its direct children included; indirect ones are walked on their own) ------
    def check(self, obj) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject

        self._tick(objects=1)
        stack = [obj]
        while stack:
            node = stack.pop()
            if isinstance(node, DictionaryObject):
                items = list(dict.items(node))
                self._tick(nodes=len(items) + 1)
                self._check_dict(node, items)
                stack.extend(value for _key, value in items)
            elif isinstance(node, ArrayObject):
                self._tick(nodes=len(node) + 1)
                stack.extend(list.__iter__(node))

    def _check_dict(self, node, items) -> None:
        from pypdf.generic import ArrayObject, DictionaryObject

        keys = {str(key).lower(): value for key, value in items}
        if _KEYS & keys.keys():
            raise _Refuse(ACTIVE)
        action = self._name(keys["/s"]) if "/s" in keys else ""
        if action in _ACTIONS:
            raise _Refuse(ACTIVE)
        if self._name(keys.get("/type")) in _TYPES or self._name(keys.get("/subtype")) in _TYPES:
            raise _Refuse(ACTIVE)
        if action == "/uri" and not _safe_uri(self._resolve(keys.get("/uri"))):
            raise _Refuse(ACTIVE)
        if "/openaction" in keys:
            target = self._resolve(keys["/openaction"])
            fields = {str(k).lower(): v for k, v in dict.items(target)} if isinstance(target, DictionaryObject) else {}
            plain_goto = self._name(fields.get("/s")) == "/goto" and "/next" not in fields
            if not (target is None or isinstance(target, (ArrayObject, str, bytes)) or plain_goto):
                raise _Refuse(ACTIVE)

    # --- object streams ---------------------------------------------------------------------------
    def object_stream_members(self, stream) -> list:
        """The objects packed in an /ObjStm stream, decoded by pypdf (every filter it declares)."""
        from pypdf.generic import NumberObject, read_object

        data = stream.get_data()
        self.inflated += len(data)
        if self.inflated > MAX_INFLATED:
            raise _Refuse(TOO_COMPLEX)
        first = stream.get("/First")
        count = stream.get("/N")
        if not isinstance(first, NumberObject) or not isinstance(count, NumberObject):
            raise _Refuse(UNREADABLE)
        if self.objects + max(int(count), 0) > MAX_OBJECTS:
            raise _Refuse(TOO_COMPLEX)
        numbers = [int(n) for n in re.findall(rb"[0-9]+", data[: int(first)])]
        members = []
        for offset in numbers[1::2]:  # every pair of the header, whatever /N claims
            self._tick()
            buf = io.BytesIO(data)
            buf.seek(int(first) + offset)
            members.append(read_object(buf, self.reader))
        return members


def _safe_uri(value) -> bool:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    if not isinstance(value, str):
        return value is None
    uri = "".join(ch for ch in value if ch > " " and ch != "\x7f")
    scheme = _URI_SCHEME.match(uri)
    if scheme:
        return scheme.group(1).lower() in _URI_SCHEMES
    return not uri.startswith(("/", "\\")) and "\\" not in uri  # a relative address, not a path or a UNC share


def _is_object_stream(obj) -> bool:
    from pypdf.generic import StreamObject

    return isinstance(obj, StreamObject) and str(obj.get("/Type", "")).lower() == "/objstm"


def _top_level_objects(reader, data: bytes, walker: _Walker):
    """Every uncompressed object: the ones the xref tables list, then any other ``N G obj`` in the
    body. A dictionary or array pypdf reads only leniently refuses the file; a match that is no
    object at all (text inside a stream) is skipped."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, read_object

    if sum(map(len, reader.xref.values())) + len(reader.xref_objStm) > MAX_OBJECTS:
        raise _Refuse(TOO_COMPLEX)
    listed = set()
    for generation, table in list(reader.xref.items()):
        free = reader.xref_free_entry.get(generation, {})
        for idnum, offset in list(table.items()):
            if free.get(idnum):
                continue
            listed.add(offset)
            walker._tick()
            yield reader.get_object(IndirectObject(idnum, generation, reader))
    encryption = getattr(reader, "_encryption", None)

    def read_at(match):
        reader.stream.seek(match.start())
        reader.read_object_header(reader.stream)
        obj = read_object(reader.stream, reader)
        if encryption is not None:
            obj = encryption.decrypt_object(obj, int(match.group(1)), int(match.group(2)))
        return obj

    for match in _OBJ_HEADER.finditer(data):
        if match.start() in listed:
            continue
        walker._tick()
        try:
            obj = read_at(match)
        except Exception:  # noqa: BLE001 - not an object after all, or one pypdf can only guess at
            reader.strict = False
            try:
                guess = read_at(match)
            except Exception:  # noqa: BLE001 - text that merely looks like an object header
                guess = None
            finally:
                reader.strict = True
            if isinstance(guess, (DictionaryObject, ArrayObject)):
                raise _Refuse(UNREADABLE) from None
            continue
        yield obj


def pdf_problem(data: bytes) -> str | None:
    """A Vietnamese reason to refuse the PDF ``data``, or None when it carries no active content."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    return PASSWORD
            except Exception:  # noqa: BLE001 - an unknown or broken encryption
                return PASSWORD
        # The cross-reference tables were read leniently (benign files often have them a little off);
        # objects are parsed strictly: a dictionary pypdf would read only in part, or with a key
        # given twice (a viewer may take the other value), is not vouched for.
        reader.strict = True
        walker = _Walker(reader)
        walker.check(reader.trailer)
        for obj in _top_level_objects(reader, data, walker):
            walker.check(obj)
            if _is_object_stream(obj):
                for member in walker.object_stream_members(obj):
                    walker.check(member)
    except _Refuse as refusal:
        return refusal.message
    except RecursionError:
        return TOO_COMPLEX
    except Exception:  # noqa: BLE001 - pypdf cannot parse it: neither can we vouch for it
        return UNREADABLE
    return None
