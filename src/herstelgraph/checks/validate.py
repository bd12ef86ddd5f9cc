"""SHACL validation of the shipped graph and of users' profiles (role, person, team, curriculum).

Speed is a design constraint (2,000 profiles in 5 s): pyshacl runs SHACL Core shapes only on
profiles, never on the whole graph. ``validate_profiles`` builds one small data graph holding
the profiles plus the ``rdf:type`` triples of the IRIs they name (and the ontology's subclass
axioms), which is all the profile shapes need. Framework-specific rules (cover all 11 BK
competencies, Valente's individual- and team-level items) are Core shapes generated from the
graph into ``shapes/profiles-generated.ttl``: ``python -m herstelgraph.validate generate``.

Benchmarks call ``validate_profiles(store, graph)`` with an rdflib graph of N profiles.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import InputError, InputFileError
from ..ids import compact
from ..io.rdflib_bridge import ox_term, rdflib_term
from ..model import ValidationReport, ValidationResult
from ..store.store import ASSERTED, INFERRED, USER, Queryable, Store
from ..vocab import FRAMEWORK_PREFIXES, HG, PREFIXES, SKOS

SH = PREFIXES["sh"]
RDF_TYPE = PREFIXES["rdf"] + "type"
LANGS = ("nl", "en")
PROFILE_CLASSES = ("RoleProfile", "PersonProfile", "Curriculum", "TeamProfile")
#: How a part of a profile hangs off its profile, walked upwards to group results.
PARENT_PROPERTIES = ("requirement", "proficiency", "module", "learningOutcome")
GRAPH_SHAPES = ("graph.ttl",)
PROFILE_SHAPES = ("profiles.ttl", "profiles-generated.ttl")
GENERATED = "profiles-generated.ttl"
SEVERITY_WORDS = {
    "en": {"Violation": "violation", "Warning": "warning", "Info": "info"},
    "nl": {"Violation": "overtreding", "Warning": "waarschuwing", "Info": "info"},
}


# ------------------------------------------------------------------------ shapes
@cache
def shapes_graph(kind: str = "profiles"):
    """The shapes of one kind ('graph' or 'profiles') as one rdflib graph, parsed once."""
    from rdflib import Graph

    from ..resources import data_dir

    names = {"graph": GRAPH_SHAPES, "profiles": PROFILE_SHAPES}[kind]
    g = Graph(bind_namespaces="none")
    for name in names:
        path = data_dir("shapes") / name
        if path.is_file():
            g.parse(path, format="turtle")
    return g


def _cover_path(g):
    """The SHACL path of 'a profile covers a concept' (the four ways a profile names items)."""
    from rdflib import BNode, URIRef
    from rdflib.collection import Collection

    def seq(*names):
        head = BNode()
        Collection(g, head, [URIRef(HG + n) for n in names])
        return head

    alternatives = [
        seq("requirement", "concept"),
        seq("proficiency", "concept"),
        seq("module", "learningOutcome", "alignedTo"),
        seq("member", "proficiency", "concept"),
    ]
    alt_list = BNode()
    Collection(g, alt_list, alternatives)
    path = BNode()
    g.add((path, URIRef(SH + "alternativePath"), alt_list))
    return path


@dataclass(frozen=True)
class CoverRule:
    """A framework's rule that profiles claiming conformance cover each of some items."""

    id: str
    scheme: str  # CURIE of the scheme claimed with dct:conformsTo
    targets: tuple[str, ...]  # profile classes (local names in hg:)
    severity: str
    items_sparql: str  # SELECT ?c: the items every such profile must cover
    quote: dict[str, str]  # item type (local name) or "*" -> verbatim source sentence
    note: str  # why this severity, in English
    message_en: str
    message_nl: str
    via_team: bool = False  # also for person profiles that are members of a claiming team


_VALENTE_EACH_QUOTE = {
    "KnowledgeItem": "Daarnaast is het nodig dat iedere professional:",
    "Skill": "De bovenstaande vaardigheden waarover iedere professional dient te beschikken",
    "*": "Daarnaast is het nodig dat iedere professional:",
}
_VALENTE_TEAM_QUOTE = {
    "KnowledgeItem": "Voor andere relevante kennis voor het verlenen van goede "
    "herstelondersteunende zorg, is het voldoende als de kennis in het team beschikbaar is",
    "Skill": "Het is wenselijk dat daarnaast in ieder team van professionals in "
    "herstelondersteunende zorg vaardigheden aanwezig zijn op niveaus daarboven",
    "*": "Voor andere relevante kennis voor het verlenen van goede "
    "herstelondersteunende zorg, is het voldoende als de kennis in het team beschikbaar is",
}

COVER_RULES = (
    CoverRule(
        id="bk",
        scheme="bk:scheme",
        targets=PROFILE_CLASSES,
        severity="Violation",
        items_sparql="SELECT ?c WHERE { ?c a hg:Competency ; skos:inScheme bk:scheme }",
        quote={},
        note="A beroepskwalificatie is the set of its competencies (BK-0597-1, 'Opsomming "
        "competenties'): a profile that claims conformance covers every one.",
        message_en="claims conformance to BK-0597-1 but does not cover competency {item}",
        message_nl="claimt te voldoen aan BK-0597-1 maar dekt competentie {item} niet",
    ),
    CoverRule(
        id="valente-each",
        scheme="valente:scheme",
        targets=("PersonProfile", "RoleProfile"),
        severity="Violation",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme valente:scheme ; "
        "hg:appliesAt hg:EachProfessional FILTER NOT EXISTS { ?c hg:isExample true } }",
        quote=_VALENTE_EACH_QUOTE,
        note="Valente asks this of every professional ('is het nodig dat iedere professional', "
        "'dient te beschikken'): must, hence a violation. Items the text gives only as examples "
        "('Denk bijvoorbeeld aan', hg:isExample) are not demanded. Applies to person and role "
        "profiles that claim Valente and to the members of a team that claims it.",
        message_en="Valente asks every professional to hold {item}; this profile does not cover it",
        message_nl="Valente vraagt van iedere professional {item}; dit profiel dekt het niet",
        via_team=True,
    ),
    CoverRule(
        id="valente-curriculum",
        scheme="valente:scheme",
        targets=("Curriculum",),
        severity="Info",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme valente:scheme ; "
        "hg:appliesAt hg:EachProfessional FILTER NOT EXISTS { ?c hg:isExample true } }",
        quote={
            "*": "Ook kan de standaard in de toekomst behulpzaam zijn voor curricula van "
            "opleidingen."
        },
        note="Valente says the standard 'kan' help curricula: information only.",
        message_en="Valente asks every professional to hold {item}; this curriculum does not "
        "teach it",
        message_nl="Valente vraagt van iedere professional {item}; dit curriculum leert het "
        "niet aan",
    ),
    CoverRule(
        id="valente-team",
        scheme="valente:scheme",
        targets=("TeamProfile",),
        severity="Warning",
        items_sparql="SELECT ?c WHERE { ?c skos:inScheme valente:scheme ; hg:appliesAt hg:Team }",
        quote=_VALENTE_TEAM_QUOTE,
        note="For team-level items Valente says it is enough ('voldoende') that the team has "
        "them, and that the organisation sees that they are in the team or can be called in "
        "quickly ('of eenvoudig en snel in te schakelen is'); for skills it is 'wenselijk'. "
        "A gap is therefore a warning, not a violation.",
        message_en="no member of this team covers {item}, which Valente wants available in the "
        "team (or quickly called in)",
        message_nl="geen lid van dit team dekt {item}, dat Valente in het team beschikbaar wil "
        "hebben (of snel in te schakelen)",
    ),
)


def generate_profile_shapes(store: Store):
    """The per-item Core shapes of COVER_RULES, from the items the graph holds now."""
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS

    from ..ids import expand

    sh = {
        n: URIRef(SH + n)
        for n in (
            "NodeShape",
            "targetClass",
            "severity",
            "message",
            "or",
            "not",
            "path",
            "hasValue",
            "inversePath",
            "alternativePath",
        )
    }
    skos_note = URIRef(SKOS + "scopeNote")
    g = Graph(bind_namespaces="none")
    doc = URIRef(PREFIXES["hg"].removesuffix("def#") + "shapes/profiles-generated")
    g.add((doc, RDF.type, OWL.Ontology))
    g.add((doc, RDFS.label, Literal("herstelgraph per-item profile shapes", lang="en")))
    g.add((doc, RDFS.label, Literal("herstelgraph-vormen per item voor profielen", lang="nl")))
    g.add(
        (
            doc,
            RDFS.comment,
            Literal(
                "Generated by 'python -m herstelgraph.validate generate' from the framework items; "
                "do not edit by hand.",
                lang="en",
            ),
        )
    )
    g.add(
        (
            doc,
            RDFS.comment,
            Literal(
                "Gegenereerd door 'python -m herstelgraph.validate generate' uit de items van de "
                "kaders; niet met de hand bewerken.",
                lang="nl",
            ),
        )
    )
    for rule in COVER_RULES:
        scheme = URIRef(expand(rule.scheme))
        for row in sorted(store.select(rule.items_sparql), key=lambda r: r["c"].value):
            item = row["c"].value
            info = _item_info(store, item)
            local = compact(item).split(":", 1)[-1].strip("/").replace("/", "-")
            shape = URIRef(f"{HG}cover-{rule.id}-{local}")
            g.add((shape, RDF.type, sh["NodeShape"]))
            g.add((shape, RDFS.label, Literal(f"{rule.id}: {compact(item)}", lang="en")))
            for cls in rule.targets:
                g.add((shape, sh["targetClass"], URIRef(HG + cls)))
            g.add((shape, sh["severity"], URIRef(SH + rule.severity)))
            g.add((shape, DCTERMS.source, URIRef(item)))
            g.add((shape, RDFS.seeAlso, URIRef(item)))
            quote = rule.quote.get(info["type"]) or rule.quote.get("*") or info["label"]
            g.add((shape, URIRef(HG + "sourceText"), Literal(quote, lang="nl")))
            g.add((shape, skos_note, Literal(rule.note, lang="en")))
            shown = f"“{info['label']}” ({compact(item)})"
            if info["notation"]:
                shown = f"{info['notation']} {shown}"
            g.add((shape, sh["message"], Literal(rule.message_en.format(item=shown), lang="en")))
            g.add((shape, sh["message"], Literal(rule.message_nl.format(item=shown), lang="nl")))
            # sh:or ( [ sh:not [ claim ] ] [ cover ] ): only claiming profiles must cover.
            claim = BNode()
            if rule.via_team:
                direct = URIRef(DCTERMS.conformsTo)
                via = BNode()
                inv = BNode()
                g.add((inv, sh["inversePath"], URIRef(HG + "member")))
                Collection(g, via, [inv, direct])
                alts = BNode()
                Collection(g, alts, [direct, via])
                claim_path = BNode()
                g.add((claim_path, sh["alternativePath"], alts))
            else:
                claim_path = DCTERMS.conformsTo
            g.add((claim, sh["path"], claim_path))
            g.add((claim, sh["hasValue"], scheme))
            not_claim = BNode()
            g.add((not_claim, sh["not"], claim))
            cover = BNode()
            g.add((cover, sh["path"], _cover_path(g)))
            g.add((cover, sh["hasValue"], URIRef(item)))
            options = BNode()
            Collection(g, options, [not_claim, cover])
            g.add((shape, sh["or"], options))
    return g


def _item_info(store: Store, iri: str) -> dict:
    import pyoxigraph as ox

    rows = store.select(
        "SELECT ?n ?l ?t WHERE { OPTIONAL { ?c skos:notation ?n } "
        "OPTIONAL { ?c skos:prefLabel ?l FILTER(LANGMATCHES(LANG(?l), 'nl')) } "
        "OPTIONAL { ?c a ?t FILTER(STRSTARTS(STR(?t), STR(hg:)) && ?t != hg:Item) } }",
        {"c": ox.NamedNode(iri)},
    )
    r = rows[0] if rows else {}
    return {
        "notation": r["n"].value if r.get("n") else None,
        "label": r["l"].value if r.get("l") else compact(iri),
        "type": compact(r["t"].value).removeprefix("hg:") if r.get("t") else "",
    }


# ------------------------------------------------------------------ data graphs
_FRAMEWORK_NS = tuple(PREFIXES[p] for p in FRAMEWORK_PREFIXES)


def _framework_iri(iri: str) -> bool:
    return iri.startswith(_FRAMEWORK_NS)


def _as_ox_triples(profiles):
    """Triples of an rdflib graph, a pyoxigraph store or an iterable of either kind's triples."""
    import pyoxigraph as ox

    if isinstance(profiles, ox.Store):
        for q in profiles:
            yield q.subject, q.predicate, q.object
        return
    for triple in profiles:
        if isinstance(triple, ox.Quad | ox.Triple):
            yield triple.subject, triple.predicate, triple.object
        elif isinstance(triple[0], ox.NamedNode | ox.BlankNode):
            yield triple[0], triple[1], triple[2]
        else:
            yield ox_term(triple[0]), ox_term(triple[1]), ox_term(triple[2])


_TYPES = "SELECT ?n ?t WHERE { ?n a ?t }"
_TYPE_BATCH = 1000


def profile_data(store: Queryable, profiles):
    """The profiles plus what the shapes need from the graph: the types of the IRIs they name,
    and the ontology's subclass axioms. Returns a pyoxigraph store (default graph).

    Triples the profile file states about framework IRIs are dropped, so a profile cannot make
    an unknown ID pass by typing it ``skos:Concept`` itself.
    """
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(RDF_TYPE)
    subclass = ox.NamedNode(PREFIXES["rdfs"] + "subClassOf")
    quads = []
    named: set = set()
    for s, p, o in _as_ox_triples(profiles):
        if isinstance(s, ox.NamedNode) and _framework_iri(s.value):
            continue
        quads.append(ox.Quad(s, p, o))
        if isinstance(o, ox.NamedNode) and p != rdf_type:
            named.add(o)
    if isinstance(store, Store):  # a pattern lookup per IRI: 0.15 s for 26k IRIs at 50x
        for node in named:
            for q in store.quads(node, rdf_type):
                quads.append(ox.Quad(node, rdf_type, q.object))
    else:  # an endpoint: a few requests for batches of IRIs, not one per IRI
        ordered = sorted(named, key=str)
        for i in range(0, len(ordered), _TYPE_BATCH):
            for r in store.select(_TYPES, {"n": ordered[i : i + _TYPE_BATCH]}):
                quads.append(ox.Quad(r["n"], rdf_type, r["t"]))
    for q in store.quads(None, subclass):
        if q.subject.value.startswith(HG) and isinstance(q.object, ox.NamedNode):
            quads.append(ox.Quad(q.subject, subclass, q.object))
    data = ox.Store()
    data.extend(quads)
    return data


def graph_data(store: Store):
    """The shipped graph (asserted + user) with its SKOS closure, in one default graph."""
    import pyoxigraph as ox

    data = ox.Store()
    data.extend(
        ox.Quad(q.subject, q.predicate, q.object)
        for q in store.quads(graphs=(ASSERTED, USER, INFERRED))
    )
    return data


def _to_rdflib(data):
    from ..io.rdflib_bridge import to_rdflib

    return to_rdflib(data, canonical=False, plain=False)


# ------------------------------------------------------------------- validating
def validate_profiles(
    store: Store,
    profiles,
    lang: str = "en",
    shapes=None,
    *,
    engine: str = "auto",
    shacl_report: bool = False,
) -> ValidationReport:
    """Validate any number of profiles in one run; this is the function benchmarks time.

    ``profiles``: an rdflib graph, a pyoxigraph store, or triples of either. The data is the
    profiles plus the types of the IRIs they name, never the whole graph. ``shapes`` defaults
    to the shipped profile shapes (profiles.ttl + profiles-generated.ttl). ``engine``: 'fast'
    (our SPARQL-compiled SHACL Core, see shaclcore), 'pyshacl' (the reference), or 'auto'
    (fast when the shapes allow it). ``shacl_report`` adds the sh:ValidationReport as Turtle.
    """
    data = profile_data(store, profiles)
    shapes = shapes if shapes is not None else shapes_graph("profiles")
    return _run(store, data, shapes, lang, True, engine, shacl_report)


def profile_shapes_for(store: Store):
    """profiles.ttl plus per-item shapes generated from ``store`` (a graph other than ours)."""
    from rdflib import Graph

    from ..resources import data_dir

    g = Graph(bind_namespaces="none")
    g.parse(data_dir("shapes") / "profiles.ttl", format="turtle")
    for t in generate_profile_shapes(store):
        g.add(t)
    return g


def validate_graph(
    store: Store, lang: str = "en", shapes=None, *, shacl_report: bool = False
) -> ValidationReport:
    """Validate the shipped graph (plus user data) and its closure with shapes/graph.ttl."""
    shapes = shapes if shapes is not None else shapes_graph("graph")
    return _run(store, graph_data(store), shapes, lang, False, "pyshacl", shacl_report)


def validate_files(
    store: Store, paths, lang: str = "en", *, conforms_to: str | None = None, **kw
) -> ValidationReport:
    """Read profile files (Turtle, JSON-LD, or a curriculum sheet) and validate them together;
    ``conforms_to``: check every profile against this framework as if it claimed it."""
    return validate_profiles(
        store, read_profiles(store, paths, conforms_to=conforms_to), lang, **kw
    )


@cache
def _compiled(shapes):
    from .shaclcore import Unsupported, compile_shapes

    try:
        return compile_shapes(shapes)
    except (Unsupported, KeyError, ValueError):
        return None


def _run(store, data, shapes, lang, grouped, engine, shacl_report) -> ValidationReport:
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}; use nl or en")
    if engine not in ("auto", "fast", "pyshacl"):
        raise InputError(f"unknown engine {engine!r}; use auto, fast or pyshacl")
    queries = _compiled(shapes) if engine != "pyshacl" else None
    if engine == "fast" and queries is None:
        raise InputError("these shapes use SHACL features the fast engine lacks; use pyshacl")
    if queries is not None:
        from .shaclcore import evaluate

        raw = evaluate(queries, data)
    else:
        raw = _pyshacl(data, shapes)
    return _report(store, data, shapes, raw, lang, grouped, shacl_report)


def _pyshacl(data, shapes):
    from pyshacl import validate
    from rdflib import Literal, URIRef

    from .shaclcore import RawResult

    _, results, _ = validate(
        _to_rdflib(data), shacl_graph=shapes, inference="none", advanced=False, inplace=True,
        allow_infos=True, allow_warnings=True,
    )  # fmt: skip

    def sh(n):
        return URIRef(SH + n)

    def first(s, p):
        return next(iter(results.objects(s, p)), None)

    raw = []
    for r in results.objects(None, sh("result")):
        value = first(r, sh("value"))
        raw.append(
            RawResult(
                focus=ox_term(first(r, sh("focusNode"))),
                path=first(r, sh("resultPath")),
                value=ox_term(value) if value is not None else None,
                severity=str(first(r, sh("resultSeverity")) or SH + "Violation").removeprefix(SH),
                messages={
                    (m.language or ""): str(m)
                    for m in results.objects(r, sh("resultMessage"))
                    if isinstance(m, Literal)
                },
                shape=first(r, sh("sourceShape")),
                component=str(first(r, sh("sourceConstraintComponent"))).removeprefix(SH),
            )
        )
    return raw


def _report(store, data, shapes, raw, lang, grouped, want_turtle) -> ValidationReport:
    import pyoxigraph as ox
    from rdflib import URIRef
    from rdflib.namespace import DCTERMS, RDFS

    shown: dict = {}

    def show(term) -> str | None:
        if term not in shown:
            shown[term] = _show(term)
        return shown[term]

    def _show(term) -> str | None:
        if term is None:
            return None
        if isinstance(term, ox.NamedNode | URIRef):
            return compact(str(term.value if isinstance(term, ox.NamedNode) else term))
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        if isinstance(term, ox.Literal):
            return term.value
        return str(term)

    def first(s, p):
        if s is None:
            return None
        return next((q.object for q in data.quads_for_pattern(s, ox.NamedNode(p), None)), None)

    def first_shape(s, p):
        return next(iter(shapes.objects(s, p)), None) if s is not None else None

    rdf_type = ox.NamedNode(RDF_TYPE)
    profile_types = {ox.NamedNode(HG + c) for c in PROFILE_CLASSES}
    parents = [ox.NamedNode(HG + p) for p in PARENT_PROPERTIES]

    owners: dict = {}

    def owner(node):
        if node not in owners:
            owners[node] = _owner(node)
        return owners[node]

    def _owner(node):
        seen = set()
        while node is not None and node not in seen:
            seen.add(node)
            if isinstance(node, ox.Literal):
                return None
            types = {q.object for q in data.quads_for_pattern(node, rdf_type, None)}
            if types & profile_types:
                return node
            node = next(
                (q.subject for p in parents for q in data.quads_for_pattern(None, p, node)), None
            )
        return None

    rows = []
    for r in raw:
        see = first_shape(r.shape, RDFS.seeAlso)
        item = None
        if not grouped:
            item = r.focus if isinstance(r.focus, ox.NamedNode) else None
        elif isinstance(see, URIRef) and _framework_iri(str(see)):
            item = ox.NamedNode(str(see))
        elif isinstance(r.value, ox.NamedNode) and r.value != r.focus and r.path is not None:
            item = r.value
        elif grouped and len(concepts := _objects(data, r.focus, HG + "concept")) == 1:
            item = concepts[0]
        prof = owner(r.focus) if grouped else None
        if grouped and prof is None and isinstance(r.value, ox.NamedNode | ox.BlankNode):
            prof = owner(r.value)
        rows.append((r, prof, item if isinstance(item, ox.NamedNode) else None))
    labels = _labels(store, {item.value for _, _, item in rows if item is not None})
    out = []
    for r, prof, item in rows:
        plabel = first(prof, RDFS.label) if prof is not None else None
        source = first_shape(r.shape, DCTERMS.source)
        quote = first_shape(r.shape, URIRef(HG + "sourceText"))
        message = (
            r.messages.get(lang)
            or r.messages.get("en")
            or next(iter(r.messages.values()), r.component)
        )
        out.append(
            ValidationResult(
                severity=r.severity,
                constraint=r.component,
                profile=show(prof),
                profile_label=plabel.value if isinstance(plabel, ox.Literal) else None,
                focus=show(r.focus) or "",
                item=show(item),
                item_label=labels.get(item.value) if item is not None else None,
                path=_show_path(r.path),
                value=show(r.value),
                message=message,
                shape=show(r.shape) if isinstance(r.shape, URIRef) else None,
                source=show(source),
                source_text=str(quote) if quote is not None else None,
            )
        )
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    out.sort(
        key=lambda x: (x.profile or "", x.item or "", order.get(x.severity, 3), x.focus, x.message)
    )
    counts = {k: sum(x.severity == k for x in out) for k in order}
    return ValidationReport(
        conforms=counts["Violation"] == 0,
        violations=counts["Violation"],
        warnings=counts["Warning"],
        infos=counts["Info"],
        focus_nodes=len({x.focus for x in out}),
        results=tuple(out),
        shacl_report=_shacl_turtle(raw, counts["Violation"] == 0) if want_turtle else "",
    )


def _objects(data, s, p: str) -> list:
    import pyoxigraph as ox

    if isinstance(s, ox.Literal) or s is None:
        return []
    return [q.object for q in data.quads_for_pattern(s, ox.NamedNode(p), None)]


def _shacl_turtle(raw, conforms: bool) -> str:
    """The sh:ValidationReport of the raw results, as canonical Turtle."""
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.namespace import RDF

    from ..io.serialize import canonical_turtle

    def sh(n):
        return URIRef(SH + n)

    g = Graph(bind_namespaces="none")
    report = BNode()
    g.add((report, RDF.type, sh("ValidationReport")))
    g.add((report, sh("conforms"), Literal(conforms)))
    for r in raw:
        node = BNode()
        g.add((report, sh("result"), node))
        g.add((node, RDF.type, sh("ValidationResult")))
        g.add((node, sh("focusNode"), rdflib_term(r.focus, plain=False)))
        g.add((node, sh("resultSeverity"), sh(r.severity)))
        g.add((node, sh("sourceConstraintComponent"), sh(r.component)))
        if isinstance(r.shape, URIRef):
            g.add((node, sh("sourceShape"), r.shape))
        if isinstance(r.path, URIRef):
            g.add((node, sh("resultPath"), r.path))
        if r.value is not None:
            g.add((node, sh("value"), rdflib_term(r.value, plain=False)))
        for lang, text in r.messages.items():
            g.add((node, sh("resultMessage"), Literal(text, lang=lang or None)))
    return canonical_turtle(g)


def _show_path(path) -> str | None:
    from rdflib import URIRef

    if path is None:
        return None
    if isinstance(path, URIRef):
        return compact(str(path))
    return "(path)"


def _labels(store: Store, iris: set[str]) -> dict[str, str]:
    import pyoxigraph as ox

    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    rows = store.select(
        "SELECT ?c ?l WHERE { VALUES ?c { " + values + " } ?c skos:prefLabel ?l "
        "FILTER(LANGMATCHES(LANG(?l), 'nl')) }"
    )
    return {r["c"].value: r["l"].value for r in rows}


# ---------------------------------------------------------------------- reading
def read_profiles(store: Store, paths, *, conforms_to: str | None = None):
    """Parse profile files into one pyoxigraph store: .ttl, .jsonld/.json, .nt, and
    curriculum sheets (.csv, .xlsx: ``checks.curriculum``).

    Turtle and JSON-LD are parsed by Oxigraph (errors name file, line and column); a JSON-LD
    file with a remote @context is refused before parsing, so nothing is fetched.
    ``conforms_to``: a framework every profile read is checked against, as if it claimed it
    (a sheet validated without importing it first).
    """
    import pyoxigraph as ox

    from ..io import inputs

    formats = {
        ".ttl": ox.RdfFormat.TURTLE,
        ".jsonld": ox.RdfFormat.JSON_LD,
        ".json": ox.RdfFormat.JSON_LD,
        ".nt": ox.RdfFormat.N_TRIPLES,
    }
    scheme = None
    if conforms_to:
        from ..questions.catalogue import scheme_node

        scheme = scheme_node(store, conforms_to)
    out = ox.Store()
    for path in map(Path, paths):
        suffix = path.suffix.lower()
        before = _profiles_in(out)
        if suffix in (".csv", ".xlsx"):
            from .curriculum import read_csv

            out.extend(
                ox.Quad(*map(ox_term, t)) for t in read_csv(store, path, conforms_to=conforms_to)
            )
            continue
        if suffix not in formats:
            raise InputError(f"{path}: unknown profile format; use .ttl, .jsonld, .csv or .xlsx")
        data = inputs.read_bytes(path)  # the size cap, as for every user file
        inputs.decode(path, data)
        if formats[suffix] == ox.RdfFormat.JSON_LD:
            inputs.check_jsonld(path, data)  # remote contexts, nesting
        form, base = formats[suffix], path.resolve().as_uri()
        if form != ox.RdfFormat.N_TRIPLES and inputs.worker.available():
            # parsed in a worker stopped at the parse deadline; the triples come back as
            # N-Triples (literals are SHACL's to judge here, not the reader's)
            data = inputs.parse_with_deadline(
                path, data, form, base, ox.RdfFormat.N_TRIPLES, literals="none"
            )
            form = ox.RdfFormat.N_TRIPLES
        one = ox.Store()
        try:
            one.load(data, format=form, base_iri=base)
        except (SyntaxError, ValueError, OSError) as exc:
            msg = str(exc).replace("Parser error at ", "")
            raise InputError(f"{path}: {msg}; fix the syntax there") from None
        if scheme is not None:
            claim = ox.NamedNode(PREFIXES["dct"] + "conformsTo")
            one.extend([ox.Quad(p, claim, scheme) for p in _profile_nodes(one)])
        out.extend(list(one))
        if _profiles_in(out) == before:
            raise InputFileError(
                path,
                "holds no profile (no role, person or team profile and no curriculum); "
                "nothing to validate",
            )
    return out


def _profile_nodes(data) -> list:
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(RDF_TYPE)
    return [
        q.subject
        for c in PROFILE_CLASSES
        for q in data.quads_for_pattern(None, rdf_type, ox.NamedNode(HG + c), None)
    ]


def _profiles_in(data) -> int:
    """How many profiles (of any of the profile classes) a pyoxigraph store holds."""
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(RDF_TYPE)
    return sum(
        1
        for c in PROFILE_CLASSES
        for _ in data.quads_for_pattern(None, rdf_type, ox.NamedNode(HG + c), None)
    )


# -------------------------------------------------------------------- rendering
def render_report(report: ValidationReport, fmt: str = "text", lang: str = "en") -> str:
    """The report as text grouped by profile and item, JSON, or the sh:ValidationReport."""
    from ..model import to_json

    if fmt == "turtle":
        return report.shacl_report
    if fmt == "json":
        d = report.as_dict()
        d.pop("shacl_report", None)
        return to_json(d)
    words = SEVERITY_WORDS[lang]
    nl = lang == "nl"
    lines: list[str] = []
    groups: dict = {}
    for r in report.results:
        groups.setdefault((r.profile, r.profile_label), {}).setdefault(
            (r.item, r.item_label), []
        ).append(r)
    for (profile, plabel), items in groups.items():
        head = ("Profiel" if nl else "Profile") if profile else ("Graaf" if nl else "Graph")
        name = f"{profile} “{plabel}”" if plabel else (profile or "")
        lines.append(f"{head} {name}".rstrip())
        for (item, ilabel), rows in items.items():
            if item:
                lines.append(f"  {item}" + (f" “{ilabel}”" if ilabel else ""))
            for r in rows:
                where = f" [{r.path}]" if r.path and not item else ""
                lines.append(f"    {words[r.severity]}: {r.message}{where}")
                if r.source_text:
                    lines.append(f"      {'bron' if nl else 'source'}: “{r.source_text}”")
    verdict = (
        ("voldoet" if nl else "conforms")
        if report.conforms
        else ("voldoet niet" if nl else "does not conform")
    )
    lines.append(
        f"{report.violations} {'overtredingen' if nl else 'violations'}, "
        f"{report.warnings} {'waarschuwingen' if nl else 'warnings'}, "
        f"{report.infos} info: {verdict}"
    )
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------- main
