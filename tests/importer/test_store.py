"""Merging an import into measured/: newer exports replace their months, older months stay."""

from __future__ import annotations

from pathlib import Path

from generator.importer.store import dump, merge, write
from generator.model.measured import Measured


def _visits(months: dict[str, int]) -> Measured:
    return Measured.model_validate({"visits": [{"month": m, "visits": v} for m, v in months.items()]})


def test_a_later_import_replaces_the_months_it_touches() -> None:
    old = _visits({"2026-01": 1, "2026-02": 2, "2026-03": 3})
    new = _visits({"2026-03": 30, "2026-04": 40})
    merged = merge(old, new, {"visits"})
    assert [(f"{v.month:%Y-%m}", v.visits) for v in merged.visits] == [
        ("2026-01", 1),
        ("2026-02", 2),
        ("2026-03", 30),
        ("2026-04", 40),
    ]


def test_pages_kept_per_period_and_wordstat_replaced() -> None:
    def pages(start: str, end: str, clicks: int) -> dict[str, object]:
        return {"start": start, "end": end, "pages": [{"url": "https://a/", "clicks": clicks}]}

    old = Measured.model_validate(
        {
            "pages": [pages("2026-01-01", "2026-03-31", 1), pages("2026-04-01", "2026-06-30", 2)],
            "wordstat": {"imported": "2026-01-01", "phrases": [{"phrase": "a", "count": 1}]},
        }
    )
    new = Measured.model_validate(
        {
            "pages": [pages("2026-04-01", "2026-06-30", 20)],
            "wordstat": {"imported": "2026-07-01", "phrases": [{"phrase": "b", "count": 2}]},
        }
    )
    merged = merge(old, new, {"pages", "wordstat"})
    assert [p.pages[0].clicks for p in merged.pages] == [1, 20]
    assert merged.wordstat is not None and [p.phrase for p in merged.wordstat.phrases] == ["b"]


def test_written_once_then_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "measured" / "t.yaml"
    measured = _visits({"2026-01": 1})
    assert write(target, measured) and not write(target, measured)
    text = target.read_text("utf-8")
    assert "- {month: 2026-01, visits: 1, goal_completions: null}" in text
    assert dump(Measured.model_validate({"visits": [{"month": "2026-01", "visits": 1}]})) == target.read_bytes()
