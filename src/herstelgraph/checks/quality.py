"""qSKOS-style quality checks for any SKOS file, and for the shipped graph.

The checks run on the asserted triples only (never on our closure, which would hide missing
reciprocals), over plain Python sets built from Oxigraph's indexes: one pass per predicate,
no SPARQL property paths, so a 200,000-triple file is checked in about a second.

Errors break the SKOS reference's integrity conditions (S9, S13, S14, S27 on the transitive
closure, S37, S46), make the hierarchy cyclic or use ``skos:`` terms that do not exist.
Warnings are the qSKOS quality issues; what counts, and why our graph still has some, is in
docs/quality.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import InputError
from ..model import Record

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Every term the SKOS namespace defines (SKOS Reference, appendix B).
VOCABULARY = frozenset(
    "Concept ConceptScheme Collection OrderedCollection inScheme hasTopConcept topConceptOf "
    "prefLabel altLabel hiddenLabel notation note changeNote definition editorialNote example "
    "historyNote scopeNote semanticRelation broader narrower related broaderTransitive "
    "narrowerTransitive member memberList mappingRelation closeMatch exactMatch broadMatch "
    "narrowMatch relatedMatch".split()
)
LABELS = ("prefLabel", "altLabel", "hiddenLabel")
DOCUMENTATION = "note changeNote definition editorialNote example historyNote scopeNote".split()
MATCHES = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
SEMANTIC = (
    "semanticRelation broader narrower related broaderTransitive narrowerTransitive "
    "mappingRelation".split()
    + list(MATCHES)
)

#: (id, severity, what it finds); the order is the report's order.
CHECKS: tuple[tuple[str, str, str], ...] = (
    ("S9", "error", "a resource is both skos:Concept and skos:ConceptScheme"),
    ("S13", "error", "one literal is more than one of prefLabel, altLabel, hiddenLabel"),
    ("S14", "error", "more than one prefLabel in one language"),
    ("S27", "error", "skos:related between concepts linked by broaderTransitive"),
    ("S37", "error", "a skos:Collection is also a Concept or ConceptScheme"),
    ("S46", "error", "exactMatch (transitive) beside broadMatch or relatedMatch"),
    ("hierarchy-cycle", "error", "a concept is (transitively) broader than itself"),
    ("invented-skos-term", "error", "a skos: IRI that the SKOS vocabulary does not define"),
    ("missing-label", "warning", "a concept or scheme without skos:prefLabel"),
    ("empty-label", "warning", "a label that is empty or only whitespace"),
    ("overlapping-labels", "warning", "two concepts of one scheme share a prefLabel"),
    ("omitted-language-tag", "warning", "a label or note without a language tag"),
    ("invalid-language-tag", "warning", "a language tag that is not well-formed BCP 47"),
    ("incomplete-language-coverage", "warning", "no prefLabel in a language its scheme uses"),
    ("orphan-concept", "warning", "a concept with no semantic relation at all"),
    ("omitted-top-concepts", "warning", "a concept scheme without top concepts"),
    ("top-concept-with-broader", "warning", "a top concept that has a broader concept"),
    ("ambiguous-notation", "warning", "one notation on two concepts of one scheme, or two"),
    ("mapping-inside-scheme", "warning", "a mapping relation between concepts of one scheme"),
    ("missing-reciprocal", "warning", "broader/narrower, related or top concept one way"),
    ("hierarchical-redundancy", "warning", "a broader link also implied by a longer path"),
    ("undocumented-concept", "warning", "a concept without definition, note or scopeNote"),
)
SEVERITY = {c: s for c, s, _ in CHECKS}
TITLE = {c: t for c, _, t in CHECKS}

# RFC 5646 well-formed language tags (grandfathered tags aside); case-insensitive.
_LANGTAG = re.compile(
    r"^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wyz](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$"
    r"|^x(?:-[a-z\d]{1,8})+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QualityFinding(Record):
    """One offending resource: which check, how severe, and what exactly is wrong."""

    check: str
    severity: str
    resource: str
    detail: str


@dataclass(frozen=True)
class QualityCheck(Record):
    """One check's outcome: its id, severity, what it looks for and how many it found."""

    check: str
    severity: str
    title: str
    count: int


@dataclass(frozen=True)
class QualityReport(Record):
    """The whole report; ``errors`` > 0 means the file breaks SKOS (exit code 1)."""

    sources: tuple[str, ...]
    triples: int
    concepts: int
    schemes: int
    errors: int
    warnings: int
    checks: tuple[QualityCheck, ...]
    findings: tuple[QualityFinding, ...] = ()

    def of(self, check: str) -> list[QualityFinding]:
        return [f for f in self.findings if f.check == check]

    def count(self, check: str) -> int:
        return next((c.count for c in self.checks if c.check == check), 0)


# ---------------------------------------------------------------------- the graph
class _Graph:
    """The asserted triples of a store as the indexes the checks need (IRIs as strings)."""

    def __init__(self, ox_store, graphs):
        import pyoxigraph as ox

        self._ox = ox
        self.store = ox_store
        self.graphs = None if graphs is None else set(graphs)
        self._pairs: dict[str, set[tuple[str, str]]] = {}
        self.triples = (
            sum(1 for _ in self._quads(None, None)) if graphs is not None else len(ox_store)
        )

    def _quads(self, pred, obj):
        p = self._ox.NamedNode(pred) if pred else None
        for q in self.store.quads_for_pattern(None, p, obj, None):
            if self.graphs is None or q.graph_name in self.graphs:
                yield q

    def pairs(self, pred: str) -> set[tuple[str, str]]:
        """(subject, object) IRI/bnode pairs of a predicate; literal objects skipped."""
        if pred not in self._pairs:
            lit = self._ox.Literal
            self._pairs[pred] = {
                (_key(q.subject), _key(q.object))
                for q in self._quads(pred, None)
                if type(q.object) is not lit
            }
        return self._pairs[pred]

    def literals(self, pred: str) -> list[tuple[str, object]]:
        return [
            (_key(q.subject), q.object)
            for q in self._quads(pred, None)
            if isinstance(q.object, self._ox.Literal)
        ]

    def instances(self, cls: str) -> set[str]:
        classes = {cls} | self.subclasses(cls)
        out = set()
        for c in classes:
            out.update(s for s, _ in self._typed(c))
        return out

    def _typed(self, cls: str):
        node = self._ox.NamedNode(cls)
        for q in self._quads(RDF_TYPE, node):
            yield _key(q.subject), cls

    def subclasses(self, cls: str) -> set[str]:
        return _ancestors_rev(self.pairs(RDFS + "subClassOf"), cls)

    def subproperties(self, prop: str) -> set[str]:
        return _ancestors_rev(self.pairs(RDFS + "subPropertyOf"), prop)

    def skos_terms(self) -> set[str]:
        """Every IRI in the SKOS namespace used as subject, predicate, object or type."""
        q = (
            "SELECT DISTINCT ?t WHERE { { ?t ?p ?o } UNION { ?s ?t ?o } UNION { ?s ?p ?t } "
            f'FILTER(isIRI(?t) && STRSTARTS(STR(?t), "{SKOS}")) }}'
        )
        if self.graphs is None:
            rows = self.store.query(q, use_default_graph_as_union=True)
        else:
            rows = self.store.query(q, default_graph=list(self.graphs))
        return {r["t"].value for r in rows}


def _key(term) -> str:
    """IRIs as their value, blank nodes as ``_:id`` (so the two never collide)."""
    text = str(term)
    return text[1:-1] if text[0] == "<" else text


def _ancestors_rev(edges: set[tuple[str, str]], top: str) -> set[str]:
    """Everything with a chain of ``edges`` (child, parent) up to ``top``, excluding top."""
    children = defaultdict(set)
    for a, b in edges:
        children[b].add(a)
    seen, stack = set(), [top]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in seen and c != top:
                seen.add(c)
                stack.append(c)
    return seen


def _reach(succ: dict, start: str, stop: set | None = None) -> set[str]:
    """Nodes reachable from ``start`` in one or more steps (iterative, cycle-safe)."""
    seen, stack = set(), list(succ.get(start, ()))
    while stack:
        n = stack.pop()
        if n in seen:
            continue
        seen.add(n)
        stack.extend(succ.get(n, ()))
    return seen


def _sccs(succ: dict) -> list[list[str]]:
    """Strongly connected components of more than one node, or with a self-loop."""
    from ..curation.sssom import _scc

    comp = _scc(succ)
    groups = defaultdict(list)
    for node, root in comp.items():
        groups[root].append(node)
    return [sorted(m) for m in groups.values() if len(m) > 1 or (m and m[0] in succ.get(m[0], ()))]


def _lit(term) -> str:
    text = term.value if len(term.value) <= 60 else term.value[:57] + "…"
    return f'"{text}"' + (f"@{term.language}" if term.language else "")


# ---------------------------------------------------------------------- the checks
def check_store(store, graphs: Sequence | None = "asserted", sources: Sequence[str] = ()):
    """Run every check on a Store (ours: ``graphs='asserted'`` = asserted + user graphs;
    ``None`` = every graph, for a user's files loaded on their own)."""
    from ..ids import compact
    from ..store.store import ASSERTED, USER

    if graphs == "asserted":
        graphs = [ASSERTED, USER]
    g = _Graph(store.ox, graphs)
    found: dict[str, list[tuple[str, str]]] = {c: [] for c, _, _ in CHECKS}

    def add(check: str, resource: str, detail: str) -> None:
        found[check].append((resource, detail))

    S = SKOS
    concepts = g.instances(S + "Concept")
    schemes = g.instances(S + "ConceptScheme")
    collections = g.instances(S + "Collection") | g.instances(S + "OrderedCollection")
    c = cache(compact)

    # S9, S37: disjoint classes
    for r in sorted(concepts & schemes):
        add("S9", c(r), "typed both skos:Concept and skos:ConceptScheme")
    for r in sorted(collections & (concepts | schemes)):
        other = "skos:Concept" if r in concepts else "skos:ConceptScheme"
        add("S37", c(r), f"typed both skos:Collection and {other}")

    # labels: S13, S14, missing, empty, language tags
    labels: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for prop in LABELS:
        for s, lit in g.literals(S + prop):
            labels[s][prop].append(lit)
    for s, props in sorted(labels.items()):
        seen: dict[tuple, str] = {}
        for prop in LABELS:
            for lit in props.get(prop, ()):
                key = (lit.value, lit.language)
                if key in seen and seen[key] != prop:
                    add("S13", c(s), f"{_lit(lit)} is both skos:{seen[key]} and skos:{prop}")
                seen.setdefault(key, prop)
                if not lit.value.strip():
                    add("empty-label", c(s), f"empty skos:{prop}")
        by_lang = defaultdict(list)
        for lit in props.get("prefLabel", ()):
            by_lang[(lit.language or "").lower()].append(lit)
        for lang, lits in sorted(by_lang.items()):
            if len(lits) > 1:
                shown = ", ".join(sorted(_lit(x) for x in lits))
                add("S14", c(s), f"{len(lits)} prefLabels in {lang or 'no language'}: {shown}")
    for r in sorted(concepts | schemes):
        if not labels.get(r, {}).get("prefLabel"):
            alt = " (has altLabel)" if labels.get(r, {}).get("altLabel") else ""
            kind = "concept" if r in concepts else "scheme"
            add("missing-label", c(r), f"{kind} without skos:prefLabel{alt}")

    doc_props = set()
    for prop in DOCUMENTATION:
        doc_props |= {S + prop} | g.subproperties(S + prop)
    text_props = [S + p for p in LABELS] + sorted(doc_props)
    for prop in text_props:
        for s, lit in g.literals(prop):
            short = c(prop)
            if lit.language:
                if not _LANGTAG.match(lit.language):
                    add("invalid-language-tag", c(s), f"{short} {_lit(lit)}: not BCP 47")
            elif lit.datatype.value == XSD_STRING and lit.value.strip():
                add("omitted-language-tag", c(s), f"{short} {_lit(lit)} has no language tag")

    # scheme membership
    in_scheme: dict[str, set[str]] = defaultdict(set)
    for a, b in g.pairs(S + "inScheme"):
        in_scheme[a].add(b)
    top_of = g.pairs(S + "topConceptOf")
    has_top = g.pairs(S + "hasTopConcept")
    for a, b in top_of:
        in_scheme[a].add(b)
    for sch, a in has_top:
        in_scheme[a].add(sch)

    # hierarchy: broader ∪ narrower⁻¹ (asserted transitive links too, for cycles and S27)
    broader_asserted = g.pairs(S + "broader")
    narrower_asserted = g.pairs(S + "narrower")
    broader = broader_asserted | {(b, a) for a, b in narrower_asserted}
    hier = (
        broader
        | g.pairs(S + "broaderTransitive")
        | {(b, a) for a, b in g.pairs(S + "narrowerTransitive")}
    )
    up = defaultdict(set)
    for a, b in hier:
        up[a].add(b)
    for members in _sccs(up):
        shown = " → ".join(c(m) for m in members[:6]) + (" …" if len(members) > 6 else "")
        add("hierarchy-cycle", c(members[0]), f"cycle through {len(members)}: {shown}")

    # S27: related vs broaderTransitive
    related = g.pairs(S + "related")
    related_sym = related | {(b, a) for a, b in related}
    ancestors: dict[str, set[str]] = {}
    for a, b in sorted(related_sym):
        if a not in ancestors:
            ancestors[a] = _reach(up, a)
        if b in ancestors[a]:
            add("S27", c(a), f"skos:related {c(b)}, which is also broaderTransitive of it")

    # S46: exactMatch cliques vs broadMatch / relatedMatch
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    exact = g.pairs(S + "exactMatch")
    for a, b in exact:
        parent[find(a)] = find(b)
    clash_sources = [
        ("broadMatch", g.pairs(S + "broadMatch")),
        ("narrowMatch", g.pairs(S + "narrowMatch")),
        ("relatedMatch", g.pairs(S + "relatedMatch")),
    ]
    for name, pairs in clash_sources:
        for a, b in sorted(pairs):
            if a != b and a in parent and b in parent and find(a) == find(b):
                add("S46", c(a), f"skos:{name} {c(b)}, but exactMatch links them")

    # invented SKOS terms
    for term in sorted(g.skos_terms()):
        local = term[len(S) :]
        if local not in VOCABULARY:
            near = [v for v in VOCABULARY if v.lower() == local.lower()]
            hint = f"; did you mean skos:{near[0]}?" if near else ""
            add("invented-skos-term", f"skos:{local}", f"not in the SKOS vocabulary{hint}")

    # overlapping labels, language coverage
    groups: dict[tuple, list[str]] = defaultdict(list)
    scheme_langs: dict[str, set[str]] = defaultdict(set)
    for s in concepts:
        for lit in labels.get(s, {}).get("prefLabel", ()):
            lang = (lit.language or "").lower()
            for sch in in_scheme.get(s) or {""}:
                groups[(sch, lang, " ".join(lit.value.casefold().split()))].append(s)
                if lang:
                    scheme_langs[sch].add(lang)
    for (sch, lang, text), members in sorted(groups.items()):
        members = sorted(set(members))
        if len(members) > 1 and text:
            where = f" in {c(sch)}" if sch else ""
            shown = ", ".join(c(m) for m in members[1:])
            add(
                "overlapping-labels",
                c(members[0]),
                f'prefLabel "{text}"{"@" + lang if lang else ""} also on {shown}{where}',
            )
    for s in sorted(concepts):
        have = {(x.language or "").lower() for x in labels.get(s, {}).get("prefLabel", ())}
        if not have:
            continue  # reported as missing-label
        want = set().union(*(scheme_langs.get(sch, set()) for sch in in_scheme.get(s) or {""}))
        lacking = sorted(want - have)
        if lacking:
            add(
                "incomplete-language-coverage",
                c(s),
                f"no prefLabel in {', '.join(lacking)} (its scheme uses {', '.join(sorted(want))})",
            )

    # orphans
    related_nodes = set()
    sem_props = {S + p for p in SEMANTIC}
    for prop in list(sem_props):
        sem_props |= g.subproperties(prop)
    for prop in sem_props:
        for a, b in g.pairs(prop):
            related_nodes.add(a)
            related_nodes.add(b)
    for s in sorted(concepts - related_nodes):
        add("orphan-concept", c(s), "no broader, narrower, related or mapping relation")

    # top concepts
    tops: dict[str, set[str]] = defaultdict(set)
    for a, sch in top_of:
        tops[sch].add(a)
    for sch, a in has_top:
        tops[sch].add(a)
    for sch in sorted(schemes):
        if not tops.get(sch):
            add("omitted-top-concepts", c(sch), "no skos:hasTopConcept or skos:topConceptOf")
    broader_of = defaultdict(set)
    for a, b in broader:
        broader_of[a].add(b)
    for sch, members in sorted(tops.items()):
        for a in sorted(members):
            if broader_of.get(a):
                shown = ", ".join(c(x) for x in sorted(broader_of[a]))
                add("top-concept-with-broader", c(a), f"top concept of {c(sch)}, broader {shown}")

    # notations
    by_notation: dict[tuple, set[str]] = defaultdict(set)
    per_concept: dict[tuple, list] = defaultdict(list)
    for s, lit in g.literals(S + "notation"):
        for sch in in_scheme.get(s) or {""}:
            by_notation[(sch, lit.value, lit.datatype.value)].add(s)
            per_concept[(s, sch, lit.datatype.value)].append(lit.value)
    for (sch, value, _), members in sorted(by_notation.items()):
        if len(members) > 1:
            members_ = sorted(members)
            shown = ", ".join(c(m) for m in members_[1:])
            where = f" in {c(sch)}" if sch else ""
            add("ambiguous-notation", c(members_[0]), f'notation "{value}" also on {shown}{where}')
    for (s, _sch, _), values in sorted(per_concept.items()):
        if len(values) > 1:
            add("ambiguous-notation", c(s), f"{len(values)} notations: {', '.join(sorted(values))}")

    # mapping relations inside one scheme
    for name in (*MATCHES, "mappingRelation"):
        for a, b in sorted(g.pairs(S + name)):
            shared = in_scheme.get(a, set()) & in_scheme.get(b, set())
            if shared:
                sch = c(sorted(shared)[0])
                add("mapping-inside-scheme", c(a), f"skos:{name} {c(b)}, both in {sch}")

    # missing reciprocals (mapping relations excluded: docs/quality.md)
    for a, b in sorted(broader_asserted - {(y, x) for x, y in narrower_asserted}):
        add("missing-reciprocal", c(a), f"broader {c(b)} without {c(b)} narrower {c(a)}")
    for a, b in sorted(narrower_asserted - {(y, x) for x, y in broader_asserted}):
        add("missing-reciprocal", c(a), f"narrower {c(b)} without {c(b)} broader {c(a)}")
    for a, b in sorted(related - {(y, x) for x, y in related}):
        add("missing-reciprocal", c(a), f"related {c(b)} without {c(b)} related {c(a)}")
    for a, sch in sorted(top_of - {(y, x) for x, y in has_top}):
        add("missing-reciprocal", c(a), f"topConceptOf {c(sch)} without hasTopConcept")
    for sch, a in sorted(has_top - {(y, x) for x, y in top_of}):
        add("missing-reciprocal", c(sch), f"hasTopConcept {c(a)} without topConceptOf")

    # hierarchical redundancy: a broader b, and b is also above another parent of a
    for a, parents in sorted(broader_of.items()):
        if len(parents) < 2:
            continue
        for b in sorted(parents):
            via = next((p for p in sorted(parents - {b}) if b in _reach(up, p)), None)
            if via is not None:
                add("hierarchical-redundancy", c(a), f"broader {c(b)} also via {c(via)}")

    # undocumented concepts
    documented = set()
    for prop in doc_props:
        documented.update(s for s, _ in g.literals(prop))
        documented.update(s for s, _ in g.pairs(prop))
    for s in sorted(concepts - documented):
        add("undocumented-concept", c(s), "no skos:definition, scopeNote, note or example")

    checks = [QualityCheck(cid, sev, title, len(found[cid])) for cid, sev, title in CHECKS]
    findings = [
        QualityFinding(cid, SEVERITY[cid], res, det)
        for cid, _, _ in CHECKS
        for res, det in found[cid]
    ]
    errors = sum(x.count for x in checks if x.severity == "error")
    return QualityReport(
        sources=tuple(sources),
        triples=g.triples,
        concepts=len(concepts),
        schemes=len(schemes),
        errors=errors,
        warnings=sum(x.count for x in checks) - errors,
        checks=tuple(checks),
        findings=tuple(findings),
    )


# ---------------------------------------------------------------------- files
def load_files(paths: Iterable[Path]):
    """A fresh Store holding the user's files only: RDF in any format, or SSSOM TSV."""
    from ..store.store import ASSERTED, Store

    store = Store()
    for path in map(Path, paths):
        if path.name.endswith((".sssom.tsv", ".tsv")):
            store.ox.extend(sssom_quads(path, ASSERTED))
        else:
            store.add_file(path, ASSERTED)
    return store


def sssom_quads(path: Path, graph) -> list:
    """The mapping triples of an SSSOM TSV, read by the strict reader (mappings.read_tsv)."""
    import pyoxigraph as ox

    from ..curation.sssom import NO_TERM, read_tsv
    from ..io.inputs import read_bytes
    from ..vocab import PREFIXES

    read_bytes(path)  # the size cap, before the reader reads it
    mf = read_tsv(path)
    prefixes = {
        **PREFIXES,
        **{str(k): str(v) for k, v in (mf.metadata.get("curie_map") or {}).items()},
    }

    def iri(curie: str) -> ox.NamedNode:
        prefix, _, local = curie.partition(":")
        try:
            return ox.NamedNode(prefixes[prefix] + local)
        except (KeyError, ValueError):
            raise InputError(f"{path}: {curie!r} does not expand to an IRI") from None

    return [
        ox.Quad(iri(r.subject_id), iri(r.predicate_id), iri(r.object_id), graph)
        for r in mf.records
        if r.object_id != NO_TERM and r.subject_id != NO_TERM
    ]


def check(paths: Sequence[Path] = (), data: Sequence[Path] = ()) -> QualityReport:
    """The report for the user's files, or for the shipped graph (plus ``data``) when none."""
    if paths:
        return check_store(load_files(paths), None, [str(p) for p in paths])
    from ..store.build import load

    store = load(extra=[Path(p) for p in data], closure=False)
    return check_store(store, "asserted", ["shipped graph", *map(str, data)])


# ---------------------------------------------------------------------- output
def render_text(report: QualityReport, limit: int = 20) -> str:
    """Per-check counts, then each check's offending resources (``limit`` per check)."""
    lines = [
        f"Quality check of {', '.join(report.sources) or 'the graph'}: {report.triples} "
        f"triples, {report.concepts} concepts, {report.schemes} concept schemes",
        f"{report.errors} errors, {report.warnings} warnings",
        "",
    ]
    width = max(len(x.check) for x in report.checks)
    for x in report.checks:
        lines.append(f"  {x.severity:<7} {x.check:<{width}} {x.count:>6}  {x.title}")
    for x in report.checks:
        if not x.count:
            continue
        lines += ["", f"{x.check} ({x.severity}): {x.title}"]
        found = report.of(x.check)
        for f in found[: limit or None]:
            lines.append(f"  {f.resource}  {f.detail}")
        if limit and len(found) > limit:
            lines.append(f"  … {len(found) - limit} more (--limit 0 or --format json for all)")
    return "\n".join(lines) + "\n"


def counts_markdown(report: QualityReport) -> str:
    """The table docs/quality.md shows (warnings only; errors must be 0)."""
    rows = ["| check | severity | count |", "|---|---|---|"]
    rows += [f"| {x.check} | {x.severity} | {x.count} |" for x in report.checks]
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m herstelgraph.quality``: the counts table docs/quality.md embeds."""
    print(counts_markdown(check()), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
