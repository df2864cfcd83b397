"""Vietnamese full-text search over published disclosures (Whoosh behind a small API).

    search(query, filters=None, page=1, per_page=20, sort="relevance") -> SearchResult
    search_or_database(...)   the same; while the index is unavailable, the database's answer
    apply_pending_changes()   apply the IndexChange log to this host's index
    rebuild()                 rebuild from the database in a temp dir and swap it in
    sync()                    rebuild when missing/corrupt/old schema, else apply pending changes

Nothing here raises on user input: a missing or damaged index gives ``available=False``, and a
search made in a request then has the index rebuilt in the background after the response
(``SEARCH_AUTO_REBUILD``, see ``hooks``), whichever page or API asked.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from public_docs.search import engine, expand, ranking
from public_docs.search import index as _index
from public_docs.search.analysis import find_phrase, fold, normalize, phrase_regex  # noqa: F401  (fold, normalize: public helpers)
from public_docs.search.query import parse
from public_docs.search.texts import TextLoader

log = logging.getLogger(__name__)
FILTER_KEYS = ("category", "year", "form", "issuer", "group", "status", "budget_kind", "budget_year")
MAX_PER_PAGE = 100
MAX_RESULTS = 2000  # deepest position a page may reach
SNIPPET_CHARS = 260


@dataclass
class SearchHit:
    doc_id: int
    score: float
    snippet: Markup
    title_html: Markup = Markup("")


@dataclass
class SearchResult:
    query: str = ""
    total: int = 0
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    hits: list[SearchHit] = field(default_factory=list)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    filters: dict[str, str] = field(default_factory=dict)
    available: bool = True
    relaxed: bool = False  # no document had every word; these hold some of them
    truncated: bool = False  # the query was too long and was shortened
    empty_query: bool = False
    from_database: bool = False  # the index was unavailable: found by the database (fallback.py)
    corrected: str = ""  # a word had no (or very few) hits: the query as searched ("Kết quả cho: …")
    exact: bool = False  # typo corrections were turned off ("search exactly what I typed")

    @property
    def pages(self) -> int:
        return max(1, -(-min(self.total, MAX_RESULTS) // self.per_page))


def _config(name: str, default):
    from flask import current_app, has_app_context

    return current_app.config.get(name, default) if has_app_context() else default


def clean_filters(filters) -> dict[str, str]:
    out: dict[str, str] = {}
    for key in FILTER_KEYS:
        value = (filters or {}).get(key)
        if value is None:
            continue
        value = str(value).strip()[:200]
        if value:
            out[key] = value
    return out


def search(query: str | None, filters=None, page: int = 1, per_page: int = 20, sort: str = "relevance",
           index_path=None, exact: bool = False) -> SearchResult:
    """Search the published disclosures. ``exact``: no typo corrections (the thesaurus still applies)."""
    try:
        page = max(1, int(page))
    except (TypeError, ValueError):
        page = 1
    try:
        per_page = min(MAX_PER_PAGE, max(1, int(per_page)))
    except (TypeError, ValueError):
        per_page = 20
    sort = "date" if sort == "date" else "relevance"
    parsed = parse(query)
    filters = clean_filters(filters)
    result = SearchResult(query=parsed.text, page=page, per_page=per_page, sort=sort, filters=filters,
                          truncated=parsed.truncated, exact=bool(exact))
    words_thesaurus = _thesaurus() if not parsed.empty else None  # read before the engine lock
    path = _index.index_dir(index_path)
    start = (page - 1) * per_page
    end = min(start + per_page, MAX_RESULTS)
    loader = TextLoader()
    words = [t.folded for t in parsed.terms]
    try:
        with engine.acquire(path, _config("SEARCH_CACHE_MB", 64)) as state:  # the warm searcher
            if state is None:
                result.available = False
                _rebuild_after_request()
                return result
            if parsed.empty and not filters:
                result.empty_query = True
                return result
            if parsed.empty:  # filters only: browse them newest first
                sort = result.sort = "date"
                raw = engine.browse(state, filters, start, end)
            else:
                plan = expand.build(state, parsed, words_thesaurus, fuzzy=not exact,
                                   docs=ranking.docs_of(state))
                raw = engine.evaluate(state, parsed, filters, start, end, sort, load_texts=loader, plan=plan)
                result.corrected = plan.corrected
                words = plan.highlight_words
            doc_ids = [state.meta[d][0] for d in raw.docnums]
    except Exception:  # noqa: BLE001  (a damaged index must not break the page)
        log.exception("search failed; the index will be rebuilt")
        result.available = False
        _rebuild_after_request()
        return result
    result.total, result.facets, result.relaxed = raw.total, raw.facets, raw.relaxed
    texts = loader(doc_ids, attachments=True) if doc_ids else {}
    for doc_id, score in zip(doc_ids, raw.scores, strict=False):
        title, content = texts.get(doc_id, ("", ""))
        result.hits.append(SearchHit(doc_id=int(doc_id), score=round(score, 4),
                                     snippet=snippet(content, words), title_html=highlight(title, words)))
    return result


def search_or_database(query: str | None, filters=None, page: int = 1, per_page: int = 20,
                       sort: str = "relevance", index_path=None, exact: bool = False) -> SearchResult:
    """:func:`search`; while the index is unavailable (being rebuilt), the database's answer
    (``from_database``: every word, newest first). ``available`` stays False in both cases, and
    the result is empty only if the database could not answer either."""
    result = search(query, filters=filters, page=page, per_page=per_page, sort=sort, index_path=index_path,
                    exact=exact)
    if result.available:
        return result
    from public_docs.search.fallback import search_database

    try:
        return search_database(query, filters=filters, page=result.page, per_page=result.per_page)
    except Exception:  # noqa: BLE001  (the caller says the search is unavailable)
        log.exception("database search failed while the index is unavailable")
        return result


def _rebuild_after_request() -> None:
    """Have the after-request hook rebuild the index in the background (``hooks._after_request``)."""
    from flask import g, has_request_context

    if has_request_context():
        g.search_unavailable = True


# --- snippets --------------------------------------------------------------------------------


def _marked(text: str, spans: list[tuple[int, int]]) -> Markup:
    out, pos = [], 0
    for s, e in spans:
        out.append(str(escape(text[pos:s])))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        pos = e
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _word_matches(text: str, wanted: set[str], limit: int = 60) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of every spelling of the wanted words in ``text``.

    One regex per word, starting with a character class, so that the regex engine scans for the
    first letter in C; the left word boundary is checked here on the few candidates."""
    out = []
    for word in wanted:
        rx = phrase_regex((word,))  # one word: its every spelling, cached
        found = 0
        for m in rx.finditer(text):
            s = m.start()
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                continue
            out.append((s, m.end(), word))
            found += 1
            if found >= limit:
                break
    out.sort()
    return out


def highlight(text: str, words: list[str]) -> Markup:
    if not text or not words:
        return Markup(escape(text))
    return _marked(text, [(a, b) for a, b, _w in _word_matches(text, set(words))])


def snippet(content: str, words: list[str], size: int = SNIPPET_CHARS) -> Markup:
    """The passage of ``content`` holding the words as typed (the phrase), else the one with the
    most distinct query words; words in ``<mark>``."""
    if not content:
        return Markup("")
    content = content[:40_000].replace("\n", " ").replace("\r", " ").replace("\t", " ")
    wanted = set(words)
    phrase = find_phrase(phrase_regex(words), content) if len(wanted) >= 2 else None
    matches = None
    if phrase:
        anchor = phrase.start()
    else:
        matches = _word_matches(content[:6_000], wanted) if words else []  # the common case: early on
        if words and len(content) > 6_000 and len({w for _a, _b, w in matches}) < len(wanted):
            matches = _word_matches(content, wanted)  # some word only further down
        if not matches:
            cut = content[:size]
            return Markup(escape(cut + ("…" if len(content) > size else "")))
        anchor = matches[_densest(matches, size)][0]
    begin = max(0, anchor - 50)
    if begin:
        space = content.find(" ", begin)
        begin = space + 1 if 0 <= space < anchor else begin
    stop = min(len(content), begin + size)
    if stop < len(content):
        space = content.rfind(" ", begin, stop)
        stop = space if space > anchor else stop
    if matches is None:
        spans = [(a, b) for a, b, _w in _word_matches(content[begin:stop], wanted)]
    else:
        spans = [(a - begin, b - begin) for a, b, _w in matches if a >= begin and b <= stop]
    html = _marked(content[begin:stop], spans)
    return Markup(("…" if begin else "") + html + ("…" if stop < len(content) else ""))


def _densest(matches: list[tuple[int, int, str]], size: int) -> int:
    """Index of the match that starts the window (``size`` chars) with the most distinct words."""
    keys = [w for _a, _b, w in matches]
    best, best_score, j = 0, -1, 0
    window: dict[str, int] = {}
    for i, m in enumerate(matches):  # sliding window
        while j < len(matches) and matches[j][0] - m[0] <= size - 40:
            window[keys[j]] = window.get(keys[j], 0) + 1
            j += 1
        if len(window) > best_score:
            best, best_score = i, len(window)
        window[keys[i]] -= 1
        if not window[keys[i]]:
            del window[keys[i]]
    return best


# --- maintenance -----------------------------------------------------------------------------


def rebuild(index_path=None) -> int:
    """Rebuild the index from the database (temp dir, then swap). Returns the document count."""
    return _index.rebuild(_index.index_dir(index_path))


def apply_pending_changes(index_path=None) -> int:
    """Apply the IndexChange rows this host has not applied yet. Returns how many rows."""
    path = _index.index_dir(index_path)
    state = _index.read_state(path)
    if not state or state.get("schema") != _index.SCHEMA_VERSION:
        return 0  # nothing to apply to: `flask search sync` (or the page's auto-rebuild) builds it
    return _index.apply_pending_changes(path)


def sync(index_path=None) -> str:
    """Rebuild when the index is missing, damaged or of an older schema; else apply the log.

    One rebuild at a time on a host: a worker that finds another one building waits for it, then
    finds the index usable and only applies the log."""
    path = _index.index_dir(index_path)
    if not _index.is_usable(path):
        with _index.build_lock(path):
            if not _index.is_usable(path):
                count = _index.rebuild(path)
                return f"rebuilt:{count}"
    return f"applied:{_index.apply_pending_changes(path)}"


from public_docs.search.lookups import _thesaurus, complete, search_ids  # noqa: E402  (they use the helpers above)

__all__ = [
    "SearchHit", "SearchResult", "apply_pending_changes", "complete", "fold", "normalize", "rebuild", "search",
    "search_ids", "search_or_database", "sync",
]
