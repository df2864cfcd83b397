"""What a request carries, made safe at the door, for every route at once.

* Text: in every value of the query string and of a posted form (and in field names) the
  characters of :data:`portal.sanitize.UNSAFE` (NUL and the other C0 controls except tab, newline
  and carriage return; lone surrogates) become U+FFFD as Werkzeug parses it, as bytes that are not
  UTF-8 already do. A NUL byte in a receipt code or a login email reached PostgreSQL, which refuses
  it in text (a 500); now the code is not found and the email is not valid.
* JSON: a body nested deeper than :data:`MAX_JSON_DEPTH` (``[`` × 100,000 raised RecursionError, a
  500) or not valid JSON is refused with a 400 in Vietnamese; its strings get the same treatment
  (``"\\ud800"`` decodes to a lone surrogate that no UTF-8 encoder, driver or log accepts).
* Path segments (``<code>``) with control characters, and ``<int:...>`` values that are not ASCII
  digits or beyond a database id (``/kien-nghi/١`` opened petition 1), match no route: a 404.
* :func:`safe_redirect_target`: a ``next`` that stays on this site and carries no control
  character (``/%0d%0aSet-Cookie:...`` raised in Werkzeug's header check, a 500).
"""
from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from flask import Flask, Request
from flask.json.provider import DefaultJSONProvider
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.routing import IntegerConverter, UnicodeConverter

from portal.sanitize import REPLACEMENT, UNSAFE, replace_unsafe

MAX_JSON_DEPTH = 32  # a petition is one flat object; no client needs more


class CleanMultiDict(ImmutableMultiDict):
    """Werkzeug's query-string and form storage, with :func:`replace_unsafe` on every text value
    and key (uploaded files, in ``request.files``, pass through untouched)."""

    def __init__(self, mapping=None):
        if mapping is None:
            super().__init__()
            return
        if isinstance(mapping, MultiDict):
            pairs = mapping.items(multi=True)
        elif isinstance(mapping, Mapping):
            pairs = ((k, v) for k, values in mapping.items()
                     for v in (values if isinstance(values, (list, tuple)) else [values]))
        else:
            pairs = mapping
        super().__init__([(_clean(k), _clean(v)) for k, v in pairs])


def _clean(value):
    return replace_unsafe(value) if isinstance(value, str) else value


class JSONTooDeep(ValueError):
    pass


def _checked(value):
    """``value`` (parsed JSON) with :func:`replace_unsafe` on its strings and keys; ValueError when
    nested too deep. Iterative: a deep document must not exhaust the stack here either."""
    root = [value]
    stack = [(root, 0, 0)]
    while stack:
        container, key, depth = stack.pop()
        item = container[key]
        if isinstance(item, str):
            container[key] = replace_unsafe(item)
        elif isinstance(item, (list, dict)):
            if depth >= MAX_JSON_DEPTH:
                raise JSONTooDeep(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
            if isinstance(item, dict) and any(isinstance(k, str) and replace_unsafe(k) != k for k in item):
                item = container[key] = {replace_unsafe(k): v for k, v in item.items()}
            keys = item.keys() if isinstance(item, dict) else range(len(item))
            stack.extend((item, k, depth + 1) for k in keys)
    return root[0]


class PortalJSONProvider(DefaultJSONProvider):
    """The app's JSON: Flask hands it to every request (``request.json_module``). Parsing is the
    standard parser, then :func:`_checked`; every failure is a ValueError, which Werkzeug turns into
    ``None`` (``get_json(silent=True)``) or Flask's 400 (``request.json``)."""

    def loads(self, s, **kwargs):
        try:
            value = super().loads(s, **kwargs)
        except RecursionError as exc:  # the C scanner's own depth guard, before ours can look
            raise JSONTooDeep("JSON nested too deeply") from exc
        return _checked(value)


class PortalRequest(Request):
    """Flask's request with :class:`CleanMultiDict` for the query string and forms. Invalid or too
    deep JSON (a ValueError from :class:`PortalJSONProvider`) is Flask's 400, shown by the app's
    error handler in Vietnamese."""

    parameter_storage_class = CleanMultiDict


class BoundedIntegerConverter(IntegerConverter):
    """``<int:...>``: ASCII digits only (Werkzeug's ``\\d+`` matches every script's digits) and at
    most the database's largest integer: anything else answers 404, not an overflow."""

    regex = r"[0-9]+"

    def __init__(self, map, fixed_digits=0, min=None, max=2**31 - 1, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=False)


class TextConverter(UnicodeConverter):
    """The default ``<name>`` converter, refusing control characters and lone surrogates."""

    def __init__(self, map, minlength=1, maxlength=None, length=None):
        super().__init__(map, minlength=minlength, maxlength=maxlength, length=length)
        self.regex = self.regex.replace("[^/]", f"[^/{UNSAFE}\\x7f]", 1)


def safe_redirect_target(target: str | None, default: str = "/") -> str:
    """``target`` when it is a path on this site, else ``default``. No scheme or host, no ``//``
    or backslash (browsers read ``/\\evil.example`` as ``//evil.example``), no control character
    (browsers drop tabs and newlines from URLs; Werkzeug refuses them in a header)."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if "\\" in target or any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in target):
        return default
    if REPLACEMENT in target or replace_unsafe(target) != target:  # what the door replaced, or a surrogate
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def init_app(app: Flask) -> None:
    """Before any blueprint registers: rules compile their converters when they are added."""
    app.request_class = PortalRequest
    app.json = PortalJSONProvider(app)
    app.url_map.converters["int"] = BoundedIntegerConverter
    app.url_map.converters["default"] = TextConverter
    app.url_map.converters["string"] = TextConverter
