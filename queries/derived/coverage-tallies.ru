# Derives: hg:CoverageTally, for every ordered pair of frameworks (A, B) and every top-level section of A (none: items outside any section): how many of A's items are mapped into B, reviewed with no match (sssom:NoTermFound), or neither.
# Read by: coverage.rq
# Reads: the asserted, user and inferred graphs: it needs hg:mappedInto and skos:broaderTransitive from the SKOS closure, so it runs after it.
# Why: this aggregate joins every item with every other framework (45k rows at 50x) and takes 0.75 s; the tallies are computed once, with the closure, and cached under the same content hash (docs/performance.md).
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
           hg:noMatchCount ?noMatch .
  }
}
USING <https://w3id.org/herstelgraph/graph/asserted>
USING <https://w3id.org/herstelgraph/graph/user>
USING <https://w3id.org/herstelgraph/graph/inferred>
WHERE {
  {
    SELECT ?a ?b ?top (COUNT(DISTINCT ?item) AS ?items)
           (COUNT(DISTINCT ?m) AS ?mapped) (COUNT(DISTINCT ?n) AS ?noMatch)
    WHERE {
      ?a a hg:Framework .
      ?b a hg:Framework .
      FILTER(?a != ?b)
      ?item skos:inScheme ?a ;
            a skos:Concept .
      FILTER NOT EXISTS { ?item a hg:Section }
      # A deprecated item (kept for its IRI) is no item of the framework any more.
      FILTER NOT EXISTS { ?item owl:deprecated true }
      # Requirement items only (mappings/RUBRIC.md C-COV-1, docs/modelling.md "Alignment policy"): a
      # restatement is counted through the item it restates, example-only and inferred items apart.
      FILTER NOT EXISTS { ?item hg:restates ?restated }
      FILTER NOT EXISTS { ?item hg:isInferred true }
      FILTER NOT EXISTS { ?item hg:isExample true }
      FILTER NOT EXISTS { ?item skos:broaderTransitive ?example . ?example hg:isExample true }
      OPTIONAL { ?item hg:mappedInto ?b . BIND(?item AS ?m) }
      OPTIONAL {
        ?r owl:annotatedTarget sssom:NoTermFound ;
           owl:annotatedSource ?item ;
           sssom:object_source ?b .
        FILTER(!BOUND(?m))
        BIND(?item AS ?n)
      }
      OPTIONAL { ?item skos:broaderTransitive ?top . ?a skos:hasTopConcept ?top . }
    }
    GROUP BY ?a ?b ?top
  }
  BIND(IRI(CONCAT("https://w3id.org/herstelgraph/tally/coverage/",
                  MD5(CONCAT(STR(?a), " ", STR(?b), " ", COALESCE(STR(?top), ""))))) AS ?tally)
}
