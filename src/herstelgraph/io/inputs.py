"""Safe reading of user files: every verb that reads a file a user gives goes through here.

What is refused, and why (docs/guarantees.md lists the same with the fault cases):

* a file over the size cap (default 50 MB; ``HERSTELGRAPH_MAX_INPUT_BYTES`` or the CLI's
  ``--max-input-size``): refused from its size on disk, before a byte is parsed, and read
  with a bounded read so a device or a growing file cannot get past it;
* a named pipe that no program writes to: opened without blocking, then refused in one line
  when nothing arrives within the parse deadline (a pipe with a writer, ``--data <(…)``,
  is read as usual);
* RDF/XML or JSON-LD nested more than ``MAX_NESTING`` levels: refused before parsing (a
  cheap scan). Oxigraph's parse time grows with the square of the nesting (RDF/XML 100,000
  deep: minutes), JSON-LD 4,000 deep crashes it, Python's JSON reader stops at ~1,000;
* a parse that takes longer than ``HERSTELGRAPH_PARSE_TIMEOUT`` (default 60 s): user files
  are parsed in a forked worker that is killed at the deadline (``io/worker.py``), which
  also contains a parser crash; the worker hands back the triples as N-Triples, which load
  in linear time, so the file is parsed once by the expensive parser (N-Triples and N-Quads
  files are only checked there, and load as they are);
* RDF/XML with ``<!DOCTYPE`` or ``<!ENTITY``: refused before parsing (external entities
  read local files, nested entities expand exponentially); RDF needs neither;
* JSON-LD with a remote ``@context`` or ``@import``: refused, nothing fetched;
* syntax errors, a literal as subject, an IRI with a space, a malformed language tag:
  Oxigraph's parser refuses them; the message is rewritten to ``file:line:column: …``;
* an ill-typed literal (``"abc"^^xsd:integer``): an **error**. RDF allows it, but its value
  is empty, so SPARQL comparisons and sorting silently drop it: always a data mistake here;
* language tags that differ only in case (``"x"@en`` beside ``"y"@EN``): a **warning**.
  BCP 47 tags are case-insensitive and every parser reads both as ``en``; the one real
  problem this causes, two prefLabels in one language, is an error of ``herstelgraph check``
  (S14).

Queries: ``SERVICE`` and ``FROM <http…>`` are refused by every query the embedded store
runs (``guard_query``, called by ``Store.select`` and ``Store.ask``: Oxigraph would make the
HTTP request itself, from Rust, unseen by any Python socket guard), and in query files also
``LOAD`` and the rest of SPARQL Update, unless the query goes to an endpoint. The check
reads SPARQL tokens, so the words inside strings, IRIs and comments never count. User
queries run in a forked worker with a deadline (``select_with_deadline``): Oxigraph cannot
cancel a query, and a ``(p|^p)*`` path over a long chain runs for hours.

Settings (``HERSTELGRAPH_*``) with unusable values raise :class:`SettingError`.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from ..errors import HerstelgraphError, InputError, InputFileError, QueryError, SettingError
from . import worker

DEFAULT_MAX_INPUT_BYTES = 50 * 1000 * 1000
MAX_INPUT_ENV = "HERSTELGRAPH_MAX_INPUT_BYTES"
DEFAULT_QUERY_TIMEOUT = 30.0
QUERY_TIMEOUT_ENV = "HERSTELGRAPH_QUERY_TIMEOUT"
DEFAULT_PARSE_TIMEOUT = 60.0
PARSE_TIMEOUT_ENV = "HERSTELGRAPH_PARSE_TIMEOUT"
#: the longest deadline a setting may ask for (one day)
MAX_SECONDS = 86400.0
#: deepest nesting of XML elements (RDF/XML) or JSON arrays and objects (JSON-LD) read
MAX_NESTING = 64

_override: int | None = None

#: Where warnings go; the CLI's default writes one ``herstelgraph: warning: …`` line.
on_warning: Callable[[str], None] | None = None


def warn(message: str) -> None:
    if on_warning is not None:
        on_warning(message)
    else:
        print(f"herstelgraph: warning: {message}", file=sys.stderr)


# ------------------------------------------------------------------------ size cap
_UNITS = {
    "": 1,
    "b": 1,
    "k": 1000,
    "kb": 1000,
    "m": 1000**2,
    "mb": 1000**2,
    "g": 1000**3,
    "gb": 1000**3,
    "kib": 1024,
    "mib": 1024**2,
    "gib": 1024**3,
}


def parse_size(text: str, what: str = "size") -> int:
    """``50MB``, ``200k``, ``1GiB`` or a plain number of bytes."""
    # 1,5MB as a Dutch reader writes it is 1.5MB
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z]*)\s*", str(text))
    unit = m and m.group(2).lower()
    if not m or unit not in _UNITS:
        from ..words import Said

        raise InputError(Said("size-form", what=what, text=repr(text)))
    return int(float(m.group(1).replace(",", ".")) * _UNITS[unit])


def set_max_input_bytes(limit: int | None) -> None:
    """Override the cap for this process (the CLI's --max-input-size); None: env/default."""
    global _override
    _override = limit


def max_input_bytes() -> int:
    if _override is not None:
        return _override
    env = os.environ.get(MAX_INPUT_ENV, "").strip()  # blank: unset, as the answer cap reads it
    if not env:
        return DEFAULT_MAX_INPUT_BYTES
    try:
        return parse_size(env, MAX_INPUT_ENV)
    except InputError as exc:
        raise SettingError(MAX_INPUT_ENV, exc.args[0]) from None


def _bytes(n: int) -> str:
    """An exact byte count, with a rounded reading where it helps: '50000001 bytes (50 MB)'."""
    for unit, size in (("GB", 1000**3), ("MB", 1000**2), ("kB", 1000)):
        if n >= size:
            return f"{n} bytes ({n / size:.4g} {unit})"
    return f"{n} bytes"


def _shipped(path: Path) -> bool:
    """Files of the shipped graph (ontology/, mappings/) are trusted and never capped."""
    from ..resources import data_dir

    try:
        real = path.resolve()
        return any(real.is_relative_to(data_dir(k).resolve()) for k in ("ontology", "mappings"))
    except (OSError, ValueError):
        return False


def check_input(path: Path) -> os.stat_result | None:
    """What ``read_bytes`` checks before reading, without reading: the file is protected as
    an input of this run, and refused when its size is over the cap. Returns its stat when
    it is a regular file (None for a device or a pipe, whose size says nothing)."""
    import stat

    path = Path(path)
    limit = max_input_bytes()
    if _shipped(path):
        limit = max(limit, 1 << 40)
    else:
        from .atomic import protect

        protect([path])
    try:
        st = path.stat()
    except OSError:
        return None  # read_bytes gives the one-line error
    if not stat.S_ISREG(st.st_mode):
        return None
    if st.st_size > limit:
        from ..words import Said

        size, cap = _bytes(st.st_size), _bytes(limit)
        raise InputFileError(path, Said("input-limit", size=size, limit=cap, setting=MAX_INPUT_ENV))
    return st


def _open(path: Path):
    """Open an input for reading without hanging on a pipe no program writes to: opened
    non-blocking (which a FIFO with no writer allows), a FIFO is then given the parse
    deadline for a writer to appear (``--data <(…)`` and named pipes work), else refused in
    one line. Blocking reads from there on."""
    import select
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if stat.S_ISFIFO(os.fstat(fd).st_mode):
            poll = select.poll()
            poll.register(fd, select.POLLIN)
            wait = parse_timeout()
            if not poll.poll(wait * 1000):
                raise InputError(
                    f"{path}: a pipe that nothing wrote to within {wait:g} s; start the "
                    f"program that writes it first (or raise {PARSE_TIMEOUT_ENV})"
                )
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refused before reading when over the cap (user files only)."""
    path = Path(path)
    limit = max_input_bytes()
    if _shipped(path):
        limit = max(limit, 1 << 40)
    else:  # a user's file: no output of this run may replace it
        from .atomic import protect

        protect([path])
    try:
        size = path.stat().st_size
        if size > limit:
            from ..words import Said

            raise InputFileError(
                path,
                Said("input-limit", size=_bytes(size), limit=_bytes(limit), setting=MAX_INPUT_ENV),
            )
        chunks, total = [], 0
        with _open(path) as fh:  # bounded: a device or a growing file stops at the cap
            while total <= limit and (chunk := fh.read(1 << 20)):
                chunks.append(chunk)
                total += len(chunk)
        data = b"".join(chunks)
    except IsADirectoryError:
        from ..words import Said

        raise InputFileError(path, Said("is-a-folder")) from None
    except OSError as exc:
        from ..words import Said

        raise InputFileError(path, Said("cannot-read", reason=str(exc.strerror))) from None
    if len(data) > limit:
        from ..words import Said

        raise InputFileError(
            path, Said("input-limit-read", limit=_bytes(limit), setting=MAX_INPUT_ENV)
        )
    return data


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (both from 1) of a byte offset; the column counts characters."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", "replace")) + 1
    return line, col


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text; an encoding error names the line and column (in characters) of the first
    byte that is not UTF-8, and that byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        from ..words import Said

        line, col = _position(data, exc.start)
        raise InputFileError(
            path, Said("not-utf8", byte=f"{data[exc.start]:02x}"), line=line, column=col
        ) from None


def read_text(path: Path) -> str:
    """A UTF-8 text file within the cap (a leading BOM is dropped)."""
    return decode(Path(path), read_bytes(path)).removeprefix("\ufeff")


# ------------------------------------------------------------------------ RDF
def rdf_format(path: Path, fmt: str | None = None):
    """The Oxigraph format for a file name or an explicit name/media type."""
    import pyoxigraph as ox

    formats = {
        "ttl": ox.RdfFormat.TURTLE, "turtle": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES,
        "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG, "n3": ox.RdfFormat.N3,
        "rdf": ox.RdfFormat.RDF_XML, "owl": ox.RdfFormat.RDF_XML, "xml": ox.RdfFormat.RDF_XML,
        "rdfxml": ox.RdfFormat.RDF_XML,
        "jsonld": ox.RdfFormat.JSON_LD, "json": ox.RdfFormat.JSON_LD,
    }  # fmt: skip
    if fmt and "/" in fmt:
        found = ox.RdfFormat.from_media_type(fmt)
    else:
        found = formats.get((fmt or Path(path).suffix.lstrip(".")).lower())
    if found is None:
        from ..words import Said

        raise InputFileError(path, Said("unknown-rdf-format"))
    return found


@functools.cache
def _xml_decl() -> re.Pattern:
    return re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def guard_rdf(path: Path, data: bytes, rdf_format) -> None:
    """Refuse what a parser must never see: XML entities, remote JSON-LD contexts."""
    import pyoxigraph as ox

    if rdf_format == ox.RdfFormat.RDF_XML:
        text = data
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16: look at the decoded text
            text = data.decode("utf-16", "replace").encode("utf-8")
        m = _xml_decl().search(text)
        if m:
            line, col = _position(text, m.start())
            raise InputFileError(
                path,
                f"RDF/XML with <!{m.group(1).decode().upper()}> refused "
                "before parsing (external or nested entities); remove the DOCTYPE/ENTITY "
                "declarations and write the values out",
                line=line,
                column=col,
            )
        check_nesting(path, data, rdf_format)
    elif rdf_format == ox.RdfFormat.JSON_LD:
        check_jsonld(path, data)


# ------------------------------------------------------------------------ nesting
_STEP = [0] * 256
for _c in b"[{":
    _STEP[_c] = 1
for _c in b"]}":
    _STEP[_c] = -1
_NOT_BRACKET = bytes(c for c in range(256) if c not in b"[]{}")


@functools.cache
def _json_token() -> re.Pattern:
    return re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def json_nesting(data: bytes) -> int:
    """The deepest nesting of arrays and objects in JSON text, without parsing it: escapes
    dropped, then the text outside strings kept, then its brackets summed (C speed: 0.7 s
    for 50 MB)."""
    from itertools import accumulate

    plain = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    outside = b"".join(plain.split(b'"')[0::2])
    brackets = outside.translate(None, _NOT_BRACKET)
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _too_deep(path: Path, data: bytes, at: int, what: str) -> InputFileError:
    line, col = _position(data, at)
    return InputFileError(
        path,
        f"{what} nested more than {MAX_NESTING} levels deep, refused before parsing (parse "
        "time grows with the square of the nesting); flatten the structure",
        line=line,
        column=col,
    )


def check_nesting(path: Path, data: bytes, rdf_format) -> None:
    """Refuse RDF/XML or JSON-LD nested deeper than ``MAX_NESTING`` (see the module doc)."""
    import pyoxigraph as ox

    if rdf_format == ox.RdfFormat.JSON_LD:
        if json_nesting(data) <= MAX_NESTING:
            return
        depth = 0
        for m in _json_token().finditer(data):  # only for a refused file: where it happens
            depth += _STEP[m.group()[0]] if len(m.group()) == 1 else 0
            if depth > MAX_NESTING:
                raise _too_deep(path, data, m.start(), "JSON")
        raise _too_deep(path, data, 0, "JSON")
    if rdf_format == ox.RdfFormat.RDF_XML:
        import xml.parsers.expat

        parser = xml.parsers.expat.ParserCreate()
        open_elements = [0]

        class Deep(Exception):
            pass

        def start(_name, _attrs) -> None:
            open_elements[0] += 1
            if open_elements[0] > MAX_NESTING:
                raise Deep

        def end(_name) -> None:
            open_elements[0] -= 1

        parser.StartElementHandler = start
        parser.EndElementHandler = end
        try:
            parser.Parse(data, True)
        except Deep:
            line, col = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1
            raise InputFileError(
                path,
                f"XML nested more than {MAX_NESTING} levels deep, refused before parsing "
                "(parse time grows with the square of the nesting); flatten the structure",
                line=line,
                column=col,
            ) from None
        except xml.parsers.expat.ExpatError:
            pass  # malformed: Oxigraph's parser says where, in its own words


def check_jsonld(path: Path, data: bytes) -> None:
    """Refuse JSON-LD that would need a network fetch (a remote @context or @import), or
    that is nested deeper than ``MAX_NESTING``."""
    import json

    import pyoxigraph as ox

    check_nesting(path, data, ox.RdfFormat.JSON_LD)
    try:
        doc = json.loads(decode(path, data).removeprefix("\ufeff"))
    except json.JSONDecodeError as exc:
        from ..words import Said

        raise InputFileError(
            path, Said("invalid-json", msg=exc.msg), line=exc.lineno, column=exc.colno
        ) from None

    def remote(ctx) -> str | None:
        if isinstance(ctx, str):
            return ctx
        if isinstance(ctx, list):
            return next((r for r in map(remote, ctx) if r), None)
        if isinstance(ctx, dict):
            imp = ctx.get("@import")
            if isinstance(imp, str):
                return imp
            return next((r for v in ctx.values() if isinstance(v, dict)
                         for r in [remote(v.get("@context"))] if r), None)  # fmt: skip
        return None

    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "@context" in node and (url := remote(node["@context"])):
                from ..words import Said

                raise InputFileError(path, Said("remote-context", url=repr(url)))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


@functools.cache
def _parser_at() -> re.Pattern:
    return re.compile(
        r"^(?:Parser error at )?line (\d+)(?: between columns (\d+) and \d+| column (\d+))?: ?"
    )


def syntax_error(path: Path | str, exc: Exception) -> InputFileError:
    """Oxigraph's 'Parser error at line 3 between columns 1 and 5: …' as an error located at
    file, line 3, column 1 (from the message, else the ``SyntaxError``'s ``lineno`` and
    ``offset``), so a caller can point at the place without parsing the message."""
    msg = str(exc).strip()
    m = _parser_at().match(msg)
    line: int | None = None
    column: int | None = None
    if m:
        line, column = int(m.group(1)), int(m.group(2) or m.group(3) or 1)
        msg = msg[m.end() :]
    elif isinstance(exc, SyntaxError) and exc.lineno:
        line, column = exc.lineno, exc.offset or 1
    msg = re.sub(r"\s*\(line \d+\)\s*$", "", msg)
    # the parser quotes the offending text: escape what would break the one line
    msg = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in msg)
    from ..words import Said

    return InputFileError(path, Said("syntax", msg=msg), line=line, column=column)


def xml_position(data: bytes) -> tuple[int, int] | None:
    """Where expat stops reading an XML document (line, column from 1), or None: Oxigraph's
    RDF/XML errors name no place. Called on an error only, after ``guard_rdf`` refused any
    DTD, so no entity is expanded."""
    import xml.parsers.expat

    try:
        xml.parsers.expat.ParserCreate().Parse(data, True)
    except xml.parsers.expat.ExpatError as err:
        return err.lineno, err.offset + 1
    return None


def _xml_placed(error: InputFileError, data: bytes) -> InputFileError:
    """An RDF/XML syntax error (which Oxigraph places nowhere) at expat's line and column."""
    if error.line is not None or getattr(error.reason, "key", None) != "syntax":
        return error
    where = xml_position(data)
    if where is None:
        return error
    return InputFileError(error.path, error.reason, line=where[0], column=where[1])


def relocated(error: InputFileError, message: str) -> InputFileError:
    """``error`` as a ``locate`` callback placed (and maybe reworded) it: where it only
    gained a line and column, its reason keeps its words.Said, said in the user's language."""
    found = located(error.path, message)
    if found.reason == str(error.reason):
        return InputFileError(error.path, error.reason, line=found.line, column=found.column)
    return found


def located(path: Path | str, message: str) -> InputFileError:
    """A message of the form 'file:line:column: what' (or 'file: what') as the located error
    it describes (e.g. one rewritten by a ``locate`` callback)."""
    prefix = f"{path}:"
    if not message.startswith(prefix):
        return InputFileError(path, message)
    m = re.match(r"(\d+)(?::(\d+))?: ", message[len(prefix) :])
    if m is None:
        return InputFileError(path, message[len(prefix) :].lstrip())
    column = int(m.group(2)) if m.group(2) else None
    return InputFileError(
        path, message[len(prefix) + m.end() :], line=int(m.group(1)), column=column
    )


def without_bom(data: bytes, form) -> bytes:
    """The bytes without a leading UTF-8 byte order mark, which Notepad and Excel write and
    no RDF text syntax allows: a reader of the file does not see it either."""
    import pyoxigraph as ox

    text = (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
    return data[3:] if data[:3] == b"\xef\xbb\xbf" and form in text else data


def load_rdf(
    ox_store,
    path: Path,
    fmt: str | None = None,
    graph=None,
    *,
    data: bytes | None = None,
    checked: bool = False,
) -> bytes:
    """Read, guard, parse and check one RDF file, then load it into ``ox_store`` (triples
    into ``graph``); returns the bytes read. Nothing is loaded unless the whole file is good.

    The file is parsed once by ``pyoxigraph.parse`` to check its syntax and typed literals
    (a streaming pass: 0.23 s for 220,000 triples, where a scratch store plus a SPARQL scan
    of its literals took 1.2 s, docs/performance.md), then loaded into the target by
    ``Store.load``, which is transactional. ``data``: the file's bytes, if read already
    (``read_bytes``). ``checked``: these exact bytes passed the literal check before
    (``store.load`` knows it from a closure-cache hit, keyed by their content hash), so they
    are loaded leniently and only the language-tag warnings run again.
    """
    import pyoxigraph as ox

    path = Path(path)
    form = rdf_format(path, fmt)
    raw = read_bytes(path) if data is None else data
    data = without_bom(raw, form)
    guard_rdf(path, data, form)
    if form != ox.RdfFormat.RDF_XML:
        decode(path, data)
    try:
        base = path.resolve().as_uri()
    except ValueError:
        base = None
    quads_format = form in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
    to_graph = None if quads_format or graph is None else graph
    if not checked and not _shipped(path) and worker.available():
        # a user's file: parsed and checked in a worker stopped at the deadline; the
        # triples come back as N-Triples/N-Quads, which load in linear time
        out_format = ox.RdfFormat.N_QUADS if quads_format else ox.RdfFormat.N_TRIPLES
        # N-Triples and N-Quads load in linear time as they are: the worker only checks them
        # (strictly), and the bytes themselves load leniently here
        plain = form in (ox.RdfFormat.N_TRIPLES, ox.RdfFormat.N_QUADS)
        if plain:
            # the worker checks the typed literals only (``_check_plain``); the syntax is
            # checked by this strict load, which is transactional and linear in these two
            # formats: the 50x graph's 223k triples 0.41 s in the worker and 0.57 s loaded
            # leniently before, 0.03 s and 0.70 s now (decision 37)
            parse_with_deadline(path, data, form, base, None, typed_only=True)
            try:
                ox_store.load(data, format=form, to_graph=to_graph)
            except (SyntaxError, ValueError) as exc:
                raise syntax_error(path, exc) from None
            return raw
        try:
            triples = parse_with_deadline(path, data, form, base, out_format)
        except InputFileError as refused:
            raise (
                _xml_placed(refused, data) if form == ox.RdfFormat.RDF_XML else refused
            ) from None
        try:
            ox_store.load(triples, format=out_format, to_graph=to_graph, lenient=True)
        except (SyntaxError, ValueError, OSError) as exc:  # not expected: our own output
            raise InputError(f"{path}: cannot be loaded ({exc})") from None
        return raw
    try:
        parsed = () if checked else ox.parse(data, format=form, base_iri=base)
        check_literals(path, data, parsed, form)
        # checked: a strict load of these exact bytes succeeded before, so lenient (no IRI
        # re-validation) gives the same triples: 0.37 s instead of 0.64 s at 50x
        ox_store.load(data, format=form, base_iri=base, to_graph=to_graph, lenient=checked)
    except (SyntaxError, ValueError) as exc:
        error = syntax_error(path, exc)
        raise (_xml_placed(error, data) if form == ox.RdfFormat.RDF_XML else error) from None
    except OSError as exc:  # e.g. a JSON-LD loader asked for; nothing is fetched
        raise InputFileError(path, f"{exc}; the file needs something from outside it") from None
    return raw


#: Turtle's and N-Triples' LANGTAG production: the tags a syntax allows, BCP 47 or not
#: (RDF/XML's xml:lang and JSON-LD's @language are held to the same).
_LANGTAG_SYNTAX = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*\Z")


def lenient_tag_quads(data: bytes, form, base: str | None) -> list | None:
    """The quads of a file whose fault is a language tag that breaks BCP 47 but fits the
    syntax (Turtle's LANGTAG is ``[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*``, e.g. a subtag of nine
    letters; a tag outside that is refused in every syntax): parsed leniently, every IRI
    checked as the strict parser checks it. None when the lenient parse fails too, an IRI
    is invalid, or no tag is at fault: the strict parser's error stands then."""
    import pyoxigraph as ox

    try:
        quads = list(ox.parse(data, format=form, base_iri=base, lenient=True))
    except (SyntaxError, ValueError, OSError, RecursionError):
        return None
    iris: set[str] = set()
    tags: set[str] = set()
    bad_tag = False

    def valid(iri: str) -> bool:
        if iri not in iris:
            try:
                ox.NamedNode(iri)
            except ValueError:
                return False
            iris.add(iri)
        return True

    for q in quads:
        for term in (q.subject, q.predicate, q.object, q.graph_name):
            if isinstance(term, ox.NamedNode) and not valid(term.value):
                return None
            if isinstance(term, ox.Literal):
                if not valid(term.datatype.value):
                    return None
                if term.language and term.language not in tags:
                    try:
                        ox.Literal(term.value, language=term.language)
                    except ValueError:
                        if not _LANGTAG_SYNTAX.match(term.language):
                            return None  # no syntax allows it (e.g. xml:lang="e_n")
                        bad_tag = True
                    tags.add(term.language)
    return quads if bad_tag else None


def _parse_and_check(
    path: Path,
    data: bytes,
    form,
    base: str | None,
    out_format,
    literals: str = "all",
    locate: Callable[[str, str], str] | None = None,
    tags: str = "refuse",
) -> tuple:
    """In the worker: parse, check the literals, and return (triples in ``out_format``, or
    nothing when it is None, and the warnings said). Errors are raised as InputError, in the
    same words as in-process. ``tags="read"``: a language tag that breaks BCP 47 but fits the
    syntax is read (:func:`lenient_tag_quads`), for a check to report it."""
    import pyoxigraph as ox

    global on_warning
    said: list[str] = []
    on_warning = said.append
    try:
        if out_format is None:  # check only
            parsed: Iterable[ox.Quad] = ox.parse(data, format=form, base_iri=base)
        else:
            parsed = list(ox.parse(data, format=form, base_iri=base))
        if literals == "all":
            check_literals(path, data, parsed, form)
        else:
            for _ in parsed if out_format is None else ():  # the syntax check: read it all
                pass
            if literals == "lang":  # no triples: only the language-tag warning
                check_literals(path, data, (), form)
        if out_format is None:
            return b"", said
        return ox.serialize(parsed, format=out_format) or b"", said
    except (SyntaxError, ValueError) as exc:
        if tags == "read" and out_format is not None and literals != "all":
            quads = lenient_tag_quads(data, form, base)
            if quads is not None:
                if literals == "lang":
                    check_literals(path, data, (), form)
                return ox.serialize(quads, format=out_format) or b"", said
        error = syntax_error(path, exc)
        raise (relocated(error, locate(str(error), str(exc))) if locate else error) from None
    except OSError as exc:  # e.g. a JSON-LD loader asked for; nothing is fetched
        raise InputFileError(path, f"{exc}; the file needs something from outside it") from None
    except RecursionError:
        raise InputFileError(path, "nested too deeply to read; flatten the structure") from None


def _check_plain(path: Path, data: bytes, form, base: str | None) -> tuple:
    """In the worker, for N-Triples and N-Quads, whose syntax the strict load that follows
    checks (``load_rdf``): the literals of the lines that hold a typed literal (one triple a
    line in these formats), then the language tags of the whole file. Whatever it finds is
    reported by the full check (``_parse_and_check``), which names the file's first fault
    at its line, as it did before."""
    import pyoxigraph as ox

    global on_warning
    typed = _typed_lines(data)
    try:
        check_literals(path, typed, ox.parse(typed, format=form, base_iri=base), form, tags=False)
    except (HerstelgraphError, SyntaxError, ValueError):
        return _parse_and_check(path, data, form, base, None)
    said: list[str] = []
    on_warning = said.append
    check_literals(path, data, (), form)
    return b"", said


def _typed_lines(data: bytes) -> bytes:
    """The lines with ``^^`` in them: every typed literal of N-Triples and N-Quads is on one
    (found with ``find``: a pattern around ``^^`` backtracks over every line)."""
    lines = []
    at = data.find(b"^^")
    while at >= 0:
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end
        lines.append(data[data.rfind(b"\n", 0, at) + 1 : end])
        at = data.find(b"^^", end)
    return b"\n".join(lines)


def parse_with_deadline(
    path: Path,
    data: bytes,
    form,
    base: str | None,
    out_format,
    *,
    literals: str = "all",
    locate: Callable[[str, str], str] | None = None,
    tags: str = "refuse",
    typed_only: bool = False,
) -> bytes:
    """The file's triples (as ``out_format``; None: only check them), parsed and checked in
    a worker that is killed after ``parse_timeout()`` seconds. ``literals``: "all" (ill-typed
    literals are errors, language tags spelled in two cases a warning), "lang" (only the
    warning) or "none". ``locate(message, raw)``: rewrites a syntax error's message (run in
    the worker). ``tags``: "refuse" a language tag that breaks BCP 47, or "read" it where
    the syntax allows it. ``typed_only``: N-Triples or N-Quads whose syntax the caller
    checks; only its typed literals and language tags are checked (``_check_plain``).
    Warnings are said here, in this process."""
    timeout = parse_timeout()
    try:
        triples, said = worker.call(
            (lambda: _check_plain(path, data, form, base))
            if typed_only
            else lambda: _parse_and_check(
                path, data, form, base, out_format, literals, locate, tags
            ),
            timeout,
        )
    except worker.Timeout:
        from ..words import Said

        said = Said("parse-timeout", seconds=f"{timeout:g}", setting=PARSE_TIMEOUT_ENV)
        raise InputFileError(path, said) from None
    except worker.Died:
        raise InputFileError(
            path, "the parser stopped without an answer (out of memory?); split the file"
        ) from None
    except worker.Failed as exc:
        if exc.located is not None:  # the worker's InputFileError, with its line and column
            where, reason, line, column = exc.located
            raise InputFileError(where, reason, line=line, column=column) from None
        if exc.kind in ("InputError", "InputFileError", "SettingError"):
            raise InputError(str(exc)) from None
        if exc.kind == "MemoryError":
            raise InputFileError(path, "too large to read in memory; split the file") from None
        raise RuntimeError(f"{exc.kind} while reading {path}: {exc}") from None
    for message in said:
        warn(message)
    return triples


# ------------------------------------------------------------------------ literals
XSD = "http://www.w3.org/2001/XMLSchema#"
_INT = r"[+-]?\d+"
_LEXICAL = {
    "integer": _INT, "int": _INT, "long": _INT, "short": _INT, "byte": _INT,
    "nonNegativeInteger": r"\+?\d+|-0+", "positiveInteger": r"\+?\d+",
    "nonPositiveInteger": r"-\d+|\+?0+", "negativeInteger": r"-\d+",
    "unsignedLong": r"\+?\d+", "unsignedInt": r"\+?\d+", "unsignedShort": r"\+?\d+",
    "unsignedByte": r"\+?\d+",
    "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "double": r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN",
    "float": r"[+-]?((\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF)|NaN",
    "boolean": r"true|false|1|0",
    "date": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?",
    "dateTime": r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-4]):[0-5]\d:"
                r"[0-5]\d(\.\d+)?(Z|[+-]\d\d:\d\d)?",
    "gYear": r"-?\d{4,}(Z|[+-]\d\d:\d\d)?",
    "gYearMonth": r"-?\d{4,}-(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?",
}  # fmt: skip
_RANGES = {
    "long": (-(2**63), 2**63 - 1), "int": (-(2**31), 2**31 - 1), "short": (-32768, 32767),
    "byte": (-128, 127), "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 65535), "unsignedByte": (0, 255),
}  # fmt: skip
#: datatype IRI -> (its name, the lexical pattern); compiled on first use (``_lexical``),
#: so a process that checks no literal does not pay for 21 regular expressions
_CHECKED = {XSD + name: (name, rx) for name, rx in _LEXICAL.items()}


@functools.cache
def _lexical(datatype: str) -> re.Pattern[str]:
    return re.compile(_CHECKED[datatype][1])


def ill_typed(value: str, datatype: str) -> bool:
    """True when ``value`` is not in the lexical space of a checked XSD datatype."""
    checked = _CHECKED.get(datatype)
    if checked is None:
        return False
    name = checked[0]
    if not _lexical(datatype).fullmatch(value):
        return True
    if name in _RANGES:
        lo, hi = _RANGES[name]
        return not lo <= int(value) <= hi
    return False


_LANG_PREFIX = {
    "xml": rb"xml:lang\s*=\s*[\"']",
    "json": rb"\"@language\"\s*:\s*\"",
    "text": rb"[\"']@",
}


def check_literals(path: Path, data: bytes, parsed, form, *, tags: bool = True) -> None:
    """Ill-typed literals are errors; language tags spelled in two cases, a warning.
    ``parsed``: the file's triples or quads (``pyoxigraph.parse``), read once. ``tags``:
    False: the literals only."""
    import pyoxigraph as ox

    literal = ox.Literal
    for triple in parsed:
        o = triple.object
        if (
            type(o) is literal
            and o.datatype.value in _CHECKED
            and ill_typed(o.value, o.datatype.value)
        ):
            name = _CHECKED[o.datatype.value][0]
            needle = o.value.encode("utf-8")
            at = data.find(b'"' + needle + b'"')
            at = at if at >= 0 else data.find(b">" + needle + b"<")
            line, column = _position(data, at + 1) if at >= 0 else (None, None)
            raise InputFileError(
                path,
                f"{o.value!r} is not a valid xsd:{name}; correct the value or drop the datatype",
                line=line,
                column=column,
            )
    if not tags:
        return
    kind = {ox.RdfFormat.RDF_XML: "xml", ox.RdfFormat.JSON_LD: "json"}.get(form, "text")
    prefix = _LANG_PREFIX[kind]
    folded: dict[bytes, set[bytes]] = {}
    # one pattern per quote: a literal prefix lets re skip ahead (0.01 s on 28 MB where the
    # class [\"'] costs 0.17 s)
    for pre in (b'"@', b"'@") if kind == "text" else (prefix,):
        for tag in set(re.findall(pre + rb"([A-Za-z][A-Za-z0-9-]*)", data)):
            folded.setdefault(tag.lower(), set()).add(tag)
    for variants in folded.values():
        if len(variants) < 2:
            continue
        firsts = []
        for v in variants:
            m = re.search(prefix + b"(" + re.escape(v) + rb")(?![A-Za-z0-9-])", data)
            if m:
                firsts.append((m.start(1), v))
        if len(firsts) < 2:
            continue
        firsts.sort()
        (at1, first), (at2, second) = firsts[0], firsts[1]
        line, col = _position(data, at2)
        warn(
            f"{path}:{line}:{col}: language tag {second.decode()!r} is also written "
            f"{first.decode()!r} (line {_position(data, at1)[0]}); RDF reads both as "
            f"{first.decode().lower()!r}: write one spelling"
        )


# ------------------------------------------------------------------------ queries
def _strip_sparql(text: str) -> str:
    """The query with strings blanked and comments removed, IRIs kept (``query_form``)."""
    out = []
    pos = 0
    for m in _strip().finditer(text):
        out.append(text[pos : m.start()])
        if m.group(1):
            out.append('""')
        elif m.group(2):
            out.append(m.group(2))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


@functools.cache
def _strip() -> re.Pattern:
    return re.compile(
        r"(\"\"\"[\s\S]*?\"\"\"|'''[\s\S]*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')"
        r"|(<[^<>\"{}|^`\\\s]*>)|(#[^\n]*)"
    )


@functools.cache
def _sparql_token() -> re.Pattern:
    return re.compile(
        r'"""[\s\S]*?"""'
        r"|'''[\s\S]*?'''"
        r'|"(?:[^"\\\n]|\\.)*"'
        r"|'(?:[^'\\\n]|\\.)*'"
        r"|(?P<iri><[^<>\"{}|^`\\\s]*>)"
        r"|#[^\n]*"
        r"|[?$]\w+"
        r"|(?P<pname>(?:[A-Za-z][\w.\-]*)?:[\w.:%\-]*|_:[\w.\-]*)"
        r"|(?P<word>[A-Za-z_]\w*)"
    )


_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}
_OWN_GRAPHS = "https://w3id.org/herstelgraph/graph/"


def _tokens(text: str) -> list[tuple[str, str, int]]:
    """SPARQL's significant tokens as (kind, text, offset): kind is iri, pname or word;
    strings, comments and variables are skipped, so a keyword inside them never counts."""
    out = []
    for m in _sparql_token().finditer(text):
        kind = m.lastgroup
        if kind is not None:
            out.append((kind, m.group(), m.start()))
    return out


def _remote_from(tokens, i: int) -> str | None:
    """The graph a FROM at ``tokens[i]`` names, when it is one the store would have to fetch."""
    j = i + 1
    if j < len(tokens) and tokens[j][0] == "word" and tokens[j][1].upper() == "NAMED":
        j += 1
    if j >= len(tokens):
        return None
    kind, target, _ = tokens[j]
    if kind == "iri":
        if target[1:].startswith(_OWN_GRAPHS):
            return None
        return target if re.match(r"<https?:", target, re.IGNORECASE) else None
    return target if kind == "pname" else None


def _refusal(text: str, *, update: bool, remote: bool) -> tuple[str, int] | None:
    """The first refused construct in a query: (message, offset), or None."""
    tokens = _tokens(text)
    for i, (kind, word, at) in enumerate(tokens):
        if kind != "word":
            continue
        upper = word.upper()
        if update and upper in _UPDATE_WORDS:
            return (
                f"SPARQL Update ({upper}) refused: queries here only read; run updates "
                "against your own copy of the data",
                at,
            )
        if not remote:
            continue
        if upper == "SERVICE":
            return (
                "SERVICE refused: the embedded store never calls other endpoints; send the "
                "query to a SPARQL endpoint that may",
                at,
            )
        if upper == "FROM":
            target = _remote_from(tokens, i)
            if target is not None:
                return (
                    f"FROM {target} refused: the embedded store never fetches graphs; use "
                    "GRAPH patterns, load the file as data, or ask an endpoint",
                    at,
                )
    return None


def _located(text: str, where: str, found: tuple[str, int]) -> str:
    message, at = found
    line = text.count("\n", 0, at) + 1
    col = at - (text.rfind("\n", 0, at) + 1) + 1
    return f"{where}:{line}:{col}: {message}"


def check_query_text(text: str, where: str, *, endpoint: bool = False) -> None:
    """A user's query file: refuse SPARQL Update always, and SERVICE, LOAD and FROM <http…>
    unless the query goes to an endpoint. Raises QueryError at ``where:line:column``."""
    found = _refusal(text, update=True, remote=not endpoint)
    if found is not None:
        raise QueryError(_located(text, where, found))


@functools.lru_cache(maxsize=512)
def _guard_cached(text: str) -> str | None:
    found = _refusal(text, update=False, remote=True)
    return None if found is None else _located(text, "query", found)


def guard_query(text: str) -> None:
    """Every query the embedded store runs: refuse SERVICE and FROM <http…> (Oxigraph would
    make the request itself). Cached per query text: the shipped questions pay once."""
    message = _guard_cached(text)
    if message is not None:
        raise QueryError(message)


def _seconds(env: str, default: float) -> float:
    """A deadline setting: a number of seconds, 0 < t <= MAX_SECONDS."""
    import math

    text = os.environ.get(env)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        from ..words import Said

        raise SettingError(env, Said("seconds-form", setting=env, text=repr(text))) from None
    if not math.isfinite(value) or not 0 < value <= MAX_SECONDS:
        raise SettingError(
            env, f"{env}={text!r}: expected seconds above 0 and at most {MAX_SECONDS:g} (a day)"
        )
    return value


def query_timeout() -> float:
    """Seconds a user's query may run: HERSTELGRAPH_QUERY_TIMEOUT, default 30."""
    return _seconds(QUERY_TIMEOUT_ENV, DEFAULT_QUERY_TIMEOUT)


def parse_timeout() -> float:
    """Seconds a user's file may take to parse: HERSTELGRAPH_PARSE_TIMEOUT, default 60."""
    return _seconds(PARSE_TIMEOUT_ENV, DEFAULT_PARSE_TIMEOUT)


def _encode(term):
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("i", term.value)
    if isinstance(term, ox.BlankNode):
        return ("b", term.value)
    if isinstance(term, ox.Literal):
        return ("l", term.value, term.datatype.value, term.language)
    return ("s", str(term))


def _decode(enc):
    import pyoxigraph as ox

    if enc is None:
        return None
    kind = enc[0]
    if kind == "i":
        return ox.NamedNode(enc[1])
    if kind == "b":
        return ox.BlankNode(enc[1])
    if kind == "l":
        if enc[3]:
            return ox.Literal(enc[1], language=enc[3])
        return ox.Literal(enc[1], datatype=ox.NamedNode(enc[2]))
    return ox.Literal(enc[1])


def select_with_deadline(
    store,
    sparql: str,
    bindings: Mapping | None = None,
    *,
    entailment: bool | str = False,
    timeout: float | None = None,
    where: str = "query",
    form: str = "select",
):
    """``store.select`` (or ``ask``/``construct`` by ``form``) in a forked worker that is
    killed at the deadline. A SELECT's answer is (its variables, its rows as dicts).

    Oxigraph has no way to cancel a running query, so a user's query runs in a child
    process that shares the store copy-on-write (no reload); rows come back over a pipe.
    The worker never outlives the call, nor this process (``io/worker.py``). Where fork does
    not exist (Windows) the query runs in-process, without a deadline.
    """
    timeout = query_timeout() if timeout is None else timeout
    if not worker.available():
        return _unpack(form, _answer(store, form, sparql, bindings, entailment))
    try:
        payload = worker.call(lambda: _answer(store, form, sparql, bindings, entailment), timeout)
    except worker.Timeout:
        from ..words import Said

        said = Said("query-timeout", where=where, seconds=f"{timeout:g}", setting=QUERY_TIMEOUT_ENV)
        raise QueryError(said) from None
    except worker.Died:
        raise QueryError(
            f"{where}: the query worker died (out of memory?); simplify the query"
        ) from None
    except worker.Failed as exc:
        if exc.kind in ("SyntaxError", "QuerySyntaxError"):  # the store's, with its place
            from ..errors import QuerySyntaxError

            raise QuerySyntaxError(str(exc).removeprefix(QuerySyntaxError.PREFIX)) from None
        if exc.kind in _INPUT_ERRORS:
            message = str(exc)
            located = message if message.startswith(where) else f"{where}: {message}"
            raise QueryError(located) from None
        raise QueryError(f"{where}: {exc.kind}: {exc}") from None
    return _unpack(form, payload)


def _answer(store, form: str, sparql: str, bindings, entailment):
    """A query's answer in a form a pipe carries: encoded rows, a bool, N-Triples bytes."""
    import pyoxigraph as ox

    if form == "ask":
        return store.ask(sparql, bindings, entailment=entailment)
    if form in ("construct", "describe"):
        triples = store.construct(sparql, bindings, entailment=entailment)
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    rows = store.select(sparql, bindings, entailment=entailment)
    return list(rows.variables), [{k: _encode(v) for k, v in r.items()} for r in rows]


def _unpack(form: str, payload):
    import pyoxigraph as ox

    if form == "ask":
        return bool(payload)
    if form in ("construct", "describe"):
        quads = ox.parse(payload, format=ox.RdfFormat.N_TRIPLES)
        return [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
    variables, rows = payload  # a SELECT: (its variables, its rows)
    return variables, [{k: _decode(v) for k, v in r.items()} for r in rows]


_INPUT_ERRORS = {"InputError", "QueryError", "ParameterError", "SettingError", "UnknownIdError"}
