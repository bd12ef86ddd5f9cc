"""io/atomic.py: what the user gets on disk. The write-safety promises (kills, inputs, litter)
are tested in tests/test_trust.py; here the permissions (issue 13, item 5): outputs are
created as a plain ``open()``/``mkdir`` would, under the user's umask, so a web server running
as another user can read a published site.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "publish"
FILES = [ROOT / "ontology" / "herstelgraph.ttl", FIXTURE / "frameworks.ttl"]
FILES.append(FIXTURE / "mappings.ttl")

# One process per umask (the umask is process-wide): the CLI on the publish fixture writes a
# verb's -o file, an export and a site (twice, so the second build replaces the first), and
# prints the modes it finds.
SCRIPT = """
import json, os, stat, sys
from pathlib import Path
from herstelgraph import store as st
from herstelgraph.cli import main

os.umask(int(sys.argv[1], 8))
out = Path(sys.argv[2])
files = [Path(f) for f in sys.argv[3:]]
real = st.load
st.load = lambda extra=(), *, closure=True, files_=files, **kw: real(
    extra, closure=closure, files=files_
)
codes = [
    main(["frameworks", "--format", "csv", "-o", str(out / "frameworks.csv")]),
    main(["export", "--format", "turtle", "-o", str(out / "export.ttl")]),
    main(["site", "-o", str(out / "site")]),
    main(["site", "-o", str(out / "site")]),
]
mode = lambda p: stat.S_IMODE(os.stat(p).st_mode)
site = out / "site"
folders = [p for p in site.rglob("*") if p.is_dir()]
print(json.dumps({
    "codes": codes,
    "verb": mode(out / "frameworks.csv"),
    "export": mode(out / "export.ttl"),
    "site": mode(site),
    "index": mode(site / "index.html"),
    "files": sorted({mode(p) for p in site.rglob("*") if p.is_file()}),
    "folders": sorted({mode(p) for p in folders}),
}))
"""


@pytest.mark.parametrize("umask", [0o002, 0o022, 0o077])
def test_outputs_respect_the_umask(tmp_path, umask):
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"{umask:o}", str(tmp_path), *map(str, FILES)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert proc.returncode == 0, proc.stderr
    modes = json.loads(proc.stdout.strip().splitlines()[-1])
    assert modes["codes"] == [0, 0, 0, 0], proc.stderr
    file_mode, folder_mode = 0o666 & ~umask, 0o777 & ~umask
    assert oct(modes["verb"]) == oct(file_mode)
    assert oct(modes["export"]) == oct(file_mode)
    assert oct(modes["site"]) == oct(folder_mode)
    assert oct(modes["index"]) == oct(file_mode)
    assert [oct(m) for m in modes["files"]] == [oct(file_mode)]
    assert [oct(m) for m in modes["folders"]] in ([], [oct(folder_mode)])
    # a site a web server can serve: readable by others unless the umask says otherwise
    assert bool(modes["index"] & stat.S_IROTH) == (not umask & 0o004)
