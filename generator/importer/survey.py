"""A survey export (Google Forms, Yandex Forms) → NPS by month, the current NPS, per segment (v3).

Only counts leave this module: the bands per month, the number of answers with a comment (never
their text), and the answers the current NPS is over (the survey period's last 90 days, or every
answer when those are fewer than 10).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from generator.importer import cells
from generator.importer.deals import UNASSIGNED, FileStats
from generator.importer.recognise import Found
from generator.model import Plan
from generator.model.measured import NpsCurrent, NpsData, NpsGroup, NpsMonth, Period

CONTACT_WORDS = ("mail", "почт", "phone", "телефон", "name", "имя", "фио")
CURRENT_DAYS = 90
CURRENT_MIN = 10


@dataclass(frozen=True)
class Answer:
    """One scored response: its day, score, segment and whether it holds a comment."""

    day: date
    score: int
    segment: str
    comment: bool


def _segment_lookup(plan: Plan) -> dict[str, str]:
    answers = plan.data.nps.answers if plan.data and plan.data.nps else {}
    lookup: dict[str, str] = {}
    for segment in plan.segments:
        for text in [segment.id, segment.name, *answers.get(segment.id, [])]:
            lookup.setdefault(cells.same(text), segment.id)
    return lookup


def read_answers(found: Found, plan: Plan, today: date, period: Period | None) -> tuple[list[Answer], FileStats]:
    """Every scored answer of one survey table; other rows counted by reason."""
    stats = FileStats(system=None)
    stamp_col, score_col = found.columns["timestamp"][0], found.columns["score"][0]
    column = plan.data.nps.segment_column if plan.data and plan.data.nps else None
    segment_col = found.header.index(cells.header(column)) if column and cells.header(column) in found.header else None
    lookup = _segment_lookup(plan)
    skip = {stamp_col, score_col, segment_col}
    comment_cols = [i for i, h in enumerate(found.header) if i not in skip and not any(w in h for w in CONTACT_WORDS)]
    answers = []
    for row in found.data():
        if not any(cells.text(c) for c in row):
            continue
        stats.rows_read += 1
        reason, answer = _answer(row, stamp_col, score_col, segment_col, comment_cols, lookup, today, period)
        if reason:
            stats.skipped[reason] += 1
            continue
        assert answer is not None
        answers.append(answer)
        stats.first = min(stats.first or answer.day, answer.day)
        stats.last = max(stats.last or answer.day, answer.day)
    return answers, stats


def _answer(
    row: list[Any],
    stamp_col: int,
    score_col: int,
    segment_col: int | None,
    comment_cols: list[int],
    lookup: dict[str, str],
    today: date,
    period: Period | None,
) -> tuple[str | None, Answer | None]:
    def cell(i: int) -> str:
        return cells.text(row[i]) if i < len(row) else ""

    when = cells.stamp(row[stamp_col] if stamp_col < len(row) else None)
    if when is None:
        return "no_date", None
    if when[0] > today:
        return "after_today", None
    if period is not None and not period.start <= when[0] <= period.end:
        return "outside_period", None
    score = cell(score_col)
    if not (score.isdigit() and 0 <= int(score) <= 10):
        return "no_score", None
    segment = lookup.get(cells.same(cell(segment_col)), UNASSIGNED) if segment_col is not None else UNASSIGNED
    comment = any(cell(i) and cells.number(cell(i)) is None for i in comment_cols)
    return None, Answer(when[0], int(score), segment, comment)


def _counts(answers: list[Answer]) -> Counter[str]:
    bands: Counter[str] = Counter()
    for a in answers:
        bands["promoters" if a.score >= 9 else "passives" if a.score >= 7 else "detractors"] += 1
    return bands


def _group(answers: list[Answer], period: Period) -> NpsGroup:
    by_month: dict[date, list[Answer]] = {}
    for a in sorted(answers, key=lambda a: a.day):
        by_month.setdefault(a.day.replace(day=1), []).append(a)
    months = [NpsMonth(month=m, comments=sum(a.comment for a in own), **_counts(own)) for m, own in by_month.items()]
    start = period.end - timedelta(days=CURRENT_DAYS - 1)
    recent = [a for a in answers if start <= a.day <= period.end]
    if len(recent) < CURRENT_MIN:
        recent, start = answers, period.start
    current = NpsCurrent(start=start, end=period.end, **_counts(recent)) if recent else None
    return NpsGroup(months=months, current=current)


def measure_nps(answers: list[Answer], period: Period | None, plan: Plan) -> NpsData | None:
    """The `nps` section: every answer, and each segment's (plan order, then unassigned)."""
    if not answers:
        return None
    if period is None:
        period = Period(start=min(a.day for a in answers), end=max(a.day for a in answers))
    segments = {}
    for sid in [*(s.id for s in plan.segments), UNASSIGNED]:
        own = [a for a in answers if a.segment == sid]
        if own:
            segments[sid] = _group(own, period)
    return NpsData(period=period, all=_group(answers, period), segments=segments)
