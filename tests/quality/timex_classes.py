#!/usr/bin/env python3
"""Counts a timex error list (`score.py --errors FILE.tsv`, or `quality.py --errors DIR`'s
`timex-SET.tsv`) by class: missed, spurious, extent only, type only, and wrong values by the kind
of expression (first matching class wins, in the order printed).

    python3 tests/quality/timex_classes.py /tmp/err/timex-tbaq.tsv [--show CLASS]
"""
import argparse
import csv
import re
from collections import Counter

WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def value_class(r):
    gv, sv = r["gold_value"], r["sys_value"]
    gt, st = r["gold_type"], r["sys_type"]
    text = (r["gold_text"] or r["sys_text"]).lower()
    if gv in REFS or sv in REFS:
        return "PAST_REF / PRESENT_REF / FUTURE_REF"
    if gt == "SET" or st == "SET":
        return "sets"
    if gt == "DURATION" or st == "DURATION" or gv.startswith("P") or sv.startswith("P"):
        return "durations (value or type)"
    if re.search(r"T(MO|AF|EV|NI|DT)$", gv + " " + sv) or re.search(r"T(MO|AF|EV|NI|DT)\b", gv + " " + sv):
        return "part of day (TMO, TNI...)"
    if "T" in gv or "T" in sv:
        return "clock times"
    if re.search(r"Q|H\d|quarter|fiscal|period", gv + sv + text):
        return "quarters, halves, fiscal years, periods"
    if re.search(r"W", gv + sv) or "week" in text:
        return "weeks and weekends"
    if re.search(WEEKDAYS, text):
        return "weekday direction or anchor"
    if re.fullmatch(r"\d{2,3}X?", gv) or re.fullmatch(r"\d{2,3}X?", sv) or "decade" in text or "centur" in text:
        return "decades, centuries"
    if "year" in text and "ago" in text or "year earlier" in text or "year-" in text:
        return "a year ago / earlier"
    if re.search(r"SP|SU|FA|WI", gv + sv):
        return "seasons"
    g, s = re.sub(r"-XX", "", gv), re.sub(r"-XX", "", sv)
    if g != s and (g.startswith(s) or s.startswith(g)):
        return "underspecified, coarser or finer value"
    if re.fullmatch(r"\d{4}-\d\d(-\d\d)?", gv) and re.fullmatch(r"\d{4}-\d\d(-\d\d)?", sv) and gv[4:] == sv[4:]:
        return "month or month-day in the wrong year"
    return "other"


def classify(r):
    kind = r["kind"]
    if kind == "FN":
        return "missed (FN)"
    if kind == "FP":
        return "spurious (FP)"
    if kind == "SPAN":
        return "extent only (SPAN)"
    if kind == "TYPE":
        return "type only (TYPE)"
    return "value: " + value_class(r)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("errors")
    p.add_argument("--show", help="print the rows of the classes containing this text")
    a = p.parse_args()
    rows = list(csv.DictReader(open(a.errors, encoding="utf-8"), delimiter="\t"))
    counts = Counter(classify(r) for r in rows)
    for cls, n in sorted(counts.items(), key=lambda kv: (not kv[0].startswith("value"), -kv[1])):
        print(f"{n:5d}  {cls}")
    print(f"{sum(n for c, n in counts.items() if c.startswith('value')):5d}  all wrong values")
    if a.show:
        for r in rows:
            if a.show in classify(r):
                print("\t".join([r["doc"], r["kind"], r["gold_text"], r["gold_value"], r["sys_text"], r["sys_value"]]))


if __name__ == "__main__":
    main()
