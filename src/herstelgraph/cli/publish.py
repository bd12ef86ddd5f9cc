"""CLI verbs for publish (registered on the main group by importing this module):
``export`` writes the graph in a format other tools read, ``site`` builds the static site."""

from __future__ import annotations

import click

from ..model import EXPORT_ALIASES, ExportFormat
from .common import OUTPUT_OPTION, Context, notice, run_language, write_output


class ExportFormatType(click.ParamType):
    """An export format in any case, with the aliases rdflib and Oxigraph users type."""

    name = "format"

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(ExportFormat.values()) + "]"

    def convert(self, value, param, ctx) -> ExportFormat:
        if isinstance(value, ExportFormat):
            return value
        try:
            return ExportFormat(value)
        except ValueError:
            from ..words import message

            formats, aliases = ", ".join(ExportFormat.values()), ", ".join(EXPORT_ALIASES)
            self.fail(
                message(
                    "bad_export_format",
                    run_language(),
                    value=value,
                    formats=formats,
                    aliases=aliases,
                ),
                param,
                ctx,
            )


def _from_suffix(output: str | None) -> ExportFormat | None:
    """The export format a file name implies (.ttl, .nt, .jsonld, .rdf, .trig, .csv,
    .sssom.tsv, .case.json, .ctdlasn.jsonld, .jskos.json), or None."""
    from ..publish.export import FORMATS

    if not output:
        return None
    name = output.lower()
    for fmt, (suffix, _media) in sorted(FORMATS.items(), key=lambda kv: -len(kv[1][0])):
        if name.endswith(suffix):
            return ExportFormat(fmt)
    return None


@click.command("export")
@click.option(
    "--format",
    "fmt",
    type=ExportFormatType(),
    help="turtle (ttl), jsonld (json-ld; shipped context inlined), ntriples (nt; sorted), "
    "rdfxml (xml, rdf), trig (asserted and inferred named graphs), csv (one row per concept, "
    "for Excel), sssom (all mapping records), case (1EdTech CASE 1.0 CFPackage JSON), "
    "ctdlasn (Credential Engine CTDL-ASN JSON-LD), jskos (JSKOS registry JSON: schemes, "
    "concepts, mappings). Any case. Default: from -o's suffix (.ttl, .jsonld, .nt, .rdf, "
    ".trig, .csv, .sssom.tsv, .case.json, .ctdlasn.jsonld, .jskos.json).",
)
@click.option("--framework", metavar="FRAMEWORK", help="Only this framework, e.g. bk-0597-1.")
@click.option("--scheme", metavar="FRAMEWORK", hidden=True, help="Deprecated: --framework.")
@click.option(
    "--lang",
    "data_lang",
    type=click.Choice(["nl"], case_sensitive=False),
    help="nl: only the Dutch texts (the source quotes); the English translations and the "
    "curators' English notes are left out. Default: every language, whatever the global "
    "--lang (the language you read, not a filter on what an interchange file holds).",
)
@OUTPUT_OPTION
@click.pass_obj
def export_(
    obj: Context,
    fmt: ExportFormat | None,
    framework: str | None,
    scheme: str | None,
    data_lang: str | None,
    output: str | None,
) -> None:
    """Export the asserted graph (or one framework) in another format.

    Every language unless this verb's --lang nl: the global --lang sets the language of
    what you read, not the languages an exchanged file holds."""
    from ..errors import InputError
    from ..publish.export import export
    from ..words import message

    if scheme is not None:  # the old name, kept working (hidden from --help)
        if framework is not None and framework != scheme:
            raise click.UsageError(message("framework_and_scheme", obj.lang))
        notice(message("scheme_deprecated", obj.lang))
        framework = scheme
    fmt = fmt or _from_suffix(output)
    if fmt is None:
        suffix = message("export_no_suffix", obj.lang, output=repr(output)) if output else ""
        formats = ", ".join(ExportFormat.values())
        raise InputError(message("export_no_format", obj.lang, suffix=suffix, formats=formats))
    lang = data_lang.lower() if data_lang else None
    write_output(output, export(obj.store, fmt, framework, lang=lang).data)


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
    from ..words import message

    if obj.data and not include_data:
        notice(message("site_private", obj.lang))
    report = build_site(obj.store, Path(output), include_data=include_data)
    text = message(
        "site_written", obj.lang, pages=report.pages, files=report.files, path=report.path
    )
    notice(text)


COMMANDS = (export_, site_)
