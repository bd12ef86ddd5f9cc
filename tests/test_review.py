"""The review workflow (issue 17): reviewers' SSSOM files, the merged view every question
reads, the mapping filter, the figures (κ, α) and the XLSX sheet both ways."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import herstelgraph.questions.alignment as al
from herstelgraph.curation.review.loading import load
from herstelgraph.curation.review.merge import (
    Curated,
    MappingFilter,
    curated_records,
    merge_claim,
    merged_view,
    read_decisions,
    review_state,
)
from herstelgraph.curation.review.records import (
    Decision,
    parse_reviewer,
    read_file,
    writable_dir,
)
from herstelgraph.curation.review.session import ReviewSession
from herstelgraph.curation.review.stats import cohen_kappa, krippendorff_alpha, review_stats
from herstelgraph.errors import InputError, InputFileError, OutputError, ParameterError
from herstelgraph.model import ReviewDecision as K
from herstelgraph.model import ReviewStatus as S

from conftest import ROOT

FW = {
    "bijlage2": "bijlage-ii",
    "bk": "bk-0597-1",
    "rv": "randvoorwaarden",
    "valente": "valente-2023",
}


def fw(curie: str) -> str:
    # "esco": the links to ESCO (issue 21) are curated records too
    return FW.get(curie.split(":")[0], "esco")


@pytest.fixture(scope="module")
def base():
    """The shipped graph without any review applied."""
    return load(reviews=())


@pytest.fixture(scope="module")
def records(base):
    return curated_records(base)


def _session(base, tmp_path, name="jansen", label="Jan Jansen", **kw) -> ReviewSession:
    return ReviewSession(base, parse_reviewer(name, label), tmp_path, today="2026-12-03", **kw)


def _sole_link(base, records):
    """A curated link between two requirement items (those gaps and coverage count: not
    example-only, inferred or restating) whose subject has no other mapping into the
    object's framework, and the object none into the subject's: rejecting it makes both
    items gaps."""
    from herstelgraph.curation.sssom import review_status

    counted = {c for st in review_status(base).values() for s in st.values() for c in s}
    links = [
        r
        for r in records
        if r.object != "sssom:NoTermFound"
        and r.predicate.startswith("skos:")
        and {r.subject, r.object} <= counted
    ]
    count: dict[tuple[str, str], int] = {}
    for r in links:
        for item, other in ((r.subject, r.object), (r.object, r.subject)):
            count[(item, fw(other))] = count.get((item, fw(other)), 0) + 1
    for r in sorted(links, key=lambda r: r.record):
        if count[(r.subject, fw(r.object))] == 1 and count[(r.object, fw(r.subject))] == 1:
            return r
    raise AssertionError("no curated link is the only one of both its items")


# ---------------------------------------------------------------------------- reviewers
def test_reviewer_ids_orcid_checked_short_names_lower_case():
    assert parse_reviewer("0000-0002-1825-0097").id == "orcid:0000-0002-1825-0097"
    assert (
        parse_reviewer("https://orcid.org/0000-0002-1694-233X").slug == "orcid-0000-0002-1694-233X"
    )
    with pytest.raises(InputError, match="check digit"):
        parse_reviewer("0000-0002-1825-0098")
    assert parse_reviewer("a-jansen").id == "hgagent:a-jansen"
    for bad in ("Jansen", "j", "jan jansen", "../x", "curation-team"):
        with pytest.raises(InputError):
            parse_reviewer(bad)


def test_review_folder_never_inside_the_installed_package(tmp_path):
    import herstelgraph

    inside = Path(herstelgraph.__file__).parent / "reviews-here"
    with pytest.raises(OutputError, match="inside the installed herstelgraph package"):
        writable_dir(inside)
    assert not inside.exists()
    assert writable_dir(tmp_path / "mine") == tmp_path / "mine"
    with pytest.raises(OutputError, match="does not exist"):
        writable_dir(tmp_path / "no" / "such")


def test_installed_package_needs_a_named_folder(monkeypatch):
    from herstelgraph.curation.review import records as rec

    monkeypatch.setattr(rec, "installed", lambda: True)
    monkeypatch.delenv("HERSTELGRAPH_REVIEWS", raising=False)
    with pytest.raises(InputError, match="name a folder of your own"):
        writable_dir(None)


# ---------------------------------------------------------------------------- files
def test_each_decision_is_written_at_once_as_rubric_9_says(base, records, tmp_path):
    s = _session(base, tmp_path)
    links = [r for r in records if r.object != "sssom:NoTermFound"]
    nomatch = next(r for r in records if r.object == "sssom:NoTermFound")
    a, b, c = links[:3]
    path = tmp_path / "jansen.sssom.tsv"
    s.decide(a.key, "confirm")
    assert path.is_file(), "the first decision creates the file"
    s.decide(b.key, "reject", reason="theme-only")
    s.decide(c.key, "change", relation="skos:closeMatch", comment='zie "kern"')
    s.decide(nomatch.key, "agree")
    rf = read_file(path, protect=False)
    assert rf.reviewer.label == "Jan Jansen" and rf.metadata["creator_label"] == ["Jan Jansen"]
    assert "rubric v1.0" in rf.metadata["mapping_set_description"]
    rows = {
        (r.subject_id, r.predicate_id, r.object_id, r.predicate_modifier): r for r in rf.records
    }
    assert rows[(a.subject, a.predicate, a.object, "")].reviewer_agreement == 1.0
    rej = rows[(b.subject, b.predicate, b.object, "Not")]
    # the reason in its declared extension slot; curation_rule_text stays for a rule's text
    assert (rej.review_reason, rej.curation_rule_text, rej.reviewer_agreement) == (
        "theme-only",
        "",
        1.0,
    )
    assert rf.metadata["extension_definitions"][0]["slot_name"] == "review_reason"
    assert rows[(c.subject, c.predicate, c.object, "Not")].curation_rule == c.rule, (
        "the old relation stays, with the rule it was curated under"
    )
    new = rows[(c.subject, "skos:closeMatch", c.object, "")]
    assert new.curation_rule == "hgrule:R-CLOSE-1" and new.comment == "zie “kern”"
    nm = rows[(nomatch.subject, nomatch.predicate, "sssom:NoTermFound", "")]
    assert nm.object_source == nomatch.object_source and nm.reviewer_agreement == 1.0
    for r in rf.records:
        assert r.mapping_justification == "semapv:MappingReview"
        assert (r.reviewer_id, r.reviewer_label, r.review_date) == (
            "hgagent:jansen",
            "Jan Jansen",
            "2026-12-03",
        )
    # deciding again replaces the earlier decision on that pair
    s.decide(b.key, "confirm")
    again = read_file(path, protect=False)
    assert not any(
        r.negated and r.subject_id == b.subject and r.object_id == b.object for r in again.records
    )
    # a file written before the reason's slot (the code in curation_rule_text) reads the same
    s.decide(b.key, "reject", reason="too-broad")
    text = path.read_text()
    head = [ln for ln in text.split("\n") if ln.startswith("#")]
    cut = head.index("# extension_definitions:")
    head = head[:cut] + [ln for ln in head[cut + 1 :] if not ln.startswith(("# -", "#   "))]
    rows_ = [ln.split("\t") for ln in text.split("\n") if ln and not ln.startswith("#")]
    old = [[*r[:14], r[16] or r[14], r[15]] for r in rows_]
    old[0][14] = "curation_rule_text"
    legacy = tmp_path / "old" / "jansen.sssom.tsv"
    legacy.parent.mkdir()
    legacy.write_text("\n".join(head + ["\t".join(r) for r in old]) + "\n")
    assert "review_reason" not in legacy.read_text()
    from dataclasses import replace

    def lineless(p: Path) -> list:
        return [replace(d, lines=()) for d in read_decisions([(p, None)])]

    assert lineless(legacy) == lineless(path)
    assert [d.reason for d in read_decisions([(legacy, None)]) if d.key == b.key] == ["too-broad"]
    # a change to related names which of its three rules it meets
    with pytest.raises(ParameterError, match="R-REL-1, R-REL-2, R-REL-3"):
        s.decide(c.key, "change", relation="skos:relatedMatch")
    # a rejection needs a reason; 'other' needs the text
    with pytest.raises(ParameterError, match="reason"):
        s.decide(a.key, "reject")
    with pytest.raises(ParameterError, match="explanation"):
        s.decide(a.key, "reject", reason="other")


def test_this_item_matches_x_names_the_rubric_rule_of_the_new_link(base, records, tmp_path):
    """ "This item matches X" adds a link, so it names the rubric rule that link meets, as a
    change does: related has three (R-REL-1..3) and none is guessed; the rule is kept on the
    new link, the no-match record keeps its own."""
    s = _session(base, tmp_path)
    nm = next(r for r in records if r.object == "sssom:NoTermFound")
    target = next(c for c, sc in s.schemes.items() if sc == nm.object_source)
    with pytest.raises(ParameterError, match="R-REL-1, R-REL-2, R-REL-3") as exc:
        s.decide(nm.key, "disagree", target=target)
    assert exc.value.args and "rule" in str(exc.value)
    with pytest.raises(ParameterError, match="does not go with"):
        s.decide(nm.key, "disagree", target=target, rule="hgrule:R-CLOSE-1")
    assert s.mine == {}  # nothing written by a refused choice
    s.decide(nm.key, "disagree", target=target, rule="hgrule:R-REL-3")
    mine = s.mine
    link = next(d for k, d in mine.items() if k != nm.key)
    assert target in link.key and link.stance == "skos:relatedMatch"
    assert link.rule == "hgrule:R-REL-3"
    assert mine[nm.key].stance == "disagree" and mine[nm.key].rule == nm.rule
    text = (tmp_path / "jansen.sssom.tsv").read_text()
    assert "hgrule:R-REL-3" in text
    # a relation with one rule takes it without asking
    s.decide(nm.key, "disagree", target=target, relation="skos:closeMatch")
    link = next(d for k, d in s.mine.items() if k != nm.key)
    assert link.stance == "skos:closeMatch" and link.rule == "hgrule:R-CLOSE-1"


def test_sssom_py_parses_and_validates_every_review_file(base, records, tmp_path):
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    s = _session(base, tmp_path)
    links = [r for r in records if r.object != "sssom:NoTermFound"]
    nms = [r for r in records if r.object == "sssom:NoTermFound"]
    s.decide(links[0].key, "confirm")
    s.decide(links[1].key, "reject", reason="other", comment="anders dan gedacht")
    s.decide(links[2].key, "change", relation="skos:broadMatch")
    s.decide(links[3].key, "unsure")
    s.decide(nms[0].key, "agree")
    target_scheme = nms[1].object_source
    target = next(c for c, sc in s.schemes.items() if sc == target_scheme)
    s.decide(nms[1].key, "disagree", target=target, rule="hgrule:R-REL-2")
    files = sorted(tmp_path.glob("*.sssom.tsv"))
    shipped = sorted((ROOT / "mappings" / "reviews").glob("*.sssom.tsv"))
    for path in files + shipped:
        msdf = parse_sssom_table(path)
        assert len(msdf.df) == len(read_file(path).records)
        validate(msdf, fail_on_error=True)
    assert len(read_file(files[0]).records) == 8  # a change and a "matches X" are two each


def test_a_bad_row_is_one_line_naming_file_and_row(base, records, tmp_path, run_cli):
    s = _session(base, tmp_path)
    link = next(r for r in records if r.object != "sssom:NoTermFound")
    s.decide(link.key, "confirm")
    path = tmp_path / "jansen.sssom.tsv"
    lines = path.read_text().split("\n")
    row = next(i for i, ln in enumerate(lines) if ln.startswith(link.subject))
    lines[row] = lines[row].replace("\t1.0\t", "\tveel\t")
    path.write_text("\n".join(lines))
    with pytest.raises(InputFileError) as exc:
        read_file(path)
    assert f"{path}:{row + 1}: reviewer_agreement 'veel' is not a number" == str(exc.value)
    code, out, err = run_cli("--reviews", str(tmp_path), "coverage", "--no-sections")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"jansen.sssom.tsv:{row + 1}:" in err


# ---------------------------------------------------------------------------- merging
def _d(reviewer, key, kind, reviewed, stance, **kw):
    return Decision(reviewer, key, kind, reviewed, stance, "2026-12-03", **kw)


def test_merged_statuses_of_two_reviewers():
    cur = Curated("hgm:1", "bk:a", "skos:relatedMatch", "valente:b", "valente:scheme", 0.7)
    key, rel = cur.key, "skos:relatedMatch"
    one = lambda *ds: merge_claim(key, cur, ds)  # noqa: E731
    c = one()
    assert (c.status, c.effective, c.support) == (S.UNREVIEWED, rel, 0)
    c = one(_d("hgagent:a", key, K.CONFIRM, rel, rel), _d("hgagent:b", key, K.CONFIRM, rel, rel))
    assert (c.status, c.effective, c.support) == (S.CONFIRMED, rel, 2)
    c = one(_d("hgagent:a", key, K.REJECT, rel, "none"))
    assert (c.status, c.effective) == (S.REJECTED, None)
    c = one(_d("hgagent:a", key, K.CHANGE, rel, "skos:closeMatch"))
    assert (c.status, c.effective, c.support) == (S.CHANGED, "skos:closeMatch", 1)
    c = one(_d("hgagent:a", key, K.CONFIRM, rel, rel), _d("hgagent:b", key, K.REJECT, rel, "none"))
    assert (c.status, c.effective, c.support) == (S.DISPUTED, rel, 1), "held by one: stands"
    c = one(
        _d("hgagent:a", key, K.REJECT, rel, "none"),
        _d("hgagent:b", key, K.CHANGE, rel, "skos:closeMatch"),
    )
    assert (c.status, c.effective) == (S.DISPUTED, None), "nobody holds the curated relation"
    c = one(_d("hgagent:a", key, K.UNSURE, rel, None))
    assert (c.status, c.effective) == (S.UNSURE, rel)
    # a decision on a relation the curators have since changed is outdated
    c = one(_d("hgagent:a", key, K.REJECT, "skos:exactMatch", "none"))
    assert c.status == S.UNREVIEWED and len(c.outdated) == 1
    # ... unless the curators adopted the reviewer's change
    c = one(_d("hgagent:a", key, K.CHANGE, "skos:exactMatch", rel))
    assert (c.status, c.support) == (S.CONFIRMED, 1)


def test_two_reviewers_files_merged(base, records, tmp_path):
    a, b = _session(base, tmp_path, "jansen", "Jan"), None
    links = [r for r in records if r.object != "sssom:NoTermFound"][:4]
    a.decide(links[0].key, "confirm")
    a.decide(links[1].key, "reject", reason="too-broad")
    a.decide(links[2].key, "confirm")
    b = _session(base, tmp_path, "pietersen", "Piet")
    b.decide(links[0].key, "confirm")
    b.decide(links[1].key, "reject", reason="theme-only")
    b.decide(links[2].key, "reject", reason="wrong-direction")
    b.decide(links[3].key, "unsure")
    assert b.others, "the second session reads the first reviewer's file"
    files = sorted(tmp_path.glob("*.sssom.tsv"))
    assert [f.name for f in files] == ["jansen.sssom.tsv", "pietersen.sssom.tsv"]
    claims = merged_view(records, read_decisions((f, None) for f in files))
    got = [(claims[r.key].status, claims[r.key].support) for r in links]
    assert got == [(S.CONFIRMED, 2), (S.REJECTED, 0), (S.DISPUTED, 1), (S.UNSURE, 0)]
    # nobody writes another's file
    with pytest.raises(OutputError, match="nobody writes another's file"):
        from herstelgraph.curation.review.records import Reviewer, open_file

        (tmp_path / "x.sssom.tsv").write_bytes((tmp_path / "jansen.sssom.tsv").read_bytes())
        open_file(tmp_path, Reviewer("hgagent:x", "x", "X"))


# ---------------------------------------------------------------------------- the questions
def test_rejected_record_is_never_counted(base, records, tmp_path):
    rec = _sole_link(base, records)
    a, b = fw(rec.subject), fw(rec.object)
    s = _session(base, tmp_path)
    s.decide(rec.key, "reject", reason="theme-only")
    store = load(reviews=[tmp_path])
    assert review_state(store).claims[rec.key].status == S.REJECTED
    # crosswalk and map: the record is gone
    assert rec.record in {r.record for r in al.crosswalk(base, a, b)}
    assert rec.record not in {r.record for r in al.crosswalk(store, a, b)}
    assert rec.record not in {m.record for m in al.mappings_of(store, rec.subject)}
    # gaps: both items are now gaps (nobody reviewed them as no-match)
    assert rec.subject not in {g.item for g in al.gaps(base, a, b)}
    gap = {g.item: g for g in al.gaps(store, a, b)}[rec.subject]
    assert gap.status == "not-reviewed"
    assert rec.object in {g.item for g in al.gaps(store, b, a)}
    # coverage: one item fewer mapped, from the tallies (recomputed, not a stale cache)
    before = {(r.a, r.b): r.mapped for r in al.coverage(base) if r.scope == "framework"}
    after = {(r.a, r.b): r.mapped for r in al.coverage(store) if r.scope == "framework"}
    assert after[(a, b)] == before[(a, b)] - 1 and after[(b, a)] == before[(b, a)] - 1
    # a second load with the same files hits the cache and answers the same
    again = load(reviews=[tmp_path])
    assert {(r.a, r.b): r.mapped for r in al.coverage(again) if r.scope == "framework"} == after


def test_rejected_record_leaves_chains_and_profile_coverage(base, records, tmp_path):
    # a chain x -> y -> z whose first step is the only link of x into y's framework
    rec = _sole_link(base, records)
    x, y = rec.subject, rec.object
    others = [f for f in FW.values() if f not in (fw(x), fw(y))]
    found = None
    for c in others:
        rows = [r for r in al.chain(base, fw(x), fw(y), c) if r.a_item == x and r.via == y]
        if rows:
            found = c
            break
    s = _session(base, tmp_path)
    s.decide(rec.key, "reject", reason="too-narrow")
    store = load(reviews=[tmp_path])
    if found:
        assert not [r for r in al.chain(store, fw(x), fw(y), found) if r.a_item == x and r.via == y]
    # a curriculum aligned to x covers y through the mapping, until it is rejected
    prof = tmp_path / "profile.ttl"
    from herstelgraph.ids import expand

    prof.write_text(
        "@prefix hg: <https://w3id.org/herstelgraph/def#> .\n"
        "@prefix dct: <http://purl.org/dc/terms/> .\n"
        "@prefix hgp: <https://w3id.org/herstelgraph/profile/> .\n"
        f"hgp:t a hg:Curriculum ; dct:conformsTo <{expand(y.split(':')[0] + ':scheme')}> ;\n"
        "  hg:module hgp:t-m .\nhgp:t-m hg:learningOutcome hgp:t-lo .\n"
        f"hgp:t-lo hg:alignedTo <{expand(x)}> .\n"
    )
    plain = {i.item: i for i in al.coverage_of(load(extra=[prof], reviews=()), "hgp:t")}
    reviewed = {i.item: i for i in al.coverage_of(load(extra=[prof], reviews=[tmp_path]), "hgp:t")}
    assert plain[y].via == x
    assert reviewed[y].via != x


def test_queue_filters_reviewed_by_anyone_or_nobody(base, records, tmp_path):
    from herstelgraph.curation.review.app import ReviewApp
    from herstelgraph.curation.review.session import QueueFilter

    pair = "bijlage-ii__randvoorwaarden"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    other = _session(base, tmp_path / "a", "pieters", "Piet Pieters")
    me = _session(base, tmp_path / "b", read_dirs=[tmp_path / "a"])
    every = [c.key for c in me.queue(QueueFilter(pair=pair))]
    assert len(every) > 3
    other.decide(every[0], "unsure")  # unsure is a review too
    me = _session(base, tmp_path / "b", read_dirs=[tmp_path / "a"])
    me.decide(every[1], "unsure")
    me.decide(every[2], "unsure")

    def keys(anyone: str, **kw) -> list[str]:
        return [c.key for c in me.queue(QueueFilter(pair=pair, anyone=anyone, **kw))]

    assert keys("reviewed") == every[:3]
    assert keys("none") == every[3:]
    # beside "by others": reviewed by someone, and not by me
    assert keys("reviewed", mine="todo") == every[:1]
    # the app's queue takes it as a parameter, with the progress of the whole queue
    app = ReviewApp(me)
    q = app.queue({"pair": pair, "anyone": "none"})
    assert [i["key"] for i in q["items"]] == every[3:]
    assert [i["key"] for i in app.queue({"pair": pair, "anyone": "reviewed"})["items"]] == every[:3]


def test_reviewed_only_and_min_confidence(base, records, tmp_path):
    from herstelgraph.curation.sssom import review_status

    # a link between two requirement items (a link to an example-only item leaves a gap)
    counted = {c for st in review_status(base).values() for s in st.values() for c in s}
    links = sorted((r for r in records if r.object != "sssom:NoTermFound"), key=lambda r: r.record)
    rec = next(
        r
        for r in links
        if fw(r.subject) == "bk-0597-1"
        and fw(r.object) == "valente-2023"
        and r.predicate.startswith("skos:")
        and {r.subject, r.object} <= counted
    )
    s = _session(base, tmp_path)
    s.decide(rec.key, "confirm")
    store = load(reviews=[tmp_path])
    rows = al.crosswalk(store, "bk-0597-1", "valente-2023", reviewed_only=1)
    assert [r.record for r in rows] == [rec.record]
    assert al.crosswalk(store, "bk-0597-1", "valente-2023", reviewed_only=2) == []
    # gaps under reviewed-only: every bk item but rec's subject is a gap into valente
    gaps = {g.item for g in al.gaps(store, "bk-0597-1", "valente-2023", reviewed_only=1)}
    assert rec.subject not in gaps
    assert len(gaps) > len(al.gaps(store, "bk-0597-1", "valente-2023")) + 10
    # min confidence: every row at least the threshold, and fewer rows
    full = al.crosswalk(base, "bk-0597-1", "valente-2023")
    high = al.crosswalk(base, "bk-0597-1", "valente-2023", min_confidence=0.8)
    assert high and len(high) < len(full)
    assert all(r.confidence is None or r.confidence >= 0.8 for r in high)
    assert len(high) == sum(1 for r in full if r.confidence >= 0.8)
    assert al.crosswalk(base, "bk-0597-1", "valente-2023", min_confidence=None) == full
    with pytest.raises(ParameterError):
        MappingFilter(min_confidence=1.5)
    with pytest.raises(ParameterError):
        MappingFilter(reviewed_only=-1)


def test_cli_reviewed_only_and_min_confidence(base, run_cli, tmp_path):
    code, out, _ = run_cli(
        "crosswalk", "bk-0597-1", "valente-2023", "--reviewed-only", "--format", "csv"
    )
    assert code == 0 and out.strip().count("\n") == 0, "nobody reviewed: only the header"
    code, out, _ = run_cli(
        "crosswalk", "bk-0597-1", "valente-2023", "--min-confidence", "0.6", "--format", "json"
    )
    import json

    rows = json.loads(out)
    assert code == 0 and rows and all(r["confidence"] >= 0.6 for r in rows)
    code, _, err = run_cli("gaps", "bk-0597-1", "valente-2023", "--min-confidence", "2")
    assert code == 2 and "tussen 0 en 1" in err


def _three_decisions(base, records, folder: Path) -> dict[str, str]:
    """A confirm, a reject and a change on bijlage-ii -> bk-0597-1 links (record by kind)."""
    links = sorted(
        (
            r
            for r in records
            if fw(r.subject) == "bijlage-ii"
            and fw(r.object) == "bk-0597-1"
            and r.predicate in ("skos:closeMatch", "skos:broadMatch", "skos:narrowMatch")
        ),
        key=lambda r: r.record,
    )
    s = _session(base, folder)
    confirm, reject, change = links[0], links[1], links[2]
    s.decide(confirm.key, "confirm")
    s.decide(reject.key, "reject", reason="theme-only")
    new = "skos:relatedMatch"
    s.decide(change.key, "change", relation=new, rule="hgrule:R-REL-1")
    return {"confirm": confirm.record, "reject": reject.record, "change": change.record}


def _wait_for_store(cache: Path) -> Path:
    """The persisted store folder, once written (a slow build writes it from a detached
    process while the CLI answers)."""
    import time

    from herstelgraph.store import persist

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = [p for p in cache.glob("store-*") if (p / persist.MANIFEST).is_file()]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError("no persisted store was written")


def test_cli_answers_the_same_from_the_persisted_store(
    base, records, tmp_path, run_cli, monkeypatch
):
    """Run 1 builds the store, runs 2 and 3 open it from disk: --reviewed-only,
    --min-confidence and the site's badges answer as ``load()`` does, every run."""
    import json

    from herstelgraph.store import persist

    folder = tmp_path / "reviews"
    folder.mkdir()
    made = _three_decisions(base, records, folder)
    cache = tmp_path / "cache"
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(cache))
    api = load(reviews=[folder])
    want_reviewed = al.crosswalk(api, "bijlage-ii", "bk-0597-1", reviewed_only=1)
    want_conf = al.crosswalk(api, "bijlage-ii", "bk-0597-1", min_confidence=0.8)
    # the confirmed record and the reviewer's new one (the change); the rejected one never
    assert made["confirm"] in {r.record for r in want_reviewed}
    assert len(want_reviewed) == 2
    assert made["reject"] not in {r.record for r in want_conf}
    # the change: the reviewer's relation (no confidence: kept by --min-confidence)
    changed = [r for r in want_conf if r.record == made["change"]]
    assert [(r.relation, r.confidence) for r in changed] == [("skos:relatedMatch", None)]

    def ask(*argv: str) -> list:
        code, out, err = run_cli("--reviews", str(folder), *argv, "--format", "json")
        assert code == 0, err
        return [(r["record"], r["relation"]) for r in json.loads(out)]

    def rows(answer) -> list:
        return [(r.record, r.relation) for r in answer]

    stamps = None
    for run in range(3):
        reviewed = ask("crosswalk", "bijlage-ii", "bk-0597-1", "--reviewed-only")
        assert reviewed == rows(want_reviewed), f"run {run + 1}"
        confident = ask("crosswalk", "bijlage-ii", "bk-0597-1", "--min-confidence", "0.8")
        assert confident == rows(want_conf), f"run {run + 1}"
        site = tmp_path / f"site{run}"
        code, _, err = run_cli("--reviews", str(folder), "site", "-o", str(site))
        assert code == 0, err
        pages = "".join(p.read_text() for p in (site / "nl" / "concepts").rglob("*.html"))
        assert "bevestigd door 1 beoordelaar(s)" in pages, f"run {run + 1}"
        figures = (site / "nl" / "coverage.html").read_text()
        assert "Expertbeoordeling" in figures and "1 beoordelaar(s)" in figures
        store = _wait_for_store(cache)
        assert (store / persist.STATE).is_file()
        now = {p.name: p.stat().st_mtime_ns for p in store.iterdir()}
        if stamps is not None:  # opened, not rebuilt
            assert {k: now[k] for k in stamps if k != persist.MANIFEST} == {
                k: v for k, v in stamps.items() if k != persist.MANIFEST
            }
        stamps = now
    assert [p.read_bytes() for p in sorted((tmp_path / "site0").rglob("*.html"))] == [
        p.read_bytes() for p in sorted((tmp_path / "site2").rglob("*.html"))
    ]
    # with a file of one's own (kept off the site): the same pages, reviews applied
    profile = ROOT / "examples" / "03-valid-person-profile.ttl"
    site = tmp_path / "site-data"
    code, _, err = run_cli(
        "--reviews", str(folder), "--data", str(profile), "site", "-o", str(site)
    )
    assert code == 0, err
    assert [p.read_bytes() for p in sorted(site.rglob("*.html"))] == [
        p.read_bytes() for p in sorted((tmp_path / "site0").rglob("*.html"))
    ]


# ---------------------------------------------------------------------------- figures
def test_cohen_kappa_hand_computed():
    # 10 items, two categories. A says yes on 1-6, B on 1-5 and 7.
    # p_o = 8/10; p_A(yes) = .6, p_B(yes) = .6 -> p_e = .36 + .16 = .52
    # kappa = (.8 - .52) / .48 = 0.58333
    a = ["y"] * 6 + ["n"] * 4
    b = ["y"] * 5 + ["n", "y"] + ["n"] * 3
    kappa, po, pe = cohen_kappa(list(zip(a, b, strict=True)))
    assert (po, round(pe, 4), round(kappa, 5)) == (0.8, 0.52, 0.58333)
    assert cohen_kappa([("y", "y"), ("y", "y")])[0] is None, "p_e = 1: undefined"
    assert cohen_kappa([("y", "n"), ("n", "y")])[0] == -1.0


def test_krippendorff_alpha_hand_computed():
    # Krippendorff (2011) §A nominal example (4 coders, 12 units, missing values): alpha = 0.743
    data = [
        [1, 1, None, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2],
        [1, 2, 3, 4], [4, 4, 4, 4], [1, 1, 2, 1], [2, 2, 2, 2], [None, 5, 5, 5],
        [None, None, 1, 1], [None, None, 3, None],
    ]  # fmt: skip
    units = [[str(v) for v in u if v is not None] for u in data]
    alpha, n = krippendorff_alpha(units)
    assert round(alpha, 3) == 0.743 and n == 40
    # two raters, 4 units: [a,a] [a,b] [b,b] [b,b]: o_aa=2, o_ab=o_ba=1, o_bb=4, n_a=3, n_b=5
    # alpha = 1 - (8-1) * 2 / (3*5*2) = 1 - 14/30 = 0.5333
    alpha, n = krippendorff_alpha([["a", "a"], ["a", "b"], ["b", "b"], ["b", "b"]])
    assert (round(alpha, 4), n) == (0.5333, 8)
    assert krippendorff_alpha([["a", "a"], ["a"]])[0] is None


def test_alpha_agrees_with_the_krippendorff_package():
    kr = pytest.importorskip("krippendorff")
    import random

    import numpy as np

    rng = random.Random(17)
    for _ in range(20):
        raters, units = rng.randint(2, 4), rng.randint(3, 15)
        table = [[rng.choice([0, 1, 2, None]) for _ in range(units)] for _ in range(raters)]
        by_unit = [[str(row[u]) for row in table if row[u] is not None] for u in range(units)]
        ours, _ = krippendorff_alpha(by_unit)
        arr = np.array([[np.nan if v is None else v for v in row] for row in table], dtype=float)
        try:
            ref = kr.alpha(reliability_data=arr, level_of_measurement="nominal")
        except (ValueError, ZeroDivisionError):
            continue
        if ours is None or np.isnan(ref):
            continue
        assert ours == pytest.approx(ref, abs=1e-9)


def test_stats_counts_agreement_and_disagreements(base, records, tmp_path, run_cli, monkeypatch):
    import json

    links = [r for r in records if r.object != "sssom:NoTermFound"][:3]
    a = _session(base, tmp_path, "jansen", "Jan")
    for r in links:
        a.decide(r.key, "confirm")
    b = _session(base, tmp_path, "pietersen", "Piet")
    b.decide(links[0].key, "confirm")
    b.decide(links[1].key, "confirm")
    b.decide(links[2].key, "reject", reason="too-broad")
    result = review_stats(
        merged_view(records, read_decisions((f, None) for f in sorted(tmp_path.glob("*.tsv"))))
    )
    kappa = next(x for x in result.agreement if x.measure == "cohen-kappa")
    # categories: jansen c,c,c; pietersen c,c,r -> p_o = 2/3, p_e = 1*2/3 = 2/3 -> kappa 0
    assert (kappa.items, kappa.observed, kappa.value) == (3, 0.6667, 0.0)
    assert [d.subject for d in result.disagreements] == [links[2].subject]
    assert sum(c.reviewed for c in result.counts) == 3
    code, out, _ = run_cli("review", "stats", "--reviews", str(tmp_path), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["reviewers"] == ["hgagent:jansen", "hgagent:pietersen"]
    assert {a["measure"] for a in data["agreement"]} == {"cohen-kappa", "krippendorff-alpha"}
    code, out, _ = run_cli("review", "stats", "--reviews", str(tmp_path), "--format", "csv")
    assert (
        out.splitlines()[0]
        .lstrip("\ufeff")
        .startswith("subject_framework,object_framework,relation,records")
    )
    # a link a reviewer added (this item matches X) is counted under its own words
    nm = next(r for r in records if r.object == "sssom:NoTermFound")
    c = _session(base, tmp_path, "derksen", "Dirk")  # a new file: the others were read
    target = next(x for x, sc in c.schemes.items() if sc == nm.object_source)
    c.decide(nm.key, "disagree", target=target, rule="hgrule:R-REL-1")
    monkeypatch.setenv("COLUMNS", "250")  # no cell wrapped
    code, out, _ = run_cli("--lang", "nl", "review", "stats", "--reviews", str(tmp_path))
    assert code == 0 and "toegevoegd bij beoordeling" in out and "added in review" not in out
    code, out, _ = run_cli("--lang", "en", "review", "stats", "--reviews", str(tmp_path))
    assert code == 0 and "added in review" in out


# ---------------------------------------------------------------------------- the sheet
def test_xlsx_round_trip(base, records, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from herstelgraph.curation.review.session import QueueFilter
    from herstelgraph.curation.review.sheet import export_xlsx, import_xlsx, sheet_reviewer

    folder = tmp_path / "reviews"
    folder.mkdir()
    s = _session(base, folder)
    sheet = tmp_path / "sheet.xlsx"
    n = export_xlsx(s, sheet, QueueFilter(pair="bijlage-ii__randvoorwaarden"))
    wb = openpyxl.load_workbook(sheet)
    ws = wb["review"]
    assert ws.max_row == n + 1 and n > 20
    head = [c.value for c in ws[1]]
    assert head[:3] == ["sleutel", "kaderpaar", "item links"] and "besluit" in head
    assert ws.protection.sheet, "texts are locked"
    col = {h: i + 1 for i, h in enumerate(head)}
    assert ws.cell(row=2, column=col["tekst links"]).protection.locked
    assert not ws.cell(row=2, column=col["besluit"]).protection.locked
    targets = {str(r) for dv in ws.data_validations.dataValidation for r in dv.sqref.ranges}
    letters = {
        openpyxl.utils.get_column_letter(col[h]) for h in ("besluit", "reden", "nieuwe relatie")
    }
    assert {t[0] for t in targets} == letters
    assert wb["lists"].sheet_state == "hidden"
    # related has three rubric rules: the dropdown offers it once per rule, never without
    relations = [c.value for c in wb["lists"]["C"] if c.value]
    related = [r for r in relations if "skos:relatedMatch" in r]
    assert related == [f"verwant aan (skos:relatedMatch, R-REL-{i})" for i in (1, 2, 3)]
    assert sheet_reviewer(sheet) == ("hgagent:jansen", "Jan Jansen")
    # no text cell starts like a formula
    for row in ws.iter_rows(min_row=2, values_only=True):
        assert not any(isinstance(v, str) and v[:1] in "=+-@" for v in row)
    # fill in: confirm, reject with reason, change, no-match agree
    rows = {ws.cell(row=r, column=col["sleutel"]).value: r for r in range(2, ws.max_row + 1)}
    links = [k for k in rows if "NoTermFound" not in k]
    nm = next(k for k in rows if "NoTermFound" in k)
    ws.cell(row=rows[links[0]], column=col["besluit"]).value = "bevestigen"
    ws.cell(row=rows[links[1]], column=col["besluit"]).value = "afwijzen"
    ws.cell(row=rows[links[1]], column=col["reden"]).value = "alleen een gedeeld thema"
    ws.cell(row=rows[links[2]], column=col["besluit"]).value = "relatie wijzigen"
    ws.cell(
        row=rows[links[2]], column=col["nieuwe relatie"]
    ).value = "komt grotendeels overeen met (skos:closeMatch)"
    ws.cell(row=rows[nm], column=col["besluit"]).value = "eens: niets past"
    ws.cell(row=rows[nm], column=col["commentaar"]).value = "=1+1"
    wb.save(sheet)
    assert import_xlsx(s, sheet) == 4
    mine = s.mine
    assert mine[links[0]].kind == K.CONFIRM
    assert (mine[links[1]].kind, mine[links[1]].reason) == (K.REJECT, "theme-only")
    assert (mine[links[2]].kind, mine[links[2]].stance) == (K.CHANGE, "skos:closeMatch")
    assert (mine[nm].kind, mine[nm].comment) == (K.AGREE, "=1+1")
    # the exported sheet of the decided records shows the comment neutralised
    export_xlsx(s, tmp_path / "again.xlsx", QueueFilter(pair="bijlage-ii__randvoorwaarden"))
    again = openpyxl.load_workbook(tmp_path / "again.xlsx")["review"]
    comments = [
        again.cell(row=r, column=col["commentaar"]).value for r in range(2, again.max_row + 1)
    ]
    assert "'=1+1" in comments


def test_xlsx_import_lists_every_row_error_and_writes_nothing(base, tmp_path, run_cli):
    openpyxl = pytest.importorskip("openpyxl")
    folder = tmp_path / "reviews"
    folder.mkdir()
    sheet = tmp_path / "sheet.xlsx"
    code, _, err = run_cli(
        "review", "export", "--reviewer", "jansen", "--label", "Jan", "--reviews", str(folder),
        "-o", str(sheet), "--pair", "bijlage-ii__randvoorwaarden", "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    wb = openpyxl.load_workbook(sheet)
    ws = wb["review"]
    head = [c.value for c in ws[1]]
    col = {h: i + 1 for i, h in enumerate(head)}
    keys = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
    link_rows = [r for r, k in enumerate(keys, start=2) if "NoTermFound" not in k]
    nm_rows = [r for r, k in enumerate(keys, start=2) if "NoTermFound" in k]
    ws.cell(row=link_rows[0], column=col["decision"]).value = "reject"  # no reason
    ws.cell(row=link_rows[1], column=col["decision"]).value = "maybe"  # not a decision
    ws.cell(row=link_rows[2], column=col["decision"]).value = "confirm"  # fine
    ws.cell(row=nm_rows[0], column=col["decision"]).value = "matches item"
    ws.cell(row=nm_rows[0], column=col["matches item (ID)"]).value = "bk:kennis-01"  # wrong fw
    # a right item, but related without the rubric rule the new link meets
    from herstelgraph.curation.review.records import split_key

    scheme = split_key(keys[nm_rows[1] - 2])[2]
    right = next(c for c, sc in _session(base, folder).schemes.items() if sc == scheme)
    ws.cell(row=nm_rows[1], column=col["decision"]).value = "matches item"
    ws.cell(row=nm_rows[1], column=col["matches item (ID)"]).value = right
    wb.save(sheet)
    code, _, err = run_cli("--lang", "en", "review", "import", str(sheet), "--reviews", str(folder))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 5, err
    letter = openpyxl.utils.get_column_letter
    expected = [
        f"sheet 'review', row {nm_rows[0]}, column {letter(col['matches item (ID)'])}",
        f"sheet 'review', row {nm_rows[1]}, column {letter(col['new relation'])} (new relation)"
        ": choose in 'new relation' the relation with the rubric rule",
        f"sheet 'review', row {link_rows[0]}, column {letter(col['reason'])} (reason)",
        f"sheet 'review', row {link_rows[1]}, column {letter(col['decision'])} (decision): 'maybe'",
    ]
    ordered = sorted(expected, key=lambda e: int(e.split("row ")[1].split(",")[0]))
    for want, line in zip(ordered, lines, strict=False):
        assert want in line, (want, line)
    assert "nothing was imported" in lines[4]
    # a Dutch run (the default) says every row error in Dutch
    code, _, err = run_cli("review", "import", str(sheet), "--reviews", str(folder))
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 5, err
    assert "de relatie met de rubricregel die de nieuwe mapping volgt" in err
    row = link_rows[1]
    assert f"blad 'review', rij {row}, kolom {letter(col['decision'])} (decision): " in err
    assert "'maybe' is geen besluit; kies er een uit de lijst" in err
    assert "een afwijzing heeft een reden nodig" in err
    assert "er is niets geïmporteerd" in lines[4]
    assert not (folder / "jansen.sssom.tsv").exists()
    code, _, err = run_cli("review", "export", "--reviewer", "Jansen!", "-o", str(sheet))
    assert code == 2 and "beoordelaar 'Jansen!': geef een ORCID" in err


# ---------------------------------------------------------------------------- the app
def test_api_refuses_other_hosts_and_writes_without_the_token(base, records, tmp_path):
    import http.client
    import json

    from herstelgraph.curation.review.app import ReviewApp, ReviewServer

    app = ReviewApp(_session(base, tmp_path))
    server = ReviewServer(app, 0)
    server.start()
    port = server.server_address[1]
    try:
        key = next(r.key for r in records if r.object != "sssom:NoTermFound")

        def req(method, path, body=None, headers=None):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            conn.close()
            return resp.status, data

        status, page = req("GET", "/")
        assert status == 200 and app.token.encode() in page
        status, _ = req("GET", "/api/session", headers={"Host": "evil.example:80"})
        assert status == 403
        body = json.dumps({"key": key, "decision": "confirm"})
        status, _ = req("POST", "/api/decide", body, {"Content-Type": "application/json"})
        assert status == 403 and not (tmp_path / "jansen.sssom.tsv").exists()
        status, data = req("POST", "/api/decide", body, {"X-Review-Token": app.token})
        assert status == 200 and json.loads(data)["mine"]["decision"] == "confirm"
        assert (tmp_path / "jansen.sssom.tsv").exists()
    finally:
        server.shutdown()
        server.server_close()


def test_cli_starts_on_loopback_prints_url_and_stops_on_ctrl_c(tmp_path):
    import json
    import re
    import urllib.request

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from herstelgraph.cli import run; run()", "--lang", "en", "review",
         "--reviewer", "jansen", "--label", "Jan Jansen", "--reviews", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        line = proc.stdout.readline()
        m = re.match(r"herstelgraph review: (http://127\.0\.0\.1:(\d+)/)$", line.strip())
        assert m, line
        with urllib.request.urlopen(m.group(1) + "api/session", timeout=10) as resp:
            assert json.load(resp)["reviewer"]["id"] == "hgagent:jansen"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
        assert proc.returncode == 0, err
        assert "stopped; every decision is in" in out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


# ---------------------------------------------------------------------------- the site
def test_site_shows_review_badges_and_figures(tmp_path):
    from herstelgraph.publish.site import build_site

    fixture = ROOT / "tests" / "fixtures" / "publish"
    files = [
        ROOT / "ontology" / "herstelgraph.ttl",
        fixture / "frameworks.ttl",
        fixture / "mappings.ttl",
    ]
    plain = load(files=files)
    links = [r for r in curated_records(plain) if r.object != "sssom:NoTermFound"]
    assert len(links) >= 2
    folder = tmp_path / "reviews"
    folder.mkdir()
    s = ReviewSession(plain, parse_reviewer("jansen", "Jan"), folder, today="2026-12-03")
    s.decide(links[0].key, "confirm")
    out = tmp_path / "site"
    build_site(load(files=files, reviews=[folder]), out)
    confirmed_only = {p.relative_to(out): p.read_text() for p in out.rglob("*.html")}
    # the site speaks Dutch (nl/) and English (en/): the review status in words, both trees
    pages = "".join(p.read_text() for p in (out / "en" / "concepts").rglob("*.html"))
    assert "confirmed by 1 reviewer(s)" in pages and "not reviewed" in pages
    pages = "".join(p.read_text() for p in (out / "nl" / "concepts").rglob("*.html"))
    assert "bevestigd door 1 beoordelaar(s)" in pages and "niet beoordeeld" in pages
    coverage = (out / "en" / "coverage.html").read_text()
    assert "Expert review" in coverage and "1 reviewer(s)" in coverage
    coverage = (out / "nl" / "coverage.html").read_text()
    assert "Expertbeoordeling" in coverage and "1 beoordelaar(s)" in coverage
    assert "<th class='num'>Bevestigd</th>" in coverage

    # the reviewer now rejects the first link and changes the second: the change is a
    # record the reviewer made (in the user graph), which is no user data to keep off the
    # site: the badges stay, and the rejected link stays off the pages
    rejected, changed = links[0], links[1]
    folder = tmp_path / "reviews2"  # the first file is an input of this process now
    folder.mkdir()
    s = ReviewSession(plain, parse_reviewer("jansen", "Jan"), folder, today="2026-12-04")
    s.decide(rejected.key, "reject", reason="theme-only")
    s.decide(changed.key, "change", relation="skos:relatedMatch", rule="hgrule:R-REL-1")
    out = tmp_path / "site2"
    build_site(load(files=files, reviews=[folder]), out)
    concepts = sorted((out / "nl" / "concepts").rglob("*.html"))
    pages = "".join(p.read_text() for p in concepts)
    assert "relatie gewijzigd bij beoordeling door 1 beoordelaar(s)" in pages
    assert "afgewezen" not in pages and "bevestigd" not in pages
    # the rejected link's subject had it in its table (confirmed), and now has none
    subject = Path("nl", "concepts", fw(rejected.subject), rejected.subject.split(":")[1] + ".html")
    assert "bevestigd door 1" in confirmed_only[subject]
    assert "<tr" not in (out / subject).read_text()
    coverage = (out / "nl" / "coverage.html").read_text()
    assert "<th class='num'>Afgewezen</th>" in coverage
    # the link the reviewer made has no confidence: the page shows none (not an invented
    # 1,00), and so does the SSSOM export (an empty cell, no sssom:confidence triple)
    page = (out / Path("nl", "concepts", fw(changed.subject),
                       changed.subject.split(":")[1] + ".html")).read_text()  # fmt: skip
    assert "geen zekerheid opgegeven" in page
    from herstelgraph.curation.sssom import _fmt_conf
    from herstelgraph.publish.export import mapping_records

    made = [r for r in mapping_records(load(files=files, reviews=[folder])) if r.confidence is None]
    assert [(r.subject_id, r.predicate_id) for r in made] == [
        (changed.subject, "skos:relatedMatch")
    ]
    assert _fmt_conf(None) == ""


def test_predicted_candidates_are_reviewable_and_count_once_confirmed(base, records, tmp_path):
    from herstelgraph.curation.review.session import QueueFilter

    linked = {(r.subject, r.object) for r in records} | {(r.object, r.subject) for r in records}
    from herstelgraph.curation.sssom import graph_index

    labels, _ = graph_index(base)
    bk = sorted(c for c in labels if c.startswith("bk:kennis-"))
    rv = sorted(c for c in labels if c.startswith("rv:"))
    pair = next((a, b) for a in bk for b in rv if (a, b) not in linked)
    predicted = tmp_path / "predicted.sssom.tsv"
    predicted.write_text(
        "# curie_map:\n#   bk: https://w3id.org/herstelgraph/bk-0597-1/\n"
        "#   rv: https://w3id.org/herstelgraph/randvoorwaarden/\n"
        "#   skos: http://www.w3.org/2004/02/skos/core#\n"
        "# mapping_set_id: https://example.org/predicted.sssom.tsv\n"
        "subject_id\tpredicate_id\tobject_id\tmapping_justification\tsimilarity_score\tcomment\n"
        f"{pair[0]}\tskos:relatedMatch\t{pair[1]}\tsemapv:CompositeMatching\t0.61\t"
        "predicted, not reviewed (rank 1)\n"
    )
    folder = tmp_path / "reviews"
    folder.mkdir()
    s = _session(base, folder, predicted=[predicted])
    queue = s.queue(QueueFilter(source="predicted"))
    assert [c.key for c in queue] == [f"{pair[0]} {pair[1]}"]
    assert queue[0].effective is None, "a prediction is not in force until confirmed"
    s.decide(queue[0].key, "confirm")
    rows = al.crosswalk(load(reviews=[folder]), "bk-0597-1", "randvoorwaarden")
    row = next(r for r in rows if (r.a_item, r.b_item) == pair)
    assert row.justification == "semapv:MappingReview" and row.confidence is None


def test_an_installed_package_asks_for_a_folder_of_ones_own(run_cli, tmp_path, monkeypatch):
    """From a wheel the default review folder is inside the package: refused in one line
    that says what to do, in Dutch by default, naming the option and the setting."""
    from herstelgraph.curation.review import records

    monkeypatch.delenv("HERSTELGRAPH_REVIEWS", raising=False)
    monkeypatch.setattr(records, "installed", lambda: True)
    sheet = tmp_path / "r.xlsx"
    args = ("review", "export", "--reviewer", "jansen", "--label", "Jan", "-o", str(sheet))
    code, _out, err = run_cli(*args)
    assert code == 2 and len(err.strip().splitlines()) == 1 and not sheet.exists()
    assert "noem een eigen map voor de reviewbestanden" in err
    assert "(--reviews DIR, of $HERSTELGRAPH_REVIEWS)" in err
    code, _out, err = run_cli("--lang", "en", *args)
    assert "name a folder of your own for the review files" in err
    assert "(--reviews DIR, or $HERSTELGRAPH_REVIEWS)" in err


def test_the_sheet_never_replaces_a_review_file(tmp_path, run_cli):
    """A reviewer's decisions are never lost to `review export -o`: the sheet is a
    workbook (.xlsx only: it was written under any name), and a name that leads to a
    review file (a link to one, too) is refused before any work, the file untouched."""
    folder = tmp_path / "reviews"
    folder.mkdir()
    mine = folder / "jansen.sssom.tsv"
    mine.write_bytes(b"# kept\n")
    (tmp_path / "sheet.xlsx").symlink_to(mine)
    base = ("review", "export", "--reviewer", "jansen", "--label", "Jan", "--reviews", str(folder))
    for out, says in (
        (mine, "schrijf het beoordelingsblad als .xlsx"),
        (tmp_path / "r.csv", "schrijf het beoordelingsblad als .xlsx"),
        (tmp_path / "sheet.xlsx", "is een invoer van deze opdracht"),
    ):
        code, _out, err = run_cli(*base, "-o", str(out), "--pair", "bijlage-ii__randvoorwaarden")
        assert code == 2 and says in err and len(err.strip().splitlines()) == 1, err
    assert mine.read_bytes() == b"# kept\n" and not (tmp_path / "r.csv").exists()


def test_an_unknown_pair_is_refused_and_a_pair_read_in_either_order(tmp_path, run_cli):
    folder = tmp_path / "reviews"
    folder.mkdir()
    base = ("review", "export", "--reviewer", "jansen", "--label", "Jan", "--reviews", str(folder))
    code, _out, err = run_cli(*base, "-o", str(tmp_path / "a.xlsx"), "--pair", "foo__bar")
    assert code == 2 and "onbekend paar 'foo__bar'" in err and not (tmp_path / "a.xlsx").exists()
    one = run_cli(*base, "-o", str(tmp_path / "b.xlsx"), "--pair", "bijlage-ii__randvoorwaarden")
    two = run_cli(*base, "-o", str(tmp_path / "c.xlsx"), "--pair", "randvoorwaarden__bijlage-ii")
    assert one[0] == two[0] == 0 and one[2].split(": ", 2)[-1] == two[2].split(": ", 2)[-1]
    assert " 0 records" not in one[2]
