"""Alignment questions over the curated mappings: one function per question."""

from __future__ import annotations

from .catalogue import _run, framework_id, resolve, scheme_node
from .ids import compact
from .model import MappingView
from .store import Store

INVERSE = {
    "skos:broadMatch": "skos:narrowMatch",
    "skos:narrowMatch": "skos:broadMatch",
}
NO_TERM = "https://w3id.org/sssom/NoTermFound"


def _label_index(store: Store, iris: set[str]) -> dict[str, tuple[str, str]]:
    """prefLabel@nl and framework of a set of concepts, in one query."""
    import pyoxigraph as ox

    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    rows = store.select(
        "SELECT ?c ?l ?s WHERE { VALUES ?c { " + values + " } "
        "?c skos:inScheme ?s . OPTIONAL { ?c skos:prefLabel ?l FILTER(LANG(?l) = 'nl') } }"
    )
    return {
        r["c"].value: (r["l"].value if r["l"] else "", framework_id(r["s"].value)) for r in rows
    }


def mappings_of(store: Store, ident: str, to: str | None = None) -> list[MappingView]:
    """Every curated mapping and no-match record of a concept, from its own point of view."""
    node = resolve(store, ident)
    target = scheme_node(store, to).value if to else None
    rows = _run(store, "mappings-of", concept=node)
    others = {
        (r["object"] if r["subject"].value == node.value else r["subject"]).value for r in rows
    }
    labels = _label_index(store, others - {NO_TERM})
    out = []
    for r in rows:
        forward = r["subject"].value == node.value
        other = r["object"].value if forward else r["subject"].value
        relation = compact(r["predicate"].value)
        if other == NO_TERM:
            relation, other_fw, label = "noMatch", framework_id(r["objectSource"].value), ""
        else:
            label, other_fw = labels.get(other, ("", ""))
        if not forward:
            relation = INVERSE.get(relation, relation)
        if target and other_fw != framework_id(target):
            continue
        out.append(
            MappingView(
                concept=compact(node.value),
                relation=relation,
                other=compact(other),
                other_label=label,
                other_framework=other_fw,
                confidence=float(r["confidence"].value) if r["confidence"] else None,
                justification=compact(r["justification"].value) if r["justification"] else None,
                comment=r["comment"].value if r["comment"] else None,
                author=r["authorLabel"].value if r["authorLabel"] else None,
                date=r["date"].value if r["date"] else None,
                strength=compact(r["other"].value) if r["other"] else None,
                record=compact(r["record"].value),
                direction="asserted" if forward else "inverse",
            )
        )
    order = {"skos:exactMatch": 0, "skos:closeMatch": 1, "skos:broadMatch": 2}
    return sorted(out, key=lambda m: (m.other_framework, order.get(m.relation, 3), m.other))
