"""How much of a framework a profile or curriculum covers, counted honestly.

docs/modelling.md ("Coverage: what counts") is the reference; in short:

* **What is counted.** The share counts what a qualification *requires*: its requirement
  items (competencies, their activities, knowledge, skills, attitudes, tasks). Context
  statements (and vision statements, benefits, organisational conditions) are reported
  apart, never in the share. Each item is counted once: an item that restates another
  (``hg:restates``, BK's V1-V11) is not an item of its own, and naming it names the item it
  restates. Example-only and inferred items (``hg:isExample``, ``hg:isInferred``, also
  through an ancestor) are listed but not counted.
* **How an item is covered** (:class:`~herstelgraph.model.CoverageStatus`), strongest first:
  ``direct`` (an outcome is aligned to the item itself), ``part-of`` (to an item it is part
  of: an activity of an aligned competency), ``all-parts`` (every one of its parts is
  covered: :func:`whole_covered`, the one rule validation uses too), then, only through
  another framework's item the profile names and a curated mapping, ``mapped`` (exact or
  close match); ``partial`` (some but not all of its parts are covered), ``related`` (only a
  broad, narrow or related mapping reaches it) and ``missing`` are not covered.
* **Own alignment and mappings are never mixed**: ``share`` is what the profile's own
  alignment covers; ``share_with_mappings`` adds what exact/close mappings cover; every
  mapped or related row names the item it goes through, the relation and the mapping's
  review status (:func:`review_status`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox

from ..errors import InputError, MissingDataError, ParameterError, UnknownIdError
from ..ids import compact, expand, iri_node, is_iri
from ..model import CoverageStatus, Record
from ..store.store import Queryable, Term
from ..vocab import HG
from .catalogue import _natural, _run, framework_id, scheme_node

PROFILE_TYPES = ("Profile", "RoleProfile", "PersonProfile", "Curriculum", "TeamProfile")

#: item types a qualification requires of a person: counted in the share
REQUIREMENT_TYPES = ("Competency", "Activity", "KnowledgeItem", "Skill", "Attitude", "Task")
#: item types that describe the context (where, for whom, the organisation): reported apart
CONTEXT_TYPES = (
    "ContextStatement", "VisionStatement", "Benefit", "OrganisationalCondition",
    "QualityRequirement", "Role", "Programme",
)  # fmt: skip


class ItemKind:
    """How an item counts: a requirement (in the share), context (apart) or an example."""

    REQUIREMENT = "requirement"
    CONTEXT = "context"
    EXAMPLE = "example"  # example-only or inferred: listed, not counted


#: exact and close matches cover; the other mapping relations only relate
COVERING_RELATIONS = ("skos:exactMatch", "skos:closeMatch")
RELATING_RELATIONS = ("skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch")
_RANK = {r: n for n, r in enumerate(COVERING_RELATIONS + RELATING_RELATIONS)}

#: the statuses that count as covered by the profile's own alignment
OWN = (CoverageStatus.DIRECT, CoverageStatus.PART_OF, CoverageStatus.ALL_PARTS)


# ----------------------------------------------------------------------------- the rule
def whole_covered(parts: int, covered_parts: int) -> bool:
    """Whether an item that is not named itself is covered by its parts: when it has parts
    and **every** one of them is covered (a BK competency by all of its activities).

    The one definition of "how much of a competency's activities counts as covering it",
    for coverage (``coverage_of``: status ``all-parts``) and for validation (the rules that
    let a profile cover a competency by naming all of its activities). Some but not all of
    the parts is ``partial``: shown, not counted.

    >>> whole_covered(4, 4), whole_covered(4, 3), whole_covered(0, 0)
    (True, False, False)
    """
    return parts > 0 and covered_parts == parts


def review_status(store: Queryable, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The review status of the curated mappings behind coverage, per (subject, object) IRI
    pair. Every mapping is read from the curated records and, until reviews are recorded,
    is ``unreviewed`` (shown as "niet beoordeeld" / "not reviewed"). The one place coverage
    asks for it, so the merged curated+review view can answer instead."""
    return {pair: "unreviewed" for pair in pairs}


# ----------------------------------------------------------------------------- records
@dataclass(frozen=True)
class ProfileItem(Record):
    """One item of a framework and how a profile covers it."""

    profile: str
    framework: str
    item: str
    notation: str | None
    label: str
    section: str | None
    section_label: str | None
    status: CoverageStatus
    via: str | None
    via_relation: str | None
    type: str | None = None
    kind: str = ItemKind.REQUIREMENT
    parent: str | None = None
    parts: int = 0
    parts_covered: int = 0
    review_status: str | None = None


@dataclass(frozen=True)
class ProfileSummary(Record):
    """Counts of a profile's coverage: all requirements, per section, or the context."""

    profile: str
    framework: str
    section: str | None
    section_label: str | None
    items: int
    direct: int
    mapped: int
    part_of: int
    partial: int
    missing: int
    share: float
    all_parts: int = 0
    related: int = 0
    share_with_mappings: float = 0.0
    kind: str = ItemKind.REQUIREMENT


def _value(term: Term | None) -> str:
    """The lexical value of a bound term (a query row's variable that is always bound)."""
    if term is None:
        raise ValueError("unbound variable")
    return str(term.value)


# ----------------------------------------------------------------------------- profiles
def profile_node(store: Queryable, ident: str) -> ox.NamedNode:
    """A profile's IRI from a CURIE (hgp:…) or IRI; unknown ones list the loaded profiles."""
    iri = expand(ident) or (ident if is_iri(ident) else None)
    known = [
        compact(_value(r["p"]))
        for r in store.select(
            "SELECT DISTINCT ?p WHERE { VALUES ?t { "
            + " ".join(f"hg:{t}" for t in PROFILE_TYPES)
            + " } ?p a ?t } ORDER BY ?p"
        )
    ]
    if iri and compact(iri) in known:
        return iri_node(iri, "profile")
    import difflib

    close = difflib.get_close_matches(ident, known, n=3, cutoff=0.4)
    if not known:
        raise MissingDataError(
            "profiles",
            f"unknown profile {ident!r}: no profiles are loaded; load the profile or "
            "curriculum file with the graph",
        )
    raise UnknownIdError(ident, close or known[:5])


# Same answer as profile_node for a loaded profile, in one ASK: profile_node lists every
# profile for its error message (9 ms of coverage_of's time with 2,000 profiles at 50x).
_IS_PROFILE = (
    "ASK WHERE { VALUES ?t { " + " ".join(f"hg:{t}" for t in PROFILE_TYPES) + " } ?p a ?t }"
)


def _profile_iri(store: Queryable, ident: str) -> ox.NamedNode:
    iri = expand(ident) or (ident if is_iri(ident) else None)
    try:
        node = iri_node(iri, "profile") if iri else None
    except InputError:
        node = None
    if node is not None and store.ask(_IS_PROFILE, {"p": node}):
        return node
    return profile_node(store, ident)  # unknown: its error names the loaded profiles


def claimed_frameworks(store: Queryable, node: ox.NamedNode) -> list[ox.NamedNode]:
    return [
        ox.NamedNode(_value(r["s"]))
        for r in store.select(
            "SELECT ?s WHERE { ?p dct:conformsTo ?s . ?s a hg:Framework } ORDER BY ?s",
            {"p": node},
        )
    ]


# ----------------------------------------------------------------------------- items
@dataclass
class _Item:
    iri: str
    notation: str | None = None
    label: str = ""
    types: set[str] | None = None
    restates: str | None = None
    parent: str | None = None
    example: bool = False
    deprecated: bool = False

    @property
    def type(self) -> str | None:
        types = self.types or set()
        for t in REQUIREMENT_TYPES + CONTEXT_TYPES:
            if t in types:
                return t
        return min(types) if types else None

    @property
    def kind(self) -> str:
        if self.example:
            return ItemKind.EXAMPLE
        return ItemKind.CONTEXT if self.type in CONTEXT_TYPES else ItemKind.REQUIREMENT


_ITEMS = """
SELECT ?item ?type ?label ?notation ?restates ?parent WHERE {
  ?item skos:inScheme ?scheme ; a skos:Concept .
  FILTER NOT EXISTS { ?item a hg:Section }
  OPTIONAL { ?item a ?type FILTER(STRSTARTS(STR(?type), STR(hg:)) && ?type != hg:Item) }
  OPTIONAL { ?item skos:prefLabel ?label FILTER(LANG(?label) = "nl") }
  OPTIONAL { ?item skos:notation ?notation }
  OPTIONAL { ?item hg:restates ?restates }
  OPTIONAL { ?item skos:broader ?parent . ?parent skos:inScheme ?scheme
             FILTER NOT EXISTS { ?parent a hg:Section } }
}"""
#: At most this many skos:broader steps below an example-only or inferred item are followed
#: (``_examples``); a hierarchy is a few levels deep, and the bound ends the walk on an
#: endpoint that labels blank nodes anew in every answer, should they form a cycle
_EXAMPLE_DEPTH = 100


def _examples(store: Queryable) -> set[str]:
    """The example-only and inferred items (``hg:isExample``, ``hg:isInferred``) and every
    node under one (``skos:broader``, any number of steps), in every scheme.

    Level by level from those items down, one query a level (the items ``depth`` steps
    below them), until a level finds nothing new. One query with ``?item skos:broader* ?e``
    gives the same items, but Oxigraph, with the framework's items bound, walked every
    item's ancestors (62-68 ms at 50x, 3,735 concepts, none an example, against 0.4 ms for
    the one query of level 0 here), and Virtuoso 7.2 answers the path from ``?e`` with no
    row at all; plain triple patterns give every engine the same answer.
    """
    found: set[str] = set()
    for depth in range(_EXAMPLE_DEPTH + 1):
        steps = "".join(f" ?x{i + 1} skos:broader ?x{i} ." for i in range(depth))
        query = (
            f"SELECT DISTINCT ?x{depth} WHERE {{ {{ ?x0 hg:isExample true }} UNION "
            f"{{ ?x0 hg:isInferred true }}{steps} }}"
        )
        level = {_value(r[f"x{depth}"]) for r in store.select(query)}
        if level <= found:
            break
        found |= level
    return found


def framework_items(store: Queryable, scheme: ox.NamedNode) -> dict[str, _Item]:
    """The items of a framework (not its sections) with type, label, notation, what they
    restate, their parent item and whether they are example-only or inferred."""
    items: dict[str, _Item] = {}
    for r in store.select(_ITEMS, {"scheme": scheme}):
        iri = _value(r["item"])
        it = items.get(iri)
        if it is None:
            it = items[iri] = _Item(iri, types=set())
        if r.get("type") is not None:
            assert it.types is not None
            it.types.add(r["type"].value.removeprefix(HG))
        if r.get("label") is not None and not it.label:
            it.label = r["label"].value
        if r.get("notation") is not None and it.notation is None:
            it.notation = r["notation"].value
        if r.get("restates") is not None:
            it.restates = r["restates"].value
        if r.get("parent") is not None:
            it.parent = r["parent"].value
    for iri in _examples(store):
        example = items.get(iri)
        if example is not None:
            example.example = True
    from .deprecation import deprecated_items

    for iri in deprecated_items(store):
        if iri in items:
            items[iri].deprecated = True
    return items


# ----------------------------------------------------------------------------- coverage
def coverage_of(
    store: Queryable,
    profile: str,
    framework: str | None = None,
    *,
    status: str | Sequence[str] | None = None,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
    include_deprecated: bool = False,
) -> list[ProfileItem]:
    """Each item of the framework (default: the ones the profile claims) and how the profile
    covers it (see the module doc for the statuses). Restating items are left out (they are
    covered through the item they restate), and so are deprecated items, which are no items
    of the framework any more (``include_deprecated`` lists them too). ``status``: only items
    with this status (or one of these), e.g. ``missing``; ``reviewed_only``/``min_confidence``:
    only mappings that pass the mapping filter count (``questions.filters``)."""
    from .filters import view

    store = view(store, reviewed_only, min_confidence)
    wanted = _statuses(status)
    node = _profile_iri(store, profile)
    if framework:
        schemes = [scheme_node(store, framework)]
    else:
        schemes = claimed_frameworks(store, node)
        if not schemes:
            from ..words import Said

            curriculum = store.ask("ASK WHERE { ?p a hg:Curriculum }", {"p": node})
            key = "curriculum-no-framework" if curriculum else "profile-no-framework"
            said = Said(key, profile=compact(node.value))
            raise ParameterError("framework", said)
    out: list[ProfileItem] = []
    prof = compact(node.value)
    for scheme in schemes:
        out.extend(_coverage_in(store, node, prof, scheme, include_deprecated))
    if wanted:
        out = [i for i in out if i.status in wanted]
    return out


def _statuses(status: str | Sequence[str] | None) -> set[str]:
    if not status:
        return set()
    names = [status] if isinstance(status, str) else list(status)
    bad = [s for s in names if s not in CoverageStatus.values()]
    if bad:
        known = ", ".join(CoverageStatus.values())
        raise ParameterError("status", f"unknown coverage status {bad[0]!r}; use {known}")
    return set(names)


def _coverage_in(
    store: Queryable,
    node: ox.NamedNode,
    prof: str,
    scheme: ox.NamedNode,
    include_deprecated: bool = False,
) -> list[ProfileItem]:
    fw = framework_id(scheme.value)
    items = framework_items(store, scheme)
    if not include_deprecated:
        items = {iri: it for iri, it in items.items() if not it.deprecated}
    named: set[str] = set()
    ways: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # item -> (via, rel, iri)
    ancestors: dict[str, list[str]] = defaultdict(list)
    for r in _run(store, "coverage-of", profile=node, scheme=scheme):
        if r.get("direct") is not None:
            named.add(r["item"].value)
        elif r.get("ancestor") is not None:
            ancestors[r["item"].value].append(r["ancestor"].value)
        else:
            rel = compact(r["viaRelation"].value)
            ways[r["item"].value].append((compact(r["via"].value), rel, r["via"].value))

    # a restating item named (or reached) counts for the item it restates
    def target(iri: str) -> str:
        it = items.get(iri)
        return it.restates if it is not None and it.restates else iri

    named = {target(i) for i in named}
    ways = _merge(ways, target)
    ancestors = _merge(ancestors, target)

    children: dict[str, list[str]] = defaultdict(list)
    for iri, it in items.items():
        if it.parent and it.parent in items and not it.restates and not it.example:
            children[it.parent].append(iri)

    own: dict[str, str | None] = {}

    def own_status(iri: str) -> str | None:
        """direct, part-of, all-parts or None: the profile's own alignment."""
        if iri in own:
            return own[iri]
        own[iri] = None  # a cycle in broader reads as not covered
        if iri in named:
            found: str | None = CoverageStatus.DIRECT
        elif iri in ancestors:
            found = CoverageStatus.PART_OF
        else:
            parts = children.get(iri, ())
            done = sum(own_status(p) is not None for p in parts)
            found = CoverageStatus.ALL_PARTS if whole_covered(len(parts), done) else None
        own[iri] = found
        return found

    sections: dict[str, tuple[str, str | None]] = {}
    for r in _run(store, "item-sections", scheme=scheme):
        iri = r["item"].value
        if iri not in sections:
            top_label = r["topLabel"].value if r.get("topLabel") is not None else None
            sections[iri] = (compact(r["top"].value), top_label)
    pairs = {(w[2], iri) for iri, found in ways.items() for w in found}
    reviews = review_status(store, pairs)
    out = []
    for iri, it in items.items():
        if it.restates:
            continue  # counted once, through the item it restates
        parts = children.get(iri, [])
        done = sum(own_status(p) is not None for p in parts)
        status = own_status(iri)
        via = relation = review = None
        if status is None:
            found = sorted(ways.get(iri, ()), key=lambda w: (_RANK.get(w[1], 9), w[0]))
            strong = [w for w in found if w[1] in COVERING_RELATIONS]
            if strong:
                status = CoverageStatus.MAPPED
                via, relation, via_iri = strong[0]
            elif done:
                status = CoverageStatus.PARTIAL
            elif found:
                status = CoverageStatus.RELATED
                via, relation, via_iri = found[0]
            else:
                status = CoverageStatus.MISSING
            if via is not None:
                review = reviews.get((via_iri, iri))
        elif status == CoverageStatus.PART_OF:
            via = compact(min(ancestors[iri]))
            relation = "skos:broaderTransitive"
        section, section_label = sections.get(iri, (None, None))
        out.append(
            ProfileItem(
                profile=prof,
                framework=fw,
                item=compact(iri),
                notation=it.notation,
                label=it.label,
                section=section,
                section_label=section_label,
                status=CoverageStatus(status),
                via=via,
                via_relation=relation,
                type=it.type,
                kind=it.kind,
                parent=compact(it.parent) if it.parent else None,
                parts=len(parts),
                parts_covered=done,
                review_status=review,
            )
        )
    out.sort(key=lambda p: (_natural(p.notation), _natural(p.item)))
    return out


_V = TypeVar("_V")


def _merge(found: dict[str, list[_V]], target: Callable[[str], str]) -> dict[str, list[_V]]:
    out: dict[str, list[_V]] = defaultdict(list)
    for iri, values in found.items():
        out[target(iri)].extend(values)
    return out


#: (profile, framework, item kind, section or None for all of them, the section's label)
_SummaryKey = tuple[str, str, str, str | None, str | None]


def coverage_summary(items: list[ProfileItem]) -> list[ProfileSummary]:
    """Per framework: the requirements ('all'), each top section's requirements, and the
    context statements apart (kind 'context'). Example-only items are not counted."""
    groups: dict[_SummaryKey, list[ProfileItem]] = defaultdict(list)
    for it in items:
        if it.kind == ItemKind.REQUIREMENT:
            groups[(it.profile, it.framework, ItemKind.REQUIREMENT, None, None)].append(it)
            key = (it.profile, it.framework, ItemKind.REQUIREMENT, it.section, it.section_label)
            groups[key].append(it)
        elif it.kind == ItemKind.CONTEXT:
            groups[(it.profile, it.framework, ItemKind.CONTEXT, None, None)].append(it)
    out = []
    for (prof, fw, kind, sec, sec_label), members in groups.items():
        counts: dict[str, int] = defaultdict(int)
        for m in members:
            counts[m.status] += 1
        own = sum(counts[s] for s in OWN)
        n = len(members)
        # the summary rows' labels; the CLI's tables say "totaal" (render.View totals)
        label = sec_label if sec else ("(all)" if kind == ItemKind.REQUIREMENT else "(context)")
        out.append(
            ProfileSummary(
                profile=prof,
                framework=fw,
                section=sec,
                section_label=label,
                items=n,
                direct=counts[CoverageStatus.DIRECT],
                mapped=counts[CoverageStatus.MAPPED],
                part_of=counts[CoverageStatus.PART_OF],
                partial=counts[CoverageStatus.PARTIAL],
                missing=counts[CoverageStatus.MISSING],
                share=round(own / n, 4) if n else 0.0,
                all_parts=counts[CoverageStatus.ALL_PARTS],
                related=counts[CoverageStatus.RELATED],
                share_with_mappings=round((own + counts[CoverageStatus.MAPPED]) / n, 4)
                if n
                else 0.0,
                kind=kind,
            )
        )
    order = {ItemKind.REQUIREMENT: 0, ItemKind.CONTEXT: 2}
    return sorted(
        out,
        key=lambda s: (
            s.framework,
            order[s.kind] + (s.section is not None),
            _natural(s.section),
        ),
    )


__all__ = [
    "CONTEXT_TYPES",
    "REQUIREMENT_TYPES",
    "ItemKind",
    "ProfileItem",
    "ProfileSummary",
    "coverage_of",
    "coverage_summary",
    "profile_node",
    "review_status",
    "whole_covered",
]
