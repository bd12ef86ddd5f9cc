"""The ``herstelgraph`` command: a thin layer over the API.

Exit codes: 0 ok, 1 validation failed, 2 usage or input error, 3 internal error, 130
interrupted (Ctrl-C). Errors are one line on stderr, never a traceback (set
HERSTELGRAPH_DEBUG=1 to see one).
"""

from __future__ import annotations

import os
import signal
import sys
import threading

import click

from ..errors import HerstelgraphError
from .common import Context


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
    max_input_size: str | None = None,
) -> None:
    """Query, validate and publish the recovery-supporting care frameworks."""
    if max_input_size:
        from ..io import inputs

        inputs.set_max_input_bytes(inputs.parse_size(max_input_size, "--max-input-size"))
    ctx.obj = Context(data, endpoint)


def _register() -> None:
    """Each area's verbs live in their own module; the group adds them here (no import circle)."""
    from . import align, cache, catalogue, check, publish, validate

    for module in (catalogue, align, check, publish, validate, cache):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


class Interrupted(BaseException):
    """Ctrl-C, raised instead of KeyboardInterrupt so click adds no blank line; exit 130."""


def _interrupt(_signum, _frame) -> None:
    raise Interrupted


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn known errors into one line and an exit code."""
    from ..io import inputs

    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, _interrupt) if in_main else None
    try:
        return _main(argv)
    except (Interrupted, KeyboardInterrupt):
        click.echo("herstelgraph: interrupted", err=True)
        return 130
    finally:
        if in_main and previous is not None:
            signal.signal(signal.SIGINT, previous)
        inputs.set_max_input_bytes(None)


def _main(argv: list[str] | None) -> int:
    try:
        # Without standalone mode click *returns* the code of a ctx.exit(n) or
        # click.exceptions.Exit(n) raised by a verb (e.g. check's exit 1) instead of raising.
        result = cli.main(args=argv, prog_name="herstelgraph", standalone_mode=False)
        if isinstance(result, int) and not isinstance(result, bool):
            return result
    except HerstelgraphError as exc:
        click.echo(f"herstelgraph: error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("herstelgraph: aborted", err=True)
        return 2
    except click.ClickException as exc:
        # one line, as every error: click lists a choice's values on lines of their own
        click.echo(f"herstelgraph: error: {' '.join(exc.format_message().split())}", err=True)
        return 2
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except Exception as exc:
        if os.environ.get("HERSTELGRAPH_DEBUG"):
            raise
        click.echo(
            f"herstelgraph: internal error: {type(exc).__name__}: {exc}; "
            "rerun with HERSTELGRAPH_DEBUG=1 and report it",
            err=True,
        )
        return 3
    return 0


def run() -> None:
    sys.exit(main())
