"""The ``herstelgraph`` command: a thin layer over the API.

Exit codes: 0 ok, 1 validation failed, 2 usage or input error. Errors are one line on
stderr, never a traceback (set HERSTELGRAPH_DEBUG=1 to see one).
"""

from __future__ import annotations

import os
import sys

import click

from ..errors import HerstelgraphError
from .common import Context


def _timeout_option(ctx: click.Context, param: click.Parameter, value: str | None):
    if value is None:
        return None
    from ..store.endpoint import check_timeout  # light: urllib only loads on a request

    try:
        return check_timeout(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    type=click.Choice(["nl", "en"], case_sensitive=False),
    help="Language of column headers, relation names and messages [default: en when "
    "LC_ALL, LC_MESSAGES or LANG starts with en, else nl].",
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
@click.pass_context
def cli(
    ctx: click.Context,
    data: tuple[str, ...],
    endpoint: str | None = None,
    endpoint_timeout: float | None = None,
    lang: str | None = None,
    verbose: bool = False,
    reviews: tuple[str, ...] = (),
) -> None:
    """Query, validate and publish the recovery-supporting care frameworks."""
    if endpoint_timeout is not None and not endpoint and ctx.invoked_subcommand != "endpoint":
        raise click.UsageError("--endpoint-timeout applies to --endpoint URL; name the endpoint")
    ctx.obj = Context(
        data, endpoint, lang, verbose, endpoint_timeout=endpoint_timeout, reviews=reviews
    )


def _register() -> None:
    """Each area's verbs live in their own module; the group adds them here (no import circle)."""
    from . import (
        align,
        catalogue,
        check,
        curation,
        endpoint,
        publish,
        releases,
        report,
        review,
        suggest,
        validate,
    )

    modules = (catalogue, align, check, publish, validate, suggest, review, report, curation)
    for module in (*modules, endpoint, releases):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def hint(exc: HerstelgraphError) -> str:
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
        return " (--framework FRAMEWORK reads notations without a prefix as that framework's)"

    if isinstance(exc, UnknownFrameworkError):
        return " (list them with 'herstelgraph frameworks')"
    if isinstance(exc, UnknownIdError):
        return " (find IDs with 'herstelgraph search WORDS' or 'herstelgraph concepts FRAMEWORK')"
    if isinstance(exc, MissingDataError):
        return " (add the file with --data FILE)"
    if isinstance(exc, ParameterError):
        if exc.name == "framework":
            return " (use --framework FRAMEWORK)"
        if exc.name in ("type", "status", "format"):
            return f" (--{exc.name})"
        if exc.name == "timeout":
            return " (--endpoint-timeout SECONDS)"
        return f" (--param {exc.name}=VALUE)"
    if isinstance(exc, EndpointTimeoutError):
        return " (--endpoint-timeout SECONDS or HERSTELGRAPH_ENDPOINT_TIMEOUT)"
    return ""


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn known errors into one line and an exit code."""
    try:
        # Without standalone mode click *returns* the code of a ctx.exit(n) or
        # click.exceptions.Exit(n) raised by a verb (e.g. check's exit 1) instead of raising.
        result = cli.main(args=argv, prog_name="herstelgraph", standalone_mode=False)
        if isinstance(result, int) and not isinstance(result, bool):
            return result
    except HerstelgraphError as exc:
        click.echo(f"herstelgraph: error: {_safe(str(exc))}{hint(exc)}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("herstelgraph: aborted", err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"herstelgraph: error: {_safe(exc.format_message())}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except Exception as exc:
        if os.environ.get("HERSTELGRAPH_DEBUG"):
            raise
        click.echo(
            f"herstelgraph: internal error: {type(exc).__name__}: {_safe(str(exc))}; "
            "rerun with HERSTELGRAPH_DEBUG=1 and report it",
            err=True,
        )
        return 3
    return 0


def _safe(text: str) -> str:
    """An error line as the terminal should get it: one line, no control characters."""
    from ..io.tables import escape_terminal

    return escape_terminal(text.replace("\n", " "))


def run() -> None:
    sys.exit(main())
