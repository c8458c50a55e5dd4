"""Demand matching and the refresh queue, worked by hand from contract v3."""

from __future__ import annotations

from datetime import date

from generator.compute.webdata import compute_demand, compute_refresh_queue, phrase_key, url_key
from generator.load.loader import load_text
from generator.model.measured import Measured

TODAY = date(2026, 11, 22)
PLAN = """\
business: {name: T, language: en}
segments:
  - id: a
    name: A
    demand:
      - {query: "Замена масла", monthly_volume: 10}
      - {query: шиномонтаж рядом}
content:
  start: 2025-01-01
  refresh_after_days: 90
  published:
    - {date: 2026-10-20, title: Fresh, kind: refresh, url: "https://site.example/fresh/"}
    - {date: 2025-01-01, title: Logged, url: "https://site.example/logged"}
"""


def test_keys() -> None:
    assert phrase_key('"!Замена  +масла"') == phrase_key("замена масла") == "замена масла"
    assert phrase_key("ёлка") == "елка"
    assert url_key("https://WWW.Site.example/blog/%D1%88%D0%B8%D0%BD%D1%8B/#top") == url_key(
        "http://site.example/blog/шины"
    )


def test_demand_measured_volumes_and_uncovered_top_20() -> None:
    plan = load_text(PLAN, today=TODAY)
    phrases = [{"phrase": "замена масла", "count": 5}, {"phrase": "[замена масла]", "count": 7}]
    phrases += [{"phrase": f"фраза {i:02d}", "count": 100} for i in range(25)]
    phrases += [{"phrase": "большая", "count": 1000}]
    ws = Measured.model_validate({"wordstat": {"imported": "2026-11-01", "phrases": phrases}}).wordstat
    demand = compute_demand(plan, ws)
    assert demand is not None
    assert [(q.query, q.typed, q.measured) for q in demand.queries] == [
        ("Замена масла", 10, 7),  # the largest count of the phrase listed twice
        ("шиномонтаж рядом", None, None),
    ]
    assert len(demand.uncovered) == 20
    assert demand.uncovered[0] == ("большая", 1000)
    assert demand.uncovered[1:4] == (("фраза 00", 100), ("фраза 01", 100), ("фраза 02", 100))  # ties alphabetical


def _pages(rows: list[tuple[str, float, float, float]]) -> list[dict[str, object]]:
    return [{"url": u, "clicks": c, "impressions": i, "position": p} for u, c, i, p in rows]


def test_refresh_queue_reasons_and_order() -> None:
    plan = load_text(PLAN, today=TODAY)
    base = "https://site.example"
    measured = Measured.model_validate(
        {
            "pages": [
                {  # 30 days, compared with a 60-day later period: later clicks scaled by 30 ÷ 60
                    "start": "2026-08-01",
                    "end": "2026-08-30",
                    "pages": _pages(
                        [
                            (f"{base}/a/", 100, 1000, 3),  # later 100 × ½ = 50: lost 50
                            (f"{base}/b/", 10, 500, 3),  # later absent: 0, lost 10
                            (f"{base}/c/", 9, 500, 3),  # fewer than 10 before: never declining
                            (f"{base}/d/", 20, 500, 3),  # later 34 × ½ = 17 > 16: not declining
                            (f"{base}/fresh/", 100, 900, 3),  # refreshed 33 days ago: left out
                            (f"{base}/not-an-article/", 100, 900, 3),
                        ]
                    ),
                },
                {
                    "start": "2026-09-01",
                    "end": "2026-10-30",
                    "pages": _pages(
                        [
                            (f"{base}/a", 100, 1000, 3),
                            (f"{base}/d/", 34, 100, 8),  # within reach: position 8, 100 impressions
                            (f"{base}/e/", 1, 300, 20),  # within reach, more impressions than d
                            (f"{base}/f/", 1, 99, 12),  # too few impressions
                            (f"{base}/g/", 1, 5000, 7.9),  # too high a position
                        ]
                    ),
                },
            ],
            "sitemap": {
                "imported": "2026-11-01",
                "urls": [
                    {"url": f"{base}/{x}/", "lastmod": day}
                    for x, day in [
                        ("a", "2020-01-01"),  # declining first: listed once
                        ("b", None),
                        ("c", None),
                        ("d", None),
                        ("e", None),
                        ("f", None),
                        ("g", None),
                        ("fresh", None),
                        ("old", "2025-11-21"),  # 366 days before today: stale
                        ("older", "2024-01-01"),
                        ("edge", "2025-11-22"),  # exactly 365 days: not stale
                    ]
                ],
            },
        }
    )
    queue = compute_refresh_queue(plan, measured, TODAY)
    assert [(q.url.removeprefix(base), q.reason) for q in queue] == [
        ("/a/", "declining"),
        ("/b/", "declining"),
        ("/e/", "within_reach"),
        ("/d/", "within_reach"),
        ("/older/", "stale"),
        ("/old/", "stale"),
    ]
    assert (queue[0].clicks_before, queue[0].clicks_after) == (100, 50)


def test_the_idea_engine_takes_uncovered_demand_and_the_refresh_queue() -> None:
    from generator.compute.schedule import compute_plan_calendar
    from generator.compute.webdata import MeasuredIdeas, RefreshItem
    from generator.present.briefs import brief_lines

    plan = load_text(
        """\
business: {name: T, language: ru}
segments: [{id: a, name: A, demand: [{query: свой запрос, monthly_volume: 10}]}]
content:
  start: 2026-11-23
  end: 2026-12-05
  cadence: daily
  refresh_after_days: 90
  published:
    - {date: 2026-01-10, title: Старая статья, url: "https://site.example/old/"}
""",
        today=date(2026, 11, 22),
    )
    item = RefreshItem("https://site.example/old", "declining", 120, 70, 3)
    measured = MeasuredIdeas(demand=(("чужая фраза", 500), ("свой запрос", 400)), refresh=(item,))
    calendar = compute_plan_calendar(plan, date(2026, 11, 22), measured)
    assert calendar is not None
    slots = [(s.kind, s.source, s.query) for s in calendar.days]
    assert slots[0] == ("new", "demand", "свой запрос")  # the plan's own first
    assert slots[1] == ("new", "demand", "чужая фраза")  # then uncovered demand (its own intent)
    assert "чужую фразу" in (calendar.days[1].title or "")  # worded as a topic, not pasted
    first_refresh = next(n for n, s in enumerate(slots) if s[0] == "refresh")
    # between them only further angles on the plan's query (steps 3–5); then step 6: the queue first
    assert first_refresh > 2 and {s[1] for s in slots[2:first_refresh]} == {"angle"}
    refresh = [s for s in calendar.days if s.kind == "refresh"]
    assert len(refresh) == 1  # then the log's rule: the article was just refreshed; nothing else is old
    assert refresh[0].refresh_item == item and refresh[0].title == "Старая статья"  # the logged article
    lines = brief_lines(refresh[0], "ru", {}, 30)
    assert "Почему: клики 120 → 70 за последние 3 месяца" in lines
