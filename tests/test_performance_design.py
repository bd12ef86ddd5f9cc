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
