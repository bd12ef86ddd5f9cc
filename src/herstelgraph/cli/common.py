"""What every verb shares: the per-invocation Context (lazy store, language), the output
options (``--format`` and ``-o``), and writing an answer where it was asked for."""

from __future__ import annotations

import errno
import functools
import sys
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path
from typing import Any

import click

from ..errors import HerstelgraphError, OutputError
from ..model import Language, OutputFormat
from .render import FORMATS, Answer, Presenter, render

#: the format an -o FILE's suffix implies when --format is not given
SUFFIX_FORMATS = {".xlsx": OutputFormat.XLSX, ".csv": OutputFormat.CSV, ".json": OutputFormat.JSON}


class Interrupted(BaseException):
    """Ctrl-C in the CLI (``main`` turns SIGINT into it: exit 130, one line). Not a
    KeyboardInterrupt, which click would answer with a blank line; a verb that stops on
    Ctrl-C (a server) catches this."""


#: The language the global --lang (or the locale) chose for this invocation, for the error
#: line main() prints after click's context is gone (None: not parsed yet).
LANGUAGE: ContextVar[Language | None] = ContextVar("herstelgraph_language", default=None)

#: Set by ``run`` (the console command, which leaves with ``os._exit``): every store an
#: invocation built is kept here, so that it is not freed when click's context goes (0.3 s
#: of CPU for a 50x store: Oxigraph's indexes and Python's objects, decision 38). None:
#: stores are freed as usual (``main`` called in a longer process, e.g. the tests).
HELD: list | None = None


class Context:
    """Per-invocation state: the store is built on first use, so --help stays instant."""

    def __init__(
        self,
        data: tuple[str, ...],
        endpoint: str | None = None,
        lang: Language | str | None = None,
        verbose: bool = False,
        endpoint_timeout: float | None = None,
        *,
        reviews: tuple[str, ...] = (),
    ):
        from ..words import default_language

        self.data = data
        self.endpoint = endpoint
        self.endpoint_timeout = endpoint_timeout
        self.lang = Language(str(lang)) if lang else default_language()
        self.verbose = verbose
        self.reviews = reviews  # folders of review files beside the default ones
        self._store: Any = None

    @property
    def store(self) -> Any:
        if self._store is None and self.endpoint:
            from ..store.endpoint import Endpoint

            if self.data:
                raise HerstelgraphError(
                    "--data cannot be combined with --endpoint: load the file into the "
                    "endpoint's graph https://w3id.org/herstelgraph/graph/user instead"
                )
            self._store = Endpoint(
                self.endpoint, timeout=self.endpoint_timeout, on_warning=endpoint_warning
            )
        if self._store is None:
            from ..curation.review.loading import load

            reviews = None
            if self.reviews:
                from ..curation.review.folders import review_dirs
                from ..errors import InputError

                for p in self.reviews:
                    if not Path(p).is_dir():
                        from ..words import Said

                        raise InputError(Said("no-review-folder", path=str(p)))
                reviews = review_dirs([Path(p) for p in self.reviews])
            extra = [Path(p) for p in self.data]
            # reviews only when named: the default ones load() finds by itself. A process
            # asks one question: the persisted store opens in milliseconds (issue 22); after
            # a slow rebuild it is written by a detached process while this one answers
            self._store = load(
                extra=extra, persisted=True, reviews=reviews or None, background=True
            )
            if HELD is not None:
                HELD.append(self._store)
        return self._store

    def presenter(self) -> Presenter:
        return Presenter(self.lang, self.verbose, english=self.english_texts)

    def english_texts(
        self, ids: set[str], definitions: bool = True
    ) -> dict[str, tuple[str | None, str | None]]:
        """The English translations of items (CSV and XLSX put them beside the Dutch)."""
        from ..questions.catalogue import english_texts

        return english_texts(self.store, ids, definitions=definitions)

    def refuse_endpoint(self, what: str, why: str) -> None:
        """One line for a verb (or form of one) that cannot work on --endpoint; ``why``: the
        key of its reason in ``words.MESSAGES``, said in the run's language."""
        if self.endpoint:
            from ..errors import UnsupportedError
            from ..words import message

            reason = message(why, self.lang)
            raise UnsupportedError(message("endpoint_refused", self.lang, what=what, why=reason))


def run_language() -> Language:
    """The run's language: the global --lang or a verb's, once read; else the locale's."""
    from ..words import default_language

    return LANGUAGE.get() or default_language()


def stderr_line(kind: str, text: str, lang: Language | str | None = None) -> str:
    """An error's or a warning's line: ``herstelgraph: fout: …`` (``waarschuwing:``; in
    English ``error:``, ``warning:``), in the run's language unless ``lang`` is given."""
    from ..words import message

    return f"herstelgraph: {message(kind, lang or run_language())}: {text}"


def endpoint_warning(kind: str, message: str) -> None:
    """An endpoint's warning on standard error, its advice in the CLI's terms."""
    if kind == "layout":
        from ..store.endpoint import LAYOUT_HINT

        cli_hint = "load 'herstelgraph export --format trig' into it for the closure"
        message = message.replace(LAYOUT_HINT, cli_hint)
    click.echo(stderr_line("warning", message), err=True)


def _context() -> Context:
    ctx = click.get_current_context(silent=True)
    obj = ctx.find_object(Context) if ctx is not None else None
    return obj if obj is not None else Context(())


#: the values of every --lang that names the language a user reads (the global one, a
#: verb's own, and the one every verb takes after it)
LANGUAGES = click.Choice(["nl", "en"], case_sensitive=False)


def lang_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """A verb's own ``--lang`` for the document it writes (an annex, a sheet, a page); left
    out, the global ``--lang`` (and its default) decides, so one setting serves every verb."""
    return click.option(
        "--lang",
        type=LANGUAGES,
        default=None,
        is_eager=True,  # read before --help: the help is in it too
        callback=_own_lang,
        help=f"{what} [default: the global --lang].",
    )


def _own_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        verb_lang(value)
    return value


def lang_after_the_verb(command: click.Command) -> None:
    """Give every verb of ``command`` (a verb or a group) that has no ``--lang`` of its own
    one that sets the run's language, so ``crosswalk A B --lang en`` reads as ``--lang en
    crosswalk A B`` (the later one wins). Parsed after the group's options, before the verb
    runs: its headers, notes and errors are in that language."""
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            lang_after_the_verb(sub)
        return
    if any("--lang" in getattr(p, "opts", ()) for p in command.params):
        return  # its own: a document's language (lang_option) or export's filter
    command.params.append(
        click.Option(
            ["--lang"],
            type=LANGUAGES,
            expose_value=False,
            is_eager=True,  # read before --help: `gaps --lang en --help` is in English
            callback=lambda _ctx, _param, value: verb_lang(value),
            help="Language of the headers, words and messages [default: the global --lang].",
        )
    )


def verb_lang(lang: str | None) -> str:
    """The language a verb's own ``--lang`` names, else the global one. Named, it is the
    run's language from here on, so the verb's notes and errors are in it too."""
    context = _context()
    if lang:
        context.lang = Language(lang.lower())
        LANGUAGE.set(context.lang)
    return str(context.lang)


def write_output(path: str | Path | None, data: bytes, *, binary: bool = False) -> None:
    """Write to ``path`` atomically (never onto an input of the run: ``io.atomic``), or to
    standard output. A binary format (xlsx) is refused on a terminal, where it would only
    garble the screen; into a pipe or a redirect it is written as is. Text on a terminal has
    its control characters and bidi overrides escaped (CSV and JSON too, as tables are)."""
    if path is not None and str(path) != "-":  # "-o -": standard output, as usual
        from ..io.atomic import write_bytes

        write_bytes(Path(path), data)
        return
    if binary and _stdout_is_terminal():
        from ..words import message

        raise OutputError("standard output", message("xlsx_terminal", _context().lang))
    if _stdout_is_terminal():  # what a label holds must not drive the terminal
        from ..io.tables import escape_terminal_stream

        text = data.decode("utf-8", "surrogateescape")
        data = escape_terminal_stream(text).encode("utf-8", "surrogateescape")
    try:
        stream = getattr(sys.stdout, "buffer", None)
        sys.stdout.flush()
        if stream is None:  # a text-only stream (some embedders): text formats still work
            sys.stdout.write(data.decode("utf-8", "surrogateescape"))
            sys.stdout.flush()
            return
        stream.write(data)
        stream.flush()
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # the reader left (| head): click ends quietly
            raise
        from ..words import Said

        raise OutputError(
            "standard output", Said("cannot-write", reason=str(exc.strerror or exc))
        ) from None


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


class Output:
    """Where and how a verb writes its answer (made by ``output_options``). A plain class,
    as ``render.View``."""

    __slots__ = ("fmt", "path", "presenter")

    def __init__(self, fmt: OutputFormat, path: Path | None, presenter: Presenter):
        self.fmt = fmt
        self.path = path
        self.presenter = presenter

    @property
    def people(self) -> bool:
        """Table or workbook: words for people, not raw terms."""
        return self.fmt in (OutputFormat.TABLE, OutputFormat.XLSX)

    def send(self, answer: Answer) -> None:
        for note in answer.notes:
            if self.fmt is not OutputFormat.TABLE:
                notice(note)
        data = render(answer, self.fmt, self.presenter)
        write_output(self.path, data, binary=self.fmt is OutputFormat.XLSX)


def resolve_format(fmt: str | None, output: str | None) -> OutputFormat:
    """--format, else the -o file's suffix (.xlsx, .csv, .json), else a table."""
    if fmt:
        return OutputFormat(fmt.lower())
    if output:
        return SUFFIX_FORMATS.get(Path(output).suffix.lower(), OutputFormat.TABLE)
    return OutputFormat.TABLE


OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="File to write (atomically; never one of the inputs); standard output when left "
    "out or '-'.",
)


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """``--format table|json|csv|xlsx`` and ``-o FILE`` for a data verb, as one ``out``
    argument (an :class:`Output`). The format follows -o's suffix when not given."""

    @functools.wraps(f)
    def wrapper(*args: Any, fmt: str | None, output: str | None, **kwargs: Any) -> Any:
        context = _context()
        if output is not None and not output.strip():
            from ..words import message

            raise HerstelgraphError(message("empty_output", context.lang))
        output = None if output == "-" else output
        chosen = resolve_format(fmt, output)
        if chosen is OutputFormat.XLSX and output is None and _stdout_is_terminal():
            write_output(None, b"", binary=True)  # refused before any work is done
        out = Output(chosen, Path(output) if output else None, context.presenter())
        return f(*args, out=out, **kwargs)

    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS, case_sensitive=False),
        default=None,
        help="Output format [default: table; with -o, from the file's suffix: "
        ".xlsx, .csv, .json]. table and xlsx are for people (words, Dutch unless --lang en); "
        "json and csv keep the field names and raw terms.",
    )(OUTPUT_OPTION(wrapper))


def notice(text: str) -> None:
    """One line for the user on stderr, control characters escaped."""
    from ..io.tables import escape_terminal

    click.echo(f"herstelgraph: {escape_terminal(text)}", err=True)
