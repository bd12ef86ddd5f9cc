"""What changed, for people: the site's page ("Wat is er veranderd" / "What changed") and the
CHANGELOG.md section of a release, both made from a :class:`~herstelgraph.checks.diff.ReleaseDiff`.

The page is an HTML fragment (escaped, no script): ``publish/site.py`` puts it in its layout.
The changelog lists every removal, deprecation, modification and retyping; long lists of
additions are counted, not listed (``herstelgraph diff`` gives them all).
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from ..checks.diff import (
    ADDED,
    CHANGED,
    CONFIDENCE,
    DEPRECATED,
    REMOVED,
    RETYPED,
    REVIEW,
    ConceptChange,
    MappingChange,
    ReleaseDiff,
)
from ..words import header, value_word

#: at most this many added concepts or mappings are listed per framework or pair
LIST_ADDED = 25
#: at most this many other mapping changes are listed per pair and kind
LIST_OTHER = 60

TITLE = {"nl": "Wat is er veranderd", "en": "What changed"}


def _e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def _state(s, lang: str = "en") -> str:
    """A state as a line names it. One without concepts is no release, whatever version its
    ontology file states (the repository's first commit says 0.1.0): it is named so."""
    name = s.name
    if not s.concepts:
        name += (
            " (vóór elke release: nog geen concepten)"
            if lang == "nl"
            else " (before any release: no concepts yet)"
        )
    elif s.version:
        name += f" ({s.version})"
    if s.commit:
        name += f", commit {s.commit[:12]}"
    return name


def _share(x: float | None) -> str:
    return "–" if x is None else f"{x:.0%}"


# ---------------------------------------------------------------------------- HTML
def changes_html(diff: ReleaseDiff, lang: str = "nl") -> str:
    """The page's body: per framework counts, then every concept and mapping change with the
    text before and after, then the coverage figures before and after."""
    nl = lang == "nl"

    def h(field: str) -> str:
        return _e(header(field, lang))

    def w(value: str | None) -> str:
        return _e(value_word(value, lang)) if value else ""

    parts = [
        f"<h1>{_e(TITLE[lang])}</h1>",
        "<p>"
        + (
            f"Van <b>{_e(_state(diff.old, 'nl'))}</b> naar <b>{_e(_state(diff.new, 'nl'))}</b>."
            if nl
            else f"From <b>{_e(_state(diff.old))}</b> to <b>{_e(_state(diff.new))}</b>."
        )
        + "</p>",
    ]
    if diff.empty:
        parts.append(
            "<p>"
            + ("Geen concepten of mappings veranderd." if nl else "No concept or mapping changed.")
            + "</p>"
        )
    cols = ("framework", "added", "removed", "deprecated", "changed", "mappings_added",
            "mappings_removed", "retyped", "confidence_changed", "review_changed")  # fmt: skip
    rows = "".join(
        "<tr>" + "".join(
            f"<td{' class=num' if c != 'framework' else ''}>{_e(getattr(f, c))}</td>" for c in cols
        ) + "</tr>"
        for f in diff.frameworks
    )  # fmt: skip
    parts.append(
        f"<section id='per-kader'><h2>{_e('Per kader' if nl else 'Per framework')}</h2>"
        f"<table><thead><tr>{''.join(f'<th>{h(c)}</th>' for c in cols)}</tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )
    by_fw: dict[str, list[ConceptChange]] = defaultdict(list)
    for c in diff.concepts:
        by_fw[c.framework].append(c)
    body = []
    for fw, changes in sorted(by_fw.items()):
        items = "".join(
            f"<tr><td>{_e(c.notation)}</td><td><code>{_e(c.item)}</code></td>"
            f"<td>{w(c.change)}</td><td>{w(c.property)}</td>"
            f"<td lang='nl'>{_e(c.before)}</td><td lang='nl'>{_e(c.after)}</td></tr>"
            for c in changes
        )
        body.append(
            f"<h3>{_e(fw)}</h3><table><thead><tr><th>{h('notation')}</th><th>{h('item')}</th>"
            f"<th>{h('change')}</th><th>{h('property')}</th><th>{h('before')}</th>"
            f"<th>{h('after')}</th></tr></thead><tbody>{items}</tbody></table>"
        )
    parts.append(
        f"<section id='concepten'><h2>{_e('Concepten' if nl else 'Concepts')}</h2>"
        + ("".join(body) or "<p>–</p>")
        + "</section>"
    )
    by_pair: dict[str, list[MappingChange]] = defaultdict(list)
    for m in diff.mappings:
        by_pair[m.pair].append(m)
    body = []
    for pair, records in sorted(by_pair.items()):
        rows = "".join(
            f"<tr><td><code>{_e(m.subject)}</code></td><td>{_e(m.relation)}</td>"
            f"<td><code>{_e(m.object)}</code></td><td>{w(m.change)}</td>"
            f"<td>{_e(m.before)}</td><td>{_e(m.after)}</td></tr>"
            for m in records
        )
        body.append(
            f"<h3>{_e(pair)}</h3><table><thead><tr><th>{h('subject')}</th>"
            f"<th>{h('relation')}</th><th>{h('object')}</th><th>{h('change')}</th>"
            f"<th>{h('before')}</th><th>{h('after')}</th></tr></thead><tbody>{rows}</tbody>"
            "</table>"
        )
    parts.append(f"<section id='mappings'><h2>Mappings</h2>{''.join(body) or '<p>–</p>'}</section>")
    rows = "".join(
        f"<tr><td>{_e(c.a)}</td><td>{_e(c.b)}</td><td class=num>{_e(c.items_before)}</td>"
        f"<td class=num>{_e(c.items_after)}</td><td class=num>{_e(c.mapped_before)}</td>"
        f"<td class=num>{_e(c.mapped_after)}</td><td class=num>{_share(c.share_before)}</td>"
        f"<td class=num>{_share(c.share_after)}</td></tr>"
        for c in diff.coverage
    )
    heads = ("a", "b", "items_before", "items_after", "mapped_before", "mapped_after",
             "share_before", "share_after")  # fmt: skip
    title = "Dekking voor en na" if nl else "Coverage before and after"
    cells = "".join(f"<th>{h(c)}</th>" for c in heads)
    parts.append(
        f"<section id='dekking'><h2>{_e(title)}</h2><table><thead><tr>{cells}</tr></thead>"
        f"<tbody>{rows}</tbody></table></section>"
    )
    return "\n".join(parts) + "\n"


# ---------------------------------------------------------------------------- CHANGELOG
def _md(text) -> str:
    """Text for a Markdown line or table cell: one line, pipes and backticks escaped."""
    if text is None:
        return "–"
    return " ".join(str(text).split()).replace("|", "\\|").replace("`", "'")


def _quote(text) -> str:
    return "–" if text is None else f"“{_md(text)}”"


def changelog_body(diff: ReleaseDiff) -> str:
    """The generated part of a release's CHANGELOG section (English, Markdown)."""
    lines = [f"Compared with {_md(_state(diff.old))}; this release is {_md(_state(diff.new))}.", ""]
    if diff.empty:
        lines += ["No concept or mapping changed.", ""]
    lines += [
        "| framework | items | added | removed | deprecated | modified | mappings added | "
        "mappings removed | retyped | confidence | review |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for f in diff.frameworks:
        lines.append(
            f"| {f.framework} | {f.concepts_before} → {f.concepts_after} | {f.added} | "
            f"{f.removed} | {f.deprecated} | {f.changed} | {f.mappings_added} | "
            f"{f.mappings_removed} | {f.retyped} | {f.confidence_changed} | {f.review_changed} |"
        )
    lines.append("")
    by_fw: dict[str, list[ConceptChange]] = defaultdict(list)
    for c in diff.concepts:
        by_fw[c.framework].append(c)
    if by_fw:
        lines += ["### Concepts", ""]
    new_fws = {f.framework for f in diff.frameworks if not f.concepts_before}
    for fw, changes in sorted(by_fw.items()):
        lines += [f"#### {fw}", ""]
        added = [c for c in changes if c.change == ADDED]
        if fw in new_fws:  # a framework new in this release: its items are not news one by one
            lines += [f"- new in this release, with {len(added)} concepts", ""]
            continue
        for c in changes:
            who = f"`{c.item}`" + (f" ({_md(c.notation)})" if c.notation else "")
            if c.change == REMOVED:
                lines.append(f"- removed {who} {_quote(c.before)}")
            elif c.change == DEPRECATED:
                succ = f"replaced by `{c.after}`" if c.after else "no successor"
                lines.append(f"- deprecated {who} {_quote(c.label)}: {succ}")
            elif c.change == CHANGED:
                lines.append(f"- {c.property} of {who}: {_quote(c.before)} → {_quote(c.after)}")
            elif c.change == ADDED and len(added) <= LIST_ADDED:
                lines.append(f"- added {who} {_quote(c.label)}")
        if len(added) > LIST_ADDED:
            lines.append(f"- {len(added)} concepts added (`herstelgraph diff` lists them)")
        lines.append("")
    by_pair: dict[str, list[MappingChange]] = defaultdict(list)
    for m in diff.mappings:
        by_pair[m.pair].append(m)
    if by_pair:
        lines += ["### Mappings", ""]
    for pair, records in sorted(by_pair.items()):
        lines += [f"#### {pair}", ""]
        kinds: dict[str, list[MappingChange]] = defaultdict(list)
        for m in records:
            kinds[m.change].append(m)
        for kind in (REMOVED, RETYPED, CONFIDENCE, REVIEW, ADDED):
            found = kinds.get(kind, [])
            limit = LIST_ADDED if kind == ADDED else LIST_OTHER
            if len(found) > limit:
                lines.append(f"- {len(found)} records {kind.replace('-', ' ')}"
                             " (`herstelgraph diff --only mappings` lists them)")  # fmt: skip
                continue
            for rec in found:
                what = f"`{rec.subject}` {rec.relation} `{rec.object}` (`{rec.record}`)"
                if kind == ADDED:
                    lines.append(f"- added {what}")
                elif kind == REMOVED:
                    lines.append(f"- removed {what}")
                else:
                    lines.append(f"- {kind.replace('-', ' ')}: {what}: "
                                 f"{_md(rec.before)} → {_md(rec.after)}")  # fmt: skip
        lines.append("")
    moved = [x for x in diff.coverage if (x.items_before, x.mapped_before, x.no_match_before)
             != (x.items_after, x.mapped_after, x.no_match_after)]  # fmt: skip
    if moved:
        lines += [
            "### Coverage (`herstelgraph coverage`)",
            "",
            "| items of → into | items | mapped | no match | share |",
            "|---|---|---|---|---|",
        ]
        for x in moved:
            lines.append(
                f"| {x.a} → {x.b} | {_md(x.items_before)} → {_md(x.items_after)} | "
                f"{_md(x.mapped_before)} → {_md(x.mapped_after)} | {_md(x.no_match_before)} → "
                f"{_md(x.no_match_after)} | {_share(x.share_before)} → {_share(x.share_after)} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def changelog_section(diff: ReleaseDiff, version: str, date: str, summary: str = "") -> str:
    """A release's section: heading, the maintainers' summary, then the generated part
    between markers (``tools/dev.py release`` regenerates it, keeping the summary)."""
    head = f"## {version} — {date}\n\n"
    text = summary.strip() + "\n\n" if summary.strip() else ""
    return (
        head + text + f"<!-- diff {version}: generated by tools/dev.py release -->\n"
        + changelog_body(diff) + f"<!-- /diff {version} -->\n"
    )  # fmt: skip


CHANGELOG_HEAD = """# Changelog

Every release of herstelgraph: what changed in the frameworks' concepts, the curated mappings
and their coverage, generated with `herstelgraph diff` from the previous release
(`python tools/dev.py release` writes each section between the `diff` markers), with a short
summary by the maintainers above it. Cite a release by its version and date (`CITATION.cff`);
`herstelgraph impact CURRICULUM --from OLD --to NEW` tells what a release changes for a
curriculum.
"""


def update_changelog(text: str | None, diff: ReleaseDiff, version: str, date: str,
                     summary: str = "") -> str:  # fmt: skip
    """CHANGELOG.md with the section of ``version``: its generated part replaced when the
    section exists (the summary above it kept, or replaced when ``summary`` is given), else
    a new section above the older ones."""
    import re

    text = text if text and text.strip() else CHANGELOG_HEAD
    heading = re.compile(rf"^## {re.escape(version)} — .*$", re.MULTILINE)
    found = heading.search(text)
    if found is None:
        section = changelog_section(diff, version, date, summary)
        first = re.search(r"^## ", text, re.MULTILINE)
        at = first.start() if first else len(text)
        before = text[:at].rstrip("\n") + "\n\n"
        return before + section + ("\n" + text[at:] if first else "")
    nxt = re.search(r"^## ", text[found.end() :], re.MULTILINE)
    end = found.end() + nxt.start() if nxt else len(text)
    old = text[found.start() : end]
    kept = old.split("<!-- diff ", 1)[0][len(found.group(0)) :].strip()
    section = changelog_section(diff, version, date, summary or kept)
    return text[: found.start()] + section + ("\n" + text[end:] if nxt else "")
