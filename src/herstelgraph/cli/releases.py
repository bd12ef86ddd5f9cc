"""CLI verbs for releases (registered on the main group by importing this module):
``diff OLD [NEW]`` compares two states of the graph, ``impact CURRICULUM --from OLD --to NEW``
tells what the change means for a curriculum. A state is ``git:REF``, a release folder, a
folder with ontology/ and mappings/, or ``current`` (the graph this herstelgraph ships)."""

from __future__ import annotations

import click

from .common import Context, Output, output_options
from .render import Answer, View

STATE_HELP = (
    "git:REF (a tag, branch or commit of the repository you are in), a release folder "
    "(dist/release/VERSION), a folder with ontology/ and mappings/, or 'current' (the "
    "installed graph)"
)
PARTS = ("frameworks", "concepts", "mappings", "coverage")


def _refuse(obj: Context, verb: str) -> None:
    obj.refuse_endpoint(verb, "endpoint_why_states")
    if obj.data:
        from ..errors import InputError

        raise InputError(
            f"{verb} compares two states of the shipped files; --data files are no part of "
            "them" + (" (name the curriculum as the argument)" if verb == "impact" else "")
        )


def _name(state) -> str:
    return f"{state.name} ({state.version})" if state.version else state.name


def diff_answer(result, p, only: str | None = None) -> Answer:
    """The tables of a diff: per framework, concepts, mappings, coverage (csv: one)."""
    from ..checks.diff import ConceptChange, CoverageChange, FrameworkChanges, MappingChange

    title = p.msg("diff", old=_name(result.old), new=_name(result.new))
    views = {
        "frameworks": View(
            result.frameworks,
            f"{title} — {p.msg('diff_frameworks')}",
            [
                "framework",
                "added",
                "removed",
                "deprecated",
                "changed",
                "mappings_added",
                "mappings_removed",
                "retyped",
                "review_changed",
            ],
            FrameworkChanges,
            english=False,
        ),
        "concepts": View(
            result.concepts,
            p.msg("diff_concepts"),
            ["notation", "item", "change", "property", "before", "after"],
            ConceptChange,
            english=False,
        ),
        "mappings": View(
            result.mappings,
            p.msg("diff_mappings"),
            ["pair", "subject", "relation", "object", "change", "before", "after"],
            MappingChange,
            english=False,
        ),
        "coverage": View(
            result.coverage,
            p.msg("diff_coverage"),
            [
                "a",
                "b",
                "items_before",
                "items_after",
                "mapped_before",
                "mapped_after",
                "share_before",
                "share_after",
            ],
            CoverageChange,
            english=False,
        ),
    }
    chosen = [only] if only else list(PARTS)
    shown = tuple(views[k] for k in chosen)
    if only and only != "frameworks":  # the title names the two states on the first table
        shown = (shown[0].replace(title=f"{title} — {shown[0].title}"),)
    data = result if not only else getattr(result, only)
    # csv: one table per file; without --only, the concept changes
    csv = chosen.index("concepts") if "concepts" in chosen else 0
    return Answer(shown, data=data, csv=csv)


@click.command("diff")
@click.argument("old")
@click.argument("new", required=False)
@click.option(
    "--only", type=click.Choice(PARTS), help="Only one table (csv writes one table; default: "
    "the concept changes)."
)  # fmt: skip
@output_options
@click.pass_obj
def diff_(obj: Context, old: str, new: str | None, only: str | None, out: Output) -> None:
    """What changed from OLD to NEW (default: current): per framework, concepts added,
    removed, deprecated or modified (label, definition, hierarchy, type, notation) with the
    text before and after; mappings added, removed, retyped or changed in confidence or
    review status, per pair; and the coverage figures before and after.

    OLD and NEW are each git:REF (a tag, branch or commit of the repository you are in), a
    release folder (dist/release/VERSION), a folder with ontology/ and mappings/, or
    'current' (the installed graph)."""
    from ..checks.diff import diff
    from ..model import OutputFormat

    _refuse(obj, "diff")
    result = diff(old, new)
    answer = diff_answer(result, out.presenter, only)
    if out.fmt is OutputFormat.CSV and not only:
        answer = Answer(
            answer.views, answer.data, answer.csv,
            notes=(out.presenter.msg("diff_csv", what="concepts"),),
        )  # fmt: skip
    out.send(answer)


def impact_answer(result, p) -> Answer:
    from ..checks.impact import AlignedItemChange, CoverageMove, FindingChange, ItemStatusChange

    title = p.msg(
        "impact",
        file=result.file,
        old=f"{result.old} ({result.old_version})" if result.old_version else result.old,
        new=f"{result.new} ({result.new_version})" if result.new_version else result.new,
    )
    views = (
        View(
            result.items,
            f"{title} — {p.msg('impact_items')}",
            ["notation", "item", "change", "property", "before", "after", "outcomes"],
            AlignedItemChange,
            english=False,
        ),
        View(
            result.coverage,
            p.msg("impact_coverage"),
            [
                "framework",
                "section_label",
                "items_before",
                "items_after",
                "covered_before",
                "covered_after",
                "share_before",
                "share_after",
            ],
            CoverageMove,
            totals=True,  # the rows over all requirements and over the context: "totaal"
            english=False,
        ),
        View(
            result.statuses,
            p.msg("impact_statuses"),
            [
                "framework",
                "notation",
                "item",
                "label",
                "status_before",
                "status_after",
                "via_before",
                "via_after",
            ],
            ItemStatusChange,
            english=False,
        ),
        View(
            result.findings,
            p.msg("impact_findings"),
            ["change", "severity", "module", "outcome", "text", "fix"],
            FindingChange,
            english=False,
        ),
    )
    return Answer(views, data=result, csv=0)


@click.command("impact")
@click.argument("curriculum", type=click.Path(dir_okay=False))
@click.option(
    "--from", "old", required=True, metavar="OLD", help=f"The state you had: {STATE_HELP}."
)  # fmt: skip
@click.option(
    "--to", "new", default=None, metavar="NEW",
    help="The state you move to, named the same ways [default: current].",
)  # fmt: skip
@click.option(
    "--framework", metavar="FRAMEWORK",
    help="Measure against this framework [default: the ones the curriculum claims].",
)  # fmt: skip
@output_options
@click.pass_obj
def impact_(
    obj: Context, curriculum: str, old: str, new: str | None, framework: str | None, out: Output
) -> None:
    """What moving from one release to another changes for a curriculum (Turtle, JSON-LD, or
    a CSV/XLSX sheet): which of its aligned items changed or disappeared, how its coverage
    moves, and which validation findings appear or vanish. csv writes the aligned items."""
    from pathlib import Path

    from ..checks.impact import impact

    _refuse(obj, "impact")
    result = impact(Path(curriculum), old, new, framework=framework, lang=str(obj.lang))
    out.send(impact_answer(result, out.presenter))


COMMANDS = (diff_, impact_)
