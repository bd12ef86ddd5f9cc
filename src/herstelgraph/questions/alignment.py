"""Alignment questions over the curated mappings: one function per question.

Every function takes ``store``: the embedded :class:`~herstelgraph.store.Store` or a remote
:class:`~herstelgraph.endpoint.Endpoint` (both offer ``select``/``ask``), runs one shipped
query from ``queries/`` with bound parameters, and returns typed records. Curated answers
and inferred ones (the SKOS closure, chained mappings) are never mixed: inferred rows say so.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import defaultdict
from collections.abc import Sized
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from ..errors import (
    InputError,
    MissingDataError,
    ParameterError,
    UnknownFrameworkError,
    UnknownIdError,
)
from ..ids import compact, expand, iri_node, is_iri
from ..model import (
    CoverageScope,
    Direction,
    GapStatus,
    QueryForm,
    QueryResult,
    Record,
    RoleItemStatus,
    RoleSource,
    Value,
)
from ..store.store import Queryable, Row, Store, Term
from ..vocab import INVERSE, NO_TERM, PREFIXES, SKOS
from .catalogue import _natural, _run, concept, framework_id, resolve, scheme_node, type_node
from .deprecation import skip_deprecated
from .filters import view as _view

if TYPE_CHECKING:
    from ..results import MappingView
    from ..store.queries import QuerySpec
    from .coverage import PROFILE_TYPES as PROFILE_TYPES
    from .coverage import ProfileItem as ProfileItem
    from .coverage import ProfileSummary as ProfileSummary
    from .coverage import coverage_of as coverage_of
    from .coverage import coverage_summary as coverage_summary
    from .coverage import profile_node as profile_node
    from .pairs import CoverageRow as CoverageRow
    from .pairs import CrosswalkRow as CrosswalkRow
    from .rows import ChainRow as ChainRow
    from .rows import ConceptBrief as ConceptBrief
    from .rows import ExplainPath as ExplainPath
    from .rows import ExplainStep as ExplainStep
    from .rows import Explanation as Explanation
    from .rows import Hub as Hub
    from .rows import PathStep as PathStep
    from .rows import RoleItem as RoleItem
    from .rows import SearchHit as SearchHit

#: the profile questions (``questions/coverage.py``), re-exported here and imported on first
#: use (PEP 562): gaps or crosswalk never pay for them (docs/performance.md)
_COVERAGE = frozenset(
    {"PROFILE_TYPES", "ProfileItem", "ProfileSummary", "coverage_of", "coverage_summary"}
    | {"profile_node"}
)


#: the records of chain, hubs, search, compare-roles and explain (``questions/rows.py``),
#: re-exported here and imported on first use (PEP 562): gaps or crosswalk never define them
_ROWS = frozenset(
    {"ChainRow", "Hub", "SearchHit", "RoleItem"}
    | {"ConceptBrief", "ExplainStep", "ExplainPath", "Explanation", "PathStep"}
)


#: the records of crosswalk and coverage (``questions/pairs.py``), imported on first use
_PAIRS = frozenset({"CrosswalkRow", "CoverageRow"})


def __getattr__(name: str) -> Any:
    if name in _PAIRS:
        from . import pairs

        return getattr(pairs, name)
    if name in _COVERAGE:
        from .coverage import (
            PROFILE_TYPES,
            ProfileItem,
            ProfileSummary,
            coverage_of,
            coverage_summary,
            profile_node,
        )

        names = {"PROFILE_TYPES": PROFILE_TYPES, "ProfileItem": ProfileItem}
        names |= {"ProfileSummary": ProfileSummary, "coverage_of": coverage_of}
        names |= {"coverage_summary": coverage_summary, "profile_node": profile_node}
        return names[name]
    if name in _ROWS:
        from . import rows

        return getattr(rows, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


CHAINING = "semapv:MappingChaining"
#: A prerequisite record (RUBRIC R-PRE-1) reads "dependent item PREREQUISITE knowledge"; seen
#: from the knowledge item it reads "knowledge PREREQUISITE_OF dependent item". Neither is a
#: SKOS match: shown with its relation, never counted as coverage or as a match.
PREREQUISITE = "ceasn:prerequisiteAlignment"
PREREQUISITE_OF = "prerequisiteOf"


def _reverse(relation: str) -> str:
    """A curated relation read from its object's side."""
    if relation == PREREQUISITE:
        return PREREQUISITE_OF
    return INVERSE.get(relation, relation)


# Composition of two mapping steps x R1 y, y R2 z  =>  x R z (None: no claim).
# Documented with its reasons in docs/chains.md; tests check the table is the documented one.
_E, _C, _B, _N, _R = (f"skos:{n}Match" for n in ("exact", "close", "broad", "narrow", "related"))
COMPOSE: dict[tuple[str, str], str | None] = {
    (_E, _E): _E, (_E, _C): _C, (_E, _B): _B, (_E, _N): _N, (_E, _R): _R,
    (_C, _E): _C, (_C, _C): _R, (_C, _B): _R, (_C, _N): _R, (_C, _R): None,
    (_B, _E): _B, (_B, _C): _R, (_B, _B): _B, (_B, _N): None, (_B, _R): None,
    (_N, _E): _N, (_N, _C): _R, (_N, _B): None, (_N, _N): _N, (_N, _R): None,
    (_R, _E): _R, (_R, _C): None, (_R, _B): None, (_R, _N): None, (_R, _R): None,
}  # fmt: skip
# Hierarchy steps inside one framework behave like broad/narrow matches.
_AS_MATCH = {"skos:broaderTransitive": _B, "skos:narrowerTransitive": _N}


def compose(first: str, second: str) -> str | None:
    """The relation a two-step chain supports, or None where the table makes no claim."""
    return COMPOSE.get((_AS_MATCH.get(first, first), _AS_MATCH.get(second, second)))


# ----------------------------------------------------------------------------- records
@dataclass(frozen=True)
class Gap(Record):
    """A requirement item of A with no mapping into B's requirement items: reviewed with no
    match, covered only via an example (its links reach only example-only or inferred items
    of B), or not reviewed."""

    item: str
    notation: str | None
    label: str
    type: str | None
    section: str | None
    section_label: str | None
    status: GapStatus
    record: str | None
    comment: str | None


# ----------------------------------------------------------------------------- helpers
def _v(term: Term | None) -> str | None:
    return None if term is None else term.value


def _c(term: Term | None) -> str | None:
    return None if term is None else compact(term.value)


def _f(term: Term | None) -> float | None:
    return None if term is None else float(term.value)


def _label_index(store: Queryable, iris: set[str]) -> dict[str, tuple[str, str]]:
    """prefLabel@nl and framework of a set of concepts, in one query."""
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    rows = store.select(
        "SELECT ?c ?l ?s WHERE { VALUES ?c { " + values + " } "
        "?c skos:inScheme ?s . OPTIONAL { ?c skos:prefLabel ?l FILTER(LANG(?l) = 'nl') } }"
    )
    return {
        r["c"].value: (r["l"].value if r.get("l") else "", framework_id(r["s"].value)) for r in rows
    }


# ------------------------------------------------------------------- 1. mappings of
def mappings_of(
    store: Queryable,
    ident: str,
    to: str | None = None,
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[MappingView]:
    """Every curated mapping and no-match record of a concept, from its own point of view:
    into the other frameworks, and the curated links to an external vocabulary (ESCO;
    ``other_framework`` is the vocabulary's name, e.g. ``esco``, which ``to`` also takes)."""
    from ..results import MappingView

    store = _view(store, reviewed_only, min_confidence)
    node = resolve(store, ident)
    target = None
    if to:
        try:
            target = scheme_node(store, to).value
        except UnknownFrameworkError:  # a vocabulary the item links to (esco), else unknown
            linked = [m for m in _external_views(store, node) if m.other_framework == to.lower()]
            if not linked:
                raise
            return _sorted_views(linked)
    rows = _run(store, "mappings-of", concept=node)
    others = {
        (r["object"] if r["subject"].value == node.value else r["subject"]).value for r in rows
    }
    labels = _label_index(store, others - {NO_TERM})
    out = []
    for r in rows:
        forward = r["subject"].value == node.value
        other = r["object"].value if forward else r["subject"].value
        relation = compact(r["predicate"].value)
        if other == NO_TERM:
            relation, other_fw, label = "noMatch", framework_id(r["objectSource"].value), ""
        else:
            label, other_fw = labels.get(other, ("", ""))
        if not forward:
            relation = _reverse(relation)
        if target and other_fw != framework_id(target):
            continue
        out.append(
            MappingView(
                concept=compact(node.value),
                relation=relation,
                other=compact(other),
                other_label=label,
                other_framework=other_fw,
                record=compact(r["record"].value),
                direction=Direction.ASSERTED if forward else Direction.INVERSE,
                **_record_fields(r),
            )
        )
    return _sorted_views(out if target else out + _external_views(store, node))


def _record_fields(r: Row) -> dict[str, Any]:
    """What a mapping record says beside its relation (mappings-of.rq and
    external-mappings-of.rq name these alike): confidence, justification, comment, author,
    date, strength."""
    return {
        "confidence": float(r["confidence"].value) if r.get("confidence") else None,
        "justification": compact(r["justification"].value) if r.get("justification") else None,
        "comment": r["comment"].value if r.get("comment") else None,
        "author": r["authorLabel"].value if r.get("authorLabel") else None,
        "date": r["date"].value if r.get("date") else None,
        "strength": compact(r["other"].value) if r.get("other") else None,
    }


def _sorted_views(views: list[MappingView]) -> list[MappingView]:
    order = {"skos:exactMatch": 0, "skos:closeMatch": 1, "skos:broadMatch": 2}
    return sorted(views, key=lambda m: (m.other_framework, order.get(m.relation, 3), m.other))


def _external_views(store: Queryable, node: ox.NamedNode) -> list[MappingView]:
    """A concept's curated links to external vocabularies (and no-match records against
    them), read from the external graph: the vocabulary's name as the framework, its own
    label for the concept linked."""
    from ..results import MappingView
    from ..store.store import EXTERNAL

    out: dict[str, MappingView] = {}
    for r in _run(store, "external-mappings-of", concept=node, graph=EXTERNAL):
        record = compact(r["record"].value)
        other = r["object"].value
        label = r.get("objectLabel")
        label = label if isinstance(label, ox.Literal) else None
        if record in out and not (label is not None and label.language == "en"):
            continue  # one row per record; the English label where there are several
        no_match = other == NO_TERM
        out[record] = MappingView(
            concept=compact(node.value),
            relation="noMatch" if no_match else compact(r["predicate"].value),
            other=compact(other),
            other_label="" if no_match or label is None else label.value,
            other_framework=compact(r["objectSource"].value).split(":", 1)[-1],
            record=record,
            direction=Direction.ASSERTED,
            **_record_fields(r),
        )
    return list(out.values())


# ------------------------------------------------------------------- 2. crosswalk
def crosswalk(
    store: Queryable,
    a: str,
    b: str,
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[CrosswalkRow]:
    """Every curated mapping between A and B, each read from A's side."""
    from .pairs import CrosswalkRow

    store = _view(store, reviewed_only, min_confidence)
    na, nb = scheme_node(store, a), scheme_node(store, b)
    if na == nb:
        from ..words import Said

        raise InputError(Said("two-frameworks", verb="crosswalk", name=repr(a)))
    out = []
    seen: set[tuple[str]] = set()
    for r in _run(store, "crosswalk", a=na, b=nb):
        subj_in_a = _scheme_of(r["subject"].value, na.value)
        rel = compact(r["predicate"].value)
        a_item, b_item = (r["subject"], r["object"]) if subj_in_a else (r["object"], r["subject"])
        a_lab, b_lab = (
            (r.get("subjectLabel"), r.get("objectLabel"))
            if subj_in_a
            else (r.get("objectLabel"), r.get("subjectLabel"))
        )
        key = (r["record"].value,)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            CrosswalkRow(
                a_item=compact(a_item.value),
                a_label=_v(a_lab) or "",
                relation=rel if subj_in_a else _reverse(rel),
                b_item=compact(b_item.value),
                b_label=_v(b_lab) or "",
                confidence=_f(r.get("confidence")),
                justification=_c(r.get("justification")),
                comment=_v(r.get("comment")),
                strength=_v(r.get("other")),
                record=compact(r["record"].value),
                direction=Direction.ASSERTED if subj_in_a else Direction.INVERSE,
            )
        )
    return sorted(out, key=lambda m: (_natural(m.a_item), _natural(m.b_item), m.relation))


def _scheme_of(iri: str, scheme_iri: str) -> bool:
    """Whether a concept IRI lives in the namespace of a framework's scheme IRI."""
    ns = scheme_iri.rsplit("/", 1)[0] + "/"
    return iri.startswith(ns)


# ------------------------------------------------------------------- 3. gaps
def gaps(
    store: Queryable,
    a: str,
    b: str,
    *,
    section: str | None = None,
    item_type: str | None = None,
    status: GapStatus | str | None = None,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[Gap]:
    """Requirement items of A with no mapping into B, telling "reviewed: no match" and
    "covered via an example" from "not reviewed" (docs/modelling.md, how items are counted).
    A deprecated item (``owl:deprecated``) is no requirement item, so never a gap."""
    store = _view(store, reviewed_only, min_confidence)
    na, nb = scheme_node(store, a), scheme_node(store, b)
    if na == nb:
        from ..words import Said

        raise InputError(Said("two-frameworks", verb="gaps", name=repr(a)))
    if status is not None and status not in GapStatus.values():
        known = " or ".join(GapStatus.values())
        raise ParameterError("status", f"unknown gap status {status!r}; use {known}")
    sec = resolve(store, section) if section else None
    rows = _run(store, "gaps", a=na, b=nb, section=sec, type=type_node(store, item_type))
    out: dict[str, Gap] = {}
    for r in rows:
        item = compact(r["item"].value)
        gap = Gap(
            item=item,
            notation=_v(r.get("notation")),
            label=_v(r.get("label")) or "",
            type=(_c(r.get("kind")) or "").removeprefix("hg:") or None,
            section=_c(r.get("top")),
            section_label=_v(r.get("topLabel")),
            status=GapStatus(r["status"].value),
            record=_c(r.get("record")),
            comment=_v(r.get("comment")),
        )
        # an item has one row per record, type and section: a no-match record first, then the
        # least of each, so the answer never depends on the order an engine returns rows in
        if item not in out or _gap_key(gap) < _gap_key(out[item]):
            out[item] = gap
    rows_out = [g for g in out.values() if status is None or g.status == status]
    return sorted(rows_out, key=lambda g: (_natural(g.notation), _natural(g.item)))


def _gap_key(gap: Gap) -> tuple[bool, str, str, str, str, str, str]:
    return (
        gap.status != "no-match",
        gap.record or "",
        gap.comment or "",
        gap.type or "",
        gap.section or "",
        gap.label,
        gap.notation or "",
    )


# ------------------------------------------------------------------- 4. coverage
def coverage(
    store: Queryable,
    a: str | None = None,
    b: str | None = None,
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[CoverageRow]:
    """Share of A's items mapped into B for every ordered pair, overall and per section."""
    store = _view(store, reviewed_only, min_confidence)
    na = scheme_node(store, a) if a else None
    nb = scheme_node(store, b) if b else None
    # per section, once (not per pair and section: 5k rows at 50x): its ID, label and rank
    # in natural order, so the rows sort on integers
    sections = {r["top"].value: (compact(r["top"].value), _v(r.get("label")))
                for r in _run(store, "sections", scheme=na)}  # fmt: skip
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    counted = []
    for r in _run(store, "coverage", a=na, b=nb):
        pair, top_node = (r["a"].value, r["b"].value), r.get("top")
        top = None if top_node is None else top_node.value
        items, mapped, via, nomatch = (
            int(r["items"].value),
            int(r["mapped"].value),
            int(r["viaExample"].value),
            int(r["noMatch"].value),
        )
        t = totals[pair]
        t[0], t[1], t[2], t[3] = t[0] + items, t[1] + mapped, t[2] + via, t[3] + nomatch
        counted.append((pair, top, items, mapped, via, nomatch))
        if top is not None and top not in sections:  # a top concept its scheme does not list
            sections[top] = (compact(top), None)
    ranked = sorted(sections, key=lambda iri: _natural(sections[iri][0]))
    rank = {iri: n for n, iri in enumerate(ranked, 1)}
    fid = {iri: framework_id(iri) for pair in totals for iri in pair}
    aligned = {fid[i] for pair, t in totals.items() if t[1] or t[2] or t[3] for i in pair}
    # (sort key, pair, section or None for the whole framework, counts)
    keyed: list[tuple[tuple[str, str, int, int], tuple[str, str], str | None, list[int]]] = [
        ((fid[pa], fid[pb], 0, 0), (pa, pb), None, t)
        for (pa, pb), t in totals.items()
        if fid[pa] in aligned and fid[pb] in aligned
    ]
    keyed += [
        ((fid[pa], fid[pb], 1, 0 if top is None else rank.get(top, 0)), (pa, pb), top, counts)
        for (pa, pb), top, *counts in counted
        if fid[pa] in aligned and fid[pb] in aligned
    ]
    keyed.sort(key=lambda k: k[0])
    out = []
    for (fa, fb, is_section, _), _, top, (items, mapped, via, nomatch) in keyed:
        cid, label = sections[top] if top is not None else (None, None)
        scope = "section" if is_section else "framework"
        out.append(_coverage_row(fa, fb, scope, cid, label, items, mapped, via, nomatch))
    return out


#: The external links (issue 21) the coverage of a vocabulary counts: SKOS links of an item
#: to a concept of the vocabulary, and no-match records naming the vocabulary; both read from
#: the external graph only (``store.EXTERNAL``), never from the frameworks' graphs.
_EXTERNAL_LINKS = """
SELECT DISTINCT ?item ?vocab ?kind WHERE {
  GRAPH ?graph {
    {
      VALUES ?p { skos:exactMatch skos:closeMatch skos:broadMatch skos:narrowMatch
                  skos:relatedMatch }
      ?item ?p ?o . ?o skos:inScheme ?vocab . BIND("link" AS ?kind)
    } UNION {
      ?r owl:annotatedSource ?item ; owl:annotatedTarget sssom:NoTermFound ;
         sssom:object_source ?vocab . BIND("no-match" AS ?kind)
    }
  }
}"""
_EXTERNAL_ITEMS = """
SELECT ?item ?scheme ?type ?label WHERE {
  ?item a hg:RequirementItem ; skos:inScheme ?scheme ; a ?type .
  FILTER(?type NOT IN (skos:Concept, hg:RequirementItem))
  OPTIONAL { ?type rdfs:label ?label FILTER(LANG(?label) = "nl") }
}"""


def external_coverage(
    store: Queryable,
    a: str | None = None,
    vocabulary: str | None = None,
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[CoverageRow]:
    """Share of a framework's requirement items of one type with at least one link to an
    external vocabulary (issue 21: ESCO), e.g. the BK-0597-1 competencies.

    One row (scope ``external``) per framework, item type and vocabulary that the curated
    external links cover at all: ``a`` the framework, ``b`` the vocabulary (``esco``),
    ``section`` the item type (``hg:Competency``) and ``section_label`` its Dutch name;
    ``items`` the framework's requirement items of that type, ``mapped`` those with a link in
    force, ``no_match`` those reviewed with no match, ``not_reviewed`` the rest. The links
    live apart from the frameworks (the external graph), so no other figure counts them;
    rejected links (expert reviews) are not counted, and ``reviewed_only``/``min_confidence``
    filter them as they filter the internal mappings.
    """
    from ..store.store import EXTERNAL

    only_a = framework_id(scheme_node(store, a).value) if a else None

    def links(view: Queryable) -> dict[str, dict[str, bool]]:
        """item -> vocabulary -> linked (else reviewed with no match)"""
        out: dict[str, dict[str, bool]] = defaultdict(dict)
        for r in view.select(_EXTERNAL_LINKS, {"graph": EXTERNAL}):
            item, vocab = r["item"].value, r["vocab"].value
            # a string, not a boolean: engines spell booleans differently (Virtuoso: 1)
            out[item][vocab] = out[item].get(vocab, False) or r["kind"].value == "link"
        return out

    # the rows are those the curated links cover; a mapping filter changes their counts only
    covered = links(store)
    filtered = _view(store, reviewed_only, min_confidence)
    linked = covered if filtered is store else links(filtered)
    vocab_id = {v: compact(v).split(":", 1)[-1] for found in covered.values() for v in found}
    if vocabulary is not None and vocabulary.lower() not in set(vocab_id.values()):
        known = ", ".join(sorted(set(vocab_id.values()))) or "none"
        raise ParameterError("vocabulary", f"no links to {vocabulary!r}; linked: {known}")
    # (framework, type) -> its requirement items; the type's Dutch name
    members: dict[tuple[str, str], set[str]] = defaultdict(set)
    names: dict[str, str | None] = {}
    for r in filtered.select(_EXTERNAL_ITEMS, entailment=True):
        fw = framework_id(r["scheme"].value)
        if only_a is None or fw == only_a:
            members[(fw, r["type"].value)].add(r["item"].value)
            names.setdefault(r["type"].value, _v(r.get("label")))
    out = []
    for (fw, type_iri), items in members.items():
        for vocab, vid in vocab_id.items():
            if vocabulary is not None and vid != vocabulary.lower():
                continue
            if not any(vocab in covered.get(i, {}) for i in items):
                continue  # nothing of this kind reviewed against the vocabulary
            states = [linked[i][vocab] for i in items if vocab in linked.get(i, {})]
            mapped, nomatch = sum(states), len(states) - sum(states)
            row = _coverage_row(fw, vid, "external", compact(type_iri), names[type_iri],
                                len(items), mapped, 0, nomatch)  # fmt: skip
            out.append(row)
    return sorted(out, key=lambda r: (r.a, r.b, r.section or ""))


def _coverage_row(
    fa: str,
    fb: str,
    scope: str,
    section: str | None,
    section_label: str | None,
    items: int,
    mapped: int,
    via: int,
    nomatch: int,
) -> CoverageRow:
    from .pairs import CoverageRow

    return CoverageRow(
        a=fa,
        b=fb,
        scope=CoverageScope(scope),
        section=section,
        section_label=section_label,
        items=items,
        mapped=mapped,
        via_example=via,
        no_match=nomatch,
        not_reviewed=items - mapped - via - nomatch,
        share=round(mapped / items, 4) if items else 0.0,
    )


# ------------------------------------------------------------------- 5. chains
#: The five SKOS mapping relations: IRI -> the CURIE the rows carry.
_MATCH_CURIE = {SKOS + n[5:]: n for n in (_E, _C, _B, _N, _R)}


def chain(
    store: Queryable,
    a: str,
    b: str,
    c: str,
    *,
    claims_only: bool = False,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[ChainRow]:
    """A → B → C alignments with their composed relation, marked semapv:MappingChaining.

    Joined here from three queries, not in one SPARQL join (docs/chains.md, "How a chain is
    computed"): every mapping step into an item of B from an item of A or C (chain.rq), the
    Dutch labels of the items answered (concept-labels.rq) and the curated records
    (chain-records.rq) for the step confidences and the curated column.
    """
    store = _view(store, reviewed_only, min_confidence)
    na, nb, nc = (scheme_node(store, x) for x in (a, b, c))
    if len({na.value, nb.value, nc.value}) < 3:
        from ..words import Said

        raise InputError(Said("three-frameworks"))
    # x r1 y from the steps out of A's items; y r2 z from those out of C's items, turned
    # round (the closure holds the inverse of every mapping triple)
    left: dict[str, list[tuple[str, str]]] = defaultdict(list)
    right: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _run(store, "chain", a=na, b=nb, c=nc):
        rel = _MATCH_CURIE[r["r"].value]
        if r["scheme"].value == na.value:
            left[r["y"].value].append((r["n"].value, rel))
        else:
            right[r["y"].value].append((r["n"].value, INVERSE[rel]))
    found = [
        (x, r1, y, r2, z)
        for y, xs in left.items()
        for x, r1 in xs
        for z, r2 in right.get(y, ())
        if x != z
    ]
    labels = _nl_labels(store, {i for row in found for i in row[::2]})
    conf, curated = _chain_records(store, found)
    return _chain_rows(found, labels, conf, curated, claims_only)


def _nl_labels(store: Queryable, iris: set[str]) -> dict[str, list[str]]:
    """Every Dutch prefLabel of each IRI, from one query with a VALUES row per IRI: a list,
    as an item with two labels gave two answer rows."""
    from ..store import queries

    out: dict[str, list[str]] = defaultdict(list)
    if not iris:
        return out
    spec = queries.get("concept-labels")
    head, where, tail = spec.text.partition("\nWHERE {")
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    text = f"{head}{where}\n  VALUES ?concept {{ {values} }}{tail}"
    for r in store.select(text, entailment=spec.entailment):
        out[r["concept"].value].append(r["label"].value)
    return out


#: one chain: (A-item, relation A→B, B-item, relation B→C, C-item), IRIs and CURIEs
_Chain = tuple[str, str, str, str, str]


def _chain_records(
    store: Queryable, found: list[_Chain]
) -> tuple[dict[tuple[str, str, str], float | None], dict[tuple[str, str], list[str]]]:
    """The step confidences and the curated A-C relations, from the curated records.

    conf[(s, rel, o)]: the highest confidence of a record stating "s rel o" or its inverse
    (records without one count only when no other does). curated[(x, z)]: the relation, read
    from A's side, of every record between a chain's two ends. The items of a step are in
    the right frameworks by construction, so no scheme test is needed here.
    """
    steps = {(x, y) for x, _, y, _, _ in found} | {(y, z) for _, _, y, _, z in found}
    ends = {(x, z) for x, _, _, _, z in found}
    conf: dict[tuple[str, str, str], float | None] = {}
    curated: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for r in _run(store, "chain-records"):
        s, o, rel = r["subject"].value, r["object"].value, compact(r["predicate"].value)
        inv = INVERSE.get(rel, rel)
        if (s, o) in steps or (o, s) in steps:
            c = _f(r.get("confidence"))
            for key in ((s, rel, o), (o, inv, s)):
                old = conf.get(key)
                conf[key] = c if old is None or (c is not None and c > old) else old
        if (s, o) in ends:
            curated[(s, o)].add((r["record"].value, rel))
        elif (o, s) in ends:
            curated[(o, s)].add((r["record"].value, inv))
    return conf, {pair: sorted(rel for _, rel in recs) for pair, recs in curated.items()}


def _chain_rows(
    found: list[_Chain],
    labels: dict[str, list[str]],
    conf: dict[tuple[str, str, str], float | None],
    curated: dict[tuple[str, str], list[str]],
    claims_only: bool,
) -> list[ChainRow]:
    """The answer rows in the order of the natural IDs of A-item, C-item and B-item.

    Each distinct item is compacted and ranked once, and the rows sorted on integers: at 50x
    (6,818 rows, 6,817 items) ~27 ms, where _natural on three IDs per row took ~58 ms."""
    from .rows import ChainRow

    ids = {i: compact(i) for row in found for i in row[::2]}
    natural = {i: _natural(c) for i, c in ids.items()}
    rank: dict[str, int] = {}
    last = None
    for i in sorted(natural, key=natural.__getitem__):  # equal natural IDs share a rank
        if natural[i] != last:
            n, last = len(rank), natural[i]
        rank[i] = n
    keyed = []
    for x, r1, y, r2, z in found:
        composed = COMPOSE.get((r1, r2))
        if claims_only and composed is None:
            continue
        c1, c2 = conf.get((x, r1, y)), conf.get((y, r2, z))
        confidence = round(c1 * c2, 4) if c1 is not None and c2 is not None else None
        relations = curated.get((x, z))
        also = " ".join(sorted(relations)) if relations else None
        # an item with two Dutch labels gives two rows, as the label OPTIONALs per row did
        for xl in labels.get(x) or ("",):
            for yl in labels.get(y) or ("",):
                for zl in labels.get(z) or ("",):
                    row = ChainRow(ids[x], xl, r1, ids[y], yl, r2, ids[z], zl, composed,
                                   confidence, CHAINING, also)  # fmt: skip
                    # ties on the natural IDs: by IRI, then by the two relations
                    keyed.append(((rank[x], rank[z], rank[y], x, z, y, r1, r2), row))
    keyed.sort(key=lambda kr: kr[0])
    return [row for _, row in keyed]


# ------------------------------------------------------------------- 6. hubs
def hubs(
    store: Queryable,
    framework: str = "bk-0597-1",
    *,
    min_competencies: int = 2,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[Hub]:
    """Knowledge items that many competencies include: the shared core of a qualification."""
    from .rows import Hub

    store = _view(store, reviewed_only, min_confidence)
    node = scheme_node(store, framework)
    out = []
    for r in _run(store, "hubs", scheme=node):
        n = int(r["competencies"].value)
        if n < min_competencies:
            continue
        notations = (_v(r.get("competencyNotations")) or "").split()
        out.append(
            Hub(
                item=compact(r["knowledge"].value),
                notation=_v(r.get("notation")),
                label=_v(r.get("label")) or "",
                competencies=n,
                competency_notations=tuple(sorted(notations, key=_natural)),
                mappings=int(r["mappings"].value),
            )
        )
    return sorted(out, key=lambda h: (-h.competencies, _natural(h.notation), h.item))


# ------------------------------------------------------------------- 7. search
# Why this design: SPARQL has no unaccent(). A hidden folded copy of every text in the
# store would have to be kept in step on every endpoint, and a REGEX with a bound
# diacritic-class pattern is compiled per row by Oxigraph (37-75 s at 50x). So search.rq
# fetches the texts once, Python folds them (NFKD, marks dropped, casefolded, one kind of
# quote and dash) and caches the folded index per store; matching and ranking are Python.
_FIELD_WEIGHT = {
    "skos:prefLabel": 1.0,
    "skos:notation": 1.0,
    "skos:altLabel": 0.9,
    "skos:definition": 0.6,
    "hg:sourceText": 0.5,
}
_QUOTES = "'’‘`´"
_DASHES = "-‐‑–—"


class _Marks(dict[int, int | None]):
    """Code point -> None for a combining mark (``str.translate`` drops it), else itself;
    filled as characters are met, so no table of all of Unicode is built."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _Marks()
_ONE_QUOTE_DASH = str.maketrans(dict.fromkeys(_QUOTES[1:], "'") | dict.fromkeys(_DASHES[1:], "-"))


def fold(text: str) -> str:
    """Lower case without diacritics, with one kind of quote and dash: the search key.
    An ASCII text is only lowered (nine in ten of the shipped texts: the search index
    folds every text of the graph in each process that searches).

    >>> fold("Cliënt’s ‘herstel’ – Zelfregie")
    "client's 'herstel' - zelfregie"
    """
    if text.isascii():  # nothing to decompose; ASCII's only folded character is "`"
        return text.lower().replace("`", "'")
    stripped = unicodedata.normalize("NFKD", text).translate(_MARKS)
    return stripped.casefold().translate(_ONE_QUOTE_DASH)


def search_words(text: str) -> list[str]:
    words = [w.strip('.,;:!?()[]"“”') for w in fold(text).split()]
    words = [w for w in words if w]
    if not words:
        from ..words import Said

        raise InputError(Said("empty-search"))
    return list(dict.fromkeys(words))


#: (field, text, folded text, scheme, language) of a concept's texts, by its IRI
_Index = dict[str, list[tuple[str, str, str, str, str]]]
#: store -> (its ``changes`` or size when indexed, or None if neither; its index)
_INDEX: weakref.WeakKeyDictionary[Queryable, tuple[int | None, _Index]] = (
    weakref.WeakKeyDictionary()
)


def _search_index(store: Queryable) -> _Index:
    """concept IRI -> [(field, text, folded text, scheme, language)], built once per store
    until it may have changed (``Store.changes``). Every language is indexed: the English
    translations are searched too."""
    # a Store says when it may have changed; another sized view is counted
    changes = getattr(store, "changes", None)
    size = changes if isinstance(changes, int) else len(store) if isinstance(store, Sized) else None
    hit = _INDEX.get(store)
    if hit is not None and hit[0] == size:
        return hit[1]
    index: _Index = defaultdict(list)
    for r in _run(store, "search"):
        t = r["text"].value
        lang = getattr(r["text"], "language", None) or ""
        index[r["concept"].value].append(
            (compact(r["field"].value), t, fold(t), r["scheme"].value, lang)
        )
    _INDEX[store] = (size, index)
    return index


def search(
    store: Queryable,
    text: str,
    *,
    framework: str | None = None,
    limit: int | None = 50,
    include_deprecated: bool = False,
) -> list[SearchHit]:
    """Concepts whose labels, notations or texts contain every word, ranked: words in the
    label count more than in a definition; an exact or leading phrase match counts most.
    Deprecated items are left out unless ``include_deprecated``."""
    from .rows import SearchHit

    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise ParameterError(
            "limit", f"limit {limit!r} is not a count; give a positive number, or 0 or None for all"
        )
    words = search_words(text)
    phrase = " ".join(words)
    only = scheme_node(store, framework).value if framework else None
    by_concept = _search_index(store)
    gone = skip_deprecated(store, by_concept, include_deprecated)
    hits = []
    for iri, folded in by_concept.items():
        if (only and folded[0][3] != only) or iri in gone:
            continue
        if not all(any(w in x[2] for x in folded) for w in words):
            continue
        score, best = 0.0, None
        for w in words:
            present = [x for x in folded if w in x[2]]
            top = max(present, key=lambda x: _FIELD_WEIGHT.get(x[0], 0.5))
            score += _FIELD_WEIGHT.get(top[0], 0.5)
        for f, t, ft, _s, _lang in folded:
            weight = _FIELD_WEIGHT.get(f, 0.5)
            bonus = 0.0
            if ft.strip() == phrase:
                bonus = 2.0
            elif ft.startswith(phrase):
                bonus = 1.0
            elif phrase in ft:
                bonus = 0.5
            if any(re.search(r"(^|\W)" + re.escape(w), ft) for w in words):
                bonus += 0.2
            cand = weight * bonus
            # ties go to the heavier field, then to the Dutch text (the source's own)
            key = (cand, weight, _lang == "nl")
            if best is None or key > best[5]:
                best = (cand, f, t, _s, weight, key)
        assert best is not None  # words is not empty, and each is in one of the texts
        score += best[0]
        # the label shown is the Dutch one (the source's), whichever language matched
        labels = sorted((lang != "nl", t) for f, t, _, _, lang in folded if f == "skos:prefLabel")
        label = labels[0][1] if labels else best[2]
        hits.append(
            SearchHit(
                id=compact(iri),
                framework=framework_id(best[3]),
                label=label,
                field=best[1],
                text=_snippet(best[2], words),
                score=round(score / len(words), 3),
            )
        )
    hits.sort(key=lambda h: (-h.score, h.framework, _natural(h.id)))
    return hits[:limit] if limit else hits


def _snippet(text: str, words: list[str], width: int = 140) -> str:
    if len(text) <= width:
        return text
    pos = max(fold(text).find(words[0]), 0)
    start = max(pos - width // 3, 0)
    return ("…" if start else "") + text[start : start + width].strip() + "…"


# ------------------------------------------------------------------- 8. profile coverage
# in questions/coverage.py (what counts, how an item is covered), re-exported above


# ------------------------------------------------------------------- 9. role comparison
ED_ROLE = "nk:rol-ervaringsdeskundige"
PROFESSIONAL_ROLE = "nk:rol-professional"


def compare_roles(
    store: Queryable,
    role: str = ED_ROLE,
    versus: str = PROFESSIONAL_ROLE,
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> list[RoleItem]:
    """What one role's items add to another's, across frameworks: 'adds' (only this role),
    'shared' (both), 'shared-via-mapping' (the other role requires an exact/close match) and
    'only-other' (the other role's items this role lacks)."""
    from .rows import RoleItem

    store = _view(store, reviewed_only, min_confidence)
    ra, rb = resolve(store, role), resolve(store, versus)
    if ra == rb:
        raise InputError("compare-roles needs two different roles")
    a_items, b_items = _role_items(store, ra), _role_items(store, rb)
    if not a_items and not b_items:
        raise MissingDataError(
            "role profiles",
            f"no profile or item concerns {compact(ra.value)} or {compact(rb.value)}: load "
            "role profiles (hg:RoleProfile with hg:role) with the graph",
        )
    out = []
    matched: str | None
    status: RoleItemStatus
    # (these items, the other role's, the status of one only these have, whether to list
    # the shared ones: the second pass adds only the other role's own)
    for mine, theirs, alone, with_shared in (
        (a_items, b_items, RoleItemStatus.ADDS, True),
        (b_items, a_items, RoleItemStatus.ONLY_OTHER, False),
    ):
        for iri, (label, fw, how, eqs) in mine.items():
            if iri in theirs:
                if not with_shared:
                    continue
                status, matched = RoleItemStatus.SHARED, compact(iri)
            else:
                hit = sorted(set(eqs) & set(theirs) | {t for t, v in theirs.items() if iri in v[3]})
                if hit:
                    if not with_shared:
                        continue
                    status = RoleItemStatus.SHARED_VIA_MAPPING
                    matched = " ".join(compact(h) for h in hit)
                else:
                    status, matched = alone, None
            out.append(RoleItem(compact(iri), label, fw, status, matched, RoleSource(how)))
    order = {"adds": 0, "shared-via-mapping": 1, "shared": 2, "only-other": 3}
    return sorted(out, key=lambda r: (order[r.status], r.framework, _natural(r.concept)))


def _role_items(store: Queryable, role: ox.NamedNode) -> dict[str, tuple[str, str, str, list[str]]]:
    """IRI -> (label, framework ID, how the role requires it, its equivalents' IRIs)."""
    items: dict[str, tuple[str, str, str, list[str]]] = {}
    for r in _run(store, "compare-roles", role=role):
        iri = r["concept"].value
        label, fw, how, eqs = items.get(
            iri, (_v(r.get("label")) or "", framework_id(r["scheme"].value), r["how"].value, [])
        )
        if r.get("equivalent") is not None:
            eqs = [*eqs, r["equivalent"].value]
        items[iri] = (label, fw, how, eqs)
    return items


# ------------------------------------------------------------------- explain
def explain(
    store: Queryable,
    first: str,
    second: str,
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> Explanation:
    """How two items relate: every path of at most two steps, each step's curated record
    (justification, confidence, comment) or the entailment it rests on, and both texts."""
    from .rows import ExplainPath, ExplainStep, Explanation

    store = _view(store, reviewed_only, min_confidence)
    x, z = resolve(store, first), resolve(store, second)
    if x == z:
        from ..words import Said

        raise InputError(Said("two-items", verb="explain", name=repr(first)))
    records: dict[tuple[str, str], list[Row]] = {}

    def step(s: str, rel: str, o: str) -> ExplainStep:
        if rel in _AS_MATCH:
            return ExplainStep(compact(s), compact(rel), compact(o), "hierarchy",
                               None, "skos:broader within one framework", None, None)  # fmt: skip
        if (s, o) not in records:
            records[(s, o)] = _run(store, "mapping-records", s=ox.NamedNode(s), o=ox.NamedNode(o))
        for r in records[(s, o)]:
            stated = compact(r["predicate"].value)
            forward = r["subject"].value == s
            if (stated if forward else INVERSE.get(stated)) == rel:
                return ExplainStep(
                    compact(s),
                    rel,
                    compact(o),
                    "curated" if forward else "curated (inverse)",
                    _f(r.get("confidence")),
                    _c(r.get("justification")),
                    _v(r.get("comment")),
                    compact(r["record"].value),
                )
        why = (
            "skos-closure: exactMatch is transitive"
            if rel == _E
            else "skos-closure: inverse or symmetric relation"
        )
        return ExplainStep(compact(s), rel, compact(o), "inferred", None, why, None, None)

    paths = []
    for r in _run(store, "explain", x=x, z=z):
        r1 = compact(r["r1"].value)
        if r["path"].value == "direct":
            s1 = step(x.value, r1, z.value)
            kind = s1.kind.split(" ")[0]
            paths.append(ExplainPath(r1, kind, None, (s1,)))
        else:
            y, r2 = r["y"].value, compact(r["r2"].value)
            s1, s2 = step(x.value, r1, y), step(y, r2, z.value)
            paths.append(ExplainPath(compose(r1, r2), "chain", compact(y), (s1, s2)))
    # a prerequisite record is no SKOS step (the closure leaves it out): shown as it stands
    for r in _run(store, "mapping-records", s=x, o=z):
        stated = compact(r["predicate"].value)
        if stated != PREREQUISITE:
            continue
        forward = r["subject"].value == x.value
        rel = stated if forward else PREREQUISITE_OF
        kind = "curated" if forward else "curated (inverse)"
        s1 = ExplainStep(
            compact(x.value),
            rel,
            compact(z.value),
            kind,
            _f(r.get("confidence")),
            _c(r.get("justification")),
            _v(r.get("comment")),
            compact(r["record"].value),
        )
        paths.append(ExplainPath(rel, "prerequisite", None, (s1,)))
    rank = {"curated": 0, "prerequisite": 1, "hierarchy": 2, "inferred": 3, "chain": 4}
    paths.sort(key=lambda p: (rank.get(p.kind, 4), p.via or "", p.relation or "~"))
    return Explanation(
        source=_brief(store, first), target=_brief(store, second), paths=tuple(paths)
    )


def _brief(store: Queryable, ident: str) -> ConceptBrief:
    from .rows import ConceptBrief

    d = concept(store, ident)
    return ConceptBrief(d.id, d.label, d.framework, d.section, d.definition or d.source_text)


# ------------------------------------------------------------------- any query
def run_query(
    store: Queryable,
    name_or_file: str,
    params: dict[str, str],
    *,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> QueryResult:
    """Run a shipped query (by name) or a user's .rq file with parameters typed by its
    header. The answer is generic, whatever the variables are called: a SELECT's variables
    and rows, an ASK's boolean, a CONSTRUCT/DESCRIBE's triples (see :class:`QueryResult`)."""
    from ..store import queries

    store = _view(store, reviewed_only, min_confidence)

    if name_or_file.endswith(".rq") or "/" in name_or_file:
        spec = queries.from_file(Path(name_or_file), endpoint=not isinstance(store, Store))
    else:
        spec = queries.get(name_or_file)
    from ..words import Said

    declared = {p.name: p for p in spec.parameters}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        names = ", ".join(declared) or "none"
        raise ParameterError(
            unknown[0],
            Said("query-no-parameter", query=spec.name, name=repr(unknown[0]), names=names),
        )
    bindings = {}
    for p in spec.parameters:
        if p.name not in params:
            if not p.optional:
                raise ParameterError(
                    p.name,
                    Said("query-needs-parameter", query=spec.name, name=p.name, kind=p.kind),
                )
            continue
        bindings[p.name] = _param_term(store, p.name, p.kind, params[p.name])
    from ..errors import QuerySyntaxError

    try:
        answer = queries.answer(store, spec, bindings)
    except QuerySyntaxError as exc:  # the embedded store
        raise _sparql_syntax_error(spec, exc.detail) from None
    except SyntaxError as exc:  # a parse before the query is sent (an endpoint)
        raise _sparql_syntax_error(spec, str(exc)) from None
    if spec.form is QueryForm.ASK:
        return QueryResult((), (), QueryForm.ASK, boolean=bool(answer))
    if spec.form is not QueryForm.SELECT:
        triples = tuple(answer)
        spo = tuple((_cell(t.subject), _cell(t.predicate), _cell(t.object)) for t in triples)
        return QueryResult(("subject", "predicate", "object"), spo, spec.form, triples=triples)
    # the answer's own variables: a SELECT * that matches nothing still has its columns
    variables = tuple(getattr(answer, "variables", None) or (answer[0] if answer else ()))
    rows = tuple(tuple(_cell(r.get(v)) for v in variables) for r in answer)
    return QueryResult(variables, rows)


def _param_term(store: Queryable, name: str, kind: str, raw: str) -> ox.NamedNode | ox.Literal:
    try:
        if kind == "iri":
            iri = expand(raw) or (raw if is_iri(raw) else None)
            if iri:
                return iri_node(iri, f"parameter {name}")
            try:
                return scheme_node(store, raw)
            except UnknownIdError:
                return resolve(store, raw)
        if kind == "integer":
            return ox.Literal(str(int(raw)), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
        if kind == "decimal":
            float(raw)
            return ox.Literal(raw, datatype=ox.NamedNode(PREFIXES["xsd"] + "decimal"))
        return ox.Literal(raw)
    except ValueError:
        raise ParameterError(name, f"parameter {name}={raw!r}: not a valid {kind}") from None


def _cell(term: Term | None) -> Value:
    """A term as a plain value: numbers and booleans typed, IRIs as CURIEs where a prefix
    fits, blank nodes as ``_:id``, other literals by their lexical form."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        try:
            if dt in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger"):
                return int(term.value)
            if dt in ("decimal", "double", "float"):
                return float(term.value)
        except ValueError:  # an ill-typed literal keeps its text
            return term.value
        if dt == "boolean" and term.value in ("true", "false", "1", "0"):
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return compact(term.value)


def _sparql_syntax_error(spec: QuerySpec, exc: str) -> InputError:
    """A query that does not parse, located as every file is (``file:line:column:``). The
    parser places an error it finds at the end after the last newline, on a line the file
    does not show: that is said as the end of the last line."""
    import re

    from ..errors import InputFileError
    from ..words import Said

    m = re.match(r"error at (\d+):(\d+): (.*)", exc, re.S)
    if not m or spec.path is None:
        return InputError(f"{spec.path or spec.name}: SPARQL syntax error: {exc}")
    line, column, msg = int(m.group(1)), int(m.group(2)), " ".join(m.group(3).split())
    shown = spec.text.rstrip("\n").split("\n")
    key = "sparql-syntax"
    if line > len(shown):
        line, column, key = len(shown), len(shown[-1]) + 1, "sparql-syntax-end"
    return InputFileError(spec.path, Said(key, msg=msg), line=line, column=column)
