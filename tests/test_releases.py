"""Releases (issue 25): one version stamped everywhere, ``diff`` between two states, the impact
of a change on a curriculum, deprecation instead of deletion, the CHANGELOG and a release
folder that is the same bytes every time it is built.

The two fixture states (tests/fixtures/releases/old and new) differ in four known ways:
bk:kennis-02 is relabelled, bk:competentie-02 is deprecated with bk:competentie-03 as its
successor, mapping hgm:m2 is retyped (closeMatch -> exactMatch) and a review confirming
hgm:m1 is added (new/mappings/reviews/jansen.sssom.tsv).
"""

from __future__ import annotations

import json
import re

import pytest

import herstelgraph
from herstelgraph.checks.diff import diff
from herstelgraph.checks.impact import impact
from herstelgraph.checks.states import load_state, open_state
from herstelgraph.publish import version as ver

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "releases"
OLD, NEW, CURRICULUM = FIX / "old", FIX / "new", FIX / "curriculum.ttl"

pytestmark = pytest.mark.xdist_group("releases")


@pytest.fixture(scope="module")
def changes():
    return diff(str(OLD), str(NEW))


@pytest.fixture(scope="module")
def new_store():
    with open_state(str(NEW)) as state:
        return load_state(state)


@pytest.fixture(scope="module")
def old_store():
    with open_state(str(OLD)) as state:
        return load_state(state)


# ---------------------------------------------------------------------------- diff
def test_diff_reports_the_concept_changes_with_text_before_and_after(changes):
    got = [(c.framework, c.item, c.change, c.property, c.before, c.after) for c in changes.concepts]
    assert got == [
        ("bk-0597-1", "bk:competentie-02", "deprecated", "dct:isReplacedBy", None,
         "bk:competentie-03"),
        ("bk-0597-1", "bk:kennis-02", "modified", "skos:prefLabel", "Sociale kaart",
         "Sociale kaart van de regio"),
    ]  # fmt: skip


def test_diff_reports_the_mapping_changes_per_pair(changes):
    got = [(m.pair, m.record, m.change, m.before, m.after) for m in changes.mappings]
    assert got == [
        ("bk-0597-1 ↔ valente-2023", "hgm:m2", "retyped", "skos:closeMatch", "skos:exactMatch"),
        ("bk-0597-1 ↔ valente-2023", "hgm:m1", "review-changed", "unreviewed", "confirmed (1)"),
    ]


def test_diff_counts_per_framework_and_coverage_before_and_after(changes):
    rows = {f.framework: f for f in changes.frameworks}
    bk = rows["bk-0597-1"]
    assert (bk.concepts_before, bk.concepts_after) == (9, 8)  # the deprecated item no longer counts
    assert (bk.added, bk.removed, bk.deprecated, bk.changed) == (0, 0, 1, 1)
    assert (bk.retyped, bk.review_changed, bk.mappings_added, bk.mappings_removed) == (1, 1, 0, 0)
    assert rows["bijlage-ii"].changed == rows["bijlage-ii"].retyped == 0
    cov = {(c.a, c.b): c for c in changes.coverage}
    bv = cov[("bk-0597-1", "valente-2023")]
    assert (bv.items_before, bv.items_after) == (7, 6)
    assert (bv.mapped_before, bv.mapped_after) == (3, 3)
    assert (bv.no_match_before, bv.no_match_after) == (1, 0)  # C2's no-match went with C2
    assert (changes.old.deprecated, changes.new.deprecated) == (0, 1)


def test_a_removed_iri_is_reported_as_removed(old_store, new_store):
    from herstelgraph.checks.diff import concept_changes, read_concepts

    old, new = read_concepts(old_store), read_concepts(new_store)
    gone = "https://w3id.org/herstelgraph/bk-0597-1/kennis-03"
    del new[gone]
    removed = [c for c in concept_changes(old, new) if c.change == "removed"]
    assert [(c.item, c.before, c.after) for c in removed] == [
        ("bk:kennis-03", "Methodieken voor reflectie", None)
    ]


def test_diff_cli_formats_and_exit_codes(run_cli, tmp_path):
    code, out, err = run_cli("diff", str(OLD), str(NEW), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert [c["item"] for c in data["concepts"]] == ["bk:competentie-02", "bk:kennis-02"]
    code, out, err = run_cli("diff", str(OLD), str(NEW), "--only", "mappings", "--format", "csv")
    assert code == 0, err
    head, *rows = out.strip().splitlines()
    assert head == "\ufeff" + ",".join(
        ["pair", "record", "subject", "relation", "object", "change", "before", "after",
         "subject_label", "object_label"]
    )  # fmt: skip
    assert [r.split(",")[1] for r in rows] == ["hgm:m2", "hgm:m1"]  # csv: the stable field names
    code, out, err = run_cli("--lang", "nl", "diff", str(OLD), str(NEW), "--only", "mappings")
    assert code == 0 and "Wat is er veranderd" in out and "paar" in out  # Dutch by default
    code, out, err = run_cli("--lang", "en", "diff", str(OLD), str(NEW), "--only", "mappings")
    assert code == 0 and "What changed" in out and "paar" not in out
    target = tmp_path / "diff.xlsx"
    code, out, err = run_cli("diff", str(OLD), str(NEW), "--format", "xlsx", "-o", str(target))
    assert code == 0 and target.read_bytes()[:2] == b"PK"
    code, out, err = run_cli("diff", str(tmp_path / "nothing"), str(NEW))
    assert code == 2 and err.count("\n") == 1 and "zo'n map bestaat niet" in err
    code, out, err = run_cli("--lang", "en", "diff", str(tmp_path / "nothing"), str(NEW))
    assert code == 2 and "no such folder; name a release folder" in err


# ---------------------------------------------------------------------------- impact
@pytest.fixture(scope="module")
def report():
    return impact(CURRICULUM, str(OLD), str(NEW))


def test_impact_names_the_aligned_items_that_changed(report):
    got = [(i.item, i.outcomes, i.change, i.property, i.before, i.after) for i in report.items]
    assert got == [
        ("bk:competentie-02", ("Zet ervaring in",), "deprecated", "dct:isReplacedBy", None,
         "bk:competentie-03"),
        ("bk:kennis-02", ("Kent de sociale kaart",), "modified", "skos:prefLabel",
         "Sociale kaart", "Sociale kaart van de regio"),
    ]  # fmt: skip


def test_impact_tells_how_coverage_moves(report):
    total = next(c for c in report.coverage if c.section is None and c.kind == "requirement")
    assert (total.framework, total.items_before, total.items_after) == ("bk-0597-1", 7, 6)
    assert (total.covered_before, total.covered_after) == (4, 3)
    assert [(s.item, s.status_before, s.status_after) for s in report.statuses] == [
        ("bk:competentie-02", "direct", None)
    ]


def test_impact_tells_which_findings_appear(report):
    assert [(f.change, f.code, f.item) for f in report.findings] == [
        ("appeared", "deprecated-item", "bk:competentie-02")
    ]
    assert "bk:competentie-03" in report.findings[0].fix


def test_impact_cli(run_cli, monkeypatch):
    code, out, err = run_cli(
        "impact", str(CURRICULUM), "--from", str(OLD), "--to", str(NEW), "--format", "json"
    )
    assert code == 0, err
    assert [i["item"] for i in json.loads(out)["items"]] == ["bk:competentie-02", "bk:kennis-02"]
    code, out, err = run_cli("impact", str(CURRICULUM), "--to", str(NEW))
    assert code == 2 and "--from" in err
    # the table is for people: the finding's severity in Dutch (SHACL's 'Warning' in JSON)
    code, out, err = run_cli(
        "impact", str(CURRICULUM), "--from", str(OLD), "--to", str(NEW), "--format", "json"
    )
    assert [f["severity"] for f in json.loads(out)["findings"]] == ["Warning"]
    monkeypatch.setenv("COLUMNS", "200")  # a wide table: no word is wrapped in its cell
    code, out, err = run_cli("impact", str(CURRICULUM), "--from", str(OLD), "--to", str(NEW))
    assert code == 0 and "Warning" not in out and "waarschuwing" in out


def test_impact_of_a_curriculum_claiming_no_framework_says_curriculum(run_cli):
    """Without a claim and without --framework the error calls the file what it is (a
    curriculum, not a profile), in Dutch by default, and names the flag."""
    sheet = ROOT / "examples" / "curriculum-modules.csv"
    code, _, err = run_cli("impact", str(sheet), "--from", "current")
    assert code == 2
    assert "curriculum hgp:associate-degree-ervaringsdeskundigheid noemt geen kader" in err
    assert "--framework" in err and "profiel" not in err
    code, _, err = run_cli("--lang", "en", "impact", str(sheet), "--from", "current")
    assert code == 2 and "curriculum hgp:associate-degree-ervaringsdeskundigheid names no" in err


# ---------------------------------------------------------------------------- deprecation
def test_questions_skip_deprecated_items_unless_asked(old_store, new_store):
    from herstelgraph.questions.alignment import gaps, search
    from herstelgraph.questions.catalogue import concept, concepts

    ids = [c.id for c in concepts(new_store, "bk")]
    assert "bk:competentie-02" not in ids and "bk:competentie-03" in ids
    every = [c.id for c in concepts(new_store, "bk", include_deprecated=True)]
    assert "bk:competentie-02" in every
    detail = concept(new_store, "bk:competentie-02")  # a released IRI still resolves
    assert detail.deprecated and detail.replaced_by == ("bk:competentie-03",)
    assert not [h for h in search(new_store, "ervaringskennis") if h.id == "bk:competentie-02"]
    assert [h.id for h in search(new_store, "ervaringskennis", include_deprecated=True)] == [
        "bk:competentie-02"
    ]
    # no requirement item any more: never a gap (in the old state it was a reviewed no-match)
    assert "bk:competentie-02" in {g.item for g in gaps(old_store, "bk", "valente")}
    assert "bk:competentie-02" not in {g.item for g in gaps(new_store, "bk", "valente")}


def test_a_deprecated_item_without_a_successor_is_skipped_too(tmp_path):
    """``dct:isReplacedBy`` is optional: an item deprecated with no successor is left out
    like the others, and ``show`` says it has none (it raised a KeyError on the unbound
    ?by)."""
    import herstelgraph
    from herstelgraph.questions.catalogue import concept, concepts

    retired = tmp_path / "retired.ttl"
    retired.write_text(
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "<https://w3id.org/herstelgraph/bk-0597-1/competentie-02> owl:deprecated true .\n",
        encoding="utf-8",
    )
    store = herstelgraph.load([retired])
    assert "bk:competentie-02" not in [c.id for c in concepts(store, "bk")]
    assert "bk:competentie-02" in [c.id for c in concepts(store, "bk", include_deprecated=True)]
    detail = concept(store, "bk:competentie-02")
    assert detail.deprecated and detail.replaced_by == ()


def test_a_deprecated_item_in_a_curriculum_warns_naming_its_replacement(run_cli):
    from herstelgraph.checks.quality import check

    report = check([NEW / "ontology" / "frameworks.ttl", CURRICULUM])
    found = [f for f in report.findings if f.check == "deprecated-in-use"]
    assert [(f.resource, f.detail) for f in found] == [
        ("hgp:opleiding-r-lo2",
         "hg:alignedTo bk:competentie-02, deprecated (replaced by bk:competentie-03)"),
    ]  # fmt: skip
    code, out, _ = run_cli("check", str(NEW / "ontology" / "frameworks.ttl"), str(CURRICULUM))
    assert code in (0, 1) and "vervangen door bk:competentie-03" in out  # Dutch by default
    # the old state deprecates nothing: no warning
    old = check([OLD / "ontology" / "frameworks.ttl", CURRICULUM])
    assert not [f for f in old.findings if f.check == "deprecated-in-use"]


def test_every_released_iri_is_still_in_the_graph(store):
    """An item never silently disappears: each IRI a release published stays (deprecated
    when it goes). ``make release`` refuses to run otherwise."""
    released = ver.read_released(ROOT / "ontology" / ver.RELEASED_IRIS)
    assert len(released) > 400
    assert ver.missing_released(store, released) == []


def test_a_deprecated_item_keeps_its_iri_and_a_deleted_one_is_caught(old_store, new_store):
    released = ver.graph_iris(old_store)
    assert ver.missing_released(new_store, released) == []
    from herstelgraph.curation.review.loading import load

    text = (NEW / "ontology" / "frameworks.ttl").read_text(encoding="utf-8")
    assert text.count("bk:kennis-03 a skos:Concept") == 1
    store = load(files=[OLD / "ontology" / "frameworks.ttl"], reviews=())
    store.ox.update(
        "DELETE WHERE { GRAPH ?g { <https://w3id.org/herstelgraph/bk-0597-1/kennis-03> ?p ?o } }"
    )
    assert ver.missing_released(store, released) == [
        "https://w3id.org/herstelgraph/bk-0597-1/kennis-03"
    ]


# ---------------------------------------------------------------------------- versions
def test_every_ontology_file_carries_the_package_version():
    rel = ver.current()
    assert rel.version == herstelgraph.__version__
    files = sorted((ROOT / "ontology").glob("*.ttl"))
    assert ver.disagreements(files) == []
    from rdflib import Graph

    stamped = set()
    for path in files:
        g = Graph(bind_namespaces="none")
        g.parse(path, format="turtle")
        stamped |= set(ver.stamps_in(g))
    assert "https://w3id.org/herstelgraph/def" in stamped
    assert "https://w3id.org/herstelgraph/bk-0597-1/scheme" in stamped
    assert len(stamped) >= 7  # the core ontology, five frameworks, the NK region scheme


def test_a_stale_stamp_is_found(tmp_path):
    path = tmp_path / "x.ttl"
    src = (ROOT / "ontology" / "randvoorwaarden.ttl").read_text(encoding="utf-8")
    path.write_text(src.replace(f'owl:versionInfo "{herstelgraph.__version__}"',
                                'owl:versionInfo "0.0.9"'), encoding="utf-8")  # fmt: skip
    assert ver.disagreements([path]) == [
        "x.ttl: <https://w3id.org/herstelgraph/randvoorwaarden/scheme> owl:versionInfo "
        f"'0.0.9', not '{herstelgraph.__version__}'"
    ]
    assert ver.stamped_turtle(path) == src  # stamping puts it right, canonically


def test_sssom_files_and_citation_carry_the_version():
    rel = ver.current()
    for path in sorted((ROOT / "mappings").glob("*.sssom.tsv")):
        text = path.read_text(encoding="utf-8")
        assert f"# mapping_set_version: {rel.version}\n" in text, path.name
    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == ver.citation_cff(rel)
    cff = ver.citation_cff(rel)
    assert f'version: "{rel.version}"' in cff and f'date-released: "{rel.date}"' in cff


def test_every_export_format_carries_the_version():
    from herstelgraph.curation.review.loading import load
    from herstelgraph.publish.export import FORMATS, export

    publish = ROOT / "tests" / "fixtures" / "publish"
    store = load(
        files=[ROOT / "ontology" / "herstelgraph.ttl", publish / "frameworks.ttl",
               publish / "mappings.ttl"],
        reviews=(),
    )  # fmt: skip
    v = herstelgraph.__version__
    marks = {
        "csv": f",{v}\r\n",
        "sssom": f"mapping_set_version: {v}",
        "case": f'"version": "{v}"',
    }
    carrying = ("turtle", "jsonld", "ntriples", "rdfxml", "trig", "ctdlasn", "jskos", *marks)
    assert set(FORMATS) == set(carrying)
    for fmt in carrying:
        if fmt in ("ctdlasn", "jskos"):
            continue
        data = export(store, fmt).data.decode("utf-8")
        mark = marks.get(fmt, f"https://w3id.org/herstelgraph/{v}/def")
        assert mark in data, fmt
    # CTDL-ASN has no version property: each framework names its release's versioned IRI
    # (ceasn:identifier, an alternative URI) and the release date (ceasn:dateModified); the
    # shipped schemes are stamped (the fixture's are not, and get no invented stamp)
    shipped = herstelgraph.load()
    doc = json.loads(export(store, "ctdlasn").data)
    assert not any("ceasn:identifier" in n for n in doc["@graph"])
    doc = json.loads(export(shipped, "ctdlasn").data)
    fws = [n for n in doc["@graph"] if n["@type"] == "ceasn:CompetencyFramework"]
    assert fws
    for fw in fws:
        versioned = fw["@id"].replace(
            "https://w3id.org/herstelgraph/", f"https://w3id.org/herstelgraph/{v}/"
        )
        assert fw["ceasn:identifier"] == [versioned], fw["@id"]
        assert fw["ceasn:dateModified"] == ver.current().date
    # JSKOS: the registry and every scheme carry version, issued and the versioned IRI
    doc = json.loads(export(shipped, "jskos").data)
    assert (doc["version"], doc["issued"]) == (v, ver.current().date)
    assert doc["identifier"] == [f"https://w3id.org/herstelgraph/{v}/def"]
    assert doc["schemes"] and all(s["version"] == v for s in doc["schemes"])


# ---------------------------------------------------------------------------- release
def test_release_artefacts_are_the_same_bytes_every_time(new_store, changes, tmp_path):
    from herstelgraph.publish.release import EXPORTS, SUMS, build_release, release_files

    rel = ver.Release("9.8.7", "2026-12-24")
    first = release_files(new_store, rel, source_root=NEW, changes=changes, changelog="# x\n")
    second = release_files(new_store, rel, source_root=NEW, changes=changes, changelog="# x\n")
    assert first == second
    from herstelgraph.publish.export import FORMATS

    assert {fmt for fmt, _ in EXPORTS} == set(FORMATS)  # every export format is released
    assert {name for _, name in EXPORTS} <= set(first)
    assert "site/nl/changes.html" in first and "source/mappings/reviews/jansen.sssom.tsv" in first
    assert 'version: "9.8.7"' in first["CITATION.cff"].decode()
    sums = first[SUMS].decode().splitlines()
    assert len(sums) == len(first) - 1
    report = build_release(new_store, tmp_path / "9.8.7", rel, source_root=NEW, changes=changes)
    assert report.files == len(list(p for p in (tmp_path / "9.8.7").rglob("*") if p.is_file()))
    # a release folder is a state diff reads
    again = diff(str(OLD), str(tmp_path / "9.8.7"))
    assert [c.item for c in again.concepts] == [c.item for c in changes.concepts]


def test_site_page_wat_is_er_veranderd(changes):
    from herstelgraph.publish.changes import changes_html

    html = changes_html(changes, "nl")
    assert "<h1>Wat is er veranderd</h1>" in html
    for text in (
        "Sociale kaart",
        "Sociale kaart van de regio",
        "bk:competentie-03",
        "andere relatie",
        "skos:closeMatch",
        "confirmed (1)",
    ):
        assert text in html, text
    assert "<script" not in html


def test_changelog_section_is_generated_from_the_diff(changes):
    from herstelgraph.publish.changes import update_changelog

    text = update_changelog(None, changes, "9.8.7", "2026-12-24", "Een korte samenvatting.")
    assert "## 9.8.7 — 2026-12-24" in text and "Een korte samenvatting." in text
    for text_ in ("bk:kennis-02", "Sociale kaart van de regio", "bk:competentie-03", "hgm:m2"):
        assert text_ in text, text_
    # writing the same release again replaces its section, keeping the summary
    again = update_changelog(text, changes, "9.8.7", "2026-12-24", "")
    assert again == text


def test_a_state_without_concepts_is_not_labelled_as_a_release(changes):
    """The first release is compared with the repository's first commit, whose ontology file
    already said 0.1.0 but held no concept: its label says so, in both languages, rather
    than call it 0.1.0."""
    import dataclasses

    from herstelgraph.publish.changes import changelog_body, changes_html

    empty = dataclasses.replace(changes.old, version="0.1.0", concepts=0, commit="dc887524cdeb0")
    first = dataclasses.replace(changes, old=empty)
    line = changelog_body(first).splitlines()[0]
    assert line.startswith(f"Compared with {empty.name} (before any release: no concepts yet), ")
    assert "(0.1.0)" not in line
    assert "(vóór elke release: nog geen concepten)" in changes_html(first, "nl")
    with_concepts = dataclasses.replace(changes, old=dataclasses.replace(empty, concepts=3))
    assert "(0.1.0), commit dc887524cdeb;" in changelog_body(with_concepts).splitlines()[0]


def test_changelog_has_a_section_for_the_current_version():
    rel = ver.current()
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(rel.version)} — {rel.date}$", text, re.M)
    assert f"<!-- diff {rel.version}" in text


def test_a_scheme_names_the_release_and_its_source_the_edition(store):
    """BK-0597-1 is "versie 1, 2024" (its source document says so); the scheme's own
    owl:versionInfo is the herstelgraph release, which ``frameworks`` does not show as the
    framework's version."""
    from herstelgraph.questions.catalogue import frameworks

    bk = next(f for f in frameworks(store) if f.id == "bk-0597-1")
    assert bk.version == "1"
    rows = store.select(
        "SELECT ?v ?y WHERE { <https://w3id.org/herstelgraph/bk-0597-1/source> "
        "owl:versionInfo ?v ; dct:dateAccepted ?y }"
    )
    assert [(r["v"].value, r["y"].value) for r in rows] == [("1", "2024")]


def test_git_revisions_are_states(tmp_path):
    """git:REF reads a revision of the repository with git archive: nothing checked out."""
    import shutil
    import subprocess

    repo = tmp_path / "repo"

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    shutil.copytree(OLD, repo)
    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "old")
    shutil.rmtree(repo / "ontology")
    shutil.rmtree(repo / "mappings")
    shutil.copytree(NEW / "ontology", repo / "ontology")
    shutil.copytree(NEW / "mappings", repo / "mappings")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "new")
    got = diff("git:HEAD~1", "git:HEAD", repo=repo)
    assert [(c.item, c.change) for c in got.concepts] == [
        ("bk:competentie-02", "deprecated"),
        ("bk:kennis-02", "modified"),
    ]
    assert [(m.record, m.change) for m in got.mappings] == [
        ("hgm:m2", "retyped"),
        ("hgm:m1", "review-changed"),
    ]
    assert got.old.commit and got.old.commit != got.new.commit
    from herstelgraph.errors import InputError

    with pytest.raises(InputError, match="no such revision"):
        diff("git:nope", "git:HEAD", repo=repo)
