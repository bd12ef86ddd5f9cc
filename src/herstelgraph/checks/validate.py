"""SHACL validation of the shipped graph and of users' profiles (role, person, team, curriculum).

Speed is a design constraint (2,000 profiles in 5 s): pyshacl runs SHACL Core shapes only on
profiles, never on the whole graph. ``validate_profiles`` builds one small data graph holding
the profiles plus the ``rdf:type`` triples of the IRIs they name (and the ontology's subclass
axioms, and the hierarchy above the items they name), which is all the profile shapes need.
The frameworks' rules (herstelgraph.checks.rules: BK-0597-1's competencies, Valente's items for
each professional, team and organisation, Bijlage II, the Randvoorwaarden) are Core shapes
generated from the graph into ``shapes/profiles-generated.ttl``:
``make shapes`` (``python tools/dev.py shapes``).

Benchmarks call ``validate_profiles(store, graph)`` with an rdflib graph of N profiles.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InputError, InputFileError, ParameterError
from ..ids import compact
from ..io.rdflib_bridge import ox_quad, ox_term, rdflib_term
from ..model import Engine, Language, ValidationReport, ValidationResult
from ..store.store import ASSERTED, INFERRED, USER, Queryable, Store
from ..vocab import FRAMEWORK_PREFIXES, HG, PREFIXES
from .rules import (
    COVER_RULES,
    NO_RULES,
    PROFILE_CLASSES,
    generate_profile_shapes,
    generate_role_profiles,
)

__all__ = [
    "COVER_RULES",
    "generate_profile_shapes",
    "generate_role_profiles",
    "validate_files",
    "validate_profiles",
]

SH = PREFIXES["sh"]
RDF_TYPE = PREFIXES["rdf"] + "type"
LANGS = ("nl", "en")
#: How a part of a profile hangs off its profile, walked upwards to group results.
PARENT_PROPERTIES = (
    "requirement",
    "proficiency",
    "module",
    "learningOutcome",
    "canCallIn",
    "fulfils",
)
GRAPH_SHAPES = ("graph.ttl",)
PROFILE_SHAPES = ("profiles.ttl", "profiles-generated.ttl")
GENERATED = "profiles-generated.ttl"
ROLES = "roles.ttl"  # in ontology/: the role profiles the sources define
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


# ------------------------------------------------------------------ data graphs
_FRAMEWORK_NS = tuple(PREFIXES[p] for p in FRAMEWORK_PREFIXES)


def _framework_iri(iri: str) -> bool:
    return iri.startswith(_FRAMEWORK_NS)


_NOT_DATA = (
    "profiles are RDF data (an rdflib Graph, a pyoxigraph Store, or their triples), not file "
    "names; validate files with validate_files(paths)"
)


def _as_ox_triples(profiles):
    """Triples of an rdflib graph, a pyoxigraph store or an iterable of either kind's triples."""
    import pyoxigraph as ox

    if isinstance(profiles, ox.Store):
        for q in profiles:
            yield q.subject, q.predicate, q.object
        return
    if isinstance(profiles, str | os.PathLike):
        raise ParameterError("profiles", _NOT_DATA)
    for triple in profiles:
        if isinstance(triple, str | os.PathLike):
            raise ParameterError("profiles", _NOT_DATA)
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
    the ontology's subclass axioms, and the items above the framework items they name
    (``skos:broader``, ``hg:restates``: coverage follows the hierarchy). Returns a pyoxigraph
    store (default graph).

    Triples the profile file states about framework IRIs are dropped, so a profile cannot make
    an unknown ID pass by typing it ``skos:Concept`` itself, and so are the hierarchy triples
    it states, so that its own items cannot count for the frameworks'.
    """
    import pyoxigraph as ox

    rdf_type = ox.NamedNode(RDF_TYPE)
    subclass = ox.NamedNode(PREFIXES["rdfs"] + "subClassOf")
    quads = []
    named: set = set()
    for s, p, o in _as_ox_triples(profiles):
        if (isinstance(s, ox.NamedNode) and _framework_iri(s.value)) or p.value in _HIERARCHY:
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
                n = r["n"]  # one of the named nodes bound in
                if isinstance(n, ox.NamedNode):
                    quads.append(ox.Quad(n, rdf_type, r["t"]))
    for q in store.quads(None, subclass):
        if (
            isinstance(q.subject, ox.NamedNode)
            and q.subject.value.startswith(HG)
            and isinstance(q.object, ox.NamedNode)
        ):
            quads.append(ox.Quad(q.subject, subclass, q.object))
    quads += _above(store, [n for n in named if _framework_iri(n.value)])
    data = ox.Store()
    data.extend(quads)
    return data


_HIERARCHY = (PREFIXES["skos"] + "broader", HG + "restates")
_ABOVE = (
    "SELECT DISTINCT ?s ?p ?o WHERE { ?n (skos:broader|hg:restates)* ?s . "
    "VALUES ?p { skos:broader hg:restates } ?s ?p ?o }"
)


def _above(store, items) -> list:
    """The skos:broader and hg:restates triples from the items up to their top concepts."""
    import pyoxigraph as ox

    if not items:
        return []
    return [ox.Quad(r["s"], r["p"], r["o"]) for r in store.select(_ABOVE, {"n": items})]


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
    profiles: Any,
    lang: Language | str = Language.EN,
    shapes: Any = None,
    *,
    engine: Engine | str = Engine.AUTO,
    shacl_report: bool = False,
) -> ValidationReport:
    """Validate any number of profiles in one run; this is the function benchmarks time.

    ``profiles``: an rdflib graph, a pyoxigraph store, or triples of either (files:
    :func:`validate_files`); a file name is refused with a ``ParameterError``. The data is the
    profiles plus the types of the IRIs they name, never the whole graph. ``shapes`` defaults
    to the shipped profile shapes (profiles.ttl + profiles-generated.ttl). ``engine``:
    ``Engine.FAST`` (our SPARQL-compiled SHACL Core, see shaclcore), ``Engine.PYSHACL`` (the
    reference), or ``Engine.AUTO`` (fast when the shapes allow it); ``lang`` and ``engine``
    also take their values as strings ("en", "fast"). ``shacl_report`` adds the
    sh:ValidationReport as Turtle.
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
    store: Store, lang: Language | str = Language.EN, shapes=None, *, shacl_report: bool = False
) -> ValidationReport:
    """Validate the shipped graph (plus user data) and its closure with shapes/graph.ttl."""
    shapes = shapes if shapes is not None else shapes_graph("graph")
    return _run(store, graph_data(store), shapes, lang, False, "pyshacl", shacl_report)


def validate_files(
    store: Store,
    paths,
    lang: Language | str = Language.EN,
    *,
    conforms_to: str | None = None,
    **kw,
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
    # the enums' plain values from here on (a str-valued enum member hashes by its name)
    if lang not in LANGS:
        raise InputError(f"unknown language {lang!r}; use nl or en")
    lang = Language(lang).value
    if engine not in Engine.values():
        raise InputError(f"unknown engine {engine!r}; use auto, fast or pyshacl")
    engine = Engine(engine).value
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
                source=first(r, sh("sourceConstraint")),
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

    def kind(prof) -> str | None:
        if prof is None:
            return None
        types = {q.object.value for q in data.quads_for_pattern(prof, rdf_type, None)}
        return next((c for c in PROFILE_CLASSES if HG + c in types), None)

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
                profile_type=kind(prof),
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
        unchecked=sum(1 for x in out if (x.shape or "").startswith(_NO_RULES_CURIE)),
    )


_NO_RULES_CURIE = compact(NO_RULES)


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
    # a file named twice (a.ttl a.ttl, or through a link) is read once: its second reading
    # would add no profile and be refused as holding none
    once = {os.path.realpath(p): Path(p) for p in reversed(list(paths))}
    for path in reversed(list(once.values())):
        suffix = path.suffix.lower()
        before = _profiles_in(out)
        if suffix in (".csv", ".xlsx"):
            from .curriculum import read_csv

            out.extend(ox_quad(t) for t in read_csv(store, path, conforms_to=conforms_to))
            continue
        if suffix not in formats:
            from ..words import Said

            raise InputFileError(path, Said("profile-format"))
        data = inputs.without_bom(inputs.read_bytes(path), formats[suffix])  # size cap
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
        except (SyntaxError, ValueError) as exc:
            raise inputs.syntax_error(path, exc) from None
        except OSError as exc:  # e.g. a JSON-LD loader asked for; nothing is fetched
            raise InputFileError(path, f"cannot be read ({exc})") from None
        if scheme is not None:
            claim = ox.NamedNode(PREFIXES["dct"] + "conformsTo")
            one.extend([ox.Quad(p, claim, scheme) for p in _profile_nodes(one)])
        out.extend(list(one))
        if _profiles_in(out) == before:
            from ..words import Said

            raise InputFileError(path, Said("no-profile"))
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
        groups.setdefault((r.profile, r.profile_label, r.profile_type), {}).setdefault(
            (r.item, r.item_label), []
        ).append(r)
    for (profile, plabel, ptype), items in groups.items():
        head = _HEADINGS[lang].get(ptype or ("Profile" if profile else "Graph"))
        name = f"{profile} “{plabel}”" if plabel else (profile or "")
        lines.append(f"{head} {name}".rstrip())
        for (item, ilabel), rows in items.items():
            if item:
                lines.append(f"  {item}" + (f" “{ilabel}”" if ilabel else ""))
            for r in rows:
                lines.append(f"    {words[r.severity]}: {r.message}")
                if r.source_text:
                    lines.append(f"      {'bron' if nl else 'source'}: “{r.source_text}”")
    if not report.conforms:
        verdict = "voldoet niet" if nl else "does not conform"
    elif report.unchecked:
        verdict = (
            "geen overtredingen, maar niet alles is gecontroleerd: geen regels voor dit kader "
            "(zie boven)"
            if nl
            else "no violations, but not everything was checked: no rules for this framework "
            "(see above)"
        )
    else:
        verdict = "voldoet" if nl else "conforms"
    counts = [
        _count(
            report.violations,
            *(("overtreding", "overtredingen") if nl else ("violation", "violations")),
        ),
        _count(
            report.warnings,
            *(("waarschuwing", "waarschuwingen") if nl else ("warning", "warnings")),
        ),
        f"{report.infos} info",
    ]
    lines.append(f"{', '.join(counts)}: {verdict}")
    return "\n".join(lines) + "\n"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


#: the heading of a profile's part of the report, by the profile's type
_HEADINGS = {
    "nl": {
        "RoleProfile": "Functieprofiel", "PersonProfile": "Persoonsprofiel",
        "Curriculum": "Curriculum", "TeamProfile": "Teamprofiel",
        "OrganisationProfile": "Organisatieprofiel", "Profile": "Profiel", "Graph": "Graaf",
    },
    "en": {
        "RoleProfile": "Role profile", "PersonProfile": "Person profile",
        "Curriculum": "Curriculum", "TeamProfile": "Team profile",
        "OrganisationProfile": "Organisation profile", "Profile": "Profile", "Graph": "Graph",
    },
}  # fmt: skip


# ------------------------------------------------------------------------- main
