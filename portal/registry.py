"""How a feature plugs into the shell: registries its ``register(app)`` fills.

``portal`` knows no feature by name. A feature package (``public_docs``, ``moderation``, a new one)
has a ``register(app)``, called by ``create_app``, that registers its blueprints and then tells the
shell what it adds:

- **navigation**: ``add_nav_entry(app, "main", "disclosures.home", _l("Trang chủ"), order=10)``;
  menus are ``"main"`` (the header of every page) and ``"staff"`` (the staff dashboard). Templates
  loop over ``nav_entries("main")``: entries sorted by ``order``, without those whose endpoint does
  not exist or whose ``roles`` the current user lacks (see :func:`portal.permissions.has_role`).
- **cacheable pages**: ``@cacheable`` on a view, under its route decorator, lets
  :mod:`portal.pagecache` keep its answers for visitors without a cookie.
- **template hooks**: ``add_template_hook(app, "disclosure-panels", render_panels)``; a template of
  another package writes ``{{ template_hook("disclosure-panels", disclosure=d) }}`` and gets what
  each registered function returns (HTML), in registration order; ``has_template_hook(name)``.
- **template globals and filters**: Flask's ``app.add_template_global(obj, name)`` and
  ``app.add_template_filter(func, name)``, called from ``register(app)``: the one style.
- **public content**: ``portal.signals.add_public_content(app, *models)`` and the
  ``public_content_changed`` signal (see :mod:`portal.signals`).
- **working days**: ``set_working_days(app, func)``: ``func(start, end)`` counts the working days
  after ``start`` up to ``end`` on the ward's holiday calendar (``moderation`` registers its own);
  :func:`working_days_between` asks it, or counts Monday to Friday when nothing is registered.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Flask, current_app
from markupsafe import Markup

_KEY = "portal.registry"
CACHEABLE_ATTR = "page_cacheable"


@dataclass(frozen=True)
class NavEntry:
    menu: str
    endpoint: str
    label: Any  # a lazy string (portal.i18n._l): translated when shown
    order: int = 100
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class NavLink:
    """A navigation entry the current visitor sees, with its URL."""
    entry: NavEntry
    url: str

    @property
    def endpoint(self) -> str:
        return self.entry.endpoint

    @property
    def label(self) -> str:
        return str(self.entry.label)


def _registry(app: Flask) -> dict:
    return app.extensions.setdefault(_KEY, {"nav": {}, "hooks": {}, "sorted": {}, "urls": {}})


# --- navigation -----------------------------------------------------------------------------------

def add_nav_entry(app: Flask, menu: str, endpoint: str, label, order: int = 100,
                  roles: tuple[str, ...] | list[str] = ()) -> NavEntry:
    """Add a link to ``menu``; shown to users with one of ``roles`` (everyone when empty)."""
    entry = NavEntry(menu, endpoint, label, order, tuple(roles))
    _registry(app)["nav"].setdefault(menu, []).append(entry)
    return entry


def registered_nav(app: Flask, menu: str) -> list[NavEntry]:
    """Every entry of ``menu`` in display order (by ``order``, then registration)."""
    return sorted(_registry(app)["nav"].get(menu, ()), key=lambda e: e.order)


def nav_entries(menu: str) -> list[NavLink]:
    """The entries of ``menu`` the current user may see and whose endpoint exists (a template global)."""
    from flask import has_request_context, request
    from flask_login import current_user

    from portal.templating import nav_url

    registry = _registry(current_app)
    entries = registry["sorted"].get(menu)
    if entries is None or len(entries) != len(registry["nav"].get(menu, ())):
        entries = registry["sorted"][menu] = registered_nav(current_app, menu)
    # An entry's URL has no arguments: a path built once per application root (SCRIPT_NAME, set by
    # the server, not the client: the dict stays small).
    urls = registry["urls"] if has_request_context() else {}
    root = request.script_root if has_request_context() else None
    links = []
    for entry in entries:
        if entry.roles and not (current_user.is_authenticated and current_user.has_role(*entry.roles)):
            continue
        key = (entry.endpoint, root)
        url = urls.get(key, False)
        if url is False:
            url = urls[key] = nav_url(entry.endpoint)
        if url:
            links.append(NavLink(entry, url))
    return links


# --- cacheable pages ------------------------------------------------------------------------------

def cacheable(view: Callable) -> Callable:
    """Mark a public view whose answer to a visitor without a cookie may be kept by the page cache
    (:mod:`portal.pagecache`). Put it under the route decorator::

        @bp.get("/cong-khai")
        @cacheable
        def disclosure_list(): ...
    """
    setattr(view, CACHEABLE_ATTR, True)
    return view


def cacheable_endpoints(app: Flask) -> frozenset[str]:
    """The endpoints whose view is marked :func:`cacheable`."""
    return frozenset(endpoint for endpoint, view in app.view_functions.items()
                     if getattr(view, CACHEABLE_ATTR, False))


# --- template hooks -------------------------------------------------------------------------------

def add_template_hook(app: Flask, name: str, func: Callable[..., str]) -> None:
    """``func(**context)`` returns HTML for the hook ``name`` (e.g. ``render_template(...)``)."""
    _registry(app)["hooks"].setdefault(name, []).append(func)


def has_template_hook(name: str) -> bool:
    return bool(_registry(current_app)["hooks"].get(name))


def template_hook(name: str, **context) -> Markup:
    """What the functions registered for ``name`` render, joined (a template global)."""
    parts = [func(**context) for func in _registry(current_app)["hooks"].get(name, ())]
    return Markup("").join(Markup(part) for part in parts if part)


# --- working days ---------------------------------------------------------------------------------

def set_working_days(app: Flask, func: Callable[[dt.date, dt.date], int]) -> None:
    """``func(start, end)``: the working days after ``start`` up to and including ``end``."""
    _registry(app)["working_days"] = func


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when ``end`` is earlier),
    on the registered calendar; without one, Monday to Friday."""
    func = _registry(current_app).get("working_days")
    if func is not None:
        return func(start, end)
    if end < start:
        return -working_days_between(end, start)
    weeks, rest = divmod((end - start).days, 7)
    return weeks * 5 + sum((start + dt.timedelta(days=i)).weekday() < 5 for i in range(1, rest + 1))


def init_app(app: Flask) -> None:
    _registry(app)
    app.add_template_global(nav_entries, "nav_entries")
    app.add_template_global(template_hook, "template_hook")
    app.add_template_global(has_template_hook, "has_template_hook")
