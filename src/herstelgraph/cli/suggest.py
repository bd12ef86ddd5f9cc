"""CLI verbs for suggestions (issue 18): ``herstelgraph suggest pair|curriculum|items|evaluate``.

Thin calls into ``curation.suggest``. Suggestions are written like every data verb's answer
(table, json, csv, xlsx; ``-o FILE`` atomically, the format from its suffix), or as SSSOM
(``--format sssom``); they are never written into the curated mappings.
"""

from __future__ import annotations

import click

from ..curation.suggest.run_eval import EvalReport
from .common import Context, notice, resolve_format, write_output

OUT_FORMATS = ("table", "json", "csv", "xlsx", "sssom")
METHOD_OPTION = click.option(
    "--method",
    type=click.Choice(["auto", "fused", "lexical", "semantic"]),
    default="auto",
    show_default=True,
    help="fused: lexical + embeddings; lexical works without the [suggest] extra; "
    "auto: fused when the model is installed.",
)
K_OPTION = click.option(
    "-k", "--top", "k", default=5, show_default=True, help="Candidates per source text."
)
FORMAT = click.option(
    "--format",
    "fmt",
    type=click.Choice(OUT_FORMATS, case_sensitive=False),
    help="Output format [default: table; with -o, from the file's suffix: .xlsx, .csv, "
    ".json, .sssom.tsv].",
)
OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write to this file (atomically; never an input, never the curated mappings).",
)
THRESHOLD = click.option(
    "--threshold",
    type=float,
    help="Score below which a source has 'no good match' (default: the method's tuned line).",
)
TABLE_COLS = [
    "source_id",
    "rank",
    "target_id",
    "target_label",
    "score",
    "relation",
    "good",
    "matched",
]


def _format(fmt: str | None, output: str | None) -> str:
    if fmt:
        return fmt.lower()
    if output and output.lower().endswith(".sssom.tsv"):
        return "sssom"
    return str(resolve_format(None, output))


def _emit(cands, fmt: str | None, output: str | None, title: str, **sssom_kw) -> None:
    from ..curation.suggest import output as out
    from ..curation.suggest.fuse import Candidate
    from .render import Answer, View, render

    output = None if output == "-" else output
    fmt = _format(fmt, output)
    if output:
        from pathlib import Path

        out.guard_not_curated(Path(output))
    written = len(cands)
    if fmt == "sssom":
        data = out.to_sssom(cands, **sssom_kw).encode("utf-8")
        written = len(out.sssom_rows(cands))  # no "no good match" rows in SSSOM
    else:
        view = View(cands, title, TABLE_COLS, kind=Candidate)
        data = render(Answer((view,)), fmt, _context().presenter())
    write_output(output, data, binary=fmt == "xlsx")
    if output:
        notice(_context().presenter().msg("suggest_wrote", n=written, path=output))


def _context() -> Context:
    return click.get_current_context().find_object(Context) or Context(())


@click.group("suggest")
def suggest() -> None:
    """Candidate alignments (suggestions, never curated mappings): between frameworks, for a
    curriculum's learning outcomes, or for your own items."""


@suggest.command("pair")
@click.argument("a")
@click.argument("b")
@K_OPTION
@METHOD_OPTION
@FORMAT
@OUTPUT
@click.option(
    "--second-look", is_flag=True, help="Only A's reviewed no-match items with a strong candidate."
)
@click.pass_obj
def pair(obj: Context, a, b, k, method, fmt, output, second_look) -> None:
    """Every item of framework A against B: top candidates not yet curated."""
    from ..curation.suggest import Settings, resolve_method, suggest_pair

    p = obj.presenter()
    res = suggest_pair(obj.store, a, b, k=k, method=resolve_method(method, lang=str(obj.lang)))
    cands = res.second_look if second_look else res.candidates
    key = "suggest_second_look_title" if second_look else "suggest_pair"
    title = p.msg(key, a=a, b=b, method=res.method)
    _emit(
        cands, fmt, output, title,
        name=f"{a}__{b}", settings=Settings.for_method(res.method, True),
        subject_source=_scheme(a),
    )  # fmt: skip
    if not second_look and res.second_look and _format(fmt, output) == "table" and not output:
        notice(p.msg("suggest_second_look", n=len(res.second_look)))


def _scheme(framework: str) -> str | None:
    from ..curation.sssom import SCHEME_OF

    return SCHEME_OF.get(framework)


@suggest.command("curriculum")
@click.argument("sheet", type=click.Path(dir_okay=False))
@click.option(
    "--framework", "frameworks", multiple=True, required=True,
    help="Target framework (repeat for several), e.g. bk-0597-1.",
)  # fmt: skip
@K_OPTION
@METHOD_OPTION
@THRESHOLD
@FORMAT
@OUTPUT
@click.option(
    "--fill",
    type=click.Path(dir_okay=False),
    help="Also write a copy of the sheet with empty aligned-item cells filled with "
    "suggestions marked [suggestie] (.csv or .xlsx); the input is never changed.",
)
@click.pass_obj
def curriculum(obj: Context, sheet, frameworks, k, method, threshold, fmt, output, fill) -> None:
    """Learning outcomes of a curriculum SHEET (CSV/XLSX) against frameworks."""
    from pathlib import Path

    from ..curation.suggest import Settings, read_curriculum, resolve_method, suggest_outcomes
    from ..curation.suggest.output import fill_sheet

    parsed, outcomes = read_curriculum(Path(sheet))
    method = resolve_method(method, lang=str(obj.lang))
    cands = suggest_outcomes(
        obj.store, outcomes, frameworks, k=k, method=method, threshold=threshold
    )
    settings = Settings.for_method(method)
    _emit(
        cands, fmt, output, obj.presenter().msg("suggest_for", name=Path(sheet).name,
                                                method=method),
        name=Path(sheet).stem, settings=settings,
    )  # fmt: skip
    if fill:
        n = fill_sheet(parsed, cands, Path(fill), top=min(k, 3))
        notice(obj.presenter().msg("suggest_filled", n=n, path=fill))


@suggest.command("items")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--framework", "frameworks", multiple=True, required=True,
    help="Target framework (repeat for several).",
)  # fmt: skip
@K_OPTION
@METHOD_OPTION
@THRESHOLD
@FORMAT
@OUTPUT
@click.pass_obj
def items(obj: Context, file, frameworks, k, method, threshold, fmt, output) -> None:
    """Your own items (a SKOS file in any RDF syntax, or a CSV with id, label[, definition])
    against frameworks."""
    from pathlib import Path

    from ..curation.suggest import Settings, resolve_method, suggest_items, user_items

    sources = user_items(Path(file))
    method = resolve_method(method, lang=str(obj.lang))
    cands = suggest_items(obj.store, sources, frameworks, k=k, method=method, threshold=threshold)
    as_items = any(s.framework or s.definition for s in sources)
    _emit(
        cands, fmt, output, obj.presenter().msg("suggest_for", name=Path(file).name,
                                                method=method),
        name=Path(file).stem, settings=Settings.for_method(method, as_items),
    )  # fmt: skip


@suggest.command("evaluate")
@click.option(
    "--pair", "pairs", nargs=2, multiple=True, metavar="A B",
    help="Only this framework pair (repeatable); default: all six curated pairs.",
)  # fmt: skip
@click.option(
    "--heldout",
    type=click.Path(dir_okay=False),
    help="A held-out outcomes CSV (id, framework, outcome, targets); default: the project's "
    "tests/fixtures/suggest/heldout-outcomes.csv when present.",
)
@click.option("--no-curated", is_flag=True, help="Skip the curated-mapping figures.")
@click.option(
    "--method", "methods", multiple=True,
    type=click.Choice(["fused", "lexical", "semantic", "exact-label", "tfidf"]),
    help="Methods to measure (repeatable); default: all available.",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Also write JSON here.")
def evaluate(pairs, heldout, no_curated, methods, fmt, output) -> None:
    """Hits@1, Hits@5, MRR, precision and recall of the suggestions and two baselines,
    against the curated mappings (hidden from the method) and held-out outcomes."""
    from ..curation.suggest.run_eval import run

    report = run(
        pairs=list(pairs) or None, heldout=heldout, curated=not no_curated, methods=methods
    )
    if output:
        from pathlib import Path

        from ..io.atomic import write_text
        from .render import to_json

        write_text(Path(output), to_json(report))
    if fmt == "json":
        from .render import to_json

        write_output(None, to_json(report).encode("utf-8"))
    else:
        from ..io.tables import escape_terminal

        write_output(None, escape_terminal(_eval_text(report)).encode("utf-8"))


def _eval_text(report: EvalReport) -> str:
    """The evaluation report as tables (the JSON is the report itself); a researcher's
    report, in English, with the measures' own names."""
    from .render import Presenter, View, to_table

    p = Presenter("en")

    def table(rows, title: str) -> str:
        return to_table(View(rows, title, words=False), p)

    out = [f"Machine: {report.machine}; model: {report.model}; {report.seconds} s\n"]
    for scope in ("held-out", "curated"):
        rows = [r for r in report.ranks if r.scope == scope]
        if rows:
            out.append(table(rows, f"Ranking, {scope}"))
    if report.thresholds:
        out.append(table(list(report.thresholds), "At the threshold, curated (top 5 shown)"))
    if report.distractors:
        out.append(table(list(report.distractors), "No good match, held-out"))
    out += [f"note: {n}\n" for n in report.notes]
    return "".join(out)


COMMANDS = (suggest,)
