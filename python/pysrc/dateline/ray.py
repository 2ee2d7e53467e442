"""Dateline on Ray Data: ``ds.map_batches(dateline.ray.Extract, batch_format="pyarrow")``.

The dataset has the columns :func:`dateline.extract_arrow` reads; the result has one row per
event (schema :data:`dateline.EVENT_SCHEMA`).

Merging across articles, as ``dateline merge`` does, is a second stage::

    articles = ds.map_batches(dateline.ray.ExtractArticles, batch_format="pyarrow")
    merged = dateline.ray.merge(articles)   # one merged event a row: `dateline merge`'s lines

The ``article`` column's strings, one a line, are an events file for ``dateline import`` (and
the app). Only the articles' events move in the merge stage, not their texts.
"""

import uuid

import pyarrow as pa

from ._dateline import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    MERGED_SCHEMA,
    MergeActors,
    Planner,
    events_only,
    extract_arrow,
    extract_articles,
    merge_block,
)


class Extract:
    """A callable class for ``Dataset.map_batches``: Ray runs it in actors, each taking batch after
    batch (a ``pyarrow.Table``) and giving the table of their events."""

    def __init__(self, on_error="raise"):
        self.on_error = on_error

    def __call__(self, table):
        events = [extract_arrow(b, on_error=self.on_error) for b in table.combine_chunks().to_batches()]
        return pa.Table.from_batches(events, schema=EVENT_SCHEMA)


class ExtractArticles(Extract):
    """As :class:`Extract`, giving one row per extracted article (schema
    :data:`dateline.ARTICLE_SCHEMA`, its ``article`` column the events file's line): the input
    of :func:`merge`."""

    def __call__(self, table):
        rows = [extract_articles(b, on_error=self.on_error) for b in table.combine_chunks().to_batches()]
        return pa.Table.from_batches(rows, schema=ARTICLE_SCHEMA)


def _batches(table):
    return table.combine_chunks().to_batches()


def _events_only(table):
    return pa.Table.from_batches([events_only(b) for b in _batches(table)], schema=ARTICLE_SCHEMA)


# A worker's plans, by the plan's own id: its actors read once (MergeActors) and its blocks.
_plans = {}


def _planned(plan, refs):
    import ray

    got = _plans.get(plan)
    if got is None:
        _plans.clear()
        actors, blocks = ray.get(list(refs))
        got = _plans[plan] = (MergeActors(actors), blocks)
    return got


def _with_blocks(plan, refs):
    """Each article's block, joined by origin and content hash (an article the plan left out,
    a second copy or an older version, has none and is dropped)."""

    def keyed(table):
        _, blocks = _planned(plan, refs)
        joined = table.select(["origin", "content_hash", "article"]).join(
            blocks, ["origin", "content_hash"], join_type="inner"
        )
        return joined.select(["block", "article"])

    return keyed


def _merge_group(plan, refs):
    def merged(table):
        actors, _ = _planned(plan, refs)
        lines = pa.RecordBatch.from_arrays([table.column("article").combine_chunks()], names=["article"])
        return pa.Table.from_batches([merge_block(actors, lines)], schema=MERGED_SCHEMA)

    return merged


def merge(articles, *, batch_size=10_000):
    """The merged events of extracted articles (a Dataset of :data:`dateline.ARTICLE_SCHEMA`
    rows, as :class:`ExtractArticles` gives), one a row (a Dataset of
    :data:`dateline.MERGED_SCHEMA`): together, the lines ``dateline merge`` writes for the
    articles as an events file in the dataset's order (sort them with
    :func:`dateline.sort_merged` for its order).

    As :func:`dateline.spark.merge`: the workers drop the texts
    (:func:`dateline.events_only`); the plan is made here, on the driver, from every article's
    events in the dataset's order (read in order whatever the context's ``preserve_order``);
    then each block is merged alone (``groupby("block").map_groups``), with the plan's actors
    and blocks in the object store, read once per worker. Each pass reads ``articles``:
    materialize it (``articles.materialize()``) so that it is not extracted twice."""
    import ray

    events = articles.map_batches(_events_only, batch_format="pyarrow")
    context = ray.data.DataContext.get_current()
    ordered = context.execution_options.preserve_order
    context.execution_options.preserve_order = True
    planner = Planner()
    try:
        for table in events.iter_batches(batch_size=batch_size, batch_format="pyarrow"):
            for batch in _batches(table):
                planner.add(batch)
    finally:
        context.execution_options.preserve_order = ordered
    blocks = pa.Table.from_batches([planner.blocks()])
    refs = (ray.put(planner.actors()), ray.put(blocks))
    plan = uuid.uuid4().hex
    keyed = events.map_batches(_with_blocks(plan, refs), batch_format="pyarrow")
    return keyed.groupby("block").map_groups(_merge_group(plan, refs), batch_format="pyarrow")
