"""The sheets institutes keep: reading a CSV or XLSX table safely, and the curriculum sheet's
columns, as ``curriculum import``, ``validate``, ``report curriculum`` and ``suggest
curriculum`` read them (one reader, below all of them).

What the reader accepts (docs: README, "Curriculum sheets"):

* **XLSX**, read directly (openpyxl, read-only, cached values only: no formula is evaluated);
  the first worksheet. A formula cell without a stored value (a sheet a program wrote and
  Excel never saved) is a problem naming ``sheet!cell``, never read as an empty cell. Rows
  and columns are as Excel numbers them (row 1 = the header).
* **CSV** with ``,``, ``;`` or a tab between cells, chosen by reading the *whole* file with
  each and keeping the one under which the header names the columns and the rows agree with
  it (Dutch Excel writes ``;``). Cells in double quotes may hold the delimiter, line breaks
  and Excel's doubled quotes (``"Kent het begrip ""herstel"" goed"``). A byte-order mark or
  none, CRLF or LF line ends. UTF-16 with a byte-order mark (Excel's "Unicode-tekst") too.
* **Encodings**: UTF-8. A file in Windows-1252 or Latin-1 (Excel's plain "CSV" on Windows)
  is *refused*, naming the line and column of the first such character and how to save the
  file as UTF-8. Why refuse rather than guess: the bytes of a Windows-1252 file are also
  valid Mac Roman and Latin-1 with other letters, so a guess can change names silently
  (``Cliënt`` → ``CliÎnt``); refusing costs one re-save and never a wrong letter.
* **Size**: the input cap of ``io.inputs`` (default 50 MB), read with a bounded read, so a
  60 MB sheet or a link to ``/dev/zero`` is refused, not read; an XLSX's cells are counted
  against the same cap as they are read (a small zip can hold a huge sheet).

A problem in a row never stops the reading: every problem (row, column, value, what to do)
is collected and raised together as one :class:`~herstelgraph.errors.SheetError`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path

from ..errors import InputError, InputFileError, SheetError, SheetProblem
from ..words import SHEET, Said

#: column -> the header names it is known by (compared without case, spaces or punctuation)
COLUMNS: dict[str, tuple[str, ...]] = {
    "programme": ("programme", "program", "opleiding", "programma"),
    "module": ("module", "vak", "onderwijseenheid", "modules"),
    "outcome": (
        "learningoutcome", "leerresultaat", "leeruitkomst", "outcome", "learningoutcomes",
        "leerresultaten", "leeruitkomsten",
    ),
    "ids": (
        "aligneditemids", "alignediditems", "items", "itemids", "alignedto", "ids",
        "aligneditems", "competenties", "competentie", "competencies", "competency",
        "kaderitems", "afgestemdop", "gekoppeldeitems", "gekoppeldeitemids", "gekoppeldaan",
        "gekoppeldecompetenties", "koppelingen",
    ),
}  # fmt: skip

#: The header of a new sheet, per language (``curriculum template``), in COLUMNS order.
HEADERS: dict[str, tuple[str, ...]] = {
    "nl": ("opleiding", "module", "leeruitkomst", "competenties"),
    "en": ("programme", "module", "learning outcome", "aligned items"),
}

#: What separates several IDs in one cell.
ID_SEPARATORS = re.compile(r"[;,|\s]+")

DELIMITERS = (",", ";", "\t")
_DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}


def key(header: str) -> str:
    """A header name as it is compared: lower case, letters only ('Learning outcome' ->
    'learningoutcome')."""
    return re.sub(r"[^a-z]", "", header.lower())


def column_letter(index: int) -> str:
    """Excel's name of a column (0-based index): 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


@dataclass(frozen=True)
class Row:
    """One row under the header: where it starts (CSV line or XLSX row) and its cells."""

    line: int
    row: int  # the spreadsheet's row number (the header is row 1)
    cells: tuple[str, ...]

    def cell(self, index: int | None) -> str:
        if index is None or index >= len(self.cells):
            return ""
        return self.cells[index]


@dataclass(frozen=True)
class Table:
    """A sheet as read: its header, its non-empty rows, how it was written."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    kind: str  # csv or xlsx
    delimiter: str = ","
    encoding: str = "utf-8"
    notices: tuple[str, ...] = field(default=())
    #: problems found while reading that leave the rows readable (a formula cell without a
    #: stored value reads as empty), when the caller collects them (``read_table(collect=)``)
    problems: tuple[SheetProblem, ...] = field(default=())

    def problem(
        self, row: Row | None, column: int | None, value: str | None, message: str
    ) -> SheetProblem:
        """A problem located in this table (``column``: 0-based index, or None)."""
        name = self.header[column] if column is not None and column < len(self.header) else None
        return SheetProblem(
            line=row.line if row else 1,
            row=row.row if row else 1,
            column=None if column is None else column + 1,
            column_letter=None if column is None else column_letter(column),
            column_name=name,
            value=value,
            message=message,
        )


# ------------------------------------------------------------------------ reading
def read_table(path: Path, *, expect: Sequence[str] = (), collect: bool = False) -> Table:
    """The header and rows of a CSV or XLSX sheet (see the module doc for what is read).

    ``expect``: header names (keys of COLUMNS or plain names) that tell a CSV's delimiter
    apart when the cell counts cannot. Rows whose cells are all empty are left out.
    ``collect``: problems that leave the rows readable (formula cells) are returned in
    ``Table.problems``, for the caller to report with its own, instead of raised.
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path, collect)
    if path.suffix.lower() == ".xls":
        raise InputFileError(path, Said("xls"))
    from .inputs import read_bytes

    data = read_bytes(path)  # the size cap, bounded; protected from this run's outputs
    text, encoding = decode_sheet(path, data)
    if not text.strip():
        raise InputFileError(path, Said("empty_file"), line=1)
    delimiter = sniff_delimiter(text, expect)
    header, rows, problems = _parse_csv(path, text, delimiter)
    if problems:
        raise SheetError(path, problems)
    return Table(path, header, rows, "csv", delimiter, encoding)


def decode_sheet(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV file and its encoding: UTF-8 (with or without a BOM), or UTF-16 with
    a BOM. Anything else is refused at its first undecodable character (line:column)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputFileError(path, Said("not_utf16")) from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff"), "utf-8"
    except UnicodeDecodeError as exc:
        at = exc.start
    line = data.count(b"\n", 0, at) + 1
    start = data.rfind(b"\n", 0, at) + 1
    column = len(data[start:at].decode("utf-8", "replace")) + 1
    byte = data[at]
    guess: Said | str = ""
    try:
        char = bytes([byte]).decode("cp1252")
        if char.isprintable():
            guess = Said("cp1252_guess", char=repr(char))
    except UnicodeDecodeError:
        pass
    raise InputFileError(
        path, Said("not_utf8", byte=f"{byte:02x}", guess=guess), line=line, column=column
    )


def _records(text: str, delimiter: str):
    """(start line, end line, cells, error) for each record of the CSV text."""
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter,
        quotechar='"',
        doublequote=True,
        skipinitialspace=False,
        strict=True,
    )
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield start, reader.line_num, None, str(exc)
            return
        yield start, reader.line_num, cells, None
        start = reader.line_num + 1


def sniff_delimiter(text: str, expect: Sequence[str] = ()) -> str:
    """The delimiter under which the whole file reads best: the header names the most
    known columns, then the most rows have as many cells as the header, then the header has
    the most cells. Reading the whole file (not the first line) is what keeps a comma inside
    a quoted cell from counting as a delimiter."""
    known = {a for col, aliases in COLUMNS.items() for a in aliases} | {key(e) for e in expect}
    for col in expect:
        known |= set(COLUMNS.get(col, ()))
    best: tuple | None = None
    choice = ","
    for d in DELIMITERS:
        header: list[str] | None = None
        agree = rows = 0
        broken = False
        for _, _, cells, error in _records(text, d):
            if error is not None:
                broken = True
                break
            if header is None:
                header = cells
                continue
            if not any(c.strip() for c in cells):
                continue
            rows += 1
            used = len(cells)
            while used and not cells[used - 1].strip():
                used -= 1
            agree += used <= len(header) and len(cells) >= 1
        header = header or []
        named = sum(key(h) in known for h in header)
        score = (named, not broken, agree - rows, len(header))
        if best is None or score > best:
            best, choice = score, d
    return choice


def _parse_csv(path: Path, text: str, delimiter: str):
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    problems: list[SheetProblem] = []
    n = 1
    for start, _end, cells, error in _records(text, delimiter):
        if error is not None:
            problems.append(
                SheetProblem(
                    line=start,
                    row=n + 1 if header is not None else 1,
                    column=None,
                    column_letter=None,
                    column_name=None,
                    value=None,
                    message=Said("open_quote", error=error),
                )
            )
            break
        if header is None:
            header = tuple(c.strip().removeprefix("\ufeff") for c in cells)
            continue
        n += 1
        if any(c.strip() for c in cells):
            rows.append(Row(start, n, tuple(cells)))
    return header or (), tuple(rows), tuple(problems)


def _read_xlsx(path: Path, collect: bool = False) -> Table:
    from zipfile import BadZipFile

    from .inputs import max_input_bytes, read_bytes

    data = read_bytes(path)  # the size cap on the file, bounded
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - openpyxl is a core dependency
        raise InputFileError(path, "reading .xlsx needs openpyxl: pip install openpyxl") from None
    try:
        # the values Excel stored, and the formulas: a formula whose value was never stored
        # (a sheet written by a program, not saved by Excel) would read as an empty cell
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        wf = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise InputFileError(path, Said("unreadable_xlsx", error=exc)) from None
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise InputFileError(path, Said("unreadable_xlsx", error=exc)) from None
    budget = max_input_bytes()  # a small zip can hold a huge sheet: count what is read
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    formulas: list[SheetProblem] = []
    try:
        ws = wb.worksheets[0]
        both = zip_longest(
            ws.iter_rows(values_only=True), wf.worksheets[0].iter_rows(values_only=True)
        )
        for n, (values, written) in enumerate(both, 1):
            values = values or ()
            for i, (v, f) in enumerate(zip_longest(values, written or ())):
                if v is None and f is not None:
                    formulas.append(_formula_problem(ws.title, n, i, str(f), header))
            cells = tuple(_xlsx_cell(v) for v in values)
            budget -= sum(len(c) for c in cells) + len(cells)
            if budget < 0:
                raise InputFileError(path, Said("too_much_text"), line=n)
            if header is None:
                if not any(c.strip() for c in cells):
                    continue  # leading empty rows
                header = tuple(c.strip() for c in cells)
                continue
            if any(c.strip() for c in cells):
                rows.append(Row(n, n, cells))
    except InputError:
        raise
    except Exception as exc:
        raise InputFileError(path, Said("unreadable_xlsx", error=exc)) from None
    finally:
        wb.close()
        wf.close()
    if formulas and not collect:
        raise SheetError(path, formulas)
    if header is None:
        if formulas:
            raise SheetError(path, formulas)
        raise InputFileError(path, Said("empty_sheet"), line=1)
    return Table(path, header, tuple(rows), "xlsx", problems=tuple(formulas))


def _formula_problem(
    sheet: str, row: int, index: int, formula: str, header: tuple[str, ...] | None
) -> SheetProblem:
    letter = column_letter(index)
    name = header[index] if header and index < len(header) and header[index] else None
    message = Said("formula", sheet=sheet, cell=f"{letter}{row}")
    return SheetProblem(row, row, index + 1, letter, name, formula, message)


def _xlsx_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ------------------------------------------------------------------------ columns
def find_columns(table: Table, wanted: Sequence[str], required: Sequence[str] = ()):
    """The index of each wanted column (keys of COLUMNS) in the table's header; a missing
    required one raises an error naming the header and what was expected."""
    index: dict[str, int] = {}
    for i, name in enumerate(table.header):
        for col in wanted:
            if key(name) in COLUMNS[col] and col not in index:
                index[col] = i
                break
    missing = [c for c in required if c not in index]
    if missing:
        shown = ", ".join(repr(h) for h in table.header) or Said("nothing")
        names = "; ".join(f"{', '.join(HEADERS[lang])} ({lang})" for lang in HEADERS)
        columns = tuple(Said(f"col_{c}") if f"col_{c}" in SHEET else c for c in missing)
        message = Said("missing_columns", missing=columns, shown=shown, names=names)
        raise InputFileError(table.path, message, line=1)
    return index


def split_ids(cell: str) -> list[str]:
    """The IDs in one cell: separated by ';', ',', '|', spaces or line breaks."""
    return [i for i in ID_SEPARATORS.split(cell.strip()) if i]


# ------------------------------------------------------------------------ writing
def csv_bytes(header: Sequence[str], rows: Sequence[Sequence[str]], delimiter: str = ",") -> bytes:
    """CSV as Excel reads it back: UTF-8 with a BOM, CRLF, every cell as written (a reader's
    round trip; not neutralised: for a sheet the user edits, see ``io.tables.csv_text``)."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(list(header))
    for row in rows:
        writer.writerow(list(row))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def template_rows(lang: str) -> list[tuple[str, str, str, str]]:
    """Two example rows for a new sheet (the fictional programme of the examples)."""
    if lang == "nl":
        return [
            (
                "Associate degree Ervaringsdeskundigheid",
                "Werken in een organisatie",
                "Werkt volgens de procedures en afspraken van de organisatie",
                "bk:C1; bk:K1",
            ),
            ("", "", "Plant de eigen taken en stuurt bij in overleg", "bk:C7"),
        ]
    return [
        (
            "Associate degree Ervaringsdeskundigheid",
            "Werken in een organisatie",
            "Works to the procedures and agreements of the organisation",
            "bk:C1; bk:K1",
        ),
        ("", "", "Plans own tasks and adjusts them in consultation", "bk:C7"),
    ]


TEMPLATE_HELP = {
    "nl": (
        "Eén rij per leeruitkomst. Laat opleiding en module leeg om die van de rij erboven te "
        "herhalen. In de laatste kolom de items van het kader waarop de leeruitkomst is "
        "afgestemd: IDs (bk:competentie-07) of notaties (bk:C7, C7.A2, K12), gescheiden door "
        "';'. Vind ID's met 'herstelgraph search WOORDEN' of 'herstelgraph concepts bk'."
    ),
    "en": (
        "One row per learning outcome. Leave programme and module empty to repeat the row "
        "above. In the last column the framework items the outcome is aligned to: IDs "
        "(bk:competentie-07) or notations (bk:C7, C7.A2, K12), separated by ';'. Find IDs with "
        "'herstelgraph search WORDS' or 'herstelgraph concepts bk'."
    ),
}


def template_xlsx(lang: str = "nl") -> bytes:
    """A new curriculum sheet (XLSX): the header in ``lang``, two example rows, a second
    sheet with instructions; byte-identical across runs."""
    from .tables import Sheet, xlsx_bytes

    names = {"nl": ("Curriculum", "Uitleg"), "en": ("Curriculum", "Instructions")}[lang]
    return xlsx_bytes(
        [
            Sheet(names[0], HEADERS[lang], tuple(template_rows(lang))),
            Sheet(names[1], (names[1],), ((TEMPLATE_HELP[lang],),)),
        ],
        title="herstelgraph curriculum",
    )


def template_csv(lang: str = "nl") -> bytes:
    """A new curriculum sheet as CSV (UTF-8 with BOM; ';' for Dutch Excel, ',' for English)."""
    return csv_bytes(HEADERS[lang], template_rows(lang), ";" if lang == "nl" else ",")


def delimiter_name(delimiter: str) -> Said | str:
    """The delimiter in words (a :class:`~herstelgraph.words.Said`: said in either language)."""
    name = _DELIMITER_NAMES.get(delimiter)
    return Said(name) if name else repr(delimiter)
