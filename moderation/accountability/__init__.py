"""Public accountability: the petitions answered in public, the statistics page, the resident's
rating and dispute, and ``GET /api/v1/stats`` (``views``)."""
