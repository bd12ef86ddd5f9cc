"""SHACL shapes: self-contained cases (data + '# expect:' lines) for every rule, both engines.

Each file in tests/fixtures/shapes/{graph,profiles}/ is validated together with a miniature
of the frameworks (fixtures/shapes/mini-frameworks.ttl); its '# expect:' lines list the
results as 'Severity subject key', where subject is the item concerned (else the profile,
else the focus node) and key 'path/ConstraintComponent', or the shape for node-level rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from herstelgraph.checks.validate import (
    COVER_RULES,
    generate_profile_shapes,
    profile_shapes_for,
    read_profiles,
    render_report,
    validate_files,
    validate_graph,
    validate_profiles,
)
from herstelgraph.io.serialize import canonical_file_text
from herstelgraph.store import load

from conftest import ROOT

HG = "https://w3id.org/herstelgraph/def#"

FIX = ROOT / "tests" / "fixtures" / "shapes"
MINI = FIX / "mini-frameworks.ttl"
CORE = ROOT / "ontology" / "herstelgraph.ttl"
PROFILE_CASES = sorted((FIX / "profiles").glob("*.ttl"))
GRAPH_CASES = sorted((FIX / "graph").glob("*.ttl"))


def expected(path: Path) -> set[tuple[str, str, str]]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# expect: (.*)", line)
        if m and m.group(1).strip() != "none":
            sev, subject, key = m.group(1).split()
            out.add((sev, subject, key))
    return out


def actual(report) -> set[tuple[str, str, str]]:
    return {
        (
            r.severity,
            r.item or r.profile or r.focus,
            f"{r.path}/{r.constraint}" if r.path else r.shape,
        )
        for r in report.results
    }


@pytest.fixture(scope="module")
def mini_store():
    return load(files=[CORE, MINI], closure=True)


@pytest.fixture(scope="module")
def mini_shapes(mini_store):
    return profile_shapes_for(mini_store)


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
@pytest.mark.parametrize("case", PROFILE_CASES, ids=[p.stem for p in PROFILE_CASES])
def test_profile_case(case, engine, mini_store, mini_shapes):
    profiles = read_profiles(mini_store, [case])
    report = validate_profiles(mini_store, profiles, "en", mini_shapes, engine=engine)
    assert actual(report) == expected(case)
    assert report.conforms == (not any(s == "Violation" for s, _, _ in expected(case)))


@pytest.mark.parametrize("case", GRAPH_CASES, ids=[p.stem for p in GRAPH_CASES])
def test_graph_case(case):
    store = load(files=[CORE, MINI, case], closure=True)
    assert actual(validate_graph(store)) == expected(case)


#: for each rule family, a case where a profile it applies to claims the framework and passes
PASSING_TWINS = {
    "bk": ["role-bk-all-covered", "curriculum-bk-activities", "person-bk-restatement",
           "team-bk-members-qualified"],
    "bk-knowledge": ["curriculum-bk-activities"],
    "bk-context": ["role-bk-all-covered", "role-bk-context-parts"],
    "valente-each": ["person-valente-individual-covered", "person-valente-named-example",
                     "team-valente-complete"],
    "valente-exempt": ["person-valente-ervaringsdeskundige", "person-valente-individual-covered"],
    "valente-curriculum": ["curriculum-valente-individual-covered"],
    "valente-specialism": ["team-valente-specialism-covered", "team-valente-no-specialism"],
    "valente-methods": ["team-valente-methods-example", "team-valente-methods-called-in",
                        "team-valente-no-specialism"],
    "valente-team-skills": ["team-valente-complete"],
    "valente-organisation": ["organisation-valente-complete"],
    "valente-organisation-belang": ["organisation-valente-complete"],
    "bijlage-ii": ["person-bijlage-ii-covered"],
    "rv-organisation": ["organisation-rv-complete"],
    "rv-curriculum": ["curriculum-rv-covered"],
}  # fmt: skip


@pytest.fixture(scope="module")
def all_results(mini_store, mini_shapes):
    """Every case's results (fast engine), by case name."""
    out = {}
    for case in PROFILE_CASES:
        profiles = read_profiles(mini_store, [case])
        out[case.stem] = validate_profiles(mini_store, profiles, "en", mini_shapes).results
    return out


def test_every_rule_family_fails_and_passes(all_results):
    """Each family of generated rules has a case that breaks it and one that keeps it while
    claiming its framework; the notices have a case each too."""
    assert set(PASSING_TWINS) == {rule.id for rule in COVER_RULES}
    fired = {r.shape for results in all_results.values() for r in results if r.shape}
    for rule in COVER_RULES:
        prefix = f"hg:cover-{rule.id}-"
        assert any(s.startswith(prefix) and not s.startswith(prefix + "belang") for s in fired), (
            f"no case breaks {rule.id}"
        )
        scheme = rule.scheme
        for twin in PASSING_TWINS[rule.id]:
            assert twin in all_results, twin
            text = (FIX / "profiles" / f"{twin}.ttl").read_text(encoding="utf-8")
            assert f"dct:conformsTo {scheme}" in text, (twin, scheme)
            assert not [r for r in all_results[twin] if (r.shape or "").startswith(prefix)], twin
    assert any(s.startswith("hg:norules-") for s in fired)
    assert "hg:TeamOtherSpecialismShape" in fired and "hg:CalledInShape" in fired


#: for each rule family and each kind of profile it applies to (a team too when a team's claim
#: checks its members): a case where such a profile claims the framework and breaks the rule,
#: and one where it claims it and keeps it
FAMILY_CASES = {
    "bk": {
        "RoleProfile": ("role-bk-missing-two", "role-bk-all-covered"),
        "PersonProfile": ("person-bk-gap", "person-bk-restatement"),
        "Curriculum": ("curriculum-bk-partial-activities", "curriculum-bk-activities"),
        "TeamProfile": ("team-bk-members", "team-bk-members-qualified"),
    },
    "bk-knowledge": {"Curriculum": ("curriculum-bk-no-knowledge", "curriculum-bk-activities")},
    "bk-context": {"RoleProfile": ("role-bk-no-context", "role-bk-context-parts")},
    "valente-each": {
        "PersonProfile": ("person-valente-individual-gap", "person-valente-individual-covered"),
        "RoleProfile": ("role-valente-gap", "role-valente-covered"),
        "TeamProfile": ("team-valente-member-gap", "team-valente-complete"),
    },
    "valente-exempt": {
        "PersonProfile": (
            "person-valente-professional-without-k2", "person-valente-ervaringsdeskundige"
        ),
        "RoleProfile": ("role-valente-gap", "role-valente-ervaringsdeskundige"),
        "TeamProfile": ("team-valente-member-without-k2", "team-valente-complete"),
    },
    "valente-curriculum": {
        "Curriculum": ("curriculum-valente-individual-gap", "curriculum-valente-individual-covered")
    },
    "valente-specialism": {
        "TeamProfile": ("team-valente-specialism-gap", "team-valente-specialism-covered")
    },
    "valente-methods": {
        "TeamProfile": ("team-valente-methods-gap", "team-valente-methods-example")
    },
    "valente-team-skills": {
        "TeamProfile": ("team-valente-no-higher-skill", "team-valente-complete")
    },
    "valente-organisation": {
        "OrganisationProfile": ("organisation-valente-gap", "organisation-valente-complete")
    },
    "valente-organisation-belang": {
        "OrganisationProfile": ("organisation-valente-belang-gap", "organisation-valente-complete")
    },
    "bijlage-ii": {
        "PersonProfile": ("person-bijlage-ii-gap", "person-bijlage-ii-covered"),
        "RoleProfile": ("role-bijlage-ii-gap", "role-bijlage-ii-covered"),
        "TeamProfile": ("team-bijlage-ii-members", "team-bijlage-ii-members-covered"),
    },
    "rv-organisation": {"OrganisationProfile": ("organisation-rv-gap", "organisation-rv-complete")},
    "rv-curriculum": {"Curriculum": ("curriculum-rv-gap", "curriculum-rv-covered")},
}  # fmt: skip


@pytest.mark.parametrize("rule", COVER_RULES, ids=[r.id for r in COVER_RULES])
def test_every_rule_family_fails_and_passes_for_each_kind_of_profile(rule, all_results):
    """Each kind of profile a family applies to has a case on each side: the profile of that
    kind claims the framework, and the family's rule fires (on it, or on a member of the
    team) in one case and not in the other."""
    kinds = set(rule.targets) | ({"TeamProfile"} if rule.via_team else set())
    assert set(FAMILY_CASES[rule.id]) == kinds
    prefix = f"hg:cover-{rule.id}-"
    for kind, cases in FAMILY_CASES[rule.id].items():
        for case, breaks in zip(cases, (True, False), strict=True):
            text = (FIX / "profiles" / f"{case}.ttl").read_text(encoding="utf-8")
            claim = rf"a hg:{kind} ;[^.]*dct:conformsTo {re.escape(rule.scheme)}\b"
            assert re.search(claim, text), (case, kind, "claims nothing")
            fired = [
                r for r in all_results[case]
                if (r.shape or "").startswith(prefix) and not r.shape.startswith(prefix + "belang")
            ]  # fmt: skip
            assert bool(fired) == breaks, (rule.id, kind, case)
            if breaks and kind != "TeamProfile":
                assert {r.profile_type for r in fired} == {kind}, (rule.id, case)


def test_every_hand_written_rule_fails_somewhere_and_clean_cases_exist(all_results):
    """Every constraint of shapes/profiles.ttl is broken by some case; every kind of profile has
    a case that passes every rule."""
    from rdflib import Graph, URIRef

    sh = "http://www.w3.org/ns/shacl#"
    g = Graph()
    g.parse(ROOT / "shapes" / "profiles.ttl")
    holders = {
        s for s, p, _ in g
        if str(p) in {sh + c for c in ("minCount", "maxCount", "class", "nodeKind", "in", "or")}
        and isinstance(s, URIRef)
    }  # fmt: skip
    fired = {r.shape for results in all_results.values() for r in results}
    missing = {g.namespace_manager.normalizeUri(s) for s in holders} - fired
    assert not missing, f"no case breaks {sorted(missing)}"
    clean = {name for name, results in all_results.items() if not results}
    for kind in ("role", "person", "curriculum", "team", "organisation"):
        assert any(name.startswith(kind + "-") for name in clean), kind
    severities = {r.severity for results in all_results.values() for r in results}
    assert severities == {"Violation", "Warning", "Info"}


@pytest.mark.parametrize("case", PROFILE_CASES, ids=[p.stem for p in PROFILE_CASES])
def test_engines_agree_in_both_languages(case, mini_store, mini_shapes):
    """pyshacl and the fast engine give the same results, messages included, in Dutch and in
    English; each message is the shape's own in that language, and the two differ."""
    from rdflib import Graph, Literal, URIRef

    def key(r):
        focus = r.focus if not r.focus.startswith("_:") else ""
        fields = (r.severity, r.profile, focus, r.item, r.constraint, r.shape, r.message)
        return tuple(f or "" for f in fields)

    messages = {}
    for lang in ("nl", "en"):
        runs = [
            validate_profiles(mini_store, read_profiles(mini_store, [case]), lang, mini_shapes,
                              engine=engine).results
            for engine in ("fast", "pyshacl")
        ]  # fmt: skip
        assert sorted(map(key, runs[0])) == sorted(map(key, runs[1]))
        messages[lang] = sorted((r.shape or "", r.focus, r.message) for r in runs[0])
        g: Graph = mini_shapes
        for r in runs[0]:
            shape = URIRef(r.shape.replace("hg:", "https://w3id.org/herstelgraph/def#"))
            own = {str(m) for m in g.objects(shape, URIRef("http://www.w3.org/ns/shacl#message"))
                   if isinstance(m, Literal) and m.language == lang}  # fmt: skip
            assert r.message in own, (r.shape, lang, r.message)
    for (_, _, nl), (_, _, en) in zip(messages["nl"], messages["en"], strict=True):
        assert nl != en


@pytest.mark.parametrize("lang,word,other", [("en", "violation", "overtreding"),
                                             ("nl", "overtreding", "violation")])  # fmt: skip
def test_report_language(lang, word, other, mini_store, mini_shapes):
    case = FIX / "profiles" / "role-bk-missing-two.ttl"
    report = validate_profiles(mini_store, read_profiles(mini_store, [case]), lang, mini_shapes)
    text = render_report(report, "text", lang)
    assert word in text and other not in text
    marker = {"en": "BK-0597-1 asks for competency", "nl": "BK-0597-1 vraagt "
              "competentie"}[lang]  # fmt: skip
    assert all(marker in r.message for r in report.results)
    assert text.startswith({"en": "Role profile hgp:role", "nl": "Functieprofiel hgp:role"}[lang])
    assert text.endswith(
        {
            "en": "2 violations, 0 warnings, 0 info: does not conform\n",
            "nl": "2 overtredingen, 0 waarschuwingen, 0 info: voldoet niet\n",
        }[lang]
    )


@pytest.mark.parametrize(
    "case,lang,head,tail",
    [
        ("curriculum-rv-gap", "nl", "Curriculum hgp:c “Opleiding”",
         "1 overtreding, 0 waarschuwingen, 0 info: voldoet niet"),
        ("team-valente-no-higher-skill", "nl", "Teamprofiel hgp:team “Team”",
         "0 overtredingen, 1 waarschuwing, 0 info: voldoet"),
        ("organisation-valente-gap", "en", "Organisation profile hgp:org “Stichting Onderdak”",
         "1 violation, 0 warnings, 0 info: does not conform"),
        ("curriculum-bijlage-ii-claim", "nl", "Curriculum hgp:c “Opleiding”",
         "0 overtredingen, 0 waarschuwingen, 1 info: geen overtredingen, maar niet alles is "
         "gecontroleerd: geen regels voor dit kader (zie boven)"),
        ("person-rv-claim", "en", "Person profile hgp:anna “Anna”",
         "0 violations, 0 warnings, 1 info: no violations, but not everything was checked: no "
         "rules for this framework (see above)"),
    ],
)  # fmt: skip
def test_report_heads_and_verdict(case, lang, head, tail, mini_store, mini_shapes):
    """A report is headed by the kind of profile, counts in the right number, and never says
    'voldoet' of a claim no rule checks."""
    path = FIX / "profiles" / f"{case}.ttl"
    report = validate_profiles(mini_store, read_profiles(mini_store, [path]), lang, mini_shapes)
    lines = render_report(report, "text", lang).splitlines()
    assert lines[0] == head and lines[-1] == tail
    assert report.unchecked == ("claim" in case)


@pytest.mark.parametrize("name", ["graph.ttl", "profiles.ttl"])
def test_every_shape_has_messages_in_both_languages_and_a_source(name):
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCTERMS

    sh = "http://www.w3.org/ns/shacl#"
    g = Graph()
    g.parse(ROOT / "shapes" / name)
    constraint_holders = set()
    for s, p, _ in g:
        local = str(p).removeprefix(sh)
        if str(p).startswith(sh) and local in {
            "minCount", "maxCount", "class", "datatype", "nodeKind", "minInclusive", "in",
            "maxInclusive", "hasValue", "pattern", "or", "not", "disjoint", "equals",
            "uniqueLang", "qualifiedMinCount", "select",
        }:  # fmt: skip
            constraint_holders.add(s)
    nested = (
        set(g.objects(None, URIRef(sh + "not")))
        | {m for lst in g.objects(None, URIRef(sh + "or")) for m in g.items(lst)}
        | set(g.objects(None, URIRef(sh + "qualifiedValueShape")))
    )
    for s in constraint_holders - nested:
        langs = {m.language for m in g.objects(s, URIRef(sh + "message"))}
        assert {"nl", "en"} <= langs, f"{name}: shape {s} lacks sh:message in nl and en"
    for shape in g.subjects(URIRef(str(URIRef(sh + "targetClass"))), None):
        assert (shape, DCTERMS.source, None) in g, f"{shape} names no source"


def test_generated_shapes_are_up_to_date():
    """shapes/profiles-generated.ttl and ontology/roles.ttl are what the generator makes from
    the shipped graph now."""
    from herstelgraph.checks.rules import generate_role_profiles
    from herstelgraph.io.serialize import canonical_turtle

    store = load(closure=False)
    for path, graph in (
        (ROOT / "shapes" / "profiles-generated.ttl", generate_profile_shapes(store)),
        (ROOT / "ontology" / "roles.ttl", generate_role_profiles(store)),
    ):
        text = canonical_turtle(graph)
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run make shapes"
        assert canonical_file_text(path) == text


def test_shipped_role_profiles_keep_the_rules_and_cite_their_sources(seeds):
    """The role profiles the sources define pass the rules of the framework they claim, with
    no warning; each requirement cites a sentence of its source, verbatim, and no level."""
    from rdflib import Literal, URIRef

    from conftest import SEED_OF, normalise, parse_ttl

    path = ROOT / "ontology" / "roles.ttl"
    store = load()
    report = validate_files(store, [path], "en")
    assert report.violations == 0 and report.warnings == 0 and report.unchecked == 0, [
        r.message for r in report.results
    ][:5]
    g = parse_ttl(path)
    reqs = set(g.objects(None, URIRef(HG + "requirement")))
    assert len(reqs) == 87 + 19 + 17 + 2 * 34
    texts = [normalise((seeds / f).read_text(encoding="utf-8")) for f in SEED_OF.values()]
    for req in reqs:
        quotes = [o for o in g.objects(req, URIRef(HG + "sourceText")) if isinstance(o, Literal)]
        assert len(quotes) == 1 and quotes[0].language == "nl", req
        assert any(normalise(str(quotes[0])) in t for t in texts), (req, str(quotes[0]))
        assert (req, URIRef(HG + "requiredLevel"), None) not in g
    for o in g.objects():
        if isinstance(o, Literal) and o.language == "nl":
            assert any(normalise(str(o)) in t for t in texts), str(o)


def test_compare_roles_answers_from_a_fresh_install(run_cli):
    """No --data: the shipped role profiles answer what the ervaringsdeskundige adds."""
    code, out, err = run_cli("compare-roles", "--format", "json")
    assert code == 0, err
    import json

    rows = json.loads(out)
    status = {r["concept"]: r["status"] for r in rows}
    assert status["bk:competentie-08"] == "adds"
    assert status["valente:kennis-ervaringsdeskundigheid-inzetten"] == "only-other"
    assert status["bijlage2:competentie-01"] == "shared"


def test_shipped_graph_conforms():
    """`make test` validates the shipped graph with 0 violations (needs the framework files)."""
    from herstelgraph.resources import data_dir

    frameworks = [p for p in data_dir("ontology").glob("*.ttl") if p.name != "herstelgraph.ttl"]
    assert frameworks, "no framework files in ontology/: the shipped graph is not there yet"
    report = validate_graph(load())
    problems = [f"{r.focus} {r.path or ''}: {r.message}" for r in report.results
                if r.severity == "Violation"]  # fmt: skip
    assert report.violations == 0, "\n".join(problems[:30])


def test_shipped_generated_shapes_cover_bk_competencies():
    """The generated file holds one BK rule per competency (11 once BK-0597-1 is shipped)."""
    text = (ROOT / "shapes" / "profiles-generated.ttl").read_text(encoding="utf-8")
    n = len(set(re.findall(r"hg:cover-bk-competentie-\d+", text)))
    assert n == 11, f"{n} BK competency rules generated; expected 11 (is bk-0597-1.ttl shipped?)"


def test_generated_shapes_serialize_stably(mini_store, tmp_path):
    """Generated shapes with items are canonical Turtle that re-serialises to itself."""
    from herstelgraph.io.serialize import canonical_turtle

    path = tmp_path / "generated.ttl"
    path.write_text(canonical_turtle(generate_profile_shapes(mini_store)), encoding="utf-8")
    once = canonical_file_text(path)
    path.write_text(once, encoding="utf-8")
    assert canonical_file_text(path) == once
    # one shape per family and item of the fixture: bk 3, bk-knowledge 2, bk-context 1,
    # valente-each 5, valente-exempt 1, valente-curriculum 6, valente-specialism 2,
    # valente-team-skills 1, the organisation 1 + 1, bijlage-ii 3, rv 1 + 1; the specialism
    # notice 1; no-rules notices 11 (bk: organisation; bijlage2: curriculum, organisation; rv:
    # role, person, team; nk: all five)
    assert once.count("a sh:NodeShape") == 3 + 2 + 1 + 5 + 1 + 6 + 2 + 1 + 2 + 3 + 2 + 1 + 11


def _shipped_shapes():
    from rdflib import Graph

    g = Graph()
    for name in ("profiles.ttl", "profiles-generated.ttl"):
        g.parse(ROOT / "shapes" / name)
    return g


def test_messages_speak_the_users_words():
    """No RDF in what users read (property names, 'IRI', 'blank node'), and no anglicisms."""
    from rdflib import Literal, URIRef

    g = _shipped_shapes()
    messages = [m for m in g.objects(None, URIRef("http://www.w3.org/ns/shacl#message"))
                if isinstance(m, Literal)]  # fmt: skip
    assert messages
    rdf_words = re.compile(r"\b(hg|sh|rdf|rdfs|dct|skos):[A-Za-z]|\bIRI\b|blan(co|k) (knoop|node)")
    bad = [str(m) for m in messages if rdf_words.search(str(m))]
    assert not bad, bad[:5]
    dutch = [str(m) for m in messages if m.language == "nl"]
    assert not [m for m in dutch if re.search(r"\bdek(t|ken)\b", m)], "'dekt … niet' is English"
    assert not [m for m in dutch if "(of snel in te schakelen)" in m]


def test_every_source_quote_is_verbatim(seeds):
    """Every Dutch source sentence a rule cites (hg:sourceText @nl) stands in a source text."""
    from rdflib import Literal, URIRef

    from conftest import SEED_OF, normalise

    texts = [normalise((seeds / f).read_text(encoding="utf-8")) for f in SEED_OF.values()]
    g = _shipped_shapes()
    quotes = {str(o) for o in g.objects(None, URIRef(HG + "sourceText"))
              if isinstance(o, Literal) and o.language == "nl"}  # fmt: skip
    assert len(quotes) > 20
    missing = [q for q in quotes if not any(normalise(q) in t for t in texts)]
    assert not missing, missing
    untagged = [o for o in g.objects(None, URIRef(HG + "sourceText")) if o.language != "nl"]
    assert not untagged, "hg:sourceText on a rule is a quote (@nl), not a description"


def test_every_valente_organisation_item_has_its_sentence(store):
    """Valente's items for the organisation each have a severity and sentence (rules.py), and
    the table names no item the graph lacks."""
    from herstelgraph.checks.rules import VALENTE_ORGANISATION
    from herstelgraph.ids import compact

    rows = store.select(
        "SELECT ?c WHERE { ?c skos:inScheme valente:scheme ; hg:appliesAt hg:Organisation "
        "FILTER NOT EXISTS { ?c hg:isExample true } }"
    )
    assert {compact(r["c"].value) for r in rows} == set(VALENTE_ORGANISATION)
    assert {sev for sev, _ in VALENTE_ORGANISATION.values()} == {"Violation", "Warning"}


def test_shipped_rules_per_family():
    """The shipped graph's rule families, counted: a change in the frameworks shows here."""
    text = (ROOT / "shapes" / "profiles-generated.ttl").read_text(encoding="utf-8")
    shapes = set(re.findall(r"^hg:(cover-[a-z0-9-]+|norules-[A-Za-z0-9-]+)$", text, re.M))

    def n(prefix):
        return len([s for s in shapes if s.startswith(prefix)])

    assert n("cover-bk-competentie") == 11
    assert n("cover-bk-knowledge-") == 47
    assert n("cover-bk-context-") == 3  # Omgevingscontext, Handelingscontext, Autonomie
    assert n("cover-valente-exempt-") == 2  # K1 and K2
    assert n("cover-valente-team-skills-") == 1
    # the inferred items and the five methods named only by example ('zoals', 'bijvoorbeeld')
    # are not asked on their own; the two specialisms with only examples get one rule each
    assert n("cover-valente-specialism-") == 11
    assert n("cover-valente-methods-") == 2
    assert n("cover-valente-organisation-") == 8
    assert n("cover-rv-curriculum-") == 1
    assert n("cover-rv-organisation-") == 11
    assert n("cover-bijlage-ii-") == 14 + 20
    assert "norules-bijlage2-Curriculum" in shapes and "norules-rv-PersonProfile" in shapes
