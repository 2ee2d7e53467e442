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
