"""Lint M117–M120 on a plan with a measured/ file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.compute.figures import compute_figures
from generator.load.loader import load_plan

TODAY = date(2026, 6, 1)
PLAN = """\
business: {name: T, language: en}
economics: {average_check: 130, purchases_per_year: 2}
strategy:
  initiatives:
    - id: x
      title: X
      actuals:
        - {month: 2026-02, new_customers: 11}
        - {month: 2026-03, new_customers: 12}
        - {month: 2026-04, new_customers: 1}
data: {initiatives: {x: {sources: [s]}}}
"""
MEASURED = """\
version: 3
data: {initiatives: {x: {sources: [s]}}}
sources:
  - {file: a.csv, sha256: ZERO, kind: deals, rows_read: 1, imported: '2026-06-01',
     period: {start: '2025-01-01', end: '2026-05-31'}}
  - {file: w.csv, sha256: ONE, kind: wordstat, rows_read: 1, imported: '2026-04-01'}
deals:
  period: {start: '2025-01-01', end: '2026-05-31'}
  window: {start: '2025-06-01', end: '2026-05-31'}
  measured_from: 2026-01
  groups:
    all:
      window: {won_deals: 30, revenue: 3000, customers: 10}
  initiatives:
    x:
      - {month: 2026-02, new_customers: 10}
      - {month: 2026-03, new_customers: 10}
      - {month: 2026-04, new_customers: 0}
""".replace("ZERO", "0" * 64).replace("ONE", "1" * 64)


def _codes(tmp_path: Path, plan: str = PLAN) -> list[tuple[str, str]]:
    (tmp_path / "plans").mkdir()
    (tmp_path / "measured").mkdir()
    (tmp_path / "plans" / "t.yaml").write_text(plan, "utf-8")
    (tmp_path / "measured" / "t.yaml").write_text(MEASURED, "utf-8")
    loaded = load_plan(tmp_path / "plans" / "t.yaml", today=TODAY)
    return [(w.code, w.path) for w in compute_figures(loaded, TODAY).lint if w.code >= "M117"]


def test_measured_warnings(tmp_path: Path) -> None:
    assert _codes(tmp_path) == [
        # average check 3000 ÷ 30 = 100: 130 is 30% off, not more; purchases 30 ÷ 10 = 3: 2 is 33% off
        ("M119", "economics.purchases_per_year"),
        # 11 against 10 is 10%: not more; 12 against 10 is 20%; against a measured 0 any difference
        ("M117", "strategy.initiatives[0].actuals[1].new_customers"),
        ("M117", "strategy.initiatives[0].actuals[2].new_customers"),
        # the Wordstat import of 2026-04-01 is 61 days old; the deals end 1 day ago
        ("M118", "data"),
    ]


def test_data_section_changed(tmp_path: Path) -> None:
    codes = _codes(tmp_path, PLAN.replace("sources: [s]", "sources: [s, t]"))
    assert ("M120", "data") in codes
