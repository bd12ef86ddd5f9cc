"""Every Dutch text in a framework file is quoted from its source, never invented.

In the framework files the language tag ``@nl`` means "a verbatim quote of the source": curator
notes and descriptions are English (``@en``), labels the curators compose from source words carry
no language tag (docs/modelling.md, 'Languages').
"""

from __future__ import annotations

import re

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from conftest import ROOT, SEED_OF, normalise, parse_ttl

HG = "https://w3id.org/herstelgraph/def#"
SOURCE_TEXT = URIRef(HG + "sourceText")
ORIGIN = URIRef(HG + "definitionOrigin")
QUOTED = [SKOS.prefLabel, SKOS.altLabel, SKOS.definition, SOURCE_TEXT, DCTERMS.title]


def _graph(name):
    path = ROOT / "ontology" / f"{name}.ttl"
    if not path.exists():
        pytest.fail(f"{path} missing")
    return parse_ttl(path)


def _source(seeds, name):
    return normalise((seeds / SEED_OF[name]).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_dutch_text_is_verbatim(name, seeds):
    source = _source(seeds, name)
    g = _graph(name)
    missing = []
    for p in QUOTED:
        for s, o in g.subject_objects(p):
            if isinstance(o, Literal) and o.language == "nl" and normalise(str(o)) not in source:
                missing.append(f"{s} {p.n3()} {str(o)[:80]!r}")
    assert not missing, "not verbatim in the source:\n" + "\n".join(missing)


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_no_dutch_literal_is_curator_text(name, seeds):
    """Any @nl literal, whatever the property (notes, examples, titles, descriptions, labels of
    data sets, periods), occurs verbatim in the seed: a Dutch curator note or a translation
    would read as a quote."""
    source = _source(seeds, name)
    g = _graph(name)
    bad = [
        f"{s} {p.n3(g.namespace_manager)} {str(o)[:80]!r}"
        for s, p, o in g
        if isinstance(o, Literal) and o.language == "nl" and normalise(str(o)) not in source
    ]
    assert not bad, "@nl literals that are not quotes of the source:\n" + "\n".join(bad)
    assert all(o.language in (None, "nl", "en") for o in g.objects() if isinstance(o, Literal)), (
        "framework files use @nl (quotes) and @en (curators) only"
    )


def _printed_units(raw: str) -> list[str]:
    """The source's lines with list bullets, list numbers and markdown taken off."""
    units = []
    for line in raw.splitlines():
        line = re.sub(r"^\s*(?:[-•*]\s+|\d+\.\s+)+", "", line)
        units.append(normalise(line).replace("*", "").strip())
    return units


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_pref_labels_keep_the_final_punctuation_of_the_source(name, seeds):
    """One rule for every file (docs/modelling.md): an item's own final '.', ':', '!', '?' or
    ';' is part of the quote, also a colon that introduces sub-items. A label that is a whole
    printed line minus its final mark has dropped it."""
    units = _printed_units((seeds / SEED_OF[name]).read_text(encoding="utf-8"))
    g = _graph(name)
    dropped = []
    for s, o in g.subject_objects(SKOS.prefLabel):
        label = normalise(str(o))
        for unit in units:
            if unit.startswith(label) and unit[len(label) :].strip() in (".", ":", "!", "?", ";"):
                dropped.append(f"{s} {label[-40:]!r} (source line ends {unit[len(label) :]!r})")
    assert not dropped, "prefLabels that drop the source's final punctuation:\n" + "\n".join(
        dropped
    )


@pytest.mark.parametrize("name", sorted(SEED_OF))
def test_every_definition_says_where_it_comes_from(name, seeds):
    """NL-SBB asks a definition of every concept; the data never passes curator text off as a
    quote: SourceDefinition and ItemText definitions are Dutch quotes (ItemText repeats the
    item's own text), CuratorDescription definitions are English and never Dutch."""
    source = _source(seeds, name)
    g = _graph(name)
    problems = []
    for c in sorted(set(g.subjects(RDF.type, SKOS.Concept))):
        origins = list(g.objects(c, ORIGIN))
        defs = list(g.objects(c, SKOS.definition))
        if len(origins) != 1 or not defs:
            problems.append(f"{c}: {len(origins)} origins, {len(defs)} definitions")
            continue
        origin = str(origins[0]).removeprefix(HG)
        langs = sorted(d.language for d in defs)
        if origin == "CuratorDescription":
            if langs != ["en"]:
                problems.append(f"{c}: a curators' description is one @en text, got {langs}")
            continue
        if langs != ["nl"] or normalise(str(defs[0])) not in source:
            problems.append(f"{c}: {origin} needs one verbatim @nl definition, got {langs}")
        if origin == "ItemText":
            own = g.value(c, SOURCE_TEXT) or g.value(c, SKOS.prefLabel)
            if str(defs[0]) != str(own):
                problems.append(f"{c}: ItemText definition is not the item's own text")
        elif origin != "SourceDefinition":
            problems.append(f"{c}: unknown definition origin {origin}")
    assert not problems, "\n".join(problems)
