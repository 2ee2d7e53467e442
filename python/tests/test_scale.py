"""A generated corpus (gen_corpus: $DATELINE_SCALE_ARTICLES articles, 10,000 by default)
extracted through Spark, merged there, written as an events file (Spark's folder of part files)
and that folder imported as the app imports a dropped folder (`dateline import` and the app's
`import_paths` run one import, `Workspace::import`; the app's own test of a dropped events
folder is in src-tauri's IPC tests): the workspace holds what a direct `dateline import` of the
corpus gives, and its events are the ones Spark merged."""

import csv
import io
import json
import os
import subprocess
import sys
from collections import Counter

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
import gen_corpus
from conftest import cli_binary

N = int(os.environ.get("DATELINE_SCALE_ARTICLES", "10000"))


def run(*args):
    out = subprocess.run([str(cli_binary()), *map(str, args)], capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    return out.stdout


def events_csv(ws):
    return run("events", "--format", "csv", "--workspace", ws)


def key(kind, start, end, participants, sources):
    return (kind, start, end, tuple(sorted(participants)), int(sources))


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    return (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .getOrCreate()
    )


def test_a_generated_corpus_through_spark_imports_as_a_direct_cli_import(tmp_path, spark):
    import dateline.spark

    arts = gen_corpus.articles(N)
    # For Spark, a crawl's Parquet: the text laid out as the readers lay it out (title first).
    pq.write_table(
        pa.table(
            {
                "id": [a["id"] for a in arts],
                "text": [a["text"] for a in arts],
                "published": [a["published"] for a in arts],
                "title": [a["title"] for a in arts],
                "outlet": [a["outlet"] for a in arts],
            }
        ),
        tmp_path / "corpus.parquet",
        row_group_size=2_000,
    )
    # For the CLI, the same articles as JSONL (the body after the title), in files of 50,000
    # records (one file gives at most 100,000 articles).
    files = []
    for i in range(0, len(arts), 50_000):
        path = tmp_path / f"corpus-{i // 50_000}.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for a in arts[i : i + 50_000]:
                body = a["text"].split("\n\n", 1)[1]
                record = {"id": a["id"], "title": a["title"], "body": body, "date": a["published"], "source": a["outlet"]}
                f.write(json.dumps(record) + "\n")
        files.append(path)

    df = spark.read.parquet(str(tmp_path / "corpus.parquet"))
    articles = df.mapInArrow(dateline.spark.extract_articles, dateline.spark.ARTICLE_SCHEMA).cache()
    articles.select("article").write.text(str(tmp_path / "events"))
    merged = [json.loads(r.merged) for r in dateline.spark.merge(articles).collect()]
    parts = sorted((tmp_path / "events").glob("part-*"))
    assert parts

    from_events, direct = tmp_path / "events.dateline", tmp_path / "direct.dateline"
    run("import", tmp_path / "events", "--workspace", from_events)
    run("import", *files, "--workspace", direct)
    info = run("info", "--workspace", from_events)
    assert f"\narticles  {N}\n" in info, info
    assert run("info", "--workspace", direct).replace(str(direct), "") == info.replace(str(from_events), "")
    table = events_csv(from_events)
    assert table == events_csv(direct)

    rows = list(csv.DictReader(io.StringIO(table)))
    assert len(rows) == len(merged) and len(merged) > N // 3
    told_twice = sum(m["sources"] > 1 for m in merged)
    assert told_twice > len(merged) // 4, f"{told_twice} of {len(merged)} merged events have several sources"
    in_workspace = Counter(
        key(r["type"], r["start"], r["end"], r["participants"].split("; "), r["sources"]) for r in rows
    )
    from_spark = Counter(
        key(m["type"], m["start"], m["end"], [p["name"] for p in m["participants"]], m["sources"]) for m in merged
    )
    assert from_spark == in_workspace
