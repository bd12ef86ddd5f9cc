"""Terminal tables, drawn by hand: the table ``rich`` drew for ``cli.render``, byte for byte.

``render.to_table`` decides every column's width itself (``_column_widths``); what is left
is to wrap each cell's text to its width and draw the box around it. That is what rich's
``Table`` did with the settings we gave it (heavy head box, left-justified title, a header
row, ``overflow="fold"``, no colour, markup, emoji or highlighting), and what this module
does without importing rich, whose import and layout were over 40% of a cold CLI process
(docs/performance.md, decision 30). It follows rich 15's rules to the letter, quirks
included, and ``tests/test_table.py`` holds it to rich's output on generated tables:

* **widths in cells** (``cell_len``): wide characters (CJK, most emoji) take two, combining
  marks, zero-width characters and controls none, after the table rich ships
  (``_cells.py``, Unicode 17); a zero width joiner joins the next character to the one
  before it, and VARIATION SELECTOR-16 widens the characters that have an emoji form;
* **wrapping** (``wrap``, rich's ``Text.wrap`` and ``divide_line``): a cell's lines are its
  own (``\\n``), tabs expand to the next multiple of 8, lines break before a word that does
  not fit (a word carries the spaces after it), a word wider than the column is folded
  cell by cell, and a wide character cut at the edge becomes a space;
* **the box**: the title above it, wrapped to the table's width; headers aligned to the
  bottom of their row, cells to the top; numeric columns right-justified.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from itertools import pairwise

from ._cells import NARROW_TO_WIDE, WIDTHS

#: characters that are one cell wide without a look-up (rich's ``_SINGLE_CELLS``): a text
#: of these only is as wide as it is long
_NOT_SINGLE = re.compile("[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u2500-\u25fc\u2800-\u28ff]")
#: what rich's ``Text`` removes from any text it is given: BEL, BS, VT, FF, CR
_STRIP = dict.fromkeys((7, 8, 11, 12, 13))
#: a word and the whitespace around it, as rich's ``divide_line`` reads them
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")
_ZWJ, _VS16 = "\u200d", "\ufe0f"
_STARTS = [start for start, _end, _width in WIDTHS]


@cache
def _char_width(char: str) -> int:
    """The cells one character takes (rich's ``get_character_cell_size``)."""
    code = ord(char)
    if 0 < code < 32 or 0x7F <= code < 0xA0:
        return 0
    i = bisect_right(_STARTS, code) - 1
    if i >= 0 and code <= WIDTHS[i][1]:
        return WIDTHS[i][2]
    return 1


def cell_len(text: str) -> int:
    """The cells a text takes in the terminal (rich's ``cell_len``).

    >>> cell_len("cliënt"), cell_len("日本"), cell_len("e\\u0301")
    (6, 4, 1)
    """
    if not _NOT_SINGLE.search(text):
        return len(text)
    if _ZWJ not in text and _VS16 not in text:
        return sum(map(_char_width, text))
    total, last, i = 0, "", 0
    while i < len(text):
        char = text[i]
        if char == _ZWJ:
            i += 1  # the next character joins the one before: it adds nothing
        elif char == _VS16:
            if last:
                total += last in NARROW_TO_WIDE
                last = ""
        elif width := _char_width(char):
            last = char
            total += width
        i += 1
    return total


def _graphemes(text: str) -> tuple[list[tuple[int, int, int]], int]:
    """(start, end, cells) of each grapheme, and the cells of the whole text (rich's
    ``split_graphemes``): a zero-width character belongs to the grapheme before it, a zero
    width joiner takes the next character into it too."""
    spans: list[tuple[int, int, int]] = []
    total, last, i, n = 0, "", 0, len(text)
    while i < n:
        char = text[i]
        if char in (_ZWJ, _VS16):
            if not spans:
                spans.append((i, i + 1, 0))
                i += 1
                continue
            start, _end, cells = spans[-1]
            if char == _ZWJ:
                i += 2 if i < n - 1 else 1
            else:
                i += 1
                if last and last in NARROW_TO_WIDE:
                    last = ""
                    cells += 1
                    total += 1
            spans[-1] = (start, i, cells)
            continue
        if width := _char_width(char):
            last = char
            spans.append((i, i + 1, width))
            total += width
        elif spans:
            start, _end, cells = spans[-1]
            spans[-1] = (start, i + 1, cells)
        else:
            spans.append((i, i + 1, 0))
        i += 1
    return spans, total


def _left_of(text: str, position: int) -> str:
    """The text up to a cell position; a character the position cuts becomes a space
    (rich's ``_split_text``, its left part)."""
    if position <= 0:
        return ""
    spans, cells = _graphemes(text)
    offset = int((position / cells) * len(spans))
    left = sum(span[2] for span in spans[:offset])
    while True:
        if left == position:
            return text if offset >= len(spans) else text[: spans[offset][0]]
        if left < position:
            start, _end, size = spans[offset]
            if left + size > position:
                return text[:start] + " "
            offset += 1
            left += size
        else:
            start, _end, size = spans[offset - 1]
            if left - size < position:
                return text[:start] + " "
            offset -= 1
            left -= size


def _set_cell_size(text: str, total: int) -> str:
    """The text cropped or padded with spaces to ``total`` cells (rich's ``set_cell_size``)."""
    if not _NOT_SINGLE.search(text):
        return text + " " * (total - len(text)) if len(text) < total else text[:total]
    if total <= 0:
        return ""
    cells = cell_len(text)
    if cells < total:
        return text + " " * (total - cells)
    return text if cells == total else _left_of(text, total)


def _chop(text: str, width: int) -> list[str]:
    """A word folded into pieces of at most ``width`` cells (rich's ``chop_cells``)."""
    if not _NOT_SINGLE.search(text):
        return [text[i : i + width] for i in range(0, len(text), width)]
    lines: list[str] = []
    cells, offset = 0, 0
    for start, _end, size in _graphemes(text)[0]:
        if cells + size > width:
            lines.append(text[offset:start])
            offset, cells = start, 0
        cells += size
    if cells:
        lines.append(text[offset:])
    return lines


def _breaks(line: str, width: int, measure: Callable[[str], int] = cell_len) -> list[int]:
    """Where a line breaks to fit ``width`` (rich's ``divide_line``, folding). ``measure``:
    ``len`` for a line of one-cell characters only."""
    breaks: list[int] = []
    cells = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = measure(word.rstrip())
        if width - cells >= length:
            cells += measure(word)
        elif length > width:
            pieces = _chop(word, width)
            for i, piece in enumerate(pieces, 1):
                if start:
                    breaks.append(start)
                if i == len(pieces):
                    cells = measure(piece)
                else:
                    start += len(piece)
        elif cells and start:
            breaks.append(start)
            cells = measure(word)
    return breaks


def _expand_tabs(line: str) -> str:
    """Tabs as spaces up to the next multiple of 8 cells (rich's ``Text.expand_tabs``)."""
    parts = line.split("\t")
    out, cells = [], 0
    for part in parts[:-1]:
        part += " "
        cells += cell_len(part)
        if rest := cells % 8:
            part += " " * (8 - rest)
            cells += 8 - rest
        out.append(part)
    out.append(parts[-1])
    return "".join(out)


def _truncate(text: str, width: int, pad: bool = False) -> str:
    cells = cell_len(text)
    if cells > width:
        text = _set_cell_size(text, width)
    if pad and cells < width:
        text += " " * (width - cells)
    return text


def _fit(text: str, width: int) -> tuple[str, int]:
    """A line padded or cropped to ``width`` cells, and its cells as rich counts them, by
    piece: the text, then the spaces added (rich's ``Segment.adjust_line_length``)."""
    cells = cell_len(text)
    if cells < width:
        return text + " " * (width - cells), width
    if cells > width:
        text = _set_cell_size(text, width)
        return text, cell_len(text)
    return text, cells


def wrap(text: str, width: int, right: bool = False) -> list[str]:
    """A text's lines in a column ``width`` cells wide, justified left (padded to the width)
    or right (rich's ``Text.wrap`` with ``overflow="fold"``).

    >>> wrap("herstelondersteunende zorg", 10)
    ['herstelond', 'ersteunend', 'e zorg    ']
    >>> wrap("12", 4, right=True)
    ['  12']
    """
    if not _NOT_SINGLE.search(text):
        return _wrap_single(text, width, right)
    lines = []
    for line in text.translate(_STRIP).split("\n"):
        if "\t" in line:
            line = _expand_tabs(line)
        ends = [0, *_breaks(line, width), len(line)]
        for start, end in pairwise(ends):
            piece = line[start:end]
            if len(piece) > width and (space := _TRAILING_SPACE.search(piece)):
                piece = piece[: -min(len(space.group()), len(piece) - width)]
            if right:
                piece = _truncate(piece.rstrip(), width)
                piece = " " * (width - cell_len(piece)) + piece
            else:
                piece = _truncate(piece, width, pad=True)
            lines.append(_truncate(piece, width))
    return lines


def _wrap_single(text: str, width: int, right: bool) -> list[str]:
    """``wrap`` for a text of one-cell characters only (no control character, tab or line
    break, nothing wide or combining): its cells are its length, so no character is looked
    up. Most cells of a Dutch table are such texts; each line is exactly ``width`` long."""
    if len(text) <= width:  # no break: every word fits
        if right:
            text = text.rstrip()
            return [" " * (width - len(text)) + text]
        return [text + " " * (width - len(text))]
    lines = []
    for start, end in pairwise([0, *_breaks(text, width, len), len(text)]):
        piece = text[start:end]
        if len(piece) > width and (space := _TRAILING_SPACE.search(piece)):
            piece = piece[: -min(len(space.group()), len(piece) - width)]
        if right:
            piece = piece.rstrip()[:width]
            lines.append(" " * (width - len(piece)) + piece)
        else:
            lines.append(piece[:width] + " " * (width - len(piece)))
    return lines


#: rich's HEAVY_HEAD box: (left, line, divider, right) of the top, the header row, the rule
#: under it, the body rows and the bottom
_TOP, _HEAD, _RULE, _BODY, _BOTTOM = "┏━┳┓", "┃ ┃┃", "┡━╇┩", "│ ││", "└─┴┘"


def draw(
    title: str,
    heads: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    right: Sequence[bool],
    padding: int = 1,
) -> str:
    """The table as text: the title, a header row, one row per entry of ``rows``, each
    column ``widths[i]`` cells wide inside ``padding`` spaces on either side (``right``:
    right-justified). Every line is right-stripped, as ``to_table`` printed rich's (a line
    separator inside a cell, U+2028 and the like, ends a line there too).

    >>> print(draw("Titel", ["a", "n"], [["x y", "12"]], [3, 2], [False, True]), end="")
    Titel
    ┏━━━━━┳━━━━┓
    ┃ a   ┃  n ┃
    ┡━━━━━╇━━━━┩
    │ x y │ 12 │
    └─────┴────┘
    """
    if not widths:  # rich draws a table without columns as one empty line, title and all
        return "\n"
    outer = [(w + 2 * padding) or 1 for w in widths]
    inner = [w - 2 * padding for w in outer]
    total = sum(outer) + len(outer) + 1
    pad = " " * padding
    out = []
    if title.translate(_STRIP):
        out += wrap(title, total)

    def row(texts: Sequence[str], box: str, bottom: bool) -> None:
        cells = []
        for text, w, o, r in zip(texts, inner, outer, right, strict=True):
            if not _NOT_SINGLE.search(text):  # its lines are w long already
                trail = pad + " " * (o - 2 * padding - w)
                cells.append([pad + line + trail for line in _wrap_single(text, w, r)])
                continue
            lines = []
            for line in wrap(text, w, r):
                line, cells_in = _fit(line, w)
                if cells_in + 2 * padding <= o:
                    lines.append(pad + line + pad + " " * (o - 2 * padding - cells_in))
                # a line still wider than its column (rich measures some joiners two ways):
                # rich crops [pad, line, pad] as one, so the right padding goes first
                elif cells_in + padding < o:
                    lines.append(pad + line + " " * (o - padding - cells_in))
                else:
                    lines.append(pad + _set_cell_size(line, o - padding))
            cells.append(lines)
        height = max(len(lines) for lines in cells)
        for lines, o in zip(cells, outer, strict=True):
            blank = [" " * o] * (height - len(lines))
            lines[:] = blank + lines if bottom else lines + blank
        for i in range(height):
            out.append(box[0] + box[2].join(lines[i] for lines in cells) + box[3])

    def rule(box: str) -> None:
        out.append(box[0] + box[2].join(box[1] * o for o in outer) + box[3])

    rule(_TOP)
    row(heads, _HEAD, bottom=True)
    rule(_RULE)
    for texts in rows:
        row(texts, _BODY, bottom=False)
    rule(_BOTTOM)
    lines = "".join(f"{line}\n" for line in out).splitlines()
    return "\n".join(line.rstrip() for line in lines) + "\n"
