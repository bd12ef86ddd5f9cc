"""Shared fixtures: the repo paths and the source texts beside the checkout."""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(os.environ.get("HERSTELGRAPH_SEEDS", ROOT.parent / "shared" / "seeds"))

SEED_OF = {
    "bk-0597-1": "003_c733cd16d6bbb2b3.txt",
    "valente-2023": "001_4732f958bb8b80b1.txt",
    "bijlage-ii": "000_a40edbd4687da52a.txt",
    "randvoorwaarden": "002_3332aabfde6bf982.txt",
    "nk-2017": "004_9de020196c7d1f1d.txt",
}


# Tests keep their closure cache apart from the user's (content-keyed, so sharing is safe).
os.environ.setdefault("HERSTELGRAPH_CACHE", str(ROOT / ".pytest_cache" / "herstelgraph"))
# A developer's own review folder must not change what the tests see (issue 17).
os.environ.pop("HERSTELGRAPH_REVIEWS", None)


def normalise(text: str) -> str:
    """Fold what a PDF extract varies in (line breaks, bullets, markdown) but not the words."""
    text = unicodedata.normalize("NFC", text).replace("**", "").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"source texts not found at {SEEDS} (set HERSTELGRAPH_SEEDS)")
    return SEEDS


def parse_ttl(path: Path):
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return g


# ---------------------------------------------------------------- locale
# The CLI's language defaults to the locale's (herstelgraph.words.default_language): the
# tests that expect Dutch by default must not depend on the machine's locale. A UTF-8 locale
# that is not English, for this process and every CLI subprocess the tests start.
for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    if os.environ.get(_name, "").lower().startswith("en"):
        os.environ[_name] = "C.UTF-8"


# ---------------------------------------------------------------- no network
# Every test runs under this guard: any outbound connection other than to loopback fails,
# and is counted; the session ends by asserting the count is 0.
import socket  # noqa: E402

NETWORK_ATTEMPTS: list[str] = []
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _allowed(address) -> bool:
    if isinstance(address, tuple) and address:
        host = str(address[0])
        return host in ("127.0.0.1", "::1", "localhost") or host.startswith("127.")
    return isinstance(address, str | bytes)  # AF_UNIX sockets are local


def _guarded_connect(self, address):
    if not _allowed(address):
        NETWORK_ATTEMPTS.append(repr(address))
        where = os.environ.get("PYTEST_CURRENT_TEST", "?")
        sys.stderr.write(f"network connect blocked in tests: {address!r} ({where})\n")
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _allowed(address):
        NETWORK_ATTEMPTS.append(repr(address))
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex

_real_getaddrinfo = socket.getaddrinfo
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def _guarded_getaddrinfo(host, *args, **kwargs):
    """A name lookup is a packet to the resolver before any connect(): block it for every host
    but loopback, and name the test (CI counts native connects under strace; this finds the
    test behind a lookup made from Python)."""
    name = host.decode() if isinstance(host, bytes) else host
    if name is not None and name not in _LOCAL_NAMES and not _allowed((name,)):
        try:  # a numeric address is no lookup: the connect guard decides on it
            socket.inet_pton(socket.AF_INET6 if ":" in name else socket.AF_INET, name)
        except OSError:
            where = os.environ.get("PYTEST_CURRENT_TEST", "?")
            NETWORK_ATTEMPTS.append(f"lookup {name!r} in {where}")
            sys.stderr.write(f"network lookup blocked in tests: {name!r} ({where})\n")
            raise socket.gaierror(
                socket.EAI_NONAME, f"name lookup blocked in tests: {name!r}"
            ) from None
    return _real_getaddrinfo(host, *args, **kwargs)


socket.getaddrinfo = _guarded_getaddrinfo


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"network attempts: {len(NETWORK_ATTEMPTS)}")


def pytest_sessionfinish(session, exitstatus):
    if NETWORK_ATTEMPTS and exitstatus == 0:
        session.exitstatus = 1


# ---------------------------------------------------------------- shared fixtures
@pytest.fixture(scope="session")
def store():
    """The shipped graph with its closure, loaded once (tests must not modify it)."""
    import herstelgraph

    return herstelgraph.load()


@pytest.fixture
def run_cli(capsys):
    """Run the real CLI entry point; returns (exit code, stdout, stderr)."""
    from herstelgraph.cli import main

    def run(*args: str):
        code = main(list(args))
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def assert_concepts_complete(g, source) -> set:
    """The rules every framework concept keeps (docs/modelling.md): one prefLabel@nl, one
    scheme, a source section and document, a notation unique in its scheme, broader and
    narrower both ways, and every concept without a parent a top concept of its scheme."""
    from collections import Counter

    from rdflib import URIRef
    from rdflib.namespace import RDF, SKOS

    hg = "https://w3id.org/herstelgraph/def#"
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    notations = Counter()
    for c in concepts:
        assert len([o for o in g.objects(c, SKOS.prefLabel) if o.language == "nl"]) == 1, c
        schemes = list(g.objects(c, SKOS.inScheme))
        assert len(schemes) == 1, c
        assert g.value(c, URIRef(hg + "sourceSection")), c
        assert g.value(c, URIRef(hg + "sourceDocument")) == source, c
        notation = g.value(c, SKOS.notation)
        assert notation is not None, c
        notations[(schemes[0], str(notation))] += 1
        for parent in g.objects(c, SKOS.broader):
            assert (parent, SKOS.narrower, c) in g
        for child in g.objects(c, SKOS.narrower):
            assert (child, SKOS.broader, c) in g
        if not list(g.objects(c, SKOS.broader)):
            assert (c, SKOS.topConceptOf, schemes[0]) in g, c
            assert (schemes[0], SKOS.hasTopConcept, c) in g, c
    assert max(notations.values()) == 1, [n for n, k in notations.items() if k > 1]
    return concepts


def pytest_configure(config):
    # pytest-xdist's marker (tests that share a server stay on one worker under
    # --dist loadgroup); registered here so runs without xdist know it too
    config.addinivalue_line("markers", "xdist_group(name): run these tests on one xdist worker")
