"""Dateline on Ray Data: ``ds.map_batches(dateline.ray.Extract, batch_format="pyarrow")``.

The dataset has the columns :func:`dateline.extract_arrow` reads; the result has one row per
event (schema :data:`dateline.EVENT_SCHEMA`).
"""

import pyarrow as pa

from ._dateline import EVENT_SCHEMA, extract_arrow


class Extract:
    """A callable class for ``Dataset.map_batches``: Ray runs it in actors, each taking batch after
    batch (a ``pyarrow.Table``) and giving the table of their events."""

    def __init__(self, on_error="raise"):
        self.on_error = on_error

    def __call__(self, table):
        events = [extract_arrow(b, on_error=self.on_error) for b in table.combine_chunks().to_batches()]
        return pa.Table.from_batches(events, schema=EVENT_SCHEMA)
