"""The query library: every shipped .rq parses, and carries the header the CLI and the
docs rely on (Question, Parameters, Entailment, Example)."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from herstelgraph.store import queries
from herstelgraph.store.endpoint import with_prefixes
from herstelgraph.vocab import PREFIXES

from conftest import ROOT

FILES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_query_parses_and_has_a_header(path):
    text = path.read_text(encoding="utf-8")
    head = [line for line in text.splitlines()[:6] if line.startswith("#")]
    for key in ("Question", "Parameters", "Entailment", "Example"):
        assert any(re.match(rf"#\s*{key}:\s*\S", line) for line in head), f"{path.name}: {key}"
    spec = queries.parse(text, path.stem, str(path))
    assert spec.question.endswith("?") or spec.question.endswith(".")
    assert spec.example.startswith("herstelgraph")
    # Parses with Oxigraph, with the project prefixes as given and as sent to an endpoint.
    ox.Store().query(text, prefixes=PREFIXES)
    ox.Store().query(with_prefixes(text))
    # Declared parameters occur in the text; nothing is formatted into it.
    for p in spec.parameters:
        assert f"?{p.name}" in text, f"{path.name}: parameter ?{p.name} unused"
    assert "{" not in spec.question and "%s" not in text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_entailment_is_declared_where_the_closure_is_used(path):
    spec = queries.get(path.stem)
    closure_terms = (
        "mappingRelation", "broaderTransitive", "narrowerTransitive", "mappedInto", "Tally",
        "hg:mappedCount", "RequirementItem", "mappedViaExampleInto", "viaExampleCount",
    )  # fmt: skip
    uses = any(t in spec.text.split("\nSELECT", 1)[-1] for t in closure_terms)
    if uses:
        assert spec.entailment, f"{path.name} uses the closure: say '# Entailment: skos-closure'"


DERIVED = sorted((ROOT / "queries" / "derived").glob("*.ru"))


def test_every_derived_update_is_run_and_every_one_run_is_shipped():
    from herstelgraph.store.tallies import DERIVED as RUN

    assert sorted(RUN) == [p.stem for p in DERIVED]


@pytest.mark.parametrize("path", DERIVED, ids=lambda p: p.stem)
def test_derived_update_has_a_header_and_parses(path):
    text = path.read_text(encoding="utf-8")
    head = [line for line in text.splitlines()[:6] if line.startswith("#")]
    for key in ("Derives", "Read by", "Reads", "Why"):
        assert any(line.startswith(f"# {key}: ") for line in head), f"{path.name}: {key}"
    # every question named as a reader exists, and reads what this file derives
    derived = re.search(r"hg:(\w+Tally)", text).group(1)
    readers = re.search(r"# Read by: (.*)", text).group(1).split(", ")
    for name in readers:
        assert derived in (ROOT / "queries" / name).read_text(encoding="utf-8"), name
    store = ox.Store()
    store.update(text)  # parses, and runs on an empty store
    assert len(store) == 0


def test_no_unbounded_paths_over_mappings():
    """Anchors: + and * paths over mappings never finish at 50x; chains are bounded joins."""
    for path in FILES:
        body = "\n".join(
            line for line in path.read_text().splitlines() if not line.lstrip().startswith("#")
        )
        assert not re.search(r"(Match|mappingRelation)\)?[+*]", body), path.name
        assert "MINUS" not in body, path.name


# ---------------------------------------------------------------------- portability
# What the shipped queries keep out so that every SPARQL 1.1 engine gives the embedded
# answers (issue 23). Run here: Oxigraph (embedded and server) and Virtuoso 7.2
# (tests/test_engines.py); the Virtuoso errors below were seen on Debian's 7.2.x. Fuseki
# (Jena) and GraphDB (RDF4J) are reasoned, not run: they implement SPARQL 1.1 as the W3C
# wrote it, so the rules keep the queries inside it, and the queries also parse with a second
# SPARQL 1.1 grammar (rdflib's), as Oxigraph accepts SPARQL 1.2 drafts and its own additions.
# The static rules SPARQL sets (a SELECT variable outside GROUP BY, a BIND to a variable in
# scope), which Jena and RDF4J enforce, Oxigraph enforces too: test_query_parses… runs it.


def _expressions(code: str) -> list[str]:
    """Each ``( … AS ?v)`` of a BIND or a SELECT clause, from its opening parenthesis."""
    out = []
    for m in re.finditer(r"\bAS\s+\?\w+\s*\)", code, re.IGNORECASE):
        depth = 0
        for i in range(m.start() - 1, -1, -1):
            if code[i] == ")":
                depth += 1
            elif code[i] == "(":
                if depth == 0:
                    out.append(code[i : m.end()])
                    break
                depth -= 1
    return out


def _exists_in_logic(code: str) -> bool:
    return any(
        re.search(r"\bEXISTS\b", e, re.I) and re.search(r"\|\||&&", e) for e in _expressions(code)
    )


_NAME = r"(\b[A-Za-z][\w-]*:[\w-]*|\))"
_VENDOR_PREFIXES = ("bif", "sql", "afn", "apf", "jfn", "ofn", "spif", "fn")
_VENDOR_NAMESPACES = (
    "http://www.openlinksw.com/",  # Virtuoso's bif:/sql: built-ins
    "http://jena.apache.org/ARQ/",  # Jena's afn:/apf:
    "http://jena.hpl.hp.com/ARQ/",
    "http://www.ontotext.com/",  # GraphDB's ofn: and plugins
    "http://spinrdf.org/",  # TopBraid's spif:
    "http://www.w3.org/2005/xpath-functions",  # fn:, Jena only beyond SPARQL's own built-ins
)


def _alternative_without_distinct(code: str) -> bool:
    alternative = re.search(_NAME + r"\s*\|\s*(\^?[A-Za-z][\w-]*:|\(|\^)", code)
    distinct = re.search(r"^\s*SELECT\s+(DISTINCT|REDUCED)\b|\bGROUP\s+BY\b", code, re.I | re.M)
    return bool(alternative) and not distinct


#: (rule, where it comes from, test on the query text, a text that breaks it)
NON_PORTABLE = [
    (
        "EXISTS joined by || or && in a BIND or SELECT expression",
        "Virtuoso 7.2: 'Error SQ074' (hubs.rq's header); in a FILTER it works, so gaps and "
        "explain keep theirs there",
        lambda code, raw: _exists_in_logic(code),
        "SELECT ?s ?x WHERE { ?s ?p ?o BIND(EXISTS { ?s a ?t } || !BOUND(?z) AS ?x) }",
    ),
    (
        "a UNION branch that is a VALUES block alone",
        "Virtuoso 7.2 answers { VALUES ?x { 1 } } UNION { VALUES ?x { 2 } } with no row "
        "and no error (checks/endpoint.py)",
        lambda code, raw: bool(
            re.search(
                r"\{\s*VALUES\s+(\?\w+|\([^()]*\))\s*\{[^{}]*\}\s*\}\s*UNION\b"
                r"|\bUNION\s*\{\s*VALUES\s+(\?\w+|\([^()]*\))\s*\{[^{}]*\}\s*\}",
                code,
                re.I,
            )
        ),
        "SELECT ?x WHERE { { VALUES ?x { 1 } } UNION { VALUES ?x { 2 } } }",
    ),
    (
        "a path alternative (a|b) without SELECT DISTINCT or GROUP BY",
        "SPARQL 1.1 evaluates a|b as a UNION, so Virtuoso and Jena return a pair reached two "
        "ways twice and Oxigraph once (compare-roles.rq's and coverage-of.rq's headers)",
        lambda code, raw: _alternative_without_distinct(code),
        "SELECT ?c WHERE { ?p (skos:broadMatch|skos:closeMatch) ?c }",
    ),
    (
        "a + or * property path",
        "Virtuoso 7.2: 'Error TR…: transitive start not given' when neither end is bound; "
        "the closure holds skos:broaderTransitive, and + paths over mappings never finish at "
        "50x (test_no_unbounded_paths_over_mappings)",
        lambda code, raw: bool(re.search(_NAME + r"[+*](?!\w)", code)),
        "SELECT ?a ?b WHERE { ?a skos:broader+ ?b }",
    ),
    (
        "LATERAL",
        "SPARQL 1.2 draft, in Oxigraph and Jena 5; Virtuoso 7.2: 'SP030 syntax error at "
        "LATERAL', RDF4J has none",
        lambda code, raw: bool(re.search(r"\bLATERAL\b", code, re.I)),
        "SELECT * WHERE { ?s ?p ?o LATERAL { SELECT ?x WHERE { ?s ?q ?x } LIMIT 1 } }",
    ),
    (
        "quoted triples and the SPARQL 1.2 functions (TRIPLE, SUBJECT, ADJUST, LANGDIR, …)",
        "Oxigraph's RDF 1.2 support; Virtuoso 7.2: 'SP030 syntax error' at << and at "
        "TRIPLE( and ADJUST(",
        lambda code, raw: bool(
            re.search(
                r"<<|\{\||\b(TRIPLE|SUBJECT|PREDICATE|OBJECT|isTRIPLE|ADJUST|LANGDIR|"
                r"STRLANGDIR|HASLANG|HASLANGDIR)\s*\(",
                code,
                re.I,
            )
        ),
        "SELECT ?t WHERE { ?s ?p ?o BIND(TRIPLE(?s, ?p, ?o) AS ?t) }",
    ),
    (
        "SERVICE",
        "no network at run time; Virtuoso 7.2 refuses it to the anonymous SPARQL user "
        "('SQ070: SECURITY'); a user's own .rq may use it on an endpoint (README)",
        lambda code, raw: bool(re.search(r"\bSERVICE\b", code, re.I)),
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ),
    (
        "FROM or FROM NAMED",
        "the client names the graphs with default-graph-uri, which the protocol lets "
        "override FROM, and a query with FROM cannot be paged (store/endpoint.py)",
        lambda code, raw: bool(re.search(r"\bFROM\b", code, re.I)),
        "SELECT * FROM <http://example.org/g> WHERE { ?s ?p ?o }",
    ),
    (
        "an engine's own functions or pragmas (bif:, sql:, afn:, ofn:, spif:, fn:, DEFINE)",
        "each exists in one engine only (Virtuoso, Jena, GraphDB, TopBraid)",
        lambda code, raw: bool(
            re.search(rf"\b({'|'.join(_VENDOR_PREFIXES)}):", code)
            or re.search(r"^\s*DEFINE\s", code, re.I | re.M)
            or any(ns in raw for ns in _VENDOR_NAMESPACES)
        ),
        'SELECT ?x WHERE { ?s ?p ?o BIND(bif:concat("a", "b") AS ?x) }',
    ),
]


def _texts(raw: str) -> tuple[str, str]:
    """The query with comments, strings and IRIs blanked (to find keywords), and with
    comments alone blanked (to find the namespaces it names)."""
    from herstelgraph.store.endpoint import _mask

    code = _mask(raw)
    without_comments = "\n".join(re.sub(r"#.*", "", line) for line in raw.splitlines())
    return code, without_comments


@pytest.mark.parametrize(("rule", "source", "breaks", "example"), NON_PORTABLE,
                         ids=[r[0] for r in NON_PORTABLE])  # fmt: skip
def test_each_portability_rule_finds_what_it_names(rule, source, breaks, example):
    assert breaks(*_texts(example)), rule
    assert not breaks(*_texts("SELECT ?s WHERE { ?s a skos:Concept } ORDER BY ?s")), rule


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_query_keeps_out_what_other_engines_reject(path):
    code, raw = _texts(path.read_text(encoding="utf-8"))
    found = [f"{rule} ({source})" for rule, source, breaks, _ in NON_PORTABLE if breaks(code, raw)]
    assert not found, f"{path.name}: " + "; ".join(found)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_query_parses_with_a_second_sparql_grammar(path):
    """rdflib's SPARQL 1.1 parser refuses what Oxigraph alone accepts (LATERAL, <<…>>,
    TRIPLE(), ADJUST())."""
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery(with_prefixes(path.read_text(encoding="utf-8")))


def test_the_second_grammar_refuses_what_oxigraph_alone_accepts():
    from pyparsing import ParseException
    from rdflib.plugins.sparql import prepareQuery

    for text in (
        "SELECT * WHERE { ?s ?p ?o LATERAL { SELECT ?x WHERE { ?s ?q ?x } } }",
        "SELECT ?t WHERE { ?s ?p ?o BIND(TRIPLE(?s, ?p, ?o) AS ?t) }",
    ):
        ox.Store().query(text)  # Oxigraph takes it
        with pytest.raises(ParseException):
            prepareQuery(text)


def test_an_anchor_names_an_iri_parameter_and_a_user_file_gets_none(tmp_path):
    """``# Anchored:`` lets the store leave graphs in the union (decision 29), so it must name
    an iri parameter, and a user's query file is not trusted with it."""
    from herstelgraph.errors import InputError

    head = "# Question: q\n# Parameters: ?a iri, ?n string\n# Anchored: {}\n"
    body = "SELECT ?s WHERE { ?s ?p ?a }\n"
    assert queries.parse(head.format("?a") + body, "q").anchor == "a"
    for wrong in ("?n", "?z"):
        with pytest.raises(InputError, match="Anchored"):
            queries.parse(head.format(wrong) + body, "q")
    path = tmp_path / "mine.rq"
    path.write_text(head.format("?a") + body)
    assert queries.from_file(path).anchor is None
