"""The embedded store: graphs kept apart, parameters bound, the closure cached by content."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from herstelgraph.errors import InputError
from herstelgraph.store import ASSERTED, INFERRED, Store, bind_values, cache_dir, load

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "mappings"


def test_bound_values_cannot_break_out_of_their_quotes():
    hostile = ox.Literal('x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "', language="nl")
    text = bind_values("SELECT ?s WHERE { ?s ?p ?label }", {"label": hostile})
    st = Store()
    st.ox.add(ox.Quad(ox.NamedNode("http://e/s"), ox.NamedNode("http://e/p"), hostile, ASSERTED))
    rows = st.select(text)
    assert [r["s"].value for r in rows] == ["http://e/s"]
    assert 'x\\" }' in text


def test_bad_parameter_name_is_refused():
    with pytest.raises(InputError):
        bind_values("SELECT * WHERE { ?s ?p ?o }", {"p } ?x": ox.Literal("y")})


def test_inferred_triples_stay_apart_from_asserted(tmp_path, monkeypatch):
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    st = load(files=[FIX / "base.ttl", FIX / "consistent.ttl"])
    exact = ox.NamedNode("http://www.w3.org/2004/02/skos/core#exactMatch")
    a1, b1 = ox.NamedNode("http://example.org/a/a1"), ox.NamedNode("http://example.org/b/b1")
    assert list(st.ox.quads_for_pattern(a1, exact, b1, ASSERTED))
    assert not list(st.ox.quads_for_pattern(a1, exact, b1, INFERRED))
    assert list(st.ox.quads_for_pattern(b1, exact, a1, INFERRED))
    assert not st.ask("ASK { ?b skos:exactMatch ?a FILTER(?b = <http://example.org/b/b1>) }")
    assert st.ask(
        "ASK { ?b skos:exactMatch ?a FILTER(?b = <http://example.org/b/b1>) }", entailment=True
    )


def test_closure_cache_is_keyed_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "data.ttl"
    data.write_text((FIX / "base.ttl").read_text() + (FIX / "consistent.ttl").read_text())
    first = load(files=[data])
    assert cache_dir() == tmp_path / "cache"
    cached = sorted((tmp_path / "cache").glob("closure-*.nt"))
    assert len(cached) == 1
    again = load(files=[data])
    graph = set(again.ox.quads_for_pattern(None, None, None, INFERRED))
    assert graph == set(first.ox.quads_for_pattern(None, None, None, INFERRED))
    # A changed input gets a new key: the old closure is never served for it.
    data.write_text(data.read_text().replace("a:a1 skos:exactMatch b:b1 .", ""))
    changed = load(files=[data])
    assert len(sorted((tmp_path / "cache").glob("closure-*.nt"))) == 2
    a1 = ox.NamedNode("http://example.org/a/a1")
    exact = ox.NamedNode("http://www.w3.org/2004/02/skos/core#exactMatch")
    assert not list(changed.ox.quads_for_pattern(None, exact, a1, INFERRED))


def test_unwritable_cache_costs_speed_not_correctness(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(blocker / "sub"))
    st = load(files=[FIX / "base.ttl", FIX / "consistent.ttl"])
    assert st.ask("ASK { ?a skos:broaderTransitive ?b }", entailment=True)


def test_syntax_error_names_file_line_and_column(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b ex:c ex:d .\n")
    with pytest.raises(InputError) as err:
        Store().add_file(bad)
    assert str(err.value).startswith(f"{bad}:3:")


INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"


@pytest.mark.parametrize(
    "lines, where, says",
    [
        (['<x:a> <x:b> "12x"^^' + INTEGER + " .", "<x:a> <x:b> <x:c> .", '<x:a> <x:b> "x"'], 1,
         "'12x' is not a valid xsd:integer"),
        (["<x:a> <x:b> <x:c> .", '<x:a> <x:b> "x"', '<x:a> <x:b> "12x"^^' + INTEGER + " ."], 3,
         "Quads must be followed by a dot"),
        (['<x:a> <x:b> "1"^^' + INTEGER + " .", "<x:a> <x:b> <x:c>"], 3,
         "Quads must be followed by a dot"),
        (['<x:a> <x:b> "1"^^' + INTEGER + " .", '<x:a> <x:b> "1e"^^' + INTEGER + " ."], 2,
         "'1e' is not a valid xsd:integer"),
    ],
)  # fmt: skip
def test_a_user_n_triples_file_is_refused_at_its_first_fault(tmp_path, lines, where, says):
    """N-Triples from a user: the worker checks the lines with a typed literal and the load
    the syntax (decision 37); the fault named is the first of the file, at its line, and
    nothing is loaded."""
    from herstelgraph.store import USER

    bad = tmp_path / "bad.nt"
    bad.write_text("\n".join(lines) + "\n")
    store = Store()
    with pytest.raises(InputError) as err:
        store.add_file(bad, USER)
    assert str(err.value).startswith(f"{bad}:{where}:") and says in str(err.value)
    assert len(store) == 0


def test_shipped_graph_loads_from_the_package():
    from herstelgraph.resources import graph_files

    files = graph_files()
    names = [p.name for p in files]
    assert "herstelgraph.ttl" in names and "bk-0597-1.ttl" in names
    # the English translations are part of the shipped graph (issue 20)
    assert [p.parent.name for p in files if p.name == "en.ttl"] == ["translations"]
    assert all(
        (ROOT / "ontology" / p.parent.name.replace("ontology", "") / p.name).exists()
        or p.name == "mappings.ttl"
        for p in files
    )


def test_one_path_given_as_a_string_is_one_file(tmp_path):
    """``load("mine.ttl")`` reads that file (a str is not an iterable of one-letter paths)."""
    import herstelgraph

    mine = tmp_path / "mine.ttl"
    mine.write_text("<https://example.org/a> <https://example.org/b> 'c' .\n", encoding="utf-8")
    for given in (str(mine), mine, [str(mine)]):
        store = herstelgraph.load(given)
        assert store.ask("ASK { <https://example.org/a> <https://example.org/b> 'c' }")


def test_add_data_syntax_error_is_located():
    """issue 13: a parse error of added data is an InputFileError with line and column."""
    import pyoxigraph as ox

    from herstelgraph.errors import InputFileError
    from herstelgraph.store.store import USER, Store

    data = b"<urn:x:a> <urn:x:b> <urn:x:c> .\n<urn:x:a> <urn:x:b> <no scheme> .\n"
    with pytest.raises(InputFileError) as err:
        Store().add_data(data, ox.RdfFormat.N_TRIPLES, USER, "records.nt")
    assert (err.value.path, err.value.line, err.value.column) == ("records.nt", 2, 21)
    assert str(err.value).startswith("records.nt:2:21: ")


def test_select_answers_rows_that_name_their_columns_even_when_empty():
    """A caller of the public API gets ``herstelgraph.Rows``: the columns of a SELECT that
    matched nothing are still known (a header for an empty table)."""
    import herstelgraph

    store = Store()
    data = b'<https://ex.org/a> <https://ex.org/p> "x"@nl .\n'
    store.add_data(data, ox.RdfFormat.N_TRIPLES, ASSERTED, "test")
    rows = store.select(
        "SELECT ?s ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?s <https://ex.org/no> ?missing } }"
    )
    assert isinstance(rows, herstelgraph.Rows) and rows.variables == ("s", "o", "missing")
    assert isinstance(rows[0], herstelgraph.Row) and rows[0].get("missing") is None
    none = store.select("SELECT ?s ?o WHERE { ?s <https://ex.org/none> ?o }")
    assert none == [] and none.variables == ("s", "o")
