"""CLI verbs for the catalogue: frameworks, overview, concepts, show, stats, map."""

from __future__ import annotations

import click

from .common import Context, Output, output_options
from .filters import include_deprecated_option, mapping_filter_options
from .render import Answer, Presenter, View


@click.command()
@output_options
@click.pass_obj
def frameworks(obj: Context, out: Output) -> None:
    """List the frameworks with their titles, levels and concept counts."""
    from ..model import Framework
    from ..questions.catalogue import frameworks as list_frameworks

    p = out.presenter
    rows = list_frameworks(obj.store)
    cols = ["id", "title", "identifier", "concepts", "version", "eqf", "vks"]
    out.send(Answer((View(rows, p.msg("frameworks"), cols, kind=Framework),)))


@click.command()
@output_options
@click.pass_obj
def overview(obj: Context, out: Output) -> None:
    """The overview: frameworks, concepts per type, mappings per framework pair.

    csv writes the concepts per type (one table per CSV file); xlsx a sheet per table."""
    from ..model import Framework, PairCount, TypeCount
    from ..questions.catalogue import overview as build

    ov = build(obj.store)
    p = out.presenter
    cols = ["id", "title", "identifier", "concepts", "version", "eqf", "vks"]
    views = (
        View(ov.frameworks, p.msg("frameworks"), cols, kind=Framework),
        View(ov.types, p.msg("types"), kind=TypeCount),
        View(ov.pairs, p.msg("pairs"), kind=PairCount),
    )
    data = {"frameworks": ov.frameworks, "types": ov.types, "pairs": ov.pairs}
    out.send(Answer(views, data=data, csv=1))


@click.command()
@click.argument("framework", metavar="FRAMEWORK")
@click.option(
    "--type", "type_",
    help="Item type, e.g. Competency, KnowledgeItem, Activity (any case; the Dutch word too).",
)  # fmt: skip
@include_deprecated_option
@output_options
@click.pass_obj
def concepts(
    obj: Context, framework: str, type_: str | None, out: Output, include_deprecated: bool = False
) -> None:
    """List a framework's concepts in source order (FRAMEWORK: e.g. bk-0597-1, valente-2023)."""
    from ..model import Concept
    from ..questions.catalogue import concepts as list_concepts

    rows = list_concepts(
        obj.store, framework, item_type=type_, include_deprecated=include_deprecated
    )
    title = out.presenter.msg("concepts_of", scheme=framework)
    cols = ["id", "notation", "type", "label"]
    out.send(Answer((View(rows, title, cols, kind=Concept, english_table=True),)))


def _detail_text(detail, p: Presenter) -> str:
    """One concept as 'field: value' lines; lists one item a line. In English the English
    label and definition follow the Dutch source texts they translate."""
    view = View([detail], "")
    row = detail.as_dict()
    english = {k: row.pop(k) for k in ("label_en", "definition_en")}
    if str(p.lang) == "en":
        order = list(row)
        for key in ("label", "definition"):
            if english[f"{key}_en"]:
                order.insert(order.index(key) + 1, f"{key}_en")
        row = {k: row.get(k, english.get(k)) for k in order}
    lines = []
    for key, val in row.items():
        if val in (None, (), [], "") or val is False:  # e.g. not deprecated: nothing to say
            continue
        head = p.head(key)
        if isinstance(val, list | tuple):
            if key == "types" and not p.verbose:  # every item is a skos:Concept
                val = [v for v in val if v != "skos:Concept"]
            items = [p.text(key, v, row, view) for v in val]
            lines.append(f"{head}:\n" + "\n".join(f"  - {v}" for v in items))
        else:
            lines.append(f"{head}: {p.text(key, val, row, view)}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("ident", metavar="ID")
@output_options
@click.pass_obj
def show(obj: Context, ident: str, out: Output) -> None:
    """Show one concept; ID is a CURIE (bk:kennis-12), a notation (C2.A3) or an IRI."""
    from ..questions.catalogue import concept

    detail = concept(obj.store, ident)
    view = View([detail], detail.id)
    out.send(Answer((view,), data=detail, text=lambda p: _detail_text(detail, p)))


@click.command()
@click.option(
    "--programme", help="Only the figures of one programme or role, e.g. nk:ervaringsgroepen."
)
@output_options
@click.pass_obj
def stats(obj: Context, programme: str | None, out: Output) -> None:
    """The NK 2017 figures: counts per region or function, per programme or role."""
    from ..model import Figure
    from ..questions.catalogue import figures

    cols = ["table", "counted_label", "region_or_function", "count", "unit", "period"]
    rows = figures(obj.store, programme)
    out.send(Answer((View(rows, out.presenter.msg("figures"), cols, kind=Figure),)))


@click.command("map")
@click.argument("ident", metavar="ID")
@click.option(
    "--to",
    "to",
    metavar="FRAMEWORK",
    help="Only mappings into this framework, or only the links to ESCO (esco).",
)
@mapping_filter_options
@output_options
@click.pass_obj
def map_(
    obj: Context,
    ident: str,
    to: str | None,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """List what a concept maps to: relation, framework, confidence, justification, comment.

    A reviewed no-match names the framework it was reviewed against."""
    from ..model import MappingView
    from ..questions.alignment import mappings_of

    rows = mappings_of(
        obj.store, ident, to, reviewed_only=reviewed_only, min_confidence=min_confidence
    )
    cols = [
        "relation",
        "other_framework",
        "other",
        "other_label",
        "confidence",
        "justification",
        "comment",
    ]
    title = out.presenter.msg("mappings_of", ident=ident)
    out.send(Answer((View(rows, title, cols, kind=MappingView),)))


COMMANDS = (frameworks, overview, concepts, show, stats, map_)
