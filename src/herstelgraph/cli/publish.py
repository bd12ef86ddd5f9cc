"""CLI verbs for publish (registered on the main group by importing this module):
``export`` writes the graph in a format other tools read, ``site`` builds the static site."""

from __future__ import annotations

import click

from .common import Context

EXPORT_FORMATS = ("turtle", "jsonld", "ntriples", "rdfxml", "trig", "csv", "sssom", "case")


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="turtle, jsonld (shipped context inlined), ntriples (sorted), rdfxml, trig "
    "(asserted and inferred named graphs), csv (one row per concept, for Excel), sssom "
    "(all mapping records), case (1EdTech CASE 1.0 CFPackage JSON).",
)
@click.option("--scheme", metavar="FRAMEWORK", help="Only this framework, e.g. bk-0597-1.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="File to write (atomically); standard output when left out.",
)
@click.pass_obj
def export_(obj: Context, fmt: str, scheme: str | None, output: str | None) -> None:
    """Export the asserted graph (or one framework) in another format."""
    from pathlib import Path

    from ..publish.export import export, write

    if output:
        write(obj.store, fmt, Path(output), scheme)
    else:
        click.get_binary_stream("stdout").write(export(obj.store, fmt, scheme).data)


@click.command("site")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder to build the site in; replaced as a whole, only when the build succeeds.",
)
@click.option(
    "--include-data",
    is_flag=True,
    help="Also publish the --data files (left out by default: they may be private).",
)
@click.pass_obj
def site_(obj: Context, output: str, include_data: bool) -> None:
    """Build the static HTML site (works from disk, no server needed). The --data files are
    not published unless --include-data is given."""
    from pathlib import Path

    from ..publish.site import build_site

    if obj.data and not include_data:
        click.echo(
            "herstelgraph: the --data files are left out of the site (private); "
            "--include-data publishes them",
            err=True,
        )
    report = build_site(obj.store, Path(output), include_data=include_data)
    click.echo(f"{report.pages} pages, {report.files} files written to {report.path}", err=True)


COMMANDS = (export_, site_)
