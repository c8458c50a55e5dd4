"""Synthetic but realistic plans for the benchmark: every section filled, a year's calendar,
~30 audit tools, Cyrillic text. Deterministic: client i of a portfolio is always the same plan.

    python benchmarks/make_plans.py N FOLDER
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue import FAMILIES

TRADES = ["Пекарня", "Кофейня", "Автосервис", "Стоматология", "Фитнес-клуб", "Цветочный салон", "Типография"]
STREETS = ["Лесная", "Садовая", "Заводская", "Мира", "Победы", "Школьная"]
WORDS = ["свежий", "быстро", "рядом", "недорого", "доставка", "отзывы", "цены", "заказ", "акция", "мастер"]
STATUSES = ["absent", "partial", "done", "n/a"]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def generate_plan(i: int, start: date = date(2026, 1, 5)) -> dict[str, Any]:
    """Client `i`: a Russian small business with every section of the contract filled."""
    rng = random.Random(i)
    trade = rng.choice(TRADES)
    name = f"{trade} «{rng.choice(STREETS)} {i}»"
    goals = [
        {"id": f"goal-{g}", "business_goal": _text(rng, 4), "title": _text(rng, 3), "unit": "заявок",
         "baseline": rng.randint(5, 20), "target": rng.randint(25, 60), "deadline": start + timedelta(days=300)}
        for g in range(3)
    ]
    segments = [
        {
            "id": f"seg-{s}", "name": f"Сегмент {s}: {_text(rng, 2)}", "share": f"{rng.randint(10, 40)}%",
            "portrait": _text(rng, 20), "needs": [_text(rng, 3) for _ in range(3)],
            "pains": [_text(rng, 3) for _ in range(2)],
            "places": [{"name": f"Площадка {p}", "kind": rng.choice(["social", "maps", "search", "messenger"]),
                        "reach": rng.randint(500, 50000)} for p in range(3)],
            "demand": [{"query": f"{trade.lower()} {rng.choice(WORDS)} {s}{q}",
                        "monthly_volume": rng.randint(10, 9000), "source": "Яндекс Вордстат"} for q in range(4)],
        }
        for s in range(3)
    ]
    components: dict[str, Any] = {}
    for family in FAMILIES.values():
        components[family.id] = {
            tool: {"status": rng.choice(STATUSES), "finding": _text(rng, 8), "recommendation": _text(rng, 8),
                   "priority": rng.choice(["high", "medium", "low"])}
            for tool in family.tools
        }
    components["custom"] = [
        {"family": rng.choice(list(FAMILIES)), "id": f"custom-{c}", "name": f"Свой инструмент {c}",
         "status": rng.choice(STATUSES[:3])}
        for c in range(7)
    ]
    initiatives = [
        {"id": f"init-{k}", "title": _text(rng, 4), "component": "online.seo", "rationale": _text(rng, 12),
         "segments": [f"seg-{k % 3}"], "goals": [f"goal-{k % 3}"], "budget_monthly": rng.randint(0, 20000),
         "new_customers_monthly": rng.randint(1, 30)}
        for k in range(5)
    ]
    published = []
    day = start
    for n in range(300):
        if rng.random() < 0.8:
            published.append({"date": day, "title": f"Статья {n}: {_text(rng, 4)}",
                              "url": f"https://example.com/{i}/{n}"})
        day += timedelta(days=1)
    return {
        "business": {"name": name, "language": "ru", "currency": "RUB", "model": "b2c", "industry": trade,
                     "region": "Москва", "consultant": "Анна Смирнова", "description": _text(rng, 30),
                     "current_state": _text(rng, 30)},
        "goals": goals,
        "segments": segments,
        "competitors": [{"name": f"Конкурент {c}", "website": f"https://example.com/c{c}",
                         "strengths": [_text(rng, 3)], "weaknesses": [_text(rng, 3)]} for c in range(3)],
        "audit": {"date": start, "components": components,
                  "practices": {"regularity": "partial", "automation": "absent", "evaluation": "partial",
                                "crm": {"status": "absent", "tool": "тетрадь"}}},
        "strategy": {"summary": _text(rng, 40), "initiatives": initiatives},
        "roadmap": [{"initiative": f"init-{k}", "start": start + timedelta(days=30 * k), "owner": "Анна",
                     "cost": rng.randint(0, 50000)} for k in range(5)],
        "checkpoints": [{"date": start + timedelta(days=90 * c),
                         "kpis": [{"goal": f"goal-{g}", "target": 20 + 5 * c, "actual": rng.randint(10, 40)}
                                  for g in range(3)]} for c in range(4)],
        "forecast": {"start": start.strftime("%Y-%m"), "months": 12},
        "economics": {"average_check": rng.randint(200, 5000), "purchases_per_year": rng.randint(2, 50),
                      "lifetime_years": rng.randint(1, 8), "gross_margin": "35%", "customers": rng.randint(50, 900),
                      "cac": rng.randint(100, 3000),
                      "nps": {"promoters": rng.randint(10, 80), "passives": rng.randint(5, 40),
                              "detractors": rng.randint(0, 30)},
                      "funnel": [{"stage": f"Этап {f}", "count": 10000 // (f + 1) ** 2} for f in range(4)]},
        "automation": [{"process": _text(rng, 4), "hours_per_month": rng.randint(2, 20),
                        "status": rng.choice(["manual", "planned", "automated"])} for _ in range(4)],
        "content": {"start": start, "cadence": "daily", "minutes_per_day": 60, "holidays": "RU",
                    "backlog": [{"title": f"Идея {b}: {_text(rng, 4)}", "segment": f"seg-{b % 3}"}
                                for b in range(40)],
                    "published": published},
    }


try:  # libyaml's emitter when PyYAML has it: the same text, eight times faster (a benchmark writes 200 plans)
    from yaml import CSafeDumper as _SafeDumper
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeDumper as _SafeDumper  # type: ignore[assignment]


class _NoAliases(_SafeDumper):
    """Plans are written out in full: playbook refuses YAML aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_portfolio(count: int, folder: Path) -> list[Path]:
    """Write plans bench-0001.yaml … into `folder` (replacing earlier benchmark plans there)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("bench-*.yaml"):
        old.unlink()
    paths = []
    for i in range(1, count + 1):
        path = folder / f"bench-{i:04d}.yaml"
        text = yaml.dump(generate_plan(i), Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    write_portfolio(int(sys.argv[1]), Path(sys.argv[2]))
