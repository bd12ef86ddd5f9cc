"""CLI verbs for the alignment questions (registered on the main group by importing this).

Each verb is a thin call into ``alignment``; it runs against the embedded store or, with the
global ``--endpoint URL``, a remote SPARQL endpoint, and prints table, json or csv.
"""

from __future__ import annotations

import click

from .common import FORMAT_OPTION, Context, emit
from .render import render


def _short(fmt: str, cols: list[str]) -> list[str] | None:
    """Narrow tables to the columns a reader scans; json and csv keep every field."""
    return cols if fmt == "table" else None


@click.command()
@click.argument("a")
@click.argument("b")
@FORMAT_OPTION
@click.pass_obj
def crosswalk(obj: Context, a: str, b: str, fmt: str) -> None:
    """Every curated mapping between frameworks A and B, read from A's side."""
    from ..questions.alignment import crosswalk as run

    rows = run(obj.store, a, b)
    cols = ["a_item", "a_label", "relation", "b_item", "b_label", "confidence"]
    emit(render(rows, fmt, f"Crosswalk {a} → {b}", _short(fmt, cols)))


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--section", help="Only items under this section (ID, e.g. bk:kennis).")
@click.option("--type", "type_", help="Only this item type, e.g. KnowledgeItem, Competency.")
@click.option(
    "--status",
    type=click.Choice(["no-match", "via-example", "not-reviewed"]),
    help="Only reviewed items with no match, only items covered via an example-only or "
    "inferred item, or only items never reviewed.",
)
@FORMAT_OPTION
@click.pass_obj
def gaps(obj: Context, a, b, section, type_, status, fmt: str) -> None:
    """Requirement items of A with no mapping into B: 'no-match' (reviewed), 'via-example'
    (linked only to example-only or inferred items) or 'not-reviewed'."""
    from ..questions.alignment import gaps as run

    rows = run(obj.store, a, b, section=section, item_type=type_, status=status)
    cols = ["item", "notation", "type", "label", "section_label", "status"]
    emit(render(rows, fmt, f"Gaps {a} → {b}", _short(fmt, cols)))


@click.command()
@click.option("--from", "a", metavar="A", help="Only pairs starting at this framework.")
@click.option("--to", "b", metavar="B", help="Only pairs ending at this framework.")
@click.option("--sections/--no-sections", default=True, help="Also one row per top section.")
@FORMAT_OPTION
@click.pass_obj
def coverage(obj: Context, a, b, sections: bool, fmt: str) -> None:
    """Share of A's requirement items mapped into B, for every ordered pair of frameworks."""
    from ..questions.alignment import coverage as run

    rows = [r for r in run(obj.store, a, b) if sections or r.scope == "framework"]
    cols = ["a", "b", "section_label", "items", "mapped", "via_example", "no_match", "not_reviewed"]
    cols.append("share")
    emit(render(rows, fmt, "Coverage", _short(fmt, cols)))


@click.command()
@click.argument("a")
@click.argument("b")
@click.argument("c")
@click.option("--claims-only", is_flag=True, help="Leave out chains with no composed claim.")
@FORMAT_OPTION
@click.pass_obj
def chain(obj: Context, a, b, c, claims_only: bool, fmt: str) -> None:
    """Inferred A → C alignments through B, with the composed relation (docs/chains.md)."""
    from ..questions.alignment import chain as run

    rows = run(obj.store, a, b, c, claims_only=claims_only)
    cols = [
        "a_item",
        "relation1",
        "via",
        "relation2",
        "c_item",
        "composed",
        "confidence",
        "curated",
    ]
    emit(render(rows, fmt, f"Chains {a} → {b} → {c} (inferred)", _short(fmt, cols)))


@click.command()
@click.option("--framework", default="bk-0597-1", show_default=True, help="Framework to scan.")
@click.option("--min", "minimum", default=2, show_default=True, help="Least competencies.")
@FORMAT_OPTION
@click.pass_obj
def hubs(obj: Context, framework: str, minimum: int, fmt: str) -> None:
    """Knowledge items that many competencies include."""
    from ..questions.alignment import hubs as run

    rows = run(obj.store, framework, min_competencies=minimum)
    emit(render(rows, fmt, f"Knowledge hubs of {framework}"))


@click.command()
@click.argument("text")
@click.option("--framework", help="Only concepts of this framework.")
@click.option("--limit", default=50, show_default=True, help="At most this many hits (0: all).")
@FORMAT_OPTION
@click.pass_obj
def search(obj: Context, text: str, framework, limit: int, fmt: str) -> None:
    """Find concepts by words in labels and texts, ignoring case and diacritics."""
    from ..questions.alignment import search as run

    rows = run(obj.store, text, framework=framework, limit=limit or None)
    cols = ["id", "framework", "label", "field", "score"]
    emit(render(rows, fmt, f"Search {text!r}", _short(fmt, cols)))


@click.command("coverage-of")
@click.argument("profile")
@click.option("--framework", help="Framework to measure against (default: dct:conformsTo).")
@FORMAT_OPTION
@click.pass_obj
def coverage_of(obj: Context, profile: str, framework, fmt: str) -> None:
    """What a profile or curriculum (loaded with --data) covers of a framework, per section."""
    from ..questions.alignment import coverage_of as run
    from ..questions.alignment import coverage_summary
    from .render import to_json

    items = run(obj.store, profile, framework)
    summary = coverage_summary(items)
    if fmt == "json":
        emit(to_json({"summary": summary, "items": items}))
    elif fmt == "csv":
        emit(render(items, "csv"))
    else:
        cols = ["section_label", "items", "direct", "mapped", "part_of", "partial", "missing"]
        emit(render(summary, fmt, f"Coverage of {profile}", [*cols, "share"]))
        cols = ["item", "notation", "label", "status", "via", "via_relation"]
        emit(render(items, fmt, "Items", cols))


@click.command("compare-roles")
@click.option("--role", default="nk:rol-ervaringsdeskundige", show_default=True)
@click.option("--versus", default="nk:rol-professional", show_default=True)
@FORMAT_OPTION
@click.pass_obj
def compare_roles(obj: Context, role: str, versus: str, fmt: str) -> None:
    """What one role's items add to another's, across frameworks."""
    from ..questions.alignment import compare_roles as run

    rows = run(obj.store, role, versus)
    emit(render(rows, fmt, f"{role} compared with {versus}"))


@click.command()
@click.argument("name", metavar="NAME|FILE.rq")
@click.option("--param", "params", multiple=True, metavar="K=V", help="Bind a parameter.")
@FORMAT_OPTION
@click.pass_obj
def query(obj: Context, name: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a shipped query (see queries/) or your own .rq file with bound parameters."""
    from ..errors import InputError
    from ..questions.alignment import run_query

    bound = {}
    for p in params:
        key, sep, val = p.partition("=")
        if not sep or not key:
            raise InputError(f"--param {p!r}: expected NAME=VALUE, e.g. --param a=bk-0597-1")
        bound[key.strip().lstrip("?")] = val
    rows = run_query(obj.store, name, bound)
    emit(render(rows, fmt, name))


@click.command()
@click.argument("first", metavar="ID1")
@click.argument("second", metavar="ID2")
@FORMAT_OPTION
@click.pass_obj
def explain(obj: Context, first: str, second: str, fmt: str) -> None:
    """How two items relate: each path and step with its evidence, and both source texts."""
    from ..questions.alignment import explain as run
    from .render import to_json

    ex = run(obj.store, first, second)
    if fmt == "json":
        emit(to_json(ex))
        return
    steps = [s for p in ex.paths for s in p.steps]
    if fmt == "csv":
        emit(render(steps, "csv"))
        return
    lines = []
    for side in (ex.source, ex.target):
        lines.append(f"{side.id} ({side.framework}): {side.label}")
        if side.section:
            lines.append(f"  section: {side.section}")
        if side.text:
            lines.append(f"  text: {side.text}")
    if not ex.paths:
        lines.append("No mapping path of one or two steps links them.")
    for i, p in enumerate(ex.paths, 1):
        head = f"Path {i} ({p.kind}): {p.relation or 'no claim'}"
        lines.append(head + (f" via {p.via}" if p.via else ""))
        for s in p.steps:
            conf = f", confidence {s.confidence:g}" if s.confidence is not None else ""
            lines.append(f"  {s.subject} {s.relation} {s.object} [{s.kind}{conf}]")
            if s.justification:
                lines.append(f"    justification: {s.justification}")
            if s.comment:
                lines.append(f"    comment: {s.comment}")
    emit("\n".join(lines) + "\n")


COMMANDS = (
    crosswalk,
    gaps,
    coverage,
    chain,
    hubs,
    search,
    coverage_of,
    compare_roles,
    query,
    explain,
)
