"""Stop a cold ``herstelgraph`` process after one phase, to count each phase's instructions.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python benchmarks/cli_phases.py PHASE gaps bk-0597-1 valente-2023 --format csv

PHASE: ``floor`` (python, click and pyoxigraph only), ``import`` (``herstelgraph.cli``),
``verb`` (click has parsed the arguments and imported the verb's module), ``question``
(the question's module imported, before the store), ``store`` (the persisted store
opened and verified), ``query`` (the answer computed, before it is rendered), ``output``
(the answer written) or ``all`` (the whole run, with the interpreter's exit). Each phase
but ``all`` ends with ``os._exit``; a phase's cost is its count minus the previous one's
(docs/performance.md, round 3). Used by nobody else.
"""

from __future__ import annotations

import os
import sys

PHASES = ("floor", "import", "verb", "question", "store", "query", "output", "all")


def _stop() -> None:
    sys.stdout.flush()
    os._exit(0)


def main() -> None:
    phase, argv = sys.argv[1], sys.argv[2:]
    if phase not in PHASES:
        raise SystemExit(f"phase: one of {', '.join(PHASES)}")
    if phase == "floor":
        import click  # noqa: F401
        import pyoxigraph  # noqa: F401

        _stop()
    from herstelgraph.cli import main as run

    if phase == "import":
        _stop()
    from herstelgraph.cli import common

    if phase == "verb":
        common.Context.__init__ = lambda *a, **k: _stop()  # type: ignore[method-assign]
    elif phase in ("question", "store"):
        prop = common.Context.store

        def store(self):
            if phase == "question":
                _stop()
            prop.fget(self)
            _stop()

        common.Context.store = property(store)  # type: ignore[method-assign,assignment]
    elif phase == "query":
        common.Output.send = lambda *a, **k: _stop()  # type: ignore[method-assign]
    elif phase == "output":
        send = common.Output.send

        def send_and_stop(self, answer):
            send(self, answer)
            _stop()

        common.Output.send = send_and_stop  # type: ignore[method-assign]
    sys.exit(run(argv))


if __name__ == "__main__":
    main()
