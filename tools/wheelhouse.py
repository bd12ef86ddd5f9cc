#!/usr/bin/env python3
"""Download the package's declared dependencies (and nothing else) into .cache/wheelhouse.

``make test`` runs this while it installs the test extras, when the network is allowed, so
that tests/test_wheel.py can install the built wheel into a fresh venv with ``--no-index``:
the suite itself then makes no connection (CI counts every connect() under strace), and the
fresh venv still gets exactly the declared dependencies, resolved by pip. The folder's
``requirements.txt`` names what it was made for; a changed dependency list makes it stale.

    python tools/wheelhouse.py [--check]
"""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOUSE = ROOT / ".cache" / "wheelhouse"


def declared() -> str:
    """The installed checkout's dependencies without extras, one per line, as pip reads a
    requirements file (the metadata of `pip install -e .`, i.e. pyproject's [project])."""
    deps = [d for d in requires("herstelgraph") or [] if "extra ==" not in d]
    return "".join(f"{d}\n" for d in sorted(deps))


def fresh() -> bool:
    req = HOUSE / "requirements.txt"
    return req.is_file() and req.read_text(encoding="utf-8") == declared()


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return 0 if fresh() else 1
    if fresh():
        return 0
    HOUSE.mkdir(parents=True, exist_ok=True)
    req = HOUSE / "requirements.txt"
    req.unlink(missing_ok=True)
    todo = HOUSE / "requirements.in"
    todo.write_text(declared(), encoding="utf-8")
    cmd = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check"]
    subprocess.run([*cmd, "-d", str(HOUSE), "-r", str(todo)], check=True)
    todo.replace(req)  # written last: a half-filled folder is never taken for a full one
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
