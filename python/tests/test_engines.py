"""Spark (local[2]) and Ray (a local cluster of two CPUs) over the dev corpus written as Parquet:
both give exactly the CLI's events."""

import datetime
import json
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import dateline
from conftest import articles, cli_output, corpus_dirs, files_under
from test_arrow import as_row, same_rows


@pytest.fixture(scope="module")
def corpus_parquet(tmp_path_factory):
    """The dev corpus as a crawl would hold it, twice: the articles' texts with their dates as
    timestamps (noon UTC, so the date is the same in the sessions' UTC), and the pages as HTML."""
    paths = files_under(*corpus_dirs())
    arts = articles(paths)
    noon = lambda d: None if d is None else datetime.datetime.combine(d, datetime.time(12), datetime.timezone.utc)  # noqa: E731
    texts = pa.table(
        {
            "id": [a["doc"] for a in arts],
            "text": [a["text"] for a in arts],
            "published": pa.array([noon(a["published"]) for a in arts], pa.timestamp("us", tz="UTC")),
            "url": pa.array([a["url"] for a in arts], pa.string()),
            "title": pa.array([a["title"] for a in arts], pa.string()),
            "outlet": pa.array([a["outlet"] for a in arts], pa.string()),
        }
    )
    pages = pa.table({"id": [p.stem for p in paths], "html": pa.array([p.read_bytes() for p in paths], pa.binary())})
    d = tmp_path_factory.mktemp("corpus")
    pq.write_table(texts, d / "texts.parquet", row_group_size=64)
    pq.write_table(pages, d / "pages.parquet", row_group_size=64)
    expected = [as_row(json.loads(line)) for line in cli_output(paths)]
    assert len(expected) >= 500
    return d, expected


@pytest.mark.parametrize("name", ["texts.parquet", "pages.parquet"])
def test_spark_map_in_arrow_gives_the_clis_events(corpus_parquet, name):
    from pyspark.sql import SparkSession

    import dateline.spark

    d, expected = corpus_parquet
    # The workers run this interpreter, the one the wheel is installed in.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    df = spark.read.parquet(str(d / name))
    events = df.mapInArrow(dateline.spark.extract, dateline.spark.SCHEMA)
    rows = [r.asDict(recursive=True) for r in events.collect()]
    assert same_rows(rows, expected)


@pytest.mark.parametrize("name", ["texts.parquet", "pages.parquet"])
def test_ray_map_batches_gives_the_clis_events(corpus_parquet, ray_local, name):
    import dateline.ray

    d, expected = corpus_parquet
    ds = ray_local.data.read_parquet(str(d / name))
    events = ds.map_batches(dateline.ray.Extract, batch_format="pyarrow")
    rows = events.to_arrow_refs()
    table = pa.concat_tables(ray_local.get(rows))
    assert table.schema == dateline.EVENT_SCHEMA
    assert same_rows(table.to_pylist(), expected)
