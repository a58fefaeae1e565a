"""Actor codes against PLOVER gold: the share of gold source actors whose country and sector we get right.

For each gold source actor with a span, the prediction is the entity mentioned there (``entity_at``),
its missing parts filled by ``actor_code`` on the span and the noun phrase around it (``actor_at``);
``--entities-only`` measures the entities alone. Country is compared
on the code's first three letters, as the events scorer does (international bodies: IGO, NGO ...);
sector on its first three letters, over the actors whose gold sector is a real code.

    .venv/bin/python benchmarks/actor_codes.py [SET_DIR] [--limit N] [--save] [--show] [--entities-only]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DATA, save  # noqa: E402

from eventwire.extract.actors.code import INTERNATIONAL  # noqa: E402
from eventwire.extract.base import Found, Parsed  # noqa: E402
from eventwire.extract.entities import actor_at, entities, entity_at  # noqa: E402
from eventwire.parse import parse_articles  # noqa: E402
from eventwire.read.article import Article  # noqa: E402
from eventwire.read.boilerplate import boilerplate_spans  # noqa: E402

DEFAULT_SET = DATA / "events" / "plover-gsr-even"
NO_SECTOR = {"", "***", None}


def predict(parsed: Parsed, found: list, start: int, end: int, entities_only: bool = False
            ) -> tuple[str | None, str | None]:
    """(first three letters of the actor code, sector) for the actor at a character span."""
    if entities_only:
        entity = entity_at(found, start, end)
        country, sector = (entity.country, entity.sector) if entity else (None, None)
    else:
        _, country, sector = actor_at(parsed.doc, found, start, end)
    if country is None and sector in INTERNATIONAL:
        return sector, sector
    return country, sector


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", nargs="?", type=Path, default=DEFAULT_SET)
    parser.add_argument("--limit", type=int, default=0, help="first N documents only")
    parser.add_argument("--save", action="store_true", help="keep the result for docs/benchmarks.md")
    parser.add_argument("--show", action="store_true", help="print every miss")
    parser.add_argument("--entities-only", action="store_true", help="the entity at the span only, no actor_code")
    args = parser.parse_args()

    gold = {g["id"]: g for g in map(json.loads, (args.set_dir / "gold.jsonl").open())}
    rows = [json.loads(line) for line in (args.set_dir / "articles.jsonl").open()]
    if args.limit:
        rows = rows[: args.limit]
    articles = [Article(id=r["id"], text=r["text"], published=r.get("published"),
                        boilerplate=boilerplate_spans(r["text"])) for r in rows]
    country_hits = country_total = sector_hits = sector_total = 0
    for article, doc in parse_articles(articles):
        parsed = Parsed(article, doc)
        found = entities(parsed, Found())
        record = gold[article.id]
        for actor, span in zip(record["source"], record["source_spans"], strict=False):
            country, sector = predict(parsed, found, span["start"], span["end"], args.entities_only)
            gold_country = str(actor.get("code") or "")[:3]
            if gold_country:
                country_total += 1
                country_hits += country == gold_country
            gold_sector = actor.get("sector")
            if gold_sector not in NO_SECTOR:
                sector_total += 1
                sector_hits += (sector or "") == gold_sector[:3]
            if args.show and (country != gold_country or gold_sector not in NO_SECTOR and sector != gold_sector[:3]):
                print(f"{article.id}\t{span['text']!r}\tgold {gold_country} {gold_sector}\tgot {country} {sector}")
    country_share = country_hits / max(country_total, 1)
    sector_share = sector_hits / max(sector_total, 1)
    print(f"country accuracy {country_share:.3f} ({country_hits}/{country_total})")
    print(f"sector accuracy  {sector_share:.3f} ({sector_hits}/{sector_total})")
    if args.save:
        save("actor_codes", f"Actor codes on {args.set_dir.name} (gold source actors)",
             ["set", "actors", "country accuracy", "with sector", "sector accuracy"],
             [[args.set_dir.name, country_total, country_share, sector_total, sector_share]],
             notes="benchmarks/actor_codes.py: the entity at each gold source span, else actor_code on its noun "
                   "phrase; country compared on the code's first three letters, sector over actors with one.")


if __name__ == "__main__":
    main()
