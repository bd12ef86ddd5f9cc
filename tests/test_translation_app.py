"""Reviewing the English translations in the review app and the review sheet (issue 20):
the app's translations view (its API, served on 127.0.0.1) and the workbook's translations
sheet both write the reviewer's ``<reviewer>.translations.tsv`` as ``review translation``
does, so the CLI lists what was decided there and the loaded graph applies it."""

from __future__ import annotations

import http.client
import json
from pathlib import Path

import pytest

from herstelgraph.curation.review import translations as T
from herstelgraph.curation.review.loading import load
from herstelgraph.curation.review.records import parse_reviewer
from herstelgraph.curation.review.session import ReviewSession

LABEL = "SELECT ?l WHERE { ?c skos:prefLabel ?l FILTER(lang(?l) = 'en') }"
DEFINITION = "SELECT ?l WHERE { ?c skos:definition ?l FILTER(lang(?l) = 'en') }"


@pytest.fixture(scope="module")
def base():
    return load(reviews=())


def _session(base, folder: Path, name="jansen", label="Jan Jansen") -> ReviewSession:
    return ReviewSession(
        base, parse_reviewer(name, label), folder, read_dirs=[folder], today="2026-12-03"
    )


def _en(store, query: str, curie: str) -> list[str]:
    import pyoxigraph as ox

    from herstelgraph.ids import expand

    return [r["l"].value for r in store.select(query, {"c": ox.NamedNode(expand(curie))})]


@pytest.fixture
def served(base, tmp_path):
    """The review app on a free port of 127.0.0.1: a client for its API."""
    from herstelgraph.curation.review.app import ReviewApp, ReviewServer

    app = ReviewApp(_session(base, tmp_path))
    server = ReviewServer(app, 0)
    server.start()
    port = server.server_address[1]

    def req(method: str, path: str, body: dict | None = None, token: bool = True):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["X-Review-Token"] = app.token
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        resp = conn.getresponse()
        data = json.loads(resp.read())
        conn.close()
        return resp.status, data

    yield req
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------------------- the app
def test_translation_queue_screen_and_progress(base, served, tmp_path):
    req = served
    status, info = req("GET", "/api/session")
    units = T.units(base)
    assert status == 200 and info["translations"]["total"] == len(units)
    assert info["translations"]["frameworks"][:2] == ["bijlage-ii", "bk-0597-1"]
    # the translation set's own title is no translation to review
    assert not any(s.startswith("https://") for s, _ in units)

    status, q = req("GET", "/api/translations?framework=bk-0597-1&property=label")
    bk_labels = [k for k in units if k[0].startswith("bk:") and k[1] == "skos:prefLabel"]
    assert status == 200 and (q["total"], q["reviewed"]) == (len(bk_labels), 0)
    assert {i["property"] for i in q["items"]} == {"label"}
    assert q["items"][0]["subject"] == "bk:autonomie"  # natural order within the framework

    status, s = req("GET", "/api/translation?subject=bk:competentie-02&property=label")
    assert status == 200
    assert (s["dutch"], s["english"]) == (
        "Werkt interdisciplinair samen",
        "Collaborates in an interdisciplinary way",
    )
    assert s["status"] == "unreviewed" and s["mine"] is None
    assert s["item"]["notation"] == "C2" and s["framework"] == "bk-0597-1"
    assert [x["property"] for x in s["siblings"]] == ["definition"]

    path = tmp_path / "jansen.translations.tsv"
    body = {"subject": "bk:competentie-02", "property": "label", "decision": "confirm"}
    status, _ = req("POST", "/api/translation", body, token=False)
    assert status == 403 and not path.exists(), "a write needs the page's token"
    status, s = req("POST", "/api/translation", {**body, "comment": "klopt"})
    assert status == 200 and s["mine"]["decision"] == "confirm" and s["status"] == "confirmed"
    assert path.is_file()
    status, q = req("GET", "/api/translations?framework=bk-0597-1&property=label")
    assert q["reviewed"] == 1
    status, todo = req("GET", "/api/translations?framework=bk-0597-1&property=label&mine=todo")
    assert len(todo["items"]) == len(bk_labels) - 1
    assert "bk:competentie-02" not in {i["subject"] for i in todo["items"]}
    # the comment alone changes; then the decision is taken back
    status, s = req("POST", "/api/translation", {**body, "decision": "comment", "comment": "ok"})
    assert (s["mine"]["decision"], s["mine"]["comment"]) == ("confirm", "ok")
    status, s = req("POST", "/api/translation", {**body, "decision": "clear"})
    assert status == 200 and s["mine"] is None and s["status"] == "unreviewed"
    assert T.read_file(path, protect=False).decisions == []


def test_bad_requests_are_one_line_errors_and_write_nothing(served, tmp_path):
    req = served
    unit = {"subject": "bk:competentie-02", "property": "label"}
    status, err = req("POST", "/api/translation", {**unit, "decision": "correct"})
    assert status == 400 and err["error"] == "a correction needs the corrected English text"
    status, err = req(
        "POST",
        "/api/translation",
        {**unit, "decision": "correct", "corrected": "Collaborates in an interdisciplinary way"},
    )
    assert status == 400 and "confirm it instead" in err["error"]
    status, err = req("POST", "/api/translation", {**unit, "decision": "maybe"})
    assert status == 400 and "decision 'maybe'" in err["error"]
    status, _ = req("POST", "/api/translation", {**unit, "subject": "bk:nothing"})
    assert status == 404
    status, _ = req("GET", "/api/translation?subject=bk:competentie-02&property=colour")
    assert status == 404
    assert not (tmp_path / "jansen.translations.tsv").exists()


def test_decisions_in_the_app_show_in_the_cli_and_the_loaded_graph(base, served, tmp_path, run_cli):
    req = served
    for body in (
        {"subject": "bk:competentie-02", "property": "label", "decision": "correct",
         "corrected": "Works together across disciplines"},
        {"subject": "bk:competentie-03", "property": "definition", "decision": "reject"},
        {"subject": "bk:competentie-04", "property": "label", "decision": "confirm"},
    ):  # fmt: skip
        status, _ = req("POST", "/api/translation", body)
        assert status == 200
    # the command line adds to the same file (before this process reads it as an input)
    code, _, err = run_cli(
        "review", "translation", "bk:competentie-05", "label", "--reviewer", "jansen",
        "--reject", "--reviews", str(tmp_path),
    )  # fmt: skip
    assert code == 0, err
    code, out, err = run_cli(
        "--reviews", str(tmp_path), "review", "translations", "--framework", "bk-0597-1",
        "--format", "csv",
    )  # fmt: skip
    assert code == 0, err
    rows = {tuple(line.split(",")[:2]): line for line in out.splitlines()}
    assert (
        "corrected,Works together across disciplines,Jan Jansen,2026-12-03"
        in (rows[("bk:competentie-02", "skos:prefLabel")])
    )
    assert ",rejected," in rows[("bk:competentie-03", "skos:definition")]
    assert ",confirmed," in rows[("bk:competentie-04", "skos:prefLabel")]
    assert ",rejected," in rows[("bk:competentie-05", "skos:prefLabel")]
    assert f"4 van {len(T.units(base))} vertalingen door een mens beoordeeld" in err

    store = load(reviews=[tmp_path])
    assert _en(store, LABEL, "bk:competentie-02") == ["Works together across disciplines"]
    assert _en(store, DEFINITION, "bk:competentie-03") == []
    assert _en(store, LABEL, "bk:competentie-05") == []
    assert T.reviewed_units(store)[("bk:competentie-04", "skos:prefLabel")] == (
        "confirm",
        "Jan Jansen",
        "2026-12-03",
    )
    # a new app session shows the command line's decision as the reviewer's own
    from herstelgraph.curation.review.app import ReviewApp

    again = ReviewApp(_session(base, tmp_path))
    assert again.translation_screen("bk:competentie-05", "label")["mine"]["decision"] == "reject"
    assert again.translation_queue({"framework": "bk-0597-1"})["reviewed"] == 4


def test_other_reviewers_decisions_show_and_the_latest_is_in_force(base, tmp_path):
    from herstelgraph.curation.review.app import ReviewApp

    T.decide(
        base, tmp_path, parse_reviewer("de-vries", "B. de Vries"), "bk:competentie-02",
        "label", T.CORRECT, corrected="Cooperates across disciplines", date="2026-12-01",
    )  # fmt: skip
    app = ReviewApp(_session(base, tmp_path))
    s = app.translation_screen("bk:competentie-02", "label")
    assert [(o["reviewer"], o["decision"], o["corrected"]) for o in s["others"]] == [
        ("B. de Vries", "correct", "Cooperates across disciplines")
    ]
    assert s["status"] == "corrected" and s["mine"] is None
    others = app.translation_queue({"framework": "bk-0597-1", "others": "reviewed"})["items"]
    assert [(i["subject"], i["property"]) for i in others] == [("bk:competentie-02", "label")]
    s = app.translation_decide(
        {"subject": "bk:competentie-02", "property": "label", "decision": "confirm"}
    )
    assert s["status"] == "confirmed" and s["in_force"]["reviewer"] == "Jan Jansen"
    assert not (tmp_path / "de-vries.translations.tsv").read_text().count("Jan Jansen")


# ---------------------------------------------------------------------------- the sheet
def _sheet_columns(ws) -> dict[str, int]:
    return {c.value: i + 1 for i, c in enumerate(ws[1])}


def test_sheet_translations_round_trip(base, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from herstelgraph.curation.review.session import QueueFilter
    from herstelgraph.curation.review.sheet import export_xlsx, import_xlsx

    folder = tmp_path / "reviews"
    folder.mkdir()
    s = _session(base, folder)
    sheet = tmp_path / "sheet.xlsx"
    flt = QueueFilter(pair="bijlage-ii__randvoorwaarden")
    export_xlsx(s, sheet, flt)
    wb = openpyxl.load_workbook(sheet)
    assert wb.sheetnames[:2] == ["review", "Vertalingen"]
    ws = wb["Vertalingen"]
    col = _sheet_columns(ws)
    assert list(col)[:5] == ["item", "kader", "tekst", "Nederlands (bron)", "Engels (vertaling)"]
    units = [u for u in T.units(base).values() if u.subject_id.split(":")[0] in ("bijlage2", "rv")]
    assert ws.max_row == len(units) + 1
    assert ws.protection.sheet
    assert ws.cell(row=2, column=col["Engels (vertaling)"]).protection.locked
    assert not ws.cell(row=2, column=col["besluit"]).protection.locked
    assert not ws.cell(row=2, column=col["verbeterde Engelse tekst"]).protection.locked
    (dv,) = ws.data_validations.dataValidation
    letter = openpyxl.utils.get_column_letter(col["besluit"])
    assert str(dv.sqref) == f"{letter}2:{letter}{ws.max_row}"
    lists = wb["lists"]
    assert [lists.cell(row=r, column=4).value for r in range(1, 5)] == [
        "bevestigen", "afwijzen", "verbeteren", "intrekken",
    ]  # fmt: skip
    for row in ws.iter_rows(min_row=2, values_only=True):
        assert not any(isinstance(v, str) and v[:1] in "=+-@" for v in row)

    rows = {
        (ws.cell(row=r, column=col["item"]).value, ws.cell(row=r, column=col["tekst"]).value): r
        for r in range(2, ws.max_row + 1)
    }
    r1, r2, r3 = (
        rows[("rv:scheme", "titel")],
        rows[("rv:scheme", "label")],
        (rows[("bijlage2:competentie-03", "definitie")]),
    )
    ws.cell(row=r1, column=col["besluit"]).value = "bevestigen"
    ws.cell(row=r2, column=col["besluit"]).value = "afwijzen"
    ws.cell(row=r2, column=col["commentaar"]).value = "=1+1"
    ws.cell(row=r3, column=col["besluit"]).value = "verbeteren"
    fixed = "can apply knowledge and understanding so that it shows a professional approach"
    ws.cell(row=r3, column=col["verbeterde Engelse tekst"]).value = fixed
    wb.save(sheet)
    assert import_xlsx(s, sheet) == 3
    assert not (folder / "jansen.sssom.tsv").exists(), "no mapping was decided"
    got = {
        d.unit: (d.decision, d.corrected_text, d.comment)
        for d in T.read_file(folder / "jansen.translations.tsv", protect=False).decisions
    }
    assert got == {
        ("rv:scheme", "dct:title"): ("confirm", "", ""),
        ("rv:scheme", "skos:prefLabel"): ("reject", "", "=1+1"),
        ("bijlage2:competentie-03", "skos:definition"): ("correct", fixed, ""),
    }

    # the next sheet shows the decisions (and the comment neutralised); 'intrekken' takes back
    sheet = tmp_path / "again.xlsx"
    export_xlsx(s, sheet, flt)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Vertalingen"]
    now = {
        ws.cell(row=r, column=col["item"]).value
        + " "
        + ws.cell(row=r, column=col["tekst"]).value: (
            ws.cell(row=r, column=col["status"]).value,
            ws.cell(row=r, column=col["uw huidige besluit"]).value,
            ws.cell(row=r, column=col["commentaar"]).value,
        )
        for r in range(2, ws.max_row + 1)
    }
    assert now["rv:scheme label"] == (
        "afgewezen door Jan Jansen (2026-12-03)",
        "afgewezen (2026-12-03)",
        "'=1+1",
    )
    assert now["bijlage2:competentie-03 definitie"][1] == f"verbeterd: {fixed} (2026-12-03)"
    ws.cell(row=r2, column=col["besluit"]).value = "intrekken"
    wb.save(sheet)
    assert import_xlsx(s, sheet) == 1
    kept = {
        d.unit for d in T.read_file(folder / "jansen.translations.tsv", protect=False).decisions
    }
    assert ("rv:scheme", "skos:prefLabel") not in kept and len(kept) == 2
    store = load(reviews=[folder])
    assert _en(store, DEFINITION, "bijlage2:competentie-03") == [fixed]
    assert _en(store, LABEL, "rv:scheme") == _en(base, LABEL, "rv:scheme")


def test_sheet_translation_errors_name_sheet_row_and_column(base, tmp_path, run_cli):
    openpyxl = pytest.importorskip("openpyxl")
    folder = tmp_path / "reviews"
    folder.mkdir()
    sheet = tmp_path / "sheet.xlsx"
    code, _, err = run_cli(
        "review", "export", "--reviewer", "jansen", "--label", "Jan", "--reviews", str(folder),
        "-o", str(sheet), "--pair", "bijlage-ii__randvoorwaarden", "--lang", "en",
    )  # fmt: skip
    assert code == 0, err
    n = sum(1 for subject, _ in T.units(base) if subject.split(":")[0] in ("bijlage2", "rv"))
    assert f" records and {n} translations to review" in err
    wb = openpyxl.load_workbook(sheet)
    ws = wb["Translations"]
    col = _sheet_columns(ws)
    assert "corrected English text" in col
    ws.cell(row=2, column=col["decision"]).value = "maybe"
    ws.cell(row=3, column=col["decision"]).value = "correct"  # no text
    ws.cell(row=4, column=col["decision"]).value = "confirm"
    ws.cell(row=4, column=col["corrected English text"]).value = "Something else"
    ws.cell(row=5, column=col["decision"]).value = "confirm"  # fine
    ws.cell(row=6, column=col["corrected English text"]).value = "no decision"
    wb.save(sheet)
    code, _, err = run_cli("review", "import", str(sheet), "--reviews", str(folder))
    assert code == 2 and "Traceback" not in err
    lines = err.strip().splitlines()
    letter = openpyxl.utils.get_column_letter
    dec, fix = letter(col["decision"]), letter(col["corrected English text"])
    expected = [
        f"sheet 'Translations', row 2, column {dec} (decision): 'maybe' is not a decision",
        f"sheet 'Translations', row 3, column {fix} (corrected English text): 'correct' needs",
        f"sheet 'Translations', row 4, column {fix} (corrected English text): a corrected text",
        f"sheet 'Translations', row 6, column {dec} (decision): a corrected text without",
    ]
    assert len(lines) == len(expected) + 1, err
    for want, line in zip(expected, lines, strict=False):
        assert want in line, (want, line)
    assert "er is niets geïmporteerd" in lines[-1]  # Dutch by default
    assert not (folder / "jansen.translations.tsv").exists()
    assert not (folder / "jansen.sssom.tsv").exists()


def test_review_command_writes_translation_decisions_before_ctrl_c(tmp_path):
    """``herstelgraph review`` as a user starts it: a translation decided on the page is on
    disk when the answer comes, and Ctrl-C stops the app with every decision kept."""
    import os
    import re
    import signal
    import subprocess
    import sys
    import urllib.request

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-c", "from herstelgraph.cli import run; run()", "--lang", "en",
         "review", "--reviewer", "jansen", "--label", "Jan Jansen", "--reviews", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        m = re.match(r"herstelgraph review: (http://127\.0\.0\.1:\d+/)$", proc.stdout.readline())
        assert m
        head = [proc.stdout.readline() for _ in range(4)]  # read here: communicate reads the pipe
        path = tmp_path / "jansen.translations.tsv"
        assert f"  translation decisions go to {path}\n" in head
        with urllib.request.urlopen(m.group(1), timeout=20) as resp:
            page = resp.read().decode()
        token = re.search(r'name="review-token" content="([^"]+)"', page).group(1)
        assert '<script src="/assets/translations.js">' in page
        request = urllib.request.Request(
            m.group(1) + "api/translation",
            data=json.dumps(
                {"subject": "rv:scheme", "property": "title", "decision": "confirm"}
            ).encode(),
            headers={"X-Review-Token": token, "Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=20) as resp:
            assert json.load(resp)["mine"]["decision"] == "confirm"
        assert [d.unit for d in T.read_file(path, protect=False).decisions] == [
            ("rv:scheme", "dct:title")
        ]
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
        assert proc.returncode == 0, err
        assert f"and {path}" in out.splitlines()[-1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)


def test_a_bad_own_translations_file_stops_the_session_at_once(base, tmp_path, run_cli):
    T.decide(
        base, tmp_path, parse_reviewer("jansen", "Jan Jansen"), "rv:scheme", "title", "confirm"
    )
    path = tmp_path / "jansen.translations.tsv"
    path.write_text(path.read_text().replace("\tconfirm\t", "\tmaybe\t"))
    code, out, err = run_cli(
        "review",
        "--reviewer",
        "jansen",
        "--label",
        "Jan Jansen",
        "--reviews",
        str(tmp_path),
        "--port",
        "0",
    )
    assert code != 0 and "Traceback" not in err and out == ""
    assert err.strip().count("\n") == 0 and "decision 'maybe'" in err and str(path) in err
