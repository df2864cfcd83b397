"""Blueprints of public_docs: public pages and feeds, the JSON API, the editor pages."""
