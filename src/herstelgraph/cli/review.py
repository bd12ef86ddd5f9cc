"""CLI verbs for the review workflow (issue 17): the local web app, the XLSX sheet both ways,
and the figures.

    herstelgraph review --reviewer ID            start the app on 127.0.0.1, print its URL
    herstelgraph review export --reviewer ID -o sheet.xlsx
    herstelgraph review import sheet.xlsx
    herstelgraph review stats [--format table|json|csv]
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import InputError
from ..words import message
from .common import (
    Context,
    Interrupted,
    Output,
    lang_option,
    notice,
    output_options,
    stderr_line,
    verb_lang,
)
from .render import Answer, View

REVIEWS_HELP = (
    "Folder for the review files: yours is written there, everyone's are read. Default: "
    "$HERSTELGRAPH_REVIEWS, else mappings/reviews/ of a repository clone (an installed "
    "package needs a folder of your own)."
)
PREDICTED_HELP = "A predicted SSSOM file of 'herstelgraph suggest' (or a folder of them) to review."


def _reviews_option(f):
    return click.option(
        "--reviews",
        "reviews_dir",
        type=click.Path(file_okay=False),
        metavar="DIR",
        help=REVIEWS_HELP,
    )(f)


def _folders(obj: Context, reviews_dir: str | None) -> tuple[Path, list[Path]]:
    """(the folder written to, every folder read)."""
    from ..curation.review.records import review_dirs, writable_dir

    named = Path(reviews_dir) if reviews_dir else None
    if named is None and obj.reviews:
        named = Path(obj.reviews[-1])
    folder = writable_dir(named)
    return folder, review_dirs([*(Path(p) for p in obj.reviews), folder])


def _pair(pair: str, lang: str) -> str:
    """A framework pair as the review files name it (A__B in the frameworks' order), from
    either order; an unknown one is refused, where it would give an empty sheet."""
    from ..curation.review.stats import FRAMEWORKS

    a, sep, b = pair.strip().lower().partition("__")
    if not sep or a not in FRAMEWORKS or b not in FRAMEWORKS or a == b:
        raise InputError(
            message("review_pair", lang, pair=repr(pair), frameworks=", ".join(FRAMEWORKS))
        )
    x, y = sorted((a, b), key=FRAMEWORKS.index)
    return f"{x}__{y}"


def _refuse_review_files(output: Path, paths: list[Path]) -> None:
    """The sheet never replaces a review file (a reviewer's decisions, or the file this
    reviewer's will be): refused before any work is done, as an output onto an input is."""
    import os

    from ..errors import OutputError
    from ..words import Said

    target = os.path.realpath(output)
    for p in paths:
        if target == os.path.realpath(p):
            raise OutputError(output, Said("output-is-input"))


def _reviewer(ident: str, label: str | None, folder: Path):
    """The reviewer, its label asked once (the first time) and then read from the file."""
    from ..curation.review.records import parse_reviewer, read_file

    reviewer = parse_reviewer(ident, label or "", verb_lang(None))
    path = folder / reviewer.file_name
    if path.exists():
        known = read_file(path, protect=False).reviewer
        return reviewer.__class__(reviewer.id, reviewer.slug, label or known.label)
    if not label:
        if not sys.stdin.isatty():
            from ..words import message

            raise InputError(message("reviewer_new", verb_lang(None), path=path))
        label = click.prompt("Naam van de reviewer / reviewer's name", type=str).strip()
        if not label:
            raise InputError("a reviewer needs a name")
    return reviewer.__class__(reviewer.id, reviewer.slug, label)


def _base_store(obj: Context):
    """The graph as curated (no reviews applied): a reviewer judges the curated records."""
    obj.refuse_endpoint("review", "endpoint_why_review")
    from ..curation.review.loading import load

    return load(extra=[Path(p) for p in obj.data], reviews=())


@click.group(invoke_without_command=True)
@click.option("--reviewer", metavar="ID", help="Your ORCID or a short name (e.g. jansen).")
@click.option("--label", metavar="NAME", help="Your name, stored once in your file's header.")
@_reviews_option
@click.option(
    "--predicted",
    multiple=True,
    type=click.Path(exists=True),
    metavar="FILE|DIR",
    help=PREDICTED_HELP,
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Port (default: a free one)."
)
@lang_option("Language of the page (it has a switch too).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
@click.pass_context
def review(ctx: click.Context, reviewer, label, reviews_dir, predicted, port, lang, open_browser):
    """Review the curated mappings in your browser (a local web app on 127.0.0.1).

    Every decision (confirm, reject with a reason, change the relation, unsure, a comment;
    for a no-match record: agree, or name the item that matches) is written at once to your
    own SSSOM file; Ctrl-C stops the app. The page's second view (Vertalingen / Translations)
    shows each English translation beside its Dutch source: confirm, reject or correct it,
    written at once to <you>.translations.tsv as 'review translation' does. Subcommands:
    export and import an XLSX sheet, stats, translations, translation.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not reviewer:
        raise click.UsageError(message("review_who", verb_lang(lang)))
    obj: Context = ctx.obj
    from ..curation.review.app import ReviewApp, ReviewServer, lock
    from ..curation.review.session import ReviewSession

    folder, dirs = _folders(obj, reviews_dir)
    who = _reviewer(reviewer, label, folder)
    held = lock(folder, who.slug)
    try:
        session = ReviewSession(
            _base_store(obj), who, folder, read_dirs=dirs, predicted=[Path(p) for p in predicted]
        )
        translations = session.translations  # every review file read before the app starts
        server = ReviewServer(ReviewApp(session, verb_lang(lang)), port)
        click.echo(message("review_serving", obj.lang, url=server.url))
        click.echo(
            message(
                "review_reviewer", obj.lang, label=session.reviewer.label, id=session.reviewer.id
            )
        )
        click.echo(message("review_file", obj.lang, path=session.file.path))
        click.echo(message("review_translation_file", obj.lang, path=translations.path))
        click.echo(message("review_stop", obj.lang))
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)
        try:
            server.serve_forever()
        except (KeyboardInterrupt, Interrupted):  # Ctrl-C: stop, and say where things are
            pass
        finally:
            server.server_close()
        click.echo(
            message("review_stopped", obj.lang, path=session.file.path, tpath=translations.path)
        )
    finally:
        if held is not None:
            held.close()


@review.command("export")
@click.option("--reviewer", required=True, metavar="ID", help="Your ORCID or short name.")
@click.option("--label", metavar="NAME", help="Your name (needed once, for a new file).")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False),
    metavar="FILE",
    help="The .xlsx sheet to write.",
)
@_reviews_option
@click.option(
    "--predicted",
    multiple=True,
    type=click.Path(exists=True),
    metavar="FILE|DIR",
    help=PREDICTED_HELP,
)
@click.option(
    "--pair",
    metavar="A__B",
    help="Only this framework pair, e.g. bijlage-ii__randvoorwaarden (and the translations "
    "of its two frameworks).",
)
@click.option("--todo", is_flag=True, help="Only the records and translations you have not judged.")
@lang_option("Language of the sheet.")
@click.pass_obj
def export_sheet(obj: Context, reviewer, label, output, reviews_dir, predicted, pair, todo, lang):
    """Write an XLSX sheet to review in a spreadsheet: one row per record, dropdowns for the
    decision and the reason, the texts locked; a second sheet (Vertalingen / Translations)
    holds one row per English translation to confirm, reject or correct. Read it back with
    'review import'."""
    from ..curation.review.session import QueueFilter, ReviewSession
    from ..curation.review.sheet import export_xlsx, translation_units

    lang = verb_lang(lang)
    if Path(output).suffix.lower() != ".xlsx":  # a workbook, whatever the name says
        raise InputError(message("review_sheet_suffix", lang, path=output))
    folder, dirs = _folders(obj, reviews_dir)
    from ..curation.review.records import parse_reviewer

    own = folder / parse_reviewer(reviewer, label or "", lang).file_name
    read = [f for d in {folder, *dirs} if d.is_dir() for f in d.glob("*.sssom.tsv")]
    _refuse_review_files(Path(output), [own, *read])
    who = _reviewer(reviewer, label, folder)
    session = ReviewSession(
        _base_store(obj), who, folder, read_dirs=dirs, predicted=[Path(p) for p in predicted]
    )
    flt = QueueFilter(pair=_pair(pair, lang) if pair else None, mine="todo" if todo else None)
    n = export_xlsx(session, Path(output), flt, lang=lang)
    m = len(translation_units(session, flt))
    notice(message("review_exported", lang, path=output, n=n, m=m))


@review.command("import")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False))
@click.option("--reviewer", metavar="ID", help="Default: the reviewer the sheet was made for.")
@_reviews_option
@click.option(
    "--predicted",
    multiple=True,
    type=click.Path(exists=True),
    metavar="FILE|DIR",
    help=PREDICTED_HELP,
)
@click.pass_obj
def import_sheet(obj: Context, sheet, reviewer, reviews_dir, predicted):
    """Read a reviewed XLSX sheet into your review files (the mappings and the translations);
    every row error is listed (sheet, row, column, what to do) and nothing is written until
    there are none."""
    from ..curation.review.app import lock
    from ..curation.review.session import ReviewSession
    from ..curation.review.sheet import SheetErrors, import_xlsx, sheet_reviewer

    folder, dirs = _folders(obj, reviews_dir)
    ident, label = sheet_reviewer(Path(sheet))
    if reviewer and ident and reviewer.strip() not in (ident, ident.split(":", 1)[-1]):
        raise InputError(
            message("sheet_of_other", obj.lang, sheet=sheet, ident=ident, reviewer=reviewer)
        )
    who = _reviewer(reviewer or ident or "", label, folder)
    held = lock(folder, who.slug)
    try:
        session = ReviewSession(
            _base_store(obj), who, folder, read_dirs=dirs, predicted=[Path(p) for p in predicted]
        )
        try:
            n = import_xlsx(session, Path(sheet), lang=str(obj.lang))
        except SheetErrors as exc:
            for problem in exc.problems:
                click.echo(stderr_line("error", problem, obj.lang), err=True)
            said = message("review_row_errors", obj.lang, n=len(exc.problems))
            click.echo(f"herstelgraph: {said}", err=True)
            raise click.exceptions.Exit(2) from None
    finally:
        if held is not None:
            held.close()
    notice(message("review_imported", obj.lang, path=session.folder, n=n))


@review.command("stats")
@_reviews_option
@output_options
@click.option(
    "--part",
    type=click.Choice(["all", "counts", "agreement", "disagreements"]),
    default="all",
    show_default=True,
    help="Which table (csv holds one: counts unless another is named).",
)
@click.pass_obj
def stats(obj: Context, reviews_dir, part: str, out: Output) -> None:
    """Review figures: per framework pair and relation reviewed / confirmed / rejected /
    changed / unsure / disputed; Cohen's κ per pair of reviewers and Krippendorff's α
    (nominal) over all, on the records they judged; the disagreements."""
    from ..curation.review.merge import curated_records, merged_view, read_decisions
    from ..curation.review.records import review_dirs, review_files
    from ..curation.review.stats import review_stats

    named = [Path(reviews_dir)] if reviews_dir else []
    files = review_files(review_dirs([*(Path(p) for p in obj.reviews), *named]))
    decisions = read_decisions((p, None) for p in files)
    result = review_stats(merged_view(curated_records(_base_store(obj)), decisions))
    lang = obj.lang
    tables = {
        "counts": (result.counts, message("review_counts", lang)),
        "agreement": (result.agreement, message("review_agreement", lang)),
        "disagreements": (result.disagreements, message("review_disagreements", lang)),
    }
    chosen = [name for name in tables if part in ("all", name)]
    views = tuple(View(list(tables[n][0]), tables[n][1]) for n in chosen)
    data = result if part == "all" else list(tables[part][0])
    notice(
        message(
            "review_files",
            lang,
            files=len(files),
            reviewers=", ".join(result.reviewers) or message("nobody", lang),
            version=result.rubric_version,
        )
    )
    out.send(Answer(views, data=data, csv=0))


@review.command("translations")
@click.option("--todo", is_flag=True, help="Only the translations nobody has reviewed yet.")
@click.option("--framework", metavar="FW", help="Only this framework's items (e.g. bk-0597-1).")
@_reviews_option
@output_options
@click.pass_obj
def list_translations(obj: Context, todo: bool, framework, reviews_dir, out: Output) -> None:
    """The English translations to review: each item's English label or definition beside
    the Dutch it translates, and the review in force (confirmed, corrected, rejected)."""
    from ..curation.review.records import review_dirs
    from ..curation.review.stats import framework_of
    from ..curation.review.translations import (
        STATUS,
        TranslationRow,
        figures,
        in_force,
        read_decisions,
        translation_files,
        units,
    )

    named = [Path(reviews_dir)] if reviews_dir else []

    files = translation_files(review_dirs([*(Path(p) for p in obj.reviews), *named]))
    decisions = read_decisions([(p, None) for p in files])
    store = _base_store(obj)
    if framework:  # any case and the prefix forms (bk, BK-0597-1); an unknown one refused
        from ..questions.catalogue import framework_id, scheme_node

        framework = framework_id(scheme_node(store, framework).value)
    all_units = units(store)
    force, _ = in_force(decisions, {k: u.english for k, u in all_units.items()})
    rows = []
    for key, unit in all_units.items():
        d = force.get(key)
        if todo and d is not None:
            continue
        if framework and framework_of(unit.subject_id) != framework:
            continue
        rows.append(
            TranslationRow(
                id=unit.subject_id,
                property=unit.property,
                dutch=unit.dutch,
                english=unit.english,
                review_status=STATUS[d.decision] if d else "unreviewed",
                corrected_text=d.corrected_text if d else "",
                reviewer=(d.reviewer_label or d.reviewer_id) if d else "",
                date=d.review_date if d else "",
            )
        )
    fig = figures(decisions)
    notice(message("translations_reviewed", obj.lang, reviewed=fig.reviewed, total=fig.total))
    title = message("translations_title", obj.lang)
    out.send(
        Answer(
            (
                View(
                    rows,
                    title,
                    columns=["id", "property", "dutch", "english", "review_status"],
                    kind=TranslationRow,
                    english=False,  # the English is the row's subject already
                ),
            )
        )
    )


@review.command("translation")
@click.argument("item")
@click.argument("what", type=click.Choice(["label", "definition", "title"]))
@click.option("--reviewer", required=True, metavar="ID", help="Your ORCID or short name.")
@click.option("--label", metavar="NAME", help="Your name (needed once, for a new file).")
@click.option("--confirm", "decision", flag_value="confirm", help="The translation is right.")
@click.option("--reject", "decision", flag_value="reject", help="The translation is wrong.")
@click.option(
    "--correct",
    "corrected",
    metavar="TEXT",
    help="The translation is wrong; this is the right English text.",
)
@click.option("--comment", default="", metavar="TEXT", help="A note to your decision.")
@_reviews_option
@click.pass_obj
def review_translation(
    obj: Context, item, what, reviewer, label, decision, corrected, comment, reviews_dir
) -> None:
    """Review one English translation: ITEM's label, definition or (a framework's) title.
    The decision goes to your own file (<you>.translations.tsv beside your mapping
    reviews) and applies whenever the graph is loaded: a rejected translation is no longer
    shown, a corrected one is replaced by your text, with your name and the date."""
    from ..curation.review.app import lock
    from ..curation.review.translations import decide, file_name
    from ..ids import compact
    from ..questions.catalogue import resolve

    if corrected is not None:
        if decision:
            raise click.UsageError(message("translation_decision", obj.lang))
        decision = "correct"
    if not decision:
        raise click.UsageError(message("translation_decision", obj.lang))
    from ..curation.review.records import parse_reviewer
    from ..curation.review.translations import read_file

    folder, _ = _folders(obj, reviews_dir)
    who = parse_reviewer(reviewer, label or "", verb_lang(None))
    mine = folder / file_name(who)
    if not label and mine.exists():
        who = read_file(mine, protect=False).reviewer
    elif not label:
        who = _reviewer(reviewer, label, folder)  # the name from the mapping file, or asked
    store = _base_store(obj)
    held = lock(folder, who.slug)
    try:
        made = decide(
            store,
            folder,
            who,
            compact(resolve(store, item).value),
            what,
            decision,
            corrected=corrected or "",
            comment=comment,
        )
    finally:
        if held is not None:
            held.close()
    notice(
        message(
            "translation_decided",
            obj.lang,
            path=str(folder / file_name(who)),
            decision=message(f"translation_{made.decision}", obj.lang),
        )
    )


COMMANDS = (review,)
