"""Shared blocks of the public pages, for visitors the page cache does not answer.

Why: the page cache (:mod:`portal.pagecache`) answers only requests without a cookie. Anyone with
one (a resident who chose English or sent a petition, a signed-in staff member) had the home, list,
detail and search pages rendered afresh: 5-13 ms of queries and Jinja each, 2-11 % of what a bare
Flask route manages (``bench/pages.py``). Most of that is the page's own blocks, which are the same
for every visitor.

What is kept: for a view that renders through :func:`render_page`, the page template's blocks
``title``, ``head`` and ``content`` (the view's queries included: a hit runs none) as HTML, keyed
by the template, host, path, query string, locale and the ward's date. The layout around them
(``base.html``: flashes, and its header and footer, see :func:`layout_part`) is rendered for every
request, for that visitor, from ``portal/templates/_page_blocks.html``.

What is never kept: blocks rendered for a signed-in user, blocks that read or wrote the session
while they rendered (a CSRF token, a flashed message, a login), an answer other than a full render
(an abort, an error), or what the view marked with :func:`no_store` (search results while the
index is rebuilt). So nothing personal is ever shared: blocks are only stored from renders any
cookie-less visitor would have received, and a signed-in user gets the same blocks a visitor gets
(the pages that use this show nothing per user in their blocks; ``tests/portal/test_fragments.py``
checks their templates).

When it is dropped: exactly when the page cache's entries are: the same version (the
``page-cache.version`` file that ``public_content_changed`` bumps, and the search index's time,
read before the view runs), the same TTL (``PAGE_CACHE_SECONDS``) and LRU size
(``PAGE_CACHE_ENTRIES``). It is on whenever the page cache is (off under ``TESTING`` unless set).
Answers built from kept blocks carry ``X-Page-Blocks: hit``, those that stored them ``miss``.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import after_this_request, current_app, g, has_request_context, render_template, request
from flask.globals import request_ctx
from flask.signals import before_render_template, template_rendered
from jinja2 import pass_context
from markupsafe import Markup

BLOCKS = ("title", "head", "content")
SHELL = "_page_blocks.html"
_NO_STORE = "_page_blocks_no_store"
_VERSION = "_page_blocks_version"


def no_store() -> None:
    """Do not keep this request's blocks (they show a passing state, e.g. a search index being
    rebuilt)."""
    g._page_blocks_no_store = True


def render_page(template_name: str, build: Callable[[], dict]) -> str:
    """``render_template(template_name, **build())``, with the template's blocks taken from the
    store when they are there (``build`` is then not called)."""
    store = current_app.extensions.get("page_fragments")
    if store is None:
        return render_template(template_name, **build())
    key = _key(template_name)
    version = g.get(_VERSION) or store.version()  # before any query: a change meanwhile wins
    entry = store.get(key, version)
    if entry is not None:
        layout, blocks = entry
        _mark("hit")
        return render_template(SHELL, page_layout=layout, page_blocks=blocks)
    html, layout, blocks, shared = _render_capturing(template_name, build())
    from flask_login import current_user

    if shared and layout and not current_user.is_authenticated and not g.get(_NO_STORE):
        store.put(key, version, layout, blocks)
        _mark("miss")
    return html


def _key(template_name: str) -> tuple:
    from flask_babel import get_locale

    from portal.ward import today

    env = request.environ
    return (template_name, env.get("HTTP_HOST", ""), env.get("SCRIPT_NAME", ""), env.get("PATH_INFO", ""),
            env.get("QUERY_STRING", ""), str(get_locale()), today())


def _mark(state: str) -> None:
    @after_this_request
    def header(response):
        if response.status_code == 200:
            response.headers["X-Page-Blocks"] = state
        return response


def _render_capturing(template_name: str, context: dict) -> tuple[str, str | None, dict, bool]:
    """Render the page as ``render_template`` does, keeping what each of its ``BLOCKS`` rendered.
    Returns (page, layout template name, blocks, shared), ``shared`` False when a block touched
    the session."""
    app = current_app._get_current_object()
    env = app.jinja_env
    template = env.get_or_select_template(template_name)
    app.update_template_context(context)
    before_render_template.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    ctx = template.new_context(context)
    blocks: dict[str, Markup] = {}
    state = {"shared": True}

    def capturing(name: str, func):
        def block(block_ctx):
            out, shared = _watching_session(lambda: env.concat(func(block_ctx)))
            state["shared"] = state["shared"] and shared
            blocks[name] = Markup(out)
            yield out
        return block

    for name in BLOCKS:
        chain = ctx.blocks.get(name)
        if chain:
            chain[0] = capturing(name, chain[0])
    try:
        html = env.concat(template.root_render_func(ctx))
    except Exception:
        env.handle_exception()
    template_rendered.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    return html, _layout(env, ctx), blocks, state["shared"]


def _watching_session(render: Callable[[], str]) -> tuple[str, bool]:
    """``render()``, and whether it left the session alone (no CSRF token, flashed message or
    login read or written): only then may its output be shared."""
    # The session object itself: Flask's ``session`` proxy marks it accessed when it is looked up.
    raw = getattr(request_ctx, "_session", None)
    if raw is None or not hasattr(raw, "accessed"):
        return render(), False
    accessed, raw.accessed = raw.accessed, False
    try:
        out = render()
    finally:
        shared = not raw.accessed
        raw.accessed = raw.accessed or accessed
    return out, shared


@pass_context
def layout_part(context, name: str, per_page: bool = False) -> Markup:
    """The template ``name`` rendered with the layout's context, kept like the blocks (a template
    global): a part of the layout that depends only on the locale, the application root and
    whether the visitor is signed in (the footer); with ``per_page`` also on the page's address and
    endpoint and the signed-in user's roles (the header: language links, navigation, staff link).
    Never anything of one person: no name, no session, no CSRF token."""
    from flask_babel import get_locale
    from flask_login import current_user

    template = current_app.jinja_env.get_template(name)
    store = current_app.extensions.get("page_fragments")
    if store is None or not has_request_context():
        return Markup(template.render(context.get_all()))
    signed_in = current_user.is_authenticated
    key = ("part", name, request.script_root, request.host, str(get_locale()), signed_in)
    if per_page:
        key += (request.full_path, request.endpoint, tuple(sorted(current_user.roles)) if signed_in else ())
    version = g.get(_VERSION) or store.version()
    entry = store.get(key, version)
    if entry is not None:
        return entry[0]
    html, shared = _watching_session(lambda: template.render(context.get_all()))
    if shared:
        store.put(key, version, Markup(html))
    return Markup(html)


def _layout(env, ctx) -> str | None:
    """The template the page extends, or None when the kept blocks cannot rebuild the page: the
    page extends nothing or a template that itself extends another, or overrides a block that is
    not kept."""
    for name, chain in ctx.blocks.items():
        if len(chain) > 2 or (len(chain) == 2 and name not in BLOCKS):
            return None
    chain = ctx.blocks.get("content") or ()
    if len(chain) != 2:
        return None
    top = chain[-1]
    name = getattr(top, "__globals__", {}).get("name")
    try:
        same = name is not None and env.get_template(name).blocks.get("content") is top
    except Exception:  # noqa: BLE001 - unknown: just do not keep the blocks
        return None
    return name if same else None


def _note_version() -> None:
    """The version as the request starts, before any query of it (a few ``stat`` calls): blocks
    rendered from a database snapshot older than a change are kept under the version before that
    change, never after."""
    store = current_app.extensions.get("page_fragments")
    if store is not None and request.method in ("GET", "HEAD"):
        g._page_blocks_version = store.version()


def register(app) -> None:
    """The template global ``layout_part`` (always there: without a store it just renders)."""
    app.add_template_global(layout_part, "layout_part")


def init_app(app, store) -> None:
    """Called by :func:`portal.pagecache.init_app` with a store sharing the page cache's version."""
    app.extensions["page_fragments"] = store
    app.before_request_funcs.setdefault(None, []).insert(0, _note_version)  # before any other hook
