"""`dateline.extract_arrow`: a batch of articles in, one row per event out, the CLI's records."""

import datetime
import json
import struct

import pyarrow as pa
import pytest

import dateline
from conftest import SAMPLES, articles, cli_output, corpus_dirs, extract_article, files_under


def f32(x):
    return struct.unpack("f", struct.pack("f", x))[0]


def as_row(record):
    """A CLI record as the row extract_arrow gives for it."""
    day = lambda d: None if d is None else datetime.date.fromisoformat(d)  # noqa: E731
    location = record["location"] or {}
    return {
        "id": record["doc"],
        "type": record["type"],
        "status": record["status"],
        "start": day(record["start"]),
        "end": day(record["end"]),
        "precision": record["precision"],
        "participants": record["participants"],
        "place": location.get("place"),
        "country": location.get("country"),
        "name": record.get("name"),
        "cameo": record.get("cameo"),
        "plover_type": record.get("plover_type"),
        "plover_mode": record.get("plover_mode"),
        "confidence": f32(record["confidence"]),
        "evidence": [{"start": s, "end": e} for s, e in record["evidence"]],
    }


def cli_rows(paths):
    return [as_row(json.loads(line)) for line in cli_output(paths)]


def same_rows(got, expected):
    """The same rows, counted with repeats (the CLI orders files its own way)."""
    key = lambda r: json.dumps(r, sort_keys=True, default=str)  # noqa: E731
    return sorted(map(key, got)) == sorted(map(key, expected))


def instant(day):
    """03:30 UTC the day after `day`: still `day` in New York (22:30 or 23:30), summer or winter."""
    t = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(3, 30), datetime.timezone.utc)
    return int(t.timestamp() * 1_000_000)


def text_batch(arts, tz):
    return pa.record_batch(
        {
            "id": pa.array([a["doc"] for a in arts]),
            "text": pa.array([a["text"] for a in arts]),
            "published": pa.array(
                [None if a["published"] is None else instant(a["published"]) for a in arts],
                pa.timestamp("us", tz=tz),
            ),
            "url": pa.array([a["url"] for a in arts], pa.string()),
            "title": pa.array([a["title"] for a in arts], pa.string()),
            "outlet": pa.array([a["outlet"] for a in arts], pa.string()),
        }
    )


def test_the_schema_is_one_row_per_event_with_lists_of_participants_and_spans():
    s = dateline.EVENT_SCHEMA
    assert s.names[:3] == ["id", "type", "status"]
    assert s.field("start").type == pa.date32()
    assert s.field("participants").type == pa.list_(pa.string())
    assert s.field("evidence").type == pa.list_(
        pa.struct([pa.field("start", pa.int64(), False), pa.field("end", pa.int64(), False)])
    )
    assert s.field("confidence").type == pa.float32()


@pytest.mark.parametrize("tz", ["America/New_York", "-04:00"])
def test_a_batch_of_the_samples_gives_the_clis_rows_in_order(tz):
    paths = files_under(SAMPLES)
    arts = articles(paths)
    out = dateline.extract_arrow(text_batch(arts, tz))
    assert out.schema == dateline.EVENT_SCHEMA
    rows = out.to_pylist()
    expected = cli_rows(paths)
    assert len(expected) >= 40
    assert same_rows(rows, expected)
    # In the batch's order: article by article, each article's events in the extractor's order.
    assert rows == [as_row(r) for a in arts for r in extract_article(a)]


TEXT = "The foreign ministers of France and Germany met yesterday in Paris to discuss trade."


def test_the_publication_date_is_the_timestamps_date_in_its_zone():
    day = datetime.date(2021, 5, 20)
    art = {"doc": "a", "text": TEXT, "published": day, "url": None, "title": None, "outlet": None}
    # 03:30 UTC on the 21st is the 20th in New York and at -04:00, the 21st in UTC.
    for tz, published in [("America/New_York", day), ("-04:00", day), ("UTC", day + datetime.timedelta(1))]:
        rows = dateline.extract_arrow(text_batch([art], tz)).to_pylist()
        assert [r["start"] for r in rows] == [published - datetime.timedelta(1)], tz


def test_html_pages_as_bytes_give_the_clis_rows_for_the_dev_corpus():
    paths = files_under(*corpus_dirs())
    batch = pa.record_batch(
        {"id": pa.array([p.stem for p in paths]), "html": pa.array([p.read_bytes() for p in paths], pa.binary())}
    )
    out = dateline.extract_arrow(batch)
    assert out.num_rows >= 500
    # The pages' own ids are their file names' stems, as the CLI's `doc`.
    assert same_rows(out.to_pylist(), cli_rows(paths))


def test_html_as_strings_and_in_large_types_is_the_same():
    paths = [p for p in files_under(SAMPLES) if p.suffix == ".html"]
    ids = pa.array([p.stem for p in paths])
    pages = [p.read_text(encoding="utf-8") for p in paths]
    as_bytes = dateline.extract_arrow(pa.record_batch({"id": ids, "html": pa.array([p.encode() for p in pages])}))
    as_text = dateline.extract_arrow(pa.record_batch({"id": ids, "html": pa.array(pages, pa.large_string())}))
    assert as_bytes.num_rows > 0 and as_text.to_pylist() == as_bytes.to_pylist()


def test_an_empty_batch_gives_no_rows_with_the_schema():
    empty = pa.record_batch(
        {"id": pa.array([], pa.string()), "text": pa.array([], pa.string()), "published": pa.array([], pa.date32())}
    )
    out = dateline.extract_arrow(empty)
    assert out.num_rows == 0 and out.schema == dateline.EVENT_SCHEMA


def test_a_null_text_gives_no_rows_and_dates_may_be_date32_or_strings():
    text = TEXT
    batch = pa.record_batch(
        {
            "id": ["a", "b", "c"],
            "text": [text, None, text],
            "published": pa.array(["2021-05-20", None, "2021-05-20T23:30:00-04:00"]),
        }
    )
    rows = dateline.extract_arrow(batch).to_pylist()
    assert {r["id"] for r in rows} == {"a", "c"}
    assert {r["start"] for r in rows} == {datetime.date(2021, 5, 19)}
    by_date32 = batch.set_column(2, "published", pa.array([datetime.date(2021, 5, 20), None, None]))
    assert [r["start"] for r in dateline.extract_arrow(by_date32).to_pylist() if r["id"] == "a"] == [
        datetime.date(2021, 5, 19)
    ]


def test_a_batch_that_is_not_articles_is_an_error_saying_why():
    text = pa.array(["The ministers met."])
    with pytest.raises(KeyError, match='"id"'):
        dateline.extract_arrow(pa.record_batch({"text": text, "published": pa.array(["2021-05-20"])}))
    with pytest.raises(KeyError, match='"published"'):
        dateline.extract_arrow(pa.record_batch({"id": ["a"], "text": text}))
    with pytest.raises(ValueError, match="both"):
        dateline.extract_arrow(pa.record_batch({"id": ["a"], "text": text, "html": text}))
    with pytest.raises(TypeError, match="published"):
        dateline.extract_arrow(pa.record_batch({"id": ["a"], "text": text, "published": pa.array([1.5])}))
    with pytest.raises(ValueError, match="null"):
        dateline.extract_arrow(
            pa.record_batch({"id": pa.array([None], pa.string()), "text": text, "published": pa.array(["2021-05-20"])})
        )


def test_on_error_skip_drops_the_article_that_fails_and_keeps_the_others():
    good = (SAMPLES / "02-planned-trip.html").read_bytes()
    batch = pa.record_batch({"id": ["bad", "good"], "html": pa.array([b"", good], pa.binary())})
    with pytest.raises(ValueError, match="^bad: "):
        dateline.extract_arrow(batch)
    rows = dateline.extract_arrow(batch, on_error="skip").to_pylist()
    assert rows and {r["id"] for r in rows} == {"good"}
    with pytest.raises(ValueError, match="on_error"):
        dateline.extract_arrow(batch, on_error="ignore")
