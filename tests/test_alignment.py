"""The alignment questions on a small hand-made graph (tests/fixtures/alignment), the
CLI verbs, the composition table against docs/chains.md, and golden answers on the real
data (tests/golden/<question>.json; regenerate with `make goldens` and review the diff)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import herstelgraph
from herstelgraph.errors import InputError, UnknownIdError
from herstelgraph.questions import alignment as al

from conftest import ROOT
from goldens import GOLDEN, golden_answers

FIX = ROOT / "tests" / "fixtures" / "alignment"


@pytest.fixture(scope="module")
def fx():
    return herstelgraph.load(
        extra=[FIX / "profiles.ttl"], files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"]
    )


def test_mappings_of_both_directions(fx):
    rows = al.mappings_of(fx, "valente:vaardigheid-reflectie")
    got = {(m.relation, m.other, m.direction) for m in rows}
    assert ("skos:broadMatch", "bk:competentie-03", "inverse") in got
    assert ("skos:exactMatch", "bijlage2:competentie-02", "inverse") in got
    nm = al.mappings_of(fx, "bk:C2")
    assert [(m.relation, m.other_framework) for m in nm] == [("noMatch", "valente-2023")]


def test_crosswalk_reads_from_a(fx):
    ab = al.crosswalk(fx, "bk-0597-1", "valente-2023")
    ba = al.crosswalk(fx, "valente-2023", "bk-0597-1")
    assert len(ab) == len(ba) == 3
    c3 = next(m for m in ab if m.a_item == "bk:competentie-03")
    assert c3.relation == "skos:narrowMatch" and c3.confidence == 0.7 and c3.record == "hgm:m3"
    back = next(m for m in ba if m.b_item == "bk:competentie-03")
    assert back.relation == "skos:broadMatch" and back.direction == "inverse"
    with pytest.raises(InputError):
        al.crosswalk(fx, "bk", "bk-0597-1")


def test_gaps_separate_no_match_from_not_reviewed(fx):
    gaps = {g.item: g for g in al.gaps(fx, "bk-0597-1", "valente-2023")}
    assert set(gaps) == {
        "bk:competentie-01", "bk:competentie-01-activiteit-01", "bk:competentie-02", "bk:kennis-03"
    }  # fmt: skip
    assert gaps["bk:competentie-02"].status == "no-match"
    assert gaps["bk:competentie-02"].record == "hgm:m6"
    assert gaps["bk:kennis-03"].status == "not-reviewed"
    assert gaps["bk:kennis-03"].section == "bk:kennis"
    # filters
    knowledge = al.gaps(fx, "bk", "valente", item_type="KnowledgeItem")
    assert [g.item for g in knowledge] == ["bk:kennis-03"]
    assert {g.item for g in al.gaps(fx, "bk", "valente", section="bk:kennis")} == {"bk:kennis-03"}
    assert [g.item for g in al.gaps(fx, "bk", "valente", status="no-match")] == [
        "bk:competentie-02"
    ]
    # a mapping stated from B's side closes the gap (inverse through the closure)
    assert al.gaps(fx, "valente-2023", "bk-0597-1", status="not-reviewed") == []


def test_coverage_matrix(fx):
    rows = al.coverage(fx)
    overall = {(r.a, r.b): r for r in rows if r.scope == "framework"}
    assert len(overall) == 6  # 3 aligned frameworks, ordered pairs; nk-2017 has no mappings
    bv = overall[("bk-0597-1", "valente-2023")]
    assert (bv.items, bv.mapped, bv.no_match, bv.not_reviewed) == (7, 3, 1, 3)
    assert bv.share == round(3 / 7, 4)
    kennis = next(r for r in rows if r.a == "bk-0597-1" and r.b == "valente-2023"
                  and r.section == "bk:kennis")  # fmt: skip
    assert (kennis.items, kennis.mapped) == (3, 2)
    only = al.coverage(fx, "bk-0597-1", "valente-2023")
    assert {(r.a, r.b) for r in only} == {("bk-0597-1", "valente-2023")}


def test_chain_is_composed_and_marked_inferred(fx):
    rows = al.chain(fx, "bk-0597-1", "valente-2023", "bijlage-ii")
    assert len(rows) == 1
    r = rows[0]
    assert (r.a_item, r.via, r.c_item) == (
        "bk:competentie-03", "valente:vaardigheid-reflectie", "bijlage2:competentie-02"
    )  # fmt: skip
    assert (r.relation1, r.relation2, r.composed) == (
        "skos:narrowMatch", "skos:exactMatch", "skos:narrowMatch"
    )  # fmt: skip
    assert r.justification == "semapv:MappingChaining"
    assert r.confidence == round(0.7 * 0.85, 4)
    assert r.curated is None
    # the curated crosswalk never contains chained rows
    assert all(m.justification != "semapv:MappingChaining"
               for m in al.crosswalk(fx, "bk-0597-1", "bijlage-ii"))  # fmt: skip


def test_chain_takes_the_surest_record_and_orders_ties_by_relation(tmp_path):
    """A step stated by two records (one the other way round) takes the higher confidence;
    chains through the same three items differ only in a relation and keep a fixed order."""
    extra = tmp_path / "second-record.ttl"
    extra.write_text(
        """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sssom: <https://w3id.org/sssom/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix bk: <https://w3id.org/herstelgraph/bk-0597-1/> .
@prefix valente: <https://w3id.org/herstelgraph/valente-2023/> .
valente:vaardigheid-reflectie skos:broadMatch bk:competentie-03 ;
    skos:relatedMatch bk:competentie-03 .
<https://example.org/m/again> a owl:Axiom, sssom:Mapping ;
    owl:annotatedSource valente:vaardigheid-reflectie ; owl:annotatedProperty skos:broadMatch ;
    owl:annotatedTarget bk:competentie-03 ; sssom:confidence "0.9"^^xsd:double .
""",
        encoding="utf-8",
    )
    store = herstelgraph.load(
        extra=[FIX / "profiles.ttl", extra], files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"]
    )
    rows = al.chain(store, "bk-0597-1", "valente-2023", "bijlage-ii")
    got = [(r.relation1, r.relation2, r.composed, r.confidence) for r in rows]
    assert got == [
        ("skos:narrowMatch", "skos:exactMatch", "skos:narrowMatch", round(0.9 * 0.85, 4)),
        ("skos:relatedMatch", "skos:exactMatch", "skos:relatedMatch", None),
    ]


def test_composition_table_is_the_documented_one():
    text = (ROOT / "docs" / "chains.md").read_text(encoding="utf-8")
    names = ["exact", "close", "broad", "narrow", "related"]
    rows = re.findall(r"^\| \*\*(\w+)\*\*\s*\|(.*)\|\s*$", text, re.MULTILINE)
    assert [r[0] for r in rows] == names
    for first, cells in rows:
        for second, cell in zip(names, cells.split("|"), strict=True):
            want = None if cell.strip() == "—" else f"skos:{cell.strip()}Match"
            assert al.compose(f"skos:{first}Match", f"skos:{second}Match") == want, (first, second)


def test_hubs(fx):
    hubs = al.hubs(fx)
    assert [(h.item, h.competencies) for h in hubs] == [("bk:kennis-01", 3), ("bk:kennis-03", 2)]
    # an activity's knowledge counts for its competency
    assert hubs[1].competency_notations == ("C1", "C3")
    assert [h.item for h in al.hubs(fx, min_competencies=1)][-1] == "bk:kennis-02"


@pytest.mark.parametrize(
    "text, first",
    [
        ("clientperspectief", "bk:competentie-01"),
        ("CLIËNTPERSPECTIEF", "bk:competentie-01"),
        ("Cliëntgericht", "bijlage2:competentie-01"),
        ("reflectie", "bijlage2:competentie-02"),  # whole label beats a word in a label
        ("herstelkennis", "valente:kennis-herstel"),  # altLabel
        ("'ervaringskennis'", "bk:competentie-02"),  # typographic quotes in the definition
    ],
)
def test_search_folds_case_and_diacritics_and_ranks(fx, text, first):
    hits = al.search(fx, text)
    assert hits and hits[0].id == first


def test_search_needs_every_word_and_filters_framework(fx):
    hits = al.search(fx, "eigen handelen")
    # equal scores: ties go by framework, then natural ID (a defined order, not chance)
    assert [(h.id, h.score) for h in hits] == [
        ("bk:competentie-03", 1.35), ("valente:vaardigheid-reflectie", 1.35)
    ]  # fmt: skip
    assert al.search(fx, "eigen nergens") == []
    assert {h.framework for h in al.search(fx, "client", framework="bk-0597-1")} == {"bk-0597-1"}
    with pytest.raises(InputError):
        al.search(fx, "  ")


def test_search_sees_every_change_to_the_store():
    """search keeps its index per store until ``Store.changes`` moves: a write through the
    store, or through the raw Oxigraph store it hands out, is found by the next search."""
    import pyoxigraph as ox

    from herstelgraph.store import ASSERTED

    store = herstelgraph.load(files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"])
    assert al.search(store, "zeldzaamwoord") == []
    scheme = next(iter(store.select("SELECT ?s WHERE { ?s a skos:ConceptScheme } LIMIT 1")))["s"]
    skos = "http://www.w3.org/2004/02/skos/core#"

    def concept(name: str) -> list[ox.Quad]:
        c = ox.NamedNode(f"{scheme.value}/{name}")
        return [
            ox.Quad(c, ox.NamedNode(skos + "inScheme"), scheme, ASSERTED),
            ox.Quad(c, ox.NamedNode(skos + "prefLabel"), ox.Literal(name, language="nl"), ASSERTED),
        ]

    store.extend(concept("zeldzaamwoord"))
    assert [h.label for h in al.search(store, "zeldzaamwoord")] == ["zeldzaamwoord"]
    store.ox.extend(concept("zeldzaamwoord-twee"))  # the raw store: a change all the same
    assert len(al.search(store, "zeldzaamwoord")) == 2


def test_profile_coverage_direct_mapped_part_of_missing(fx):
    items = {i.item: i for i in al.coverage_of(fx, "hgp:curriculum-x")}
    assert items["bk:competentie-01"].status == "direct"
    assert items["bk:competentie-01-activiteit-01"].status == "part-of"
    assert (items["bk:kennis-02"].status, items["bk:kennis-02"].via) == (
        "mapped", "valente:kennis-sociale-kaart"
    )  # fmt: skip
    assert items["bk:kennis-01"].status == "missing"
    summary = {s.section: s for s in al.coverage_summary(list(items.values()))}
    assert (summary[None].items, summary[None].missing) == (7, 4)
    assert summary["bk:kennis"].mapped == 1
    # a team profile, through hg:member/hg:proficiency/hg:concept, against another framework
    team = {i.item: i.status for i in al.coverage_of(fx, "hgp:team-a")}
    assert team["valente:kennis-herstel"] == "direct"
    via_bk = {i.item: i.status for i in al.coverage_of(fx, "hgp:team-a", "bk-0597-1")}
    assert via_bk["bk:kennis-01"] == "mapped"
    with pytest.raises(InputError):
        al.coverage_of(fx, "hgp:nope")


def test_compare_roles(fx):
    rows = {r.concept: r for r in al.compare_roles(fx)}
    assert rows["bk:competentie-02"].status == "adds"
    assert rows["bk:competentie-03"].status == "shared"
    assert rows["bk:kennis-01"].status == "shared-via-mapping"
    assert rows["bk:kennis-01"].matched == "valente:kennis-herstel"
    assert "valente:kennis-herstel" not in rows  # shared, reported once from the first role


def test_statuses_and_modes_are_the_enums_the_results_declare(fx):
    """The README promises enums for statuses: each result holds the member (an ``is``
    check), not only an equal string, and its field is annotated with that enum."""
    import typing

    from herstelgraph import (
        CoverageRow,
        CoverageScope,
        CoverageStatus,
        CrosswalkRow,
        Direction,
        Gap,
        GapStatus,
        MappingView,
        ProfileItem,
        RoleItem,
        RoleItemStatus,
        RoleSource,
    )

    gap = al.gaps(fx, "bk-0597-1", "valente-2023")[0]
    assert gap.status is GapStatus(gap.status)
    walk = al.crosswalk(fx, "valente-2023", "bk-0597-1")[0]
    assert walk.direction is Direction(walk.direction)
    view = al.mappings_of(fx, "valente:vaardigheid-reflectie")[0]
    assert view.direction is Direction(view.direction)
    row = al.coverage(fx)[0]
    assert row.scope is CoverageScope(row.scope)
    item = al.coverage_of(fx, "hgp:curriculum-x")[0]
    assert item.status is CoverageStatus(item.status)
    role = al.compare_roles(fx)[0]
    assert role.status is RoleItemStatus(role.status) and role.how is RoleSource(role.how)
    for record, field, enum in (
        (Gap, "status", GapStatus), (CrosswalkRow, "direction", Direction),
        (MappingView, "direction", Direction), (CoverageRow, "scope", CoverageScope),
        (ProfileItem, "status", CoverageStatus), (RoleItem, "status", RoleItemStatus),
        (RoleItem, "how", RoleSource),
    ):  # fmt: skip
        assert typing.get_type_hints(record)[field] is enum, (record, field)


def test_explain_gives_path_evidence_and_texts(fx):
    ex = al.explain(fx, "bk:C3", "bijlage2:competentie-02")
    assert ex.source.label == "Reflecteert op het eigen handelen"
    assert ex.target.framework == "bijlage-ii"
    [path] = ex.paths
    assert path.kind == "chain" and path.relation == "skos:narrowMatch"
    assert [s.record for s in path.steps] == ["hgm:m3", "hgm:m5"]
    assert path.steps[1].kind == "curated (inverse)"
    direct = al.explain(fx, "bk:kennis-01", "valente:kennis-herstel")
    assert direct.paths[0].kind == "curated" and direct.paths[0].steps[0].confidence == 0.9
    hier = al.explain(fx, "bk:C1.A1", "bijlage2:competentie-01")
    assert any(p.steps[0].kind == "hierarchy" for p in hier.paths)


def test_explain_steps_as_a_table_name_their_path(cli_fx):
    """explain's CSV (and sheet) has one row per step; each names its path (number, kind,
    relation, via), so the rows group back into the paths the text shows, and a Dutch
    table writes the step's confidence with a decimal comma."""
    import csv
    import io

    code, out, err = cli_fx("explain", "bk:C3", "bijlage2:competentie-02", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert [(r["path"], r["path_kind"], r["path_relation"], r["record"]) for r in rows] == [
        ("1", "chain", "skos:narrowMatch", "hgm:m3"), ("1", "chain", "skos:narrowMatch", "hgm:m5")
    ]  # fmt: skip
    assert rows[0]["via"] and rows[0]["via"] == rows[1]["via"]
    code, out, err = cli_fx("explain", "bk:kennis-01", "valente:kennis-herstel")
    assert code == 0 and "zekerheid 0,9]" in out


def test_bad_arguments_get_typed_errors_that_name_the_parameter(fx):
    """What the API refuses it refuses with an error of the tree, naming the parameter by its
    Python name: a negative search limit, a confidence given as text, an unknown item type,
    a query text that does not parse (pyoxigraph's SyntaxError is not let through)."""
    from herstelgraph import ParameterError, QueryError, QuerySyntaxError

    with pytest.raises(ParameterError) as exc:
        al.search(fx, "herstel", limit=-1)
    assert exc.value.name == "limit"
    assert al.search(fx, "herstel", limit=0) == al.search(fx, "herstel", limit=None)
    with pytest.raises(ParameterError, match="is not a number") as exc:
        al.gaps(fx, "bk-0597-1", "valente-2023", min_confidence="0.5")  # type: ignore[arg-type]
    assert exc.value.name == "min_confidence"
    with pytest.raises(ParameterError) as exc:
        al.gaps(fx, "bk-0597-1", "valente-2023", item_type="Kennisx")
    assert exc.value.name == "item_type"
    with pytest.raises(QuerySyntaxError, match="error at 1:") as syntax:
        fx.select("SELECT ?x WHERE { ?x a ")
    assert isinstance(syntax.value, QueryError) and "\n" not in str(syntax.value)


def test_validation_and_the_quality_check_refuse_the_wrong_kind_of_argument(fx):
    """validate_profiles takes RDF data and check_quality file paths: a file name for the
    one and a store for the other are ParameterErrors that say which to call instead."""
    from herstelgraph import ParameterError, check_quality, validate_profiles

    with pytest.raises(ParameterError, match="validate_files") as exc:
        validate_profiles(fx, [str(FIX / "profiles.ttl")])
    assert exc.value.name == "profiles"
    with pytest.raises(ParameterError, match="file paths") as exc:
        check_quality(fx)  # type: ignore[arg-type]
    assert exc.value.name == "paths"


def test_run_query_binds_typed_parameters(fx):
    res = al.run_query(fx, "gaps", {"a": "bk-0597-1", "b": "valente", "type": "hg:KnowledgeItem"})
    assert [r["item"] for r in res.as_dicts()] == ["bk:kennis-03"]
    assert res.variables[0] == "item" and res.rows[0][0] == "bk:kennis-03"
    with pytest.raises(InputError, match="needs parameter b"):
        al.run_query(fx, "gaps", {"a": "bk-0597-1"})
    with pytest.raises(InputError, match="no parameter"):
        al.run_query(fx, "gaps", {"a": "bk", "b": "valente", "x": "1"})
    # a value that tries to break out of its literal stays a literal
    assert al.run_query(fx, "resolve", {"notation": 'C1" } ; DROP ALL ; #'}).rows == ()
    with pytest.raises(UnknownIdError):
        al.run_query(fx, "gaps", {"a": "bk", "b": "nowhere"})


# ------------------------------------------------------------------------- CLI
@pytest.fixture
def cli_fx(monkeypatch, run_cli):
    from herstelgraph import store as st

    real = st.load

    def load(extra=(), *, closure=True, files=None, **kw):
        return real(extra, closure=closure, files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"])

    monkeypatch.setattr(st, "load", load)
    return run_cli


@pytest.mark.parametrize(
    "args",
    [
        ["crosswalk", "bk-0597-1", "valente-2023"],
        ["gaps", "bk-0597-1", "valente-2023", "--status", "not-reviewed"],
        ["coverage"],
        ["chain", "bk-0597-1", "valente-2023", "bijlage-ii"],
        ["hubs"],
        ["search", "clientperspectief"],
        ["--data", str(FIX / "profiles.ttl"), "coverage-of", "hgp:curriculum-x"],
        ["--data", str(FIX / "profiles.ttl"), "compare-roles"],
        ["query", "crosswalk", "--param", "a=bk", "--param", "b=valente-2023"],
        ["explain", "bk:kennis-01", "valente:kennis-herstel"],
        ["map", "bk:kennis-01"],
    ],
    ids=lambda a: a[0] if a[0] != "--data" else a[2],
)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_cli_verbs_in_every_format(cli_fx, args, fmt):
    code, out, err = cli_fx(*args, "--format", fmt)
    assert code == 0, err
    assert out.strip()
    if fmt == "json":
        json.loads(out)


@pytest.mark.parametrize(
    "args, needle",
    [
        (["gaps", "bk", "nowhere"], "onbekend kader 'nowhere'; bekend: "),
        (["--lang", "en", "gaps", "bk", "nowhere"], "unknown framework 'nowhere'; known: "),
        (["chain", "bk", "bk", "valente"], "drie verschillende kaders"),
        (["--lang", "en", "chain", "bk", "bk", "valente"], "three different frameworks"),
        (["crosswalk", "bk", "bk"], "crosswalk vraagt twee verschillende kaders; 'bk' staat"),
        (["explain", "bk:C3", "bk:C3"], "explain vraagt twee verschillende items"),
        (["--reviews", "nergens", "overview"], "nergens: zo'n map met reviewbestanden"),
        (["coverage-of", "hgp:x"], "no profiles are loaded"),
        (["query", "gaps", "--param", "a"], "verwacht NAAM=WAARDE"),
        (["--lang", "en", "query", "gaps", "--param", "a"], "expected NAME=VALUE"),
        (["query", "nope-query"], "geen meegeleverde query 'nope-query'; bekend: "),
        (["--lang", "en", "query", "nope-query"], "no shipped query"),
        (["query", "gaps", "--param", "zz=1"], "query gaps heeft geen parameter 'zz'"),
        (
            ["query", "gaps"],
            "query gaps heeft parameter a (iri) nodig; zie zijn kop (--param a=WAARDE)",
        ),
        (["--lang", "en", "query", "gaps"], "query gaps needs parameter a (iri)"),
        (["search", " "], "lege zoektekst"),
        (["--lang", "en", "search", " "], "empty search text"),
        (["--endpoint", "ftp://x", "coverage"], "ongeldige URL van een eindpunt 'ftp://x'"),
        (["--lang", "en", "--endpoint", "ftp://x", "coverage"], "invalid endpoint URL"),
    ],
)
def test_cli_bad_input_is_one_line_exit_2(cli_fx, args, needle):
    code, _out, err = cli_fx(*args)
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


# ------------------------------------------------------------------------- golden
def _shipped_ready() -> bool:
    return (ROOT / "mappings" / "mappings.ttl").is_file() and (
        ROOT / "ontology" / "bk-0597-1.ttl"
    ).is_file()


@pytest.mark.skipif(not _shipped_ready(), reason="framework data or mappings.ttl not built yet")
def test_golden_answers_on_the_shipped_graph(store):
    answers = golden_answers(store)
    files = {p.stem for p in GOLDEN.glob("*.json")}
    assert files == set(answers), "golden files and answers differ: run make goldens, review"
    for name, data in answers.items():
        want = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
        assert data == want, f"{name} changed: review it, then run make goldens"


def test_gaps_names_the_same_record_whatever_order_the_engine_returns(monkeypatch):
    """An item with two no-match records (and two types) is one gap naming the least record,
    whichever order the rows come in (the in-memory and on-disk stores return them in
    different orders)."""
    import pyoxigraph as ox

    from herstelgraph.questions import alignment
    from herstelgraph.store.store import Row
    from herstelgraph.vocab import PREFIXES

    bk, hg, hgm = PREFIXES["bk"], PREFIXES["hg"], PREFIXES["hgm"]

    def row(record: str, kind: str) -> Row:
        return Row(
            {
                "item": ox.NamedNode(bk + "kennis-12"),
                "label": ox.Literal("kennis", language="nl"),
                "notation": ox.Literal("K12"),
                "kind": ox.NamedNode(hg + kind),
                "top": None,
                "topLabel": None,
                "status": ox.Literal("no-match"),
                "record": ox.NamedNode(hgm + record),
                "comment": None,
            }
        )

    rows = [row("b2", "KnowledgeItem"), row("a1", "Skill"), row("a1", "KnowledgeItem")]
    answers = []
    for order in (rows, rows[::-1], rows[1:] + rows[:1]):
        monkeypatch.setattr(alignment, "_run", lambda *_a, _o=order, **_k: list(_o))
        answers.append(alignment.gaps(herstelgraph_store(), "bk-0597-1", "valente-2023"))
    assert answers[0] == answers[1] == answers[2]
    assert [(g.record, g.type) for g in answers[0]] == [("hgm:a1", "KnowledgeItem")]


def herstelgraph_store():
    import herstelgraph

    return herstelgraph.load()


def _fold_as_defined(text: str) -> str:
    """What ``fold`` means, written plainly: NFKD, combining marks dropped, case folded,
    every quote and dash as ' and -."""
    import unicodedata

    from herstelgraph.questions.alignment import _DASHES, _QUOTES

    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    for q in _QUOTES[1:]:
        out = out.replace(q, "'")
    for d in _DASHES[1:]:
        out = out.replace(d, "-")
    return out


_FOLD_PIECES = "`'’‘´-‐‑–—ëéÉïĳßﬁ\u0301\u0308 aZ09Ω日"


@settings(max_examples=500, derandomize=True)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(blacklist_categories=("Cs",)), st.sampled_from(_FOLD_PIECES)
        )
    )
)
def test_fold_is_its_definition_on_any_text(text):
    from herstelgraph.questions.alignment import fold

    assert fold(text) == _fold_as_defined(text)


@pytest.mark.parametrize(
    "text, where, says",
    [
        # the parser puts what it finds at the end after the last newline: the end of line 1
        ("SELECT ?x WHERE { ?x ?y }\n", ":1:26: ", "gemeld aan het eind van de query"),
        ("SELECT ?x WHERE { ?x ?y }", ":1:26: ", "verbeter de query daar"),
        ("SELECT ?x\nWHERE {\n  ?x ?y ?z ,\n}\n", ":4:2: ", "SPARQL-syntaxfout, "),
        ("SELECT ?x\nWHERE { ?x ?y ?z }\nLIMIT x\n", ":3:7: ", "SPARQL-syntaxfout: "),
    ],
)
def test_a_users_query_that_does_not_parse_is_located_as_every_file(
    cli_fx, tmp_path, text, where, says
):
    query = tmp_path / "mine.rq"
    query.write_text(text, encoding="utf-8")
    code, out, err = cli_fx("query", str(query))
    assert code == 2 and not out and len(err.strip().splitlines()) == 1, err
    assert f"herstelgraph: fout: {query}{where}" in err and says in err, err
    english = cli_fx("--lang", "en", "query", str(query))[2]
    assert f"{query}{where}SPARQL syntax error" in english


def test_an_unknown_query_parameter_is_not_offered_back_as_a_hint(cli_fx):
    code, _out, err = cli_fx("query", "gaps", "--param", "zz=1")
    assert code == 2 and err.rstrip().endswith("hij neemt: a, b, section, type"), err
