"""CLI verbs for the catalogue: frameworks, overview, concepts, show, stats, map."""

from __future__ import annotations

import click

from .common import FORMAT_OPTION, Context, emit
from .filters import mapping_filter_options
from .render import render


@click.command()
@FORMAT_OPTION
@click.pass_obj
def frameworks(obj: Context, fmt: str) -> None:
    """List the frameworks with their titles, levels and concept counts."""
    from ..questions.catalogue import frameworks as list_frameworks

    emit(render(list_frameworks(obj.store), fmt, "Frameworks"))


@click.command()
@FORMAT_OPTION
@click.pass_obj
def overview(obj: Context, fmt: str) -> None:
    """The overview: frameworks, concepts per type, mappings per framework pair."""
    from ..questions.catalogue import overview as build
    from .render import to_json

    ov = build(obj.store)
    if fmt == "json":
        emit(to_json({"frameworks": ov.frameworks, "types": ov.types, "pairs": ov.pairs}))
    elif fmt == "csv":
        emit(render(ov.types, "csv"))
    else:
        emit(render(ov.frameworks, fmt, "Frameworks"))
        emit(render(ov.types, fmt, "Concepts per type"))
        emit(render(ov.pairs, fmt, "Curated mappings per framework pair and relation"))


@click.command()
@click.argument("scheme")
@click.option("--type", "type_", help="Item type, e.g. Competency, KnowledgeItem, Activity.")
@FORMAT_OPTION
@click.pass_obj
def concepts(obj: Context, scheme: str, type_: str | None, fmt: str) -> None:
    """List a framework's concepts in source order (SCHEME: e.g. bk-0597-1, valente-2023)."""
    from ..questions.catalogue import concepts as list_concepts

    rows = list_concepts(obj.store, scheme, item_type=type_)
    emit(render(rows, fmt, f"Concepts of {scheme}", ["id", "notation", "type", "label"]))


@click.command()
@click.argument("ident", metavar="ID")
@FORMAT_OPTION
@click.pass_obj
def show(obj: Context, ident: str, fmt: str) -> None:
    """Show one concept; ID is a CURIE (bk:kennis-12), a notation (C2.A3) or an IRI."""
    from ..questions.catalogue import concept
    from .render import to_json

    detail = concept(obj.store, ident)
    if fmt == "json":
        emit(to_json(detail))
    elif fmt == "csv":
        emit(render([detail], "csv"))
    else:
        lines = []
        for key, val in detail.as_dict().items():
            if val in (None, [], ""):
                continue
            if isinstance(val, list):
                val = "\n".join(f"  - {v}" for v in val)
                lines.append(f"{key}:\n{val}")
            else:
                lines.append(f"{key}: {val}")
        emit("\n".join(lines) + "\n")


@click.command()
@click.option(
    "--programme", help="Only the figures of one programme or role, e.g. nk:ervaringsgroepen."
)
@FORMAT_OPTION
@click.pass_obj
def stats(obj: Context, programme: str | None, fmt: str) -> None:
    """The NK 2017 figures: counts per region or function, per programme or role."""
    from ..questions.catalogue import figures

    cols = ["table", "counted_label", "region_or_function", "count", "unit", "period"]
    rows = figures(obj.store, programme)
    emit(render(rows, fmt, "NK 2017 figures", cols if fmt == "table" else None))


@click.command("map")
@click.argument("ident", metavar="ID")
@click.option("--to", "to", metavar="FRAMEWORK", help="Only mappings into this framework.")
@mapping_filter_options
@FORMAT_OPTION
@click.pass_obj
def map_(obj: Context, ident: str, to: str | None, fmt: str, reviewed_only, min_confidence):
    """List what a concept maps to: relation, confidence, justification and comment."""
    from ..questions.alignment import mappings_of

    rows = mappings_of(
        obj.store, ident, to, reviewed_only=reviewed_only, min_confidence=min_confidence
    )
    cols = ["relation", "other", "other_label", "confidence", "justification", "comment"]
    emit(render(rows, fmt, f"Mappings of {ident}", None if fmt != "table" else cols))


COMMANDS = (frameworks, overview, concepts, show, stats, map_)
