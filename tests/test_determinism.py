"""Turtle in the repo is canonical: re-serialising a file changes no byte."""

from __future__ import annotations

import pytest

from herstelgraph.io.serialize import canonical_file_text

from conftest import ROOT

FILES = sorted(
    [*ROOT.glob("ontology/*.ttl"), *ROOT.glob("shapes/*.ttl"), *ROOT.glob("mappings/*.ttl")]
)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_turtle_is_canonical(path):
    assert path.read_text(encoding="utf-8") == canonical_file_text(path), (
        f"run: python tools/dev.py serialize {path.relative_to(ROOT)}"
    )


def test_canonical_form_is_a_fixed_point(tmp_path):
    path = FILES[0]
    once = tmp_path / "once.ttl"
    once.write_text(canonical_file_text(path), encoding="utf-8")
    assert canonical_file_text(once) == once.read_text(encoding="utf-8")
