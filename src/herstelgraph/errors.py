"""The errors a caller can act on, as a typed tree.

Each carries one line saying what, where and what to do, in the library's words (no command
line flags: the CLI maps each class to an exit code and adds its own hints). Structured
fields (path, line, suggestions, …) let a program react without parsing the message.

>>> from herstelgraph.errors import InputFileError, UnknownFrameworkError
>>> str(InputFileError("c.csv", "no programme", line=3, column=2))
'c.csv:3:2: no programme'
>>> err = UnknownFrameworkError("bk-9", ("bk-0597-1", "valente-2023"))
>>> str(err)
"unknown framework 'bk-9'; known: bk-0597-1, valente-2023"
>>> isinstance(err, InputError)
True
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple


class HerstelgraphError(Exception):
    """Base of every error the library raises on purpose; the CLI prints its one line."""

    #: the CLI's exit code: 2 = usage or input
    exit_code = 2


class InputError(HerstelgraphError):
    """Unreadable or invalid input: a file, an ID, a parameter, a setting."""


class InputFileError(InputError):
    """A user file that cannot be read or is malformed, located as exactly as known."""

    def __init__(
        self,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
    ):
        self.path = str(path)
        self.line = line
        self.column = column
        self.reason = message
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")


class SheetProblem(NamedTuple):
    """One problem in a sheet, located as a spreadsheet user finds it: the row as the
    spreadsheet numbers it (the header is row 1), the column by letter and header name (A,
    'leeruitkomst'), the value found, and what is wrong and what to do. A named tuple: every
    process imports this module, and a frozen dataclass costs ~1 ms to define (decision 44)."""

    line: int  # the line of the file where the row starts (CSV), or the row (XLSX)
    row: int
    column: int | None  # 1-based
    column_letter: str | None
    column_name: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}"
        if self.column_letter:
            where += f", column {self.column_letter}"
            if self.column_name:
                where += f" ({self.column_name!r})"
        value = f", value {self.value!r}" if self.value is not None else ""
        return f"{where}{value}: {self.message}"


class SheetError(InputFileError):
    """A sheet with problems in its rows: all of them, found in one pass (``problems``).

    >>> p = SheetProblem(3, 3, 4, "D", "competenties", "bk:X9", "unknown ID")
    >>> str(SheetError("c.csv", [p]))
    "c.csv:3: row 3, column D ('competenties'), value 'bk:X9': unknown ID"
    """

    def __init__(self, path: str | Path, problems: Sequence[SheetProblem]):
        self.problems = tuple(problems)
        first = self.problems[0]
        if len(self.problems) == 1:
            InputFileError.__init__(self, path, str(first), line=first.line)
            return
        lines = [f"{path}:{p.line}: {p}" for p in self.problems]
        InputFileError.__init__(
            self,
            path,
            f"{len(self.problems)} problems; fix them and run again:\n  " + "\n  ".join(lines),
        )


class ParameterError(InputError):
    """A parameter of a question or query with a missing or invalid value."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(message)


class SettingError(InputError):
    """An environment setting (HERSTELGRAPH_*) with a value that cannot be used."""

    def __init__(self, name: str, message: str):
        self.name = name
        super().__init__(message)


class UnknownIdError(InputError):
    """An ID that names no concept (or profile, role); carries the closest matches."""

    def __init__(self, ident: str, suggestions: Sequence[str] = (), *, what: str = "ID"):
        self.ident = ident
        self.what = what
        self.suggestions = tuple(suggestions)
        hint = f"; did you mean {', '.join(self.suggestions)}?" if self.suggestions else ""
        super().__init__(f"unknown {what} {ident!r}{hint}")


class AmbiguousIdError(UnknownIdError):
    """A notation that names items of several frameworks (e.g. C2): the choices, prefixed."""

    def __init__(self, ident: str, choices: Sequence[str]):
        self.ident = ident
        self.suggestions = self.choices = tuple(choices)
        InputError.__init__(
            self,
            f"ambiguous ID {ident!r}: it names {len(self.choices)} items; "
            f"write one of {', '.join(self.choices)}",
        )


class UnknownFrameworkError(UnknownIdError):
    """A framework name that matches no loaded framework; ``known`` lists the ones there are."""

    def __init__(self, name: str, known: Sequence[str]):
        self.ident = self.name = name
        self.known = self.suggestions = tuple(known)
        InputError.__init__(self, f"unknown framework {name!r}; known: {', '.join(self.known)}")


class MissingDataError(InputError):
    """A question that needs data the graph does not hold (``what``: e.g. "profiles")."""

    def __init__(self, what: str, message: str):
        self.what = what
        super().__init__(message)


class QueryError(InputError):
    """A SPARQL query that is refused (update, SERVICE, FROM), malformed or too slow."""


class QuerySyntaxError(QueryError):
    """A SPARQL text that does not parse; ``detail`` is the parser's own message, which
    places the error as ``error at LINE:COLUMN: …`` in the query text."""

    PREFIX = "the query does not parse: "

    def __init__(self, detail: str):
        self.detail = detail
        super().__init__(self.PREFIX + " ".join(detail.split()))


class OutputError(HerstelgraphError):
    """An output that cannot be written where asked (no folder, read-only, an input file)."""

    def __init__(self, path: str | Path, message: str):
        self.path = str(path)
        self.reason = message  # a words.Said is said again in the user's language
        super().__init__(f"{path}: {message}")


class EndpointError(HerstelgraphError):
    """A SPARQL endpoint that is down, slow, answers with an error or with malformed data."""

    def __init__(self, url: str, message: str):
        self.url = url
        super().__init__(message)


class EndpointTimeoutError(EndpointError):
    """A SPARQL endpoint that did not finish its answer within ``timeout`` seconds."""

    def __init__(
        self,
        url: str,
        message: str,
        *,
        timeout: float,
    ):
        self.timeout = timeout
        super().__init__(url, message)


class UnboundVariableError(EndpointError, KeyError):
    """An endpoint's answer that leaves unbound a variable the question always binds. A
    ``KeyError`` too, as ``row[name]`` raises on an embedded store's row, so code that reads
    optional variables that way keeps working; the CLI reports it in one line (exit 2)."""

    def __init__(self, url: str, variable: str):
        self.variable = variable
        super().__init__(
            url,
            f"SPARQL endpoint {url} left ?{variable} unbound in an answer that needs it; "
            "check that it holds the graphs herstelgraph exports as TriG",
        )

    def __str__(self) -> str:  # KeyError's would quote the message
        return str(self.args[0])


class UnsupportedError(HerstelgraphError):
    """An operation the current store cannot do (e.g. an rdflib export from an endpoint)."""


class MissingExtraError(HerstelgraphError):
    """An optional dependency group that is not installed; ``extra`` names it."""

    def __init__(self, extra: str, purpose: str):
        self.extra = extra
        super().__init__(
            f"{purpose} needs the optional '{extra}' dependencies: "
            f"pip install 'herstelgraph[{extra}]'"
        )


__all__ = [
    "AmbiguousIdError",
    "EndpointError",
    "EndpointTimeoutError",
    "HerstelgraphError",
    "InputError",
    "InputFileError",
    "MissingDataError",
    "MissingExtraError",
    "OutputError",
    "ParameterError",
    "QueryError",
    "SettingError",
    "SheetError",
    "SheetProblem",
    "UnknownFrameworkError",
    "UnknownIdError",
    "UnsupportedError",
]
