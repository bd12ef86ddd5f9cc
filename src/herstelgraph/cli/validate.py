"""CLI verbs for validate (registered on the main group by importing this module).

``herstelgraph validate FILE...`` checks profiles (exit 0 conforms, warnings allowed; 1
violations; 2 unreadable input); ``--graph`` checks the shipped graph itself.
``herstelgraph curriculum import modules.csv -o curriculum.ttl`` converts a spreadsheet.
"""

from __future__ import annotations

import click

from .common import OUTPUT_OPTION, Context, notice, write_output


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--lang", type=click.Choice(["nl", "en"], case_sensitive=False),
    help="Language of the report's messages [default: the global --lang].",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "turtle"]), default="text",
    show_default=True, help="text; json; turtle = the sh:ValidationReport.",
)  # fmt: skip
@click.option(
    "--graph", "graph", is_flag=True,
    help="Validate the shipped graph (plus --data) with shapes/graph.ttl.",
)  # fmt: skip
@click.option(
    "--engine", type=click.Choice(["auto", "fast", "pyshacl"]), default="auto",
    show_default=True, help="SHACL engine for profiles (pyshacl is the reference).",
)  # fmt: skip
@OUTPUT_OPTION
@click.pass_obj
def validate(
    obj: Context, files, lang: str | None, fmt: str, graph: bool, engine: str, output: str | None
) -> None:
    """Validate profiles: role/person/team profiles and curricula (Turtle, JSON-LD or CSV)."""
    from ..checks.validate import render_report, validate_files, validate_graph
    from ..errors import InputError

    if not files and not graph:
        raise InputError("no FILE given: name profile files (.ttl, .jsonld, .csv) or use --graph")
    if graph and files:
        raise InputError("--graph validates the shipped graph; pass profile files without it")
    lang = (lang or str(obj.lang)).lower()
    if graph:
        report = validate_graph(obj.store, lang, shacl_report=fmt == "turtle")
    else:
        report = validate_files(obj.store, files, lang, engine=engine, shacl_report=fmt == "turtle")
    text = render_report(report, fmt, lang)
    if fmt == "text":
        from ..io.tables import escape_terminal

        text = escape_terminal(text)
    write_output(output, text.encode("utf-8"))
    if not report.conforms:
        raise click.exceptions.Exit(1)


@click.group()
def curriculum() -> None:
    """Curricula: import an institute's spreadsheet as a curriculum profile."""


@curriculum.command("import")
@click.argument("csv_file", metavar="CSV", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False),
    help="Turtle file to write (atomically; never one of the inputs).",
)  # fmt: skip
@click.option(
    "--conforms-to", metavar="FRAMEWORK",
    help="Claim conformance to a framework (e.g. bk-0597-1): its rules then apply.",
)  # fmt: skip
@click.option("--base", metavar="IRI", help="Namespace for the curriculum's IRIs.")
@click.pass_obj
def curriculum_import(obj: Context, csv_file: str, output: str, conforms_to, base) -> None:
    """Convert CSV (programme, module, learning outcome, aligned item IDs) to a curriculum."""
    from pathlib import Path

    from ..checks.curriculum import import_csv
    from ..ids import iri_node

    if base:
        base = iri_node(base, "base IRI").value
    from ..words import message

    n = import_csv(obj.store, Path(csv_file), Path(output), base=base, conforms_to=conforms_to)
    notice(message("triples_written", obj.lang, path=output, n=n))


COMMANDS = (validate, curriculum)
