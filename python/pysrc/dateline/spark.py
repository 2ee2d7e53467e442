"""Dateline on Spark: ``df.mapInArrow(dateline.spark.extract, dateline.spark.SCHEMA)``.

``df`` has the columns :func:`dateline.extract_arrow` reads (``id``, ``text`` or ``html``,
``published``, optional ``url``, ``title``, ``outlet``); the result has one row per event. Spark
hands a ``TimestampType`` column over in the session's time zone (``spark.sql.session.timeZone``),
so the publication date of a timestamp is its date there: set the zone of the publications, or
pass ``published`` as a date or a string.
"""

from pyspark.sql.pandas.types import from_arrow_schema

from ._dateline import EVENT_SCHEMA, extract_arrow

#: The Spark schema of :data:`dateline.EVENT_SCHEMA`.
SCHEMA = from_arrow_schema(EVENT_SCHEMA)


def extract(batches):
    """The events of each Arrow batch of articles, for ``DataFrame.mapInArrow``."""
    for batch in batches:
        yield extract_arrow(batch)
