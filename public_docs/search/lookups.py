"""The search engine's answers besides a page of hits: every matching id (the disclosure list's
``q`` filter), completions from the index vocabulary (suggestions), and the compiled thesaurus."""
from __future__ import annotations

import logging

from public_docs.search import engine, expand, ranking
from public_docs.search import index as _index
from public_docs.search.query import parse

log = logging.getLogger("public_docs.search")


def search_ids(query: str | None, limit: int = 5000, index_path=None) -> list[int] | None:
    """The ids of the published disclosures :func:`search` finds for ``query`` (best first, at most
    ``limit``): the disclosure list's ``q`` filter. None while the index is unavailable."""
    parsed = parse(query)
    if parsed.empty:
        return []
    words_thesaurus = _thesaurus()
    try:
        with engine.acquire(_index.index_dir(index_path), _cache_mb()) as state:
            if state is None:
                _after_request_rebuild()
                return None
            plan = expand.build(state, parsed, words_thesaurus, docs=ranking.docs_of(state))
            raw = engine.evaluate(state, parsed, {}, 0, limit, "relevance", plan=plan)
            return [state.meta[d][0] for d in raw.docnums]
    except Exception:  # noqa: BLE001  (a damaged index must not break the list)
        log.exception("search failed; the index will be rebuilt")
        _after_request_rebuild()
        return None


def complete(prefix: str, limit: int = 5, index_path=None) -> list[str]:
    """Words of the index starting with the folded ``prefix``, most frequent first, each in its
    most common spelling (``ngan`` → ngân, ngang…). Empty while the index is unavailable."""
    from public_docs.search import vocabulary

    try:
        with engine.acquire(_index.index_dir(index_path), _cache_mb()) as state:
            if state is None:
                return []
            vocab = vocabulary.for_state(state)
            return [vocab.display(w) for w in vocabulary.completions(vocab, prefix, limit)]
    except Exception:  # noqa: BLE001  (suggestions are a convenience: never an error)
        log.exception("completions failed")
        return []


def _thesaurus():
    """The compiled thesaurus (empty when the database cannot give it: the words still search)."""
    from public_docs.search import thesaurus

    try:
        return thesaurus.current()
    except Exception:  # noqa: BLE001  (no app context, or a database not migrated yet)
        log.exception("the search thesaurus could not be read")
        return thesaurus.EMPTY



def _cache_mb() -> int:
    from public_docs.search import _config

    return _config("SEARCH_CACHE_MB", 64)


def _after_request_rebuild() -> None:
    from public_docs.search import _rebuild_after_request

    _rebuild_after_request()
