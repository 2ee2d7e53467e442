"""`dateline.extract` gives exactly the lines of `dateline extract --format jsonl`."""

import datetime
import json

import pytest

import dateline
from conftest import SAMPLES, articles, cli_lines, corpus_dirs, extract_article, files_under


def as_line(record):
    """A record written as the CLI writes it (serde_json: no spaces, UTF-8 as is)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def python_lines(paths):
    by_doc = {}
    for a in articles(paths):
        lines = [as_line(r) for r in extract_article(a)]
        if lines:
            by_doc.setdefault(a["doc"], []).extend(lines)
    return by_doc


def test_the_samples_give_the_clis_lines():
    paths = files_under(SAMPLES)
    expected = cli_lines(paths)
    assert sum(map(len, expected.values())) >= 40, "the samples gave too few events to compare"
    assert python_lines(paths) == expected


def test_the_dev_corpus_gives_the_clis_lines():
    dirs = corpus_dirs()
    expected = cli_lines(dirs)
    assert len(expected) >= 100, "the corpus gave too few articles with events to compare"
    assert python_lines(files_under(*dirs)) == expected


TEXT = "The foreign ministers of France and Germany met yesterday in Paris to discuss trade."


def test_published_as_a_date_a_datetime_or_a_string_is_the_same_anchor():
    by_date = dateline.extract(TEXT, datetime.date(2021, 5, 20))
    assert by_date, "the sentence gave no event"
    assert by_date[0]["start"] == "2021-05-19"
    # A datetime's own date, in its own zone (here late on the 20th, the 21st in UTC).
    late = datetime.datetime(2021, 5, 20, 23, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=-4)))
    assert dateline.extract(TEXT, late) == by_date
    assert dateline.extract(TEXT, "2021-05-20") == by_date
    assert dateline.extract(TEXT, "2021-05-20T23:30:00-04:00") == by_date


def test_without_a_date_a_relative_date_stays_unresolved():
    records = dateline.extract(TEXT, None)
    assert records and records[0]["start"] is None


def test_doc_and_url_are_the_callers():
    records = dateline.extract(TEXT, "2021-05-20", doc="a-1", url="https://example.org/a")
    assert {r["doc"] for r in records} == {"a-1"}


def test_a_bad_published_is_an_error_saying_what_is_expected():
    with pytest.raises(ValueError, match="not a date"):
        dateline.extract(TEXT, "yesterday")
    with pytest.raises(TypeError, match="a date, a datetime, a string or None"):
        dateline.extract(TEXT, 20210520)


def test_an_unreadable_file_is_an_error_naming_it(tmp_path):
    p = tmp_path / "empty.pdf"
    p.write_bytes(b"")
    with pytest.raises(ValueError, match="empty"):
        dateline.read_file(str(p))


def warc_record(uri, html):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode()
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def test_parquet_jsonl_and_warc_files_read_as_the_cli_reads_them(tmp_path):
    """A crawl's corpus files (made here from the samples' texts and pages) give, through
    read_file and extract, the CLI's lines for the same files."""
    import gzip

    import pyarrow as pa
    import pyarrow.parquet as pq

    arts = [a for a in articles(files_under(SAMPLES)) if a["published"] is not None]
    noon = [datetime.datetime.combine(a["published"], datetime.time(12), datetime.timezone.utc) for a in arts]
    table = pa.table(
        {
            "id": ["p-" + a["doc"] for a in arts],
            "text": [a["text"] for a in arts],
            "published": pa.array(noon, pa.timestamp("ms", tz="Europe/Berlin")),
            "title": [a["title"] for a in arts],
        }
    )
    pq.write_table(table, tmp_path / "texts.parquet", compression="zstd")
    with open(tmp_path / "texts.jsonl", "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"id": "j-" + a["doc"], "body": a["text"], "date": a["published"].isoformat()}) + "\n")
    pages = sorted(SAMPLES.glob("*.html"))
    records = [warc_record(f"https://example.org/{p.stem}.html", p.read_text(encoding="utf-8")) for p in pages]
    (tmp_path / "pages.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in records))
    files = [tmp_path / n for n in ("texts.parquet", "texts.jsonl", "pages.warc.gz")]
    expected = cli_lines(files)
    got = python_lines(files)
    assert got == expected
    assert len(got) >= len(arts) // 2 and sum(map(len, got.values())) >= 40
    # Each file gave articles with events: the rows, the lines and the pages (by their addresses).
    assert any(d.startswith("p-") for d in got) and any(d.startswith("j-") for d in got)
    assert {p.stem for p in pages} & set(got)
