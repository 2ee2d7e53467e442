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
"""

from ._dateline import EVENT_SCHEMA, extract, extract_arrow, read_file

__all__ = ["EVENT_SCHEMA", "extract", "extract_arrow", "read_file"]
