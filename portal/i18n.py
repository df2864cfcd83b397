"""Helpers for the second locale (English): see ``portal/translations/update.sh``.

- ``N_("…")`` marks a fixed Vietnamese label kept in a dict or constant (category names, role
  names, error-page titles…) for extraction without changing it: the value stays a plain ``str``
  (safe in JSON, the database, the search index and feeds). Babel extracts ``N_`` by default.
- ``translate(value)`` (the ``tr`` template filter) translates such a label when it is shown:
  ``{{ d.category_label|tr }}``. Text with no entry in the catalog (user text, names) comes back
  unchanged, and the result is a plain string, so Jinja still escapes it.
"""
from __future__ import annotations

from flask import has_request_context
from flask.globals import _cv_app
from flask_babel import LazyString
from jinja2 import pass_eval_context
from markupsafe import Markup

_TRANSLATIONS_KEY = "_portal_translations"


def N_(message: str) -> str:
    return message


def translations():
    """Flask-Babel's ``get_translations()``, looked up once per request (and again when the locale
    in effect changes, as under ``force_locale``): Flask-Babel's own lookup reads the request's
    context several times per call, and a page translates hundreds of strings."""
    from flask_babel import get_translations

    ctx = _cv_app.get(None)
    if ctx is None:
        return get_translations()
    kept_in = ctx.g.__dict__  # ``flask.g`` of this app context, without the proxy's lookups
    locale = getattr(kept_in.get("_flask_babel"), "babel_locale", None)
    kept = kept_in.get(_TRANSLATIONS_KEY)
    if kept is not None and locale is not None and kept[0] is locale:
        return kept[1]
    value = get_translations()
    kept_in[_TRANSLATIONS_KEY] = (getattr(kept_in.get("_flask_babel"), "babel_locale", None), value)
    return value


def gettext(string: str, **variables) -> str:
    """Same as ``flask_babel.gettext``, through :func:`translations`."""
    s = translations().ugettext(string)
    return s if not variables else s % variables


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """Same as ``flask_babel.ngettext``, through :func:`translations`."""
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


@pass_eval_context
def _template_gettext(eval_ctx, string: str, **variables) -> str:
    rv = translations().ugettext(string)
    if eval_ctx.autoescape:
        rv = Markup(rv)
    # Always a format string, as in Jinja's "newstyle" gettext (``%%`` becomes ``%``).
    return rv % variables if variables or "%" in rv else rv


@pass_eval_context
def _template_ngettext(eval_ctx, singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    rv = translations().ungettext(singular, plural, num)
    if eval_ctx.autoescape:
        rv = Markup(rv)
    return rv % variables


def install_jinja_callables(app) -> None:
    """Templates' ``_``/``gettext``/``ngettext``: what Flask-Babel installs (Jinja's i18n extension,
    "newstyle"), through :func:`translations`, and taking the evaluation context rather than the
    template context: Jinja gives a function that takes the template context a copy of every
    variable on each call inside a loop. Call after ``babel.init_app``."""
    env = app.jinja_env
    env.install_gettext_callables(
        gettext=lambda s: translations().ugettext(s),
        ngettext=lambda s, p, n: translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: translations().unpgettext(c, s, p, n),
    )
    env.globals.update(_=_template_gettext, gettext=_template_gettext, ngettext=_template_ngettext)


def gettext_vi(message: str, **variables) -> str:
    """``gettext`` when a page is being rendered (the visitor's language), else the Vietnamese text.

    For labels built in Python that end up both on pages and in Vietnamese staff emails: the
    message is extracted like any ``gettext`` call (``%(name)s`` placeholders)."""
    if has_request_context():
        return gettext(message, **variables)
    return message % variables if variables else message


def ngettext_vi(singular: str, plural: str, num: int, **variables) -> str:
    """``ngettext`` when a page is being rendered, else the Vietnamese text (one form: ``singular``);
    ``%(num)s`` is ``num``. Extracted with its plural (update.sh: ``-k ngettext_vi:1,2``)."""
    if has_request_context():
        return ngettext(singular, plural, num, **variables)
    return singular % {"num": num, **variables}


def _l(message: str, **variables) -> LazyString:
    """A lazily translated message (``%(name)s`` placeholders): ``gettext`` in the visitor's
    language when it is turned into text during a request, else the Vietnamese text (CLI, emails,
    background jobs). Used for :class:`portal.errors.DomainError` messages; extracted like
    ``lazy_gettext``."""
    return LazyString(gettext_vi, message, **variables)


def translate(value) -> str:
    if value is None:
        return ""
    text = str(value)
    if not text or not has_request_context():
        return text
    return gettext(text)


def wait_text(seconds: float) -> str:
    """How long until a rate limit lets the visitor in again, in words of the page's language:
    '30 giây', '42 phút', '1 giờ 5 phút' (rounded up)."""
    import math

    from flask_babel import ngettext

    seconds = max(1, math.ceil(seconds))
    if seconds < 60:
        return ngettext("%(num)d giây", "%(num)d giây", seconds)
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return ngettext("%(num)d phút", "%(num)d phút", minutes)
    hours, minutes = divmod(minutes, 60)
    text = ngettext("%(num)d giờ", "%(num)d giờ", hours)
    return f"{text} {ngettext('%(num)d phút', '%(num)d phút', minutes)}" if minutes else text
