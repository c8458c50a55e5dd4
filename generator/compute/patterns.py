"""Headline patterns and the outline each one briefs, in Russian and English.

A pattern is the shape of an article a copywriter would accept for an intent, a need, a pain or
a competitor: a question ("Сколько стоит …?"), a how-to, a price breakdown, a checklist, a
comparison, a case, a local guide, a FAQ. Its title and its 3–5 outline points are format
strings over the phrases `generator.compute.wording` prepares in the right case:

- `{s}` the service (nominative), `{s_acc}`, `{s_gen}`, `{s_loc}` its cases, `{o}` "о"/"об"
  before `{s_loc}`, `{which}`/`{which_acc}` "какой/какая/…" agreeing with it, `{costs}`
  "стоит"/"стоят"; English `{a_s}` the service with its article, `{do}` "does"/"do";
- `{where}` " в Москве и Бибиреве" / " in Cork" (with its leading space, or empty), `{place}`
  one place's " в Бибиреве";
- `{seg}` the segment's name (en), `{seg_gen}` in the genitive (ru: "для жителей соседних домов");
- `{text}` a need, pain or weakness as written, `{text_q}` quoted once, `{x}` the noun after
  "нет"/"no", `{needed}` "Нужен/Нужна/…", `{rival}` a competitor's name, `{n}` a count.

Titles are put into sentence case after filling; outlines are briefs, not published text. The
wording is data, in `patterns.yaml` beside this module.
"""

from __future__ import annotations

from pathlib import Path

import yaml

PATTERNS_FILE = Path(__file__).resolve().parent / "patterns.yaml"


def _load() -> dict[str, dict[str, tuple[str, tuple[str, ...]]]]:
    """The patterns table (`patterns.yaml` beside this module: data, not code)."""
    data = yaml.safe_load(PATTERNS_FILE.read_text(encoding="utf-8"))
    return {
        name: {language: (entry["title"], tuple(entry["outline"])) for language, entry in languages.items()}
        for name, languages in data.items()
    }


# pattern → language → (title, outline points)
PATTERNS: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = _load()

# The angles an intent is written from, in the order they are planned (the first that fits the
# intent's modifier opens: a "цена" query starts with the price article, "рядом" with the guide).
INTENT_ANGLES = ("howto", "price", "faq", "checklist", "comparison", "mistakes", "when", "myths", "case")
# Kinds of business that sell a service done in a visit: their articles may say how long it takes.
SERVICE_PRESETS = frozenset(("auto-service", "clinic", "beauty", "fitness", "education"))
OPENING = {"price": "price", "local": "local", "reviews": "comparison"}
