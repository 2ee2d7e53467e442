"""A generated corpus of short wire reports, for scale tests and benchmarks: world events
(meetings, visits, calls) between ministers of a few dozen countries over some years, each told
by one to three articles, published on the day or the day after, in varied words. Deterministic
for a seed. Names are made up; countries and cities are real (the gazetteer's)."""

import datetime
import random

COUNTRIES = [
    ("France", "Paris"), ("Germany", "Berlin"), ("Japan", "Tokyo"), ("Brazil", "Brasilia"),
    ("India", "New Delhi"), ("Kenya", "Nairobi"), ("Canada", "Ottawa"), ("Mexico", "Mexico City"),
    ("Egypt", "Cairo"), ("Indonesia", "Jakarta"), ("Turkey", "Ankara"), ("Spain", "Madrid"),
    ("Italy", "Rome"), ("Poland", "Warsaw"), ("Nigeria", "Abuja"), ("Argentina", "Buenos Aires"),
    ("Vietnam", "Hanoi"), ("Australia", "Canberra"), ("Norway", "Oslo"), ("Chile", "Santiago"),
    ("Ghana", "Accra"), ("Peru", "Lima"), ("Sweden", "Stockholm"), ("Thailand", "Bangkok"),
]
FIRST = ["Anna", "Pedro", "Kenji", "Amara", "Lukas", "Priya", "Omar", "Sofia", "Tomas", "Leila",
         "Marek", "Ines", "Daniel", "Yuki", "Farah", "Elena", "Kwame", "Rosa", "Ivan", "Mei"]
LAST = ["Varga", "Okafor", "Lindqvist", "Moreau", "Takeda", "Castillo", "Haddad", "Novak",
        "Brandt", "Mensah", "Rossi", "Kowalski", "Silva", "Nakamura", "Duarte", "Petrov"]
TITLES = ["Foreign Minister", "Prime Minister", "President"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def people(rng):
    """One foreign minister, prime minister and president per country, named once."""
    names = rng.sample([f"{f} {l}" for f in FIRST for l in LAST], len(COUNTRIES) * len(TITLES))
    return {(c, t): names.pop() for c, _ in COUNTRIES for t in TITLES}


def telling(rng, kind, a, b, where, day, published):
    """A sentence telling the event (a: (country, title, name), b likewise) as of `published`."""
    (ca, ta, na), (cb, tb, nb) = a, b
    delta = (published - day).days
    when = "today" if delta == 0 else "yesterday" if delta == 1 else f"on {WEEKDAYS[day.weekday()]}"
    if kind == "meeting":
        verb = rng.choice(["met", "held talks with", "met with"])
        return f"{ca}'s {ta} {na} {verb} {cb}'s {tb} {nb} in {where} {when} to discuss trade and security."
    if kind == "visit":
        return f"{ca}'s {ta} {na} visited {where} {when}, where {na} met {tb} {nb} of {cb}."
    return f"{ca}'s {ta} {na} spoke by telephone with {cb}'s {tb} {nb} {when} about the crisis."


def articles(n, *, seed=20, start=datetime.date(2015, 1, 5)):
    """About `n` articles (dicts: id, text, published as an ISO date, title, outlet), in
    publication order."""
    rng = random.Random(seed)
    who = people(rng)
    out = []
    day = start
    k = 0
    while len(out) < n:
        # A few events a day; each told by 1 to 3 articles, on the day or the day after.
        for _ in range(rng.randint(2, 6)):
            (ca, cityA), (cb, cityB) = rng.sample(COUNTRIES, 2)
            ta, tb = rng.choice(TITLES), rng.choice(TITLES)
            kind = rng.choice(["meeting", "meeting", "visit", "call"])
            where = cityB if kind == "visit" else rng.choice([cityA, cityB])
            for _ in range(rng.choice([1, 1, 2, 2, 3])):
                published = day + datetime.timedelta(days=rng.choice([0, 1, 1]))
                k += 1
                sentence = telling(rng, kind, (ca, ta, who[(ca, ta)]), (cb, tb, who[(cb, tb)]), where, day, published)
                title = f"{ca} and {cb} ({k})"
                text = f"{title}\n\n{sentence} Officials said further contacts were planned."
                out.append(
                    {"id": f"g{k:07d}", "text": text, "published": published.isoformat(), "title": title,
                     "outlet": rng.choice(["Wire A", "Wire B", "Daily C", "Gazette D"])}
                )
        day += datetime.timedelta(days=1)
    out = out[:n]
    out.sort(key=lambda a: (a["published"], a["id"]))
    return out
