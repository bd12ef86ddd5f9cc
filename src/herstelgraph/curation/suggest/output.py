"""Writing suggestions: CSV and XLSX (formula cells neutralised), SSSOM ("predicted"
candidates for the review queue) and the filled copy of a curriculum sheet.

Every file is written atomically (``io.atomic``): a failed write leaves no half file. CSV and
XLSX go through the project's one spreadsheet writer (``io.tables``): a cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so no text from a framework
or a user's sheet runs as a formula; CSV has a BOM and CRLF, a workbook typed numbers and
fixed dates.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Sequence
from pathlib import Path

from ...errors import InputError
from ...vocab import PREFIXES
from .fuse import Candidate, Settings

COLUMNS = (
    "source_id",
    "source_label",
    "rank",
    "target_id",
    "target_label",
    "target_framework",
    "score",
    "semantic",
    "bm25",
    "fuzzy",
    "relation",
    "good",
    "matched",
)
SUGGESTED = "[suggestie]"  # marks a filled cell: not an ID, so it cannot be imported as one
NO_GOOD = "[suggestie] geen goede match"


def safe_cell(value) -> str:
    """A cell's text with formula starts neutralised ('=1+1' -> \"'=1+1\")."""
    from ...io.tables import neutralise

    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        value = " | ".join(str(v) for v in value)
    return neutralise(str(value))


def _cell(value):
    """A cell for io.tables: numbers stay numbers (io.tables neutralises the texts)."""
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, tuple | list):
        return " | ".join(str(v) for v in value)
    return str(value)


def _rows(cands: Sequence[Candidate], columns=COLUMNS) -> list[list]:
    return [[_cell(getattr(c, col)) for col in columns] for c in cands]


def to_csv(cands: Sequence[Candidate], columns=COLUMNS) -> str:
    """CSV for spreadsheets (io.tables): BOM, CRLF, formula starts neutralised."""
    from ...io.tables import csv_text

    return csv_text(columns, _rows(cands, columns))


def write_xlsx(path: Path, header: Sequence[str], rows: Sequence[Sequence], title="suggestions"):
    """One sheet (io.tables: texts neutralised and never formulas, numbers typed, the same
    bytes on every run), written atomically."""
    from ...io.atomic import write_bytes
    from ...io.tables import Sheet, xlsx_bytes

    sheet = Sheet(
        title, tuple(str(h) for h in header), tuple(tuple(_cell(v) for v in r) for r in rows)
    )
    write_bytes(Path(path), xlsx_bytes([sheet]))


def write_candidates(path: Path, cands: Sequence[Candidate], fmt: str, **sssom_kw) -> None:
    from ...io.atomic import write_text

    guard_not_curated(path)
    if fmt == "xlsx":
        write_xlsx(path, COLUMNS, [[getattr(c, col) for col in COLUMNS] for c in cands])
    elif fmt == "sssom":
        write_text(Path(path), to_sssom(cands, **sssom_kw))
    elif fmt == "csv":
        write_text(Path(path), to_csv(cands))
    else:
        raise InputError(f"cannot write format {fmt!r} to a file; use csv, xlsx or sssom")


def guard_not_curated(path: Path) -> None:
    """Candidates never go where curated mappings live."""
    from ...resources import data_dir

    target = Path(path).resolve()
    curated = data_dir("mappings").resolve()
    if target == curated or curated in target.parents:
        raise InputError(
            f"{path}: that is the folder of curated mappings; suggestions are not curated, "
            "write them elsewhere (e.g. predicted/)"
        )


# ----------------------------------------------------------------------------- SSSOM
SSSOM_COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "subject_source",
    "object_source",
    "mapping_tool",
    "mapping_tool_version",
    "mapping_date",
    "similarity_score",
    "similarity_measure",
    "match_string",
    "comment",
)
_SLUG = re.compile(r"[^A-Za-z0-9._-]+")


def _yaml(text: str) -> str:
    """Text for a single-quoted YAML scalar."""
    return text.replace("'", "''").replace("\n", " ")


def _curie(ident: str, local_prefix: str) -> str:
    """A CURIE for SSSOM: project CURIEs as they are, anything else under ``local_prefix``."""
    from ...ids import compact, expand, is_iri

    if expand(ident):
        return ident
    if is_iri(ident):
        c = compact(ident)
        if c != ident:
            return c
    return f"{local_prefix}:{_SLUG.sub('-', ident).strip('-') or 'x'}"


def sssom_rows(cands: Sequence[Candidate], include_weak: bool = False) -> list[Candidate]:
    """The candidates ``to_sssom`` writes: those at or above the line, unless ``include_weak``."""
    return [c for c in cands if c.good or include_weak]


def to_sssom(
    cands: Sequence[Candidate],
    *,
    name: str = "suggestions",
    settings: Settings | None = None,
    subject_source: str | None = None,
    local_base: str | None = None,
    include_weak: bool = False,
) -> str:
    """An SSSOM TSV of candidates, marked as predicted (not reviewed) for the review queue.

    Only candidates at or above the threshold (``good``) are written unless
    ``include_weak``. ``similarity_score`` is the fused score, ``match_string`` the shared
    words. Subjects that are not project items (learning outcomes, a user's items) get
    CURIEs under the prefix ``local`` (``local_base``, default a profile namespace)."""
    from ..._version import __version__
    from ..sssom import SCHEME_OF

    settings = settings or Settings()
    local_base = local_base or PREFIXES["hgp"] + _SLUG.sub("-", name).strip("-") + "/"
    today = datetime.date.today().isoformat()
    used = {"skos", "semapv", "sssom", "local"}
    rows = []
    for c in sssom_rows(cands, include_weak):
        subject = _curie(c.source_id, "local")
        obj = _curie(c.target_id, "local")
        used.update(x.split(":", 1)[0] for x in (subject, obj))
        obj_source = SCHEME_OF.get(c.target_framework, "")
        if obj_source:
            used.add(obj_source.split(":")[0])
        rows.append(
            {
                "subject_id": subject,
                "subject_label": c.source_label,
                "predicate_id": c.relation,
                "object_id": obj,
                "object_label": c.target_label,
                "mapping_justification": c.justification,
                "subject_source": subject_source or "",
                "object_source": obj_source,
                "mapping_tool": "herstelgraph suggest",
                "mapping_tool_version": __version__,
                "mapping_date": today,
                "similarity_score": f"{c.score:.4f}",
                "similarity_measure": settings.measure,
                "match_string": "|".join(c.matched),
                "comment": f"predicted, not reviewed (rank {c.rank})",
            }
        )
    prefixes = {p: PREFIXES[p] for p in PREFIXES if p in used}
    prefixes["local"] = local_base
    meta = [
        "# curie_map:",
        *(f"#   {p}: {ns}" for p, ns in prefixes.items()),
        f"# mapping_set_id: {local_base}predicted.sssom.tsv",
        f"# mapping_set_title: '{_yaml(f'herstelgraph suggest, predicted candidates ({name})')}'",
        "# mapping_set_description: 'Candidates predicted by herstelgraph suggest; NOT reviewed "
        "and not curated mappings. Review them before use.'",
        "# license: https://creativecommons.org/licenses/by/4.0/",
        "# mapping_tool: herstelgraph suggest",
        f"# mapping_tool_version: {__version__}",
        f"# mapping_date: {today}",
    ]
    buf = io.StringIO()
    buf.write("\n".join(meta) + "\n")
    w = csv.DictWriter(buf, SSSOM_COLUMNS, delimiter="\t", lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


# ------------------------------------------------------------------- filled sheet copy
def fill_sheet(sheet, cands: Sequence[Candidate], output: Path, top: int = 3) -> int:
    """A copy of the curriculum sheet with the empty aligned-items cells filled with the
    good candidates, marked ``[suggestie]`` (so 'curriculum import' refuses them until a
    person removes the mark), and a column with their labels and scores. The input is
    never overwritten. Returns the number of cells filled."""
    output = Path(output)
    guard_not_curated(output)
    if output.resolve() == Path(sheet.path).resolve():
        raise InputError(f"{output}: that is the input sheet; write the copy to another file")
    by_row: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.source_row is not None:
            by_row.setdefault(c.source_row, []).append(c)
    header = list(sheet.header)
    ids_col = sheet.ids_col
    if ids_col is None:
        header.append("aligned item IDs")
        ids_col = len(header) - 1
    header.append("suggestion note")
    rows, filled = [], 0
    for n, cells in sheet.rows:
        row = list(cells) + [""] * (len(header) - len(cells))
        row = row[: len(header)]
        note = ""
        if not row[ids_col].strip() and n in by_row and row[sheet.outcome_col].strip():
            good = [c for c in sorted(by_row[n], key=lambda c: c.rank) if c.good][:top]
            if good:
                row[ids_col] = f"{SUGGESTED} " + "; ".join(c.target_id for c in good)
                note = "; ".join(f"{c.target_id} {c.target_label} ({c.score:.2f})" for c in good)
            else:
                row[ids_col] = NO_GOOD
            filled += 1
        row[-1] = note
        rows.append(row)
    if output.suffix.lower() == ".xlsx":
        write_xlsx(output, header, rows, "curriculum")
    else:
        from ...io.atomic import write_text
        from ...io.tables import csv_text

        # the sheet's own delimiter; a BOM and CRLF so Excel reads it right
        write_text(output, csv_text(header, rows, delimiter=sheet.dialect), newline="")
    return filled
