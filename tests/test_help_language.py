"""The command line's own texts follow the run's language (Dutch first): ``--help`` of every
verb, click's usage errors and the ``fout:``/``waarschuwing:`` prefixes (cli/dutch.py)."""

from __future__ import annotations

import pathlib
import re

import click
import pytest

from herstelgraph.cli.dutch import CLICK, CLICK_MESSAGES, TEXTS, dutch, key
from herstelgraph.cli.main import cli


def _walk():
    """(command path, command, context) for the group and every verb and sub-verb."""
    # as the CLI makes it (-h too): click caches a command's help option
    root = click.Context(cli, info_name="herstelgraph", **cli.context_settings)
    found = []

    def visit(command: click.Command, ctx: click.Context, path: str) -> None:
        found.append((path, command, ctx))
        if isinstance(command, click.Group):
            for name in command.list_commands(ctx):
                sub = command.get_command(ctx, name)
                assert sub is not None, name
                visit(sub, click.Context(sub, info_name=name, parent=ctx), f"{path} {name}")

    visit(cli, root, "herstelgraph")
    return found


def _texts():
    """Every English text a help shows: (where, text)."""
    for path, command, ctx in _walk():
        for text in (command.help, command.short_help):
            if text:
                yield path, text
        for param in command.get_params(ctx):  # with click's --help and --version
            text = getattr(param, "help", None)  # an Argument has help from click 8.5
            if text:
                yield f"{path} {param.name}", text


def test_every_command_and_parameter_has_its_dutch_text():
    """A new verb or option cannot slip through in English: its help needs a Dutch text."""
    missing = [f"{where}: {text!r}" for where, text in _texts() if dutch(text) is None]
    assert not missing, "add to cli/dutch.py TEXTS:\n" + "\n".join(missing)


def test_no_dutch_text_is_left_without_its_english():
    """An English text that changed leaves its old key behind: remove it (and translate the
    new one)."""
    used = {key(text) for _, text in _texts()}
    assert sorted(set(TEXTS) - used) == []


@pytest.mark.parametrize("english", sorted(TEXTS))
def test_a_dutch_text_keeps_the_literals(english):
    """Option names, variables, file names and code literals are not translated."""
    literal = re.compile(
        r"--[a-z][a-z-]*"  # an option
        r"|\$[A-Z_]+"  # a variable
        r"|[\w.-]+/[\w/.-]*"  # a path
        r"|(?<![\w.])\.[a-z]+(?:\.[a-z]+)*"  # a suffix
        r"|\b[a-z]+:[\w-]+"  # a CURIE
        r"|\b[a-z]+-\d+(?:-\d+)?"  # a framework
    )
    dutch_text = TEXTS[english]
    kept = {"role/person/team": "rol-, persoons- en team"}  # words, not a path
    for token in set(literal.findall(english)):
        assert kept.get(token, token) in dutch_text, token


def test_clicks_words_are_the_ones_this_click_writes():
    """A click that rewords a message or heading shows here, not as English in a Dutch run."""
    source = "".join(
        p.read_text(encoding="utf-8") for p in pathlib.Path(click.__file__).parent.glob("*.py")
    )
    for english in [*CLICK_MESSAGES, *CLICK]:
        written = english.replace("\n", "\\n").replace("\t", "\\t")
        assert f'"{written}"' in source, english


# ----------------------------------------------------------------------------- --help
def _english_env(monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def test_a_verbs_help_is_dutch_by_default(run_cli):
    code, out, err = run_cli("gaps", "--help")
    assert code == 0 and err == ""
    assert out.startswith("Gebruik: herstelgraph gaps [OPTIONS] A B\n")
    flat = " ".join(out.split())
    assert "Eisen (items) van A zonder mapping naar B" in flat
    assert "Opties:" in out and "-h, --help Toon deze hulp en stop." in flat
    assert "Uitvoerformaat [standaard: table;" in flat
    for english in ("Usage:", "Options:", "Show this message", "Output format"):
        assert english not in out


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "en", "gaps", "--help"),
        ("gaps", "--lang", "en", "--help"),
        ("--lang", "nl", "gaps", "--lang", "en", "--help"),
        ("--lang", "en", "--help"),
    ],
    ids=["global", "verb", "verb-wins", "group"],
)
def test_the_help_is_english_with_lang_en(run_cli, args):
    code, out, _ = run_cli(*args)
    assert code == 0 and out.startswith("Usage: herstelgraph ")
    assert "Options:" in out and "Show this message and exit." in out
    assert "Gebruik" not in out and "Opties" not in out


def test_the_help_follows_an_english_locale(run_cli, monkeypatch):
    _english_env(monkeypatch)
    code, out, _ = run_cli("gaps", "--help")
    assert code == 0 and out.startswith("Usage: herstelgraph gaps")
    assert "Requirement items of A" in " ".join(out.split())
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    _, out, _ = run_cli("gaps", "--help")
    assert out.startswith("Gebruik: herstelgraph gaps")


def test_the_help_after_it_keeps_the_language_before_it(run_cli):
    """--lang is read before --help only when it comes first (both are read at once)."""
    _, out, _ = run_cli("gaps", "--help", "--lang", "en")
    assert out.startswith("Gebruik:")


def test_clicks_bracket_is_dutch_too(run_cli):
    _, out, _ = run_cli("hubs", "--help")
    flat = " ".join(out.split())
    assert "Kader om te doorzoeken. [standaard: bk-0597-1]" in flat
    _, out, _ = run_cli("report", "curriculum", "--help")
    assert "[verplicht]" in out and "required" not in out
    _, out, _ = run_cli("--lang", "en", "report", "curriculum", "--help")
    assert "[required]" in out


def test_the_group_lists_its_verbs_in_dutch(run_cli):
    code, out, _ = run_cli("--help")
    assert code == 0 and "\nOpdrachten:\n" in out
    assert re.search(r"\n  hubs +Kennisitems die in veel competenties zijn opgenomen\.\n", out)
    _, out, _ = run_cli("review", "--help")
    assert "\nOpdrachten:\n" in out and "De Engelse vertalingen om te beoordelen" in out


def test_bare_herstelgraph_shows_the_dutch_help(run_cli, monkeypatch):
    code, out, err = run_cli()
    assert code == 2 and out == "" and err.startswith("Gebruik: herstelgraph [OPTIONS] COMMAND")
    assert "Opdrachten:" in err
    _english_env(monkeypatch)
    code, _, err = run_cli()
    assert code == 2 and err.startswith("Usage: herstelgraph [OPTIONS] COMMAND")


def test_the_help_leaves_the_commands_english_after_it(run_cli):
    """The Dutch texts are the commands' only while the help is laid out."""
    run_cli("--help")
    run_cli("review", "--help")
    _, out, _ = run_cli("--lang", "en", "--help")
    assert "Knowledge items that many competencies include." in out
    assert cli.help == "Query, validate and publish the recovery-supporting care frameworks."


# ----------------------------------------------------------------------------- usage errors
USAGE_ERRORS = [
    (["nosuch"], "Opdracht 'nosuch' bestaat niet.", "No such command 'nosuch'."),
    (
        ["gaps", "--sectoin", "x", "a", "b"],
        "Optie '--sectoin' bestaat niet. Bedoelde u '--section'?",
        "No such option '--sectoin'. Did you mean '--section'?",
    ),
    (["gaps", "a"], "Argument 'B' ontbreekt.", "Missing argument 'B'."),
    (
        ["report", "curriculum", "x.csv"],
        "Optie '--framework' ontbreekt.",
        "Missing option '--framework'.",
    ),
    (
        ["gaps", "a", "b", "--format", "x"],
        "Ongeldige waarde voor '--format': 'x' is niet een van 'table', 'json', 'csv', 'xlsx'.",
        "Invalid value for '--format': 'x' is not one of 'table', 'json', 'csv', 'xlsx'.",
    ),
    (
        ["gaps", "a", "b", "--format"],
        "Optie '--format' heeft een waarde nodig.",
        "Option '--format' requires an argument.",
    ),
    (
        ["gaps", "a", "b", "c"],
        "Onverwacht extra argument (c)",
        "Got unexpected extra argument (c)",
    ),
    (
        ["search", "x", "--limit", "-1"],
        "Ongeldige waarde voor '--limit': -1 ligt niet in het bereik x>=0.",
        "Invalid value for '--limit': -1 is not in the range x>=0.",
    ),
    (
        ["hubs", "--min", "1.5"],
        "Ongeldige waarde voor '--min': '1.5' is geen geldig geheel getal.",
        "Invalid value for '--min': '1.5' is not a valid integer.",
    ),
    (
        ["review", "translation", "bk:C2", "--reviewer", "x"],
        "Argument '{label|definition|title}' ontbreekt. Kies uit: label, definition, title",
        "Missing argument '{label|definition|title}'. Choose from: label, definition, title",
    ),
    (
        ["gaps", "a", "b", "--min-confidence", "2"],
        "Ongeldige waarde voor '--min-confidence': een zekerheid ligt tussen 0 en 1, "
        "bijvoorbeeld 0.8",
        "Invalid value for '--min-confidence': a confidence is between 0 and 1, e.g. 0.8",
    ),
]


@pytest.mark.parametrize(
    ("args", "nl", "en"), USAGE_ERRORS, ids=[" ".join(a[0][:2]) for a in USAGE_ERRORS]
)
def test_a_usage_error_is_dutch_by_default_and_english_on_request(run_cli, args, nl, en):
    code, out, err = run_cli(*args)
    assert (code, out, err) == (2, "", f"herstelgraph: fout: {nl}\n")
    code, out, err = run_cli("--lang", "en", *args)
    assert (code, out, err) == (2, "", f"herstelgraph: error: {en}\n")


def test_a_usage_error_follows_an_english_locale(run_cli, monkeypatch):
    _english_env(monkeypatch)
    assert run_cli("nosuch")[2] == "herstelgraph: error: No such command 'nosuch'.\n"


def test_a_message_click_did_not_template_stays_as_it_is():
    from herstelgraph.cli.dutch import message

    assert message("something click never said") == "something click never said"


# ----------------------------------------------------------------------------- prefixes
def test_an_error_says_fout_and_in_english_error(run_cli):
    code, _, err = run_cli("show", "bk:no-such-item")
    assert code == 2 and err.startswith("herstelgraph: fout: ")
    code, _, err = run_cli("--lang", "en", "show", "bk:no-such-item")
    assert code == 2 and err.startswith("herstelgraph: error: ")


def test_a_warning_says_waarschuwing_and_in_english_warning(run_cli, tmp_path):
    path = tmp_path / "tags.jsonld"
    path.write_text(
        '{"@id": "http://x/a", "http://www.w3.org/2004/02/skos/core#prefLabel":\n'
        ' {"@value": "a", "@language": "abcdefghij"}}',
        encoding="utf-8",
    )
    _, _, err = run_cli("check", str(path))
    assert err.startswith(f"herstelgraph: waarschuwing: {path}:2:32: ")
    _, _, err = run_cli("--lang", "en", "check", str(path))
    assert err.startswith(f"herstelgraph: warning: {path}:2:32: ")
