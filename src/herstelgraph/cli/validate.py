"""CLI verbs for validate (registered on the main group by importing this module).

``herstelgraph validate FILE...`` checks profiles (exit 0 conforms, warnings allowed; 1
violations; 2 unreadable input); ``--graph`` checks the shipped graph itself.
``herstelgraph curriculum import modules.csv -o curriculum.ttl`` converts a spreadsheet.
"""

from __future__ import annotations

import click

from .common import OUTPUT_OPTION, Context, lang_option, notice, verb_lang, write_output


@click.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@lang_option("Language of the report's messages.")
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
@click.option(
    "--conforms-to", metavar="FRAMEWORK",
    help="Check every profile (e.g. a curriculum sheet, without importing it) against this "
    "framework, as if it claimed it.",
)  # fmt: skip
@OUTPUT_OPTION
@click.pass_obj
def validate(
    obj: Context,
    files,
    lang: str | None,
    fmt: str,
    graph: bool,
    engine: str,
    conforms_to,
    output: str | None,
) -> None:
    """Validate profiles: role/person/team profiles and curricula (Turtle, JSON-LD, or a
    curriculum sheet: CSV or XLSX). A curriculum that claims no framework does not pass."""
    import json

    from ..checks.findings import as_read, curriculum_findings, render_findings
    from ..checks.validate import read_profiles, render_report, validate_graph, validate_profiles
    from ..errors import InputError
    from ..io.tables import escape_terminal
    from ..model import jsonable
    from ..words import message

    lang = verb_lang(lang)
    if not files and not graph:
        raise InputError(message("validate_no_file", lang))
    if graph and files:
        raise InputError(message("validate_graph_and_files", lang))
    if graph:
        report = validate_graph(obj.store, lang, shacl_report=fmt == "turtle")
        text = render_report(report, fmt, lang)
        write_output(output, (escape_terminal(text) if fmt == "text" else text).encode("utf-8"))
        if not report.conforms:
            raise click.exceptions.Exit(1)
        return
    data = read_profiles(obj.store, files, conforms_to=conforms_to)
    report = validate_profiles(obj.store, data, lang, engine=engine, shacl_report=fmt == "turtle")
    findings = curriculum_findings(obj.store, report, data, lang)
    # as read: the curricula's findings counted, and no pass for one that claims nothing
    read = as_read(report, findings)
    if fmt == "turtle":
        text = render_report(report, fmt, lang)
    elif fmt == "json":
        out = json.loads(render_report(report, fmt, lang))
        # conforms: SHACL's sh:conforms of the profiles; passed: the exit code's verdict
        out["passed"] = read.conforms
        out["curriculum_findings"] = jsonable(findings)
        text = json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    else:
        # the summary counts what is shown and says "does not conform" whenever it exits 1
        body = render_report(read, fmt, lang).rstrip("\n").split("\n")
        lines = [*body[:-1], render_findings(findings, lang).rstrip("\n"), body[-1]]
        unclaimed = sum(f.code == "no-claim" for f in findings)
        if unclaimed:
            from ..words import message

            lines.append(message("unclaimed", lang, n=unclaimed))
        text = escape_terminal("\n".join(line for line in lines if line) + "\n")
    write_output(output, text.encode("utf-8"))
    if not read.conforms:
        raise click.exceptions.Exit(1)


@click.group()
def curriculum() -> None:
    """Curricula: import an institute's spreadsheet as a curriculum profile."""


@curriculum.command("import")
@click.argument("csv_file", metavar="SHEET", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False),
    help="Turtle file to write (atomically; never one of the inputs).",
)  # fmt: skip
@click.option(
    "--conforms-to", metavar="FRAMEWORK",
    help="Claim conformance to a framework (e.g. bk-0597-1): its rules then apply.",
)  # fmt: skip
@click.option(
    "--framework", metavar="FRAMEWORK",
    help="Read notations without a prefix (C2, K12) as this framework's (default: the one "
    "of --conforms-to).",
)  # fmt: skip
@click.option("--base", metavar="IRI", help="Namespace for the curriculum's IRIs.")
@click.pass_obj
def curriculum_import(
    obj: Context, csv_file: str, output: str, conforms_to, framework, base
) -> None:
    """Convert a sheet (CSV or XLSX: opleiding, module, leeruitkomst, competenties; or
    programme, module, learning outcome, aligned items) to a curriculum."""
    from pathlib import Path

    from ..checks.curriculum import import_csv
    from ..errors import InputError
    from ..ids import iri_node
    from ..words import message

    if Path(output).suffix.lower() != ".ttl":  # what it writes is Turtle, whatever the name
        raise InputError(message("curriculum_suffix", obj.lang, path=output))
    if base:
        base = iri_node(base, "base IRI").value

    n = import_csv(
        obj.store, Path(csv_file), Path(output), base=base, conforms_to=conforms_to,
        framework=framework,
    )  # fmt: skip
    notice(message("triples_written", obj.lang, path=output, n=n))


@curriculum.command("template")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False),
    help="The new sheet: .xlsx, or .csv (UTF-8; ';' between cells for Dutch Excel).",
)  # fmt: skip
@lang_option("Language of the column headers and the example rows.")
def curriculum_template(output: str, lang: str | None) -> None:
    """Write an empty curriculum sheet to fill in (headers, two example rows)."""
    from pathlib import Path

    from ..errors import InputError
    from ..io.atomic import write_bytes
    from ..io.sheets import template_csv, template_xlsx

    lang = verb_lang(lang)
    suffix = Path(output).suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        from ..words import message

        raise InputError(message("template_suffix", lang, path=output))
    data = template_xlsx(lang) if suffix == ".xlsx" else template_csv(lang)
    write_bytes(Path(output), data)
    from ..words import message
    from .common import _context

    notice(message("template_written", _context().lang, path=output, language=lang))


COMMANDS = (validate, curriculum)
