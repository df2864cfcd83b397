"""Suggestions as you type: GET /api/v1/search/suggest?q=… (JSON, rate-limited).

The search box offers them through a ``<datalist>`` filled by ``search/suggest.js`` (a progressive
enhancement: without JavaScript the form simply submits). Suggestions are the query with its last
word completed from the index vocabulary, then the titles of the best matching documents."""
from __future__ import annotations

from flask import Blueprint, jsonify, request
from markupsafe import Markup

from portal.extensions import limiter
from portal.sanitize import clean_text
from public_docs.search.query import clean
from public_docs.search.vietnamese import WORD_RE, search_fold

bp = Blueprint("search_suggest", __name__, static_folder="static", static_url_path="/static/search")

MAX_SUGGESTIONS = 8
MIN_CHARS = 2


def suggestions(q: str | None, limit: int = MAX_SUGGESTIONS) -> list[str]:
    from public_docs.search import complete, search

    text, _cut = clean(clean_text(q, 200))
    if len(text) < MIN_CHARS:
        return []
    out: list[str] = []
    words = WORD_RE.findall(text)
    ends_word = not text[-1].isalnum()
    if words and not ends_word:
        last = words[-1]
        head = text[: text.rfind(last)].rstrip()
        for word in complete(search_fold(last.lower()), limit=4):
            out.append(f"{head} {word}".strip())
    query = out[0] if out else text
    for hit in search(query, per_page=limit).hits:
        title = Markup(hit.title_html).striptags()
        if title and title not in out:
            out.append(title)
    return out[:limit]


@bp.get("/api/v1/search/suggest")
@limiter.limit("120 per minute")
def suggest():
    q = request.args.get("q", "")
    response = jsonify({"query": clean(clean_text(q, 200))[0], "suggestions": suggestions(q)})
    response.headers["Cache-Control"] = "public, max-age=60"
    return response


PATHS = {
    "/api/v1/search/suggest": {
        "get": {
            "summary": "Suggestions for a search box: the query with its last word completed from the "
                       "index vocabulary, then titles of the best matching published disclosures",
            "operationId": "searchSuggestions",
            "parameters": [
                {"name": "q", "in": "query", "schema": {"type": "string", "maxLength": 200},
                 "description": "What has been typed so far (with or without diacritics)"},
            ],
            "responses": {
                "200": {"description": "Up to 8 suggestions (none for fewer than 2 characters)",
                        "content": {"application/json": {"schema": {
                            "type": "object", "required": ["query", "suggestions"],
                            "properties": {"query": {"type": "string"},
                                           "suggestions": {"type": "array", "items": {"type": "string"},
                                                           "maxItems": MAX_SUGGESTIONS}}}}}},
            },
        }
    }
}
