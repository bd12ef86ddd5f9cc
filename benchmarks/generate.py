"""Deterministic framework-shaped test data at a given scale (1x = the shipped graph's size).

Shape (after docs/performance.md, "Anchors"): 4 schemes of 5 levels (section →
competency → activity → knowledge → detail), every concept with nl and en labels, a notation,
a source section, broader/narrower; cross-scheme skos mappings (30,000 at 50x) of which one in
ten carries a full SSSOM record (as the shipped mappings do), plus reviewed no-match records;
and person profiles (2,000 at 50x) pointing at random concepts. At 50x: about 15,000 concepts.
What the alignment questions select on is there too: every non-section concept is typed
hg:Item, activities name the knowledge they require (hg:requiresKnowledge, for hubs), and
two roles have role profiles (hg:RoleProfile, for compare-roles; written to roles-Nx.ttl so
that profiles-Nx.ttl keeps exactly 40 x N person profiles). These extras draw on a second
random stream, so the triples above stay the ones the lead measured.

    python benchmarks/generate.py 50 benchmarks/results/data/
    # writes graph-50x.nt, profiles-50x.ttl, roles-50x.ttl
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SEED = 597
G = "https://w3id.org/herstelgraph/gen/"
HG = "https://w3id.org/herstelgraph/def#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
OWL = "http://www.w3.org/2002/07/owl#"
SSSOM = "https://w3id.org/sssom/"
XSD = "http://www.w3.org/2001/XMLSchema#"
LEVELS = ["Section", "Competency", "Activity", "KnowledgeItem", "Skill"]
FANOUT = [0, 2, 1, 1, 1]  # children per parent at each level below the sections
RELATIONS = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"]
WORDS = (
    "herstel ervaring cliënt kennis samenwerking dialoog netwerk empowerment zelfregie "
    "diversiteit stigma participatie reflectie presentie zingeving veiligheid"
).split()


def iri(x: str) -> str:
    return f"<{x}>"


def lit(text: str, lang: str | None = None, dtype: str | None = None) -> str:
    esc = text.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{esc}"@{lang}'
    if dtype:
        return f'"{esc}"^^<{dtype}>'
    return f'"{esc}"'


def generate(scale: int, outdir: Path, seed: int = SEED) -> tuple[Path, Path]:
    rnd = random.Random(seed * 1000 + scale)
    extra = random.Random(seed * 7919 + scale)  # the extras' own stream (see the docstring)
    outdir.mkdir(parents=True, exist_ok=True)
    graph = outdir / f"graph-{scale}x.nt"
    profiles = outdir / f"profiles-{scale}x.ttl"
    per_scheme_sections = max(1, round(8.3 * scale))  # 4 schemes x 8.3 x 9 ≈ 300 per 1x
    concepts: dict[str, list[str]] = {}
    with graph.open("w", encoding="utf-8") as out:

        def t(s, p, o):
            out.write(f"{s} {p} {o} .\n")

        for k in "abcd":
            scheme = f"{G}{k}/scheme"
            t(iri(scheme), iri(RDF_TYPE), iri(SKOS + "ConceptScheme"))
            t(iri(scheme), iri(RDF_TYPE), iri(HG + "Framework"))
            t(iri(scheme), iri(SKOS + "prefLabel"), lit(f"Kader {k.upper()}", "nl"))
            members: list[str] = []
            frontier = []
            for i in range(per_scheme_sections):
                frontier.append((f"{G}{k}/s{i}", 0, None, f"S{i}"))
            while frontier:
                c, level, parent, notation = frontier.pop()
                members.append(c)
                words = " ".join(rnd.sample(WORDS, 3))
                t(iri(c), iri(RDF_TYPE), iri(SKOS + "Concept"))
                t(iri(c), iri(RDF_TYPE), iri(HG + LEVELS[level]))
                if level:
                    t(iri(c), iri(RDF_TYPE), iri(HG + "Item"))
                t(iri(c), iri(SKOS + "inScheme"), iri(scheme))
                t(iri(c), iri(SKOS + "prefLabel"), lit(f"{words} {notation}", "nl"))
                t(iri(c), iri(SKOS + "prefLabel"), lit(f"{words} {notation} (en)", "en"))
                t(iri(c), iri(SKOS + "notation"), lit(notation))
                t(iri(c), iri(HG + "sourceSection"), lit(f"Sectie {notation.split('.')[0]}"))
                if parent is None:
                    t(iri(c), iri(SKOS + "topConceptOf"), iri(scheme))
                    t(iri(scheme), iri(SKOS + "hasTopConcept"), iri(c))
                else:
                    t(iri(c), iri(SKOS + "broader"), iri(parent))
                    t(iri(parent), iri(SKOS + "narrower"), iri(c))
                if level + 1 < len(LEVELS):
                    for j in range(FANOUT[level + 1]):
                        frontier.append((f"{c}-{j}", level + 1, c, f"{notation}.{j}"))
            concepts[k] = members
            knowledge = [c for c in members if c.count("-") == 3]  # level 3: KnowledgeItem
            for c in members:
                if c.count("-") == 2:  # level 2: Activity
                    for kn in extra.sample(knowledge, min(2, len(knowledge))):
                        t(iri(c), iri(HG + "requiresKnowledge"), iri(kn))
        n_mappings = 600 * scale
        keys = "abcd"
        for m in range(n_mappings):
            ka, kb = rnd.sample(keys, 2)
            a, b = rnd.choice(concepts[ka]), rnd.choice(concepts[kb])
            rel = RELATIONS[m % 5] if m % 5 else "closeMatch"
            t(iri(a), iri(SKOS + rel), iri(b))
            if m % 10 == 0:
                r = f"{G}mapping/r{m}"
                t(iri(r), iri(RDF_TYPE), iri(OWL + "Axiom"))
                t(iri(r), iri(RDF_TYPE), iri(SSSOM + "Mapping"))
                t(iri(r), iri(OWL + "annotatedSource"), iri(a))
                t(iri(r), iri(OWL + "annotatedProperty"), iri(SKOS + rel))
                t(iri(r), iri(OWL + "annotatedTarget"), iri(b))
                t(iri(r), iri(SSSOM + "object_source"), iri(f"{G}{kb}/scheme"))
                t(
                    iri(r),
                    iri(SSSOM + "confidence"),
                    lit(f"0.{rnd.randint(5, 9)}", dtype=XSD + "double"),
                )
                t(
                    iri(r),
                    iri(SSSOM + "mapping_justification"),
                    iri("https://w3id.org/semapv/vocab/ManualMappingCuration"),
                )
        for n in range(60 * scale):
            ka, kb = rnd.sample(keys, 2)
            a = rnd.choice(concepts[ka])
            r = f"{G}mapping/n{n}"
            t(iri(r), iri(RDF_TYPE), iri(SSSOM + "Mapping"))
            t(iri(r), iri(OWL + "annotatedSource"), iri(a))
            t(iri(r), iri(OWL + "annotatedProperty"), iri(SKOS + "relatedMatch"))
            t(iri(r), iri(OWL + "annotatedTarget"), iri(SSSOM + "NoTermFound"))
            t(iri(r), iri(SSSOM + "object_source"), iri(f"{G}{kb}/scheme"))
    every = [c for k in keys for c in concepts[k]]
    with profiles.open("w", encoding="utf-8") as out:
        out.write(
            f"@prefix hg: <{HG}> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        )
        for p in range(40 * scale):
            pid = f"<{G}profile/p{p}>"
            out.write(f'{pid} a hg:PersonProfile ; rdfs:label "Profiel {p}"@nl .\n')
            for q, c in enumerate(rnd.sample(every, 8)):
                node = f"<{G}profile/p{p}/e{q}>"
                out.write(f"{pid} hg:proficiency {node} .\n")
                level = rnd.randint(1, 5)
                out.write(
                    f"{node} a hg:Proficiency ; hg:concept <{c}> ; hg:proficiencyLevel {level} .\n"
                )
    roles = outdir / f"roles-{scale}x.ttl"
    with roles.open("w", encoding="utf-8") as out:
        out.write(
            f"@prefix hg: <{HG}> .\n@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        )
        for r in range(2):
            out.write(f'<{G}role/r{r}> a hg:Role ; rdfs:label "Rol {r}"@nl .\n')
        for p in range(2 * max(1, scale // 10)):
            pid = f"<{G}roleprofile/r{p}>"
            out.write(f'{pid} a hg:RoleProfile ; rdfs:label "Functieprofiel {p}"@nl ;\n')
            out.write(f"    hg:role <{G}role/r{p % 2}> .\n")
            for q, c in enumerate(extra.sample(every, 20)):
                node = f"<{G}roleprofile/r{p}/q{q}>"
                out.write(f"{pid} hg:requirement {node} .\n")
                out.write(f"{node} a hg:Requirement ; hg:concept <{c}> ; hg:requiredLevel 3 .\n")
    return graph, profiles


if __name__ == "__main__":
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).parent / "data"
    g, p = generate(scale, out)
    print(g, p)
