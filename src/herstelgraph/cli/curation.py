"""CLI verbs for the curation of the mappings (registered on the main group).

``herstelgraph curation report [--format table|json|csv] [--since REF]``: relations per pair,
a confidence histogram per relation in the rubric's bands, the mean confidence per pair and
relation, the share of links per rubric rule, no-match records per pair and predicate, and the
records added, removed or changed since the last release (curation/report.py).
"""

from __future__ import annotations

from dataclasses import dataclass

import click

from ..model import Record
from .common import FORMAT_OPTION, emit


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
@FORMAT_OPTION
def report(since: str | None, folder: str | None, fmt: str) -> None:
    """Figures of the curated mappings and what changed since the last release."""
    from pathlib import Path

    from ..curation.report import build_report
    from .render import render, to_json

    rep = build_report(Path(folder) if folder else None, since)
    if fmt == "json":
        emit(to_json(rep))
        return
    if fmt == "csv":
        rows = [_Row(f.section, f.pair, f.key, f.count, f.value, None, None, None, None, None)
                for f in rep.figures]  # fmt: skip
        rows += [
            _Row("change", c.pair, c.change, None, None, c.record, c.subject, c.predicate,
                 c.object, c.fields)
            for c in rep.changes
        ]  # fmt: skip
        emit(render(rows, "csv"))
        return
    titles = {
        "relations": "Records per pair and relation (share of the pair's records)",
        "confidence": "Confidence per relation, in the rubric's bands (R-CONF-1)",
        "mean-confidence": "Mean confidence per pair and relation (R-CONF-4: aim ≥ 0.85)",
        "rules": "Links per rubric rule (curation_rule; share of the pair's links)",
        "no-match": "No-match records per pair, direction and predicate (R-NONE-1/2)",
    }
    out = []
    for section, title in titles.items():
        figs = [f for f in rep.figures if f.section == section]
        out.append(render(figs, "table", title, ["pair", "key", "count", "value"]))
    summary = (
        f"Changes {rep.since_note}: {rep.added} added, {rep.removed} removed, {rep.changed} changed"
    )
    if rep.changes:
        out.append(render(list(rep.changes), "table", summary))
    else:
        out.append(summary + "\n")
    emit("\n".join(out))


COMMANDS = (curation,)
