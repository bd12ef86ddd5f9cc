"""SPARQL servers the tests start: on 127.0.0.1 only, on free ports, with throwaway data, and
stopped by themselves.

Each server runs as a child that the kernel kills when the test process dies
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``): a test run that is killed, or an xdist worker that
crashes, leaves no server behind. A normal end stops them with SIGTERM (Virtuoso writes its
checkpoint and exits in a second or two), then SIGKILL after a grace period.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child between fork and exec
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def start(argv: list[str], *, log: Path | None = None, cwd: Path | None = None):
    out = open(log, "wb") if log else subprocess.DEVNULL
    try:
        return subprocess.Popen(
            argv,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            preexec_fn=_die_with_parent,
        )
    finally:
        if log:
            out.close()


def stop(proc: subprocess.Popen, grace: float = 15) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def post(url: str, data: dict | bytes, headers: dict | None = None, timeout: float = 30):
    body = data if isinstance(data, bytes) else urllib.parse.urlencode(data).encode()
    req = urllib.request.Request(url, data=body, method="POST", headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as resp:
        return resp.read()


def wait_http(url: str, proc: subprocess.Popen, seconds: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-1500:] if log and log.is_file() else ""
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}:\n{tail}")
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except urllib.error.HTTPError:  # it answers: up
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{proc.args[0]} did not answer at {url} within {seconds:g} s")


# ---------------------------------------------------------------------- Oxigraph
def oxigraph_binary() -> str | None:
    return shutil.which("oxigraph") or next(
        (str(p) for p in [Path(sys.executable).parent / "oxigraph"] if p.is_file()), None
    )


class Oxigraph:
    """``oxigraph serve`` (the oxigraph PyPI package): in memory, or on a database folder
    that ``load`` filled first (the README's recipe: ``oxigraph load --location DIR --file
    herstelgraph.trig``)."""

    def __init__(self, binary: str, location: Path | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.url = self.base + "/query"
        where = ["--location", str(location)] if location else []
        self.proc = start([binary, "serve", *where, "--bind", f"127.0.0.1:{self.port}"])
        try:
            wait_http(self.base + "/", self.proc, 30)
        except Exception:
            stop(self.proc)
            raise

    @staticmethod
    def load(binary: str, location: Path, trig: Path) -> None:
        subprocess.run(
            [binary, "load", "--location", str(location), "--file", str(trig)],
            check=True,
            capture_output=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    def load_trig(self, data: bytes) -> None:
        post(self.base + "/store", data, {"Content-Type": "application/trig"}, timeout=60)

    def update(self, sparql: str) -> None:
        post(self.base + "/update", {"update": sparql})

    def stop(self) -> None:
        stop(self.proc)


# ---------------------------------------------------------------------- Virtuoso
VIRTUOSO_MISSING = (
    "Virtuoso is not installed (Debian: apt-get install virtuoso-opensource, which .ci/run "
    "does when it runs as root)"
)

_VIRTUOSO_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile    = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
DirsAllowed        = ., {load}
CaseMode           = 2
NumberOfBuffers    = 4000
MaxDirtyBuffers    = 3000
ThreadsPerQuery    = 2
CheckpointInterval = 0

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerThreads        = 4
MaxClientConnections = 4
Charset              = UTF-8

[SPARQL]
ResultSetMaxRows      = {max_rows}
MaxQueryExecutionTime = 120
"""


def virtuoso_binaries() -> tuple[str, str] | None:
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    return (server, isql) if server and isql else None


class Virtuoso:
    """Debian's virtuoso-t with its own ini and database in ``folder``, loaded with the bulk
    loader (named graphs of a TriG file kept)."""

    def __init__(self, folder: Path, *, max_rows: int = 10000, start_seconds: float = 120):
        binaries = virtuoso_binaries()
        assert binaries, VIRTUOSO_MISSING
        self.server, self.isql = binaries
        self.folder = folder
        self.db = folder / "db"
        self.load_dir = folder / "load"
        self.db.mkdir(parents=True)
        self.load_dir.mkdir()
        self.sql_port, self.http_port = free_port(), free_port()
        self.max_rows = max_rows
        self.url = f"http://127.0.0.1:{self.http_port}/sparql"
        self.ini = ini = folder / "virtuoso.ini"
        ini.write_text(
            _VIRTUOSO_INI.format(
                db=self.db,
                load=self.load_dir,
                sql_port=self.sql_port,
                http_port=self.http_port,
                max_rows=max_rows,
            )
        )
        self.log = folder / "server.log"
        self.proc = start(
            [self.server, "+configfile", str(ini), "+foreground"], log=self.log, cwd=folder
        )
        try:
            wait_http(f"{self.url}?query=ASK%7B%7D", self.proc, start_seconds, self.log)
        except Exception:
            stop(self.proc)
            raise

    def sql(self, statements: str, timeout: float = 120) -> str:
        res = subprocess.run(
            [self.isql, f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
        if res.returncode != 0 or "*** Error" in res.stdout + res.stderr:
            raise RuntimeError(f"isql failed: {res.stdout[-800:]}{res.stderr[-800:]}")
        return res.stdout

    def load_trig(self, data: bytes, name: str = "herstelgraph.trig") -> None:
        """The recipe of the README: drop the herstelgraph graphs, forget earlier loads of
        this file (and of no other), bulk-load the TriG (its named graphs kept), checkpoint."""
        (self.load_dir / name).write_bytes(data)
        graphs = "asserted", "inferred", "user", "external"
        drop = " ".join(
            f"SPARQL CLEAR GRAPH <https://w3id.org/herstelgraph/graph/{g}>;" for g in graphs
        )
        self.sql(
            f"{drop} DELETE FROM DB.DBA.load_list WHERE ll_file = '{self.load_dir}/{name}'; "
            f"ld_dir('{self.load_dir}', '{name}', 'https://w3id.org/herstelgraph/graph/load'); "
            "rdf_loader_run(); checkpoint;"
        )
        errors = self.sql("SELECT ll_file FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;")
        if "0 Rows" not in errors:
            raise RuntimeError(f"the bulk loader reported errors:\n{errors[-800:]}")

    @contextlib.contextmanager
    def max_rows_lowered(self, rows: int):
        """ResultSetMaxRows set to ``rows`` for a while: Virtuoso reads it from the ini file
        on every request, so no restart is needed."""
        text = self.ini.read_text()
        self.ini.write_text(
            re.sub(r"ResultSetMaxRows\s*=\s*\d+", f"ResultSetMaxRows = {rows}", text)
        )
        try:
            yield
        finally:
            self.ini.write_text(text)

    def stop(self) -> None:
        stop(self.proc)
