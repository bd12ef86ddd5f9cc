"""The ``herstelgraph`` command: a thin layer over the API.

Exit codes: 0 ok, 1 validation failed, 2 usage or input error, 3 internal error, 130
interrupted (Ctrl-C). Errors are one line on stderr, never a traceback (set
HERSTELGRAPH_DEBUG=1 to see one); a sheet's problems are one line each. What the library
says as a ``words.Said`` (a sheet's problems, warnings and errors) is said in the run's
language.
"""

from __future__ import annotations

import atexit
import functools
import gc
import os
import signal
import sys
import threading

import click

from ..errors import HerstelgraphError
from ..model import Language
from .common import LANGUAGE, LANGUAGES, Context, Interrupted, run_language, stderr_line


def _timeout_option(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from ..store.endpoint import check_timeout  # light: urllib only loads on a request

    try:
        return check_timeout(value)
    except ValueError:
        from ..store.endpoint import MAX_TIMEOUT
        from ..words import message

        said = message("timeout_value", _lang(), value=repr(value), most=f"{MAX_TIMEOUT:g}")
        raise click.BadParameter(said) from None


#: verb -> the module of this package that defines it (in its ``COMMANDS``). A verb's
#: module is imported only when that verb runs (or for ``--help``), so a question never
#: pays for the imports of export, suggest or review (docs/performance.md;
#: tests/test_performance_design.py keeps this table complete).
VERBS = {
    "frameworks": "catalogue",
    "overview": "catalogue",
    "concepts": "catalogue",
    "show": "catalogue",
    "stats": "catalogue",
    "map": "catalogue",
    "crosswalk": "align",
    "gaps": "align",
    "coverage": "align",
    "chain": "align",
    "hubs": "align",
    "search": "align",
    "coverage-of": "align",
    "compare-roles": "align",
    "query": "align",
    "explain": "align",
    "check": "check",
    "export": "publish",
    "site": "publish",
    "validate": "validate",
    "curriculum": "validate",
    "suggest": "suggest",
    "review": "review",
    "report": "report",
    "curation": "curation",
    "endpoint": "endpoint",
    "cache": "cache",
    "diff": "releases",
    "impact": "releases",
}


class HelpContext(click.Context):
    """A context whose help is in the run's language: the Dutch one is laid out by
    ``cli.dutch``, imported only then (a question never loads it)."""

    def get_help(self) -> str:
        if _lang() == "en":
            return super().get_help()
        from .dutch import help_text

        return help_text(self)


def _in_language(command: click.Command) -> None:
    """``command`` and every verb under it say their help in the run's language."""
    command.context_class = HelpContext
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            _in_language(sub)


def _group_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """The global --lang is the run's language from when it is read: a --help or a usage
    error after it is in it too."""
    if value:
        LANGUAGE.set(Language(value.lower()))
    return value


class LazyGroup(click.Group):
    """A group that imports a verb's module only when the verb is looked up."""

    context_class = HelpContext

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(VERBS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in VERBS:
            import importlib

            from .common import lang_after_the_verb

            module = importlib.import_module(f"{__package__}.{VERBS[cmd_name]}")
            for command in module.COMMANDS:
                lang_after_the_verb(command)
                _in_language(command)
                self.add_command(command)
        return self.commands.get(cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="herstelgraph")
@click.option(
    "--data",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Extra RDF file (profile, curriculum, framework) to load beside the shipped graph.",
)
@click.option(
    "--endpoint",
    metavar="URL",
    help="Ask a SPARQL 1.1 endpoint (e.g. http://localhost:7878/query) instead of the "
    "embedded store; load it with 'herstelgraph export --format trig'.",
)
@click.option(
    "--endpoint-timeout",
    metavar="SECONDS",
    callback=_timeout_option,
    help="Time allowed for each request to the endpoint, as a whole "
    "(default 30, or $HERSTELGRAPH_ENDPOINT_TIMEOUT).",
)
@click.option(
    "--lang",
    type=LANGUAGES,
    is_eager=True,  # before --help, so that the help is in it (herstelgraph --lang en -h)
    callback=_group_lang,
    help="Language of column headers, relation names, messages and this help, and of the "
    "documents a verb writes for people (annex, template) [default: en when LC_ALL, "
    "LC_MESSAGES or LANG starts with en, else nl]. Not a filter on exports: see "
    "'export --lang'.",
)
@click.option(
    "-v", "--verbose", is_flag=True,
    help="Tables: every column, and the raw SKOS/SSSOM terms beside the words.",
)  # fmt: skip
@click.option(
    "--reviews",
    multiple=True,
    type=click.Path(file_okay=False),
    metavar="DIR",
    help="Folder of review files (see 'herstelgraph review') whose decisions the answers "
    "apply, beside mappings/reviews/ and $HERSTELGRAPH_REVIEWS.",
)
@click.option(
    "--max-input-size",
    metavar="SIZE",
    help="Refuse input files larger than this (e.g. 200MB); default 50MB or "
    "$HERSTELGRAPH_MAX_INPUT_BYTES.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    data: tuple[str, ...],
    endpoint: str | None = None,
    endpoint_timeout: float | None = None,
    lang: str | None = None,
    verbose: bool = False,
    reviews: tuple[str, ...] = (),
    max_input_size: str | None = None,
) -> None:
    """Query, validate and publish the recovery-supporting care frameworks."""
    from ..words import default_language

    LANGUAGE.set(Language(lang.lower()) if lang else default_language())
    if max_input_size:
        from ..io import inputs

        inputs.set_max_input_bytes(inputs.parse_size(max_input_size, "--max-input-size"))
    if endpoint_timeout is not None and not endpoint and ctx.invoked_subcommand != "endpoint":
        from ..words import message

        raise click.UsageError(message("timeout_without_endpoint", _lang()))
    ctx.obj = Context(
        data, endpoint, lang, verbose, endpoint_timeout=endpoint_timeout, reviews=reviews
    )
    from ..io import inputs

    if inputs.on_warning is None:  # a caller's own handler stays
        inputs.on_warning = _warn
        # and goes with the run, also where the group is called in a process (CliRunner)
        ctx.call_on_close(functools.partial(setattr, inputs, "on_warning", None))


def _lang() -> str:
    """The run's language (the global --lang, a verb's, or the locale), for errors,
    warnings and the help."""
    return str(run_language())


def _warn(message: str) -> None:
    from ..words import say

    print(stderr_line("warning", say(message, _lang())), file=sys.stderr)


def said(exc: HerstelgraphError, lang: str) -> list[str]:
    """The error's lines in ``lang``: one, or for a sheet one per problem (each located
    file:line:column) under a line that counts them."""
    from ..errors import SheetError
    from ..words import error_text, sheet_error_lines

    if isinstance(exc, SheetError):
        return sheet_error_lines(exc, lang)
    return [error_text(exc, lang)]


def hint(exc: HerstelgraphError, lang: Language | str = "en") -> str:
    """What to type next, in the CLI's own terms: the library's messages name no flags."""
    from ..errors import (
        EndpointTimeoutError,
        MissingDataError,
        ParameterError,
        SheetError,
        UnknownFrameworkError,
        UnknownIdError,
    )

    if isinstance(exc, SheetError) and any("ambiguous" in p.message for p in exc.problems):
        if str(lang) == "nl":
            return " (--framework KADER leest notaties zonder voorvoegsel als die van dat kader)"
        return " (--framework FRAMEWORK reads notations without a prefix as that framework's)"

    from ..words import message

    said = exc.args[0] if exc.args else None  # a words.Said: its key says which error
    reason = getattr(exc, "reason", None)  # a located error's Said, after file:line:column
    if getattr(reason, "key", None) == "unknown-rdf-format" and str(
        getattr(exc, "path", "")
    ).lower().endswith((".csv", ".xlsx")):  # a curriculum sheet given as --data
        return message("hint_sheet_as_data", lang)
    if getattr(said, "key", None) == "installed-reviews":
        return message("hint_reviews", lang)
    if getattr(reason, "key", None) in ("input-limit", "input-limit-read"):
        return message("hint_input_limit", lang)
    if isinstance(exc, UnknownFrameworkError):
        return message("hint_frameworks", lang)
    if isinstance(exc, UnknownIdError):
        return message("hint_ids", lang)
    if isinstance(exc, MissingDataError):
        return message("hint_data", lang)
    if isinstance(exc, ParameterError):
        if exc.name == "framework":
            return message("hint_framework", lang)
        if exc.name == "item_type":
            return " (--type)"
        if exc.name in ("status", "format"):
            return f" (--{exc.name})"
        if exc.name == "since":
            return message("hint_since", lang)
        if exc.name == "timeout":
            return " (--endpoint-timeout SECONDS)"
        if getattr(said, "key", None) == "query-no-parameter":
            return ""  # the message lists the parameters it takes
        return message("hint_param", lang, name=exc.name)
    if isinstance(exc, EndpointTimeoutError):
        return message("hint_endpoint_timeout", lang)
    return ""


def _interrupted() -> int:
    """Ctrl-C: one line in the run's language, exit 130."""
    from ..words import message

    click.echo(f"herstelgraph: {message('interrupted', _lang())}", err=True)
    return 130


def _interrupt(_signum, _frame) -> None:
    raise Interrupted


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn known errors into one line and an exit code."""
    from ..io import inputs

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, _interrupt) if in_main else None
    warning = inputs.on_warning
    try:
        return _main(argv)
    except (Interrupted, KeyboardInterrupt):  # between runs: the locale's language
        return _interrupted()
    finally:
        if in_main and previous is not None:
            signal.signal(signal.SIGINT, previous)
        inputs.set_max_input_bytes(None)
        inputs.on_warning = warning


def _main(argv: list[str] | None) -> int:
    token = LANGUAGE.set(None)
    try:
        return _run(argv)
    except (Interrupted, KeyboardInterrupt):  # said here, while the run's language is known
        return _interrupted()
    finally:
        LANGUAGE.reset(token)


def _run(argv: list[str] | None) -> int:
    try:
        # Without standalone mode click *returns* the code of a ctx.exit(n) or
        # click.exceptions.Exit(n) raised by a verb (e.g. check's exit 1) instead of raising.
        result = cli.main(args=argv, prog_name="herstelgraph", standalone_mode=False)
        if isinstance(result, int) and not isinstance(result, bool):
            return result
    except HerstelgraphError as exc:
        lang = _lang()
        lines = said(exc, lang)
        lines[-1] += hint(exc, lang)
        click.echo(stderr_line("error", _safe(lines[0]), lang), err=True)
        for line in lines[1:]:
            click.echo(f"  {_safe(line)}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        from ..words import message as word

        click.echo(f"herstelgraph: {word('aborted', _lang())}", err=True)
        return 2
    except click.ClickException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # click >= 8.2: a group without a verb
            click.echo(exc.format_message(), err=True)  # the help itself, as it is laid out
            return 2
        ctx = getattr(exc, "ctx", None)
        if (
            ctx is not None
            and isinstance(ctx.command, click.Group)
            and exc.message == "Missing command."
        ):  # options but no verb (`herstelgraph --lang en`): the help too
            click.echo(ctx.get_help(), err=True)
            return 2
        # one line, as every error: click lists a choice's values on lines of their own
        message = " ".join(_click_message(exc, _lang()).split())
        click.echo(stderr_line("error", _safe(message)), err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except Exception as exc:
        if os.environ.get("HERSTELGRAPH_DEBUG"):
            raise
        from ..words import message as word

        text = word("internal_error", _lang(), kind=type(exc).__name__, text=_safe(str(exc)))
        click.echo(f"herstelgraph: {text}", err=True)
        return 3
    return 0


def _click_message(exc: click.ClickException, lang: str) -> str:
    """What click says of a usage error, in ``lang``: as click wrote it in English, said
    again from its fields in Dutch (``cli.dutch``, loaded only then)."""
    if lang == "en":
        return exc.format_message()
    from .dutch import usage_error

    return usage_error(exc)


def _safe(text: str) -> str:
    """An error line as the terminal should get it: one line, no control characters."""
    from ..io.tables import escape_terminal

    return escape_terminal(text.replace("\n", " "))


def run() -> None:
    """The console command. What was imported to get here lives as long as the process, so
    the collector is told to leave it be (``gc.freeze``), and the store the invocation
    built is kept (``common.HELD``), not freed piece by piece at exit (0.3 s of a 50x
    rebuild). A run that left nothing behind (no thread, no exit handler) then ends with
    ``os._exit`` once the standard streams are flushed, without the interpreter's
    teardown: ~20 M of a cold question's ~450 M instructions (docs/performance.md,
    decisions 38 and 44). A stream that cannot be flushed (a closed pipe) exits 120, as
    Python's own exit does."""
    from . import common

    gc.freeze()
    common.HELD = []
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 120
    if threading.active_count() == 1 and not _exit_handlers():
        os._exit(code)
    common.HELD = None
    sys.exit(code)


def _exit_handlers() -> int:
    """How many exit handlers are registered (e.g. a ``weakref.finalize`` or a log file's
    flush): with any, the process ends the usual way. 1 where CPython does not say."""
    count = getattr(atexit, "_ncallbacks", None)
    return count() if callable(count) else 1
