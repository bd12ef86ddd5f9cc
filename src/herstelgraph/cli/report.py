"""CLI verbs for reports (registered on the main group by importing this module).

``herstelgraph report curriculum FILE --framework bk-0597-1 -o annex.html`` writes the
accreditation annex (``publish/report.py``): HTML, XLSX or PDF (through headless Chromium),
chosen by the output's suffix; Dutch by default, ``--lang en`` for English.
"""

from __future__ import annotations

import click

from .common import Context, lang_option, notice, verb_lang


@click.group()
def report() -> None:
    """Reports to hand over: the accreditation annex of a curriculum."""


@report.command("curriculum")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--framework", required=True, metavar="FRAMEWORK",
    help="The framework the programme is measured against (e.g. bk-0597-1).",
)  # fmt: skip
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False),
    help="The annex: .html, .xlsx or .pdf (PDF needs Chromium).",
)  # fmt: skip
@lang_option("Language of the annex.")
@click.option("--programme", help="The programme to report, when the file holds several.")
@click.option(
    "--no-suggestions", is_flag=True,
    help="Leave out the suggested items for outcomes that have none.",
)  # fmt: skip
@click.pass_obj
def report_curriculum(
    obj: Context,
    file: str,
    framework: str,
    output: str,
    lang: str | None,
    programme,
    no_suggestions,
) -> None:
    """The accreditation annex of a curriculum (a sheet, CSV or XLSX, or its Turtle) against a
    framework: coverage per competency, the matrix of modules × competencies, the gaps in the
    framework's words, the validation findings, suggestions and the method."""
    from pathlib import Path

    from ..errors import InputError
    from ..io.atomic import write_bytes
    from ..publish.report import annex_html, annex_pdf, annex_xlsx, build_annex

    obj.refuse_endpoint("report curriculum", "endpoint_why_annex")
    out = Path(output)
    suffix = out.suffix.lower()
    lang = verb_lang(lang)
    if suffix not in (".html", ".htm", ".xlsx", ".pdf"):
        from ..words import message

        raise InputError(message("annex_suffix", lang, path=output))
    annex = build_annex(
        obj.store, Path(file), framework, lang=lang, programme=programme,
        suggestions=not no_suggestions,
    )  # fmt: skip
    if suffix == ".xlsx":
        data = annex_xlsx(annex)
    elif suffix == ".pdf":
        data = annex_pdf(annex_html(annex))
    else:
        data = annex_html(annex).encode("utf-8")
    write_bytes(out, data)
    from ..words import message
    from .common import _context

    said = message(
        "annex_written",
        _context().lang,
        path=output,
        programme=repr(annex.programme),
        framework=annex.framework.id,
    )
    notice(said)


COMMANDS = (report,)
