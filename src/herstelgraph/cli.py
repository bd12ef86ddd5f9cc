"""The ``herstelgraph`` command: a thin layer over the API.

Exit codes: 0 ok, 1 validation failed, 2 usage or input error. Errors are one line on
stderr, never a traceback (set HERSTELGRAPH_DEBUG=1 to see one).
"""

from __future__ import annotations

import os
import sys

import click

from .errors import HerstelgraphError
from .output import FORMATS, render

FORMAT_OPTION = click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="Output format.",
)


class Context:
    """Per-invocation state: the store is built on first use, so --help stays instant."""

    def __init__(self, data: tuple[str, ...], endpoint: str | None = None):
        self.data = data
        self.endpoint = endpoint
        self._store = None

    @property
    def store(self):
        if self._store is None and self.endpoint:
            from .endpoint import Endpoint

            if self.data:
                raise HerstelgraphError(
                    "--data cannot be combined with --endpoint: load the file into the "
                    "endpoint's graph https://w3id.org/herstelgraph/graph/user instead"
                )
            self._store = Endpoint(self.endpoint)
        if self._store is None:
            from pathlib import Path

            from .store import load

            self._store = load(extra=[Path(p) for p in self.data])
        return self._store


def emit(text: str) -> None:
    click.echo(text, nl=False)


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
@click.pass_context
def cli(ctx: click.Context, data: tuple[str, ...], endpoint: str | None = None) -> None:
    """Query, validate and publish the recovery-supporting care frameworks."""
    ctx.obj = Context(data, endpoint)


@cli.command()
@FORMAT_OPTION
@click.pass_obj
def frameworks(obj: Context, fmt: str) -> None:
    """List the frameworks with their titles, levels and concept counts."""
    from .catalogue import frameworks as list_frameworks

    emit(render(list_frameworks(obj.store), fmt, "Frameworks"))


@cli.command()
@FORMAT_OPTION
@click.pass_obj
def overview(obj: Context, fmt: str) -> None:
    """The overview: frameworks, concepts per type, mappings per framework pair."""
    from .catalogue import overview as build
    from .output import to_json

    ov = build(obj.store)
    if fmt == "json":
        emit(to_json({"frameworks": ov.frameworks, "types": ov.types, "pairs": ov.pairs}))
    elif fmt == "csv":
        emit(render(ov.types, "csv"))
    else:
        emit(render(ov.frameworks, fmt, "Frameworks"))
        emit(render(ov.types, fmt, "Concepts per type"))
        emit(render(ov.pairs, fmt, "Curated mappings per framework pair and relation"))


@cli.command()
@click.argument("scheme")
@click.option("--type", "type_", help="Item type, e.g. Competency, KnowledgeItem, Activity.")
@FORMAT_OPTION
@click.pass_obj
def concepts(obj: Context, scheme: str, type_: str | None, fmt: str) -> None:
    """List a framework's concepts in source order (SCHEME: e.g. bk-0597-1, valente-2023)."""
    from .catalogue import concepts as list_concepts

    rows = list_concepts(obj.store, scheme, type_)
    emit(render(rows, fmt, f"Concepts of {scheme}", ["id", "notation", "type", "label"]))


@cli.command()
@click.argument("ident", metavar="ID")
@FORMAT_OPTION
@click.pass_obj
def show(obj: Context, ident: str, fmt: str) -> None:
    """Show one concept; ID is a CURIE (bk:kennis-12), a notation (C2.A3) or an IRI."""
    from .catalogue import concept
    from .output import to_json

    detail = concept(obj.store, ident)
    if fmt == "json":
        emit(to_json(detail))
    elif fmt == "csv":
        emit(render([detail], "csv"))
    else:
        lines = []
        for key, val in detail.as_dict().items():
            if val in (None, [], ""):
                continue
            if isinstance(val, list):
                val = "\n".join(f"  - {v}" for v in val)
                lines.append(f"{key}:\n{val}")
            else:
                lines.append(f"{key}: {val}")
        emit("\n".join(lines) + "\n")


@cli.command()
@click.option(
    "--programme", help="Only the figures of one programme or role, e.g. nk:ervaringsgroepen."
)
@FORMAT_OPTION
@click.pass_obj
def stats(obj: Context, programme: str | None, fmt: str) -> None:
    """The NK 2017 figures: counts per region or function, per programme or role."""
    from .catalogue import figures

    cols = ["table", "counted_label", "region_or_function", "count", "unit", "period"]
    rows = figures(obj.store, programme)
    emit(render(rows, fmt, "NK 2017 figures", cols if fmt == "table" else None))


@cli.command("map")
@click.argument("ident", metavar="ID")
@click.option("--to", "to", metavar="FRAMEWORK", help="Only mappings into this framework.")
@FORMAT_OPTION
@click.pass_obj
def map_(obj: Context, ident: str, to: str | None, fmt: str) -> None:
    """List what a concept maps to: relation, confidence, justification and comment."""
    from .alignment import mappings_of

    rows = mappings_of(obj.store, ident, to)
    cols = ["relation", "other", "other_label", "confidence", "justification", "comment"]
    emit(render(rows, fmt, f"Mappings of {ident}", None if fmt != "table" else cols))


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn known errors into one line and an exit code."""
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
        click.echo(f"herstelgraph: error: {exc.format_message()}", err=True)
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


# The verbs of each area live in their own module; importing them registers them.
from . import cli_align, cli_check, cli_publish, cli_validate  # noqa: E402, F401
