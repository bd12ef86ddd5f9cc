"""Every derived triple (the INFERRED graph: SKOS closure and tallies) of a build, as sorted
N-Quads, to hold a change to the closure or the tallies to the same output (docs/performance.md,
decisions 35-37). Run it with two trees' ``src`` on PYTHONPATH and compare the files:

    PYTHONPATH=/tmp/base/src .venv/bin/python benchmarks/derived_dump.py before.nq [--data F]
    PYTHONPATH=src .venv/bin/python benchmarks/derived_dump.py after.nq [--data F]
    cmp before.nq after.nq

``--files F`` builds F instead of the shipped graph (the benchmark's 50x graph alone).

The store is built as the CLI builds it (``herstelgraph.load``: the shipped graph, the
reviews, ``--data`` files in the user graph), with the cache off.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from collections import Counter
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="where the sorted N-Quads go")
    parser.add_argument("--data", action="append", default=[], help="a file for the user graph")
    parser.add_argument(
        "--files", action="append", help="instead of the shipped graph (load(files=…))"
    )
    args = parser.parse_args()
    os.environ["HERSTELGRAPH_CACHE"] = "off"
    import herstelgraph
    from herstelgraph.store import INFERRED

    start = time.process_time()
    store = herstelgraph.load(extra=args.data, files=args.files)
    cpu = time.process_time() - start
    quads = list(store.ox.quads_for_pattern(None, None, None, INFERRED))
    lines = sorted(f"{q.subject} {q.predicate} {q.object} {q.graph_name} .\n" for q in quads)
    data = "".join(lines).encode()
    args.out.write_bytes(data)
    kinds = Counter(q.predicate.value.rsplit("/", 1)[-1] for q in quads)
    print(
        f"{herstelgraph.__file__}: {len(lines)} derived quads, sha256 "
        f"{hashlib.sha256(data).hexdigest()[:16]}, load {cpu:.2f} s CPU",
        file=sys.stderr,
    )
    print("  " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())), file=sys.stderr)


if __name__ == "__main__":
    main()
