"""What the tests share: the repository's samples, the shared dev corpus (skipped when absent),
and the `dateline` binary whose `extract --format jsonl` output is the reference."""

import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

import dateline

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
# The dev corpus sits next to the repository (`../shared/corpus`), as for the Rust corpus tests.
CORPUS = ROOT.parent / "shared" / "corpus"
CORPUS_SETS = ("statedept-dev", "newsstyles-dev")


def cli_binary():
    """The `dateline` binary: $DATELINE_BIN, else the debug build in $CARGO_TARGET_DIR or target/."""
    if os.environ.get("DATELINE_BIN"):
        return Path(os.environ["DATELINE_BIN"])
    for target in (os.environ.get("CARGO_TARGET_DIR"), ROOT / "target"):
        if target and (Path(target) / "debug" / "dateline").is_file():
            return Path(target) / "debug" / "dateline"
    pytest.fail("no dateline binary: run `cargo build -p dateline-cli` or set DATELINE_BIN")


def cli_output(paths):
    """`dateline extract --format jsonl PATHS...`: its lines."""
    out = subprocess.run(
        [str(cli_binary()), "extract", "--format", "jsonl", *map(str, paths)],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    # Exit 1 is "some file failed" (reported on stderr); the others' records are still written.
    assert out.returncode in (0, 1), out.stderr
    return out.stdout.splitlines()


def cli_lines(paths):
    """The CLI's lines grouped by article (`doc`), in order."""
    by_doc = defaultdict(list)
    for line in cli_output(paths):
        by_doc[json.loads(line)["doc"]].append(line)
    return dict(by_doc)


def files_under(*dirs):
    return sorted(p for d in dirs for p in Path(d).rglob("*") if p.is_file())


def articles(paths):
    """The articles of the files, read as `dateline extract` reads them (unreadable files skipped:
    the CLI gives them no records either, which the comparisons check)."""
    out = []
    for p in paths:
        try:
            out.extend(dateline.read_file(str(p)))
        except ValueError:
            pass
    return out


def extract_article(a):
    return dateline.extract(a["text"], a["published"], url=a["url"], title=a["title"], outlet=a["outlet"], doc=a["doc"])


def corpus_dirs():
    dirs = [CORPUS / s for s in CORPUS_SETS if (CORPUS / s).is_dir()]
    if not dirs:
        pytest.skip(f"the shared dev corpus is absent ({CORPUS}): corpus tests skipped")
    return dirs


@pytest.fixture(scope="session")
def ray_local():
    """A local Ray cluster for the session's tests."""
    import ray

    # Two CPUs, not one: the Extract actor holds one for its life, and reading the Parquet files
    # needs another (with one, the read waits for ever).
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()
