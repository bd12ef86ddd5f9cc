"""Curriculum import: an institute's spreadsheet (CSV) becomes a hg:Curriculum profile.

Columns (header names are matched loosely, Dutch or English): programme, module, learning
outcome, aligned item IDs. IDs are CURIEs (bk:competentie-02), notations (bk:C2, C2.A3) or
IRIs, several per cell separated by ';', ',' or '|'. Blank programme or module cells repeat
the row above, as in a spreadsheet with merged cells. Every ID is resolved against the graph;
an unknown one names its file, line, row and column.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

from ..errors import InputError, UnknownIdError
from ..io.sheets import COLUMNS
from ..store.store import Store
from ..vocab import PREFIXES

_SPLIT = re.compile(r"[;,|]")


def _key(header: str) -> str:
    return re.sub(r"[^a-z]", "", header.lower())


def slug(text: str) -> str:
    """A readable ASCII IRI segment: 'Ervaringsdeskundigheid 1' -> 'ervaringsdeskundigheid-1'."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-") or "x"


def read_csv(store: Store, path: Path, base: str | None = None, conforms_to: str | None = None):
    """The curriculum (or curricula, one per programme) of a CSV file, as an rdflib graph."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, RDFS

    from ..questions.catalogue import resolve, scheme_node

    path = Path(path)
    hg = PREFIXES["hg"]
    base = base or PREFIXES["hgp"]
    from ..io.inputs import read_text

    text = read_text(path)  # size cap, located encoding errors; protects it from outputs
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise InputError(f"{path}:1: empty file; expected a header row: {_expected()}")
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(text.splitlines(keepends=True), dialect)
    header = next(reader)
    index: dict[str, int] = {}
    for i, name in enumerate(header):
        for col, aliases in COLUMNS.items():
            if _key(name) in aliases and col not in index:
                index[col] = i
    missing = [c for c in COLUMNS if c not in index]
    if missing:
        raise InputError(
            f"{path}:1: header lacks column(s) {', '.join(missing)}; expected: {_expected()}"
        )
    scheme = scheme_node(store, conforms_to) if conforms_to else None
    g = Graph(bind_namespaces="none")
    programmes: dict[str, URIRef] = {}
    modules: dict[tuple, URIRef] = {}
    outcomes: dict[URIRef, int] = {}
    programme = module = ""
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        cells = {c: (row[i].strip() if i < len(row) else "") for c, i in index.items()}
        programme = cells["programme"] or programme
        module = cells["module"] or module
        where = f"{path}:{line}: row {line - 1}"
        if not programme:
            raise InputError(f"{where}, column '{header[index['programme']]}': no programme")
        if not module:
            raise InputError(f"{where}, column '{header[index['module']]}': no module")
        if not cells["outcome"]:
            raise InputError(f"{where}, column '{header[index['outcome']]}': no learning outcome")
        prog = programmes.get(programme)
        if prog is None:
            prog = URIRef(_unique(base + slug(programme), set(map(str, programmes.values()))))
            programmes[programme] = prog
            g.add((prog, RDF.type, URIRef(hg + "Curriculum")))
            g.add((prog, RDFS.label, Literal(programme)))
            if scheme is not None:
                g.add((prog, DCTERMS.conformsTo, URIRef(scheme.value)))
        mod = modules.get((programme, module))
        if mod is None:
            taken = {str(m) for m in modules.values()}
            mod = URIRef(_unique(f"{prog}-{slug(module)}", taken))
            modules[(programme, module)] = mod
            g.add((prog, URIRef(hg + "module"), mod))
            g.add((mod, RDF.type, URIRef(hg + "Module")))
            g.add((mod, RDFS.label, Literal(module)))
        outcomes[mod] = outcomes.get(mod, 0) + 1
        lo = URIRef(f"{mod}-{outcomes[mod]:02d}")
        g.add((mod, URIRef(hg + "learningOutcome"), lo))
        g.add((lo, RDF.type, URIRef(hg + "LearningOutcome")))
        g.add((lo, RDFS.label, Literal(cells["outcome"])))
        for ident in filter(None, (i.strip() for i in _SPLIT.split(cells["ids"]))):
            try:
                node = resolve(store, ident)
            except UnknownIdError as exc:
                hint = f"; did you mean {', '.join(exc.suggestions)}?" if exc.suggestions else ""
                raise InputError(
                    f"{where}, column '{header[index['ids']]}': unknown ID {ident!r}{hint}"
                ) from None
            except InputError as exc:
                raise InputError(f"{where}, column '{header[index['ids']]}': {exc}") from None
            g.add((lo, URIRef(hg + "alignedTo"), URIRef(node.value)))
    if not programmes:
        raise InputError(f"{path}: no data rows under the header")
    return g


def _unique(iri: str, taken: set[str]) -> str:
    n, out = 1, iri
    while out in taken:
        n += 1
        out = f"{iri}-{n}"
    return out


def _expected() -> str:
    return "programme, module, learning outcome, aligned item IDs"


def import_csv(
    store: Store,
    path: Path,
    output: Path,
    base: str | None = None,
    conforms_to: str | None = None,
) -> int:
    """Convert a curriculum CSV to canonical Turtle, written atomically; returns the triples."""
    from ..io.atomic import write_text
    from ..io.serialize import canonical_turtle

    g = read_csv(store, path, base=base, conforms_to=conforms_to)
    write_text(Path(output), canonical_turtle(g))
    return len(g)
