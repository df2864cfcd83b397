"""Dân biết: what the ward discloses, its attachments and the search index.

- ``disclosures``: the Disclosure models, the services that change them, the public pages,
  the editor, the Atom feeds, the JSON API, ``flask disclosures import`` and the demo data
- ``search``: the Vietnamese search index, its change log wiring and ``/tim-kiem``
"""
from __future__ import annotations


def register(app) -> None:
    """Register the public_docs blueprints, CLI commands and hooks on ``app``."""
    import public_docs
    from portal.i18n import _l
    from portal.registry import add_nav_entry
    from portal.signals import add_public_content, models_of
    from public_docs.disclosures import models  # noqa: F401  (tables known to the metadata)
    from public_docs.search import models as _search_models  # noqa: F401  (the thesaurus)

    # Every disclosure row is public content, new ones too (an IndexChange row wakes the search index).
    add_public_content(app, *models_of(public_docs), new_rows=True)
    from portal.auditlabels import add_audit_labels
    from public_docs import audit_labels

    add_audit_labels(app, audit_labels.ACTIONS, audit_labels.SUBJECTS, audit_labels.FIELDS)
    add_nav_entry(app, "main", "disclosures.home", _l("Trang chủ"), order=10)
    add_nav_entry(app, "main", "disclosures.disclosure_list", _l("Công khai thông tin"), order=20)
    add_nav_entry(app, "staff", "disclosures_editor.disclosures", _l("Quản lý công khai thông tin"), order=10,
                  roles=("editor",))

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
    for name, value in {**disclosures_public.template_globals(), **disclosures_editor.template_globals()}.items():
        app.add_template_global(value, name)
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
    from public_docs.search import suggest as search_suggest
    from public_docs.search import thesaurus_views
    from public_docs.search.thesaurus import seed_thesaurus

    app.register_blueprint(thesaurus_views.bp)
    app.register_blueprint(search_suggest.bp)
    csrf.exempt(search_suggest.bp)
    add_openapi(app, search_suggest.PATHS, {})
    add_nav_entry(app, "staff", "thesaurus.entries", _l("Từ điển tìm kiếm"), order=15, roles=("editor",))
    app.extensions.setdefault("seed_reference_data", []).append(seed_thesaurus)
    # --- end search ---
