"""Reviewing the English translations like mappings (issue 20): a reviewer's decisions in
``<reviewer>.translations.tsv``, applied when the graph loads (a rejected translation is not
shown, a corrected one replaces the text with who and when), counted on the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from herstelgraph.curation.review import translations as T
from herstelgraph.curation.review.loading import load
from herstelgraph.curation.review.records import parse_reviewer
from herstelgraph.errors import InputError, InputFileError

LABEL = "SELECT ?l WHERE { ?c skos:prefLabel ?l FILTER(lang(?l) = 'en') }"
DEFINITION = "SELECT ?l WHERE { ?c skos:definition ?l FILTER(lang(?l) = 'en') }"


@pytest.fixture(scope="module")
def base():
    return load(reviews=())


def _en(store, query: str, curie: str) -> list[str]:
    import pyoxigraph as ox

    from herstelgraph.ids import expand

    return [r["l"].value for r in store.select(query, {"c": ox.NamedNode(expand(curie))})]


@pytest.fixture(scope="module")
def reviewed(base, tmp_path_factory):
    """Two reviewers: jansen corrects one label, rejects one definition, confirms a label;
    de-vries later confirms the label jansen corrected (the latest decision is in force)."""
    folder = tmp_path_factory.mktemp("reviews")
    jansen = parse_reviewer("jansen", "A. Jansen")
    T.decide(
        base,
        folder,
        jansen,
        "bk:competentie-02",
        "label",
        T.CORRECT,
        corrected="Works together across disciplines",
        date="2026-11-01",
    )
    T.decide(base, folder, jansen, "bk:competentie-03", "definition", T.REJECT, date="2026-11-01")
    T.decide(base, folder, jansen, "bk:competentie-04", "label", T.CONFIRM, date="2026-11-01")
    T.decide(
        base,
        folder,
        jansen,
        "bk:competentie-05",
        "label",
        T.CORRECT,
        corrected="X",
        date="2026-11-01",
    )
    vries = parse_reviewer("de-vries", "B. de Vries")
    T.decide(base, folder, vries, "bk:competentie-05", "label", T.CONFIRM, date="2026-11-02")
    return folder, load(reviews=[folder])


def test_every_translated_label_and_definition_is_a_unit_with_its_dutch(base):
    units = T.units(base)
    label = units[("bk:competentie-02", "skos:prefLabel")]
    assert label.english == "Collaborates in an interdisciplinary way"
    assert label.dutch == "Werkt interdisciplinair samen"
    assert ("bk:competentie-03", "skos:definition") in units
    assert ("bk:scheme", "dct:title") in units
    # a curator's English label outside the translations file is not a translation
    assert not any(k[0] == "nk:regio-scheme" for k in units)
    assert all(u.dutch for u in units.values() if u.property != "dct:title")


def test_decisions_apply_when_the_graph_loads(base, reviewed):
    _, store = reviewed
    assert _en(base, LABEL, "bk:competentie-02") == ["Collaborates in an interdisciplinary way"]
    assert _en(store, LABEL, "bk:competentie-02") == ["Works together across disciplines"]
    assert _en(store, DEFINITION, "bk:competentie-03") == []  # rejected: not shown
    assert _en(base, DEFINITION, "bk:competentie-03") != []
    assert _en(store, LABEL, "bk:competentie-04") == _en(base, LABEL, "bk:competentie-04")
    # de Vries confirmed later what Jansen had corrected: the original text stands
    assert _en(store, LABEL, "bk:competentie-05") == _en(base, LABEL, "bk:competentie-05")
    marks = T.reviewed_units(store)
    assert marks[("bk:competentie-02", "skos:prefLabel")] == ("correct", "A. Jansen", "2026-11-01")
    assert marks[("bk:competentie-03", "skos:definition")][0] == "reject"
    assert marks[("bk:competentie-05", "skos:prefLabel")] == (
        "confirm",
        "B. de Vries",
        "2026-11-02",
    )
    # the Dutch quotes are untouched
    assert _en(store, LABEL.replace("'en'", "'nl'"), "bk:competentie-02") == [
        "Werkt interdisciplinair samen"
    ]


def test_the_dataset_provenance_counts_the_reviewed_translations(reviewed):
    _, store = reviewed
    rows = store.select(
        "SELECT ?n WHERE { <https://w3id.org/herstelgraph/translations/en> skos:editorialNote ?n "
        "FILTER(STRSTARTS(?n, 'Reviewed by a person')) }"
    )
    total = len(T.units(load(reviews=())))
    assert [r["n"].value for r in rows] == [
        f"Reviewed by a person: 4 of {total} translations (2 confirmed, 1 corrected, 1 rejected)."
    ]


def test_a_changed_translation_makes_its_review_stale(base, tmp_path):
    reviewer = parse_reviewer("jansen", "A. Jansen")
    d = T.decide(base, tmp_path, reviewer, "bk:competentie-03", "definition", T.REJECT)
    path = tmp_path / "jansen.translations.tsv"
    text = path.read_text().replace(d.sha, T.sha256("an older text"))
    path.write_text(text)
    store = load(reviews=[tmp_path])
    assert _en(store, DEFINITION, "bk:competentie-03") == _en(base, DEFINITION, "bk:competentie-03")
    fig = T.figures(T.read_decisions([(path, None)]))
    assert (fig.reviewed, fig.stale) == (0, 1)


def test_bad_files_and_decisions_are_one_line_errors(base, tmp_path):
    reviewer = parse_reviewer("jansen", "A. Jansen")
    with pytest.raises(InputError, match="no English skos:definition"):
        T.decide(base, tmp_path, reviewer, "bk:scheme-does-not-exist", "definition", T.CONFIRM)
    with pytest.raises(InputError, match="corrected English text"):
        T.decide(base, tmp_path, reviewer, "bk:competentie-02", "label", T.CORRECT)
    T.decide(base, tmp_path, reviewer, "bk:competentie-02", "label", T.CONFIRM)
    path = tmp_path / "jansen.translations.tsv"
    good = path.read_text()
    path.write_text(good.replace("\tconfirm\t", "\tmaybe\t"))
    with pytest.raises(InputFileError, match="decision 'maybe'") as exc:
        T.read_file(path)
    assert exc.value.line == good.split("\n").index(good.split("\n")[-2]) + 1
    path.write_text(good.replace("\tconfirm\t\t", "\tconfirm\tsome text\t"))
    with pytest.raises(InputFileError, match="use correct"):
        T.read_file(path)
    lines = good.rstrip("\n").split("\n")
    path.write_text("\n".join([*lines, lines[-1]]) + "\n")
    with pytest.raises(InputFileError, match="a second decision"):
        T.read_file(path)


def test_cli_records_lists_and_refuses(run_cli, tmp_path: Path):
    code, out, err = run_cli(
        "review", "translation", "bk:competentie-02", "label", "--reviewer", "jansen",
        "--label", "A. Jansen", "--correct", "Works together across disciplines",
        "--reviews", str(tmp_path),
    )  # fmt: skip
    assert code == 0, err
    assert "vertaling verbeterd" in err
    assert (tmp_path / "jansen.translations.tsv").is_file()
    code, out, err = run_cli(
        "--reviews", str(tmp_path), "review", "translations", "--framework", "bk-0597-1",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0, err
    row = next(
        line for line in out.splitlines() if line.startswith("bk:competentie-02,skos:prefLabel")
    )
    assert "corrected,Works together across disciplines,A. Jansen" in row
    listed = out
    assert f"1 van {len(T.units(load(reviews=())))} vertalingen door een mens beoordeeld" in err
    code, out, err = run_cli(
        "review", "translation", "bk:competentie-02", "label", "--reviewer", "jansen",
        "--confirm", "--correct", "x", "--reviews", str(tmp_path),
    )  # fmt: skip
    assert code == 2 and "kies een van --confirm, --reject en --correct" in err
    assert "Traceback" not in err
    # the framework in any case or by its prefix, as everywhere; an unknown one refused
    for name in ("bk", "BK-0597-1"):
        code, out, _ = run_cli(
            "--reviews", str(tmp_path), "review", "translations", "--framework", name,
            "--format", "csv",
        )  # fmt: skip
        assert code == 0 and out == listed
    code, _, err = run_cli("review", "translations", "--framework", "nope")
    assert code == 2 and "bk-0597-1" in err


def test_the_site_shows_who_reviewed_and_how_many(reviewed):
    from herstelgraph.publish.site import site_files

    _, store = reviewed
    files = site_files(store)
    page = files["nl/concepts/bk-0597-1/competentie-02.html"].decode()
    assert "Works together across disciplines" in page
    assert "Vertaling verbeterd door A. Jansen (2026-11-01)" in page
    total = len(T.units(load(reviews=())))
    assert f"4 van {total} vertalingen door een mens beoordeeld." in page
    en = files["en/concepts/bk-0597-1/competentie-04.html"].decode()
    assert "reviewed and confirmed by A. Jansen (2026-11-01)" in en
