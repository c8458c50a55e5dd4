"""Small plans and exports written for the importer's tests (no module of generator/ mirrors this)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

PLAN = """\
business: {name: Test, language: en, currency: EUR}
economics: {average_check: 1000, purchases_per_year: 2, lifetime_years: 2, gross_margin: 50%}
segments:
  - {id: a, name: Alpha}
  - {id: b, name: Beta}
strategy:
  initiatives:
    - {id: x, title: X}
data:
  segments: {a: {tags: [ta]}, b: {tags: [tb], pipelines: [PB]}}
  initiatives: {x: {sources: [sx]}}
  nps: {segment_column: Who are you, answers: {a: [Alpha person]}}
"""

DEALS_HEADER = [
    "ID",
    "Бюджет",
    "Этап сделки",
    "Воронка",
    "Дата создания",
    "Дата закрытия",
    "Теги",
    "Основной контакт",
    "Телефон",
    "Email",
    "utm_source",
]
WON = "Успешно реализовано"


def plan_file(root: Path, text: str = PLAN) -> Path:
    """plans/test.yaml under `root`."""
    (root / "plans").mkdir(parents=True, exist_ok=True)
    path = root / "plans" / "test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def csv_bytes(rows: list[list[str]], sep: str = ";", encoding: str = "utf-8", newline: str = "\n") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator=newline)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def deal(
    ident: str,
    amount: str,
    closed: str,
    *,
    stage: str = WON,
    tags: str = "",
    phone: str = "",
    email: str = "",
    contact: str = "",
    source: str = "",
    pipeline: str = "Main",
    created: str = "",
) -> list[str]:
    return [ident, amount, stage, pipeline, created or closed, closed, tags, contact, phone, email, source]


def write(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.write_bytes(data)
    return path
