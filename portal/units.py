"""The names of the ward's administrative units: what kind of grassroots unit the portal serves
(setting ``WARD_KIND``: phường, xã or đặc khu, the three kinds since the 2025 reorganisation) and what
its residential groups are called (setting ``GROUP_KIND``: tổ dân phố, khu phố, thôn, bản, ấp, buôn,
làng). Every page, mail, document and export names them through this module, never literally.

Messages carry placeholders filled from :func:`names`:

- ``%(ward_kind)s`` / ``%(Ward_kind)s``: phường / Phường (ward / Ward; xã → commune; đặc khu → special zone)
- ``%(ward_kinds)s``: the plural (Vietnamese: the same word; English: wards)
- ``%(group_kind)s`` / ``%(Group_kind)s``: tổ dân phố / Tổ dân phố (residential group; thôn → village…)
- ``%(group_kinds)s``: the plural
- ``%(group_head)s``: the group's head (Tổ trưởng tổ dân phố, Trưởng thôn…)

In Python: ``gettext("… %(ward_kind)s …", **names())`` or, for labels built at import time,
``_l("…", **LAZY)``; in templates ``_("…", **units)`` or ``{{ units.Group_kind }}``; fixed labels kept
in dicts (``N_("%(Group_kind)s")``) are filled by :func:`fill` (the ``tr`` filter does it)."""
from __future__ import annotations

import re

from flask import current_app, has_app_context, has_request_context
from flask_babel import LazyString

from portal.i18n import N_, translations

PLURAL = "số nhiều"  # msgctxt of the plural forms (English needs them, Vietnamese does not)

# kind → (name, plural); the plural msgid is the same word under the PLURAL context
WARD_KINDS = {
    "phuong": N_("phường"),
    "xa": N_("xã"),
    "dac_khu": N_("đặc khu"),
}
GROUP_KINDS = {
    "to_dan_pho": N_("tổ dân phố"),
    "khu_pho": N_("khu phố"),
    "thon": N_("thôn"),
    "ban": N_("bản"),
    "ap": N_("ấp"),
    "buon": N_("buôn"),
    "lang": N_("làng"),
}
GROUP_HEADS = {
    "to_dan_pho": N_("Tổ trưởng tổ dân phố"),
    "khu_pho": N_("Trưởng khu phố"),
    "thon": N_("Trưởng thôn"),
    "ban": N_("Trưởng bản"),
    "ap": N_("Trưởng ấp"),
    "buon": N_("Trưởng buôn"),
    "lang": N_("Trưởng làng"),
}
DEFAULT_WARD_KIND = "phuong"
DEFAULT_GROUP_KIND = "to_dan_pho"

# Spellings accepted in the environment besides the codes ("xã", "Thôn", "dac khu").
_FOLD = str.maketrans("àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ",
                      "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd")


def _code(value: str, choices: dict) -> str:
    code = value.strip().lower().translate(_FOLD).replace(" ", "_").replace("-", "_")
    if code not in choices:
        raise ValueError(value)  # an unknown kind: the default is used (portal.config._Env)
    return code


def parse_ward_kind(value: str) -> str:
    return _code(value, WARD_KINDS)


def parse_group_kind(value: str) -> str:
    return _code(value, GROUP_KINDS)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _kinds() -> tuple[str, str]:
    if not has_app_context():
        return DEFAULT_WARD_KIND, DEFAULT_GROUP_KIND
    cfg = current_app.config
    ward = cfg.get("WARD_KIND") or DEFAULT_WARD_KIND
    group = cfg.get("GROUP_KIND") or DEFAULT_GROUP_KIND
    return (ward if ward in WARD_KINDS else DEFAULT_WARD_KIND,
            group if group in GROUP_KINDS else DEFAULT_GROUP_KIND)


def names(vi: bool = False) -> dict[str, str]:
    """Every form of the two unit names, in the language of the page being rendered (Vietnamese
    outside a request, or with ``vi=True``: mails, DOCX, exports written in Vietnamese)."""
    ward_code, group_code = _kinds()
    ward, group, head = WARD_KINDS[ward_code], GROUP_KINDS[group_code], GROUP_HEADS[group_code]
    ward_pl, group_pl = ward, group
    if not vi and has_request_context():
        t = translations()
        ward, group, head = t.ugettext(ward), t.ugettext(group), t.ugettext(head)
        ward_pl, group_pl = t.upgettext(PLURAL, ward_pl), t.upgettext(PLURAL, group_pl)
    return {"ward_kind": ward, "Ward_kind": _capital(ward), "ward_kinds": ward_pl,
            "group_kind": group, "Group_kind": _capital(group), "group_kinds": group_pl,
            "group_head": head}


def _plural_msgids() -> list[str]:  # pragma: no cover - never called: marks the msgids for pybabel
    from flask_babel import pgettext

    return [pgettext("số nhiều", "phường"), pgettext("số nhiều", "xã"), pgettext("số nhiều", "đặc khu"),
            pgettext("số nhiều", "tổ dân phố"), pgettext("số nhiều", "khu phố"), pgettext("số nhiều", "thôn"),
            pgettext("số nhiều", "bản"), pgettext("số nhiều", "ấp"), pgettext("số nhiều", "buôn"),
            pgettext("số nhiều", "làng")]


def _name(key: str) -> str:
    return names()[key]


# Lazy forms for messages built at import time: _l("%(Group_kind)s (không bắt buộc)", **LAZY).
LAZY = {key: LazyString(_name, key) for key in
        ("ward_kind", "Ward_kind", "ward_kinds", "group_kind", "Group_kind", "group_kinds", "group_head")}

_PLACEHOLDER = re.compile(r"%\((" + "|".join(LAZY) + r")\)s")


def fill(text: str, vi: bool = False) -> str:
    """``text`` with the unit placeholders replaced (any other ``%`` left as it is): for fixed
    labels kept in dicts and translated when shown."""
    if "%(" not in text:
        return text
    values = names(vi)
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


class _Units:
    """The template global ``units``: ``{{ units.Group_kind }}``, ``_("…", **units)``, and
    ``units.vi`` (the Vietnamese forms, for mails)."""

    def keys(self):
        return LAZY.keys()

    def __getitem__(self, key: str) -> str:
        return names()[key]

    def __getattr__(self, key: str) -> str:
        try:
            return names()[key]
        except KeyError:
            raise AttributeError(key) from None

    @property
    def vi(self) -> dict[str, str]:
        return _ViNames()

    @property
    def en(self) -> dict[str, str]:
        """The English forms whatever the page's language (pages written in English only)."""
        from flask_babel import force_locale

        if not has_request_context():
            return names()
        with force_locale("en"):
            return names()


class _ViNames:
    def keys(self):
        return LAZY.keys()

    def __getitem__(self, key: str) -> str:
        return names(vi=True)[key]

    def __getattr__(self, key: str) -> str:
        try:
            return names(vi=True)[key]
        except KeyError:
            raise AttributeError(key) from None


UNITS = _Units()


def vi_text(text: str) -> str:
    """A Vietnamese-only message (a service's error, a CSV header, a DOCX line) with the unit
    placeholders filled in Vietnamese: ``vi_text("Vui lòng chọn %(group_kind)s.")``."""
    return fill(text, vi=True)


_KIND_PREFIX = re.compile(r"^(phường|xã|đặc khu|thị trấn)\s+", re.IGNORECASE)


def ward_place() -> str:
    """WARD_NAME without its kind ("Phường Hòa An" → "Hòa An"): the place in a document's date line."""
    name = current_app.config.get("WARD_NAME", "") if has_app_context() else ""
    return _KIND_PREFIX.sub("", name)


def ward_name_inline() -> str:
    """WARD_NAME as written mid-sentence ("Phường Hòa An" → "phường Hòa An", "Xã Tân Lập" → "xã Tân Lập")."""
    name = current_app.config.get("WARD_NAME", "") if has_app_context() else ""
    return _KIND_PREFIX.sub(lambda m: m.group(0).lower(), name)
