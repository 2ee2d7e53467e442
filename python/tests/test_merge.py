"""Merging as a second stage: `dateline.merge`, the plan and its blocks, and the Spark and Ray
merge jobs give exactly the lines `dateline merge` writes for the CLI's events file; what the
merge stage moves is the articles' events, not their texts."""

import json
import os
import subprocess
import sys
from collections import defaultdict

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
from conftest import SAMPLES, cli_binary, corpus_dirs


def events_file(paths, out):
    """`dateline extract --format articles PATHS > out`: the events file's lines."""
    with open(out, "w", encoding="utf-8") as f:
        run = subprocess.run([str(cli_binary()), "extract", "--format", "articles", *map(str, paths)], stdout=f)
    assert run.returncode in (0, 1)
    return out.read_text(encoding="utf-8").splitlines()


def cli_merge(path):
    """`dateline merge PATH`: its lines."""
    run = subprocess.run([str(cli_binary()), "merge", str(path)], capture_output=True, text=True, encoding="utf-8")
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


@pytest.fixture(scope="module")
def corpus_events(tmp_path_factory):
    d = tmp_path_factory.mktemp("events")
    lines = events_file(corpus_dirs(), d / "events.jsonl")
    expected = cli_merge(d / "events.jsonl")
    assert len(lines) >= 300 and len(expected) >= 300
    # Some events are told by several articles: the merge does something.
    assert sum(json.loads(m)["sources"] > 1 for m in expected) >= 10
    return d, lines, expected


def test_merge_gives_the_clis_lines_for_the_samples(tmp_path):
    lines = events_file([SAMPLES], tmp_path / "events.jsonl")
    expected = cli_merge(tmp_path / "events.jsonl")
    assert len(expected) >= 20
    assert dateline.merge(lines) == expected


def test_merge_gives_the_clis_lines_for_the_dev_corpus(corpus_events):
    _, lines, expected = corpus_events
    assert dateline.merge(lines) == expected


def test_the_events_without_the_texts_merge_as_the_articles(corpus_events):
    _, lines, expected = corpus_events
    rows = dateline.events_only(pa.record_batch({"article": lines}))
    assert rows.schema == dateline.ARTICLE_SCHEMA and rows.num_rows == len(lines)
    slim = rows.column("article").to_pylist()
    assert all(json.loads(line)["article"]["text"] == "" for line in slim)
    full = dateline.article_rows(pa.record_batch({"article": lines}))
    for name in ("id", "origin", "content_hash", "events"):
        assert rows.column(name) == full.column(name), name
    # The texts are most of the lines: what the merge stage no longer moves.
    assert sum(map(len, slim)) < sum(map(len, lines)) // 2
    assert dateline.merge(slim) == expected
    plan, slim_plan = dateline.merge_plan(lines), dateline.merge_plan(slim)
    assert slim_plan.actors == plan.actors and slim_plan.blocks == plan.blocks


def blocks_of(plan):
    return list(zip(*(plan.blocks.column(n).to_pylist() for n in ("origin", "content_hash", "block"))))


def test_the_blocks_merged_alone_give_the_clis_lines(corpus_events):
    _, lines, expected = corpus_events
    plan = dateline.merge_plan(iter(lines), chunk=100)
    block = {(o, h): b for o, h, b in blocks_of(plan)}
    assert len(set(block.values())) > len(expected) // 4, "the plan splits the articles"
    groups = defaultdict(list)
    for line in lines:
        a = json.loads(line)["article"]
        origin = a["origin"]["path"] + ("!" + a["origin"]["entry"] if a["origin"].get("entry") else "")
        groups[block[(origin, a["content_hash"])]].append(line)
    actors = dateline.MergeActors(plan.actors)
    assert len(actors) > 100
    merged = []
    for b in sorted(groups, reverse=True):
        merged.extend(dateline.merge_block(actors, groups[b]).column("merged").to_pylist())
    assert merged != expected, "blocks merged apart come in their own order"
    assert dateline.sort_merged(merged) == expected


def test_a_block_not_of_the_plan_and_a_line_not_an_article_are_errors_naming_them(corpus_events):
    _, lines, _ = corpus_events
    plan = dateline.merge_plan(lines[:50])
    actors = dateline.MergeActors(plan.actors)
    outside = next(line for line in lines[50:] if any(json.loads(line)["events"]))
    # Some article past the first 50 names someone none of them does.
    strangers = [line for line in lines[50:] if json.loads(line)["events"]]
    failing = []
    for line in strangers:
        try:
            dateline.merge_block(actors, [line])
        except ValueError as e:
            failing.append((line, str(e)))
    assert failing, outside[:80]
    line, message = failing[0]
    assert message.startswith(json.loads(line)["article"]["doc"] + ": an actor of this article is not in the merge plan")
    with pytest.raises(ValueError, match="row 1: not an extracted article"):
        dateline.merge(lines[:1] + ['{"text": "a corpus line"}'])
    with pytest.raises(ValueError, match="not a merge plan's actors"):
        dateline.MergeActors("[1, 2]")
    rows = dateline.article_rows(pa.record_batch({"value": [lines[0], "", "{}"]}), on_error="skip")
    assert rows.schema == dateline.ARTICLE_SCHEMA and rows.num_rows == 1


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    return (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )


def corpus_texts(lines, path):
    """The CLI's articles as a crawl's Parquet (text, date, address, title, outlet), in its order."""
    arts = [json.loads(line)["article"] for line in lines]
    pq.write_table(
        pa.table(
            {
                "id": [a["doc"] for a in arts],
                "text": [a["text"] for a in arts],
                "published": pa.array([a["published"] for a in arts], pa.string()),
                "url": pa.array([a["url"] for a in arts], pa.string()),
                "title": pa.array([a["title"] for a in arts], pa.string()),
                "outlet": pa.array([a["outlet"] for a in arts], pa.string()),
            }
        ),
        path,
        row_group_size=64,
    )


def test_spark_extracts_and_merges_as_the_cli(corpus_events, spark):
    import dateline.spark

    d, lines, expected = corpus_events
    corpus_texts(lines, d / "texts.parquet")
    df = spark.read.parquet(str(d / "texts.parquet"))
    articles = df.mapInArrow(dateline.spark.extract_articles, dateline.spark.ARTICLE_SCHEMA).cache()
    assert articles.count() == len(lines)
    merged = [r.merged for r in dateline.spark.merge(articles).collect()]
    assert dateline.sort_merged(merged) == expected
    # The same job over the CLI's events file read by Spark.
    from_file = dateline.spark.merge(dateline.spark.read_events(spark, d / "events.jsonl"))
    assert dateline.sort_merged([r.merged for r in from_file.collect()]) == expected


def test_ray_extracts_and_merges_as_the_cli(corpus_events, ray_local):
    import dateline.ray

    d, lines, expected = corpus_events
    corpus_texts(lines, d / "ray-texts.parquet")
    ds = ray_local.data.read_parquet(str(d / "ray-texts.parquet"))
    articles = ds.map_batches(dateline.ray.ExtractArticles, batch_format="pyarrow").materialize()
    assert articles.count() == len(lines)
    merged = pa.concat_tables(ray_local.get(dateline.ray.merge(articles).to_arrow_refs()))
    assert merged.schema == dateline.MERGED_SCHEMA
    assert dateline.sort_merged(merged.column("merged").to_pylist()) == expected
