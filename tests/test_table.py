"""The hand-drawn terminal table (``cli.table``, docs/performance.md decision 30) against the
rich-based one it replaced: the same bytes for generated views (any text: long words,
runs of spaces, line breaks, tabs, wide CJK characters, combining accents, emoji with
joiners and variation selectors, empty cells, numbers), terminal widths of 40 to 200 and
both paddings; and, piece by piece, the same cell widths, folds and wraps as rich's.

rich is in the test extra for this file only: the reference below is the table part of
``render.to_table`` as it was with rich (commit 0a86d8c), which ``to_table`` is given as its
drawer, so both sides share one layout; the package never imports rich.
"""

from __future__ import annotations

import functools
import io

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich._unicode_data import load as rich_cell_table
from rich._wrap import divide_line
from rich.cells import cell_len, chop_cells, get_character_cell_size, set_cell_size

from herstelgraph.cli import _cells, render, table
from herstelgraph.model import QueryResult

#: stable in CI: the same examples every run, no example database
SETTINGS = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ------------------------------------------------------------------ the reference (rich)
def rich_draw(title, heads, rows, widths, right, padding, width=40):
    """The table part of the old ``render.to_table``: rich's Table, as it was called."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    tab = Table(
        title=Text(title),
        show_lines=False,
        header_style="bold",
        title_justify="left",
        padding=(0, padding),
    )
    for i, head in enumerate(heads):
        tab.add_column(
            Text(head),
            overflow="fold",
            justify="right" if right[i] else "left",
            width=widths[i],
        )
    for row in rows:
        tab.add_row(*(Text(v) for v in row))
    console = Console(
        file=io.StringIO(),
        width=max(width, sum(widths) + (2 * padding + 1) * len(widths) + 1),
        color_system=None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(tab)
    out = console.file.getvalue()
    lines = [line.rstrip() for line in out.splitlines()]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------ generated text
#: the characters that make wrapping interesting, beside any character at all
SPECIAL = (
    " ", " ", " ", "\n", "\t", "\xa0", "\u3000", "\u2028", "\u200b", "-", ":", "/",
    "日", "本", "語", "한", "ｱ", "Ａ", "e\u0301", "\u0308", "ë", "é", "—", "’",
    "👍", "\U0001f3fd", "❤\ufe0f", "#\ufe0f", "\u200d", "👩\u200d💻", "\ufe0f", "\r", "\x07",
)  # fmt: skip
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=40)
ANY = st.characters(blacklist_categories=("Cs",))
PIECE = st.one_of(WORD, WORD, st.sampled_from(SPECIAL), st.sampled_from(SPECIAL), ANY)
TEXT = st.lists(PIECE, max_size=30).map("".join)
#: prose of one-cell characters only, as most Dutch cells are (``table._wrap_single``)
PROSE = st.tuples(
    st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzëéï.,()'-", min_size=1, max_size=25)),
    st.sampled_from([" ", "  ", " - "]),
    st.sampled_from(["", " ", "   "]),
).map(lambda t: t[2] + t[1].join(t[0]) + t[2][:1])
NUMBER = st.one_of(st.integers(-(10**9), 10**12), st.floats(-1e6, 1e6, allow_nan=False))


@st.composite
def views(draw):
    """A table as a verb could give it: 1-9 columns of texts, numbers or both, and gaps."""
    n = draw(st.integers(1, 9))
    names = draw(st.lists(st.one_of(TEXT, WORD), min_size=n, max_size=n, unique=True))
    kinds = draw(
        st.lists(st.sampled_from(["text", "number", "mixed", "ids"]), min_size=n, max_size=n)
    )
    values = {
        "text": st.one_of(TEXT, PROSE, st.none(), st.just("")),
        "number": st.one_of(NUMBER, st.none()),
        "mixed": st.one_of(TEXT, PROSE, NUMBER, st.none(), st.booleans()),
        "ids": st.builds(lambda w, i: f"bk:{w}-{i:02}", WORD, st.integers(0, 99)),
    }
    rows = draw(st.lists(st.tuples(*(values[k] for k in kinds)), min_size=1, max_size=12))
    title = draw(st.one_of(WORD, TEXT, st.text(max_size=300)))
    note = draw(st.one_of(st.none(), TEXT))
    view = render.View(
        QueryResult(tuple(names), tuple(rows)), title, words=draw(st.booleans()), note=note
    )
    p = render.Presenter(draw(st.sampled_from(["nl", "en"])), verbose=draw(st.booleans()))
    return view, p


def test_a_line_wider_than_its_column_is_cropped_as_rich_crops_it():
    """Two leading zero-width joiners: rich's wrap leaves a line of 12 cells in an 11-cell
    column and crops the padded line as one, so the right padding goes (found by the test
    below in one order of a run)."""
    view = render.View(
        QueryResult(("", "a", "aaa", "aaaaaaaaaaaa"), (("", "\u200d\u200daaaaaaaaaaa0", "", ""),)),
        "a",
        words=False,
    )
    p = render.Presenter("nl", verbose=True)
    reference = functools.partial(rich_draw, width=40)
    assert render.to_table(view, p, width=40) == render.to_table(view, p, width=40, draw=reference)


@settings(SETTINGS, max_examples=400)
@given(views(), st.integers(40, 200))
def test_a_view_is_drawn_as_rich_drew_it(view_p, width):
    view, p = view_p
    reference = functools.partial(rich_draw, width=width)  # the old to_table's rich part
    assert render.to_table(view, p, width=width) == render.to_table(
        view, p, width=width, draw=reference
    )


@st.composite
def tables(draw):
    """Any table the drawer may get: narrow or wide columns, either padding, any title."""
    n = draw(st.integers(1, 6))
    widths = draw(st.lists(st.integers(1, 30), min_size=n, max_size=n))
    heads = draw(st.lists(st.one_of(TEXT, WORD), min_size=n, max_size=n))
    cell = st.one_of(TEXT, PROSE)
    rows = draw(st.lists(st.lists(cell, min_size=n, max_size=n), max_size=6))
    right = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    title = draw(st.one_of(st.just(""), WORD, TEXT, st.text(max_size=200)))
    return title, heads, rows, widths, right, draw(st.sampled_from([0, 1]))


@settings(SETTINGS, max_examples=400)
@given(tables())
@example(("A title much longer than the narrow table under it", ["a"], [["b"]], [1], [False], 1))
@example(("", ["aantal"], [["12"], ["3"]], [2], [True], 0))
@example(("t", ["日本語"], [["日本語 x"]], [1], [False], 1))  # wide in a 1-cell column
def test_a_table_is_drawn_as_rich_drew_it(args):
    assert table.draw(*args) == rich_draw(*args)


# ------------------------------------------------------------------ the pieces, one by one
def test_the_cell_widths_are_richs():
    """``_cells.py`` is rich's table (else: ``python tools/dev.py cells``), and the
    characters measured without it are one cell wide there too."""
    rich_table = rich_cell_table("latest")
    assert _cells.WIDTHS == tuple(rich_table.widths)
    assert frozenset(_cells.NARROW_TO_WIDE) == rich_table.narrow_to_wide
    assert _cells.UNICODE_VERSION == rich_table.unicode_version
    single = "".join(map(chr, range(0x20, 0x2900)))
    assert all(table.cell_len(c) == cell_len(c) for c in single if not table._NOT_SINGLE.search(c))


def test_every_character_is_as_wide_as_rich_says():
    """Every code point, one by one."""
    for code in range(0x110000):
        char = chr(code)
        assert table._char_width(char) == get_character_cell_size(char, "latest"), hex(code)


@settings(SETTINGS, max_examples=500)
@given(TEXT, st.integers(1, 12))
def test_widths_folds_and_crops_are_richs(text, width):
    assert table.cell_len(text) == cell_len(text)
    word = text.strip() or "x"
    assert table._chop(word, width) == chop_cells(word, width)
    assert table._set_cell_size(text, width) == set_cell_size(text, width)
    line = text.replace("\n", " ")
    assert table._breaks(line, width) == divide_line(line, width, fold=True)


@settings(SETTINGS, max_examples=500)
@given(TEXT, st.integers(1, 40), st.booleans())
def test_a_wrap_is_richs(text, width, right):
    from rich.console import Console
    from rich.text import Text

    console = Console(file=io.StringIO(), width=200, color_system=None)
    lines = Text(text).wrap(console, width, justify="right" if right else "left", overflow="fold")
    assert table.wrap(text, width, right) == [line.plain for line in lines]


def test_the_shipped_tables_draw_without_rich():
    """Nothing the package imports for a table is rich."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from herstelgraph.cli import render\n"
        "from herstelgraph.model import QueryResult\n"
        "v = render.View(QueryResult(('a', 'n'), (('x y', 1),)), 't')\n"
        "render.to_table(v, render.Presenter('nl'), width=60)\n"
        "assert not [m for m in sys.modules if m == 'rich' or m.startswith('rich.')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
