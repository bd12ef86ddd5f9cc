"""What changed between two states of the graph (``herstelgraph diff OLD NEW``).

Per framework:

* **concepts** added, removed (the IRI is gone: a release must deprecate instead), deprecated
  (``owl:deprecated``, with the successor ``dct:isReplacedBy``) or changed — in label
  (``skos:prefLabel``@nl), definition, hierarchy (``skos:broader``), type or notation — with
  the text before and after;
* **mappings** added, removed, retyped (another relation on the same record: records are
  followed by ``record_id``, which stays when a record is only retyped), or changed in
  confidence or review status (the merged view of the experts' review files), per pair of
  frameworks;
* **coverage** before and after: the figures of ``herstelgraph coverage`` (share of A's
  items mapped into B) for every ordered pair.

The states are loaded as the shipped graph is (``checks.states``); each is compared by the
IRIs and record IDs it holds, so the answer does not depend on file layout or order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..ids import compact
from ..model import Record
from ..vocab import NO_TERM_CURIE, PREFIXES
from .states import State

#: what a concept change is
ADDED, REMOVED, DEPRECATED, CHANGED = "added", "removed", "deprecated", "modified"
#: what a mapping change is (beside added and removed)
RETYPED, CONFIDENCE, REVIEW = "retyped", "confidence-changed", "review-changed"
#: the fields of a concept that are compared, in the order changes are listed
FIELDS = ("skos:prefLabel", "skos:definition", "skos:broader", "rdf:type", "skos:notation")
REPLACED_BY = "dct:isReplacedBy"
JOIN = " | "


# ---------------------------------------------------------------------------- records
@dataclass(frozen=True)
class StateSummary(Record):
    """One side of a comparison: the state's name, version and size."""

    name: str
    version: str | None
    commit: str | None
    concepts: int
    deprecated: int
    mappings: int


@dataclass(frozen=True)
class FrameworkChanges(Record):
    """Per framework: how many concepts and mappings changed, and how."""

    framework: str
    concepts_before: int
    concepts_after: int
    added: int
    removed: int
    deprecated: int
    changed: int
    mappings_added: int
    mappings_removed: int
    retyped: int
    confidence_changed: int
    review_changed: int


@dataclass(frozen=True)
class ConceptChange(Record):
    """One change to a concept: added, removed, deprecated (``property`` dct:isReplacedBy, the
    successor after) or a changed property, with the text before and after."""

    framework: str
    item: str
    notation: str | None
    label: str
    change: str
    property: str | None
    before: str | None
    after: str | None


@dataclass(frozen=True)
class MappingChange(Record):
    """One change to a mapping record, per pair of frameworks; ``relation`` is the record's
    relation in the new state (the old one for a removed record)."""

    pair: str
    record: str
    subject: str
    relation: str
    object: str
    change: str
    before: str | None
    after: str | None
    subject_label: str = ""
    object_label: str = ""


@dataclass(frozen=True)
class CoverageChange(Record):
    """``herstelgraph coverage`` for one ordered pair, before and after (None: the pair is
    not aligned in that state)."""

    a: str
    b: str
    items_before: int | None
    items_after: int | None
    mapped_before: int | None
    mapped_after: int | None
    no_match_before: int | None
    no_match_after: int | None
    share_before: float | None
    share_after: float | None


@dataclass(frozen=True)
class ReleaseDiff(Record):
    """The whole comparison."""

    old: StateSummary
    new: StateSummary
    frameworks: tuple[FrameworkChanges, ...]
    concepts: tuple[ConceptChange, ...]
    mappings: tuple[MappingChange, ...]
    coverage: tuple[CoverageChange, ...]

    @property
    def empty(self) -> bool:
        return not self.concepts and not self.mappings


# ---------------------------------------------------------------------------- reading
@dataclass(frozen=True)
class _Concept:
    iri: str
    framework: str
    notation: str | None
    label: str
    fields: dict
    deprecated: bool
    replaced_by: tuple[str, ...]


@dataclass(frozen=True)
class _Mapping:
    record: str
    subject: str
    predicate: str
    object: str
    object_source: str
    confidence: float | None
    review: str


def _fw(iri_or_curie: str) -> str:
    from ..questions.catalogue import framework_id

    if "://" not in iri_or_curie:
        prefix = iri_or_curie.split(":", 1)[0]
        if prefix in PREFIXES:
            return framework_id(PREFIXES[prefix] + "scheme")
        return prefix
    return framework_id(iri_or_curie)


def read_concepts(store) -> dict[str, _Concept]:
    """Every concept of a store's schemes with the fields the diff compares."""
    single: dict[str, dict] = defaultdict(dict)
    for r in store.select("SELECT ?c ?s WHERE { ?c a skos:Concept ; skos:inScheme ?s }"):
        single[r["c"].value].setdefault("scheme", set()).add(r["s"].value)
    for r in store.select(
        "SELECT ?c ?p ?v WHERE { ?c a skos:Concept ; skos:inScheme ?s . ?c ?p ?v . "
        "VALUES ?p { skos:prefLabel skos:definition skos:notation } }"
    ):
        c, p, v = r["c"].value, compact(r["p"].value), r["v"]
        lang = getattr(v, "language", None) or ""
        single[c].setdefault(p, []).append((lang != "nl", lang, v.value))
    multi: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in store.select(
        "SELECT ?c ?p ?v WHERE { ?c a skos:Concept ; skos:inScheme ?s . ?c ?p ?v . "
        "VALUES ?p { skos:broader rdf:type dct:isReplacedBy } }"
    ):
        p, v = compact(r["p"].value), r["v"].value
        if p == "rdf:type" and (not v.startswith(PREFIXES["hg"]) or v == PREFIXES["hg"] + "Item"):
            continue
        multi[r["c"].value][p].add(compact(v))
    deprecated = {
        r["c"].value
        for r in store.select(
            "SELECT ?c WHERE { ?c a skos:Concept ; owl:deprecated ?d FILTER(?d = true) }"
        )
    }
    out = {}
    for iri, entry in single.items():
        fields = {}
        for p in ("skos:prefLabel", "skos:definition", "skos:notation"):
            values = sorted(entry.get(p, []))
            # the Dutch text first (the sources' own words), else any other
            fields[p] = values[0][2] if values else None
        for p in ("skos:broader", "rdf:type"):
            values = sorted(multi[iri].get(p, ()))
            fields[p] = JOIN.join(values) if values else None
        out[iri] = _Concept(
            iri=iri,
            framework=_fw(min(entry["scheme"])),
            notation=fields["skos:notation"],
            label=fields["skos:prefLabel"] or "",
            fields=fields,
            deprecated=iri in deprecated,
            replaced_by=tuple(sorted(multi[iri].get(REPLACED_BY, ()))),
        )
    return out


def _review_word(status: str, support: int) -> str:
    return f"{status} ({support})" if support else status


def read_mappings(store) -> dict[str, _Mapping]:
    """Every mapping record of a store, curated and made in review, with its review status
    in the merged view (record CURIE -> record)."""
    from ..curation.review.merge import review_state
    from ..curation.review.records import stated

    out: dict[str, _Mapping] = {}
    for claim in review_state(store).claims.values():
        review = _review_word(str(claim.status), claim.support)
        c = claim.curated
        if c is not None:
            out[c.record] = _Mapping(
                c.record, c.subject, c.predicate, c.object, c.object_source, c.confidence, review
            )
        if claim.record is not None and (c is None or claim.record != c.record):
            s, p, o = stated(claim.key, claim.effective or "")
            out[claim.record] = _Mapping(claim.record, s, p, o, "", None, review)
    return out


def _pair(m: _Mapping) -> str:
    from ..curation.sssom import FRAMEWORKS

    a = _fw(m.subject)
    b = _fw(m.object_source) if m.object == NO_TERM_CURIE else _fw(m.object)

    def rank(f: str) -> tuple[int, str]:
        return (FRAMEWORKS.index(f) if f in FRAMEWORKS else len(FRAMEWORKS), f)

    first, second = sorted((a, b), key=rank)
    return f"{first} ↔ {second}"


def _conf(x: float | None) -> str | None:
    return None if x is None else f"{x:g}"


# ---------------------------------------------------------------------------- comparing
def concept_changes(old: dict[str, _Concept], new: dict[str, _Concept]) -> list[ConceptChange]:
    out: list[ConceptChange] = []
    for iri in sorted(set(old) | set(new)):
        a, b = old.get(iri), new.get(iri)
        cur = b or a
        assert cur is not None
        item = compact(iri)

        def row(change: str, field: str | None, before, after, cur=cur, item=item) -> None:
            out.append(
                ConceptChange(
                    cur.framework, item, cur.notation, cur.label, change, field, before, after
                )
            )

        if a is None:
            assert b is not None
            row(ADDED, None, None, b.label)
            if b.deprecated:  # added and deprecated at once: still say what replaced it
                row(DEPRECATED, REPLACED_BY, None, JOIN.join(b.replaced_by) or None)
            continue
        if b is None:
            row(REMOVED, None, a.label, None)
            continue
        if b.deprecated and not a.deprecated:
            row(DEPRECATED, REPLACED_BY, None, JOIN.join(b.replaced_by) or None)
        elif b.deprecated and a.replaced_by != b.replaced_by:
            row(CHANGED, REPLACED_BY, JOIN.join(a.replaced_by) or None,
                JOIN.join(b.replaced_by) or None)  # fmt: skip
        elif a.deprecated and not b.deprecated:
            row(CHANGED, "owl:deprecated", "true", None)
        for f in FIELDS:
            if a.fields.get(f) != b.fields.get(f):
                row(CHANGED, f, a.fields.get(f), b.fields.get(f))
    return sorted(out, key=_concept_key)


def _concept_key(c: ConceptChange) -> tuple:
    from ..questions.catalogue import _natural

    kinds = (REMOVED, DEPRECATED, CHANGED, ADDED)
    order = {f: i for i, f in enumerate((REPLACED_BY, "owl:deprecated", *FIELDS))}
    return (c.framework, kinds.index(c.change), _natural(c.notation), c.item,
            order.get(c.property or "", -1))  # fmt: skip


def mapping_changes(
    old: dict[str, _Mapping], new: dict[str, _Mapping], labels: dict[str, str]
) -> list[MappingChange]:
    out: list[MappingChange] = []
    for rid in sorted(set(old) | set(new)):
        a, b = old.get(rid), new.get(rid)
        cur = b or a
        assert cur is not None

        def row(change: str, before, after, cur=cur, rid=rid) -> None:
            out.append(
                MappingChange(
                    _pair(cur), rid, cur.subject, cur.predicate, cur.object, change, before,
                    after, labels.get(cur.subject, ""), labels.get(cur.object, ""),
                )
            )  # fmt: skip

        if a is None:
            assert b is not None
            row(ADDED, None, b.predicate)
        elif b is None:
            row(REMOVED, a.predicate, None)
        else:
            if a.predicate != b.predicate:
                row(RETYPED, a.predicate, b.predicate)
            if _conf(a.confidence) != _conf(b.confidence):
                row(CONFIDENCE, _conf(a.confidence), _conf(b.confidence))
            if a.review != b.review:
                row(REVIEW, a.review, b.review)
    kinds = (REMOVED, RETYPED, CONFIDENCE, REVIEW, ADDED)
    return sorted(out, key=lambda m: (m.pair, kinds.index(m.change), m.subject, m.object, m.record))


def coverage_changes(old_store, new_store) -> list[CoverageChange]:
    from ..questions.alignment import coverage

    def figures(store) -> dict[tuple[str, str], tuple[int, int, int, float]]:
        return {
            (r.a, r.b): (r.items, r.mapped, r.no_match, r.share)
            for r in coverage(store)
            if r.scope == "framework"
        }

    before, after = figures(old_store), figures(new_store)
    out = []
    for a, b in sorted(set(before) | set(after)):
        x = before.get((a, b), (None, None, None, None))
        y = after.get((a, b), (None, None, None, None))
        out.append(CoverageChange(a, b, x[0], y[0], x[1], y[1], x[2], y[2], x[3], y[3]))
    return out


def framework_changes(
    old: dict[str, _Concept],
    new: dict[str, _Concept],
    concepts: Iterable[ConceptChange],
    mappings: Iterable[MappingChange],
) -> list[FrameworkChanges]:
    def live(cs: dict[str, _Concept], fw: str) -> int:
        return sum(1 for c in cs.values() if c.framework == fw and not c.deprecated)

    fws = sorted({c.framework for c in old.values()} | {c.framework for c in new.values()})
    items: dict[str, dict[str, set[str]]] = {f: defaultdict(set) for f in fws}
    for c in concepts:
        items.setdefault(c.framework, defaultdict(set))[c.change].add(c.item)
    maps: dict[str, dict[str, int]] = {f: defaultdict(int) for f in fws}
    for m in mappings:
        for f in set(m.pair.split(" ↔ ")):
            maps.setdefault(f, defaultdict(int))[m.change] += 1
    out = []
    for f in sorted(set(items) | set(maps)):
        ch, mp = items.get(f, {}), maps.get(f, {})
        changed = ch.get(CHANGED, set()) - ch.get(DEPRECATED, set())
        out.append(
            FrameworkChanges(
                f, live(old, f), live(new, f), len(ch.get(ADDED, ())), len(ch.get(REMOVED, ())),
                len(ch.get(DEPRECATED, ())), len(changed), mp.get(ADDED, 0), mp.get(REMOVED, 0),
                mp.get(RETYPED, 0), mp.get(CONFIDENCE, 0), mp.get(REVIEW, 0),
            )
        )  # fmt: skip
    return out


def _summary(state: State, concepts: dict[str, _Concept], mappings: dict) -> StateSummary:
    return StateSummary(
        name=state.name,
        version=state.version,
        commit=state.commit,
        concepts=sum(1 for c in concepts.values() if not c.deprecated),
        deprecated=sum(1 for c in concepts.values() if c.deprecated),
        mappings=len(mappings),
    )


def diff_stores(old_state: State, old_store, new_state: State, new_store) -> ReleaseDiff:
    """The comparison of two loaded states."""
    old_c, new_c = read_concepts(old_store), read_concepts(new_store)
    old_m, new_m = read_mappings(old_store), read_mappings(new_store)
    labels = {compact(c.iri): c.label for c in old_c.values()}
    labels.update({compact(c.iri): c.label for c in new_c.values()})
    concepts = concept_changes(old_c, new_c)
    mappings = mapping_changes(old_m, new_m, labels)
    return ReleaseDiff(
        old=_summary(old_state, old_c, old_m),
        new=_summary(new_state, new_c, new_m),
        frameworks=tuple(framework_changes(old_c, new_c, concepts, mappings)),
        concepts=tuple(concepts),
        mappings=tuple(mappings),
        coverage=tuple(coverage_changes(old_store, new_store)),
    )


def diff(old: str | None, new: str | None = None, *, repo=None) -> ReleaseDiff:
    """Compare two states (``checks.states``: ``git:REF``, a release folder, a folder with
    ontology/ and mappings/, or ``current``/None for the shipped graph)."""
    from .states import load_state, open_state

    with open_state(old, repo=repo) as a, open_state(new, repo=repo) as b:
        return diff_stores(a, load_state(a), b, load_state(b))
