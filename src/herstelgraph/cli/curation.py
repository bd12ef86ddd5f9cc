"""CLI verbs for the curation of the mappings (registered on the main group).

``herstelgraph curation report [--format table|json|csv] [--since REF]``: relations per pair,
a confidence histogram per relation in the rubric's bands, the mean confidence per pair and
relation, the share of links per rubric rule, no-match records per pair and predicate, and the
records added, removed or changed since the last release (curation/report.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from ..model import OutputFormat, Record
from .common import Context, Output, output_options
from .render import Answer, View


@click.group("curation")
def curation() -> None:
    """The curated mappings: figures and changes (mappings/RUBRIC.md)."""


@dataclass(frozen=True)
class _Row(Record):
    """--format csv: figures and changes in one table (a change is a row of section 'change')."""

    section: str
    pair: str
    key: str
    count: int | None
    value: float | None
    record: str | None
    subject: str | None
    predicate: str | None
    object: str | None
    fields: str | None


@curation.command("report")
@click.option(
    "--since",
    metavar="REF",
    help="Count the changes since this git ref (tag, branch, commit) or an older mappings "
    "folder or .sssom.tsv file; default: the last git tag.",
)
@click.option(
    "--mappings",
    "folder",
    type=click.Path(exists=True),
    help="Report on this folder's mapping files instead of the shipped ones.",
)
@output_options
@click.pass_obj
def report(obj: Context, since: str | None, folder: str | None, out: Output) -> None:
    """Figures of the curated mappings and what changed since the last release."""
    from pathlib import Path

    obj.refuse_endpoint("curation report", "endpoint_why_curation")

    from ..curation.report import CurationChange, CurationFigure, build_report

    rep = build_report(Path(folder) if folder else None, since)
    if out.fmt is OutputFormat.CSV:  # one table: figures and changes
        rows = [_Row(f.section, f.pair, f.key, f.count, f.value, None, None, None, None, None)
                for f in rep.figures]  # fmt: skip
        rows += [
            _Row("change", c.pair, c.change, None, None, c.record, c.subject, c.predicate,
                 c.object, c.fields)
            for c in rep.changes
        ]  # fmt: skip
        out.send(Answer((View(rows, "", kind=_Row),), data=rep))
        return
    msg = out.presenter.msg
    views = [
        View(
            [f for f in rep.figures if f.section == section],
            msg(f"curation_{section}"),
            ["pair", "key", "count", "value"],
            kind=CurationFigure,
        )
        for section in SECTIONS
    ]
    title = msg(
        "curation_changes",
        since=rep.since_note if rep.since else msg("curation_no_release"),
        added=rep.added,
        removed=rep.removed,
        changed=rep.changed,
    )
    views.append(View(list(rep.changes), title, kind=CurationChange))
    out.send(Answer(tuple(views), data=rep))


#: The report's figure sections, in the order they are shown.
SECTIONS = ("relations", "confidence", "mean-confidence", "rules", "no-match")

COMMANDS = (curation,)
