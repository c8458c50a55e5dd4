"""Measured figures as a reader sees them: provenance in words, Russian agreement, gaps."""

from __future__ import annotations

from datetime import date

from generator.compute.measured import Provenance
from generator.present.measured import _provenance, gap_text


def test_provenance_in_both_languages() -> None:
    p = Provenance("deals", ("amoCRM",), ("a.csv",), 1234, date(2025, 1, 3), date(2026, 11, 20), date(2026, 11, 22))
    assert _provenance(p, "en") == "amoCRM export, 1,234 won deals, January 2025 – November 2026"
    assert _provenance(p, "ru") == "Выгрузка amoCRM, 1\xa0234 успешные сделки, январь 2025 — ноябрь 2026"
    one = Provenance("nps", (), ("s.csv",), 21, date(2025, 3, 1), date(2025, 3, 31), date(2025, 4, 1))
    assert _provenance(one, "ru") == "Опрос, 21 ответ, март 2025 — март 2025"
    ws = Provenance("wordstat", (), ("w.csv",), 5, None, None, date(2026, 11, 22))
    assert _provenance(ws, "ru") == "Вордстат, 5 строк, загружено 22 ноября 2026"


def test_gap_text() -> None:
    assert gap_text(0.3366, "en") == "+34%"
    assert gap_text(None, "ru") == "—"
