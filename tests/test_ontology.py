"""The core ontology: metadata from the package version, nl+en labels on every term."""

from __future__ import annotations

from functools import cache

from rdflib import OWL, RDF, RDFS, URIRef

import herstelgraph

from conftest import ROOT, parse_ttl

CORE = ROOT / "ontology" / "herstelgraph.ttl"
HG = "https://w3id.org/herstelgraph/def#"


def test_ontology_header_follows_package_version():
    g = parse_ttl(CORE)
    onto = URIRef("https://w3id.org/herstelgraph/def")
    assert (onto, RDF.type, OWL.Ontology) in g
    assert str(g.value(onto, OWL.versionInfo)) == herstelgraph.__version__
    assert str(g.value(onto, OWL.versionIRI)).endswith(f"/{herstelgraph.__version__}/def")
    assert g.value(onto, URIRef("http://purl.org/dc/terms/license")) is not None
    assert g.value(onto, URIRef("http://purl.org/dc/terms/creator")) is not None
    langs = {c.language for c in g.objects(onto, RDFS.comment)}
    assert {"nl", "en"} <= langs


def test_every_core_term_has_nl_and_en_label_and_comment():
    g = parse_ttl(CORE)
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(HG)}
    assert len(terms) >= 25
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = sorted(o.language for o in g.objects(term, prop))
            assert langs == ["en", "nl"], f"{term} {prop}: {langs}"


def test_classes_reuse_existing_vocabularies():
    g = parse_ttl(CORE)
    hg = lambda n: URIRef(HG + n)  # noqa: E731
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert (hg("Framework"), RDFS.subClassOf, URIRef(skos + "ConceptScheme")) in g
    assert (hg("Item"), RDFS.subClassOf, URIRef(skos + "Concept")) in g
    ceasn = URIRef("https://purl.org/ctdlasn/terms/Competency")
    assert (hg("Competency"), RDFS.subClassOf, ceasn) in g
    for name in (
        "Competency Activity KnowledgeItem Skill Attitude Task OrganisationalCondition "
        "ContextStatement Section"
    ).split():
        assert (hg(name), RDF.type, OWL.Class) in g


# ------------------------------------------------------------------ NL-SBB (issue 21)
# The points of the Dutch standard's SHACL profile (NL-SBB 1.0.0, skos-ap-nl.ttl), checked in
# plain Python on the shipped graph, so that `make test` keeps them without a SHACL run.
SKOS_NS = "http://www.w3.org/2004/02/skos/core#"
MATCHES = [
    URIRef(SKOS_NS + m) for m in "exactMatch closeMatch broadMatch narrowMatch relatedMatch".split()
]


@cache
def _shipped():
    """The framework files and mappings.ttl, parsed once (the tests only read it)."""
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        g.parse(path, format="turtle")
    mappings = ROOT / "mappings" / "mappings.ttl"
    if mappings.exists():
        g.parse(mappings, format="turtle")
    return g


def _concepts(g):
    return sorted(set(g.subjects(RDF.type, URIRef(SKOS_NS + "Concept"))))


def test_nl_sbb_every_concept_has_a_language_tagged_definition():
    g = _shipped()
    missing = [
        c
        for c in _concepts(g)
        if not [d for d in g.objects(c, URIRef(SKOS_NS + "definition")) if d.language]
    ]
    assert not missing, f"{len(missing)} concepts without skos:definition@lang: {missing[:5]}"


def test_nl_sbb_every_scheme_has_a_language_tagged_title():
    g = _shipped()
    schemes = set(g.subjects(RDF.type, URIRef(SKOS_NS + "ConceptScheme")))
    assert len(schemes) >= 6
    dct_title = URIRef("http://purl.org/dc/terms/title")
    untitled = [s for s in schemes if not [t for t in g.objects(s, dct_title) if t.language]]
    assert not untitled, untitled


def test_nl_sbb_hierarchy_notations_and_matches():
    g = _shipped()
    skos = lambda n: URIRef(SKOS_NS + n)  # noqa: E731
    problems = []
    notations = {}
    for c in _concepts(g):
        schemes = set(g.objects(c, skos("inScheme")))
        tops = set(g.objects(c, skos("topConceptOf"))) | set(g.subjects(skos("hasTopConcept"), c))
        if tops and list(g.objects(c, skos("broader"))):
            problems.append(f"top concept with a broader concept: {c}")
        linked = any(
            True
            for p in ("broader", "narrower", "related")
            for _ in [*g.objects(c, skos(p)), *g.subjects(skos(p), c)]
        )
        if not tops and not linked:
            problems.append(f"orphan (not top, no broader/narrower/related): {c}")
        for scheme in schemes:
            for n in g.objects(c, skos("notation")):
                other = notations.setdefault((scheme, str(n)), c)
                if other != c:
                    problems.append(f"notation {n} shared by {c} and {other}")
    # *Match never inside one scheme: neither as a triple nor as a mapping record.
    owl = "http://www.w3.org/2002/07/owl#"
    pairs = [(s, o) for m in MATCHES for s, o in g.subject_objects(m)]
    for axiom in g.subjects(URIRef(owl + "annotatedProperty"), None):
        if g.value(axiom, URIRef(owl + "annotatedProperty")) in MATCHES:
            pairs.append(
                (g.value(axiom, URIRef(owl + "annotatedSource")),
                 g.value(axiom, URIRef(owl + "annotatedTarget")))
            )  # fmt: skip
    for s, o in pairs:
        if set(g.objects(s, skos("inScheme"))) & set(g.objects(o, skos("inScheme"))):
            problems.append(f"mapping inside one scheme: {s} {o}")
    assert not problems, "\n".join(problems[:20])


def test_nl_sbb_shared_pref_labels_are_the_documented_restatements():
    """NL-SBB warns when two concepts of one scheme share a prefLabel. The only such pairs are
    BK-0597-1's 'Verantwoordelijkheid' statements, which repeat the competency titles word for
    word and say so with hg:restates (docs/modelling.md, 'NL-SBB conformance')."""
    g = _shipped()
    seen, shared = {}, set()
    for c in _concepts(g):
        for scheme in g.objects(c, URIRef(SKOS_NS + "inScheme")):
            for label in g.objects(c, URIRef(SKOS_NS + "prefLabel")):
                other = seen.setdefault((scheme, label), c)
                if other != c:
                    shared.add(frozenset((c, other)))
    restates = {frozenset(p) for p in g.subject_objects(URIRef(HG + "restates"))}
    assert shared == restates and len(restates) == 11


def test_source_document_is_a_dct_source():
    """NL-SBB's 'heeft bron' is dct:source; every item's hg:sourceDocument is one by
    rdfs:subPropertyOf, so a reasoner (or the export's closure) yields dct:source."""
    g = parse_ttl(CORE)
    dct_source = URIRef("http://purl.org/dc/terms/source")
    assert (URIRef(HG + "sourceDocument"), RDFS.subPropertyOf, dct_source) in g
