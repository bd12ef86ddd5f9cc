"""Every Dutch text in a framework file is quoted from its source, never invented."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, SKOS

from conftest import ROOT, SEED_OF, normalise, parse_ttl

HG = "https://w3id.org/herstelgraph/def#"
QUOTED = [SKOS.prefLabel, SKOS.altLabel, SKOS.definition, URIRef(HG + "sourceText"), DCTERMS.title]


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_dutch_text_is_verbatim(name, seeds):
    path = ROOT / "ontology" / f"{name}.ttl"
    if not path.exists():
        pytest.fail(f"{path} missing")
    source = normalise((seeds / SEED_OF[name]).read_text(encoding="utf-8"))
    g = parse_ttl(path)
    missing = []
    for p in QUOTED:
        for s, o in g.subject_objects(p):
            if isinstance(o, Literal) and o.language == "nl" and normalise(str(o)) not in source:
                missing.append(f"{s} {p.n3()} {str(o)[:80]!r}")
    assert not missing, "not verbatim in the source:\n" + "\n".join(missing)
