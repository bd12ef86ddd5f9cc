"""The persisted store (issue 22, store/persist.py): the CLI opens the whole store from disk,
keyed by the content hash of its inputs, verified before every use (issue 14), rebuilt when
an input changes or the store is damaged, and read-only until the first write."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path

import pytest

from conftest import ROOT

PROFILE = ROOT / "examples" / "03-valid-person-profile.ttl"


@pytest.fixture(scope="module")
def right():
    """frameworks and gaps as JSON, with no cache at all."""
    from herstelgraph.cli import main

    saved = os.environ.get("HERSTELGRAPH_CACHE")
    os.environ["HERSTELGRAPH_CACHE"] = "off"
    try:
        import contextlib
        import io

        out = {}
        for name, argv in ARGS.items():
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                assert main([*argv, "--format", "json"]) == 0
            out[name] = buf.getvalue()
        return out
    finally:
        if saved is None:
            os.environ.pop("HERSTELGRAPH_CACHE", None)
        else:
            os.environ["HERSTELGRAPH_CACHE"] = saved


ARGS = {
    "frameworks": ["frameworks"],
    "gaps": ["gaps", "bk-0597-1", "valente-2023"],
    "hubs": ["hubs"],
}


def _ask(run_cli) -> tuple[dict, str]:
    out, errs = {}, ""
    for name, argv in ARGS.items():
        code, text, err = run_cli(*argv, "--format", "json")
        assert code == 0, err
        out[name], errs = text, errs + err
    return out, errs


def _stores(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith("store-"))


def test_the_cli_opens_a_persisted_store(run_cli, tmp_path, monkeypatch, right):
    from herstelgraph.store import persist

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    assert _ask(run_cli) == (right, "")
    (folder,) = _stores(tmp_path)
    manifest = json.loads((folder / persist.MANIFEST).read_text())
    # every file but the manifest itself, RocksDB's log and lock, and the answers kept with
    # the store (verified each by itself: test_answers_are_kept_verified_and_read)
    assert set(manifest["body"]["files"]) == {
        p.name for p in folder.iterdir() if p.name not in (persist.MANIFEST, persist.ANSWERS)
    } - {"LOCK", "LOG"}
    # no closure entry beside it: the store holds the closure and the tallies
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("closure-")] == []
    # the second process opens it: same answers, nothing rebuilt, nothing said
    before = {
        p: p.stat().st_mtime_ns
        for p in folder.iterdir()
        if p.name not in (persist.MANIFEST, persist.ANSWERS)
    }
    assert _ask(run_cli) == (right, "")
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_an_opened_store_is_the_loaded_one(tmp_path, monkeypatch):
    """Every quad of the in-memory load is in the persisted store, and no other."""
    from herstelgraph.store import load

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    built = load(persisted=True)
    opened = load(persisted=True)
    assert not built.read_only and opened.read_only
    assert set(opened.ox) == set(built.ox) and len(opened) > 10_000


def test_a_changed_input_gives_a_new_store(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path / "cache"))
    data = tmp_path / "p.ttl"
    shutil.copy(PROFILE, data)
    assert run_cli("--data", str(data), "frameworks")[0] == 0
    first = _stores(tmp_path / "cache")
    # same size, same mtime: only the content (and the ctime) differ
    st = data.stat()
    text = data.read_text()
    changed = text.replace("Sanne, ervaringsdeskundige", "Sanna, ervaringsdeskundige", 1)
    assert changed != text and len(changed) == len(text)
    data.write_text(changed)
    os.utime(data, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert run_cli("--data", str(data), "frameworks")[0] == 0
    assert len(_stores(tmp_path / "cache")) == 2 and first[0] in _stores(tmp_path / "cache")


DAMAGE = ["empty-file", "cut-file", "random-bytes", "same-size-edit", "extra-file",
          "missing-file", "manifest-edited", "manifest-gone"]  # fmt: skip


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_store_is_reported_and_rebuilt(kind, run_cli, tmp_path, monkeypatch, right):
    from herstelgraph.store import persist

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    assert _ask(run_cli)[0] == right
    (folder,) = _stores(tmp_path)
    files = sorted(
        (p for p in folder.iterdir() if p.name.endswith(".sst")), key=lambda p: p.stat().st_size
    )
    victim = files[-1]
    data = victim.read_bytes()
    if kind == "empty-file":
        victim.write_bytes(b"")
    elif kind == "cut-file":
        victim.write_bytes(data[: len(data) // 2])
    elif kind == "random-bytes":
        victim.write_bytes(random.Random(5).randbytes(len(data)))
    elif kind == "same-size-edit":  # one byte, the file's times set back
        st = victim.stat()
        victim.write_bytes(data[:100] + bytes([data[100] ^ 1]) + data[101:])
        os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
    elif kind == "extra-file":
        (folder / "999999.log").write_bytes(b"x")
    elif kind == "missing-file":
        victim.unlink()
    elif kind == "manifest-edited":
        manifest = json.loads((folder / persist.MANIFEST).read_text())
        name = next(iter(manifest["body"]["files"]))
        manifest["body"]["files"][name][0] += 1
        (folder / persist.MANIFEST).write_text(json.dumps(manifest))
    elif kind == "manifest-gone":
        (folder / persist.MANIFEST).unlink()
    answers, err = _ask(run_cli)
    assert answers == right
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"herstelgraph: waarschuwing: bewaarde store {folder} is beschadigd ("
    ), err
    assert lines[0].endswith("; hij wordt opnieuw opgebouwd")  # Dutch by default
    assert _ask(run_cli) == (right, "")  # rebuilt, and served again silently


def test_a_damaged_input_index_only_costs_a_rehash(run_cli, tmp_path, monkeypatch, right):
    from herstelgraph.store import persist

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    assert _ask(run_cli)[0] == right
    index = tmp_path / persist.INDEX
    entries = json.loads(index.read_text())
    # a wrong hash under the right stamps: the key changes, a new store is built, and the
    # answers stay right (the index says which bytes were hashed, never what they hold)
    for entry in entries.values():
        entry[4] = "0" * 64
    index.write_text(json.dumps(entries))
    assert _ask(run_cli)[0] == right
    index.write_bytes(b"\x00garbage")
    assert _ask(run_cli)[0] == right


def test_writing_to_an_opened_store_copies_it_first(tmp_path, monkeypatch):
    import pyoxigraph as ox

    from herstelgraph.store import USER, load

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    load(persisted=True)
    store = load(persisted=True)
    assert store.read_only
    n = len(store)
    quad = ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.Literal("c"), USER)
    store.extend([quad])
    assert not store.read_only and len(store) == n + 1
    assert len(load(persisted=True)) == n  # the persisted one is untouched


@pytest.mark.parametrize("extra_graph", [False, True])
def test_an_opened_store_reads_the_graphs_each_question_names(tmp_path, extra_graph):
    """A question reads exactly its graphs, on disk and in memory: the union of every
    graph when those are all the store has (one lookup per pattern), else only the named
    ones, so a graph no question reads (the reviews' withheld records) never leaks in."""
    import pyoxigraph as ox

    from herstelgraph.model import Entailment
    from herstelgraph.store.store import ASSERTED, INFERRED, USER, Store

    x = [ox.NamedNode(f"urn:x:{n}") for n in ("a", "b", "c", "d")]
    quads = [ox.Quad(x[0], x[1], x[2], ASSERTED), ox.Quad(x[0], x[1], x[3], INFERRED)]
    if extra_graph:
        quads.append(ox.Quad(x[0], x[1], x[1], ox.NamedNode("urn:x:withheld")))
        quads.append(ox.Quad(x[0], x[1], x[0], ox.DefaultGraph()))
    disk = ox.Store(str(tmp_path / "s"))
    disk.bulk_extend(quads)
    disk.flush()
    del disk
    opened = Store(ox.Store.read_only(str(tmp_path / "s")), read_only=True)
    memory = Store()
    memory.ox.extend(quads)
    query = "SELECT ?o WHERE { <urn:x:a> <urn:x:b> ?o }"
    for mode, expected in [
        (Entailment.NONE, {"urn:x:c"}),
        (Entailment.CLOSURE, {"urn:x:c", "urn:x:d"}),
        (Entailment.TALLIES, {"urn:x:d"}),
    ]:
        for store in (opened, memory):
            got = {r["o"].value for r in store.select(query, entailment=mode)}
            assert got == expected, (mode, store.read_only)
    for store in (opened, memory):
        assert (store._dataset(Entailment.CLOSURE) is None) is not extra_graph
        assert store._dataset(Entailment.NONE) == [ASSERTED]  # USER is empty: not searched
    # a writable store reads its graphs at every query: a graph added later stays out
    memory.ox.add(ox.Quad(x[0], x[1], x[1], ox.NamedNode("urn:x:later")))
    got = {r["o"].value for r in memory.select(query, entailment=Entailment.CLOSURE)}
    assert got == {"urn:x:c", "urn:x:d"}
    opened.extend([ox.Quad(x[0], x[1], x[0], USER)])  # a write copies it into memory
    got = {r["o"].value for r in opened.select(query, entailment=Entailment.CLOSURE)}
    assert got == {"urn:x:a", "urn:x:c", "urn:x:d"}


def test_a_slow_build_is_written_by_a_detached_process(tmp_path):
    """After a build of over a second of CPU the CLI answers from memory while a forked,
    detached copy writes the store: nothing of the copy reaches the caller's output
    streams, a change to the source after the fork does not reach the copy, and the store
    it leaves is complete and verified."""
    import subprocess
    import sys
    import time

    if not hasattr(os, "fork"):
        pytest.skip("no fork on this platform: the store is written in the process")
    folder = tmp_path / ("store-" + "0" * 32)
    script = f"""
import time, pyoxigraph as ox
from pathlib import Path
from herstelgraph.store import persist
source = ox.Store()
source.extend(ox.Quad(ox.NamedNode(f"urn:x:{{i}}"), ox.NamedNode("urn:x:p"), ox.Literal(str(i)),
                      ox.NamedNode("urn:x:g")) for i in range(50_000))
print(persist.write_store_detached(source, Path({str(folder)!r})), flush=True)
source.clear()  # what the caller does next cannot reach the copy
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "True\n" and done.stderr == ""
    from herstelgraph.store import persist

    deadline = time.monotonic() + 120
    while not (folder / persist.MANIFEST).exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert persist.verified(folder)
    assert len(persist.opener(folder)()) == 50_000


def test_progress_line_when_a_rebuild_takes_over_a_second(monkeypatch):
    import io

    from herstelgraph.store import persist

    now = [0.0]
    monkeypatch.setattr(persist.time, "perf_counter", lambda: now[0])
    out = io.StringIO()
    progress = persist.Progress("the persisted store", stream=out)
    progress.step("inputs parsed")
    assert out.getvalue() == ""
    now[0] = 1.5
    progress.step("SKOS closure computed")
    now[0] = 2.0
    progress.step("written")
    assert out.getvalue().splitlines() == [
        "herstelgraph: building the persisted store (once per change of the inputs)",
        "herstelgraph:   SKOS closure computed (1.5 s)",
        "herstelgraph:   written (2.0 s)",
    ]


def test_cache_clear_removes_stores_and_the_index(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    (tmp_path / "notes.txt").write_text("not ours")
    assert run_cli("frameworks")[0] == 0
    assert "entries: 1 (" in run_cli("--lang", "en", "cache", "info")[1]
    code, _, err = run_cli("--lang", "en", "cache", "clear")
    assert code == 0 and err.startswith("1 cache entry removed")
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


@pytest.mark.parametrize("touching", [False, True])
def test_an_anchored_question_leaves_an_untouched_graph_in_the_union(tmp_path, touching):
    """gaps is anchored on ?a (decision 29): on a persisted store it reads the union of every
    graph when the graphs it does not name (the external one) touch nothing of scheme A, and
    its named graphs otherwise; the answer is the in-memory store's either way, and a quad
    the external graph holds about an item of A never leaks into it."""
    import pyoxigraph as ox

    from herstelgraph.model import Entailment
    from herstelgraph.store import persist, queries
    from herstelgraph.store.store import ASSERTED, EXTERNAL, INFERRED, Store

    n = ox.NamedNode
    skos, hg = "http://www.w3.org/2004/02/skos/core#", "https://w3id.org/herstelgraph/def#"
    a, b, esco = n("urn:x:A"), n("urn:x:B"), n("urn:x:esco")
    i1, i2, e1 = n("urn:x:i1"), n("urn:x:i2"), n("urn:x:e1")
    in_scheme, rdf_type = n(skos + "inScheme"), n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    notation, item = n(skos + "notation"), n(hg + "RequirementItem")
    quads = [
        ox.Quad(i1, in_scheme, a, ASSERTED),
        ox.Quad(i2, in_scheme, a, ASSERTED),
        ox.Quad(i1, n(skos + "prefLabel"), ox.Literal("een", language="nl"), ASSERTED),
        ox.Quad(i1, rdf_type, item, INFERRED),
        ox.Quad(i2, rdf_type, item, INFERRED),
        ox.Quad(i2, n(hg + "mappedInto"), b, INFERRED),
        ox.Quad(e1, in_scheme, esco, EXTERNAL),
        ox.Quad(e1, notation, ox.Literal("E1"), EXTERNAL),
    ]
    if touching:  # a notation for the gap, in a graph gaps does not read
        quads.append(ox.Quad(i1, notation, ox.Literal("leaked"), EXTERNAL))
    memory = Store()
    memory.ox.extend(quads)
    folder = tmp_path / "store-x"
    persist.write_store(memory.ox, folder)
    opened = Store(ox.Store.read_only(str(folder)), read_only=True)
    opened.footprints = persist.read_footprints(folder)
    assert opened.footprints is not None
    assert ("urn:x:A" in opened.footprints[EXTERNAL.value]) is touching
    spec = queries.get("gaps")
    assert spec.anchor == "a"
    assert (opened._dataset(spec.entailment, a) is None) is not touching
    assert opened._dataset(spec.entailment) is not None  # not anchored: the named graphs

    def rows(store: Store) -> list[dict]:
        return [
            {k: v and v.value for k, v in r.items()}
            for r in queries.run(store, spec, {"a": a, "b": b})
        ]

    got = rows(opened)
    assert got == rows(memory)
    assert [(r["item"], r["notation"], r["label"]) for r in got] == [("urn:x:i1", None, "een")]
    assert Entailment.of(spec.entailment) is Entailment.CLOSURE


def _answers(folder: Path) -> dict[str, bytes]:
    kept = folder / "answers"
    return {p.name: p.read_bytes() for p in sorted(kept.iterdir())} if kept.is_dir() else {}


def test_answers_are_kept_verified_and_read(run_cli, tmp_path, monkeypatch, right):
    """A query asked before on the same persisted store is read from the answers kept with
    it (store/answers.py): the same bytes out, and a damaged answer is reported, removed
    and asked again."""
    from herstelgraph.store import cache

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    assert _ask(run_cli) == (right, "")  # the first question builds; the others keep answers
    assert _ask(run_cli) == (right, "")  # now every one of them was asked on the store
    (folder,) = _stores(tmp_path)
    kept = _answers(folder)
    assert kept and all(name.endswith((".tsv", ".json")) for name in kept)
    assert _ask(run_cli) == (right, "") and _answers(folder) == kept  # read, none added

    # they are what is read: an answer rewritten with a valid checksum changes the output
    gaps = json.loads(right["gaps"])
    first_label = gaps[0]["label"]
    swapped = 0
    for name in kept:
        content = cache.read_entry(folder / "answers" / name)
        assert content is not None
        text = content.decode()
        if f'"{first_label}"@nl' in text:
            cache.write_entry(
                folder / "answers" / name,
                text.replace(f'"{first_label}"@nl', '"vervangen"@nl').encode(),
            )
            swapped += 1
    assert swapped
    code, out, err = run_cli("gaps", "bk-0597-1", "valente-2023", "--format", "json")
    assert code == 0 and err == "" and json.loads(out)[0]["label"] == "vervangen"
    for name, data in kept.items():  # back as they were
        (folder / "answers" / name).write_bytes(data)

    # a damaged answer: one warning, the right answer, and the answer kept again
    victim = max(kept, key=lambda name: len(kept[name]))
    data = kept[victim]
    (folder / "answers" / victim).write_bytes(data[:-10] + bytes([data[-10] ^ 1]) + data[-9:])
    answers, err = _ask(run_cli)
    assert answers == right
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "is beschadigd (checksum mismatch); het wordt opnieuw" in lines[0], (
        err
    )
    assert _answers(folder) == kept
    assert _ask(run_cli) == (right, "")


def test_answers_are_kept_only_for_what_cannot_change(tmp_path, monkeypatch):
    """Kept: SELECT and ASK answers of a read-only persisted store, every term as the query
    gave it. Not kept: CONSTRUCT, a query calling NOW() or RAND(), and anything once the
    store is written to (it is copied into memory: its answers may differ)."""
    import pyoxigraph as ox

    from herstelgraph.store import USER, load

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    built = load(persisted=True)
    store = load(persisted=True)
    assert store.read_only and store.answers is not None and built.answers is None
    folder = store.answers.folder
    # every kind of literal the graph holds (lang, typed, plain), IRIs, and unbound values
    query = """SELECT ?s ?o ?note WHERE {
      ?s ?p ?o . FILTER(isLiteral(?o))
      OPTIONAL { ?s skos:editorialNote ?note . FILTER(STRLEN(?note) < 12) }
    } ORDER BY ?s ?p ?o"""
    asked = store.select(query)
    again = store.select(query)
    assert len(list(folder.iterdir())) == 1
    fresh = built.select(query)  # the in-memory store, never kept
    assert asked == again == fresh and len(asked) > 1000
    assert asked.variables == again.variables == ("s", "o", "note")
    kinds = {(r["o"].datatype.value, r["o"].language) for r in again}
    assert len(kinds) >= 4 and any(lang == "nl" for _, lang in kinds)
    assert any(r.get("note") is None for r in again)

    empty = "SELECT ?x ?y WHERE { ?x <urn:x:nothing> ?y }"
    assert store.select(empty) == [] and store.select(empty).variables == ("x", "y")
    assert store.ask("ASK { ?s a skos:ConceptScheme }") is True
    assert store.ask("ASK { ?s a skos:ConceptScheme }") is True
    kept = len(list(folder.iterdir()))
    assert kept == 3

    store.construct("CONSTRUCT { ?s a skos:ConceptScheme } WHERE { ?s a skos:ConceptScheme }")
    store.select("SELECT (NOW() AS ?t) WHERE {}")
    store.select("SELECT (rand() AS ?r) WHERE {}")
    assert len(list(folder.iterdir())) == kept

    quad = ox.Quad(ox.NamedNode("urn:x:a"), ox.NamedNode("urn:x:b"), ox.Literal("c"), USER)
    store.extend([quad])
    assert store.answers is None
    assert len(store.select("SELECT ?s WHERE { ?s <urn:x:b> ?o }")) == 1
    assert len(list(folder.iterdir())) == kept


def test_a_store_is_opened_only_when_a_query_needs_it(tmp_path, monkeypatch):
    """An opened persisted store is verified at load but RocksDB is opened by the first
    query that has no kept answer; a question answered wholly from the answers never opens
    it. Where RocksDB refuses files that passed the manifest, the question stops with one
    error, the folder is removed, and the next load builds the store again."""
    from herstelgraph.errors import HerstelgraphError
    from herstelgraph.store import load, persist

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    load(persisted=True)
    asked = "SELECT ?s WHERE { ?s a skos:ConceptScheme } ORDER BY ?s"
    first = load(persisted=True)
    assert first._raw is None  # verified, not opened
    schemes = first.select(asked)
    assert first._raw is not None and len(schemes) >= 5
    second = load(persisted=True)
    assert second.select(asked) == schemes and second._raw is None  # from the answers

    (folder,) = _stores(tmp_path)

    def refuse(path):
        raise OSError("IO error: simulated")

    monkeypatch.setattr(persist.ox.Store, "read_only", staticmethod(refuse))
    third = load(persisted=True)
    with pytest.raises(HerstelgraphError, match=r"would not open .*ask again to rebuild it"):
        third.select("SELECT ?s WHERE { ?s a skos:Concept } LIMIT 1")
    assert not folder.exists()
    monkeypatch.undo()
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    rebuilt = load(persisted=True)
    assert not rebuilt.read_only and rebuilt.select(asked) == schemes


def test_a_refused_store_is_one_line_in_the_users_language(run_cli, tmp_path, monkeypatch):
    from herstelgraph.store import persist

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    assert run_cli("frameworks")[0] == 0  # built
    assert run_cli("frameworks")[0] == 0  # opened: its answers kept

    def refuse(path):
        raise OSError("IO error: simulated")

    monkeypatch.setattr(persist.ox.Store, "read_only", staticmethod(refuse))
    (folder,) = _stores(tmp_path)
    code, out, err = run_cli("hubs")  # not asked before: the store must open
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert f"de bewaarde store {folder} ging niet open (IO error: simulated)" in err
    assert not folder.exists()


def test_the_answers_of_a_store_are_bounded(tmp_path, monkeypatch):
    """At most ``MAX_FILES`` answers per store (and ``MAX_TOTAL_BYTES``): writing one more
    removes the least recently used, by the cache's own eviction."""
    import time

    from herstelgraph.store import answers, load

    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path))
    monkeypatch.setattr(answers, "MAX_FILES", 2)
    load(persisted=True)
    store = load(persisted=True)
    assert store.answers is not None
    kept = []
    for n in range(3):
        store.select(f"SELECT ?s WHERE {{ ?s a skos:ConceptScheme }} LIMIT {n + 1}")
        kept.append({p.name for p in store.answers.folder.iterdir()})
        time.sleep(0.02)  # distinct times: the order of use is the files' mtime
    assert [len(k) for k in kept] == [1, 2, 2]
    assert kept[0] - kept[2]  # the first answer went, the two later ones stayed
    assert kept[1] - kept[0] <= kept[2]
