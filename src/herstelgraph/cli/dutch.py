"""The command line's own texts in Dutch: ``--help`` and click's usage errors.

Loaded only when a help is rendered or a usage error is said in Dutch (``main.HelpContext``,
``main._run``), never on a question's path (tests/test_performance_design.py).

One mechanism, a message catalogue as gettext's: the English text is the key and stays the
source, in the docstrings and ``help=`` strings where it is written (:data:`TEXTS` for ours,
:data:`CLICK` for click's own). Keyed by the English rather than by command and parameter, a
help shared by twenty verbs (``--format``, ``-o``) is translated once, and an English text
that changes loses its Dutch, which ``tests/test_help_language.py`` then reports, instead of
the Dutch silently describing what the option used to do.

How it is applied, and why so: click asks ``gettext.gettext`` for its own words through a
module-level ``_`` bound at import in each of its modules; switching that (a process-wide
``.mo`` domain, or patching click's modules) would be global and tied to click's internals.
Instead:

* a help is laid out by :class:`Formatter`, a ``click.HelpFormatter`` (whose methods click
  has kept since 7.0): it writes the usage prefix, the headings and every row of options in
  Dutch, click's ``[default: …; required]`` after them too;
* the texts of the commands are put in Dutch for the time the help is laid out
  (:func:`help_text`), because click makes a group's one-line list from them before the
  formatter sees it (the first sentence, cut to the width);
* a usage error is said again from its fields (:func:`usage_error`): the parameter it names,
  the option or command not found and the close matches; the message click made inside it
  (a type's "'x' is not one of …", the parser's "requires an argument") is matched against
  click's English templates (:data:`CLICK_MESSAGES`). A message that matches none stays as
  click wrote it.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache

import click


def key(text: str) -> str:
    """A text as the catalogue keys it: paragraphs kept, the white space in them not."""
    paragraphs = (" ".join(p.split()) for p in inspect.cleandoc(text).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def dutch(text: str) -> str | None:
    """The Dutch of an English help text (ours or click's), or None when it has none."""
    return TEXTS.get(key(text)) or CLICK.get(text)


# ----------------------------------------------------------------------------- help
class Formatter(click.HelpFormatter):
    """click's help layout, with click's words and the options' help in Dutch."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(CLICK.get(heading, heading))

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = [(term, _row(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)


#: an option's help as click writes it: the text, then what click adds in brackets
_EXTRA = re.compile(r"(?P<text>.*?)(?:(?:^|  )\[(?P<extra>[^\[\]]*)\])?", re.S)
#: click's words in that bracket (``Option.get_help_record``)
_EXTRA_WORDS = (
    ("default: ", "standaard: "),
    ("env var: ", "omgevingsvariabele: "),
    ("required", "verplicht"),
    ("(dynamic)", "(dynamisch)"),
)


def _row(text: str) -> str:
    match = _EXTRA.fullmatch(text)
    if match is None:  # pragma: no cover - the pattern matches any text
        return text
    help, extra = match["text"], match["extra"]
    help = dutch(help) or help if help else help
    if extra is None:
        return help
    items = []
    for item in extra.split("; "):
        for english, word in _EXTRA_WORDS:
            if item.startswith(english):
                item = word + item[len(english) :]
        items.append(item)
    bracket = f"[{'; '.join(items)}]"
    return f"{help}  {bracket}" if help else bracket


@contextmanager
def _commands_in_dutch(ctx: click.Context) -> Iterator[None]:
    """The command's text, and those of the commands a group lists, in Dutch while the
    help is laid out; put back after, whatever happens."""
    command = ctx.command
    commands = [command]
    if isinstance(command, click.Group):
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                commands.append(sub)
    saved = [(c, c.help, c.short_help) for c in commands]
    try:
        for c in commands:
            c.help = (dutch(c.help) or c.help) if c.help else c.help
            c.short_help = (dutch(c.short_help) or c.short_help) if c.short_help else None
        yield
    finally:
        for c, help, short_help in saved:
            c.help, c.short_help = help, short_help


def help_text(ctx: click.Context) -> str:
    """``ctx``'s help in Dutch, laid out as click lays it out (``Command.get_help``)."""
    formatter = Formatter(width=ctx.terminal_width, max_width=ctx.max_content_width)
    with _commands_in_dutch(ctx):
        ctx.command.format_help(ctx, formatter)
    return formatter.getvalue().rstrip("\n")


# ----------------------------------------------------------------------------- errors
def usage_error(exc: click.ClickException) -> str:
    """A click error (a usage error, exit 2) in Dutch, said again from its fields."""
    if isinstance(exc, click.MissingParameter):
        hint = _param_hint(exc)
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
        said = f"{_MISSING.get(kind, kind.capitalize())}{' ' + hint if hint else ''} ontbreekt."
        more = [message(exc.message)] if exc.message else []
        if exc.param is not None:  # a choice's values, as click adds them
            extra = _missing_message(exc.param, exc.ctx)
            if extra:
                more.append(message(extra))
        return " ".join([said, *more])
    if isinstance(exc, click.BadParameter):
        hint = _param_hint(exc)
        where = f" voor {hint}" if hint else ""
        return f"Ongeldige waarde{where}: {message(exc.message)}"
    possibilities = getattr(exc, "possibilities", None)  # NoSuchOption, NoSuchCommand
    if isinstance(exc, click.UsageError) and possibilities is not None:
        close = [str(p) for p in possibilities]
        if not close:
            return message(exc.message)
        if len(close) == 1:
            return f"{message(exc.message)} Bedoelde u {close[0]!r}?"
        return f"{message(exc.message)} (Bedoelde u een van: {', '.join(map(repr, close))}?)"
    return message(exc.format_message())


def _missing_message(param: click.Parameter, ctx: click.Context | None) -> str | None:
    try:
        return param.type.get_missing_message(param, ctx)
    except TypeError:  # click < 8.2: get_missing_message(param)
        return param.type.get_missing_message(param)  # type: ignore[call-arg,unused-ignore]


_MISSING = {"argument": "Argument", "option": "Optie", "parameter": "Parameter"}


def _param_hint(exc: click.BadParameter) -> str:
    hint = exc.param_hint
    if hint is None and exc.param is not None:
        # click < 8.4 types ctx as a Context, though an Option's hint does not read it
        hint = exc.param.get_error_hint(exc.ctx)  # type: ignore[arg-type,unused-ignore]
    if hint is None:
        return ""
    if isinstance(hint, str):
        return hint
    return " / ".join(repr(h) for h in hint)


def message(text: str) -> str:
    """One of click's messages in Dutch (:data:`CLICK_MESSAGES`), else as it is."""
    for pattern, template in _templates():
        match = pattern.fullmatch(text)
        if match is not None:
            fields = {k: _FIELD_WORDS.get(v, v) for k, v in match.groupdict().items()}
            return template.format(**fields)
    return text


@cache
def _templates() -> list[tuple[re.Pattern[str], str]]:
    """Each English template as a pattern whose fields ({name}, {name!r}) match any text."""
    compiled: list[tuple[int, re.Pattern[str], str]] = []
    for english, template in CLICK_MESSAGES.items():
        parts = re.split(r"\{(\w+)(?:![rs])?\}", english)
        pattern = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        literal = sum(len(part) for part in parts[::2])
        compiled.append((literal, re.compile(pattern, re.S), template))
    # the most specific first: "'x' is not a valid integer." is not "{value!r} is not {choice}."
    compiled.sort(key=lambda item: -item[0])
    return [(pattern, template) for _, pattern, template in compiled]


#: words click puts into its messages (a type's name, a path's kind)
_FIELD_WORDS = {
    "integer": "geheel getal",
    "integer range": "geheel getal",
    "float": "getal",
    "float range": "getal",
    "File": "Bestand",
    "Directory": "Map",
    "Path": "Pad",
    "file": "bestand",
    "directory": "map",
    "path": "pad",
}

#: click's messages (its English, fields as it writes them) and their Dutch
CLICK_MESSAGES: dict[str, str] = {
    "No such command {name!r}.": "Opdracht {name} bestaat niet.",
    "No such option {name!r}.": "Optie {name} bestaat niet.",
    "Missing command.": "Er ontbreekt een opdracht.",
    "Got unexpected extra argument ({args})": "Onverwacht extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Onverwachte extra argumenten ({args})",
    "Option {name!r} requires an argument.": "Optie {name} heeft een waarde nodig.",
    "Option {name!r} requires {nargs} arguments.": "Optie {name} heeft {nargs} waarden nodig.",
    "Option {name!r} does not take a value.": "Optie {name} neemt geen waarde aan.",
    "Argument {name!r} takes {nargs} values.": "Argument {name} neemt {nargs} waarden.",
    "{value!r} is not one of {choices}.": "{value} is niet een van {choices}.",
    "{value!r} is not {choice}.": "{value} is niet {choice}.",
    "Choose from:\n\t{choices}": "Kies uit:\n\t{choices}",
    "{value!r} is not a valid {number_type}.": "{value} is geen geldig {number_type}.",
    "{value} is not in the range {range}.": "{value} ligt niet in het bereik {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value} is geen geldige ja/nee-waarde. Mogelijke waarden: {states}"
    ),
    "{value!r} is not a valid UUID.": "{value} is geen geldige UUID.",
    "{name} {filename!r} does not exist.": "{name} {filename} bestaat niet.",
    "{name} {filename!r} is a file.": "{name} {filename} is een bestand.",
    "{name} {filename!r} is a directory.": "{name} {filename} is een map.",
    "{name} {filename!r} is not readable.": "{name} {filename} is niet leesbaar.",
    "{name} {filename!r} is not writable.": "{name} {filename} is niet schrijfbaar.",
    "{name} {filename!r} is not executable.": "{name} {filename} is niet uitvoerbaar.",
    "Could not open file {filename!r}: {message}": "Kan bestand {filename} niet openen: {message}",
    "Value must be an iterable.": "De waarde moet een reeks zijn.",
}

#: click's words in a help: headings, the usage prefix's word, its own options' help
CLICK: dict[str, str] = {
    "Options": "Opties",
    "Commands": "Opdrachten",
    "Positional arguments": "Argumenten",
    "Show this message and exit.": "Toon deze hulp en stop.",
    "Show the version and exit.": "Toon de versie en stop.",
}

# ----------------------------------------------------------------------------- catalogue
_FORMAT = (
    "Uitvoerformaat [standaard: table; met -o volgens de extensie van het bestand: .xlsx, "
    ".csv, .json]. table en xlsx zijn voor mensen (woorden, Nederlands tenzij --lang en); "
    "json en csv houden de veldnamen en de ruwe termen."
)
_STATE = (
    "git:REF (een tag, branch of commit van de repository waarin u werkt), een releasemap "
    "(dist/release/VERSION), een map met ontology/ en mappings/, of 'current' (de "
    "geïnstalleerde graaf)"
)
_REVIEWS_DIR = (
    "Map voor de beoordelingsbestanden: uw eigen bestand wordt daar geschreven, die van "
    "iedereen worden er gelezen. Standaard: $HERSTELGRAPH_REVIEWS, anders mappings/reviews/ "
    "van een kloon van de repository (een geïnstalleerd pakket heeft een eigen map nodig)."
)
_METHOD = (
    "fused: lexicaal + embeddings; lexical werkt zonder de extra [suggest]; auto: fused als "
    "het model geïnstalleerd is."
)

#: our help texts: English (as :func:`key` writes it) -> Dutch
TEXTS: dict[str, str] = {
    # the group and its options
    "Query, validate and publish the recovery-supporting care frameworks.": (
        "Raadpleeg, valideer en publiceer de kaders voor herstelondersteunende zorg."
    ),
    "Extra RDF file (profile, curriculum, framework) to load beside the shipped graph.": (
        "Extra RDF-bestand (profiel, curriculum, kader) om naast de meegeleverde graaf te laden."
    ),
    "Ask a SPARQL 1.1 endpoint (e.g. http://localhost:7878/query) instead of the embedded "
    "store; load it with 'herstelgraph export --format trig'.": (
        "Vraag een SPARQL 1.1-eindpunt (bijvoorbeeld http://localhost:7878/query) in plaats "
        "van de ingebouwde store; laad het met 'herstelgraph export --format trig'."
    ),
    "Time allowed for each request to the endpoint, as a whole (default 30, or "
    "$HERSTELGRAPH_ENDPOINT_TIMEOUT).": (
        "Tijd voor elk verzoek aan het eindpunt, in zijn geheel (standaard 30, of "
        "$HERSTELGRAPH_ENDPOINT_TIMEOUT)."
    ),
    "Language of column headers, relation names, messages and this help, and of the "
    "documents a verb writes for people (annex, template) [default: en when LC_ALL, "
    "LC_MESSAGES or LANG starts with en, else nl]. Not a filter on exports: see "
    "'export --lang'.": (
        "Taal van kolomkoppen, relatienamen, meldingen en deze hulp, en van de documenten die "
        "een opdracht voor mensen schrijft (bijlage, sjabloon) [standaard: en als LC_ALL, "
        "LC_MESSAGES of LANG met en begint, anders nl]. Geen filter op exports: zie "
        "'export --lang'."
    ),
    "Tables: every column, and the raw SKOS/SSSOM terms beside the words.": (
        "Tabellen: elke kolom, en de ruwe SKOS/SSSOM-termen naast de woorden."
    ),
    "Folder of review files (see 'herstelgraph review') whose decisions the answers apply, "
    "beside mappings/reviews/ and $HERSTELGRAPH_REVIEWS.": (
        "Map met beoordelingsbestanden (zie 'herstelgraph review') waarvan de antwoorden de "
        "beslissingen toepassen, naast mappings/reviews/ en $HERSTELGRAPH_REVIEWS."
    ),
    "Refuse input files larger than this (e.g. 200MB); default 50MB or "
    "$HERSTELGRAPH_MAX_INPUT_BYTES.": (
        "Weiger invoerbestanden die groter zijn (bijvoorbeeld 200MB); standaard 50MB of "
        "$HERSTELGRAPH_MAX_INPUT_BYTES."
    ),
    # what many verbs share
    "Language of the headers, words and messages [default: the global --lang].": (
        "Taal van de kolomkoppen, woorden en meldingen [standaard: de globale --lang]."
    ),
    "Only mappings (and no-match records) confirmed by at least N reviewers (default 1; see "
    "'herstelgraph review'). Put it after the arguments or give N.": (
        "Alleen mappings (en geen-overeenkomstrecords) die door minstens N beoordelaars zijn "
        "bevestigd (standaard 1; zie 'herstelgraph review'). Zet de optie na de argumenten "
        "of geef N."
    ),
    "Only mappings (and no-match records) with a curated confidence of at least X; a relation "
    "a reviewer set has none and is kept.": (
        "Alleen mappings (en geen-overeenkomstrecords) met een vastgelegde zekerheid van "
        "minstens X; een relatie die een beoordelaar koos heeft er geen en blijft staan."
    ),
    "Output format [default: table; with -o, from the file's suffix: .xlsx, .csv, .json]. "
    "table and xlsx are for people (words, Dutch unless --lang en); json and csv keep the "
    "field names and raw terms.": _FORMAT,
    "File to write (atomically; never one of the inputs); standard output when left out or '-'.": (
        "Bestand om te schrijven (atomair; nooit een van de invoerbestanden); de "
        "standaarduitvoer als u het weglaat of '-' geeft."
    ),
    "Also list items a release deprecated (owl:deprecated; 'show' names what replaced them). "
    "They are left out by default.": (
        "Toon ook items die een release liet vervallen (owl:deprecated; 'show' noemt wat ze "
        "verving). Standaard blijven ze weg."
    ),
    "Only this framework, e.g. bk-0597-1.": "Alleen dit kader, bijvoorbeeld bk-0597-1.",
    # cache
    "The closure cache: where it is, how big, and emptying it (always safe).": (
        "De cache van de afleidingen: waar hij staat, hoe groot hij is, en hem legen (altijd "
        "veilig)."
    ),
    "Remove every cache entry (they are rebuilt when needed); nothing else is touched.": (
        "Verwijder elk cache-item (ze worden opnieuw opgebouwd als dat nodig is); verder "
        "verandert er niets."
    ),
    "Where the cache is, its entries and size, and its bounds.": (
        "Waar de cache staat, zijn items en grootte, en zijn grenzen."
    ),
    # chain
    "Inferred A → C alignments through B, with the composed relation (docs/chains.md).": (
        "Afgeleide afstemmingen A → C via B, met de samengestelde relatie (docs/chains.md)."
    ),
    "Leave out chains with no composed claim.": ("Laat ketens zonder samengestelde conclusie weg."),
    # check
    "Quality report (SKOS integrity errors, qSKOS warnings) on FILEs or the shipped graph "
    "(with --endpoint: the endpoint's asserted and user graphs).": (
        "Kwaliteitsrapport (SKOS-integriteitsfouten, qSKOS-waarschuwingen) over de bestanden "
        "(FILES) of de meegeleverde graaf (met --endpoint: de vastgelegde graaf en de "
        "gebruikersgraaf van het eindpunt)."
    ),
    "Output format.": "Uitvoerformaat.",
    "--format text: at most this many resources per check (0: all).": (
        "--format text: hoogstens zoveel resources per controle (0: alle)."
    ),
    "Refuse files larger than this (e.g. 200MB); default 50MB or $HERSTELGRAPH_MAX_INPUT_BYTES.": (
        "Weiger bestanden die groter zijn (bijvoorbeeld 200MB); standaard 50MB of "
        "$HERSTELGRAPH_MAX_INPUT_BYTES."
    ),
    "Check against a standard's own SHACL profile instead: nl-sbb (NL-SBB 1.0.0, the Dutch "
    "standard for describing concepts).": (
        "Controleer in plaats daarvan tegen het eigen SHACL-profiel van een standaard: nl-sbb "
        "(NL-SBB 1.0.0, de Nederlandse standaard voor het beschrijven van begrippen)."
    ),
    # compare-roles, concepts
    "What one role's items add to another's, across frameworks.": (
        "Wat de items van de ene rol toevoegen aan die van een andere, over de kaders heen."
    ),
    "List a framework's concepts in source order (FRAMEWORK: e.g. bk-0597-1, valente-2023).": (
        "Toon de concepten van een kader in de volgorde van de bron (FRAMEWORK: bijvoorbeeld "
        "bk-0597-1, valente-2023)."
    ),
    "Item type, e.g. Competency, KnowledgeItem, Activity (any case; the Dutch word too).": (
        "Itemtype, bijvoorbeeld Competency, KnowledgeItem, Activity (hoofdletters maken niet "
        "uit; het Nederlandse woord kan ook)."
    ),
    # coverage
    "Share of A's requirement items mapped into B, for every ordered pair of aligned "
    "frameworks; then the share of A's items of each type reviewed against ESCO that have at "
    "least one ESCO link (e.g. the BK-0597-1 competencies; --to esco: only those).": (
        "Aandeel van de eisen (items) van A met een mapping naar B, voor elk geordend paar "
        "afgestemde kaders; daarna het aandeel van de items van A van elk type dat tegen ESCO "
        "is beoordeeld met minstens één ESCO-koppeling (bijvoorbeeld de competenties van "
        "BK-0597-1; --to esco: alleen die)."
    ),
    "Only pairs starting at this framework.": "Alleen paren die bij dit kader beginnen.",
    "Only pairs ending at this framework.": "Alleen paren die bij dit kader eindigen.",
    "Also one row per top section.": "Ook één rij per hoofdsectie.",
    # coverage-of
    "What a profile or curriculum (loaded with --data) covers of a framework: its own "
    "alignment (direct, part-of, all-parts) apart from mappings (mapped; related is not "
    "covered), requirements apart from context statements.\n\ncsv writes the items (one "
    "table per CSV file); xlsx a sheet for the summary and one for the items.": (
        "Wat een profiel of curriculum (geladen met --data) van een kader dekt: de eigen "
        "afstemming (direct, part-of, all-parts) apart van mappings (mapped; related telt "
        "niet als gedekt), eisen apart van contextuitspraken.\n\ncsv schrijft de items (één "
        "tabel per CSV-bestand); xlsx een blad voor de samenvatting en een voor de items."
    ),
    "Framework to measure against (default: dct:conformsTo).": (
        "Kader om tegen te meten (standaard: dct:conformsTo)."
    ),
    "Only items with this status (repeatable), e.g. --status missing.": (
        "Alleen items met deze status (herhaalbaar), bijvoorbeeld --status missing."
    ),
    # crosswalk, curation
    "Every curated mapping between frameworks A and B, read from A's side.": (
        "Elke vastgelegde mapping tussen de kaders A en B, gelezen vanaf de kant van A."
    ),
    "The curated mappings: figures and changes (mappings/RUBRIC.md).": (
        "De vastgelegde mappings: cijfers en wijzigingen (mappings/RUBRIC.md)."
    ),
    "Figures of the curated mappings and what changed since the last release.": (
        "Cijfers van de vastgelegde mappings en wat er sinds de laatste release veranderde."
    ),
    "Count the changes since this git ref (tag, branch, commit) or an older mappings folder "
    "or .sssom.tsv file; default: the last git tag.": (
        "Tel de wijzigingen sinds deze git-ref (tag, branch, commit) of een oudere map met "
        "mappings of een .sssom.tsv-bestand; standaard: de laatste git-tag."
    ),
    "Report on this folder's mapping files instead of the shipped ones.": (
        "Rapporteer over de mappingbestanden in deze map in plaats van de meegeleverde."
    ),
    # curriculum
    "Curricula: import an institute's spreadsheet as a curriculum profile.": (
        "Curricula: zet het spreadsheet van een instelling om in een curriculumprofiel."
    ),
    "Convert a sheet (CSV or XLSX: opleiding, module, leeruitkomst, competenties; or "
    "programme, module, learning outcome, aligned items) to a curriculum.": (
        "Zet een blad (CSV of XLSX: opleiding, module, leeruitkomst, competenties; of "
        "programme, module, learning outcome, aligned items) om in een curriculum."
    ),
    "Turtle file to write (atomically; never one of the inputs).": (
        "Turtle-bestand om te schrijven (atomair; nooit een van de invoerbestanden)."
    ),
    "Claim conformance to a framework (e.g. bk-0597-1): its rules then apply.": (
        "Claim dat het curriculum aan een kader voldoet (bijvoorbeeld bk-0597-1): de regels "
        "daarvan gelden dan."
    ),
    "Read notations without a prefix (C2, K12) as this framework's (default: the one of "
    "--conforms-to).": (
        "Lees codes zonder voorvoegsel (C2, K12) als die van dit kader (standaard: dat van "
        "--conforms-to)."
    ),
    "Namespace for the curriculum's IRIs.": "Naamruimte voor de IRI's van het curriculum.",
    "Write an empty curriculum sheet to fill in (headers, two example rows).": (
        "Schrijf een leeg curriculumblad om in te vullen (kolomkoppen, twee voorbeeldrijen)."
    ),
    "The new sheet: .xlsx, or .csv (UTF-8; ';' between cells for Dutch Excel).": (
        "Het nieuwe blad: .xlsx, of .csv (UTF-8; ';' tussen de cellen voor Nederlandse Excel)."
    ),
    "Language of the column headers and the example rows. [default: the global --lang].": (
        "Taal van de kolomkoppen en de voorbeeldrijen. [standaard: de globale --lang]."
    ),
    # diff
    "What changed from OLD to NEW (default: current): per framework, concepts added, removed, "
    "deprecated or modified (label, definition, hierarchy, type, notation) with the text "
    "before and after; mappings added, removed, retyped or changed in confidence or review "
    "status, per pair; and the coverage figures before and after.\n\nOLD and NEW are each "
    "git:REF (a tag, branch or commit of the repository you are in), a release folder "
    "(dist/release/VERSION), a folder with ontology/ and mappings/, or 'current' (the "
    "installed graph).": (
        "Wat er veranderd is van OLD naar NEW (standaard: current): per kader de concepten die "
        "zijn toegevoegd, verdwenen, vervallen of gewijzigd (omschrijving, definitie, "
        "hiërarchie, type, code) met de tekst ervoor en erna; de mappings die zijn toegevoegd, "
        "verdwenen, van relatie veranderd of gewijzigd in zekerheid of beoordeling, per paar; "
        "en de dekkingscijfers ervoor en erna.\n\nOLD en NEW zijn elk " + _STATE + "."
    ),
    "Only one table (csv writes one table; default: the concept changes).": (
        "Alleen één tabel (csv schrijft één tabel; standaard: de wijzigingen in concepten)."
    ),
    # endpoint
    "SPARQL endpoints: check what one holds against this release.": (
        "SPARQL-eindpunten: controleer wat een eindpunt bevat tegen deze release."
    ),
    "Graphs (triple counts, per-predicate fingerprint), SPARQL features and row cap of the "
    "endpoint at URL (default: the one named with --endpoint).": (
        "Grafen (aantallen triples, vingerafdruk per predicaat), SPARQL-onderdelen en "
        "rijlimiet van het eindpunt op URL (standaard: het eindpunt van --endpoint)."
    ),
    # explain
    "How two items relate: each path and step with its evidence, and both source texts.\n\n"
    "csv writes the steps with their path; xlsx a sheet for the two items and one for the "
    "steps.": (
        "Hoe twee items samenhangen: elk pad en elke stap met de onderbouwing, en beide "
        "bronteksten.\n\ncsv schrijft de stappen met hun pad; xlsx een blad voor de twee "
        "items en een voor de stappen."
    ),
    # export
    "Export the asserted graph (or one framework) in another format.\n\nEvery language unless "
    "this verb's --lang nl: the global --lang sets the language of what you read, not the "
    "languages an exchanged file holds.": (
        "Exporteer de vastgelegde graaf (of één kader) in een ander formaat.\n\nAlle talen, "
        "tenzij de --lang nl van deze opdracht: de globale --lang bepaalt de taal van wat u "
        "leest, niet de talen in een uitgewisseld bestand."
    ),
    "turtle (ttl), jsonld (json-ld; shipped context inlined), ntriples (nt; sorted), rdfxml "
    "(xml, rdf), trig (asserted and inferred named graphs), csv (one row per concept, for "
    "Excel), sssom (all mapping records), case (1EdTech CASE 1.0 CFPackage JSON), ctdlasn "
    "(Credential Engine CTDL-ASN JSON-LD), jskos (JSKOS registry JSON: schemes, concepts, "
    "mappings). Any case. Default: from -o's suffix (.ttl, .jsonld, .nt, .rdf, .trig, .csv, "
    ".sssom.tsv, .case.json, .ctdlasn.jsonld, .jskos.json).": (
        "turtle (ttl), jsonld (json-ld; meegeleverde context ingevoegd), ntriples (nt; "
        "gesorteerd), rdfxml (xml, rdf), trig (vastgelegde en afgeleide benoemde grafen), csv "
        "(één rij per concept, voor Excel), sssom (alle mappingrecords), case (1EdTech CASE "
        "1.0 CFPackage JSON), ctdlasn (Credential Engine CTDL-ASN JSON-LD), jskos "
        "(JSKOS-registry-JSON: schema's, concepten, mappings). Hoofdletters maken niet uit. "
        "Standaard: volgens de extensie van -o (.ttl, .jsonld, .nt, .rdf, .trig, .csv, "
        ".sssom.tsv, .case.json, .ctdlasn.jsonld, .jskos.json)."
    ),
    "Deprecated: --framework.": "Vervallen: --framework.",
    "nl: only the Dutch texts (the source quotes); the English translations and the curators' "
    "English notes are left out. Default: every language, whatever the global --lang (the "
    "language you read, not a filter on what an interchange file holds).": (
        "nl: alleen de Nederlandse teksten (de citaten uit de bron); de Engelse vertalingen en "
        "de Engelse noten van de curatoren blijven weg. Standaard: alle talen, wat de globale "
        "--lang ook is (de taal die u leest, geen filter op wat een uitwisselbestand bevat)."
    ),
    # frameworks, gaps, hubs
    "List the frameworks with their titles, levels and concept counts.": (
        "Toon de kaders met hun titels, niveaus en aantallen concepten."
    ),
    "Requirement items of A with no mapping into B: 'no-match' (reviewed), 'via-example' "
    "(linked only to example-only or inferred items) or 'not-reviewed'.": (
        "Eisen (items) van A zonder mapping naar B: 'no-match' (beoordeeld), 'via-example' "
        "(alleen gekoppeld aan afgeleide items of aan items die er alleen als voorbeeld "
        "staan) of 'not-reviewed' (niet beoordeeld)."
    ),
    "Only items under this section (ID, e.g. bk:kennis).": (
        "Alleen items onder deze sectie (ID, bijvoorbeeld bk:kennis)."
    ),
    "Only this item type, e.g. KnowledgeItem, Competency.": (
        "Alleen dit itemtype, bijvoorbeeld KnowledgeItem, Competency."
    ),
    "Only reviewed items with no match, only items covered via an example-only or inferred "
    "item, or only items never reviewed.": (
        "Alleen beoordeelde items zonder overeenkomst, alleen items die gedekt zijn via een "
        "afgeleid item of een item dat er alleen als voorbeeld staat, of alleen items die "
        "nooit zijn beoordeeld."
    ),
    "Knowledge items that many competencies include.": (
        "Kennisitems die in veel competenties zijn opgenomen."
    ),
    "Framework to scan.": "Kader om te doorzoeken.",
    "Least competencies.": "Minimaal aantal competenties.",
    # impact
    "What moving from one release to another changes for a curriculum (Turtle, JSON-LD, or a "
    "CSV/XLSX sheet): which of its aligned items changed or disappeared, how its coverage "
    "moves, and which validation findings appear or vanish. csv writes the aligned items.": (
        "Wat de overstap van de ene release naar een andere verandert voor een curriculum "
        "(Turtle, JSON-LD, of een CSV/XLSX-blad): welke van de afgestemde items veranderden of "
        "verdwenen, hoe de dekking verschuift, en welke validatiebevindingen verschijnen of "
        "verdwijnen. csv schrijft de afgestemde items."
    ),
    "The state you had: git:REF (a tag, branch or commit of the repository you are in), a "
    "release folder (dist/release/VERSION), a folder with ontology/ and mappings/, or "
    "'current' (the installed graph).": "De stand die u had: " + _STATE + ".",
    "The state you move to, named the same ways [default: current].": (
        "De stand waar u naartoe gaat, op dezelfde manieren genoemd [standaard: current]."
    ),
    "Measure against this framework [default: the ones the curriculum claims].": (
        "Meet tegen dit kader [standaard: de kaders die het curriculum claimt]."
    ),
    # map, overview
    "List what a concept maps to: relation, framework, confidence, justification, comment."
    "\n\nA reviewed no-match names the framework it was reviewed against.": (
        "Toon de mappings van een concept: relatie, kader, zekerheid, onderbouwing, "
        "opmerking.\n\nEen beoordeelde geen-overeenkomst noemt het kader waartegen ze is "
        "beoordeeld."
    ),
    "The role whose items are compared (an NK role's ID).": (
        "De rol waarvan de items worden vergeleken (de ID van een NK-rol)."
    ),
    "The role it is compared with.": "De rol waarmee zij wordt vergeleken.",
    "Only mappings into this framework, or only the links to ESCO (esco).": (
        "Alleen mappings naar dit kader, of alleen de links naar ESCO (esco)."
    ),
    "The overview: frameworks, concepts per type, mappings per framework pair.\n\ncsv writes "
    "the concepts per type (one table per CSV file); xlsx a sheet per table.": (
        "Het overzicht: kaders, concepten per type, mappings per paar kaders.\n\ncsv schrijft "
        "de concepten per type (één tabel per CSV-bestand); xlsx een blad per tabel."
    ),
    # query
    "Run a shipped query (see queries/) or your own .rq file with bound parameters.\n\n"
    "SELECT gives its variables and rows in any format; ASK gives true or false; CONSTRUCT "
    "and DESCRIBE give Turtle as a table, and subject/predicate/object rows as json, csv or "
    "xlsx (embedded store only).": (
        "Voer een meegeleverde query (zie queries/) of uw eigen .rq-bestand uit, met "
        "ingevulde parameters.\n\nSELECT geeft zijn variabelen en rijen in elk formaat; ASK "
        "geeft true of false; CONSTRUCT en DESCRIBE geven Turtle als tabel, en rijen met "
        "subject/predicate/object als json, csv of xlsx (alleen met de ingebouwde store)."
    ),
    "Bind a parameter.": "Vul een parameter in.",
    # report
    "Reports to hand over: the accreditation annex of a curriculum.": (
        "Rapporten om over te dragen: de accreditatiebijlage van een curriculum."
    ),
    "The accreditation annex of a curriculum (a sheet, CSV or XLSX, or its Turtle) against a "
    "framework: coverage per competency, the matrix of modules × competencies, the gaps in "
    "the framework's words, the validation findings, suggestions and the method.": (
        "De accreditatiebijlage van een curriculum (een blad, CSV of XLSX, of de Turtle "
        "ervan) tegen een kader: dekking per competentie, de matrix van modules × "
        "competenties, de hiaten in de woorden van het kader, de validatiebevindingen, "
        "suggesties en de methode."
    ),
    "The framework the programme is measured against (e.g. bk-0597-1).": (
        "Het kader waartegen de opleiding wordt gemeten (bijvoorbeeld bk-0597-1)."
    ),
    "The annex: .html, .xlsx or .pdf (PDF needs Chromium).": (
        "De bijlage: .html, .xlsx of .pdf (voor PDF is Chromium nodig)."
    ),
    "Language of the annex. [default: the global --lang].": (
        "Taal van de bijlage. [standaard: de globale --lang]."
    ),
    "The programme to report, when the file holds several.": (
        "De opleiding om over te rapporteren, als het bestand er meer bevat."
    ),
    "Leave out the suggested items for outcomes that have none.": (
        "Laat de voorgestelde items weg voor leeruitkomsten die er geen hebben."
    ),
    # review
    "Review the curated mappings in your browser (a local web app on 127.0.0.1).\n\nEvery "
    "decision (confirm, reject with a reason, change the relation, unsure, a comment; for a "
    "no-match record: agree, or name the item that matches) is written at once to your own "
    "SSSOM file; Ctrl-C stops the app. The page's second view (Vertalingen / Translations) "
    "shows each English translation beside its Dutch source: confirm, reject or correct it, "
    "written at once to <you>.translations.tsv as 'review translation' does. Subcommands: "
    "export and import an XLSX sheet, stats, translations, translation.": (
        "Beoordeel de vastgelegde mappings in uw browser (een lokale webapp op 127.0.0.1)."
        "\n\nElke beslissing (bevestigen, afwijzen met een reden, de relatie wijzigen, "
        "twijfel, een opmerking; bij een geen-overeenkomstrecord: instemmen, of het item "
        "noemen dat wel overeenkomt) wordt meteen in uw eigen SSSOM-bestand geschreven; "
        "Ctrl-C stopt de app. De tweede weergave van de pagina (Vertalingen / Translations) "
        "toont elke Engelse vertaling naast de Nederlandse bron: bevestig, wijs af of "
        "verbeter, meteen geschreven naar <u>.translations.tsv zoals 'review translation' "
        "doet. Subopdrachten: export en import van een XLSX-blad, stats, translations, "
        "translation."
    ),
    "Your ORCID or a short name (e.g. jansen).": (
        "Uw ORCID of een korte naam (bijvoorbeeld jansen)."
    ),
    "Your name, stored once in your file's header.": (
        "Uw naam, één keer bewaard in de kop van uw bestand."
    ),
    "Folder for the review files: yours is written there, everyone's are read. Default: "
    "$HERSTELGRAPH_REVIEWS, else mappings/reviews/ of a repository clone (an installed "
    "package needs a folder of your own).": _REVIEWS_DIR,
    "A predicted SSSOM file of 'herstelgraph suggest' (or a folder of them) to review.": (
        "Een voorspeld SSSOM-bestand van 'herstelgraph suggest' (of een map met zulke "
        "bestanden) om te beoordelen."
    ),
    "Port (default: a free one).": "Poort (standaard: een vrije).",
    "Language of the page (it has a switch too). [default: the global --lang].": (
        "Taal van de pagina (die heeft ook een schakelaar). [standaard: de globale --lang]."
    ),
    "Open the page in the browser.": "Open de pagina in de browser.",
    "Write an XLSX sheet to review in a spreadsheet: one row per record, dropdowns for the "
    "decision and the reason, the texts locked; a second sheet (Vertalingen / Translations) "
    "holds one row per English translation to confirm, reject or correct. Read it back with "
    "'review import'.": (
        "Schrijf een XLSX-blad om in een spreadsheet te beoordelen: één rij per record, "
        "keuzelijsten voor de beslissing en de reden, de teksten vergrendeld; een tweede blad "
        "(Vertalingen / Translations) heeft één rij per Engelse vertaling om te bevestigen, "
        "af te wijzen of te verbeteren. Lees het terug met 'review import'."
    ),
    "Your ORCID or short name.": "Uw ORCID of korte naam.",
    "Your name (needed once, for a new file).": "Uw naam (één keer nodig, voor een nieuw bestand).",
    "The .xlsx sheet to write.": "Het .xlsx-blad om te schrijven.",
    "Only this framework pair, e.g. bijlage-ii__randvoorwaarden (and the translations of its "
    "two frameworks).": (
        "Alleen dit paar kaders, bijvoorbeeld bijlage-ii__randvoorwaarden (en de vertalingen "
        "van die twee kaders)."
    ),
    "Only the records and translations you have not judged.": (
        "Alleen de records en vertalingen die u nog niet hebt beoordeeld."
    ),
    "Language of the sheet. [default: the global --lang].": (
        "Taal van het blad. [standaard: de globale --lang]."
    ),
    "Read a reviewed XLSX sheet into your review files (the mappings and the translations); "
    "every row error is listed (sheet, row, column, what to do) and nothing is written until "
    "there are none.": (
        "Lees een beoordeeld XLSX-blad in uw beoordelingsbestanden in (de mappings en de "
        "vertalingen); elke fout in een rij wordt genoemd (blad, rij, kolom, wat te doen) en "
        "er wordt niets geschreven zolang er fouten zijn."
    ),
    "Default: the reviewer the sheet was made for.": (
        "Standaard: de beoordelaar voor wie het blad is gemaakt."
    ),
    "Review figures: per framework pair and relation reviewed / confirmed / rejected / "
    "changed / unsure / disputed; Cohen's κ per pair of reviewers and Krippendorff's α "
    "(nominal) over all, on the records they judged; the disagreements.": (
        "Beoordelingscijfers: per paar kaders en relatie beoordeeld / bevestigd / afgewezen / "
        "gewijzigd / twijfel / oneens; Cohens κ per paar beoordelaars en Krippendorffs α "
        "(nominaal) over alles, op de records die zij beoordeelden; de meningsverschillen."
    ),
    "Which table (csv holds one: counts unless another is named).": (
        "Welke tabel (csv bevat er één: de aantallen, tenzij u een andere noemt)."
    ),
    "Review one English translation: ITEM's label, definition or (a framework's) title. The "
    "decision goes to your own file (<you>.translations.tsv beside your mapping reviews) and "
    "applies whenever the graph is loaded: a rejected translation is no longer shown, a "
    "corrected one is replaced by your text, with your name and the date.": (
        "Beoordeel één Engelse vertaling: de omschrijving, definitie of (van een kader) titel "
        "van ITEM. De beslissing gaat naar uw eigen bestand (<u>.translations.tsv naast uw "
        "beoordelingen van mappings) en geldt telkens als de graaf wordt geladen: een "
        "afgewezen vertaling wordt niet meer getoond, een verbeterde wordt vervangen door uw "
        "tekst, met uw naam en de datum."
    ),
    "The translation is right.": "De vertaling klopt.",
    "The translation is wrong.": "De vertaling is fout.",
    "The translation is wrong; this is the right English text.": (
        "De vertaling is fout; dit is de juiste Engelse tekst."
    ),
    "A note to your decision.": "Een opmerking bij uw beslissing.",
    "The English translations to review: each item's English label or definition beside the "
    "Dutch it translates, and the review in force (confirmed, corrected, rejected).": (
        "De Engelse vertalingen om te beoordelen: de Engelse omschrijving of definitie van "
        "elk item naast het Nederlands dat ze vertaalt, en de beoordeling die geldt "
        "(bevestigd, verbeterd, afgewezen)."
    ),
    "Only the translations nobody has reviewed yet.": (
        "Alleen de vertalingen die nog niemand heeft beoordeeld."
    ),
    "Only this framework's items (e.g. bk-0597-1).": (
        "Alleen de items van dit kader (bijvoorbeeld bk-0597-1)."
    ),
    # search, show, site, stats
    "Find concepts by words in labels and texts, ignoring case and diacritics.": (
        "Zoek concepten op woorden in omschrijvingen en teksten, ongeacht hoofdletters en accenten."
    ),
    "Only concepts of this framework.": "Alleen concepten van dit kader.",
    "At most this many hits (0: all).": "Hoogstens zoveel treffers (0: alle).",
    "Show one concept; ID is a CURIE (bk:kennis-12), a notation (C2.A3) or an IRI.": (
        "Toon één concept; ID is een CURIE (bk:kennis-12), een code (C2.A3) of een IRI."
    ),
    "Build the static HTML site (works from disk, no server needed). The --data files are "
    "not published unless --include-data is given.": (
        "Bouw de statische HTML-site (werkt vanaf schijf, zonder server). De --data-bestanden "
        "worden niet gepubliceerd, tenzij u --include-data geeft."
    ),
    "Folder to build the site in; replaced as a whole, only when the build succeeds.": (
        "Map om de site in te bouwen; in zijn geheel vervangen, alleen als het bouwen slaagt."
    ),
    "Also publish the --data files (left out by default: they may be private).": (
        "Publiceer ook de --data-bestanden (standaard weggelaten: ze kunnen privé zijn)."
    ),
    "The NK 2017 figures: counts per region or function, per programme or role.": (
        "De cijfers van NK 2017: aantallen per regio of functie, per opleiding of rol."
    ),
    "Only the figures of one programme or role, e.g. nk:ervaringsgroepen.": (
        "Alleen de cijfers van één opleiding of rol, bijvoorbeeld nk:ervaringsgroepen."
    ),
    # suggest
    "Candidate alignments (suggestions, never curated mappings): between frameworks, for a "
    "curriculum's learning outcomes, or for your own items.": (
        "Kandidaat-afstemmingen (suggesties, nooit vastgelegde mappings): tussen kaders, voor "
        "de leeruitkomsten van een curriculum, of voor uw eigen items."
    ),
    "Learning outcomes of a curriculum SHEET (CSV/XLSX) against frameworks.": (
        "Leeruitkomsten van een curriculumblad SHEET (CSV/XLSX) tegen kaders."
    ),
    "Target framework (repeat for several), e.g. bk-0597-1.": (
        "Doelkader (herhaal voor meer), bijvoorbeeld bk-0597-1."
    ),
    "Candidates per source text.": "Kandidaten per brontekst.",
    "fused: lexical + embeddings; lexical works without the [suggest] extra; auto: fused when "
    "the model is installed.": _METHOD,
    "Score below which a source has 'no good match' (default: the method's tuned line).": (
        "Score waaronder een bron 'geen goede overeenkomst' heeft (standaard: de afgestelde "
        "grens van de methode)."
    ),
    "Output format [default: table; with -o, from the file's suffix: .xlsx, .csv, .json, "
    ".sssom.tsv].": (
        "Uitvoerformaat [standaard: table; met -o volgens de extensie van het bestand: .xlsx, "
        ".csv, .json, .sssom.tsv]."
    ),
    "Write to this file (atomically; never an input, never the curated mappings).": (
        "Schrijf naar dit bestand (atomair; nooit een invoerbestand, nooit de vastgelegde "
        "mappings)."
    ),
    "Also write a copy of the sheet with empty aligned-item cells filled with suggestions "
    "marked [suggestie] (.csv or .xlsx); the input is never changed.": (
        "Schrijf ook een kopie van het blad waarin lege cellen voor afgestemde items zijn "
        "gevuld met suggesties, gemarkeerd met [suggestie] (.csv of .xlsx); de invoer "
        "verandert nooit."
    ),
    "Hits@1, Hits@5, MRR, precision and recall of the suggestions and two baselines, against "
    "the curated mappings (hidden from the method) and held-out outcomes.": (
        "Hits@1, Hits@5, MRR, precisie en recall van de suggesties en twee basislijnen, "
        "tegen de vastgelegde mappings (verborgen voor de methode) en achtergehouden "
        "leeruitkomsten."
    ),
    "Only this framework pair (repeatable); default: all six curated pairs.": (
        "Alleen dit paar kaders (herhaalbaar); standaard: alle zes vastgelegde paren."
    ),
    "A held-out outcomes CSV (id, framework, outcome, targets); default: the project's "
    "tests/fixtures/suggest/heldout-outcomes.csv when present.": (
        "Een CSV met achtergehouden leeruitkomsten (id, framework, outcome, targets); "
        "standaard: tests/fixtures/suggest/heldout-outcomes.csv van het project, als die er is."
    ),
    "Skip the curated-mapping figures.": "Sla de cijfers over de vastgelegde mappings over.",
    "Methods to measure (repeatable); default: all available.": (
        "Methoden om te meten (herhaalbaar); standaard: alle beschikbare."
    ),
    "Also write JSON here.": "Schrijf hier ook JSON naartoe.",
    "Your own items (a SKOS file in any RDF syntax, or a CSV with id, label[, definition]) "
    "against frameworks.": (
        "Uw eigen items (een SKOS-bestand in elke RDF-syntaxis, of een CSV met id, "
        "label[, definition]) tegen kaders."
    ),
    "Target framework (repeat for several).": "Doelkader (herhaal voor meer).",
    "Every item of framework A against B: top candidates not yet curated.": (
        "Elk item van kader A tegen B: de beste kandidaten die nog niet zijn vastgelegd."
    ),
    "Only A's reviewed no-match items with a strong candidate.": (
        "Alleen de beoordeelde geen-overeenkomstitems van A met een sterke kandidaat."
    ),
    # validate
    "Validate profiles: role/person/team profiles and curricula (Turtle, JSON-LD, or a "
    "curriculum sheet: CSV or XLSX). A curriculum that claims no framework does not pass.": (
        "Valideer profielen: rol-, persoons- en teamprofielen en curricula (Turtle, JSON-LD, "
        "of een curriculumblad: CSV of XLSX). Een curriculum dat geen kader claimt, is niet "
        "goedgekeurd."
    ),
    "Language of the report's messages. [default: the global --lang].": (
        "Taal van de meldingen in het rapport. [standaard: de globale --lang]."
    ),
    "text; json; turtle = the sh:ValidationReport.": (
        "text; json; turtle = het sh:ValidationReport."
    ),
    "Validate the shipped graph (plus --data) with shapes/graph.ttl.": (
        "Valideer de meegeleverde graaf (plus --data) met shapes/graph.ttl."
    ),
    "SHACL engine for profiles (pyshacl is the reference).": (
        "SHACL-engine voor profielen (pyshacl is de referentie)."
    ),
    "Check every profile (e.g. a curriculum sheet, without importing it) against this "
    "framework, as if it claimed it.": (
        "Toets elk profiel (bijvoorbeeld een curriculumblad, zonder het te importeren) tegen "
        "dit kader, alsof het dat claimt."
    ),
}
