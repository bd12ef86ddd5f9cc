"""English translations (ontology/translations/en.ttl): one @en label per concept, an @en
definition wherever the Dutch has one, kept apart from the Dutch quotes, with provenance."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from conftest import ROOT, parse_ttl

TRANSLATIONS = ROOT / "ontology" / "translations" / "en.ttl"
FRAMEWORK_FILES = (
    "bk-0597-1.ttl",
    "valente-2023.ttl",
    "bijlage-ii.ttl",
    "randvoorwaarden.ttl",
    "nk-2017.ttl",
)
HG = Namespace("https://w3id.org/herstelgraph/def#")
PROV = Namespace("http://www.w3.org/ns/prov#")
PAV = Namespace("http://purl.org/pav/")
DATASET = URIRef("https://w3id.org/herstelgraph/translations/en")
AGENT = URIRef("https://w3id.org/herstelgraph/agent/curation-team")
NOTE_PREFIX = "Translation note: "

# Core terms: where the Dutch text has the term, its translation has the English rendering
# (the README glossary holds the full list).
CORE_TERMS = {
    "herstelondersteunende zorg": "recovery-supporting care",
    "ervaringsdeskundig": "experiential expert",
    "ervaringskennis": "experiential knowledge",
    "ervaringswerker": "experiential worker",
    "intervisie": "peer consultation",
    "moreel beraad": "moral case deliberation",
    "eigen regie": "self-direction",
    "naasten": "significant others",
    "zingeving": "meaning-making",
}


@pytest.fixture(scope="module")
def tr() -> Graph:
    return parse_ttl(TRANSLATIONS)


@pytest.fixture(scope="module")
def frameworks() -> dict[str, Graph]:
    return {name: parse_ttl(ROOT / "ontology" / name) for name in FRAMEWORK_FILES}


@pytest.fixture(scope="module")
def source(frameworks) -> Graph:
    union = Graph(bind_namespaces="none")
    for g in frameworks.values():
        union += g
    return union


def _lang(g: Graph, s, p, lang: str) -> list[Literal]:
    return [o for o in g.objects(s, p) if isinstance(o, Literal) and o.language == lang]


def _translatable(source: Graph) -> set:
    """Concepts, collections and schemes of the five framework files."""
    kinds = (SKOS.Concept, SKOS.Collection, SKOS.ConceptScheme)
    return {s for kind in kinds for s in source.subjects(RDF.type, kind)}


def _dutch_text(source: Graph, s) -> Literal | None:
    """What an English definition translates: the Dutch definition, else the source text."""
    for p in (SKOS.definition, HG.sourceText):
        found = _lang(source, s, p, "nl")
        if found:
            return found[0]
    return None


def test_every_concept_has_exactly_one_english_label(tr, frameworks):
    for name, g in frameworks.items():
        concepts = set(g.subjects(RDF.type, SKOS.Concept))
        assert concepts, name
        for concept in concepts:
            labels = _lang(tr, concept, SKOS.prefLabel, "en")
            assert len(labels) == 1, f"{name}: {concept} has {len(labels)} @en prefLabels"
            assert labels[0].strip() == str(labels[0]) and labels[0], concept


def test_framework_files_hold_no_english_label_or_definition_on_a_concept(frameworks):
    """English in a framework file is never a translation: no @en prefLabel, and an @en
    definition only where the curators describe an item the source does not define
    (hg:definitionOrigin hg:CuratorDescription, docs/modelling.md)."""
    curator = HG.CuratorDescription
    for name, g in frameworks.items():
        for concept in set(g.subjects(RDF.type, SKOS.Concept)):
            assert not _lang(g, concept, SKOS.prefLabel, "en"), f"{name}: {concept} @en label"
            if (concept, HG.definitionOrigin, curator) not in g:
                assert not _lang(g, concept, SKOS.definition, "en"), f"{name}: {concept} @en"


def test_every_dutch_definition_or_source_text_has_one_english_definition(tr, source):
    for s in _translatable(source):
        english = _lang(tr, s, SKOS.definition, "en")
        if _dutch_text(source, s) is not None:
            assert len(english) == 1, f"{s}: Dutch definition/sourceText but {len(english)} @en"
        else:
            assert not english, f"{s}: @en definition without a Dutch text to translate"


def test_every_english_definition_belongs_to_a_concept_with_dutch_text(tr, source):
    defined = set(tr.subjects(SKOS.definition, None))
    assert len(defined) > 100
    for s in defined:
        assert _dutch_text(source, s) is not None, s


def test_translations_are_about_framework_subjects_only(tr, source):
    known = _translatable(source)
    for p in (SKOS.prefLabel, SKOS.definition):
        for s in set(tr.subjects(p, None)):
            assert s in known, f"{s} is not a concept, collection or scheme of a framework file"


def test_no_dutch_and_no_untagged_text_in_the_translations(tr):
    for s, p, o in tr:
        if not isinstance(o, Literal) or o.datatype is not None:
            continue
        assert o.language == "en", f"{s} {p} {o!r}: every text in en.ttl is tagged @en"


def test_every_framework_scheme_has_an_english_title_and_label(tr, source):
    schemes = set(source.subjects(RDF.type, HG.Framework))
    assert len(schemes) == 5
    for scheme in schemes:
        assert len(_lang(tr, scheme, DCTERMS.title, "en")) == 1, scheme
        assert len(_lang(tr, scheme, SKOS.prefLabel, "en")) == 1, scheme


def test_translation_notes_are_marked_as_such(tr):
    for s, note in tr.subject_objects(SKOS.editorialNote):
        if s != DATASET:
            assert str(note).startswith(NOTE_PREFIX), (s, note)


def test_core_terms_are_translated_the_same_way_everywhere(tr, source):
    pairs = []
    for s in _translatable(source):
        nl_label, en_label = (
            _lang(source, s, SKOS.prefLabel, "nl"),
            _lang(tr, s, SKOS.prefLabel, "en"),
        )
        if nl_label and en_label:
            pairs.append((s, nl_label[0], en_label[0]))
        dutch, english = _dutch_text(source, s), _lang(tr, s, SKOS.definition, "en")
        if dutch is not None and english:
            pairs.append((s, dutch, english[0]))
    assert len(pairs) > 500
    for s, nl, en in pairs:
        for dutch, english in CORE_TERMS.items():
            if dutch in nl.lower():
                assert english in en.lower(), f"{s}: '{dutch}' not rendered '{english}': {en}"


def test_provenance_of_the_translation_set(tr, source):
    assert (DATASET, RDF.type, PROV.Entity) in tr
    assert (DATASET, DCTERMS.type, URIRef("http://purl.org/dc/dcmitype/Dataset")) in tr
    for p in (DCTERMS.creator, PAV.authoredBy, PROV.wasAttributedTo):
        assert (DATASET, p, AGENT) in tr, p
    assert "curation team" in str(tr.value(AGENT, RDFS.label))
    assert "AI-assisted" in str(tr.value(DATASET, DCTERMS.description))
    notes = " ".join(str(n) for n in tr.objects(DATASET, SKOS.editorialNote))
    assert "Not yet reviewed by a human" in notes
    created = tr.value(DATASET, DCTERMS.created)
    assert isinstance(created, Literal) and created.datatype == XSD.date
    assert tr.value(DATASET, DCTERMS.license) is not None
    assert tr.value(DATASET, DCTERMS.language) is not None
    derived = set(tr.objects(DATASET, PROV.wasDerivedFrom))
    schemes = set(source.subjects(RDF.type, SKOS.ConceptScheme))
    assert derived == schemes


def test_translations_file_is_canonical():
    from herstelgraph.io.serialize import canonical_file_text

    assert TRANSLATIONS.read_text(encoding="utf-8") == canonical_file_text(TRANSLATIONS)


# ------------------------------------------------------------------ the shipped graph
def test_the_shipped_graph_loads_the_translations_and_search_finds_english_words():
    """load() carries the @en literals; search matches them and still shows the Dutch label."""
    from herstelgraph.questions.alignment import search
    from herstelgraph.store import load

    store = load()
    assert store.ask(
        'ASK { bk:competentie-02 skos:prefLabel "Collaborates in an interdisciplinary way"@en }'
    )
    hits = search(store, "interdisciplinary")
    assert "bk:competentie-02" in [h.id for h in hits]
    hit = next(h for h in hits if h.id == "bk:competentie-02")
    assert hit.label == "Werkt interdisciplinair samen"  # the Dutch label, not the English
    assert "interdisciplinary" in hit.text.lower()  # what matched: the English text
    # a Dutch word finds the same item
    assert "bk:competentie-02" in [h.id for h in search(store, "interdisciplinair")]


def test_the_closure_cache_key_covers_the_translations(tmp_path, monkeypatch):
    """Editing en.ttl gives a new cache entry: a stale closure is never served for it."""
    import shutil

    import herstelgraph.resources as resources
    from herstelgraph.store import load

    data = tmp_path / "data"
    shutil.copytree(ROOT / "ontology", data / "ontology")
    real = resources.data_dir
    # the ontology from the copy; queries (the derived tallies) from the package as shipped
    monkeypatch.setattr(
        resources, "data_dir", lambda kind: data / kind if kind == "ontology" else real(kind)
    )
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path / "cache"))
    files = resources.graph_files()
    assert data / "ontology" / "translations" / "en.ttl" in files
    load(files=files)
    en = data / "ontology" / "translations" / "en.ttl"
    en.write_text(
        en.read_text(encoding="utf-8").replace(
            '"Collaborates in an interdisciplinary way"@en', '"works across disciplines"@en'
        ),
        encoding="utf-8",
    )
    store = load(files=resources.graph_files())
    assert len(list((tmp_path / "cache").glob("closure-*.nt"))) == 2
    assert store.ask('ASK { bk:competentie-02 skos:prefLabel "works across disciplines"@en }')


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "jsonld", "rdfxml", "trig"])
def test_exports_carry_the_translations_and_lang_nl_leaves_them_out(fmt, tmp_path, capsysbinary):
    """Every RDF export holds the English labels; ``export --lang nl`` holds the Dutch
    quotes alone (no @en literal left) and loses no Dutch or untagged literal."""
    from rdflib import Dataset

    from herstelgraph.cli import main

    graphs = {}
    for args in ([], ["--lang", "nl"]):
        target = tmp_path / f"out{len(args)}.{fmt}"
        assert main(["export", "--format", fmt, *args, "-o", str(target)]) == 0
        ds = Dataset()
        ds.parse(target, format={"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld",
                                 "rdfxml": "xml", "trig": "trig"}[fmt])  # fmt: skip
        graphs[bool(args)] = {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    full, dutch = graphs[False], graphs[True]
    english = {t for t in full if isinstance(t[2], Literal) and t[2].language == "en"}
    assert any(p == SKOS.prefLabel for _, p, _ in english)
    assert not any(isinstance(o, Literal) and o.language == "en" for _, _, o in dutch)
    assert dutch == full - english


def test_the_global_lang_does_not_filter_an_export_and_the_help_says_so(run_cli, tmp_path):
    """Decided (issue 20 audit): the global --lang is the language people read (headers,
    messages, the annex); what languages an exchanged file holds is export's own --lang.
    So `herstelgraph --lang nl export` keeps the English translations, `export --lang nl`
    leaves them out, and both --help texts say which is which."""
    found = {}
    for name, args in (
        ("global", ["--lang", "nl", "export", "--scheme", "bk"]),
        ("none", ["export", "--scheme", "bk"]),
        ("own", ["export", "--scheme", "bk", "--lang", "nl"]),
    ):
        target = tmp_path / f"{name}.nt"
        code, _, err = run_cli(*args, "-o", str(target))
        assert code == 0, err
        text = target.read_text(encoding="utf-8")
        found[name] = ('"@en ' in text, text)
    assert found["global"][0] and found["global"][1] == found["none"][1]
    assert not found["own"][0]
    _, out, _ = run_cli("--lang", "en", "--help")
    assert "Not a filter on exports: see 'export --lang'" in " ".join(out.split())
    _, out, _ = run_cli("--lang", "en", "export", "--help")
    assert "the global --lang sets the language of what you read" in " ".join(out.split())
    _, out, _ = run_cli("--help")
    assert "Geen filter op exports: zie 'export --lang'" in " ".join(out.split())
    _, out, _ = run_cli("export", "--help")
    assert "de globale --lang bepaalt de taal van wat u leest" in " ".join(out.split())


def _csv(text: str) -> list[dict[str, str]]:
    import csv
    import io

    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_verbs_csv_and_xlsx_carry_english_beside_dutch(run_cli, store, tmp_path):
    """Wherever a spreadsheet shows an item's label or definition, the English translation
    stands in the next column (empty where there is none); the table keeps to Dutch."""
    import io

    import openpyxl

    from herstelgraph.questions.catalogue import english_texts

    code, out, err = run_cli("crosswalk", "bk", "valente", "--format", "csv")
    assert code == 0, err
    header = out.removeprefix("\ufeff").splitlines()[0].split(",")
    assert header[:3] == ["a_item", "a_label", "a_label_en"]
    assert header[4:7] == ["b_item", "b_label", "b_label_en"]
    rows = _csv(out)
    english = english_texts(store, {r[k] for r in rows for k in ("a_item", "b_item")})
    assert rows and all(r["a_label_en"] == english[r["a_item"]][0] for r in rows)
    assert all(r["b_label_en"] == english[r["b_item"]][0] for r in rows)
    assert all(r["a_label_en"] != r["a_label"] for r in rows)
    # a no-match row names no item: nothing to translate, the cell is empty
    code, out, _ = run_cli("map", "bk:competentie-03", "--format", "csv")
    rows = _csv(out)
    # ESCO's label is its own English one (other_label); our items have their translation
    inner = [r for r in rows if r["other_framework"] != "esco"]
    assert {r["other"] for r in inner if r["other_label_en"] == ""} == {"sssom:NoTermFound"}
    assert all(r["other_label"] for r in rows if r["other_framework"] == "esco")
    # show: the definition too
    code, out, _ = run_cli("show", "bk:kennis-12", "--format", "csv")
    (row,) = _csv(out)
    assert (row["label_en"], row["definition_en"]) == english_texts(store, {"bk:kennis-12"})[
        "bk:kennis-12"
    ]
    # the workbook: the English column right after the Dutch one, headed in words
    target = tmp_path / "gaps.xlsx"
    assert run_cli("gaps", "bk", "valente", "-o", str(target))[0] == 0
    sheet = openpyxl.load_workbook(io.BytesIO(target.read_bytes())).worksheets[0]
    head = [c.value for c in next(sheet.iter_rows(max_row=1))]
    i = head.index("omschrijving")
    assert head[i + 1] == "omschrijving (Engels)" and "sectienaam (Engels)" in head
    assert all(sheet.cell(r, i + 2).value for r in range(2, sheet.max_row + 1))
    # the table people read in the terminal stays Dutch, without the English column
    code, out, _ = run_cli("crosswalk", "bk", "valente")
    assert "Engels" not in out and "the client's own capabilities" not in out


def test_show_concepts_and_search_in_english_give_the_english_beside_the_dutch(
    run_cli, store, monkeypatch
):
    """--lang en: show gives the English label and definition after the Dutch source texts
    (and its JSON carries them); concepts and search add the English label column. In Dutch
    the tables stay Dutch."""
    import json

    from herstelgraph.questions.catalogue import english_texts

    monkeypatch.setenv("COLUMNS", "250")
    label, definition = english_texts(store, {"bk:kennis-12"})["bk:kennis-12"]
    assert label and definition
    code, out, _ = run_cli("--lang", "en", "show", "bk:kennis-12")
    lines = out.splitlines()
    assert code == 0
    i = next(n for n, line in enumerate(lines) if line.startswith("label: "))
    assert lines[i + 1] == f"label (English): {label}"
    j = next(n for n, line in enumerate(lines) if line.startswith("definition: "))
    assert lines[j + 1] == f"definition (English): {definition}"
    code, out, _ = run_cli("show", "bk:kennis-12")
    assert label not in out and "Engels" not in out
    code, out, _ = run_cli("--lang", "en", "show", "bk:kennis-12", "--format", "json")
    data = json.loads(out)
    assert (data["label_en"], data["definition_en"]) == (label, definition)
    assert data["label"] == "Basiskennis van organisatiestructuren"  # the Dutch source stays
    for args in (["concepts", "bk-0597-1"], ["search", "organisatiestructuren"]):
        code, out, _ = run_cli("--lang", "en", *args)
        assert code == 0
        head = "".join(out.splitlines()[2:4])
        assert "(English)" in head, head  # the header "label (English)", maybe wrapped
        row = next(line for line in out.splitlines() if "bk:kennis-12 " in line)
        assert "Basiskennis van organisatiestructuren" in row and label in row, row
        code, out, _ = run_cli(*args)
        assert label not in out and "Engels" not in out


def test_export_csv_carries_english_and_lang_nl_leaves_it_out(run_cli, store, tmp_path):
    """export --format csv: label_en and broader_label_en beside the Dutch; --lang nl leaves
    them out; a translation that looks like a formula is neutralised like any cell."""
    from herstelgraph.questions.catalogue import english_texts

    code, out, err = run_cli("export", "--format", "csv", "--framework", "bk")
    assert code == 0, err
    rows = _csv(out)
    header = out.removeprefix("\ufeff").splitlines()[0].split(",")
    assert header[header.index("label") + 1] == "label_en"
    assert header[header.index("broader_label") + 1] == "broader_label_en"
    english = english_texts(store, {r["id"] for r in rows})
    assert all(r["label_en"] == english[r["id"]][0] for r in rows)
    assert all(r["broader_label_en"] == english[r["broader"]][0] for r in rows if r["broader"])
    code, out, _ = run_cli("export", "--format", "csv", "--framework", "bk", "--lang", "nl")
    assert code == 0 and "label_en" not in out and "broader_label_en" not in out
    assert len(_csv(out)) == len(rows)
    data = tmp_path / "formula.ttl"
    data.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/herstelgraph/bk-0597-1/kennis-12> skos:prefLabel "=1+1"@en .\n',
        encoding="utf-8",
    )
    code, out, _ = run_cli("--data", str(data), "export", "--format", "csv", "--framework", "bk")
    (row,) = [r for r in _csv(out) if r["id"] == "bk:kennis-12"]
    assert row["label_en"] == "'=1+1"
