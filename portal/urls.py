"""Absolute links to the portal, built from the ``PUBLIC_URL`` setting and never from the request.

Mails, feeds, generated documents and API answers carry absolute links. Taking their host from the
request (``url_for(..., _external=True)``) lets anyone who sends a forged ``Host`` header have the
portal mail residents links to another site, and gives a command run from cron no host at all.
:func:`public_url_for` builds the same URL ``url_for`` would, rooted at ``PUBLIC_URL``
(scheme, host, port and an optional path prefix), in a request or outside one.
"""
from __future__ import annotations

from urllib.parse import quote, urlsplit

from flask import current_app


def public_url() -> str:
    """The portal's public base URL (``PUBLIC_URL``), without a trailing slash."""
    return current_app.config["PUBLIC_URL"]


def public_url_for(endpoint: str, **values) -> str:
    """``url_for(endpoint, **values)`` as an absolute URL under ``PUBLIC_URL``.

    ``endpoint`` is a full endpoint name (``"intake.track_code"``); ``_anchor`` is kept,
    ``_external`` ignored. Raises werkzeug's ``BuildError`` for an unknown endpoint."""
    app = current_app
    anchor = values.pop("_anchor", None)
    values.pop("_external", None)
    values.pop("_scheme", None)
    app.inject_url_defaults(endpoint, values)
    base = urlsplit(public_url())
    adapter = app.url_map.bind(base.netloc, script_name=base.path or "/", url_scheme=base.scheme)
    url = adapter.build(endpoint, values, force_external=True)
    if anchor is not None:
        url += "#" + quote(str(anchor), safe="%!#$&'()*+,/:;=?@")
    return url


def init_app(app) -> None:
    app.add_template_global(public_url_for, "public_url_for")
