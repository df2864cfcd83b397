"""Vietnamese full-text search over published disclosures (Whoosh behind a small API)."""
