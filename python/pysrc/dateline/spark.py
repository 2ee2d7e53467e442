"""Dateline on Spark: ``df.mapInArrow(dateline.spark.extract, dateline.spark.SCHEMA)``.

``df`` has the columns :func:`dateline.extract_arrow` reads (``id``, ``text`` or ``html``,
``published``, optional ``url``, ``title``, ``outlet``); the result has one row per event. Spark
hands a ``TimestampType`` column over in the session's time zone (``spark.sql.session.timeZone``),
so the publication date of a timestamp is its date there: set the zone of the publications, or
pass ``published`` as a date or a string.

Merging across articles, as ``dateline merge`` does, is a second stage::

    articles = df.mapInArrow(dateline.spark.extract_articles, dateline.spark.ARTICLE_SCHEMA)
    merged = dateline.spark.merge(articles)   # one merged event a row: `dateline merge`'s lines
    articles.select("article").write.text("events")   # an events file for `dateline import`

Only the articles' events move in the merge stage (to the driver for the plan, through the
shuffle for the blocks), not their texts.
"""

import uuid

import pyarrow as pa
from pyspark.sql.pandas.types import from_arrow_schema

from ._dateline import (
    ARTICLE_SCHEMA as _ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    MERGED_SCHEMA as _MERGED_SCHEMA,
    MergeActors,
    Planner,
    article_rows,
    events_only,
    extract_articles as _extract_articles,
    extract_arrow,
    merge_block,
)

#: The Spark schema of :data:`dateline.EVENT_SCHEMA`.
SCHEMA = from_arrow_schema(EVENT_SCHEMA)
#: The Spark schema of :data:`dateline.ARTICLE_SCHEMA`: one extracted article a row.
ARTICLE_SCHEMA = from_arrow_schema(_ARTICLE_SCHEMA)
#: The Spark schema of :data:`dateline.MERGED_SCHEMA`: one merged event a row.
MERGED_SCHEMA = from_arrow_schema(_MERGED_SCHEMA)


def extract(batches):
    """The events of each Arrow batch of articles, for ``DataFrame.mapInArrow``."""
    for batch in batches:
        yield extract_arrow(batch)


def extract_articles(batches):
    """The extracted articles of each Arrow batch of articles (one row each, schema
    :data:`ARTICLE_SCHEMA`), for ``DataFrame.mapInArrow``."""
    for batch in batches:
        yield _extract_articles(batch)


def _article_rows(batches):
    for batch in batches:
        yield article_rows(batch)


def _events_only(batches):
    for batch in batches:
        yield events_only(batch)


def read_events(spark, path):
    """An events file (``dateline extract --format articles``; or a folder of them, as
    ``articles.select("article").write.text`` writes) as rows of :data:`ARTICLE_SCHEMA`."""
    return spark.read.text(str(path)).mapInArrow(_article_rows, ARTICLE_SCHEMA)


# The plan's actors, read once per worker process (Spark reuses its Python workers): by the
# plan's own id.
_actors = {}


def _merge_group(plan, actors, table):
    """One group (one block's articles) merged, with the plan's actors from the broadcast
    `actors`, read once per worker: a function of this module, so that the pickled closure
    `merge` hands Spark names it and its cache is the module's."""
    planned = _actors.get(plan)
    if planned is None:
        _actors.clear()
        planned = _actors[plan] = MergeActors(actors.value)
    lines = pa.RecordBatch.from_arrays([table.column("article").combine_chunks()], names=["article"])
    return pa.Table.from_batches([merge_block(planned, lines)], schema=_MERGED_SCHEMA)


def merge(articles, *, chunk=10_000):
    """The merged events of extracted articles (a DataFrame of :data:`ARTICLE_SCHEMA` rows, as
    :func:`extract_articles` or :func:`read_events` give), one a row (:data:`MERGED_SCHEMA`):
    together, the lines ``dateline merge`` writes for the articles as an events file in the
    DataFrame's order (sort them with :func:`dateline.sort_merged` for its order).

    Only the articles' events move: the executors first drop the texts
    (:func:`dateline.events_only`, a few hundred bytes an article instead of its text). Then
    two passes: the plan is made on the driver from every article's events, in the
    DataFrame's order (the order a workspace would import them in), and each block is merged
    alone on the executors, grouped by its number, with the plan's actor rows broadcast. Each
    pass reads ``articles``: cache it (or read it from files) so that it is not extracted twice.
    """
    spark = articles.sparkSession
    events = articles.select("article").mapInArrow(_events_only, ARTICLE_SCHEMA)
    planner = Planner()
    pending = []
    for row in events.select("article").toLocalIterator():
        pending.append(row[0])
        if len(pending) >= chunk:
            planner.add(pending)
            pending = []
    if pending:
        planner.add(pending)
    actors = spark.sparkContext.broadcast(planner.actors())
    plan = uuid.uuid4().hex
    blocks = spark.createDataFrame(pa.Table.from_batches([planner.blocks()]))
    grouped = events.join(blocks, on=["origin", "content_hash"], how="inner").select("block", "article")
    return grouped.groupBy("block").applyInArrow(lambda table: _merge_group(plan, actors, table), MERGED_SCHEMA)
