"""Dân biết: what the ward discloses, its attachments and the search index.

- ``disclosures``: the Disclosure models, the services that change them, the public pages,
  the editor, the Atom feeds, the JSON API, ``flask disclosures import`` and the demo data
- ``search``: the Vietnamese search index, its change log wiring and ``/tim-kiem``
"""
from __future__ import annotations


def register(app) -> None:
    """Register the public_docs blueprints, CLI commands and hooks on ``app``."""
    from public_docs.disclosures import models  # noqa: F401  (tables known to the metadata)

    # --- disclosures: public pages, feeds, JSON API ---
    from portal.api import add_openapi
    from portal.extensions import csrf
    from public_docs.disclosures import api as disclosures_api
    from public_docs.disclosures import cli as disclosures_cli
    from public_docs.disclosures import editor as disclosures_editor
    from public_docs.disclosures import feeds as disclosures_feeds
    from public_docs.disclosures import views as disclosures_public

    app.register_blueprint(disclosures_public.bp)
    app.register_blueprint(disclosures_editor.bp)
    app.register_blueprint(disclosures_feeds.bp)
    app.register_blueprint(disclosures_api.bp)
    csrf.exempt(disclosures_api.bp)
    add_openapi(app, disclosures_api.PATHS, disclosures_api.SCHEMAS)
    disclosures_cli.init_app(app)

    def _load_demo_disclosures():
        from public_docs.disclosures.demo import load_demo_disclosures

        load_demo_disclosures()

    app.extensions.setdefault("demo_loaders", []).append(_load_demo_disclosures)
    # --- end disclosures ---

    # --- search: /tim-kiem, `flask search sync|reindex`, index changes applied after the response ---
    from public_docs.search import hooks as search_hooks

    search_hooks.init_app(app)
    # --- end search ---
