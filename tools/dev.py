#!/usr/bin/env python3
"""Maintainer commands: they rewrite files of this repository, never an installed package.

    python tools/dev.py mappings build [--check]   canonical TSVs + mappings/mappings.ttl (and the
                                                   ESCO links: mappings/external.ttl)
    python tools/dev.py mappings fmt FILE...       canonicalise these TSV files only
    python tools/dev.py mappings new A B           the empty pair file for frameworks A and B
    python tools/dev.py mappings status FILE       per direction: mapped / no match / not reviewed
    python tools/dev.py mappings check [FILE...]   RUBRIC §7's mapping checks
    python tools/dev.py mappings report            the README's mapping report
    python tools/dev.py mappings curation          the README's curation report figures and
                                                   the re-curation since the pre-rubric commit
    python tools/dev.py mappings readme            both reports written into the README
    python tools/dev.py shapes [--check]           shapes/profiles-generated.ttl, ontology/roles.ttl
    python tools/dev.py quality                    the counts table of docs/quality.md
    python tools/dev.py serialize [--check] FILE…  canonical Turtle, in place
    python tools/dev.py goldens                    tests/golden/*.json, failing on any error
    python tools/dev.py cells [--check]            src/herstelgraph/cli/_cells.py: the terminal
                                                   cell widths, from the installed rich's table
    python tools/dev.py release [--version X.Y.Z --date YYYY-MM-DD] [--previous STATE]
                                [--summary TEXT] [--check]
                                                   stamp the version, CITATION.cff, released
                                                   IRIs, CHANGELOG.md; dist/release/VERSION/

The Makefile has a target for each (make mappings, make shapes, make goldens, make fmt,
make release).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _repo_data() -> None:
    """Refuse to run against an installed package: the data dir must be this repository's."""
    from herstelgraph.resources import data_dir

    for kind in ("ontology", "mappings", "shapes"):
        if data_dir(kind).resolve() != (ROOT / kind).resolve():
            sys.exit(
                f"dev.py: herstelgraph reads {kind} from {data_dir(kind)}, not from {ROOT}; "
                "install this checkout in editable mode (make demo) and run again"
            )


def mappings(args: argparse.Namespace) -> int:
    from herstelgraph.curation import sssom
    from herstelgraph.io.atomic import write_text

    today = datetime.date.today().isoformat()
    cmd, rest = args.command, args.args
    if cmd == "report":
        from herstelgraph.store import load

        print(sssom.report_markdown(load()), end="")
    elif cmd == "curation":
        from herstelgraph.curation.report import readme_markdown

        print(readme_markdown(), end="")
    elif cmd == "readme":
        from herstelgraph.curation.report import readme_markdown
        from herstelgraph.store import load

        readme = ROOT / "README.md"
        text = readme.read_text(encoding="utf-8")
        for marker, block in (
            ("mapping report", sssom.report_markdown(load())),
            ("curation report", readme_markdown()),
        ):
            start, end = f"<!-- {marker} -->\n", f"<!-- /{marker} -->"
            head, rest_ = text.split(start, 1)
            text = head + start + block + end + rest_.split(end, 1)[1]
        readme.write_text(text, encoding="utf-8")
        print("README.md: mapping and curation reports rewritten")
    elif cmd == "new" and len(rest) == 2:
        name = sssom.pair_name(*rest)
        path = ROOT / "mappings" / f"{name}.sssom.tsv"
        if path.exists():
            sys.exit(f"dev.py: {path} exists already")
        write_text(path, sssom.write_tsv(sssom.MappingFile(path, sssom.metadata_for(name), [])))
        print(path)
    elif cmd == "fmt" and rest:
        labels, schemes = sssom._ontology_index()
        for f in rest:
            mf = sssom.canonical(sssom.read_tsv(Path(f)), labels, schemes, today)
            write_text(Path(f), sssom.write_tsv(mf))
    elif cmd == "check":
        from herstelgraph.curation import consistency
        from herstelgraph.store import load

        graph = load(closure=False)
        if rest:
            problems = consistency.check_files([Path(f) for f in rest], graph)
        else:
            problems = consistency.check_shipped(graph)
        print("\n".join(p.line() for p in problems) or "no problems")
        return 1 if consistency.errors(problems) else 0
    elif cmd == "status" and len(rest) == 1:
        store = sssom.pair_store(Path(rest[0]), today)
        for (a, b), st in sssom.review_status(store).items():
            if not st["mapped"] and not st["no_match"]:
                continue
            print(
                f"{a} -> {b}: {len(st['mapped'])} mapped, {len(st['no_match'])} no match, "
                f"{len(st['not_reviewed'])} not reviewed"
            )
            for item in sorted(st["not_reviewed"]):
                print(f"   not reviewed: {item}")
    elif cmd == "build":
        outputs = sssom.build(today=today)
        stale = [p for p, t in outputs.items() if not p.exists() or p.read_text("utf-8") != t]
        if args.check:
            for p in stale:
                print(f"{p}: out of date; run make mappings")
            return 1 if stale else 0
        for p in stale:
            write_text(p, outputs[p])
        print(f"{len(stale)} file(s) rewritten, {len(outputs)} checked")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


def shapes(args: argparse.Namespace) -> int:
    """shapes/profiles-generated.ttl and ontology/roles.ttl, both made from the frameworks and
    the rule families of herstelgraph.checks.rules."""
    from herstelgraph.checks.validate import (
        GENERATED,
        ROLES,
        generate_profile_shapes,
        generate_role_profiles,
    )
    from herstelgraph.io.atomic import write_text
    from herstelgraph.io.serialize import canonical_turtle
    from herstelgraph.store import load

    store = load(closure=False)
    stale = 0
    for target, graph in (
        (ROOT / "shapes" / GENERATED, generate_profile_shapes(store)),
        (ROOT / "ontology" / ROLES, generate_role_profiles(store)),
    ):
        text = canonical_turtle(graph)
        current = target.read_text(encoding="utf-8") if target.is_file() else None
        if args.check:
            if current != text:
                print(f"{target}: out of date; run make shapes")
                stale += 1
            continue
        if current != text:
            write_text(target, text)
        print(f"{target}: {'rewritten' if current != text else 'up to date'}")
    return 1 if stale else 0


def quality(args: argparse.Namespace) -> int:
    from herstelgraph.checks.quality import check, counts_markdown

    print(counts_markdown(check()), end="")
    return 0


def serialize(args: argparse.Namespace) -> int:
    from herstelgraph.io.atomic import write_text
    from herstelgraph.io.serialize import canonical_file_text

    bad = []
    for path in map(Path, args.files):
        text = canonical_file_text(path)
        if path.read_text(encoding="utf-8") != text:
            if args.check:
                bad.append(path)
            else:
                write_text(path, text)
    for path in bad:
        print(f"{path}: not canonical; run python tools/dev.py serialize {path}")
    return 1 if bad else 0


def goldens(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(ROOT / "tests"))
    from herstelgraph.store import load

    from goldens import write_goldens

    names = write_goldens(load())
    print(f"{len(names)} golden answers written to tests/golden/: review the diff (git diff)")
    return 0


# ---------------------------------------------------------------------------- release
VERSION_FILE = ROOT / "src" / "herstelgraph" / "_version.py"
CITATION = ROOT / "CITATION.cff"
CHANGELOG = ROOT / "CHANGELOG.md"


def _write_version(version: str, date: str) -> None:
    from herstelgraph.io.atomic import write_text

    text = VERSION_FILE.read_text(encoding="utf-8")
    import re

    text = re.sub(r'^__version__ = ".*"$', f'__version__ = "{version}"', text, flags=re.M)
    text = re.sub(r'^__release_date__ = ".*"$', f'__release_date__ = "{date}"', text, flags=re.M)
    write_text(VERSION_FILE, text)


def _git(*args: str) -> str:
    import subprocess

    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else ""


def previous_state(version: str) -> str:
    """The state a release is compared with: the last tag that is not this version's, else
    the repository's first commit (nothing released before it)."""
    tag = _git("describe", "--tags", "--abbrev=0")
    if tag in (version, f"v{version}"):
        tag = _git("describe", "--tags", "--abbrev=0", f"{tag}^")
    if tag:
        return f"git:{tag}"
    roots = _git("rev-list", "--max-parents=0", "HEAD").split()
    if not roots:
        sys.exit("dev.py: no git history to compare with; give --previous STATE")
    return f"git:{roots[-1]}"


def stamp(rel, check: bool) -> list[str]:
    """The version stamps of ontology/*.ttl, the SSSOM files (make mappings) and
    CITATION.cff; returns what is (or was) out of date."""
    from herstelgraph.curation import sssom
    from herstelgraph.io.atomic import write_text
    from herstelgraph.publish.version import citation_cff, stamped_turtle

    stale = []
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        text = stamped_turtle(path, rel)
        if path.read_text(encoding="utf-8") != text:
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                write_text(path, text)
    for path, text in sssom.build(today=rel.date).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                write_text(path, text)
    text = citation_cff(rel)
    if not CITATION.exists() or CITATION.read_text(encoding="utf-8") != text:
        stale.append("CITATION.cff")
        if not check:
            write_text(CITATION, text)
    return stale


def release(args: argparse.Namespace) -> int:
    """Stamp the release on the repository's files, record its IRIs, write its CHANGELOG
    section and build dist/release/VERSION/ (every export, the site, the sources,
    CITATION.cff, CHANGELOG.md, SHA256SUMS)."""
    import os

    from herstelgraph.publish.version import check_release, current

    if args.version or args.date:
        rel = current()
        want = check_release(args.version or rel.version, args.date or rel.date)
        if args.check:
            sys.exit("dev.py: --check checks the recorded release; leave out --version/--date")
        if want != rel:
            _write_version(want.version, want.date)
            print(f"{VERSION_FILE.relative_to(ROOT)}: {want.version} ({want.date})")
        # the package is imported already: run again with the new version in place
        argv = [a for a in sys.argv[1:]]
        for flag in ("--version", "--date"):
            while flag in argv:
                i = argv.index(flag)
                del argv[i : i + 2]
        os.execv(sys.executable, [sys.executable, str(Path(__file__).resolve()), *argv])
    rel = current()
    print(f"herstelgraph {rel.version} ({rel.date})")
    stale = stamp(rel, args.check)
    for path in stale:
        print(f"{path}: {'out of date' if args.check else 'stamped'}")

    from herstelgraph.checks.diff import diff
    from herstelgraph.curation.review.loading import load
    from herstelgraph.io.atomic import write_text
    from herstelgraph.publish.changes import update_changelog
    from herstelgraph.publish.version import (
        RELEASED_IRIS,
        graph_iris,
        missing_released,
        read_released,
        released_text,
    )

    store = load()
    released_path = ROOT / "ontology" / RELEASED_IRIS
    recorded = read_released(released_path) if released_path.exists() else set()
    missing = missing_released(store, recorded)
    if missing:
        for iri in missing:
            print(f"released IRI gone: {iri}", file=sys.stderr)
        print(
            f"dev.py: {len(missing)} released IRI(s) are no longer in the graph; keep each "
            "item with owl:deprecated true (and dct:isReplacedBy its successor) instead",
            file=sys.stderr,
        )
        return 1
    text = released_text(recorded | graph_iris(store), rel)
    if not released_path.exists() or released_path.read_text(encoding="utf-8") != text:
        print(f"ontology/{RELEASED_IRIS}: {'out of date' if args.check else 'written'}")
        stale.append(RELEASED_IRIS)
        if not args.check:
            write_text(released_path, text)

    previous = args.previous or previous_state(rel.version)
    print(f"comparing with {previous}")
    changes = diff(previous, None, repo=ROOT)
    old = CHANGELOG.read_text(encoding="utf-8") if CHANGELOG.exists() else None
    summary = args.summary or ""
    if args.summary_file:
        summary = Path(args.summary_file).read_text(encoding="utf-8")
    # the changelog is read by CLI users: name the verbs that list what it cuts short
    cli = {"concepts": "herstelgraph diff", "mappings": "herstelgraph diff --only mappings"}
    text = update_changelog(old, changes, rel.version, rel.date, summary, cli)
    if text != old:
        print(f"CHANGELOG.md: {'out of date' if args.check else 'section ' + rel.version}")
        stale.append("CHANGELOG.md")
        if not args.check:
            write_text(CHANGELOG, text)
    if args.check:
        return 1 if stale else 0

    from herstelgraph.publish.release import build_release

    out = Path(args.out) if args.out else ROOT / "dist" / "release" / rel.version
    report = build_release(
        store, out, rel, source_root=ROOT, changes=changes, changelog=text, site=not args.no_site
    )
    print(f"{report.path}: {report.files} files (SHA256SUMS lists them)")
    return 0


CELLS = ROOT / "src" / "herstelgraph" / "cli" / "_cells.py"


def cells_module() -> str:
    """The text of ``cli/_cells.py``: the cell widths of the installed rich (the test extra),
    which ``cli/table.py`` measures with as rich did when it drew our tables."""
    from importlib.metadata import version

    from rich._unicode_data import load

    table = load("latest")
    ranges = [f"(0x{a:04X}, 0x{b:04X}, {w})," for a, b, w in table.widths]

    def escaped(c: str) -> str:
        if 0x20 < ord(c) < 0x7F and c not in '\\"':
            return c
        return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"

    wide = [escaped(c) for c in sorted(table.narrow_to_wide)]
    chunks, line = [], ""
    for token in wide:
        if len(line) + len(token) > 90:
            chunks.append(line)
            line = ""
        line += token
    chunks.append(line)
    lines = [
        '"""Terminal cell widths: what rich measures text with (``rich.cells``), for',
        "``cli/table.py``. Generated by ``python tools/dev.py cells`` from the table of rich "
        + version("rich"),
        "(made from the data of the wcwidth project; both MIT), Unicode "
        + f"{table.unicode_version}. Do not edit;",
        '``tests/test_table.py`` compares it with the installed rich."""',
        "",
        f'UNICODE_VERSION = "{table.unicode_version}"',
        "",
        "#: (first, last, cells) of every code point that is not one cell wide, in order",
        "# fmt: off",
        "WIDTHS = (",
        *("    " + " ".join(ranges[i : i + 4]) for i in range(0, len(ranges), 4)),
        ")",
        "# fmt: on",
        "",
        "#: one-cell characters that VARIATION SELECTOR-16 (U+FE0F) after them shows two wide",
        "NARROW_TO_WIDE = frozenset(",
        *(f'    "{chunk}"' for chunk in chunks),
        ")",
    ]
    return "\n".join(lines) + "\n"


def cells(args: argparse.Namespace) -> int:
    from herstelgraph.io.atomic import write_text

    text = cells_module()
    if CELLS.read_text(encoding="utf-8") == text:
        return 0
    print(f"{CELLS.relative_to(ROOT)}: {'out of date' if args.check else 'written'}")
    if args.check:
        return 1
    write_text(CELLS, text)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/dev.py", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    p = sub.add_parser("mappings", help="build, format and report the curated SSSOM files")
    p.add_argument(
        "command",
        choices=["build", "fmt", "new", "status", "check", "report", "curation", "readme"],
    )
    p.add_argument("args", nargs="*")
    p.add_argument("--check", action="store_true", help="build: only report what is stale")
    p.set_defaults(run=mappings)
    p = sub.add_parser(
        "shapes", help="regenerate shapes/profiles-generated.ttl and ontology/roles.ttl"
    )
    p.add_argument("--check", action="store_true")
    p.set_defaults(run=shapes)
    sub.add_parser("quality", help="the counts table of docs/quality.md").set_defaults(run=quality)
    p = sub.add_parser("serialize", help="rewrite Turtle files canonically")
    p.add_argument("--check", action="store_true")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=serialize)
    sub.add_parser("goldens", help="rewrite tests/golden/*.json").set_defaults(run=goldens)
    p = sub.add_parser("cells", help="rewrite src/herstelgraph/cli/_cells.py from rich's widths")
    p.add_argument("--check", action="store_true")
    p.set_defaults(run=cells)
    p = sub.add_parser("release", help="stamp the version and build dist/release/VERSION/")
    p.add_argument("--version", help="the new version (X.Y.Z); default: _version.py's")
    p.add_argument("--date", help="its release date (YYYY-MM-DD); default: _version.py's")
    p.add_argument(
        "--previous",
        metavar="STATE",
        help="compare with this state (git:REF, a folder) [default: the last tag, else the "
        "first commit]",
    )
    p.add_argument("--summary", help="the maintainers' summary for the CHANGELOG section")
    p.add_argument("--summary-file", help="the summary, read from a file")
    p.add_argument("--out", help="the release folder [default: dist/release/VERSION]")
    p.add_argument("--no-site", action="store_true", help="leave the site out (faster)")
    p.add_argument("--check", action="store_true", help="only report what is out of date (exit 1)")
    p.set_defaults(run=release)
    args = parser.parse_args(argv)
    if args.what not in ("serialize", "cells"):
        _repo_data()
    from herstelgraph.errors import HerstelgraphError
    from herstelgraph.io.atomic import maintaining

    try:
        with maintaining():  # these commands rebuild the shipped files themselves
            return args.run(args)
    except HerstelgraphError as exc:
        print(f"dev.py: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
