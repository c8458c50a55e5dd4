"""The import benchmark: `playbook import` of a generated 200 000-row amoCRM deals export
(Windows-1251, `;`) against `pandas.read_csv` parsing the same file — both as fresh processes,
best of three, with each one's peak memory."""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

HEADER = [
    "ID",
    "Название сделки",
    "Бюджет",
    "Этап сделки",
    "Воронка",
    "Ответственный",
    "Дата создания",
    "Дата закрытия",
    "Теги",
    "Основной контакт",
    "Компания",
    "Телефон",
    "Email",
    "utm_source",
    "Примечание",
]
STAGES = ["Успешно реализовано"] * 8 + ["Закрыто и не реализовано", "Переговоры"]
TAGS = ["частник", "такси", "шиномонтаж", "частник, из ВК", "таксопарк", ""]
SOURCES = ["2gis", "yandex_maps", "vk", "site", "", "direct"]
PLAN = """\
business: {name: Bench, language: ru}
economics: {average_check: 5000, purchases_per_year: 3, lifetime_years: 3, gross_margin: 35%}
segments:
  - {id: private, name: Частные}
  - {id: taxi, name: Такси}
  - {id: tyres, name: Шиномонтаж}
strategy:
  initiatives:
    - {id: maps, title: Карты}
    - {id: vk, title: ВК}
    - {id: site, title: Сайт}
data:
  segments: {private: {tags: [частник]}, taxi: {tags: [такси, таксопарк]}, tyres: {tags: [шиномонтаж]}}
  initiatives: {maps: {sources: [2gis, yandex_maps]}, vk: {sources: [vk], tags: [из ВК]}, site: {sources: [site]}}
"""
IMPORT = """
import resource, sys, time
began = time.perf_counter()
from generator.cli import main
code = main(["import", sys.argv[1], sys.argv[2], "--today", "2026-11-22", "--dry-run"])
usage = resource.getrusage(resource.RUSAGE_SELF)
print("RESULT", code, time.perf_counter() - began, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""
PANDAS = """
import resource, sys, time
began = time.perf_counter()
import pandas
frame = pandas.read_csv(sys.argv[1], sep=";", encoding="cp1251")
usage = resource.getrusage(resource.RUSAGE_SELF)
print("RESULT", len(frame), time.perf_counter() - began, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def write_deals(path: Path, rows: int, seed: int = 7) -> None:
    """A deals export as amoCRM writes it, in Windows-1251 with `;`: 1 customer in 10 rows."""
    rng = random.Random(seed)
    start = datetime(2023, 1, 1, 8)
    with path.open("w", encoding="cp1251", newline="") as stream:
        writer = csv.writer(stream, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for i in range(rows):
            customer = rng.randrange(rows // 10)
            created = start + timedelta(minutes=rng.randrange(60 * 24 * 1400))
            closed = created + timedelta(hours=rng.randrange(1, 72))
            writer.writerow(
                [
                    18_000_000 + i,
                    f"Заказ {i}",
                    f"{rng.randrange(5, 400) * 100:,}".replace(",", " "),
                    rng.choice(STAGES),
                    "Основная",
                    "Ольга Белова",
                    created.strftime("%d.%m.%Y %H:%M:%S"),
                    closed.strftime("%d.%m.%Y %H:%M:%S"),
                    rng.choice(TAGS),
                    f"Клиент {customer}",
                    "",
                    f"+7 913 {customer // 10000:03d}-{customer // 100 % 100:02d}-{customer % 100:02d}",
                    f"c{customer}@example.org",
                    rng.choice(SOURCES),
                    "",
                ]
            )


def _run(script: str, *args: str) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak KB) of a fresh process (its start-up and imports included)."""
    out = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True).stdout
    _, _, seconds, cpu, rss = out.strip().splitlines()[-1].split()
    return float(seconds), float(cpu), int(rss)


def measure_import(
    work: Path, rows: int = 200_000, runs: int = 3
) -> tuple[float, float, float, int, int, float, float, float]:
    """(rows a second, ours ÷ pandas, our seconds, our peak KB, pandas' peak KB, ratio of CPU seconds,
    our CPU seconds, pandas' CPU seconds), best of `runs` each. On a shared machine the CPU ratio
    is the steadier of the two."""
    (work / "import" / "plans").mkdir(parents=True, exist_ok=True)
    plan = work / "import" / "plans" / "bench.yaml"
    plan.write_text(PLAN, "utf-8")
    deals = work / "import" / "deals.csv"
    write_deals(deals, rows)
    ours = [_run(IMPORT, str(plan), str(deals)) for _ in range(runs)]
    bare = [_run(PANDAS, str(deals)) for _ in range(runs)]
    best, base = min(s for s, _, _ in ours), min(s for s, _, _ in bare)
    ours_cpu, bare_cpu = min(c for _, c, _ in ours), min(c for _, c, _ in bare)
    cpu = ours_cpu / bare_cpu
    peaks = max(r for _, _, r in ours), max(r for _, _, r in bare)
    return rows / best, best / base, best, *peaks, cpu, ours_cpu, bare_cpu


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/playbook-import-bench")
    began = time.perf_counter()
    speed, ratio, seconds, ours_kb, pandas_kb, cpu, ours_cpu, bare_cpu = measure_import(folder)
    print(f"import_ratio_cpu={cpu:.2f} ({ours_cpu:.2f} s / {bare_cpu:.2f} s)")
    print(
        f"import_rows_per_s={speed:.0f} import_ratio={ratio:.2f} ({seconds:.2f} s; peak {ours_kb / 1024:.0f} MB, "
        f"pandas {pandas_kb / 1024:.0f} MB; took {time.perf_counter() - began:.0f} s)"
    )
