"""Dateline for Python: dated diplomatic events from news articles.

The extractor is the Rust library the ``dateline`` command line and the desktop app use (the
``dateline`` facade crate), compiled into ``dateline._dateline``; nothing here extracts.

- :func:`extract` gives the events of one article as the records ``dateline extract --format
  jsonl`` writes: the same keys, values and order.
- :func:`extract_arrow` gives the events of a ``pyarrow.RecordBatch`` of articles as a batch with
  one row per event (schema :data:`EVENT_SCHEMA`); the batch crosses through Arrow's C data
  interface and extraction runs without the GIL, so threads extract in parallel.
- :func:`read_file` reads a file as ``dateline extract`` does (the same readers and limits).
- :mod:`dateline.spark` and :mod:`dateline.ray` wrap :func:`extract_arrow` for
  ``DataFrame.mapInArrow`` and ``Dataset.map_batches``.

Merging across articles is a second stage, by the code ``dateline merge`` runs, over extracted
articles as the lines of an events file (``dateline extract --format articles``):

- :func:`extract_articles` gives a batch of articles as one row per article (schema
  :data:`ARTICLE_SCHEMA`, its ``article`` column the events file's line); :func:`article_rows`
  makes such rows of an events file's lines; :func:`events_only` the same rows without the
  articles' texts, all that merging needs (what a cluster's merge stage moves);
- :func:`merge` merges lines as ``dateline merge`` does, giving its output lines;
- to merge in blocks (on a cluster), :func:`merge_plan` gives the plan (the actor rows of all the
  articles and each article's block), :class:`MergeActors` reads the plan's actors once per
  worker, :func:`merge_block` merges one block alone, and :func:`sort_merged` orders the blocks'
  lines together as ``dateline merge`` writes them. :func:`dateline.spark.merge` and
  :func:`dateline.ray.merge` do all that.
"""

from collections import namedtuple

from ._dateline import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    MERGED_SCHEMA,
    MergeActors,
    Planner,
    article_rows,
    events_only,
    extract,
    extract_arrow,
    extract_articles,
    merge,
    merge_block,
    read_file,
    sort_merged,
)

#: A plan of merging in blocks: ``actors`` (JSON, for :class:`MergeActors`) and ``blocks`` (a
#: ``pyarrow.RecordBatch`` of ``origin``, ``content_hash``, ``block``).
MergePlan = namedtuple("MergePlan", ["actors", "blocks"])


def merge_plan(lines, *, chunk=10_000):
    """The plan of merging extracted articles in blocks, from their lines (strings, or
    ``pyarrow.RecordBatch``es with an ``article`` column) in the order a workspace would import
    them: any iterable, read once, a chunk at a time."""
    planner = Planner()
    pending = []
    for item in lines:
        if isinstance(item, str):
            pending.append(item)
            if len(pending) >= chunk:
                planner.add(pending)
                pending = []
        else:
            if pending:
                planner.add(pending)
                pending = []
            planner.add(item)
    if pending:
        planner.add(pending)
    return MergePlan(planner.actors(), planner.blocks())


__all__ = [
    "ARTICLE_SCHEMA",
    "EVENT_SCHEMA",
    "MERGED_SCHEMA",
    "MergeActors",
    "MergePlan",
    "Planner",
    "article_rows",
    "events_only",
    "extract",
    "extract_arrow",
    "extract_articles",
    "merge",
    "merge_block",
    "merge_plan",
    "read_file",
    "sort_merged",
]
