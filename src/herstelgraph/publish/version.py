"""One version number for everything a release carries: the package's (``_version.py``).

A release stamps it, with its date, on

* the core ontology and every concept scheme: ``owl:versionIRI`` (the IRI with the version
  after ``https://w3id.org/herstelgraph/``), ``owl:versionInfo`` and ``dct:issued``
  (:func:`stamp_graph`, written into ``ontology/*.ttl`` by ``tools/dev.py release``);
* every SSSOM file: ``mapping_set_version`` (``curation.sssom.metadata_for`` and the export);
* the exports: RDF carries the stamped triples, CSV a ``herstelgraph_version`` column (a
  spreadsheet reads it as any other column, where a comment line above the header would be
  taken for a row), CASE the CFDocument ``version``;
* ``CITATION.cff`` (:func:`citation_cff`).

The edition of a *source* (BK-0597-1 is "versie 1, 2024") is the source document's
(``hg:sourceDocument``), never the scheme's: the scheme's stamps say which herstelgraph
release it belongs to. Every function that writes a version asks :func:`current` for it, so
the exports (and whoever adds one) stay in step with the ontology files; a test fails when a
file disagrees with ``_version.py``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..model import Record
from ..vocab import BASE, HG, PREFIXES

OWL = PREFIXES["owl"]
DCT = PREFIXES["dct"]
XSD = PREFIXES["xsd"]
RDF_TYPE = PREFIXES["rdf"] + "type"
#: the core ontology's IRI
ONTOLOGY = BASE + "def"
#: the triples a release stamps on the ontology and every scheme
STAMPS = (OWL + "versionIRI", OWL + "versionInfo", DCT + "issued")
#: the CSV export's column that carries the version
CSV_COLUMN = "herstelgraph_version"

_VERSION = re.compile(r"^\d+\.\d+\.\d+(?:[.-]?(?:a|b|rc|dev|post)\d*)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Release(Record):
    """A release: its version and date (YYYY-MM-DD)."""

    version: str
    date: str

    @property
    def epoch(self) -> int:
        """The date's midnight, UTC, in seconds: SOURCE_DATE_EPOCH of a release build."""
        day = datetime.date.fromisoformat(self.date)
        moment = datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.timezone.utc)
        return int(moment.timestamp())

    @property
    def ontology_version_iri(self) -> str:
        return version_iri(ONTOLOGY, self.version)


def current() -> Release:
    """The release the package is: ``__version__`` and ``__release_date__``."""
    from .. import _version

    return Release(_version.__version__, getattr(_version, "__release_date__", "1970-01-01"))


def check_release(version: str, date: str) -> Release:
    """A release with a well-formed version (X.Y.Z, optionally a pre-release) and date."""
    if not _VERSION.match(version):
        raise InputError(f"version {version!r}: use X.Y.Z (e.g. 0.2.0)")
    if not _DATE.match(date):
        raise InputError(f"release date {date!r}: use YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise InputError(f"release date {date!r} is no date of the calendar") from None
    return Release(version, date)


def version_iri(iri: str, version: str | None = None) -> str:
    """The IRI of one version of a resource: the version after the project's base.

    >>> version_iri("https://w3id.org/herstelgraph/bk-0597-1/scheme", "0.2.0")
    'https://w3id.org/herstelgraph/0.2.0/bk-0597-1/scheme'
    >>> version_iri("https://w3id.org/herstelgraph/def", "0.2.0")
    'https://w3id.org/herstelgraph/0.2.0/def'
    """
    version = version or current().version
    if not iri.startswith(BASE):
        raise InputError(f"<{iri}> is not a herstelgraph IRI; it has no version IRI")
    return BASE + version + "/" + iri[len(BASE) :]


# ---------------------------------------------------------------------------- RDF stamps
def stamped_resources(graph) -> list:
    """The resources of an rdflib graph a release stamps: the core ontology and every
    concept scheme under the project's base IRI, sorted."""
    from rdflib import URIRef
    from rdflib.namespace import OWL as ROWL
    from rdflib.namespace import RDF
    from rdflib.namespace import SKOS as RSKOS

    found = {s for s in graph.subjects(RDF.type, ROWL.Ontology) if str(s) == ONTOLOGY}
    found |= set(graph.subjects(RDF.type, RSKOS.ConceptScheme))
    found |= set(graph.subjects(RDF.type, URIRef(HG + "Framework")))
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(BASE))


def stamp_graph(graph, release: Release | None = None):
    """Set the release's stamps on the ontology and every scheme of ``graph`` (in place):
    any older ``owl:versionIRI``, ``owl:versionInfo`` or ``dct:issued`` of theirs goes."""
    from rdflib import Literal, URIRef

    release = release or current()
    for node in stamped_resources(graph):
        for p in STAMPS:
            graph.remove((node, URIRef(p), None))
        graph.add(
            (node, URIRef(OWL + "versionIRI"), URIRef(version_iri(str(node), release.version)))
        )
        graph.add((node, URIRef(OWL + "versionInfo"), Literal(release.version)))
        graph.add(
            (node, URIRef(DCT + "issued"), Literal(release.date, datatype=URIRef(XSD + "date")))
        )
    return graph


def stamped_turtle(path: Path, release: Release | None = None) -> str:
    """The canonical text of a Turtle file with the release's stamps."""
    from rdflib import Graph

    from ..io.serialize import canonical_turtle

    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return canonical_turtle(stamp_graph(g, release))


def stamps_in(graph) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Per stamped resource of an rdflib graph: (versionInfo, versionIRI, issued), for the
    checks that every file agrees with the package's version."""
    from rdflib import URIRef

    out = {}
    for node in stamped_resources(graph):

        def one(p: str, node=node) -> str | None:
            values = sorted(str(o) for o in graph.objects(node, URIRef(p)))
            return values[0] if len(values) == 1 else ("|".join(values) or None)

        out[str(node)] = (one(OWL + "versionInfo"), one(OWL + "versionIRI"), one(DCT + "issued"))
    return out


def disagreements(paths, release: Release | None = None) -> list[str]:
    """What in these Turtle files disagrees with the release: each stamped resource must
    carry exactly its version, version IRI and date."""
    from rdflib import Graph

    release = release or current()
    problems = []
    for path in paths:
        g = Graph(bind_namespaces="none")
        g.parse(path, format="turtle")
        for node, (info, viri, issued) in stamps_in(g).items():
            want = (release.version, version_iri(node, release.version), release.date)
            for what, have, should in zip(
                ("owl:versionInfo", "owl:versionIRI", "dct:issued"), (info, viri, issued), want,
                strict=True,
            ):  # fmt: skip
                if have != should:
                    problems.append(f"{Path(path).name}: <{node}> {what} {have!r}, not {should!r}")
    return problems


# ---------------------------------------------------------------------------- citation
TITLE = (
    "herstelgraph: the Dutch and Flemish competency frameworks for recovery-supporting care "
    "and experiential expertise as linked data"
)


def citation_cff(release: Release | None = None) -> str:
    """CITATION.cff (Citation File Format 1.2.0) for the release: its version and date, the
    authors and licences as pyproject.toml and the data state them, nothing more."""
    release = release or current()
    lines = [
        "# Written by tools/dev.py release from src/herstelgraph/_version.py; do not edit.",
        "cff-version: 1.2.0",
        'message: "If you use herstelgraph, cite the release you used: its version and date."',
        "type: dataset",
        f'title: "{TITLE}"',
        f'version: "{release.version}"',
        f'date-released: "{release.date}"',
        "authors:",
        '  - name: "herstelgraph contributors"',
        "license:",
        "  - MIT",
        "  - CC-BY-4.0",
        'url: "https://w3id.org/herstelgraph/"',
        "identifiers:",
        "  - type: url",
        f'    value: "{release.ontology_version_iri}"',
        '    description: "Version IRI of the core ontology in this release"',
        "keywords:",
        "  - SKOS",
        "  - SSSOM",
        "  - competency framework",
        "  - ervaringsdeskundigheid",
        "  - herstelondersteunende zorg",
    ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- released IRIs
RELEASED_IRIS = "released-iris.txt"


def graph_iris(store) -> set[str]:
    """The IRIs a release publishes and must keep: every concept, every concept scheme and
    every term the core ontology defines (each a subject in the asserted graph)."""
    rows = store.select(
        "SELECT DISTINCT ?x WHERE { { ?x a skos:Concept } UNION { ?x a skos:ConceptScheme } "
        "UNION { ?x a hg:Framework } "
        "UNION { ?x a ?t . FILTER(STRSTARTS(STR(?x), STR(hg:))) } }"
    )
    return {r["x"].value for r in rows if r["x"].value.startswith(BASE)}


def read_released(path: Path) -> set[str]:
    """The IRIs of a released-iris file (one per line; # starts a comment)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the released IRIs ({exc.strerror})") from None
    return {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}


def released_text(iris: set[str], release: Release | None = None) -> str:
    release = release or current()
    head = (
        f"# Every IRI released up to herstelgraph {release.version} ({release.date}): concepts,\n"
        "# concept schemes and core ontology terms. Written by tools/dev.py release. An IRI\n"
        "# listed here stays in the graph: deprecated (owl:deprecated true, dct:isReplacedBy\n"
        "# its successor) when the item goes, never removed (tests/test_releases.py).\n"
    )
    return head + "".join(f"{iri}\n" for iri in sorted(iris))


def missing_released(store, released: set[str]) -> list[str]:
    """The released IRIs the graph no longer holds as a subject: each should have stayed,
    as an ``owl:deprecated`` item if it went."""
    import pyoxigraph as ox

    missing = []
    for iri in sorted(released):
        if not store.ask("ASK WHERE { ?x ?p ?o }", {"x": ox.NamedNode(iri)}):
            missing.append(iri)
    return missing


__all__ = [
    "CSV_COLUMN",
    "ONTOLOGY",
    "RELEASED_IRIS",
    "STAMPS",
    "Release",
    "check_release",
    "citation_cff",
    "current",
    "disagreements",
    "graph_iris",
    "missing_released",
    "read_released",
    "released_text",
    "stamp_graph",
    "stamped_resources",
    "stamped_turtle",
    "stamps_in",
    "version_iri",
]
