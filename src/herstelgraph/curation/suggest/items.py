"""What is matched: framework items (from the store), a user's own items (SKOS or CSV) and
learning outcomes (a curriculum sheet), each with the texts the methods read.

Candidates are the concepts of a scheme except sections (``hg:Section``), restatements
(``hg:restates``: the same text repeated elsewhere in the source) and the scheme itself.
The texts of an item: its Dutch preferred label, alternative labels, definition, notes
(``skos:scopeNote``/``skos:note`` in Dutch), the verbatim source sentence (``hg:sourceText``)
and its parents' labels (read by ``queries/suggest-texts.rq``); English labels and
definitions, when the store has them, are used beside the Dutch (the embedding model is
multilingual). Curator notes (``skos:editorialNote``)
and mappings are never read: they are curation, not the item's own text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ...vocab import HG, RDF_TYPE

#: how far apart two item types are: items of one level can be close matches
LEVELS = {
    "Competency": "competence",
    "Task": "competence",
    "Skill": "competence",
    "Attitude": "competence",
    "Activity": "activity",
    "KnowledgeItem": "knowledge",
    "ContextStatement": "statement",
    "VisionStatement": "statement",
    "Benefit": "statement",
    "OrganisationalCondition": "statement",
    "QualityRequirement": "statement",
}


@dataclass(frozen=True)
class Item:
    """One text to match: a framework item, a user's item or a learning outcome."""

    id: str
    label: str
    framework: str = ""
    type: str | None = None
    applies_at: str | None = None
    definition: str | None = None
    notes: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    alt_labels: tuple[str, ...] = ()
    label_en: str | None = None
    definition_en: str | None = None
    iri: str | None = None
    row: int | None = None  # the sheet row a learning outcome came from

    @property
    def level(self) -> str | None:
        """The item's granularity (competence, activity, knowledge, statement)."""
        return LEVELS.get(self.type or "")

    def passage(self) -> str:
        """The Dutch text the embedding model reads: label, definition, parents' labels."""
        parts = [self.label]
        if self.definition and self.definition != self.label:
            parts.append(_clip(self.definition, 400))
        text = ". ".join(parts)
        if self.parents:
            text += " (" + "; ".join(self.parents) + ")"
        return text

    def english(self) -> str | None:
        """The English text, when the store has a translation."""
        if not self.label_en:
            return None
        text = self.label_en
        if self.definition_en and self.definition_en != self.label_en:
            text += ". " + _clip(self.definition_en, 400)
        return text

    def document(self) -> str:
        """Everything the lexical ranker indexes (Dutch and English)."""
        parts = [self.label, self.label, *self.alt_labels]  # the label counts twice
        parts += [p for p in (self.definition, self.label_en, self.definition_en) if p]
        parts += [*self.notes, *self.parents]
        return " \n".join(parts)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def framework_items(store, framework: str) -> tuple[Item, ...]:
    """The candidate items of a shipped (or loaded) framework, in a stable order."""
    from ...questions.catalogue import scheme_node

    node = scheme_node(store, framework)
    return _items(store, {"scheme": node})


def _items(store, bindings: dict) -> tuple[Item, ...]:
    from ...ids import compact
    from ...questions.catalogue import framework_id
    from ...store import queries

    spec = queries.get("suggest-texts")  # queries/suggest-texts.rq
    rows = store.select(spec.text, bindings, entailment=spec.entailment)
    acc: dict[str, dict] = {}
    for row in rows:
        iri = row["c"].value
        d = acc.setdefault(
            iri, {"scheme": row["scheme"].value, "nl": {}, "en": {}, "multi": {}, "types": []}
        )
        p, o = row["p"].value, row["o"]
        lang = getattr(o, "language", None)
        name = p.rsplit("#", 1)[-1]
        if p == RDF_TYPE:
            if o.value.startswith(HG) and o.value != HG + "Item":
                d["types"].append(o.value[len(HG) :])
        elif name == "appliesAt":
            d["applies_at"] = o.value.rsplit("#", 1)[-1]
        elif name in ("altLabel", "scopeNote", "note", "sourceText", "broader"):
            if lang in (None, "", "nl") or (name == "broader" and lang is None):
                d["multi"].setdefault(name, set()).add(o.value)
        elif name in ("prefLabel", "definition", "notation"):
            key = "en" if lang == "en" else "nl"
            if lang in (None, "", "nl", "en"):
                d[key].setdefault(name, o.value)
    out = []
    for iri, d in acc.items():
        label = d["nl"].get("prefLabel") or d["en"].get("prefLabel") or d["nl"].get("notation")
        if not label:
            continue
        m = d["multi"]
        out.append(
            Item(
                id=compact(iri),
                iri=iri,
                label=label,
                framework=framework_id(d["scheme"]),
                type=sorted(d["types"])[0] if d["types"] else None,
                applies_at=d.get("applies_at"),
                definition=d["nl"].get("definition"),
                notes=tuple(sorted(m.get("scopeNote", set()) | m.get("note", set())))
                + tuple(sorted(m.get("sourceText", set()))),
                parents=tuple(sorted(m.get("broader", set()))),
                alt_labels=tuple(sorted(m.get("altLabel", set()))),
                label_en=d["en"].get("prefLabel"),
                definition_en=d["en"].get("definition"),
            )
        )
    return tuple(sorted(out, key=lambda i: i.id))


def rdf_items(path: Path) -> tuple[Item, ...]:
    """The concepts of a user's SKOS file (any RDF syntax the store reads)."""
    from ...store.store import Store

    store = Store()
    store.add_file(Path(path))
    items = _items(store, {})
    if not items:
        from ...words import Said

        raise InputError(Said("no-concepts-in", path=str(path)))
    return items


#: header names (lower case, letters only) of a CSV of items
_ID_COLS = ("id", "identifier", "code", "notation", "nummer")
_LABEL_COLS = ("label", "preflabel", "naam", "name", "item", "omschrijving", "titel", "title")
_DEF_COLS = ("definition", "definitie", "description", "beschrijving", "toelichting")


def csv_items(path: Path) -> tuple[Item, ...]:
    """Items from a CSV with an id column, a label column and optionally a definition."""
    header, rows = read_table(path)
    keys = [_key(h) for h in header]

    def col(names):
        return next((i for i, k in enumerate(keys) if k in names), None)

    i_id, i_label, i_def = col(_ID_COLS), col(_LABEL_COLS), col(_DEF_COLS)
    if i_label is None:
        raise InputError(f"{path}:1: no label column; expected one of: {', '.join(_LABEL_COLS)}")
    out = []
    for n, row in rows:
        label = row[i_label].strip() if i_label < len(row) else ""
        if not label:
            continue
        ident = row[i_id].strip() if i_id is not None and i_id < len(row) else ""
        definition = row[i_def].strip() if i_def is not None and i_def < len(row) else ""
        out.append(Item(id=ident or f"row-{n}", label=label, definition=definition or None, row=n))
    if not out:
        raise InputError(f"{path}: no rows with a label under the header")
    return tuple(out)


def user_items(path: Path) -> tuple[Item, ...]:
    """A user's items: a CSV/XLSX sheet, or any RDF file with SKOS concepts."""
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".tsv", ".txt", ".xlsx"):
        return csv_items(path)
    return rdf_items(path)


def _key(header: str) -> str:
    import re

    return re.sub(r"[^a-z]", "", header.lower())


# ------------------------------------------------------------------ curriculum sheets
@dataclass(frozen=True)
class Sheet:
    """A curriculum sheet as read: the header, the rows and where the outcomes are."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number, cells)
    outcome_col: int
    ids_col: int | None
    dialect: str = ","


def read_table(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header and rows of a CSV (UTF-8, delimiter sniffed) or XLSX sheet."""
    header, rows, _ = read_sheet(path)
    return header, rows


def read_sheet(path: Path) -> tuple[list[str], list[tuple[int, list[str]]], str]:
    """Header, rows (with their line numbers) and delimiter of a CSV or XLSX sheet, read by
    the project's one sheet reader (``io.sheets.read_table``: delimiter from the whole file,
    BOM, CRLF, the size cap, encoding errors located)."""
    from ...io.sheets import read_table

    table = read_table(Path(path), expect=("outcome", "ids"))
    rows = [(r.line, list(r.cells)) for r in table.rows]
    return list(table.header), rows, table.delimiter


def read_curriculum(path: Path) -> tuple[Sheet, tuple[Item, ...]]:
    """The learning outcomes of a curriculum sheet (columns as ``curriculum import`` reads
    them: programme, module, learning outcome, aligned item IDs; only the outcome column is
    required here)."""
    from ...io.sheets import COLUMNS

    path = Path(path)
    header, rows, delimiter = read_sheet(path)
    keys = [_key(h) for h in header]
    outcome = next((i for i, k in enumerate(keys) if k in COLUMNS["outcome"]), None)
    ids = next((i for i, k in enumerate(keys) if k in COLUMNS["ids"]), None)
    if outcome is None:
        names = ", ".join(COLUMNS["outcome"])
        raise InputError(f"{path}:1: no learning-outcome column; expected one of: {names}")
    items = []
    for n, row in rows:
        text = row[outcome].strip() if outcome < len(row) else ""
        if text:
            items.append(Item(id=f"row-{n}", label=text, row=n))
    if not items:
        raise InputError(f"{path}: no learning outcomes under the header")
    sheet = Sheet(
        path, tuple(header), tuple((n, tuple(r)) for n, r in rows), outcome, ids, delimiter
    )
    return sheet, tuple(items)


def texts_of(items: Sequence[Item]) -> list[str]:
    return [i.passage() for i in items]
