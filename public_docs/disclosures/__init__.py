"""Disclosures (công khai thông tin): the models (``models``), the services that change them
(``services``: callers import ``public_docs.disclosures.services``), the public pages
(``views``), the editor (``editor``), the Atom feeds (``feeds``), the JSON API (``api``),
``flask disclosures import`` (``cli``), text extraction of attachments (``extract``) and the
demo data (``demo``, ``demo_data/``). Templates: ``templates/public_docs/``."""
