"""CLI verbs for the alignment questions (registered on the main group by importing this).

Each verb is a thin call into ``alignment``; it runs against the embedded store or, with the
global ``--endpoint URL``, a remote SPARQL endpoint, and writes a table, json, csv or xlsx
(``-o FILE`` to write a file).
"""

from __future__ import annotations

import click

from .common import Context, Output, output_options
from .filters import include_deprecated_option, mapping_filter_options
from .render import Answer, Presenter, View


@click.command()
@click.argument("a")
@click.argument("b")
@mapping_filter_options
@output_options
@click.pass_obj
def crosswalk(
    obj: Context,
    a: str,
    b: str,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """Every curated mapping between frameworks A and B, read from A's side."""
    from ..questions.alignment import CrosswalkRow
    from ..questions.alignment import crosswalk as run

    rows = run(obj.store, a, b, reviewed_only=reviewed_only, min_confidence=min_confidence)
    cols = ["a_item", "a_label", "relation", "b_item", "b_label", "confidence"]
    title = out.presenter.msg("crosswalk", a=a, b=b)
    out.send(Answer((View(rows, title, cols, kind=CrosswalkRow),)))


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
@mapping_filter_options
@output_options
@click.pass_obj
def gaps(
    obj: Context,
    a,
    b,
    section,
    type_,
    status,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
    include_deprecated: bool = False,
) -> None:
    """Requirement items of A with no mapping into B: 'no-match' (reviewed), 'via-example'
    (linked only to example-only or inferred items) or 'not-reviewed'."""
    from ..questions.alignment import Gap
    from ..questions.alignment import gaps as run

    rows = run(
        obj.store,
        a,
        b,
        section=section,
        item_type=type_,
        status=status,
        reviewed_only=reviewed_only,
        min_confidence=min_confidence,
    )
    cols = ["item", "notation", "type", "label", "section_label", "status"]
    title = out.presenter.msg("gaps", a=a, b=b)
    out.send(Answer((View(rows, title, cols, kind=Gap),)))


@click.command()
@click.option("--from", "a", metavar="A", help="Only pairs starting at this framework.")
@click.option("--to", "b", metavar="B", help="Only pairs ending at this framework.")
@click.option("--sections/--no-sections", default=True, help="Also one row per top section.")
@mapping_filter_options
@output_options
@click.pass_obj
def coverage(
    obj: Context,
    a,
    b,
    sections: bool,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """Share of A's requirement items mapped into B, for every ordered pair of aligned
    frameworks; then the share of A's items of each type reviewed against ESCO that have at
    least one ESCO link (e.g. the BK-0597-1 competencies; --to esco: only those)."""
    from ..questions.alignment import CoverageRow, external_coverage
    from ..questions.alignment import coverage as run

    external = external_coverage(
        obj.store, a, reviewed_only=reviewed_only, min_confidence=min_confidence
    )
    if b is not None and b.lower() in {r.b for r in external}:
        rows = [r for r in external if r.b == b.lower()]
    else:
        rows = run(obj.store, a, b, reviewed_only=reviewed_only, min_confidence=min_confidence)
        rows += external if b is None else []
    rows = [r for r in rows if sections or r.scope != "section"]
    cols = ["a", "b", "section_label", "items", "mapped", "via_example", "no_match"]
    cols += ["not_reviewed", "share"]
    note = (
        out.presenter.msg("coverage_external") if any(r.scope == "external" for r in rows) else None
    )
    view = View(rows, out.presenter.msg("coverage"), cols, kind=CoverageRow, totals=True, note=note)
    out.send(Answer((view,)))


@click.command()
@click.argument("a")
@click.argument("b")
@click.argument("c")
@click.option("--claims-only", is_flag=True, help="Leave out chains with no composed claim.")
@mapping_filter_options
@output_options
@click.pass_obj
def chain(
    obj: Context,
    a,
    b,
    c,
    claims_only: bool,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """Inferred A → C alignments through B, with the composed relation (docs/chains.md)."""
    from ..questions.alignment import ChainRow
    from ..questions.alignment import chain as run

    rows = run(
        obj.store,
        a,
        b,
        c,
        claims_only=claims_only,
        reviewed_only=reviewed_only,
        min_confidence=min_confidence,
    )
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
    title = out.presenter.msg("chain", a=a, b=b, c=c)
    out.send(Answer((View(rows, title, cols, kind=ChainRow),)))


@click.command()
@click.option("--framework", default="bk-0597-1", show_default=True, help="Framework to scan.")
@click.option("--min", "minimum", default=2, show_default=True, help="Least competencies.")
@mapping_filter_options
@output_options
@click.pass_obj
def hubs(
    obj: Context,
    framework: str,
    minimum: int,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """Knowledge items that many competencies include."""
    from ..questions.alignment import Hub
    from ..questions.alignment import hubs as run

    rows = run(
        obj.store,
        framework,
        min_competencies=minimum,
        reviewed_only=reviewed_only,
        min_confidence=min_confidence,
    )
    title = out.presenter.msg("hubs", framework=framework)
    out.send(Answer((View(rows, title, kind=Hub),)))


@click.command()
@click.argument("text")
@click.option("--framework", help="Only concepts of this framework.")
@click.option(
    "--limit", default=50, show_default=True, type=click.IntRange(min=0),
    help="At most this many hits (0: all).",
)  # fmt: skip
@include_deprecated_option
@output_options
@click.pass_obj
def search(
    obj: Context, text: str, framework, limit: int, out: Output, include_deprecated: bool = False
) -> None:
    """Find concepts by words in labels and texts, ignoring case and diacritics."""
    from ..questions.alignment import SearchHit
    from ..questions.alignment import search as run

    hits = run(
        obj.store, text, framework=framework, limit=None, include_deprecated=include_deprecated
    )
    shown = hits[:limit] if limit > 0 else hits
    p = out.presenter
    note = p.msg("truncated", shown=len(shown), total=len(hits)) if len(shown) < len(hits) else None
    cols = ["id", "framework", "label", "field", "score"]
    title = p.msg("search", text=repr(text))
    view = View(shown, title, cols, kind=SearchHit, note=note, english_table=True)
    out.send(Answer((view,), notes=(note,) if note else ()))


@click.command("coverage-of")
@click.argument("profile")
@click.option("--framework", help="Framework to measure against (default: dct:conformsTo).")
@click.option(
    "--status",
    type=click.Choice(
        ["direct", "part-of", "all-parts", "mapped", "partial", "related", "missing"]
    ),
    multiple=True,
    help="Only items with this status (repeatable), e.g. --status missing.",
)
@mapping_filter_options
@output_options
@click.pass_obj
def coverage_of(
    obj: Context,
    profile: str,
    framework,
    status,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """What a profile or curriculum (loaded with --data) covers of a framework: its own
    alignment (direct, part-of, all-parts) apart from mappings (mapped; related is not
    covered), requirements apart from context statements.

    csv writes the items (one table per CSV file); xlsx a sheet for the summary and one for
    the items."""
    from ..questions.coverage import ProfileItem, ProfileSummary, coverage_summary
    from ..questions.coverage import coverage_of as run

    items = run(
        obj.store, profile, framework, reviewed_only=reviewed_only, min_confidence=min_confidence
    )
    summary = coverage_summary(items)
    if status:
        items = [i for i in items if i.status in status]
    p = out.presenter
    cols = ["section_label", "items", "direct", "part_of", "all_parts", "mapped", "partial"]
    cols += ["related", "missing", "share", "share_with_mappings"]
    item_cols = ["item", "notation", "label", "kind", "status", "via", "via_relation"]
    views = (
        View(summary, p.msg("coverage_of", profile=profile), cols, ProfileSummary, totals=True),
        View(items, p.msg("items"), [*item_cols, "review_status"], ProfileItem),
    )
    out.send(Answer(views, data={"summary": summary, "items": items}, csv=1))


@click.command("compare-roles")
@click.option(
    "--role",
    default="nk:rol-ervaringsdeskundige",
    show_default=True,
    help="The role whose items are compared (an NK role's ID).",
)
@click.option(
    "--versus",
    default="nk:rol-professional",
    show_default=True,
    help="The role it is compared with.",
)
@mapping_filter_options
@output_options
@click.pass_obj
def compare_roles(
    obj: Context,
    role: str,
    versus: str,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """What one role's items add to another's, across frameworks."""
    from ..questions.alignment import RoleItem
    from ..questions.alignment import compare_roles as run

    rows = run(obj.store, role, versus, reviewed_only=reviewed_only, min_confidence=min_confidence)
    title = out.presenter.msg("compare_roles", role=role, versus=versus)
    out.send(Answer((View(rows, title, kind=RoleItem),)))


@click.command()
@click.argument("name", metavar="NAME|FILE.rq")
@click.option("--param", "params", multiple=True, metavar="K=V", help="Bind a parameter.")
@mapping_filter_options
@output_options
@click.pass_obj
def query(
    obj: Context,
    name: str,
    params: tuple[str, ...],
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """Run a shipped query (see queries/) or your own .rq file with bound parameters.

    SELECT gives its variables and rows in any format; ASK gives true or false; CONSTRUCT
    and DESCRIBE give Turtle as a table, and subject/predicate/object rows as json, csv or
    xlsx (embedded store only)."""
    from ..errors import InputError
    from ..model import QueryForm
    from ..questions.alignment import run_query

    bound = {}
    for p in params:
        key, sep, val = p.partition("=")
        if not sep or not key:
            from ..words import message

            raise InputError(message("param_form", obj.lang, param=repr(p)))
        bound[key.strip().lstrip("?")] = val
    result = run_query(
        obj.store, name, bound, reviewed_only=reviewed_only, min_confidence=min_confidence
    )
    rdf = None
    if result.form in (QueryForm.CONSTRUCT, QueryForm.DESCRIBE):
        rdf = _turtle(result.triples)
    view = View(result, name, words=False)
    out.send(Answer((view,), data=result, rdf=rdf))


def _turtle(triples) -> bytes:
    """Triples as Turtle with the project prefixes they use."""
    import pyoxigraph as ox

    from ..vocab import PREFIXES

    text = " ".join(str(t) for t in triples)
    used = {p: ns for p, ns in PREFIXES.items() if ns in text}
    data = ox.serialize(list(triples), format=ox.RdfFormat.TURTLE, prefixes=used) or b""
    # the prefix lines in the project's order, whatever order the serializer chose
    lines = data.decode("utf-8").splitlines(keepends=True)
    body = [line for line in lines if not line.startswith("@prefix ")]
    head = [f"@prefix {p}: <{ns}> .\n" for p, ns in used.items()]
    return "".join(head + body).encode("utf-8")


def _explain_text(ex, p: Presenter) -> str:
    from ..words import decimals

    view = View([], "")
    lines = []
    for side in (ex.source, ex.target):
        lines.append(f"{side.id} ({side.framework}): {side.label}")
        if side.section:
            lines.append(f"  {p.head('section')}: {side.section}")
        if side.text:
            lines.append(f"  {p.head('text')}: {side.text}")
    if not ex.paths:
        lines.append(p.msg("no_path"))
    for i, path in enumerate(ex.paths, 1):
        row = path.as_dict()
        relation = p.text("composed", path.relation, row, view)
        kind = p.text("kind", path.kind, row, view)
        head = p.msg("path", n=i, kind=kind, relation=relation)
        lines.append(head + (f" {p.msg('via')} {path.via}" if path.via else ""))
        for s in path.steps:
            srow = s.as_dict()
            conf = (
                f", {p.msg('confidence')} {decimals(f'{s.confidence:g}', p.lang)}"
                if s.confidence is not None
                else ""
            )
            rel = p.text("relation", s.relation, srow, view)
            kind = p.text("kind", s.kind, srow, view)
            lines.append(f"  {s.subject} {rel} {s.object} [{kind}{conf}]")
            if s.justification:
                lines.append(
                    f"    {p.head('justification')}: "
                    + p.text("justification", s.justification, srow, view)
                )
            if s.comment:
                lines.append(f"    {p.head('comment')}: {s.comment}")
    return "\n".join(lines) + "\n"


@click.command()
@click.argument("first", metavar="ID1")
@click.argument("second", metavar="ID2")
@mapping_filter_options
@output_options
@click.pass_obj
def explain(
    obj: Context,
    first: str,
    second: str,
    out: Output,
    reviewed_only: int = 0,
    min_confidence: float | None = None,
) -> None:
    """How two items relate: each path and step with its evidence, and both source texts.

    csv writes the steps with their path; xlsx a sheet for the two items and one for the steps."""
    from ..questions.alignment import ConceptBrief, PathStep
    from ..questions.alignment import explain as run

    ex = run(obj.store, first, second, reviewed_only=reviewed_only, min_confidence=min_confidence)
    p = out.presenter
    views = (
        View([ex.source, ex.target], p.msg("items"), kind=ConceptBrief),
        View(list(ex.path_steps()), p.msg("steps"), kind=PathStep),
    )
    out.send(Answer(views, data=ex, csv=1, text=lambda pr: _explain_text(ex, pr)))


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
