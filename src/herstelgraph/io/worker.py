"""Work on user input that must not run forever: a forked worker, killed at a deadline.

Oxigraph cannot cancel a query or a parse once started, and some inputs make them run for
minutes or hours (a ``(p|^p)*`` path over a long chain; JSON-LD whose parse time grows with
the square of its nesting). ``call`` runs such work in a child process that shares the
parent's memory copy-on-write and returns a picklable result over a pipe. The child

* is killed (SIGKILL) at the deadline, when the parent is interrupted (Ctrl-C) or leaves
  the call for any reason;
* dies with its parent: on Linux the kernel sends it SIGKILL when the parent dies, even by
  SIGTERM or SIGKILL (``PR_SET_PDEATHSIG``); elsewhere a watchdog thread notices;
* ignores SIGINT (the parent handles Ctrl-C and kills it) and never runs the parent's exit
  handlers or flushes its buffers (it leaves with ``os._exit``).

Where ``fork`` does not exist (Windows) the work runs in-process, without a deadline.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import InputFileError

T = TypeVar("T")

#: the process ids of live workers (tests read it to prove none is left behind)
LIVE: set[int] = set()


class Timeout(Exception):
    """The work did not finish before the deadline (the worker was killed)."""


class Died(Exception):
    """The worker ended without an answer (killed from outside, out of memory, a crash)."""


class Failed(Exception):
    """The work raised: ``kind`` is the exception's class name, ``args[0]`` its message;
    ``located``: an ``InputFileError``'s (path, reason, line, column), to raise it again."""

    def __init__(self, kind: str, message: str, located: tuple | None = None):
        super().__init__(message)
        self.kind = kind
        self.located = located


def available() -> bool:
    return hasattr(os, "fork")


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)
        return
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def call(fn: Callable[[], T], timeout: float) -> T:
    """``fn()`` in a forked worker; raises ``Timeout`` after ``timeout`` seconds, ``Failed``
    when ``fn`` raised, ``Died`` when the worker ended without an answer."""
    import pickle  # here, not at import: a question that parses nothing never loads it

    if not available():
        return fn()
    parent = os.getpid()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        try:
            os.close(read_fd)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            _die_with_parent(parent)
            try:
                result: Any = ("ok", fn())
            except BaseException as exc:
                where = None
                if isinstance(exc, InputFileError):
                    where = (exc.path, exc.reason, exc.line, exc.column)
                result = ("error", type(exc).__name__, str(exc), where)
            try:
                payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:
                payload = pickle.dumps(("error", type(exc).__name__, str(exc)))
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    LIVE.add(pid)
    os.close(write_fd)
    try:
        data = _read_all(read_fd, time.monotonic() + timeout)
    finally:
        os.close(read_fd)
        _reap(pid)
    if not data:
        raise Died("the worker ended without an answer")
    result = pickle.loads(data)
    if result[0] == "ok":
        return result[1]
    raise Failed(*result[1:])


def _read_all(fd: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Timeout()
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise Timeout()
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _reap(pid: int) -> None:
    """Kill the worker if it still runs, and collect it (no zombie, no orphan)."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == 0:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    except ProcessLookupError:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    finally:
        LIVE.discard(pid)
