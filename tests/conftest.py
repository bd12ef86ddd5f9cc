"""Shared fixtures: the repo paths and the source texts beside the checkout."""

from __future__ import annotations

import os
import re
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
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    if not _allowed(address):
        NETWORK_ATTEMPTS.append(repr(address))
        raise OSError(f"network access blocked in tests: {address!r}")
    return _real_connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex


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
