"""What the graph holds: frameworks, their concepts, one concept in full, the overview."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import AmbiguousIdError, ParameterError, UnknownFrameworkError, UnknownIdError
from ..ids import compact, expand, iri_node, is_iri
from ..store import queries
from ..store.store import Binding, Queryable, Row, Term
from ..vocab import FRAMEWORK_PREFIXES, HG, PREFIXES, SKOS

if TYPE_CHECKING:  # each question imports its records when it runs (``herstelgraph.results``)
    from ..results import Concept, ConceptDetail, Figure, Framework, Overview


def value(term: Term | None) -> str | None:
    return None if term is None else term.value


_DIGITS = re.compile(r"(\d+)")


def _natural(text: str | None) -> list[int | str]:
    """Sort key that puts C2 before C10 and K9 before K47."""
    # by position, not str.isdigit: that is also true of '¹', which int() refuses
    return [int(t) if i % 2 else t for i, t in enumerate(_DIGITS.split(text or ""))]


def _run(store: Queryable, name: str, **bindings: Binding) -> list[Row]:
    spec = queries.get(name)
    return store.select(spec.text, bindings, entailment=spec.entailment, anchor=spec.anchor)


def frameworks(store: Queryable) -> list[Framework]:
    """Every framework scheme with its title, level and number of concepts."""
    from ..results import Framework

    out = []
    for row in _run(store, "frameworks"):
        vks = row.get("vks")
        out.append(
            Framework(
                id=framework_id(row["scheme"].value),
                iri=row["scheme"].value,
                title=value(row.get("title")) or "",
                identifier=value(row.get("identifier")),
                concepts=int(row["concepts"].value),
                version=value(row.get("version")),
                eqf=value(row.get("eqf")),
                vks=int(vks.value) if vks is not None else None,
            )
        )
    return out


@lru_cache(maxsize=4096)
def framework_id(scheme_iri: str) -> str:
    """The short name users type for a framework: the last path segment of its namespace.
    Cached: it runs once per answer row (10k times for coverage at 50x)."""
    for prefix in FRAMEWORK_PREFIXES:
        ns = PREFIXES[prefix]
        if scheme_iri.startswith(ns):
            return ns.rstrip("/").rsplit("/", 1)[-1]
    return compact(scheme_iri)


def scheme_node(store: Queryable, name: str) -> ox.NamedNode:
    """Resolve a framework name to its scheme IRI, in any case: the short name (bk-0597-1),
    the identifier (BK-0597-1), the prefix (bk, valente), ``bk:scheme`` or the IRI.

    >>> import herstelgraph
    >>> from herstelgraph.questions.catalogue import scheme_node
    >>> scheme_node(herstelgraph.load(), "BK").value
    'https://w3id.org/herstelgraph/bk-0597-1/scheme'
    """
    # the scheme IRIs only: frameworks() also counts every concept (0.1 s at 50x, and every
    # alignment question resolves one to three names; docs/performance.md)
    schemes = store.select(
        "SELECT ?s ?id WHERE { ?s a hg:Framework OPTIONAL { ?s dct:identifier ?id } }"
    )
    names: dict[str, str] = {}
    for r in schemes:
        iri = r["s"].value
        names[iri.lower()] = iri
        names[framework_id(iri).lower()] = iri
        if r.get("id") is not None:
            names[r["id"].value.lower()] = iri
    for p in FRAMEWORK_PREFIXES:
        iri = PREFIXES[p] + "scheme"
        if iri in names.values():
            names[p] = names[f"{p}:scheme"] = iri
    key = name.strip().lower()
    if key in names:
        return ox.NamedNode(names[key])
    raise UnknownFrameworkError(name, sorted({framework_id(r["s"].value) for r in schemes}))


def item_types(store: Queryable) -> tuple[str, ...]:
    """The item types a framework concept can have: the ontology's subclasses of hg:Item,
    and the hg: types concepts carry (a graph loaded without the core ontology)."""
    rows = store.select(
        "SELECT DISTINCT ?t WHERE { { ?t rdfs:subClassOf+ hg:Item } UNION "
        "{ ?c a skos:Concept, ?t FILTER(STRSTARTS(STR(?t), STR(hg:)) && ?t != hg:Item) } }"
    )
    return tuple(sorted(compact(r["t"].value).removeprefix("hg:") for r in rows))


def type_node(store: Queryable, item_type: str | None) -> ox.NamedNode | None:
    """The class IRI of an item type given as a local name (KnowledgeItem, in any case), a
    CURIE, an IRI or the ontology's Dutch or English label (kennisitem); an unknown type
    raises ParameterError listing the known ones."""
    if not item_type:
        return None
    known = item_types(store)
    by_lower = {t.lower(): t for t in known}
    name = item_type.strip().removeprefix("hg:")
    if name.lower() in by_lower:
        return ox.NamedNode(HG + by_lower[name.lower()])
    iri = item_type if is_iri(item_type) else expand(item_type)
    if iri and compact(iri).removeprefix("hg:") in known:
        return iri_node(iri, "type")
    from ..words import type_names

    # the ontology's Dutch and English words: kennisitem, knowledge item
    curie = type_names().get(item_type.strip().lower(), "")
    if curie.removeprefix("hg:") in known:
        return ox.NamedNode(HG + curie.removeprefix("hg:"))
    from ..words import Said, TypeWord

    # each known type in the user's words too (kennisitem), which --type also accepts
    words = tuple(TypeWord(k) for k in known)
    raise ParameterError("item_type", Said("unknown-type", type=repr(item_type), known=words))


def concepts(
    store: Queryable,
    framework: str,
    *,
    item_type: str | None = None,
    include_deprecated: bool = False,
) -> list[Concept]:
    """A framework's concepts in source order, optionally of one item type (KnowledgeItem).
    Deprecated items (``owl:deprecated``) are left out unless ``include_deprecated``.

    >>> import herstelgraph
    >>> store = herstelgraph.load()
    >>> [c.notation for c in herstelgraph.concepts(store, "bk", item_type="Competency")][:3]
    ['C1', 'C2', 'C3']
    """
    from ..results import Concept

    node = scheme_node(store, framework)
    rows = _run(store, "concepts", scheme=node, type=type_node(store, item_type))
    # one row per (concept, type): keep the most specific type, then build each concept once
    best: dict[str, Row] = {}
    item = ox.NamedNode(HG + "Item")
    for row in rows:
        iri = row["concept"].value
        if iri not in best or row["type"] != item:
            best[iri] = row
    framework = framework_id(node.value)
    types = {t: compact(t.value).removeprefix("hg:") for t in {r["type"] for r in best.values()}}
    from .deprecation import skip_deprecated

    gone = skip_deprecated(store, best, include_deprecated)
    out = []
    for iri, row in best.items():
        if iri in gone:
            continue
        notation, label, section, broader = (
            row.get("notation"), row.get("label"), row.get("section"), row.get("broader")
        )  # fmt: skip
        out.append(
            Concept(
                id=compact(iri),
                iri=iri,
                notation=None if notation is None else notation.value,
                label="" if label is None else label.value,
                type=types[row["type"]],
                framework=framework,
                section=None if section is None else section.value,
                broader=None if broader is None else compact(broader.value),
            )
        )
    return sorted(out, key=lambda c: (_natural(c.notation), c.id))


def resolve(store: Queryable, ident: str) -> ox.NamedNode:
    """A concept's IRI from a CURIE, a full IRI or a notation (optionally prefixed: bk:C2).
    CURIEs and notations match in any case (``BK:Kennis-12``, ``c2.a3``); a notation that
    several frameworks use raises :class:`AmbiguousIdError` with the prefixed choices.

    >>> import herstelgraph
    >>> herstelgraph.resolve(herstelgraph.load(), "BK:Kennis-12").value
    'https://w3id.org/herstelgraph/bk-0597-1/kennis-12'
    """
    ident = ident.strip()
    prefix, _, rest = ident.partition(":")
    candidates = [ident]
    if rest and not rest.startswith("//"):  # the project's IRIs are lower case
        candidates.append(f"{prefix.lower()}:{rest.lower()}")
    for cand in candidates:
        iri = expand(cand) or (cand if is_iri(cand) else None)
        if iri:
            node = iri_node(iri, "ID")
            if store.ask("ASK WHERE { ?s ?p ?o }", {"s": node}):
                return node
    scheme = None
    notation = ident
    prefix = prefix.lower()
    if rest and prefix in FRAMEWORK_PREFIXES:
        scheme, notation = ox.NamedNode(PREFIXES[prefix] + "scheme"), rest
    rows = _run(store, "resolve", notation=ox.Literal(notation), scheme=scheme)
    if len(rows) == 1:
        concept = rows[0]["concept"]
        if isinstance(concept, ox.NamedNode):  # the project's concepts are IRIs
            return concept
    if len(rows) > 1:
        options = [f"{compact(r['scheme'].value).split(':')[0]}:{notation}" for r in rows]
        raise AmbiguousIdError(ident, sorted(options))
    raise UnknownIdError(ident, suggest(store, ident))


def suggest(store: Queryable, ident: str, n: int = 3) -> list[str]:
    """The closest IDs, notations and labels to what the user typed."""
    names: dict[str, str] = {}
    for row in store.select(
        "SELECT ?c ?n ?l WHERE { ?c a skos:Concept . OPTIONAL { ?c skos:notation ?n } "
        "OPTIONAL { ?c skos:prefLabel ?l } }"
    ):
        cid = compact(row["c"].value)
        names[cid] = cid
        if row.get("n") is not None:
            names[f"{cid.split(':')[0]}:{row['n'].value}"] = cid
        if row.get("l") is not None:
            names[row["l"].value.lower()] = cid
    import difflib  # only for a name that is not found

    hits = difflib.get_close_matches(ident.lower(), list(names), n=n * 3, cutoff=0.5)
    return list(dict.fromkeys(names[h] for h in hits))[:n]


def concept(store: Queryable, ident: str) -> ConceptDetail:
    """One concept with its labels, source, hierarchy and knowledge links."""
    from ..results import ConceptDetail

    node = resolve(store, ident)
    props: dict[str, list[Term]] = {}
    for row in _run(store, "concept", concept=node):
        props.setdefault(row["p"].value, []).append(row["o"])

    def nl(p: str) -> str | None:
        terms = [t for t in props.get(p, []) if isinstance(t, ox.Literal)]
        preferred = [t for t in terms if t.language == "nl"] or terms
        return preferred[0].value if preferred else None

    def en(p: str) -> str | None:
        return next(
            (t.value for t in props.get(p, []) if isinstance(t, ox.Literal) and t.language == "en"),
            None,
        )

    def texts(p: str) -> tuple[str, ...]:
        return tuple(sorted(t.value for t in props.get(p, []) if isinstance(t, ox.Literal)))

    def ids(p: str) -> tuple[str, ...]:
        return tuple(
            sorted(
                (compact(t.value) for t in props.get(p, []) if isinstance(t, ox.NamedNode)),
                key=_natural,
            )
        )

    inverse: dict[str, list[str]] = {}
    for row in _run(store, "concept-inverse", concept=node):
        inverse.setdefault(row["p"].value, []).append(compact(row["s"].value))
    # full IRIs: an imported framework's scheme has no project prefix to compact to
    schemes = sorted(
        t.value for t in props.get(SKOS + "inScheme", []) if isinstance(t, ox.NamedNode)
    )
    return ConceptDetail(
        id=compact(node.value),
        iri=node.value,
        notation=nl(SKOS + "notation"),
        label=nl(SKOS + "prefLabel") or "",
        types=tuple(t.removeprefix("hg:") for t in ids(PREFIXES["rdf"] + "type")),
        framework=framework_id(schemes[0]) if schemes else "",
        section=nl(HG + "sourceSection"),
        definition=nl(SKOS + "definition"),
        source_text=nl(HG + "sourceText"),
        source_document=next(iter(ids(HG + "sourceDocument")), None),
        alt_labels=texts(SKOS + "altLabel"),
        broader=ids(SKOS + "broader"),
        narrower=ids(SKOS + "narrower"),
        applies_at=ids(HG + "appliesAt"),
        requires_knowledge=ids(HG + "requiresKnowledge"),
        required_by=tuple(sorted(inverse.get(HG + "requiresKnowledge", []), key=_natural)),
        members_of=tuple(sorted(inverse.get(SKOS + "member", []), key=_natural)),
        scope_notes=texts(SKOS + "scopeNote"),
        editorial_notes=texts(SKOS + "editorialNote"),
        deprecated=any(
            isinstance(t, ox.Literal) and t.value == "true"
            for t in props.get(PREFIXES["owl"] + "deprecated", [])
        ),
        replaced_by=ids(PREFIXES["dct"] + "isReplacedBy"),
        label_en=en(SKOS + "prefLabel"),
        definition_en=en(SKOS + "definition"),
    )


def overview(store: Queryable) -> Overview:
    """The main job's summary: frameworks, concepts per type, mappings per pair."""
    from ..results import Overview, PairCount, TypeCount

    types = [
        TypeCount(
            framework=framework_id(r["scheme"].value),
            type=compact(r["type"].value).removeprefix("hg:"),
            concepts=int(r["concepts"].value),
        )
        for r in _run(store, "concept-types")
        if r["type"].value != HG + "Item"
    ]
    pairs = [
        PairCount(
            subject_framework=framework_id(r["subjectScheme"].value),
            object_framework=framework_id(r["objectScheme"].value),
            relation=compact(r["relation"].value),
            mappings=int(r["mappings"].value),
        )
        for r in _run(store, "mapping-pairs")
    ]
    return Overview(frameworks=tuple(frameworks(store)), types=tuple(types), pairs=tuple(pairs))


#: Above this many items english_texts reads every English text instead of binding the items:
#: at 50x (15,340 items) binding 846 items took 0.10 s and the scan 0.51 s, 5,000 items 0.59
#: and 0.52 s, all of them 1.6 and 0.76 s (docs/performance.md, decision 28)
_VALUES_LIMIT = 4000


def english_texts(
    store: Queryable, ids: set[str] | frozenset[str], *, definitions: bool = True
) -> dict[str, tuple[str | None, str | None]]:
    """The English prefLabel and definition (the translations) of items, by the ID or IRI
    they were asked by (and by CURIE): one query with a VALUES row per item
    (english-texts.rq). An ID that names no IRI, or an item without a translation, is left
    out. ``definitions`` False: the labels only (english-labels.rq, one lookup per item
    instead of two), every definition None."""
    nodes: dict[str, str] = {}
    for ident in ids:
        iri = expand(ident) if not is_iri(ident) else ident
        if iri:
            try:
                ox.NamedNode(iri)
            except ValueError:
                continue
            nodes.setdefault(iri, ident)
    if not nodes:
        return {}
    spec = queries.get("english-texts" if definitions else "english-labels")
    if len(nodes) <= _VALUES_LIMIT:
        head, where, tail = spec.text.partition("\nWHERE {")
        values = " ".join(str(ox.NamedNode(i)) for i in sorted(nodes))
        text = f"{head}{where}\n  VALUES ?concept {{ {values} }}{tail}"
    else:
        # many items (an export, the site): every English text once, kept below for the asked
        # items; cheaper than binding them above _VALUES_LIMIT
        text = spec.text
    found: dict[str, dict[str, str]] = {}
    for r in store.select(text, entailment=spec.entailment):
        if r["concept"].value not in nodes:
            continue
        prop = "label" if r["property"].value == SKOS + "prefLabel" else "definition"
        texts = found.setdefault(r["concept"].value, {})
        # two (a user's data beside ours): the first in code-point order, the same every run
        texts[prop] = min(texts.get(prop, r["text"].value), r["text"].value)
    out: dict[str, tuple[str | None, str | None]] = {}
    for iri, texts in found.items():
        out[nodes[iri]] = (texts.get("label"), texts.get("definition"))
        out.setdefault(compact(iri), out[nodes[iri]])
    return out


def figures(store: Queryable, programme: str | None = None) -> list[Figure]:
    """The NK 2017 figures, as printed (no totals), optionally of one programme or role."""
    from ..results import Figure

    node = resolve(store, programme) if programme else None
    rows = _run(store, "nk-figures", programme=node)
    return [
        Figure(
            table=r["table"].value,
            counted=compact(r["programme"].value),
            counted_label=value(r.get("programmeLabel")) or "",
            region_or_function=value(r.get("keyLabel")) or compact(r["key"].value),
            count=int(r["count"].value),
            unit=value(r.get("unit")),
            period=r["period"].value,
            observation=compact(r["obs"].value),
        )
        for r in rows
    ]
