"""The three ways of asking for suggestions, as library calls with typed results.

* ``suggest_pair(store, a, b)``: every item of framework A against framework B, for
  curators: the top candidates of the pairs not yet curated, and a "second look" list of
  A's items recorded as having no match in B for which a strong candidate exists.
* ``suggest_outcomes(store, outcomes, frameworks)``: learning outcomes (``read_curriculum``)
  against one or more frameworks.
* ``suggest_items(store, items, frameworks)``: a user's own items (``user_items``: SKOS or
  CSV) against one or more frameworks.

Ranking reads only the items' own texts (``items``); the curated mappings are read by
``suggest_pair`` after ranking, to leave out pairs a curator already decided on.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from ...errors import InputError
from .fuse import Candidate, Matcher, Settings, query_text
from .items import Item, framework_items


@dataclass(frozen=True)
class PairSuggestions:
    """Candidates from framework A into B that no curator has decided on yet."""

    a: str
    b: str
    method: str
    candidates: tuple[Candidate, ...]  # top k per item of A, curated pairs left out
    second_look: tuple[Candidate, ...]  # A's reviewed "no match" items with a strong candidate


def resolve_method(method: str, notice: bool = True, lang: str | None = None) -> str:
    """``auto``: fused when the embedding model is installed, else lexical (with a one-line
    notice on stderr, in ``lang``: default the locale's). An explicit method that needs the
    model raises MissingExtraError."""
    from .semantic import _model, available

    if method == "auto":
        if available():
            return "fused"
        if notice:
            from ...words import default_language, message

            said = message("suggest_lexical", lang or default_language())
            print(f"herstelgraph: {said}", file=sys.stderr)
        return "lexical"
    Settings.for_method(method)  # validates the name
    if method != "lexical":
        _model()
    return method


def candidates_of(store, frameworks: Sequence[str]) -> tuple[Item, ...]:
    if not frameworks:
        raise InputError("no target framework given")
    out: list[Item] = []
    for fw in dict.fromkeys(frameworks):
        out.extend(framework_items(store, fw))
    return tuple(out)


def suggest_items(
    store,
    sources: Sequence[Item],
    frameworks: Sequence[str],
    *,
    k: int = 5,
    method: str = "auto",
    items: bool | None = None,
    threshold: float | None = None,
) -> tuple[Candidate, ...]:
    """The top k candidates of each source in the frameworks, best first per source.

    ``items``: the sources are framework-like items (longer texts: the item lines apply);
    by default, when they carry a definition or a framework."""
    if k < 1:
        raise InputError(f"k must be at least 1, not {k}")
    method = resolve_method(method)
    if items is None:
        items = any(s.framework or s.definition for s in sources)
    settings = Settings.for_method(method, items)
    if threshold is not None:
        from dataclasses import replace

        settings = replace(settings, threshold=threshold)
    matcher = Matcher(candidates_of(store, frameworks), settings)
    ranked = matcher.rank(list(sources), k, [query_text(s) for s in sources])
    return tuple(c for row in ranked for c in row)


def suggest_outcomes(store, outcomes: Sequence[Item], frameworks: Sequence[str], **kw):
    """Learning outcomes against frameworks (the outcome lines apply)."""
    return suggest_items(store, outcomes, frameworks, items=False, **kw)


def curated_pairs(a: str, b: str, records=None) -> tuple[set[tuple[str, str]], set[str]]:
    """(pairs decided on between A and B as (a_id, b_id), A's items recorded as no match
    in B), read from the shipped SSSOM files (or ``records``)."""
    from ..sssom import NO_TERM, SCHEME_OF, all_records

    records = all_records() if records is None else records
    decided: set[tuple[str, str]] = set()
    no_match: set[str] = set()
    b_scheme = SCHEME_OF.get(b)
    for rec in records:
        if rec.object_id == NO_TERM:
            if rec.object_source == b_scheme:
                no_match.add(rec.subject_id)
        else:
            decided.add((rec.subject_id, rec.object_id))
            decided.add((rec.object_id, rec.subject_id))
    return decided, no_match


def suggest_pair(
    store, a: str, b: str, *, k: int = 5, method: str = "auto", records=None
) -> PairSuggestions:
    sources = framework_items(store, a)
    method = resolve_method(method)
    decided, no_match = curated_pairs(a, b, records)
    per_source: dict[str, int] = {}
    for s, _ in decided:
        per_source[s] = per_source.get(s, 0) + 1
    # rank deep enough that k undecided candidates remain after the decided ones are left out
    depth = k + max((per_source.get(s.id, 0) for s in sources), default=0)
    ranked = suggest_items(store, sources, [b], k=depth, method=method, items=True)
    fresh: list[Candidate] = []
    seen: dict[str, int] = {}
    for c in ranked:
        if (c.source_id, c.target_id) in decided or seen.get(c.source_id, 0) >= k:
            continue
        seen[c.source_id] = seen.get(c.source_id, 0) + 1
        fresh.append(c)
    second = tuple(c for c in fresh if c.source_id in no_match and c.good)  # rank: in full list
    open_ = tuple(c for c in fresh if c.source_id not in no_match)
    return PairSuggestions(a, b, method, open_, second)
