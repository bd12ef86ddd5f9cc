"""Curriculum import: an institute's spreadsheet (CSV or XLSX) becomes a hg:Curriculum profile.

Columns (``io.sheets``: header names matched loosely, Dutch or English): opleiding /
programme, module, leeruitkomst / learning outcome, competenties / aligned items. IDs are
CURIEs (bk:competentie-02), notations (bk:C2, C2.A3, K12) or IRIs, in any case, several per
cell separated by ';', ',', '|' or spaces. Blank programme or module cells repeat the row
above, as in a spreadsheet with merged cells. Every ID is resolved against the graph; a
notation that several frameworks use (C2) is ambiguous unless a framework is named
(``framework``, else the one the curriculum claims, ``conforms_to``).

Every problem of every row is collected and raised together (:class:`SheetError`): the row,
the column, the value and what to do. A row with more cells than the header has columns is
a problem (its last cell was split at a delimiter: the rest would be lost), never dropped.
A row with no learning outcome and nothing else is left out with a warning naming its row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..errors import AmbiguousIdError, InputError, SheetError, SheetProblem, UnknownIdError
from ..io.sheets import COLUMNS, Table, delimiter_name, find_columns, read_table, split_ids
from ..store.store import Queryable
from ..vocab import FRAMEWORK_PREFIXES, PREFIXES
from ..words import Said

#: the sheet's columns, in the order a curriculum sheet has them
CURRICULUM_COLUMNS = ("programme", "module", "outcome", "ids")


def slug(text: str) -> str:
    """A readable ASCII IRI segment: 'Ervaringsdeskundigheid 1' -> 'ervaringsdeskundigheid-1'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


@dataclass(frozen=True)
class OutcomeRow:
    """One learning outcome as the sheet gives it, with the items its IDs resolved to."""

    programme: str
    module: str
    outcome: str
    ids: tuple[str, ...]  # as written
    items: tuple[str, ...]  # the resolved IRIs, in the order written
    line: int
    row: int


@dataclass(frozen=True)
class CurriculumSheet:
    """A curriculum sheet read and resolved: its outcomes, and the warnings said."""

    table: Table
    outcomes: tuple[OutcomeRow, ...]
    warnings: tuple[str, ...]


def framework_prefix(store: Queryable, framework: str) -> str | None:
    """The CURIE prefix of a framework name (bk-0597-1 -> 'bk'), if it has one."""
    from ..questions.catalogue import scheme_node

    scheme = scheme_node(store, framework).value
    return next((p for p in FRAMEWORK_PREFIXES if PREFIXES[p] + "scheme" == scheme), None)


def resolve_id(store: Queryable, ident: str, prefix: str | None = None):
    """An ID of a sheet cell as a concept node; ``prefix`` (a framework's) is tried first for
    an ID without one, so 'C2' under BK-0597-1 is bk:C2, not ambiguous."""
    from ..questions.catalogue import resolve

    if prefix and ":" not in ident:
        try:
            return resolve(store, f"{prefix}:{ident}")
        except UnknownIdError:
            pass  # not a notation of that framework: an ID of another one?
    return resolve(store, ident)


def read_sheet(
    store: Queryable,
    path: Path,
    *,
    framework: str | None = None,
    conforms_to: str | None = None,
    warn: bool = True,
) -> CurriculumSheet:
    """Read, check and resolve a curriculum sheet; raises SheetError with every problem."""
    from ..io import inputs

    path = Path(path)
    table = read_table(path, expect=CURRICULUM_COLUMNS, collect=True)
    index = find_columns(table, CURRICULUM_COLUMNS, required=CURRICULUM_COLUMNS)
    prefix = None
    if framework or conforms_to:
        prefix = framework_prefix(store, framework or conforms_to or "")
    # a formula cell without a stored value is said with the other problems, not alone
    problems: list[SheetProblem] = list(table.problems)
    warnings: list[Said] = []
    outcomes: list[OutcomeRow] = []
    resolved: dict[str, object] = {}
    width = len(table.header)
    other = {",": "';'", ";": "','", "\t": "';'"}[table.delimiter] if table.kind == "csv" else ""
    programme = module = ""
    for row in table.rows:
        extra = [c for c in row.cells[width:] if c.strip()]
        if extra:
            last = width - 1
            problems.append(
                table.problem(
                    row,
                    width,
                    table.delimiter.join(row.cells[last:]).strip(table.delimiter),
                    Said(
                        "split_cell",
                        cells=len(row.cells),
                        width=width,
                        delimiter=delimiter_name(table.delimiter),
                        extra=", ".join(repr(c.strip()) for c in extra),
                        other=other,
                    ),
                )
            )
        cells = {c: row.cell(i).strip() for c, i in index.items()}
        programme = cells["programme"] or programme
        module = cells["module"] or module
        if not cells["outcome"]:
            if cells["ids"]:
                problems.append(
                    table.problem(
                        row,
                        index["outcome"],
                        "",
                        Said("ids_without_outcome", ids=cells["ids"]),
                    )
                )
            else:
                warnings.append(Said("no_outcome", path=path, line=row.line, row=row.row))
            continue
        if not programme:
            problems.append(table.problem(row, index["programme"], "", Said("no_programme")))
        if not module:
            problems.append(table.problem(row, index["module"], "", Said("no_module")))
        ids = split_ids(cells["ids"])
        items: list[str] = []
        for ident in ids:
            if ident not in resolved:
                try:
                    resolved[ident] = resolve_id(store, ident, prefix).value
                except InputError as exc:  # unknown, ambiguous or not an ID at all
                    resolved[ident] = exc
            found = resolved[ident]
            if isinstance(found, str):
                items.append(found)
                continue
            message: str
            if isinstance(found, AmbiguousIdError):
                message = Said(
                    "ambiguous_id", n=len(found.choices), choices=", ".join(found.choices)
                )
            elif isinstance(found, UnknownIdError):
                message = (
                    Said("unknown_id_like", suggestions=", ".join(found.suggestions))
                    if found.suggestions
                    else Said("unknown_id")
                )
            else:
                message = str(found)
            problems.append(table.problem(row, index["ids"], ident, message))
        outcomes.append(
            OutcomeRow(
                programme, module, cells["outcome"], tuple(ids), tuple(items), row.line, row.row
            )
        )
    if problems:
        # one problem per cell: a formula cell read as empty is not also "missing"
        seen: set[tuple[int, int | None]] = set()
        kept = []
        for p in problems:
            if (p.row, p.column) not in seen:
                seen.add((p.row, p.column))
                kept.append(p)
        raise SheetError(path, sorted(kept, key=lambda p: (p.row, p.column or 0)))
    if not outcomes:
        raise InputError(Said("no_outcomes", path=path))
    if warn:
        for message in warnings:
            inputs.warn(message)
    return CurriculumSheet(table, tuple(outcomes), tuple(warnings))


def to_graph(sheet: CurriculumSheet, base: str | None = None, conforms_to=None):
    """The curricula (one per programme) of a read sheet, as an rdflib graph."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS

    hg = PREFIXES["hg"]
    base = base or PREFIXES["hgp"]
    g = Graph(bind_namespaces="none")
    programmes: dict[str, URIRef] = {}
    modules: dict[tuple, URIRef] = {}
    count: dict[URIRef, int] = {}
    for o in sheet.outcomes:
        prog = programmes.get(o.programme)
        if prog is None:
            prog = URIRef(_unique(base + slug(o.programme), set(map(str, programmes.values()))))
            programmes[o.programme] = prog
            g.add((prog, RDF.type, URIRef(hg + "Curriculum")))
            g.add((prog, RDFS.label, Literal(o.programme)))
            if conforms_to is not None:
                g.add((prog, DCTERMS.conformsTo, URIRef(conforms_to.value)))
        mod = modules.get((o.programme, o.module))
        if mod is None:
            taken = {str(m) for m in modules.values()}
            mod = URIRef(_unique(f"{prog}-{slug(o.module)}", taken))
            modules[(o.programme, o.module)] = mod
            g.add((prog, URIRef(hg + "module"), mod))
            g.add((mod, RDF.type, URIRef(hg + "Module")))
            g.add((mod, RDFS.label, Literal(o.module)))
        count[mod] = count.get(mod, 0) + 1
        lo = URIRef(f"{mod}-{count[mod]:02d}")
        g.add((mod, URIRef(hg + "learningOutcome"), lo))
        g.add((lo, RDF.type, URIRef(hg + "LearningOutcome")))
        g.add((lo, RDFS.label, Literal(o.outcome)))
        for item in o.items:
            g.add((lo, URIRef(hg + "alignedTo"), URIRef(item)))
    return g


def read_csv(
    store: Queryable,
    path: Path,
    base: str | None = None,
    conforms_to: str | None = None,
    framework: str | None = None,
):
    """The curriculum (or curricula, one per programme) of a CSV or XLSX sheet, as an rdflib
    graph (the name is kept from when only CSV was read)."""
    from ..questions.catalogue import scheme_node

    scheme = scheme_node(store, conforms_to) if conforms_to else None
    sheet = read_sheet(store, path, framework=framework, conforms_to=conforms_to)
    return to_graph(sheet, base, scheme)


read_curriculum = read_csv


def _unique(iri: str, taken: set[str]) -> str:
    n, out = 1, iri
    while out in taken:
        n += 1
        out = f"{iri}-{n}"
    return out


def import_csv(
    store: Queryable,
    path: Path,
    output: Path,
    base: str | None = None,
    conforms_to: str | None = None,
    framework: str | None = None,
) -> int:
    """Convert a curriculum sheet to canonical Turtle, written atomically; returns the triples."""
    from ..io.atomic import write_text
    from ..io.serialize import canonical_turtle

    g = read_csv(store, path, base=base, conforms_to=conforms_to, framework=framework)
    write_text(Path(output), canonical_turtle(g))
    return len(g)


__all__ = ["COLUMNS", "CurriculumSheet", "OutcomeRow", "import_csv", "read_csv", "read_sheet"]
