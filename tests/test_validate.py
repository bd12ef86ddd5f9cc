"""`herstelgraph validate`: exit codes, formats, languages, inputs; the shipped examples."""

from __future__ import annotations

import json

import pytest

from herstelgraph.cli import main

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "shapes"
MINI = str(FIX / "mini-frameworks.ttl")
INPUTS = FIX / "inputs"
EXAMPLES = sorted((ROOT / "examples").glob("[0-9][0-9]-*.ttl"))


def run(capsys, *args):
    # English unless a test asks for Dutch (the default follows the locale)
    code = main(["--lang", "en", "--data", MINI, *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_conforming_profile_exits_0(capsys):
    code, out, err = run(capsys, "validate", FIX / "profiles" / "role-no-claim-partial.ttl")
    assert code == 0, err
    assert "0 violations" in out and "conforms" in out


def test_warnings_alone_still_exit_0(capsys):
    code, out, _ = run(capsys, "validate", FIX / "profiles" / "role-without-role.ttl")
    assert code == 0
    assert "warning:" in out


def test_violations_exit_1_grouped_by_profile_and_item(capsys):
    code, out, _ = run(capsys, "validate", FIX / "profiles" / "requirement-errors.ttl")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith("Role profile hgp:role “Fouten”")
    assert "  bk:competentie-99" in lines
    assert "does not conform" in lines[-1]


def test_dutch_report(capsys):
    code, out, _ = run(
        capsys, "validate", "--lang", "nl", FIX / "profiles" / "team-structural-errors.ttl"
    )
    assert code == 1
    assert "Teamprofiel hgp:leeg" in out and "overtreding:" in out and "voldoet niet" in out
    assert out.splitlines()[-1] == "3 overtredingen, 0 waarschuwingen, 0 info: voldoet niet"


def test_json_report(capsys):
    code, out, _ = run(
        capsys, "validate", "--format", "json", FIX / "profiles" / "curriculum-bijlage-ii-claim.ttl"
    )
    assert code == 0
    data = json.loads(out)
    assert data["conforms"] is True and data["infos"] == 1 and data["unchecked"] == 1
    assert data["results"][0]["severity"] == "Info"
    assert data["results"][0]["profile_type"] == "Curriculum"
    assert "shacl_report" not in data


def test_turtle_report_is_a_shacl_validation_report(capsys):
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    code, out, _ = run(
        capsys, "validate", "--format", "turtle", FIX / "profiles" / "requirement-errors.ttl"
    )
    assert code == 1
    g = Graph().parse(data=out, format="turtle")
    sh = "http://www.w3.org/ns/shacl#"
    assert len(list(g.subjects(RDF.type, URIRef(sh + "ValidationReport")))) == 1
    assert len(list(g.subjects(RDF.type, URIRef(sh + "ValidationResult")))) == 7  # "drie": once


def test_jsonld_profile(capsys):
    code, out, err = run(capsys, "validate", INPUTS / "role-profile.jsonld")
    assert code == 0, out + err


def test_curriculum_csv_is_validated_directly(capsys):
    """Read without importing; structurally sound, but it claims no framework, so it is told
    so and does not pass (issue 19: no false pass)."""
    code, out, err = run(capsys, "validate", INPUTS / "curriculum-ok.csv")
    assert code == 1, out + err
    assert "0 violations" in out and "claims no framework: nothing to check against" in out
    # the summary counts the warning it shows and never says "conforms" on an exit 1
    summary = [line for line in out.splitlines() if line.startswith("0 violations")]
    assert summary == ["0 violations, 1 warning, 0 info: does not conform"], out
    assert "--conforms-to FRAMEWORK" in out.splitlines()[-1]
    code, out, _ = run(capsys, "validate", "--format", "json", INPUTS / "curriculum-ok.csv")
    answer = json.loads(out)
    assert code == 1 and answer["passed"] is False and answer["conforms"] is True
    code, out, _ = run(capsys, "validate", "--lang", "nl", INPUTS / "curriculum-ok.csv")
    assert "0 overtredingen, 1 waarschuwing, 0 info: voldoet niet" in out.splitlines()


@pytest.mark.parametrize(
    "name,needle",
    [
        ("malformed.ttl", "malformed.ttl:6:"),  # file:line:column, as every reader says it
        (
            "remote-context.jsonld",
            "remote JSON-LD @context 'https://example.org/context.jsonld' refused",
        ),
        (
            "curriculum-unknown-id.csv",
            "curriculum-unknown-id.csv:3:4: row 3, column D ('items'), value "
            "'bk:competentie-42': unknown ID",
        ),
        ("missing.ttl", "missing.ttl: cannot read"),
    ],
)
def test_unreadable_input_exits_2_with_one_located_line(capsys, name, needle):
    code, out, err = run(capsys, "validate", INPUTS / name)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and needle in err, err
    assert "Traceback" not in err


def test_no_file_is_a_usage_error(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and "no FILE given" in err


def test_both_engines_agree_on_every_example():
    """The fast engine and pyshacl give the same results on the shipped examples."""
    from herstelgraph.checks.validate import profile_shapes_for, validate_files
    from herstelgraph.store import load

    store = load(extra=[FIX / "mini-frameworks.ttl"])
    shapes = profile_shapes_for(store)
    for path in EXAMPLES:
        a = validate_files(store, [path], shapes=shapes, engine="fast")
        b = validate_files(store, [path], shapes=shapes, engine="pyshacl")

        def key(r):
            focus = r.focus if not r.focus.startswith("_:") else ""
            return (r.severity, focus, r.item or "", r.constraint, r.message)

        assert sorted(map(key, a.results)) == sorted(map(key, b.results)), path.name


@pytest.mark.parametrize(
    "path", [p for p in EXAMPLES if "-invalid-" in p.name], ids=lambda p: p.name
)
def test_invalid_examples_fail(path, capsys):
    code, out, _ = run(capsys, "validate", path)
    assert code == 1, out


@pytest.mark.parametrize("path", [p for p in EXAMPLES if "-valid-" in p.name], ids=lambda p: p.name)
def test_valid_examples_conform_to_the_shipped_graph(path, capsys):
    """Needs the shipped frameworks (bk-0597-1.ttl, nk-2017.ttl): fails clearly without them.
    Institutes copy the examples: a valid one draws no warning either (information is allowed:
    the team example calls expertise in, and the report says so)."""
    code = main(["validate", "--format", "json", str(path)])
    out = capsys.readouterr()
    assert code == 0, f"{path.name} should conform to the shipped graph:\n{out.out}{out.err}"
    data = json.loads(out.out)
    assert data["warnings"] == 0 and data["unchecked"] == 0, out.out


def test_examples_cover_every_profile_kind():
    kinds = {"role-profile", "person-profile", "curriculum", "team-profile", "organisation-profile"}
    for validity in ("valid", "invalid"):
        have = {k for k in kinds if any(f"-{validity}-{k}" in p.name for p in EXAMPLES)}
        assert have == kinds, validity
    assert (ROOT / "examples" / "curriculum-modules.csv").is_file()


def test_validating_many_profiles_is_one_batch():
    """2,000 generated profiles validate in one call (benchmarks/run.py times this call;
    speed is measured there, not asserted here)."""
    import pyoxigraph as ox

    from herstelgraph.checks.validate import profile_shapes_for, validate_profiles
    from herstelgraph.store import load

    store = load(files=[ROOT / "ontology" / "herstelgraph.ttl", FIX / "mini-frameworks.ttl"])
    shapes = profile_shapes_for(store)
    hg, bk = "https://w3id.org/herstelgraph/def#", "https://w3id.org/herstelgraph/bk-0597-1/"
    rdfs, dct = "http://www.w3.org/2000/01/rdf-schema#", "http://purl.org/dc/terms/"
    lines = []
    for i in range(2000):
        p = f"<https://w3id.org/herstelgraph/profile/p{i}>"
        lines.append(
            f'{p} a <{hg}PersonProfile> ; <{rdfs}label> "p{i}" ; <{dct}conformsTo> <{bk}scheme> .'
        )
        for c in (1, 2) if i % 2 else (1, 2, 3):
            lines.append(
                f"{p} <{hg}proficiency> _:b{i}x{c} . _:b{i}x{c} <{hg}concept> "
                f'<{bk}competentie-0{c}> ; <{hg}proficiencyLevel> 3 ; <{hg}evidence> "e" .'
            )
    data = ox.Store()
    data.load("\n".join(lines).encode(), format=ox.RdfFormat.TURTLE)
    report = validate_profiles(store, data, shapes=shapes)
    assert report.violations == 1000  # every odd profile lacks C3


def test_a_team_claim_to_the_qualification_is_checked_per_member(capsys):
    """Two members with 2 and 1 of the fixture's 3 competencies do not make a qualified team:
    each member is reported with what they lack."""
    from herstelgraph.checks.validate import profile_shapes_for, validate_files
    from herstelgraph.store import load

    store = load(files=[ROOT / "ontology" / "herstelgraph.ttl", FIX / "mini-frameworks.ttl"])
    report = validate_files(
        store, [FIX / "profiles" / "team-bk-members.ttl"], shapes=profile_shapes_for(store)
    )
    assert not report.conforms
    lacks = {(r.profile, r.item) for r in report.results}
    assert lacks == {
        ("hgp:anna", "bk:competentie-03"),
        ("hgp:bert", "bk:competentie-01"),
        ("hgp:bert", "bk:competentie-02"),
    }


@pytest.mark.parametrize(
    "text", ["", "# only a comment\n", "<http://e.org/a> <http://e.org/b> 1 .\n"]
)
def test_a_file_without_a_profile_is_an_input_error_not_a_pass(tmp_path, run_cli, text):
    """An empty file, or one with triples but no profile, never reports "conforms"."""
    path = tmp_path / "profile.ttl"
    path.write_text(text, encoding="utf-8")
    code, out, err = run_cli("validate", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "bevat geen profiel" in err and str(path) in err
    code, out, err = run_cli("--lang", "en", "validate", str(path))
    assert code == 2 and "holds no profile" in err and "nothing to validate" in err


@pytest.mark.parametrize(
    "name, text, line",
    [
        ("broken.ttl", '@prefix hg: <https://w3id.org/x#> .\n\nhg:a hg:b "open .\n', 3),
        ("broken.nt", '<urn:x:a> <urn:x:b> <urn:x:c> .\n<urn:x:a> <urn:x:b> "x .\n', 2),
        ("broken.jsonld", '{\n  "@id": "urn:x:a",\n  "urn:x:b": [\n}\n', 4),
    ],
)
def test_a_malformed_profile_is_an_input_file_error_with_its_place(
    tmp_path, capsys, name, text, line
):
    """issue 13: the error names file, line and column as fields, not only in its words."""
    from herstelgraph import load
    from herstelgraph.checks.validate import read_profiles
    from herstelgraph.errors import InputFileError

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputFileError) as err:
        read_profiles(load(files=[MINI], closure=False), [path])
    assert (err.value.path, err.value.line) == (str(path), line)
    assert err.value.column is not None and err.value.column >= 1
    assert str(err.value).startswith(f"{path}:{line}:{err.value.column}: ")
    assert "fix the syntax there" in err.value.reason
    code, _, stderr = run(capsys, "validate", path)
    assert code == 2 and f"{path}:{line}:" in stderr and "Traceback" not in stderr


def test_an_unreadable_profile_is_an_input_file_error(tmp_path):
    from herstelgraph import load
    from herstelgraph.checks.validate import read_profiles
    from herstelgraph.errors import InputFileError

    with pytest.raises(InputFileError) as err:
        read_profiles(load(files=[MINI], closure=False), [tmp_path / "missing.ttl"])
    assert err.value.path == str(tmp_path / "missing.ttl") and err.value.line is None
    assert "cannot read" in err.value.reason
    (tmp_path / "folder.ttl").mkdir()
    with pytest.raises(InputFileError, match="is a folder"):
        read_profiles(load(files=[MINI], closure=False), [tmp_path / "folder.ttl"])
    with pytest.raises(InputFileError, match="unknown profile format"):
        read_profiles(load(files=[MINI], closure=False), [tmp_path])


def test_language_and_engine_are_enums_and_their_values_still_work():
    """issue 13: validate_profiles takes Language and Engine; the strings keep working."""
    from herstelgraph import Engine, Language, load, validate_profiles
    from herstelgraph.checks.validate import read_profiles
    from herstelgraph.errors import InputError
    from herstelgraph.model import to_json

    store = load(files=[ROOT / "ontology" / "herstelgraph.ttl", MINI], closure=False)
    data = read_profiles(store, [FIX / "profiles" / "requirement-errors.ttl"])
    typed = validate_profiles(store, data, Language.NL, engine=Engine.FAST)
    plain = validate_profiles(store, data, "nl", engine="fast")
    assert to_json(typed) == to_json(plain) and typed.violations > 0
    english = validate_profiles(store, data, Language.EN, engine=Engine.AUTO)
    assert english.violations == typed.violations and to_json(english) != to_json(typed)
    with pytest.raises(InputError, match="unknown engine"):
        validate_profiles(store, data, engine="quick")
    with pytest.raises(InputError, match="unknown language"):
        validate_profiles(store, data, "de")


def test_a_file_named_twice_is_validated_once(tmp_path, run_cli):
    """`validate a.ttl a.ttl` (or a.ttl and a link to it) is a.ttl's report, not "holds no
    profile" for its second reading."""
    profile = ROOT / "examples" / "01-valid-role-profile.ttl"
    link = tmp_path / "link.ttl"
    link.symlink_to(profile)
    alone = run_cli("validate", str(profile))
    assert alone[0] == 0
    assert run_cli("validate", str(profile), str(profile)) == alone
    assert run_cli("validate", str(profile), str(link)) == alone
