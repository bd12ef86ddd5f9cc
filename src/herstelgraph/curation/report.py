"""The curation report (issue 15.5): what the curated mapping files hold and what changed.

Figures, from the SSSOM files (the shipped ones, or a folder's): relations per pair; a
confidence histogram per relation in the rubric's bands (mappings/RUBRIC.md R-CONF-1) and the
mean per pair and relation (R-CONF-4); the share of links per rubric rule (``curation_rule``);
no-match records per pair and no-match predicate (R-NONE-1/2/3). Changes: the records added,
removed or changed since a release (a git ref, or an older mappings folder or file), matched
by ``record_id`` (stable across a retype, R-ONE-1).
"""

from __future__ import annotations

import subprocess
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, ParameterError
from ..model import Record
from ..words import Said
from .sssom import FRAMEWORKS, PREREQUISITE, MappingRecord, mapping_files, read_tsv

NO_MATCH = "no match"
ALL = "all pairs"
#: R-CONF-1's bands: (label, lower bound) from the top; links and no-match records.
LINK_BANDS = (("A 0.90–1.00", 0.90), ("B 0.75–0.89", 0.75), ("C 0.60–0.74", 0.60),
              ("below 0.60", 0.0))  # fmt: skip
NO_MATCH_BANDS = (("0.60–1.00", 0.60), ("doubtful 0.40–0.59", 0.40), ("below 0.40", 0.0))
#: The mapping files' last commit before the rubric's pilot re-curation (issue 15): the README's
#: curation report counts the re-curation against it, since there is no release tag yet.
PRE_RUBRIC = "539f742f2804dd8f21a5354a213efc4eeade0d0c"
#: The fields whose change makes a record "changed".
COMPARED = ("subject_id", "predicate_id", "object_id", "object_source", "confidence",
            "other", "curation_rule", "curation_rule_text", "comment")  # fmt: skip


@dataclass(frozen=True)
class CurationFigure(Record):
    """One figure: a section (relations, confidence, mean-confidence, rules, no-match), a
    framework pair (or all pairs), what is counted, how many, and a value (the share of the
    pair's records or links, or a mean confidence)."""

    section: str
    pair: str
    key: str
    count: int
    value: float | None


@dataclass(frozen=True)
class CurationChange(Record):
    """A record added, removed or changed since the reference, with what changed."""

    change: str
    record: str
    pair: str
    subject: str
    predicate: str
    object: str
    fields: str


@dataclass(frozen=True)
class CurationReport(Record):
    since: str | None
    since_note: str
    figures: tuple[CurationFigure, ...]
    changes: tuple[CurationChange, ...]
    added: int
    removed: int
    changed: int


#: the note when there is nothing to compare with (the CLI adds its own hint to it)
NO_RELEASE = "no release yet: no git tag to compare with"


def _pair(name: str) -> str:
    return name.removesuffix(".sssom.tsv").replace("__", " ↔ ")


def _relation(rec: MappingRecord) -> str:
    if rec.is_no_match:
        return NO_MATCH
    return "prerequisite" if rec.predicate_id == PREREQUISITE else rec.predicate_id


def _band(x: float, bands) -> str:
    return next(label for label, floor in bands if x >= floor)


def read_folder(folder: Path) -> dict[str, list[MappingRecord]]:
    """The records of every pair file in a folder (or its ``mappings`` subfolder)."""
    folder = Path(folder)
    if folder.is_file():
        return {folder.name: read_tsv(folder).records}
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder or file")
    if not list(folder.glob("*.sssom.tsv")) and (folder / "mappings").is_dir():
        folder = folder / "mappings"
    return {p.name: read_tsv(p).records for p in mapping_files(folder)}


def figures(files: dict[str, list[MappingRecord]]) -> list[CurationFigure]:
    out: list[CurationFigure] = []
    order = sorted(files, key=_file_order)
    relations = ["skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch",
                 "skos:relatedMatch", "prerequisite", NO_MATCH]  # fmt: skip
    totals: Counter = Counter()
    for name in order:
        recs = files[name]
        counts = Counter(_relation(r) for r in recs)
        totals.update(counts)
        for rel in relations:
            out.append(_fig("relations", _pair(name), rel, counts[rel], len(recs)))
    n_all = sum(totals.values())
    for rel in relations:
        out.append(_fig("relations", ALL, rel, totals[rel], n_all))
    # confidence histogram per relation (all pairs), then the mean per pair and relation
    every = [r for name in order for r in files[name]]
    by_rel: dict[str, list[float]] = defaultdict(list)
    for r in every:
        key = f"no match ({r.predicate_id})" if r.is_no_match else _relation(r)
        if r.confidence is not None:  # the rubric requires one; the checks say where not
            by_rel[key].append(r.confidence)
    for rel in sorted(by_rel, key=lambda k: (k.startswith("no match"), k)):
        bands = NO_MATCH_BANDS if rel.startswith("no match") else LINK_BANDS
        got = Counter(_band(x, bands) for x in by_rel[rel])
        for label, _ in bands:
            out.append(_fig("confidence", ALL, f"{rel} {label}", got[label], len(by_rel[rel])))
    for name in order:
        per: dict[str, list[float]] = defaultdict(list)
        for r in files[name]:
            if r.confidence is not None:
                per[_relation(r)].append(r.confidence)
        for rel in relations:
            if per.get(rel):
                mean = round(sum(per[rel]) / len(per[rel]), 3)
                out.append(CurationFigure("mean-confidence", _pair(name), rel, len(per[rel]), mean))
    # share of links per rubric rule (links: every record that is not a no-match)
    rules_all: Counter = Counter()
    for name in order:
        links = [r for r in files[name] if not r.is_no_match]
        rules = Counter(r.curation_rule or "(none)" for r in links)
        rules_all.update(rules)
        for rule in sorted(rules):
            out.append(_fig("rules", _pair(name), rule, rules[rule], len(links)))
    n_links = sum(rules_all.values())
    for rule in sorted(rules_all):
        out.append(_fig("rules", ALL, rule, rules_all[rule], n_links))
    # no-match records per pair, per direction and predicate
    for name in order:
        recs = files[name]
        nm = Counter(
            f"{_fw(r.subject_source)} → {_fw(r.object_source)} {r.predicate_id}"
            for r in recs
            if r.is_no_match
        )
        for key in sorted(nm):
            out.append(_fig("no-match", _pair(name), key, nm[key], len(recs)))
    return out


def _fw(scheme: str) -> str:
    from .sssom import SCHEME_OF

    return {v: k for k, v in SCHEME_OF.items()}.get(scheme, scheme)


def _file_order(name: str):
    parts = name.removesuffix(".sssom.tsv").split("__")
    return [FRAMEWORKS.index(p) if p in FRAMEWORKS else len(FRAMEWORKS) for p in parts], name


def _fig(section: str, pair: str, key: str, count: int, total: int) -> CurationFigure:
    return CurationFigure(section, pair, key, count, round(count / total, 4) if total else None)


def changes(
    old: dict[str, list[MappingRecord]], new: dict[str, list[MappingRecord]]
) -> list[CurationChange]:
    """Records added, removed or changed, matched by record ID across all files."""

    def index(files):
        return {r.record_id: (name, r) for name, recs in files.items() for r in recs}

    before, after = index(old), index(new)
    out = []
    for rid in sorted(after.keys() - before.keys()):
        name, r = after[rid]
        out.append(_change("added", rid, name, r, ""))
    for rid in sorted(before.keys() - after.keys()):
        name, r = before[rid]
        out.append(_change("removed", rid, name, r, ""))
    for rid in sorted(before.keys() & after.keys()):
        (_, a), (name, b) = before[rid], after[rid]
        diff = [f for f in COMPARED if getattr(a, f) != getattr(b, f)]
        if diff:
            what = []
            for f in diff:
                if f in ("comment", "curation_rule_text"):
                    what.append(f)
                else:
                    what.append(f"{f} {getattr(a, f) or '(empty)'} → {getattr(b, f) or '(empty)'}")
            out.append(_change("changed", rid, name, b, "; ".join(what)))
    rank = {"added": 0, "changed": 1, "removed": 2}
    return sorted(out, key=lambda c: (rank[c.change], c.pair, c.subject, c.object))


def _change(kind: str, rid: str, name: str, r: MappingRecord, fields: str) -> CurationChange:
    return CurationChange(kind, rid, _pair(name), r.subject_id, r.predicate_id, r.object_id,
                          fields)  # fmt: skip


# ------------------------------------------------------------------------ the reference
def _git(folder: Path, *args: str) -> str | None:
    try:
        res = subprocess.run(
            ["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return res.stdout if res.returncode == 0 else None


def last_tag(folder: Path) -> str | None:
    """The last release tag reachable from the checkout, or None (no git, no tag)."""
    out = _git(folder, "describe", "--tags", "--abbrev=0")
    return out.strip() or None if out else None


def at_ref(folder: Path, ref: str) -> dict[str, list[MappingRecord]]:
    """The mapping files as they were at a git ref of the checkout that holds ``folder``."""
    if ref.startswith("-"):
        raise ParameterError("since", Said("since-form", ref=repr(ref)))
    if _git(folder, "rev-parse", "--is-inside-work-tree") is None:
        raise ParameterError("since", Said("since-no-git", ref=repr(ref)))
    if _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
        raise ParameterError("since", Said("since-no-ref", ref=repr(ref)))
    prefix = (_git(folder, "rev-parse", "--show-prefix") or "").strip()
    listing = _git(folder, "ls-tree", "--name-only", ref, ".") or ""
    names = [Path(p).name for p in listing.split() if p.endswith(".sssom.tsv")]
    out: dict[str, list[MappingRecord]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            text = _git(folder, "show", f"{ref}:{prefix}{name}")
            if text is None:
                continue
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            out[name] = read_tsv(path).records
    return out


def build_report(folder: Path | None = None, since: str | None = None) -> CurationReport:
    """The report on ``folder``'s mapping files (default: the shipped ones), with the changes
    since ``since``: an older folder or file, else a git ref; by default the last git tag."""
    from ..resources import data_dir

    folder = Path(folder) if folder else data_dir("mappings")
    new = read_folder(folder)
    old: dict[str, list[MappingRecord]] | None = None
    if since is not None and Path(since).exists():
        old = read_folder(Path(since))
        if Path(since).is_file():
            new = {k: v for k, v in new.items() if k == Path(since).name}
        note = f"since {since}"
    elif since is not None:
        old, note = at_ref(folder, since), f"since {since}"
    else:
        tag = last_tag(folder)
        if tag is None:
            note = f"{NO_RELEASE} (give since= an older mappings folder, file or git ref)"
        else:
            since, old, note = tag, at_ref(folder, tag), f"since the last release, {tag}"
    diff = changes(old, new) if old is not None else []
    count = Counter(c.change for c in diff)
    return CurationReport(
        since=since,
        since_note=note,
        figures=tuple(figures(new)),
        changes=tuple(diff),
        added=count["added"],
        removed=count["removed"],
        changed=count["changed"],
    )


def readme_markdown(folder: Path | None = None) -> str:
    """The README's curation report block: the figures, and the re-curation counted against
    the pre-rubric commit (a fixed reference, so the block does not depend on tags)."""
    report = build_report(folder, since=PRE_RUBRIC)
    label = f"the pre-rubric state (commit `{PRE_RUBRIC[:7]}`, before the rubric's pilot)"
    return markdown(report, since_label=label)


def markdown(report: CurationReport, sections: Sequence[str] = ("relations", "confidence",
             "rules", "no-match", "changes"), since_label: str | None = None) -> str:  # fmt: skip
    """The figures as Markdown tables (the README's curation report block); ``changes`` adds
    the records added, removed and changed per pair since the report's reference."""
    lines: list[str] = []
    figs = report.figures
    if "relations" in sections:
        rels = list(dict.fromkeys(f.key for f in figs if f.section == "relations"))
        lines += ["| pair | " + " | ".join(_short(r) for r in rels) + " | total |",
                  "|---" * (len(rels) + 2) + "|"]  # fmt: skip
        for pair in dict.fromkeys(f.pair for f in figs if f.section == "relations"):
            row = {f.key: f.count for f in figs if f.section == "relations" and f.pair == pair}
            cells = [str(row.get(r, 0)) for r in rels]
            lines.append(f"| {pair} | " + " | ".join(cells) + f" | {sum(row.values())} |")
    if "confidence" in sections:
        lines += ["", "| relation | confidence band | records | share |", "|---|---|---|---|"]
        for f in figs:
            if f.section == "confidence" and f.count:
                rel, band = _split_band(f.key)
                lines.append(f"| {_short(rel)} | {band} | {f.count} | {_pct(f.value)} |")
    if "rules" in sections:
        lines += ["", "| rubric rule | links | share of links |", "|---|---|---|"]
        for f in figs:
            if f.section == "rules" and f.pair == ALL:
                lines.append(f"| {f.key} | {f.count} | {_pct(f.value)} |")
    if "no-match" in sections:
        lines += ["", "| no-match records | predicate | records |", "|---|---|---|"]
        for f in figs:
            if f.section == "no-match":
                direction, pred = f.key.rsplit(" ", 1)
                lines.append(f"| {direction} | {_short(pred)} | {f.count} |")
    if "changes" in sections:
        lines += ["", *_changes_markdown(report, since_label)]
    return "\n".join(lines) + "\n"


def _changes_markdown(report: CurationReport, since_label: str | None) -> list[str]:
    if report.since is None:
        return [f"Changes: {report.since_note}."]
    ref = since_label or f"`{report.since}`"
    lines = [
        f"Changes since {ref}: {report.added} records added, {report.removed} removed, "
        f"{report.changed} changed (matched by `record_id`; the list: `herstelgraph curation "
        f"report --since {report.since[:7]} --format csv`).",
        "",
        "| pair | added | removed | changed | of which retyped | of which confidence |",
        "|---|---|---|---|---|---|",
    ]
    per: dict[str, Counter] = defaultdict(Counter)
    for c in report.changes:
        per[c.pair][c.change] += 1
        if c.change == "changed":
            per[c.pair]["retyped"] += "predicate_id " in c.fields
            per[c.pair]["confidence"] += "confidence " in c.fields
    for pair in sorted(per, key=lambda p: _file_order(p.replace(" ↔ ", "__") + ".sssom.tsv")):
        n = per[pair]
        lines.append(
            f"| {pair} | {n['added']} | {n['removed']} | {n['changed']} | {n['retyped']} | "
            f"{n['confidence']} |"
        )
    return lines


def _short(rel: str) -> str:
    return rel.removeprefix("skos:")


def _split_band(key: str) -> tuple[str, str]:
    for label, _ in (*LINK_BANDS, *NO_MATCH_BANDS):
        if key.endswith(" " + label):
            return key[: -len(label) - 1], label
    return key, ""


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"
