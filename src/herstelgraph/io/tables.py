"""Tables for spreadsheets: CSV that Excel opens right, deterministic XLSX, no formulas.

Every CSV and XLSX writer of the project (the data verbs' ``--format csv|xlsx``,
``export --format csv``) goes through this module, so three promises hold everywhere:

* **Excel reads the text right**: CSV is UTF-8 with a byte-order mark and CRLF line ends
  (without the mark Excel reads UTF-8 as Windows-1252: ``cliÃ«nt``).
* **No formula injection** (OWASP "CSV Injection"): a text cell that starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, so a spreadsheet
  shows it as text instead of running it; in XLSX every text is also written as a string
  cell, never as a formula. Numbers stay numbers (``-3`` as a number is not touched).
* **Byte-identical XLSX**: fixed workbook properties (created/modified from
  ``SOURCE_DATE_EPOCH``, else 2000-01-01) and fixed zip entry dates, so two runs give the
  same bytes.

The SSSOM TSV writer (``curation.sssom``) does *not* use this: SSSOM is a data exchange
format read by sssom-py and other tools, where a leading ``'`` would change the data; it
is not meant to be opened in a spreadsheet.

>>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("-1"), neutralise("cliënt")
('\\'=HYPERLINK("http://x")', "'-1", 'cliënt')
>>> csv_text(["a", "b"], [["+31", 2]]).encode()
b"\\xef\\xbb\\xbfa,b\\r\\n'+31,2\\r\\n"
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

#: what a spreadsheet reads as the start of a formula (OWASP: =, +, -, @, tab, CR)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: C0 controls (but tab, LF, CR), DEL and C1 controls: XML 1.0 (so XLSX) cannot carry most
#: of them, and a spreadsheet has no use for the others
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: what never reaches a terminal raw: every control but tab and LF (so also CR, which
#: overwrites a line), and the bidirectional overrides that reorder what is shown
_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def neutralise(text: str) -> str:
    """A text cell made safe for a spreadsheet: a leading ``'`` if it could start a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _visible(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """Control characters (ESC, BEL, C1 …) written visibly as ``\\x1b``; tab, LF, CR kept."""
    return _CONTROLS.sub(_visible, text)


def escape_terminal(text: str) -> str:
    """Text safe to print: ESC sequences (``ESC[2J``, OSC titles), CR, other controls and
    bidi overrides written visibly (``\\x1b[2J``); tab and LF kept.

    >>> escape_terminal("a\\x1b]0;pwned\\x07b\\rc")
    'a\\\\x1b]0;pwned\\\\x07b\\\\x0dc'
    """
    return _TERMINAL.sub(_visible, text)


#: the same characters, for machine formats on a terminal: a CR that ends a CSV line kept
_TERMINAL_STREAM = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)"
)


def escape_terminal_stream(text: str) -> str:
    """CSV, JSON or RDF printed to a terminal (never to a file or pipe): the characters
    ``escape_terminal`` escapes, written as ``\\uXXXX``, which JSON, Turtle and N-Triples
    read back as the same character, so the output stays valid and means the same; the CRLF
    that ends a CSV line is kept.

    >>> escape_terminal_stream('"a\\x1b]0;t\\x07\\u202e"\\r\\n')
    '"a\\\\u001b]0;t\\\\u0007\\\\u202e"\\r\\n'
    """
    return _TERMINAL_STREAM.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


Cell = str | int | float | bool | None


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return neutralise(str(value))


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Cell]], *, delimiter: str = ",") -> str:
    """CSV for spreadsheets: a BOM, CRLF, every text cell neutralised (numbers kept).
    ``delimiter``: e.g. ``;`` to keep the dialect of a sheet a user brought."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([_csv_cell(h) for h in header])
    for row in rows:
        # a plain text (most cells) straight to neutralise: _csv_cell's type tests for each
        # cell cost ~15% of a CSV
        writer.writerow([neutralise(v) if type(v) is str else _csv_cell(v) for v in row])
    return "\ufeff" + buf.getvalue()


# --------------------------------------------------------------------------- XLSX
class Sheet(NamedTuple):
    """One worksheet: a header row and rows of cells (text, int, float, bool or None).

    ``percent`` names the columns whose numbers are shares (0.87 shown as 87%). A named
    tuple: CSV writers import this module too, and a frozen dataclass costs ~1 ms to define
    (decision 44).
    """

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    percent: frozenset[int] = frozenset()


#: XLSX dates: a fixed instant, so two runs give the same bytes
DEFAULT_EPOCH = 946684800  # 2000-01-01T00:00:00Z


def build_time() -> datetime.datetime:
    """SOURCE_DATE_EPOCH (reproducible builds) if set, else 2000-01-01; never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    seconds = int(epoch) if epoch.isdigit() else DEFAULT_EPOCH
    # zip dates cannot go before 1980
    seconds = max(seconds, 315532800)
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).replace(tzinfo=None)


_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _sheet_name(title: str) -> str:
    """A table's title as a sheet name of at most 31 characters that reads as words: the
    title, else its part before a parenthesis, else cut at a word with an ellipsis.

    >>> _sheet_name("Records per paar en relatie (aandeel van de records van het paar)")
    'Records per paar en relatie'
    >>> _sheet_name("Gemiddelde zekerheid per paar en relatie (R-CONF-4)")
    'Gemiddelde zekerheid per paar…'
    """
    if len(title) <= 31:
        return title
    head = title.split(" (")[0].strip()
    if 0 < len(head) <= 31:
        return head
    cut = head[:30]
    space = cut.rfind(" ") if head[30] != " " else len(cut)  # not inside a word
    return (cut[:space] if space > 10 else cut).rstrip(" ,;:-") + "…"


def _sheet_names(names: Sequence[str]) -> list[str]:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique ignoring case."""
    out: list[str] = []
    for name in names:
        clean = _SHEET_BAD.sub(" ", escape_controls(name)).strip().strip("'")
        base = _sheet_name(" ".join(clean.split())) or "Sheet"
        candidate, n = base, 2
        while candidate.lower() in {o.lower() for o in out}:
            suffix = f" ({n})"
            candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
        out.append(candidate)
    return out


def _xlsx_text(value: str) -> str:
    return neutralise(escape_controls(value))


def xlsx_bytes(sheets: Sequence[Sheet], *, title: str = "") -> bytes:
    """A workbook with a sheet per table: bold frozen header, readable widths, wrapped
    texts, typed numbers, shares as percentages; byte-identical across runs."""
    import zipfile

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    when = build_time()
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for sheet, name in zip(sheets, _sheet_names([s.name for s in sheets]), strict=True):
        ws = wb.create_sheet(name)
        widths = [len(h) for h in sheet.header]
        for col, head in enumerate(sheet.header, 1):
            cell = ws.cell(row=1, column=col, value=_xlsx_text(head))
            cell.data_type = "s"
            cell.font = bold
            cell.alignment = top
        for r, row in enumerate(sheet.rows, 2):
            for c, value in enumerate(row, 1):
                cell = ws.cell(row=r, column=c)
                if value is None:
                    continue
                if isinstance(value, bool):
                    cell.value = value
                elif isinstance(value, int | float):
                    cell.value = value
                    if c - 1 in sheet.percent:
                        cell.number_format = "0%"
                    widths[c - 1] = max(widths[c - 1], len(f"{value:g}"))
                else:
                    text = _xlsx_text(str(value))
                    cell.value = text
                    cell.data_type = "s"  # never a formula, whatever the text
                    longest = max((len(line) for line in text.split("\n")), default=0)
                    widths[c - 1] = max(widths[c - 1], longest)
                cell.alignment = wrap
        for c, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(c)].width = min(max(width, 6), 60) + 2
        ws.freeze_panes = "A2"
        if sheet.header:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.header))}{len(sheet.rows) + 1}"
    if not sheets:
        wb.create_sheet("Sheet")
    props = wb.properties
    props.creator = "herstelgraph"
    props.lastModifiedBy = "herstelgraph"
    props.title = title or None
    props.created = props.modified = when
    raw = io.BytesIO()
    # openpyxl's save_workbook stamps "modified" with the clock: write through its
    # ExcelWriter instead, then fix every zip entry's date.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return _fixed_zip(raw.getvalue(), when)


def _fixed_zip(data: bytes, when: datetime.datetime) -> bytes:
    """The same archive with every entry dated ``when`` and stored with fixed attributes."""
    import zipfile

    out = io.BytesIO()
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


__all__ = [
    "FORMULA_STARTS",
    "Sheet",
    "build_time",
    "csv_text",
    "escape_controls",
    "escape_terminal",
    "neutralise",
    "xlsx_bytes",
]
