"""`pip install ./python`, as the README tells a user from a clone: a fresh virtual environment,
pip building the package through its build backend (maturin, which pip fetches into an isolated
build environment) and installing it with its dependencies; `import dateline` there extracts a
sentence as the package under test does (which the other tests hold to the CLI's records).

pip builds in the profile `maturin build` uses here (dev, `MATURIN_PEP517_ARGS`), in the same
cargo target directory, so the build is the one `make test-python` has just made; a user's pip
builds in release. DATELINE_PIP_RELEASE=1 builds as the user's does (minutes of compiling).
Set DATELINE_PIP_SKIP=1 to leave this test out where pip cannot reach a package index."""

import json
import os
import subprocess
import sys

import pytest

import dateline
from conftest import ROOT

TEXT = "The foreign ministers of France and Germany met yesterday in Paris to discuss trade."

SCRIPT = """
import json, sys
import pyarrow as pa
import dateline
text = sys.argv[1]
batch = pa.record_batch({"id": ["s"], "text": [text], "published": ["2021-05-20"]})
print(json.dumps({
    "file": dateline.__file__,
    "records": dateline.extract(text, "2021-05-20", doc="s"),
    "rows": dateline.extract_arrow(batch).num_rows,
}))
"""


@pytest.mark.skipif(bool(os.environ.get("DATELINE_PIP_SKIP")), reason="DATELINE_PIP_SKIP is set")
def test_pip_install_of_the_clones_python_folder_builds_a_package_that_extracts(tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if not os.environ.get("DATELINE_PIP_RELEASE"):
        env["MATURIN_PEP517_ARGS"] = "--profile dev"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT / "python")],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stdout[-2000:] + install.stderr[-4000:]

    run = subprocess.run([str(python), "-c", SCRIPT, TEXT], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-4000:]
    got = json.loads(run.stdout)
    # The package imported is the one pip installed into the new environment.
    assert got["file"].startswith(str(venv)), got["file"]
    expected = dateline.extract(TEXT, "2021-05-20", doc="s")
    assert expected and expected[0]["type"] == "meeting" and expected[0]["start"] == "2021-05-19"
    assert got["records"] == expected
    assert got["rows"] == len(expected)
