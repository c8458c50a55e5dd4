"""The survey: the score column found by its values, the 90-day current NPS and its fallback,
comments counted (never kept), answers mapped to segments."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from generator.importer import survey
from generator.importer.recognise import recognise
from generator.importer.tables import read_export
from generator.load.loader import load_plan
from tests.importer.helpers import csv_bytes, plan_file, write

TODAY = date(2026, 3, 20)
HEADER = ["Timestamp", "Email address", "Rate us 0-10", "How likely are you to recommend us?", "Who are you", "Why?"]


def _nps(tmp_path: Path, rows: list[list[str]]):
    plan = load_plan(plan_file(tmp_path), today=TODAY).plan
    path = write(tmp_path, "survey.csv", csv_bytes([HEADER, *rows], sep=","))
    found = recognise(read_export(path).tables[0], ["deals", "nps"], {}, forced=False)
    assert found is not None and found.kind == "nps"
    assert found.header[found.columns["score"][0]].startswith("how likely")  # the recommending one of two
    answers, stats = survey.read_answers(found, plan, TODAY, None)
    return survey.measure_nps(answers, None, plan), stats


def _row(day: date, score: int, who: str = "", why: str = "") -> list[str]:
    return [f"{day:%d.%m.%Y} 10:00:00", "x@example.org", "5", str(score), who, why]


def test_current_nps_is_over_the_last_90_days(tmp_path: Path) -> None:
    end = date(2026, 3, 1)
    first = end - timedelta(days=89)  # 02.12.2025: the window's first day
    rows = [
        _row(first - timedelta(days=1), 0),  # 91 days before the end: outside
        *(_row(first, 10) for _ in range(6)),
        *(_row(end, 8) for _ in range(2)),
        *(_row(end, 3, why="12") for _ in range(2)),  # a numbers-only answer is no comment
        _row(end, 9, who="Alpha person", why="Fast"),
    ]
    m, _ = _nps(tmp_path, rows)
    assert m is not None
    current = m.all.current
    assert current is not None and current.start == first and current.end == end
    # 11 answers in the window: 7 promoters, 2 passives, 2 detractors → NPS (7 − 2) ÷ 11
    assert (current.promoters, current.passives, current.detractors) == (7, 2, 2)
    assert sum(x.comments for x in m.all.months) == 1
    assert set(m.segments) == {"a", "unassigned"}


def test_fewer_than_10_answers_in_90_days_take_every_answer(tmp_path: Path) -> None:
    end = date(2026, 3, 1)
    rows = [_row(date(2025, 6, 1), 0), *(_row(end, 10) for _ in range(9))]
    m, _ = _nps(tmp_path, rows)
    assert m is not None and m.all.current is not None
    assert m.all.current.start == date(2025, 6, 1)
    assert (m.all.current.promoters, m.all.current.detractors) == (9, 1)
    assert [x.month for x in m.all.months] == [date(2025, 6, 1), date(2026, 3, 1)]


def test_rows_without_a_score_are_skipped(tmp_path: Path) -> None:
    rows = [_row(date(2026, 3, 1), 10), [*_row(date(2026, 3, 1), 10)[:3], "", "", "no score"]]
    _, stats = _nps(tmp_path, rows)
    assert dict(stats.skipped) == {"no_score": 1}
