"""Rendering answers: the one place output formats are decided.

Two audiences, two rules:

* **people** (``table``, ``xlsx``): column headers and values in words, Dutch by default
  (``--lang en`` for English): ``a_item`` → "item (A)", ``skos:broadMatch`` → "valt onder",
  shares as percentages, the total row labelled. ``--verbose`` adds the raw terms in
  brackets and shows every column. Tables fit the terminal and wrap long texts inside their
  cells; control characters from the data are shown escaped, never sent to the terminal.
* **programs** (``json``, ``csv``): the stable field names (English snake_case) and raw
  terms (``skos:broadMatch``, ``no-match``), shares as fractions. CSV is for spreadsheets
  too: UTF-8 with BOM, CRLF, formula-like cells neutralised (``io.tables``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ..io.tables import Cell, Sheet, csv_text, escape_terminal, xlsx_bytes
from ..model import Language, OutputFormat, QueryForm, QueryResult, Record, to_json
from ..words import (
    CURATION_SECTIONS,
    decimals,
    figure_words,
    header,
    message,
    relation_word,
    section_word,
    type_word,
    value_word,
)

FORMATS = OutputFormat.values()

#: columns whose values are mapping or hierarchy relations
RELATION_COLUMNS = frozenset(
    {"relation", "relation1", "relation2", "composed", "via_relation", "curated"}
    | {"path_relation"}
)
#: columns whose values are coded words (statuses, kinds, justifications, fields)
VALUE_COLUMNS = frozenset(
    {"status", "scope", "direction", "kind", "justification", "field", "strength", "how"}
    | {"path_kind"}
    | {"severity", "review_status", "change", "property", "status_before", "status_after"}
)
#: the curation report's figure sections whose names hold relations (``key``)
FIGURE_SECTIONS = frozenset({"relations", "confidence", "mean-confidence", "rules", "no-match"})
#: columns holding item types
TYPE_COLUMNS = frozenset({"type", "types"})
#: columns holding an item's Dutch label or definition -> the columns that may hold its ID
#: (the first present); CSV and XLSX put the English translation beside each, ``<column>_en``
ENGLISH_COLUMNS: dict[str, tuple[str, ...]] = {
    "label": ("id", "item", "concept"),
    "definition": ("id", "item", "concept"),
    "a_label": ("a_item",),
    "b_label": ("b_item",),
    "c_label": ("c_item",),
    "via_label": ("via",),
    "other_label": ("other",),
    "section_label": ("section",),
    "item_label": ("item",),
    "source_label": ("source_id",),
    "target_label": ("target_id",),
    "subject_label": ("subject",),
    "object_label": ("object",),
}
#: columns holding shares (fractions 0..1)
SHARE_COLUMNS = frozenset(
    {"share", "share_with_mappings", "share_before", "share_after"}
    | {"share_with_mappings_before", "share_with_mappings_after"}
)


class View:
    """One table of an answer.

    ``columns`` are what a reader scans in the terminal (None: every field); CSV, JSON and
    XLSX keep every field. ``kind`` names the record type, so an empty answer still has its
    header. ``totals``: a row whose ``section`` is empty is the total row (labelled so).
    ``words``: False for answers whose columns are the user's own (a SPARQL query).
    ``english``: False where the labels are not the current graph's (another release) or the
    English is shown already: no ``<column>_en`` beside them (``with_english``).
    ``english_table``: in an English run the terminal table shows them too, beside the Dutch
    source (lists of items: ``concepts``, ``search``).

    A plain class, not a dataclass: every verb makes one, and defining a frozen dataclass
    costs a cold process ~1 ms (docs/performance.md, decisions 25 and 44)."""

    __slots__ = (
        "columns",
        "english",
        "english_table",
        "kind",
        "note",
        "rows",
        "title",
        "totals",
        "words",
    )

    def __init__(
        self,
        rows: Sequence[Record] | QueryResult,
        title: str,
        columns: Sequence[str] | None = None,
        kind: type[Record] | None = None,
        totals: bool = False,
        words: bool = True,
        note: str | None = None,
        english: bool = True,
        english_table: bool = False,
    ):
        self.rows = rows
        self.title = title
        self.columns = columns
        self.kind = kind
        self.totals = totals
        self.words = words
        self.note = note
        self.english = english
        self.english_table = english_table

    def replace(self, **changes: Any) -> View:
        """This view with some fields changed (as ``dataclasses.replace``)."""
        return View(**{**{name: getattr(self, name) for name in View.__slots__}, **changes})

    def all_columns(self) -> list[str]:
        if isinstance(self.rows, QueryResult):
            return list(self.rows.variables)
        if self.rows:
            return self.rows[0].columns()
        return self.kind.columns() if self.kind is not None else list(self.columns or [])

    def dicts(self) -> list[dict[str, Any]]:
        if isinstance(self.rows, QueryResult):
            return self.rows.as_dicts()
        return [r.as_dict() for r in self.rows]

    def __len__(self) -> int:
        rows = self.rows.rows if isinstance(self.rows, QueryResult) else self.rows
        return len(rows)


class Answer:
    """What a verb prints: its tables, what ``--format json`` writes (default: the first
    table's rows), which table ``--format csv`` writes (one table per CSV), and, for verbs
    that read best as prose in the terminal (show, explain), the prose. ``rdf``: for a
    CONSTRUCT/DESCRIBE, the table format writes this RDF (Turtle) instead. A plain class, as
    ``View``."""

    __slots__ = ("csv", "data", "notes", "rdf", "text", "views")

    def __init__(
        self,
        views: tuple[View, ...],
        data: Any = None,
        csv: int = 0,
        text: Callable[[Presenter], str] | None = None,
        rdf: bytes | None = None,
        notes: tuple[str, ...] = (),
    ):
        self.views = views
        self.data = data
        self.csv = csv
        self.text = text
        self.rdf = rdf
        self.notes = notes


# ------------------------------------------------------------------------- values
def _plain(value: Any) -> Cell:
    """A value for JSON-free machine output (CSV): lists joined with `` | ``, floats to
    three decimals (numbers stay numbers)."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return " | ".join(str(_plain(v)) for v in value)
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return round(value, 3)
    return str(value)


#: IDs, and whether definitions are wanted -> their English (label, definition); the CLI
#: looks them up in its store (no definitions wanted: every definition None)
EnglishTexts = Callable[[set[str], bool], Mapping[str, tuple[str | None, str | None]]]


class Presenter:
    """Headers and values in the words of one language, for tables and spreadsheets.
    ``english`` looks up the English translations of items, which CSV and XLSX put beside
    their Dutch labels and definitions (None: no such columns)."""

    def __init__(
        self,
        lang: Language | str = Language.NL,
        verbose: bool = False,
        english: EnglishTexts | None = None,
    ):
        self.lang = Language(str(lang))
        self.verbose = verbose
        self.english = english

    def msg(self, key: str, **fields: object) -> str:
        return message(key, self.lang, **fields)

    def head(self, column: str, view: View | None = None) -> str:
        if view is not None and not view.words:
            return column
        return header(column, self.lang)

    def _with_raw(self, word: str, raw: str) -> str:
        return f"{word} ({raw})" if self.verbose and word != raw else word

    def value(self, column: str, value: Any, row: dict[str, Any], view: View) -> Cell:
        """A cell for people: words for terms, typed numbers (shares stay fractions here:
        the table writes them as 87%, the workbook formats them)."""
        if not view.words:
            return _plain(value)
        if view.totals and column == "section_label" and row.get("section") is None:
            # coverage-of has two totals: the requirements and, apart, the context statements
            return self.msg("total_context" if row.get("kind") == "context" else "total")
        if column == "section_label" and row.get("scope") == "external" and row.get("section"):
            # coverage against ESCO counts one item type: its name in the reader's language
            return self._with_raw(type_word(str(row["section"]), self.lang), str(row["section"]))
        if value is None:
            if column == "composed" and not self.verbose:
                return self.msg("no_claim")
            return None
        if isinstance(value, list | tuple):
            if column in TYPE_COLUMNS and not self.verbose:  # every item is a skos:Concept
                value = [v for v in value if v != "skos:Concept"]
            parts = [self.value(column, v, row, view) for v in value]
            return ", ".join("" if p is None else str(p) for p in parts)
        if isinstance(value, bool):
            return self.msg("yes" if value else "no")
        if isinstance(value, int | float):
            return value
        text = str(value)
        if column in RELATION_COLUMNS:
            return self._with_raw(relation_word(text, self.lang), text)
        if column in VALUE_COLUMNS:
            return self._with_raw(value_word(text, self.lang), text)
        if column in TYPE_COLUMNS or text.startswith("hg:"):  # the ontology's own words
            return self._with_raw(type_word(text, self.lang), text)
        if column in ("key", "pair") and row.get("section") in FIGURE_SECTIONS:  # curation
            no_match = row.get("section") == "no-match"
            return self._with_raw(figure_words(text, self.lang, no_match=no_match), text)
        if column == "section" and text in CURATION_SECTIONS:  # the curation workbook
            return self._with_raw(section_word(text, self.lang), text)
        if column == "eqf" and not self.verbose:  # the EU's level IRI: …/snb/eqf/4
            return text.rstrip("/").rsplit("/", 1)[-1]
        if column == "other" and text == "sssom:NoTermFound" and not self.verbose:
            return None  # the relation says "geen overeenkomst", other_framework says where
        return text

    def text(self, column: str, value: Any, row: dict[str, Any], view: View) -> str:
        """A cell as terminal text: shares as percentages, controls escaped."""
        cell = self.value(column, value, row, view)
        if cell is None:
            return ""
        if isinstance(cell, float) and column in SHARE_COLUMNS and view.words:
            return f"{cell:.0%}"
        if isinstance(cell, float):
            text = f"{cell:.3f}".rstrip("0").rstrip(".") if cell % 1 else str(int(cell))
            return decimals(text, self.lang) if view.words else text  # 0,75 for a Dutch reader
        return escape_terminal(str(cell))


# ------------------------------------------------------------------------- formats
def with_english(
    view: View, cols: list[str], rows: list[dict[str, Any]], p: Presenter | None
) -> tuple[list[str], list[dict[str, Any]]]:
    """The columns and rows with ``<column>_en`` right after each Dutch label or definition
    column (ENGLISH_COLUMNS), holding the item's English translation (empty where it has
    none). Only for answers about items (not a user's SPARQL), when ``p`` can look them up."""
    if p is None or p.english is None or not view.words or not view.english:
        return cols, rows
    have = [c for c in cols if c in ENGLISH_COLUMNS and f"{c}_en" in cols]
    if have:  # a record that carries its English already (show): beside the Dutch too
        cols = [c for c in cols if not (c.endswith("_en") and c[:-3] in have)]
        for c in have:
            cols.insert(cols.index(c) + 1, f"{c}_en")
    pairs = []  # (text column, ID column, 0 label | 1 definition)
    for c in cols:
        ident = next((i for i in ENGLISH_COLUMNS.get(c, ()) if i in cols), None)
        if ident is not None and f"{c}_en" not in cols:
            pairs.append((c, ident, 1 if c == "definition" else 0))
    if not pairs:
        return cols, rows
    ids = {str(d[i]) for d in rows for _, i, _ in pairs if isinstance(d.get(i), str)}
    # the definitions only where a definition column is printed (gaps: labels alone)
    texts = p.english(ids, any(which for _, _, which in pairs)) if ids else {}
    out_cols: list[str] = []
    for c in cols:
        out_cols.append(c)
        out_cols += [f"{c}_en" for t, _, _ in pairs if t == c]
    out_rows = []
    for d in rows:
        d = dict(d)
        for c, ident, which in pairs:
            key = d.get(ident)
            found = texts.get(key) if isinstance(key, str) else None
            d[f"{c}_en"] = found[which] if found else None
            if c == "section_label" and d.get("scope") == "external" and isinstance(key, str):
                # coverage against ESCO counts an item type, not a section: its English word
                d[f"{c}_en"] = type_word(key, "en")
        out_rows.append(d)
    return out_cols, out_rows


def to_csv(view: View, p: Presenter | None = None) -> str:
    """Every field, machine names, raw values (and the English translations beside the
    Dutch labels: ``with_english``); BOM + CRLF, formulas neutralised."""
    if isinstance(view.rows, QueryResult) and view.rows.form is QueryForm.ASK:
        return csv_text(["boolean"], [[view.rows.boolean]])
    cols, rows = with_english(view, view.all_columns(), view.dicts(), p)
    return csv_text(
        cols, ([v if type(v := d.get(c)) is str else _plain(v) for c in cols] for d in rows)
    )


def terminal_width() -> int:
    """The terminal's width (COLUMNS wins, as for every tool); 100 when not a terminal."""
    import shutil  # here: a question written as CSV or JSON never pays for it (bz2, lzma)

    return max(shutil.get_terminal_size((100, 24)).columns, 40)


#: a code, ID, number or relation word is at most this wide before running text gets room
SHORT = 30
#: the least a column of running text gets while codes and IDs are narrowed
TEXT_FLOOR = 16
#: a word up to this long is never broken inside when the terminal has room for it; longer
#: ones (IRIs, long IDs) fold
WORD_CAP = 24
#: a table drops its cell padding only to keep words this long whole (a long compound of
#: 20 letters may break rather than every table get dense)
COMPACT_BELOW = 16
#: (the least width of an ID column, the longest word kept whole elsewhere), tried in turn
#: until the table fits: IDs give way down to 12 first, then words down to 16, then IDs
#: down to 8, then everything alike
_FLOOR_STEPS = (
    [(c, WORD_CAP) for c in range(WORD_CAP, 11, -1)]
    + [(12, c) for c in range(WORD_CAP - 1, COMPACT_BELOW - 1, -1)]
    + [(c, COMPACT_BELOW) for c in range(11, 7, -1)]
    + [(min(c, 8), c) for c in range(COMPACT_BELOW - 1, 0, -1)]
)


def _cap(naturals: list[int], room: int) -> int:
    """The largest cap c such that the columns, none wider than c, fit the room."""
    c = max(naturals, default=1)
    while c > 1 and sum(min(n, c) for n in naturals) > room:
        c -= 1
    return c


def _column_widths(
    heads: list[str], cells: list[list[str]], width: int, padding: int = 1
) -> tuple[list[int], int]:
    """Content widths that fit ``width`` with the table's borders and ``padding``, and the
    length up to which every word of the cells other than identifiers stays whole
    (WORD_CAP: all of them; 0: the widths do not fit at all).

    Every column gets what it needs when that fits. Otherwise codes, IDs, numbers and
    relation words (short cells) are narrowed widest first, down to 8, while running text
    keeps at least 16 and shares what is left; on a terminal too narrow even for that,
    every column is narrowed widest first. Cells wrap at spaces: a column stays at least as
    wide as its longest word (up to WORD_CAP) as far as the room allows (_FLOOR_STEPS:
    identifiers, i.e. IDs and codes with no spaces and a colon or a digit, give way first),
    so only the longest words fold. A cell is never cut.
    """
    n = len(heads)
    room = max(width - (2 * padding + 1) * n - 1, n)
    natural, short, words, cell_words, ident = [], [], [], [], []
    for i, head in enumerate(heads):
        lines = [line for row in cells for line in row[i].split("\n")]
        longest = max((len(v) for v in lines), default=0)
        word = max((len(w) for w in head.split()), default=1)
        words.append(word)
        cell_words.append(max((len(w) for v in lines for w in v.split()), default=0))
        natural.append(max(longest, word, 1))
        short.append(longest <= SHORT or not any(" " in v for v in lines))
        ident.append(
            all(" " not in v and (":" in v or any(c.isdigit() for c in v)) for v in lines if v)
        )
    if sum(natural) <= room:
        return natural, WORD_CAP
    floors, whole = words, 0
    for ident_cap, text_cap in _FLOOR_STEPS:
        want = [
            max(words[i], min(cell_words[i], ident_cap if ident[i] else text_cap)) for i in range(n)
        ]
        if sum(want) <= room:
            floors, whole = want, text_cap
            break
    widths = _whole_header_words(_narrowed(natural, short, room), floors, room)
    return widths, whole if sum(widths) <= room else 0


def _whole_header_words(widths: list[int], words: list[int], room: int) -> list[int]:
    """Widths no narrower than ``words``: the longest word of their header (a header wraps at
    its spaces, never inside a word: "cove/rage") and of their cells as far as the room
    allows; the room that takes comes from the widest columns that can give it. On a
    terminal too narrow for every header word the table is wider than the terminal rather
    than break a header."""
    widths = [max(w, word) for w, word in zip(widths, words, strict=True)]
    for least in (8, 1):  # columns keep 8 while others can give, then just their words
        while sum(widths) > room:
            give = [i for i in range(len(widths)) if widths[i] > max(words[i], least)]
            if not give:
                break
            widest = max(give, key=lambda i: (widths[i], -i))
            widths[widest] -= 1
    return widths


def _narrowed(natural: list[int], short: list[bool], room: int) -> list[int]:
    """The widths of :func:`_column_widths` when the natural ones do not fit."""
    n = len(natural)
    texts = [i for i in range(n) if not short[i]]
    shorts = [i for i in range(n) if short[i]]
    floor = sum(min(natural[i], TEXT_FLOOR) for i in texts)
    c = min(_cap([natural[i] for i in shorts], room - floor), SHORT) if shorts else SHORT
    if c >= 8 and room - floor > 0:
        widths = [min(natural[i], c) if short[i] else 0 for i in range(n)]
        left = room - sum(widths)
        t = _cap([natural[i] for i in texts], left)
        for i in texts:
            widths[i] = min(natural[i], t)
        return widths
    c = _cap(natural, room)
    return [min(w, c) for w in natural]


def to_table(
    view: View,
    p: Presenter,
    width: int | None = None,
    *,
    draw: Callable[[str, list[str], list[list[str]], list[int], list[bool], int], str]
    | None = None,
) -> str:
    """A table that fits the width, long texts wrapped inside their cells (drawn by
    ``cli.table``, as rich drew it, without rich's import). ``draw``: another drawer of
    the same layout (tests/test_table.py passes rich's, the reference)."""
    if draw is None:
        from .table import draw as ours

        draw = ours
    title = escape_terminal(view.title)
    if isinstance(view.rows, QueryResult) and view.rows.form is QueryForm.ASK:
        return f"{title}: {p.msg('yes' if view.rows.boolean else 'no')}\n"
    if not len(view):
        return f"{title}: {p.msg('no_results')}\n"
    cols = view.all_columns() if p.verbose or view.columns is None else list(view.columns)
    rows = view.dicts()
    if view.english_table and str(p.lang) == "en":
        cols, rows = with_english(view, cols, rows, p)
    cells = [[p.text(c, d.get(c), d, view) for c in cols] for d in rows]
    if not p.verbose:  # a column with nothing in it only takes room
        keep = [i for i in range(len(cols)) if any(row[i] for row in cells)]
        cols, cells = [cols[i] for i in keep], [[row[i] for i in keep] for row in cells]
    width = width or terminal_width()
    heads = [p.head(c, view) for c in cols]
    widths, whole = _column_widths(heads, cells, width)
    padding = 1
    if whole < COMPACT_BELOW:  # without the padding inside the cells, words may stay whole
        compact, whole_compact = _column_widths(heads, cells, width, padding=0)
        # (or, too narrow for the headers' words either way, the table overflows less)
        if whole_compact > whole or not whole:
            widths, padding = compact, 0
    numeric = [
        all(
            isinstance(d.get(c), int | float) and not isinstance(d.get(c), bool)
            for d in rows
            if d.get(c) is not None
        )
        for c in cols
    ]
    text = draw(title, heads, cells, widths, numeric, padding)
    if view.note:  # a note wraps at the terminal's width too, between words
        import textwrap

        text += textwrap.fill(escape_terminal(view.note), width=max(width, 40)) + "\n"
    return text


def to_sheet(view: View, p: Presenter) -> Sheet:
    """A worksheet for people: every field, headers and values in words, typed numbers."""
    if isinstance(view.rows, QueryResult) and view.rows.form is QueryForm.ASK:
        return Sheet(view.title, (p.head("boolean"),), ((view.rows.boolean,),))
    cols, rows = with_english(view, view.all_columns(), view.dicts(), p)
    percent = frozenset(i for i, c in enumerate(cols) if c in SHARE_COLUMNS and view.words)
    return Sheet(
        name=view.title,
        header=tuple(p.head(c, view) for c in cols),
        rows=tuple(tuple(p.value(c, d.get(c), d, view) for c in cols) for d in rows),
        percent=percent,
    )


def render(answer: Answer, fmt: OutputFormat | str, p: Presenter) -> bytes:
    """The bytes an answer is written as, in one format."""
    fmt = OutputFormat(str(fmt))
    if fmt is OutputFormat.JSON:
        data = answer.data if answer.data is not None else answer.views[0].rows
        return to_json(data).encode("utf-8")
    if fmt is OutputFormat.CSV:
        return to_csv(answer.views[answer.csv], p).encode("utf-8")
    if fmt is OutputFormat.XLSX:
        title = answer.views[0].title if answer.views else ""
        return xlsx_bytes([to_sheet(v, p) for v in answer.views], title=title)
    if answer.rdf is not None:
        return answer.rdf
    if answer.text is not None:
        return escape_terminal(answer.text(p)).encode("utf-8")
    return "".join(to_table(v, p) for v in answer.views).encode("utf-8")
