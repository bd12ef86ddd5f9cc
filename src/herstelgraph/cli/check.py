"""CLI verbs for check (registered on the main group by importing this module).

``herstelgraph check [FILE ...]``: the qSKOS-style report (quality.py) on the shipped graph,
or on any SKOS file a user brings (Turtle, N-Triples, TriG, RDF/XML, JSON-LD, SSSOM TSV).
Exit 1 when there are errors, 0 otherwise, 2 when a file cannot be read (or is malformed:
the message names file, line and column). ``--format text`` (default) is the report with
per-check counts; ``table``, ``csv`` and ``xlsx`` list every finding (check, severity, resource,
detail) as the data verbs do; ``json`` is the whole report.

``herstelgraph check --profile nl-sbb [FILE ...]``: the same graph or files against a
standard's own SHACL profile (checks/standards.py) in the same formats; exit 1 when there is a
violation (the standard's requirements), 0 with warnings and infos only (its recommendations).
"""

from __future__ import annotations

import click

from .common import OUTPUT_OPTION, Context, write_output


class CheckFailed(Exception):
    """Raised after the report is printed, so ``main`` returns 1 (errors found)."""


@click.command("check")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "table", "csv", "xlsx", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--limit",
    default=20,
    show_default=True,
    type=click.IntRange(min=0),
    help="--format text: at most this many resources per check (0: all).",
)
@click.option(
    "--max-input-size",
    metavar="SIZE",
    help="Refuse files larger than this (e.g. 200MB); default 50MB or "
    "$HERSTELGRAPH_MAX_INPUT_BYTES.",
)
@click.option(
    "--profile",
    type=click.Choice(["nl-sbb"], case_sensitive=False),
    help="Check against a standard's own SHACL profile instead: nl-sbb (NL-SBB 1.0.0, the "
    "Dutch standard for describing concepts).",
)
@OUTPUT_OPTION
@click.pass_obj
def check_(
    obj: Context,
    files: tuple[str, ...],
    fmt: str,
    limit: int,
    max_input_size: str | None,
    output: str | None,
    profile: str | None = None,
) -> None:
    """Quality report (SKOS integrity errors, qSKOS warnings) on FILEs or the shipped graph
    (with --endpoint: the endpoint's asserted and user graphs)."""
    from pathlib import Path

    from ..checks.quality import check, render_text
    from ..io import inputs

    if files:
        obj.refuse_endpoint("check FILE", "endpoint_why_check")
    if max_input_size:
        inputs.set_max_input_bytes(inputs.parse_size(max_input_size, "--max-input-size"))
    if profile:
        try:
            _check_profile(obj, profile.lower(), files, fmt, limit, output)
        finally:
            inputs.set_max_input_bytes(None)
        return
    try:
        if obj.endpoint and not files:
            from ..checks.quality import check_store
            from ..store import ASSERTED, USER
            from ..store.endpoint import snapshot

            # the asserted and user graphs, copied once: the checks read every triple
            copy = snapshot(obj.store, graphs=(ASSERTED, USER))
            report = check_store(copy, "asserted", [obj.endpoint], lang=str(obj.lang))
        else:
            report = check([Path(f) for f in files], [Path(d) for d in obj.data], str(obj.lang))
    finally:
        inputs.set_max_input_bytes(None)
    if fmt == "json":
        from .render import to_json

        text = to_json(report)
    elif fmt in ("table", "csv", "xlsx"):
        from ..checks.quality import QualityFinding
        from ..model import OutputFormat
        from .render import Answer, View, render

        p = obj.presenter()
        title = p.msg("findings", errors=report.errors, warnings=report.warnings)
        view = View(report.findings, title, kind=QualityFinding)
        data = render(Answer((view,)), OutputFormat(fmt), p)
        write_output(output, data, binary=fmt == "xlsx")
        if report.errors:
            raise click.exceptions.Exit(1)
        return
    else:
        from ..io.tables import escape_terminal

        text = escape_terminal(render_text(report, limit, str(obj.lang)))
    write_output(output, text.encode("utf-8"))
    if report.errors:
        raise click.exceptions.Exit(1)


def _check_profile(
    obj: Context, profile: str, files: tuple[str, ...], fmt: str, limit: int, output: str | None
) -> None:
    """``check --profile``: the standard's profile on the files, the endpoint or the graph."""
    from pathlib import Path

    from ..checks import standards

    lang = str(obj.lang)
    if obj.endpoint and not files:
        from ..store import ASSERTED, USER
        from ..store.endpoint import snapshot

        copy = snapshot(obj.store, graphs=(ASSERTED, USER))
        report = standards.check_store(copy, profile, [obj.endpoint], lang=lang)
    else:
        report = standards.check(
            profile, [Path(f) for f in files], [Path(d) for d in obj.data], lang=lang
        )
    if fmt == "json":
        from .render import to_json

        write_output(output, to_json(report).encode("utf-8"))
    elif fmt in ("table", "csv", "xlsx"):
        from ..checks.quality import QualityFinding
        from ..model import OutputFormat
        from .render import Answer, View, render

        p = obj.presenter()
        title = p.msg(
            "profile_findings",
            profile=profile.upper(),
            version=report.profile_version,
            violations=report.violations,
            warnings=report.warnings,
            infos=report.infos,
        )
        view = View(report.findings, title, kind=QualityFinding)
        data = render(Answer((view,)), OutputFormat(fmt), p)
        write_output(output, data, binary=fmt == "xlsx")
    else:
        from ..io.tables import escape_terminal

        text = escape_terminal(standards.render_text(report, limit, lang))
        write_output(output, text.encode("utf-8"))
    if report.violations:
        raise click.exceptions.Exit(1)


COMMANDS = (check_,)
