"""The built wheel carries ontology/, shapes/, queries/ and mappings/ and works installed."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    cmd += ["--no-index", "-q", "-w", str(out), str(ROOT)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=300)
    (whl,) = out.glob("herstelgraph-*.whl")
    return whl


def test_wheel_ships_the_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        assert f"herstelgraph/_data/ontology/{path.name}" in names
    for kind in ("queries", "shapes"):
        for path in sorted((ROOT / kind).glob("*.*")):
            assert f"herstelgraph/_data/{kind}/{path.name}" in names
    assert "herstelgraph/_data/queries/frameworks.rq" in names
    for asset in ("index.html", "app.js", "app.css"):  # the review app's page (issue 17)
        assert f"herstelgraph/curation/review/assets/{asset}" in names


def test_installed_wheel_loads_graph_from_package(wheel, tmp_path):
    site = tmp_path / "site"
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "-q"]
    subprocess.run([*cmd, "--target", str(site), str(wheel)], check=True, timeout=300)
    probe = (
        "import json, herstelgraph\n"
        "from herstelgraph.resources import data_dir, graph_files\n"
        "g = herstelgraph.load()\n"
        "print(json.dumps({'module': herstelgraph.__file__,\n"
        "  'files': [str(p) for p in graph_files()],\n"
        "  'frameworks': {f.id: f.concepts for f in herstelgraph.frameworks(g)},\n"
        "  'review': review_folder()}))\n"
    )
    # an installed package never takes review files into its own folder (issue 17)
    probe = (
        "def review_folder():\n"
        "    from herstelgraph.curation.review.records import installed, writable_dir\n"
        "    try:\n"
        "        writable_dir(None)\n"
        "        return [installed(), 'written']\n"
        "    except Exception as exc:\n"
        "        return [installed(), str(exc)]\n"
    ) + probe
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}
    res = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    info = json.loads(res.stdout)
    assert info["module"].startswith(str(site))
    assert info["files"] and all(f.startswith(str(site)) for f in info["files"])
    assert info["frameworks"].get("bk-0597-1", 0) > 100
    assert info["review"][0] is True and "name a folder of your own" in info["review"][1]
