"""Where the shipped data lives: inside the installed package, or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

KINDS = ("ontology", "shapes", "queries", "mappings")


@cache
def data_dir(kind: str) -> Path:
    """The folder of one kind of shipped data (ontology, shapes, queries, mappings).

    A wheel carries them under ``herstelgraph/_data``; an editable install or a checkout
    reads the top-level folders of the repository, so edits show without a rebuild.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown data kind {kind!r}; expected one of {', '.join(KINDS)}")
    # the package's own folder, as importlib.resources.files("herstelgraph") gives it for a
    # package on disk, without importing importlib.resources (13 ms of a cold question);
    # cached: a question asks for it a dozen times
    here = Path(__file__).resolve().parent
    packaged = here / "_data" / kind
    if packaged.is_dir():
        return packaged
    return here.parents[1] / kind


def shipped_files() -> list[Path]:
    """Every file of the shipped data (ontology, shapes, queries, mappings), but the review
    files in ``mappings/reviews/``, which a reviewer's session writes: what no output of a
    user's run may replace (``io.atomic``), also where no run reads it as a file (the
    persisted store holds the graph)."""
    out: list[Path] = []
    for kind in KINDS:
        root = data_dir(kind)
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).parts
            if kind == "mappings" and rel[:1] == ("reviews",):
                continue
            if "__pycache__" not in rel and path.is_file():
                out.append(path)
    return out


def graph_files() -> list[Path]:
    """The Turtle files that make up the shipped graph, in a stable order: the ontology and
    the frameworks, their translations (``ontology/translations/*.ttl``: ``@en`` labels and
    definitions, never quotes), then the curated mappings."""
    ontology = data_dir("ontology")
    files_ = sorted(ontology.glob("*.ttl")) + sorted(ontology.glob("translations/*.ttl"))
    mappings = data_dir("mappings") / "mappings.ttl"
    if mappings.is_file():
        files_.append(mappings)
    return files_


def external_files() -> list[Path]:
    """The Turtle files of the external vocabularies and the curated links to them (issue 21):
    the vendored concepts (``ontology/external/*.ttl``, e.g. ESCO) and the built links
    (``mappings/external.ttl``, made by ``mappings build`` from ``mappings/external/``), and
    the records curated in Turtle (``mappings/external/*.ttl``).
    They load into their own named graph (``vocab.EXTERNAL_GRAPH``), apart from the
    frameworks, so no framework figure counts them."""
    files_ = sorted((data_dir("ontology") / "external").glob("*.ttl"))
    links = data_dir("mappings") / "external.ttl"
    if links.is_file():
        files_.append(links)
    # curated records written by hand, not built from a TSV: the BK-0597-1 qualification
    # against ESCO occupations (mappings/external/qualifications.ttl, docs/modelling.md)
    files_ += sorted((data_dir("mappings") / "external").glob("*.ttl"))
    return files_
