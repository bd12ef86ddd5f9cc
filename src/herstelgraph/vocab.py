"""The project's vocabulary, each name spelled once: the prefix map (Turtle, SPARQL, SSSOM,
JSON-LD and CURIE parsing all read it), the namespaces, the named graphs, and the few
constants several layers share (the no-match target, the inverse of each mapping relation)."""

from __future__ import annotations

BASE = "https://w3id.org/herstelgraph/"

#: prefix -> namespace IRI. Order is the order written in generated files.
PREFIXES: dict[str, str] = {
    "hg": BASE + "def#",
    "bk": BASE + "bk-0597-1/",
    "valente": BASE + "valente-2023/",
    "bijlage2": BASE + "bijlage-ii/",
    "rv": BASE + "randvoorwaarden/",
    "nk": BASE + "nk-2017/",
    "hgm": BASE + "mapping/",
    "hgp": BASE + "profile/",
    "hgagent": BASE + "agent/",
    "hgrule": BASE + "rubric#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "ceasn": "https://purl.org/ctdlasn/terms/",
    "ceterms": "https://purl.org/ctdl/terms/",
    "esco": "http://data.europa.eu/esco/model#",
    "escoo": "http://data.europa.eu/esco/occupation/",
    "escos": "http://data.europa.eu/esco/skill/",
    "hgext": BASE + "external/",
    "eqf": "http://data.europa.eu/snb/eqf/",
    "qb": "http://purl.org/linked-data/cube#",
    "sh": "http://www.w3.org/ns/shacl#",
    "sssom": "https://w3id.org/sssom/",
    "semapv": "https://w3id.org/semapv/vocab/",
    "pav": "http://purl.org/pav/",
    "orcid": "https://orcid.org/",
}

#: framework prefixes, i.e. those whose namespace holds one concept scheme each.
FRAMEWORK_PREFIXES = ("bk", "valente", "bijlage2", "rv", "nk")

HG = PREFIXES["hg"]
SKOS = PREFIXES["skos"]
SSSOM = PREFIXES["sssom"]
SEMAPV = PREFIXES["semapv"]
RDF = PREFIXES["rdf"]
RDF_TYPE = RDF + "type"
RDFS = PREFIXES["rdfs"]
DCT = PREFIXES["dct"]
XSD = PREFIXES["xsd"]
#: SKOS-XL: no prefix of ours (nothing here uses it), but the quality checks know its terms
SKOSXL = "http://www.w3.org/2008/05/skos-xl#"

#: The named graphs of a store (and of the TriG export an endpoint is loaded from).
ASSERTED_GRAPH = BASE + "graph/asserted"
INFERRED_GRAPH = BASE + "graph/inferred"
USER_GRAPH = BASE + "graph/user"
#: Records the merged view sets aside (rejected in review, or left out by a mapping filter):
#: kept in the store for inspection, read by no question.
WITHHELD_GRAPH = BASE + "graph/withheld"
#: External vocabularies (ESCO, issue 21) and the curated links to them: read by the questions
#: about external links only, never by the closure, the tallies or the framework questions
#: (ESCO is no framework, and its links must not change an internal figure).
EXTERNAL_GRAPH = BASE + "graph/external"

#: SSSOM's "no term found": the object of a reviewed no-match record.
NO_TERM = SSSOM + "NoTermFound"
NO_TERM_CURIE = "sssom:NoTermFound"

#: The five SKOS mapping relations, strongest first, as CURIEs.
MATCH_RELATIONS = (
    "skos:exactMatch",
    "skos:closeMatch",
    "skos:broadMatch",
    "skos:narrowMatch",
    "skos:relatedMatch",
)

#: Each mapping (and hierarchy) relation read the other way round.
INVERSE: dict[str, str] = {
    "skos:exactMatch": "skos:exactMatch",
    "skos:closeMatch": "skos:closeMatch",
    "skos:broadMatch": "skos:narrowMatch",
    "skos:narrowMatch": "skos:broadMatch",
    "skos:relatedMatch": "skos:relatedMatch",
    "skos:broaderTransitive": "skos:narrowerTransitive",
    "skos:narrowerTransitive": "skos:broaderTransitive",
}
