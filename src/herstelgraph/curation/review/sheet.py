"""The review in a spreadsheet: an XLSX sheet with one row per record (export) and reading
the decisions back (import), for experts who work in Excel or LibreOffice.

The texts are locked (the sheet is protected without a password, so only the decision cells
can be edited); the decision, reason and new-relation cells have dropdowns; every text cell
that starts like a formula (= + - @) gets a leading apostrophe, so nothing from a framework
or a comment runs as a formula. Import checks every row first and lists every problem (sheet,
row, column, what to do); nothing is written until the sheet has none.

A second sheet, "Vertalingen" ("Translations" in English), holds one row per English
translation (issue 20): the Dutch source and the English locked, a dropdown for the decision
(confirm, reject, correct, take back), a cell for the corrected English and one for a
comment. Its rows are checked as ``review translation`` checks a decision and written to the
reviewer's ``<reviewer>.translations.tsv`` (:mod:`.translations`).
"""

from __future__ import annotations

from pathlib import Path

from ...errors import HerstelgraphError, InputError, InputFileError
from ...model import RejectReason, ReviewDecision
from ...vocab import NO_TERM_CURIE
from .records import split_key
from .session import STANCES, WORDS, QueueFilter, ReviewSession, band, pair_of

FORMAT = "herstelgraph review sheet 1"
SHEET = "review"
EDITABLE = ("decision", "reason", "new_relation", "matches", "comment")
COLUMNS = (
    "key",
    "pair",
    "subject_id",
    "subject",
    "relation",
    "object_id",
    "object",
    "confidence",
    "rule",
    "curator_comment",
    "your_decision_now",
    *EDITABLE,
)
HEADERS = {
    "nl": {
        "key": "sleutel",
        "pair": "kaderpaar",
        "subject_id": "item links",
        "subject": "tekst links",
        "relation": "relatie",
        "object_id": "item rechts",
        "object": "tekst rechts",
        "confidence": "zekerheid",
        "rule": "rubricregel",
        "curator_comment": "curator",
        "your_decision_now": "uw huidige besluit",
        "decision": "besluit",
        "reason": "reden",
        "new_relation": "nieuwe relatie",
        "matches": "past bij item (ID)",
        "comment": "commentaar",
    },
    "en": {
        "key": "key",
        "pair": "framework pair",
        "subject_id": "left item",
        "subject": "left text",
        "relation": "relation",
        "object_id": "right item",
        "object": "right text",
        "confidence": "confidence",
        "rule": "rubric rule",
        "curator_comment": "curator",
        "your_decision_now": "your decision now",
        "decision": "decision",
        "reason": "reason",
        "new_relation": "new relation",
        "matches": "matches item (ID)",
        "comment": "comment",
    },
}
DECISIONS = {
    "nl": {
        "confirm": "bevestigen",
        "reject": "afwijzen",
        "change": "relatie wijzigen",
        "unsure": "onzeker",
        "agree": "eens: niets past",
        "disagree": "past bij item",
        "clear": "intrekken",
    },
    "en": {
        "confirm": "confirm",
        "reject": "reject",
        "change": "change relation",
        "unsure": "unsure",
        "agree": "agree: nothing matches",
        "disagree": "matches item",
        "clear": "take back",
    },
}
REASONS = {
    "nl": {
        "theme-only": "alleen een gedeeld thema",
        "wrong-direction": "verkeerde richting",
        "too-broad": "te breed",
        "too-narrow": "te smal",
        "different-level": "ander niveau",
        "other": "anders (toelichting in commentaar)",
    },
    "en": {
        "theme-only": "only a shared theme",
        "wrong-direction": "wrong direction",
        "too-broad": "too broad",
        "too-narrow": "too narrow",
        "different-level": "different level",
        "other": "other (explain in comment)",
    },
}


#: the translations sheet (issue 20): one row per English translation
TSHEET = {"nl": "Vertalingen", "en": "Translations"}
T_EDITABLE = ("decision", "corrected_text", "comment")
T_COLUMNS = (
    "item",
    "framework",
    "text",
    "dutch",
    "english",
    "status",
    "your_decision_now",
    *T_EDITABLE,
)
T_HEADERS = {
    "nl": {
        "item": "item",
        "framework": "kader",
        "text": "tekst",
        "dutch": "Nederlands (bron)",
        "english": "Engels (vertaling)",
        "status": "status",
        "your_decision_now": "uw huidige besluit",
        "decision": "besluit",
        "corrected_text": "verbeterde Engelse tekst",
        "comment": "commentaar",
    },
    "en": {
        "item": "item",
        "framework": "framework",
        "text": "text",
        "dutch": "Dutch (source)",
        "english": "English (translation)",
        "status": "status",
        "your_decision_now": "your decision now",
        "decision": "decision",
        "corrected_text": "corrected English text",
        "comment": "comment",
    },
}
T_DECISIONS = {
    "nl": {
        "confirm": "bevestigen",
        "reject": "afwijzen",
        "correct": "verbeteren",
        "clear": "intrekken",
    },
    "en": {"confirm": "confirm", "reject": "reject", "correct": "correct", "clear": "take back"},
}
T_PROPERTIES = {
    "nl": {"label": "label", "definition": "definitie", "title": "titel"},
    "en": {"label": "label", "definition": "definition", "title": "title"},
}
T_STATUS = {
    "nl": {
        "unreviewed": "niet beoordeeld",
        "confirm": "bevestigd",
        "reject": "afgewezen",
        "correct": "verbeterd",
        "by": "door",
        "outdated": "verouderd",
    },
    "en": {
        "unreviewed": "not reviewed",
        "confirm": "confirmed",
        "reject": "rejected",
        "correct": "corrected",
        "by": "by",
        "outdated": "outdated",
    },
}


def _relation_label(lang: str, stance: str, rule: str = "") -> str:
    rule = f", {rule.split(':', 1)[1]}" if rule else ""
    return f"{WORDS[lang].get(stance, stance)} ({stance}{rule})"


def _needs_rule(stance: str | None) -> bool:
    from .records import REVERSED, RULES

    return stance is not None and len(RULES[stance.lstrip(REVERSED)]) > 1


def _relation_options() -> list[tuple[str, str]]:
    """(stance, rule) of the new-relation dropdown: a relation with several rubric rules
    (related: R-REL-1..3) once per rule, so a change names the rule it meets."""
    from .records import REVERSED, RULES

    out = []
    for s in STANCES:
        rules = RULES[s.lstrip(REVERSED)]
        out += [(s, r) for r in rules] if len(rules) > 1 else [(s, "")]
    return out


class SheetErrors(InputError):
    """Every problem of a sheet, each one line (sheet, row, column, what to do)."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{path}: {len(problems)} row error(s); first: {problems[0]}")


def _openpyxl():
    try:
        import openpyxl
    except ImportError:
        raise InputError("XLSX sheets need openpyxl: pip install 'herstelgraph[suggest]'") from None
    return openpyxl


def _safe(value) -> str:
    from ..suggest.output import safe_cell

    return safe_cell(value)


def _item_text(info: dict) -> str:
    head = " ".join(x for x in (info.get("notation"), info.get("label")) if x)
    parts = [head]
    if info.get("text"):
        parts.append(info["text"])
    if info.get("section"):
        parts.append(f"[{info['section']}]")
    return "\n".join(parts)


# ---------------------------------------------------------------------------- export
def export_xlsx(
    session: ReviewSession, path: Path, flt: QueueFilter | None = None, *, lang: str = "nl"
) -> int:
    """Write the sheet atomically; returns the number of record rows."""
    from ...io.atomic import atomic_path
    from .app import ReviewApp

    openpyxl = _openpyxl()
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    app = ReviewApp(session, lang)
    flt = flt or QueueFilter()
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    heads = HEADERS[lang]
    ws.append([heads[c] for c in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    claims = session.queue(flt)
    me = session.reviewer.id
    for claim in claims:
        screen = app.screen(claim.key)
        a, b, _ = split_key(claim.key)
        mine = claim.decision_of(me)
        now = ""
        if mine is not None:
            now = DECISIONS[lang].get(str(mine.kind), str(mine.kind))
            if mine.stance in STANCES:
                now += f": {_relation_label(lang, mine.stance)}"
            if mine.reason:
                now += f" ({REASONS[lang].get(mine.reason, mine.reason)})"
            if mine not in claim.decisions:
                now += " [outdated]" if lang == "en" else " [verouderd]"
        words = screen["words"][lang]
        row = {
            "key": claim.key,
            "pair": pair_of(claim.key),
            "subject_id": a,
            "subject": _item_text(screen["subject"]),
            "relation": f"{words} ({session.relation(claim)})",
            "object_id": "" if b == NO_TERM_CURIE else b,
            "object": (
                f"— {screen['target_framework']}"
                if claim.is_no_match
                else _item_text(screen["object"])
            ),
            "confidence": ""
            if claim.confidence is None
            else f"{claim.confidence:.2f} ({band(claim.confidence)})",
            "rule": screen["rule"] or "",
            "curator_comment": screen["comment"] or "",
            "your_decision_now": now,
            "decision": "",
            "reason": "",
            "new_relation": "",
            "matches": "",
            "comment": mine.comment if mine is not None else "",
        }
        ws.append([_safe(row[c]) for c in COLUMNS])
    # dropdowns from a hidden sheet of lists
    lists = wb.create_sheet("lists")
    dec = list(DECISIONS[lang].values())
    rea = list(REASONS[lang].values())
    rel = [_relation_label(lang, s, r) for s, r in _relation_options()]
    for i, values in enumerate((dec, rea, rel), start=1):
        for j, v in enumerate(values, start=1):
            lists.cell(row=j, column=i, value=v)
    lists.sheet_state = "hidden"
    last = ws.max_row
    for col, letter, n in (
        ("decision", "A", len(dec)),
        ("reason", "B", len(rea)),
        ("new_relation", "C", len(rel)),
    ):
        dv = DataValidation(
            type="list", formula1=f"=lists!${letter}$1:${letter}${n}", allow_blank=True
        )
        dv.error = "Kies uit de lijst / choose from the list"
        dv.showErrorMessage = True
        ws.add_data_validation(dv)
        c = get_column_letter(COLUMNS.index(col) + 1)
        if last >= 2:
            dv.add(f"{c}2:{c}{last}")
    meta = wb.create_sheet("meta")
    for k, v in (
        ("format", FORMAT),
        ("reviewer_id", session.reviewer.id),
        ("reviewer_label", session.reviewer.label),
        ("lang", lang),
    ):
        meta.append([k, _safe(v)])
    meta.sheet_state = "hidden"
    # locked texts, editable decisions
    widths = {
        "key": 18,
        "subject": 50,
        "object": 50,
        "curator_comment": 50,
        "comment": 40,
        "relation": 24,
        "decision": 22,
        "reason": 26,
        "new_relation": 30,
    }
    for i, col in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = widths.get(col, 16)
        if col in EDITABLE:
            for r in range(2, last + 1):
                ws.cell(row=r, column=i).protection = Protection(locked=False)
        for r in range(2, last + 1):
            ws.cell(row=r, column=i).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].hidden = True
    ws.freeze_panes = "C2"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(last, 1)}"
    _export_translations(wb, session, flt, lang, lists)
    with atomic_path(Path(path)) as tmp:
        wb.save(tmp)
    return len(claims)


def translation_units(session: ReviewSession, flt: QueueFilter | None = None) -> list:
    """The translations a sheet holds: those of the items of the filter's framework pair
    (all without one), only those the reviewer has not judged with ``mine='todo'``."""
    flt = flt or QueueFilter()
    t = session.translations
    units = t.queue(mine=flt.mine)
    if flt.pair:
        from .stats import framework_of

        wanted = set(flt.pair.split("__"))
        units = [u for u in units if framework_of(u.subject_id) in wanted]
    return units


def _verdict(lang: str, d, current: bool, *, who: bool = True) -> str:
    words = T_STATUS[lang]
    text = words[d.decision]
    if d.corrected_text:
        text += f": {d.corrected_text}"
    if who:
        text += f" {words['by']} {d.reviewer_label or d.reviewer_id}"
    text += f" ({d.review_date})"
    if not current:
        text += f" [{words['outdated']}]"
    return text


def _export_translations(wb, session: ReviewSession, flt, lang: str, lists) -> int:
    """The translations sheet: the texts locked, the decision a dropdown (column D of the
    hidden lists sheet), a column for the corrected English and one for a comment."""
    from openpyxl.styles import Alignment, Font, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from .stats import framework_of
    from .translations import PROPERTIES

    t = session.translations
    short = {v: k for k, v in PROPERTIES.items()}
    ws = wb.create_sheet(TSHEET[lang], index=1)
    ws.append([T_HEADERS[lang][c] for c in T_COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    force = t.in_force()
    units = translation_units(session, flt)
    for unit in units:
        key = (unit.subject_id, unit.property)
        held, mine = force.get(key), t.mine.get(key)
        row = {
            "item": unit.subject_id,
            "framework": framework_of(unit.subject_id),
            "text": T_PROPERTIES[lang][short[unit.property]],
            "dutch": unit.dutch,
            "english": unit.english,
            "status": _verdict(lang, held, True) if held else T_STATUS[lang]["unreviewed"],
            "your_decision_now": _verdict(lang, mine, t.current(mine), who=False) if mine else "",
            "decision": "",
            "corrected_text": "",
            "comment": mine.comment if mine is not None else "",
        }
        ws.append([_safe(row[c]) for c in T_COLUMNS])
    choices = list(T_DECISIONS[lang].values())
    for j, v in enumerate(choices, start=1):
        lists.cell(row=j, column=4, value=v)
    last = ws.max_row
    dv = DataValidation(type="list", formula1=f"=lists!$D$1:$D${len(choices)}", allow_blank=True)
    dv.error = "Kies uit de lijst / choose from the list"
    dv.showErrorMessage = True
    ws.add_data_validation(dv)
    letter = get_column_letter(T_COLUMNS.index("decision") + 1)
    if last >= 2:
        dv.add(f"{letter}2:{letter}{last}")
    widths = {"item": 24, "dutch": 50, "english": 50, "status": 30, "corrected_text": 50}
    widths |= {"comment": 40, "your_decision_now": 30, "decision": 16}
    for i, col in enumerate(T_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(col, 14)
        for r in range(2, last + 1):
            cell = ws.cell(row=r, column=i)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if col in T_EDITABLE:
                cell.protection = Protection(locked=False)
    ws.freeze_panes = "B2"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.autoFilter = False
    ws.auto_filter.ref = f"A1:{get_column_letter(len(T_COLUMNS))}{max(last, 1)}"
    return len(units)


# ---------------------------------------------------------------------------- import
def sheet_reviewer(path: Path) -> tuple[str, str]:
    """(reviewer_id, label) the sheet was made for ('' when it does not say)."""
    wb = _load(path)
    if "meta" not in wb.sheetnames:
        return "", ""
    meta = {str(r[0].value): str(r[1].value or "") for r in wb["meta"].iter_rows() if len(r) > 1}
    return meta.get("reviewer_id", "").lstrip("'"), meta.get("reviewer_label", "").lstrip("'")


def _load(path: Path):
    from ...io.inputs import read_bytes

    openpyxl = _openpyxl()
    import io
    import zipfile

    data = read_bytes(Path(path))
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        from ...words import Said

        raise InputFileError(path, Said("not-xlsx", error=str(exc))) from None


def _lookup(table: dict[str, dict[str, str]]) -> dict[str, str]:
    """Every spelling (both languages' words and the codes), folded, -> code."""
    out = {}
    for words in table.values():
        for code, word in words.items():
            out[_fold(word)] = code
            out[_fold(code)] = code
    return out


def _fold(text: str) -> str:
    return " ".join(str(text).casefold().split())


def _cell(value) -> str:
    text = "" if value is None else str(value).strip()
    if text.startswith("'") and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # our own neutralising apostrophe
    return text


def import_xlsx(session: ReviewSession, path: Path, *, lang: str = "en") -> int:
    """Apply the sheet's decisions to the reviewer's file in one atomic write; returns how
    many rows carried a decision. Raises :class:`SheetErrors` listing every problem, in
    ``lang`` (the language of the user's run)."""
    from openpyxl.utils import get_column_letter

    from ...words import message

    said_in = lang  # ``lang`` is reused below for the sheet's languages

    def say(what: str, /, **kw: object) -> str:
        return message(what, said_in, **kw)

    wb = _load(path)
    if SHEET not in wb.sheetnames:
        raise InputFileError(
            path, f"no sheet named '{SHEET}'; import a sheet made by review export"
        )
    ws = wb[SHEET]
    names = {}
    for lang_heads in HEADERS.values():
        for column, head in lang_heads.items():
            names[_fold(head)] = column
    header = [names.get(_fold(c.value or "")) for c in ws[1]]
    missing = [c for c in ("key", "decision") if c not in header]
    if missing:
        raise InputFileError(
            path,
            f"sheet '{SHEET}' has no column {', '.join(missing)}; keep the header row as exported",
        )
    col = {name: i for i, name in enumerate(header) if name}
    decisions, reasons = _lookup(DECISIONS), _lookup(REASONS)
    relations: dict[str, tuple[str, str]] = {}  # what a cell may say -> (stance, rule)
    for lang in WORDS:
        for s in STANCES:
            relations[_fold(_relation_label(lang, s))] = (s, "")
            relations[_fold(WORDS[lang][s])] = (s, "")
            relations[_fold(s)] = (s, "")
        for s, rule in _relation_options():
            relations[_fold(_relation_label(lang, s, rule))] = (s, rule)
    problems: list[str] = []
    todo: list[tuple[str, str, dict]] = []

    def where(r: int, name: str) -> str:
        letter = get_column_letter(col[name] + 1) if name in col else "?"
        head = ws.cell(row=1, column=col[name] + 1).value if name in col else name
        return say("sheet_where", path=path, sheet=ws.title, row=r, letter=letter, head=head)

    for r, cells in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        values = {name: _cell(cells[i]) if i < len(cells) else "" for name, i in col.items()}
        raw = values.get("decision", "")
        if not raw:
            continue
        if raw.startswith(("=", "+", "@")):
            problems.append(f"{where(r, 'decision')}: {say('sheet_formula')}")
            continue
        code = decisions.get(_fold(raw))
        if code is None:
            problems.append(f"{where(r, 'decision')}: {say('sheet_not_a_decision', raw=raw)}")
            continue
        key = values.get("key", "")
        claim = session.claims.get(key)
        if claim is None:
            problems.append(f"{where(r, 'key')}: {say('sheet_gone', key=key)}")
            continue
        kw: dict = {"comment": values.get("comment", "")}
        if claim.is_no_match and code in ("confirm", "reject", "change"):
            words = DECISIONS["nl" if said_in == "nl" else "en"]
            takes = say(
                "sheet_no_match_takes",
                agree=words["agree"],
                disagree=words["disagree"],
                unsure=words["unsure"],
            )
            problems.append(f"{where(r, 'decision')}: {takes}")
            continue
        if not claim.is_no_match and code in ("agree", "disagree"):
            problems.append(f"{where(r, 'decision')}: {say('sheet_for_no_match', raw=raw)}")
            continue
        if code == "reject":
            reason = reasons.get(_fold(values.get("reason", "")))
            if reason is None:
                problems.append(f"{where(r, 'reason')}: {say('sheet_needs_reason')}")
                continue
            if reason == RejectReason.OTHER and not kw["comment"].strip():
                problems.append(f"{where(r, 'comment')}: {say('sheet_other_needs_text')}")
                continue
            kw["reason"] = reason
        if code in ("change", "disagree"):
            text = values.get("new_relation", "")
            rel, rule = relations.get(_fold(text), (None, "")) if text else (None, "")
            if code == "change" and rel is None:
                problems.append(f"{where(r, 'new_relation')}: {say('sheet_change_needs_relation')}")
                continue
            if code == "change" and rel == session.base(claim):
                problems.append(f"{where(r, 'new_relation')}: {say('sheet_same_relation')}")
                continue
            if text and rel is None:
                problems.append(
                    f"{where(r, 'new_relation')}: {say('sheet_not_a_relation', text=text)}"
                )
                continue
            if code == "change" and not rule and _needs_rule(rel):
                problems.append(
                    f"{where(r, 'new_relation')}: {say('sheet_relation_needs_rule', text=text)}"
                )
                continue
            kw["relation"], kw["rule"] = rel, rule
        if code == "disagree":
            target = values.get("matches", "")
            _, _, scheme = split_key(key)
            if not target:
                problems.append(f"{where(r, 'matches')}: {say('sheet_name_match')}")
                continue
            if target not in session.labels:
                problems.append(
                    f"{where(r, 'matches')}: {say('sheet_unknown_item', target=target)}"
                )
                continue
            if session.schemes.get(target) != scheme:
                problems.append(
                    f"{where(r, 'matches')}: {say('sheet_other_framework', target=target)}"
                )
                continue
            if not kw.get("rule") and _needs_rule(kw.get("relation") or "skos:relatedMatch"):
                # the new link names its rubric rule, as a change does (related: R-REL-1..3)
                problems.append(f"{where(r, 'new_relation')}: {say('sheet_match_needs_rule')}")
                continue
            kw["target"] = target
        todo.append((key, code, kw))
    translated, dropped = _read_translations(session, wb, path, problems)
    if problems:
        raise SheetErrors(path, problems)
    batch: list = []
    for key, code, kw in todo:
        if code == "clear":
            batch.append((key, None))
            continue
        claim = session.claims[key]
        try:
            batch.extend(
                session.decisions_for(
                    claim,
                    ReviewDecision(code),
                    kw.get("reason", ""),
                    kw.get("relation"),
                    kw.get("target"),
                    kw.get("rule", ""),
                    kw["comment"],
                )
            )
        except HerstelgraphError as exc:
            problems.append(say("sheet_record", path=path, sheet=ws.title, key=key, text=exc))
    if problems:
        raise SheetErrors(path, problems)
    if batch or not (translated or dropped):  # a translations-only sheet makes no SSSOM file
        session.apply(batch)
    if translated or dropped:
        session.translations.apply(translated, dropped)
    return len(todo) + len(translated) + len(dropped)


def _read_translations(
    session: ReviewSession, wb, path: Path, problems: list[str]
) -> tuple[list, list[tuple[str, str]]]:
    """The decisions of the translations sheet (when the workbook has one), each row checked
    as ``review translation`` checks it; every problem is appended to ``problems``.
    Returns (decisions to write, units whose decision is taken back)."""
    from openpyxl.utils import get_column_letter

    from .translations import CORRECT, PROPERTIES, make_decision

    name = next((n for n in TSHEET.values() if n in wb.sheetnames), None)
    if name is None:
        return [], []
    ws = wb[name]
    names = {_fold(h): c for heads in T_HEADERS.values() for c, h in heads.items()}
    header = [names.get(_fold(c.value or "")) for c in ws[1]]
    missing = [c for c in ("item", "text", "english", "decision") if c not in header]
    if missing:
        raise InputFileError(
            path,
            f"sheet '{name}' has no column {', '.join(missing)}; keep the header row as exported",
        )
    col = {c: i for i, c in enumerate(header) if c}
    decisions = _lookup(T_DECISIONS)
    props = _lookup(T_PROPERTIES)
    t = session.translations
    out: list = []
    dropped: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], int] = {}

    def where(r: int, column: str) -> str:
        head = ws.cell(row=1, column=col[column] + 1).value if column in col else column
        letter = get_column_letter(col[column] + 1) if column in col else "?"
        return f"{path}: sheet '{name}', row {r}, column {letter} ({head})"

    for r, cells in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        values = {c: _cell(cells[i]) if i < len(cells) else "" for c, i in col.items()}
        raw, corrected = values.get("decision", ""), values.get("corrected_text", "")
        if not raw:
            if corrected:
                problems.append(
                    f"{where(r, 'decision')}: a corrected text without a decision; choose "
                    f"'{T_DECISIONS['nl']['correct']}' / 'correct' or empty the corrected text"
                )
            continue
        if raw.startswith(("=", "+", "@")):
            problems.append(f"{where(r, 'decision')}: a formula; choose a decision from the list")
            continue
        code = decisions.get(_fold(raw))
        if code is None:
            problems.append(
                f"{where(r, 'decision')}: {raw!r} is not a decision; choose one from the list"
            )
            continue
        prop = props.get(_fold(values.get("text", "")))
        key = (values.get("item", ""), PROPERTIES.get(prop or "", ""))
        unit = t.units.get(key)
        if unit is None:
            problems.append(
                f"{where(r, 'item')}: no English {values.get('text', '')!r} of "
                f"{values.get('item', '')!r} among the translations any more; export a new sheet"
            )
            continue
        if key in seen:
            problems.append(
                f"{where(r, 'decision')}: a second decision on this translation (the first is "
                f"on row {seen[key]}); keep one"
            )
            continue
        seen[key] = r
        if values.get("english", "") != unit.english:
            problems.append(
                f"{where(r, 'english')}: the translation is not the one in the graph (changed "
                "since the sheet was made, or edited); export a new sheet"
            )
            continue
        if code == "clear":
            if corrected:
                problems.append(
                    f"{where(r, 'corrected_text')}: a take-back carries no text; empty this cell"
                )
                continue
            dropped.append(key)
            continue
        if code == CORRECT and not corrected:
            problems.append(
                f"{where(r, 'corrected_text')}: '{raw}' needs the right English text here"
            )
            continue
        if code != CORRECT and corrected:
            problems.append(
                f"{where(r, 'corrected_text')}: a corrected text goes with the decision "
                f"'{T_DECISIONS['nl']['correct']}' / 'correct'; choose that or empty this cell"
            )
            continue
        if corrected.startswith("="):
            problems.append(
                f"{where(r, 'corrected_text')}: a formula; write the English text itself"
            )
            continue
        try:
            out.append(
                make_decision(
                    t.units,
                    session.reviewer,
                    key[0],
                    key[1],
                    code,
                    corrected=corrected,
                    comment=values.get("comment", ""),
                    date=session.today,
                    label=session.reviewer.label,
                )
            )
        except InputError as exc:
            column = "corrected_text" if code == CORRECT else "decision"
            problems.append(f"{where(r, column)}: {exc}")
    return out, dropped
