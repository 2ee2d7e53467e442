"""Articles per second of the extractor, four ways, over the same articles: the CLI on one core
(`dateline extract` with RAYON_NUM_THREADS=1), the Python package on one core
(`extract_arrow` over Arrow batches in one thread), and Spark local mode with one and two
executor cores (`mapInArrow(dateline.spark.extract)` over Parquet); then the merge stage
(`dateline merge` of the events file, and `dateline.spark.merge` on local[2]).

The articles are the dev corpus's texts (shared/corpus), repeated --copies times with their own
ids. Run with a release wheel installed and a release `dateline` (--bin):

    python python/bench/scale_bench.py --bin ~/.cache/dateline-target/release/dateline --copies 10
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import dateline

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"


def corpus_articles(copies):
    paths = sorted(p for s in ("statedept-dev", "newsstyles-dev") for p in (CORPUS / s).rglob("*") if p.is_file())
    base = []
    for p in paths:
        try:
            base.extend(dateline.read_file(str(p)))
        except ValueError:
            pass
    out = []
    for c in range(copies):
        for a in base:
            out.append(dict(a, doc=f"{a['doc']}-{c}"))
    return out


def best_of(runs, f):
    """The fastest of `runs` runs of f() (seconds)."""
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="a release `dateline` binary")
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-spark", action="store_true")
    args = ap.parse_args()
    arts = corpus_articles(args.copies)
    n = len(arts)
    tmp = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    jsonl = tmp / "articles.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": a["doc"], "text": a["text"], "date": str(a["published"] or "")}) + "\n")
    batch = pa.record_batch(
        {
            "id": [a["doc"] for a in arts],
            "text": [a["text"] for a in arts],
            "published": pa.array([a["published"] for a in arts], pa.date32()),
        }
    )
    pq.write_table(pa.Table.from_batches([batch]), tmp / "articles.parquet", row_group_size=256)
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    figures = {}

    def cli():
        subprocess.run([args.bin, "extract", "--format", "jsonl", str(jsonl)], env=env, check=True, stdout=subprocess.DEVNULL)

    figures["CLI, one core"] = n / best_of(args.runs, cli)

    def python_one_core():
        for b in pa.Table.from_batches([batch]).to_batches(max_chunksize=256):
            dateline.extract_arrow(b)

    figures["Python package, one core"] = n / best_of(args.runs, python_one_core)

    events = tmp / "events.jsonl"
    with open(events, "w") as f:
        subprocess.run([args.bin, "extract", "--format", "articles", str(jsonl)], stdout=f, check=True)

    def cli_merge():
        subprocess.run([args.bin, "merge", str(events), "-o", str(tmp / "merged.jsonl")], env=env, check=True,
                       stderr=subprocess.DEVNULL)

    figures["merge (`dateline merge`), one core"] = n / best_of(args.runs, cli_merge)

    if not args.skip_spark:
        from pyspark.sql import SparkSession

        from dateline import spark as dateline_spark

        os.environ["PYSPARK_PYTHON"] = sys.executable
        for cores in (1, 2):
            spark = (
                SparkSession.builder.master(f"local[{cores}]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", str(2 * cores))
                .getOrCreate()
            )
            df = spark.read.parquet(str(tmp / "articles.parquet"))

            def spark_extract():
                assert df.mapInArrow(dateline_spark.extract, dateline_spark.SCHEMA).count() > 0

            spark_extract()  # warm: workers started, wheel imported
            figures[f"Spark local[{cores}]"] = n / best_of(args.runs, spark_extract)
            if cores == 2:
                articles = df.mapInArrow(dateline_spark.extract_articles, dateline_spark.ARTICLE_SCHEMA).cache()
                articles.count()

                def spark_merge():
                    assert dateline_spark.merge(articles).count() > 0

                figures["merge (`dateline.spark.merge`), local[2]"] = n / best_of(1, spark_merge)
            spark.stop()

    print(f"articles: {n} ({n // args.copies} dev-corpus texts x {args.copies}), best of {args.runs}")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("| how | articles/s |\n|---|---:|")
    for k, v in figures.items():
        print(f"| {k} | {v:,.0f} |")


if __name__ == "__main__":
    main()
