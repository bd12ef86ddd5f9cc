"""Shared fixtures: the repo paths and the source texts beside the checkout."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("HERSTELGRAPH_SEEDS", ROOT.parent / "shared" / "seeds"))

SEED_OF = {
    "bk-0597-1": "003_c733cd16d6bbb2b3.txt",
    "valente-2023": "001_4732f958bb8b80b1.txt",
    "bijlage-ii": "000_a40edbd4687da52a.txt",
    "randvoorwaarden": "002_3332aabfde6bf982.txt",
    "nk-2017": "004_9de020196c7d1f1d.txt",
}


def normalise(text: str) -> str:
    """Fold what a PDF extract varies in (line breaks, bullets, markdown) but not the words."""
    text = unicodedata.normalize("NFC", text).replace("**", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"source texts not found at {SEEDS} (set HERSTELGRAPH_SEEDS)")
    return SEEDS


def parse_ttl(path: Path):
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return g
