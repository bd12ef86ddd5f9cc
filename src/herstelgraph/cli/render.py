"""Rendering results as a table, JSON or CSV: the one place output formats are decided."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from ..model import Record, to_json

FORMATS = ("table", "json", "csv")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " | ".join(_cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value % 1 else str(int(value))
    return str(value)


def to_csv(rows: Sequence[Record], columns: list[str] | None = None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    cols = columns or (rows[0].columns() if rows else [])
    writer.writerow(cols)
    for row in rows:
        d = row.as_dict()
        writer.writerow([_cell(d.get(c)) for c in cols])
    return buf.getvalue()


def to_table(rows: Sequence[Record], title: str | None = None, columns=None) -> str:
    from rich.console import Console
    from rich.table import Table

    cols = columns or (rows[0].columns() if rows else [])
    table = Table(title=title, show_lines=False, header_style="bold", title_justify="left")
    for c in cols:
        table.add_column(c, overflow="fold")
    for row in rows:
        d = row.as_dict()
        table.add_row(*(_cell(d.get(c)) for c in cols))
    console = Console(file=io.StringIO(), width=160, color_system=None, highlight=False)
    console.print(table)
    return console.file.getvalue()


def render(rows: Sequence[Record], fmt: str, title: str | None = None, columns=None) -> str:
    if fmt == "json":
        return to_json(list(rows))
    if fmt == "csv":
        return to_csv(rows, columns)
    if not rows:
        return f"{title + ': ' if title else ''}no results\n"
    return to_table(rows, title, columns)
