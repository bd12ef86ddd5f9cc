# Derives: hg:CoverageTally, for every ordered pair of frameworks (A, B) and every top-level section of A (none: items outside any section): how many of A's requirement items (hg:RequirementItem, RUBRIC C-COV-1) are mapped into B's requirement items, covered only via an example (hg:mappedViaExampleInto, R-EX-1), reviewed with no match (sssom:NoTermFound), or none of these.
# Read by: coverage.rq
# Reads: the asserted, user and inferred graphs: it needs hg:RequirementItem, hg:mappedInto, hg:mappedViaExampleInto and skos:broaderTransitive from the SKOS closure, so it runs after it.
# Why: this aggregate joins every item with every other framework (45k rows at 50x) and takes 0.75 s; the tallies are computed once, with the closure, and cached under the same content hash (docs/performance.md). The loader computes the same records in Python (store/tallies.py, 0.6 s instead of 2 s at 50x with --data, decision 35); this update is their definition, and tests/test_tallies.py holds the two to the same triples.
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX sssom: <https://w3id.org/sssom/>
PREFIX hg: <https://w3id.org/herstelgraph/def#>

INSERT {
  GRAPH <https://w3id.org/herstelgraph/graph/inferred> {
    ?tally a hg:CoverageTally ;
           hg:framework ?a ;
           hg:otherFramework ?b ;
           hg:section ?top ;
           hg:count ?items ;
           hg:mappedCount ?mapped ;
           hg:viaExampleCount ?viaExample ;
           hg:noMatchCount ?noMatch .
  }
}
USING <https://w3id.org/herstelgraph/graph/asserted>
USING <https://w3id.org/herstelgraph/graph/user>
USING <https://w3id.org/herstelgraph/graph/inferred>
WHERE {
  {
    SELECT ?a ?b ?top (COUNT(DISTINCT ?item) AS ?items)
           (COUNT(DISTINCT ?m) AS ?mapped) (COUNT(DISTINCT ?x) AS ?viaExample)
           (COUNT(DISTINCT ?n) AS ?noMatch)
    WHERE {
      ?a a hg:Framework .
      ?b a hg:Framework .
      FILTER(?a != ?b)
      # the one definition of an item that counts (closure.requirement_items)
      ?item skos:inScheme ?a ;
            a hg:RequirementItem .
      OPTIONAL { ?item hg:mappedInto ?b . BIND(?item AS ?m) }
      OPTIONAL { ?item hg:mappedViaExampleInto ?b . BIND(?item AS ?x) }
      OPTIONAL {
        ?r owl:annotatedTarget sssom:NoTermFound ;
           owl:annotatedSource ?item ;
           sssom:object_source ?b .
        FILTER(!BOUND(?m) && !BOUND(?x))
        BIND(?item AS ?n)
      }
      OPTIONAL { ?item skos:broaderTransitive ?top . ?a skos:hasTopConcept ?top . }
    }
    GROUP BY ?a ?b ?top
  }
  BIND(IRI(CONCAT("https://w3id.org/herstelgraph/tally/coverage/",
                  MD5(CONCAT(STR(?a), " ", STR(?b), " ", COALESCE(STR(?top), ""))))) AS ?tally)
}
