#!/usr/bin/env python3
"""Extraction quality on the shared gold sets, from one command (`make quality`).

Runs the release `dateline` binary over the dev corpora and the temporal-expression sets, scores
them with the evaluation's own scorers (../shared/eval), and prints the figures as Markdown tables:
events per style and split (tune / check), per type, and the temporal tagger per set.

    python3 tests/quality/quality.py --bin PATH/dateline [--write docs/QUALITY.md] [--errors DIR]

--write replaces the blocks between `<!-- quality:events -->` / `<!-- /quality:events -->` and
`<!-- quality:timex -->` / `<!-- /quality:timex -->` in the given Markdown file.
--errors DIR writes the scorers' error lists (one file per set) for reading.
--only events|timex runs one half.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"
STYLES = [
    ("State Department releases", SHARED / "corpus" / "statedept-dev", EVAL / "gold" / "dev.jsonl"),
    ("news styles (White House, Kremlin, Ukraine)", SHARED / "corpus" / "newsstyles-dev",
     EVAL / "gold" / "newsstyles-dev.jsonl"),
]
TIMEX_SETS = ["tbaq", "meantime", "wikiwars"]


def read_ids(path):
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def write_subset(gold_path, ids, out):
    with open(gold_path, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for line in f:
            if line.strip() and json.loads(line)["doc"] in ids:
                g.write(line)


def score_events(gold, system, errors_to=None):
    cmd = [sys.executable, str(EVAL / "score_events.py"), str(gold), str(system), "--json"]
    if errors_to:
        cmd.append("--errors")
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines()
    if errors_to:
        Path(errors_to).write_text("\n".join(out[1:]) + "\n", encoding="utf-8")
    return json.loads(out[0])


def extract(binary, corpus, out):
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([binary, "extract", "--format", "jsonl", str(corpus)], check=True, stdout=f)


def events_tables(binary, tmp, errors_dir):
    tune, check = read_ids(EVAL / "gold" / "tune.txt"), read_ids(EVAL / "gold" / "check.txt")
    rows, types = [], []
    for name, corpus, gold in STYLES:
        system = tmp / f"{corpus.name}.system.jsonl"
        extract(binary, corpus, system)
        for split, ids in (("tune", tune), ("check", check)):
            subset = tmp / f"{corpus.name}.{split}.gold.jsonl"
            write_subset(gold, ids, subset)
            errors = errors_dir / f"events-{corpus.name}-{split}.jsonl" if errors_dir else None
            r = score_events(subset, system, errors)
            rows.append((name, split, r))
            types.append((name, split, r["by_type"]))
    head = ("| style | split | docs / required events | strict F1 | F1 | P | R | date exact "
            "| status | participants |\n|---|---|---|---|---|---|---|---|---|---|\n")
    body = "".join(
        f"| {n} | {s} | {r['documents']} / {r['gold_events']} | **{r['strict_f1']:.3f}** | {r['f1']:.3f} "
        f"| {r['precision']:.3f} | {r['recall']:.3f} | {r['date_exact']:.3f} | {r['status_accuracy']:.3f} "
        f"| {r['participant_recall']:.3f} |\n" for n, s, r in rows)
    kinds = ["call", "conference", "meeting", "visit"]
    thead = "| style | split | " + " | ".join(kinds) + " |\n|---|---|" + "---|" * len(kinds) + "\n"
    tbody = ""
    for n, s, bt in types:
        cells = []
        for k in kinds:
            f = bt.get(k)
            cells.append(f"P {f['precision']:.2f} R {f['recall']:.2f} F1 {f['f1']:.2f}" if f else "–")
        tbody += f"| {n} | {s} | " + " | ".join(cells) + " |\n"
    return head + body + "\nBy type (P, R, F1):\n\n" + thead + tbody


def timex_table(binary, tmp, errors_dir):
    rows = []
    for name in TIMEX_SETS:
        system = tmp / f"timex-{name}.jsonl"
        with open(system, "w", encoding="utf-8") as f:
            subprocess.run([binary, "timex", "--input", str(EVAL / "timex" / f"{name}.input.jsonl")],
                           check=True, stdout=f)
        cmd = [sys.executable, str(EVAL / "timex" / "score.py"), str(EVAL / "timex" / f"{name}.gold.jsonl"),
               str(system)]
        if errors_dir:
            cmd += ["--errors", str(errors_dir / f"timex-{name}.tsv")]
        text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        fig = {}
        for key in ("strict", "relaxed"):
            m = re.search(rf"^{key}\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", text, re.M)
            fig[key] = float(m.group(3)) if m else float("nan")
        m = re.search(r"value\s+acc\s+([\d.]+)\s+F1\s+([\d.]+)", text)
        fig["value_acc"], fig["value_f1"] = (float(m.group(1)), float(m.group(2))) if m else (float("nan"),) * 2
        rows.append((name, fig))
    head = "| set | strict F1 | relaxed F1 | value accuracy | value F1 |\n|---|---|---|---|---|\n"
    return head + "".join(
        f"| `{n}` | {f['strict']:.2f} | {f['relaxed']:.2f} | {f['value_acc']:.2f} | **{f['value_f1']:.2f}** |\n"
        for n, f in rows)


def replace_block(doc, tag, content):
    pattern = re.compile(rf"(<!-- quality:{tag} -->\n).*?(<!-- /quality:{tag} -->)", re.S)
    if not pattern.search(doc):
        sys.exit(f"no <!-- quality:{tag} --> block in the file to write")
    return pattern.sub(lambda m: m.group(1) + content + m.group(2), doc)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the dateline binary (a release build)")
    parser.add_argument("--write", type=Path, help="Markdown file whose quality blocks to replace")
    parser.add_argument("--errors", type=Path, help="folder for the scorers' error lists")
    parser.add_argument("--only", choices=["events", "timex"])
    args = parser.parse_args()
    if args.errors:
        args.errors.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        blocks = {}
        if args.only in (None, "events"):
            blocks["events"] = events_tables(args.bin, tmp, args.errors)
        if args.only in (None, "timex"):
            blocks["timex"] = timex_table(args.bin, tmp, args.errors)
    for tag, content in blocks.items():
        print(content)
    if args.write:
        doc = args.write.read_text(encoding="utf-8")
        for tag, content in blocks.items():
            doc = replace_block(doc, tag, content)
        args.write.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
