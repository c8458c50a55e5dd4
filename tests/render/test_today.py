"""`playbook log` keeps the hand-written plan byte for byte; `playbook today` shows each client's task."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.load.loader import load_plan


def inserted_lines(before: bytes, after: bytes) -> list[bytes]:
    """The lines `after` adds to `before`, asserting that nothing else changed."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    assert len(new) > len(old)
    start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    added = len(new) - len(old)
    assert new[:start] == old[:start]
    assert new[start + added :] == old[start:]
    return new[start : start + added]


@pytest.fixture
def plan_copy(tmp_path: Path, kolosok_path: Path) -> Path:
    path = tmp_path / "kolosok.yaml"
    path.write_bytes(kolosok_path.read_bytes())
    return path


def test_log_appends_one_flow_item_and_keeps_every_other_byte(plan_copy: Path) -> None:
    before = plan_copy.read_bytes()
    assert b"#" in before  # the shipped plan is commented
    code = main(
        [
            "log",
            str(plan_copy),
            "--title",
            "Как выбрать свежий хлеб",
            "--url",
            "https://example.com/a",
            "--date",
            "2026-12-01",
        ]
    )
    assert code == 0
    added = inserted_lines(before, plan_copy.read_bytes())
    assert added == [
        "    - {date: 2026-12-01, title: Как выбрать свежий хлеб, url: https://example.com/a, kind: new}\n".encode()
    ]
    published = load_plan(plan_copy).plan.content.published  # type: ignore[union-attr]
    assert [p.title for p in published] == ["Мы открылись после ремонта", "Как выбрать свежий хлеб"]

    before = plan_copy.read_bytes()
    assert main(["log", str(plan_copy), "--title", 'Цены: "торты", хлеб # 2', "--date", "2026-12-02", "--refresh"]) == 0
    (line,) = inserted_lines(before, plan_copy.read_bytes())
    assert line.startswith(b"    - {date: 2026-12-02, ")
    last = load_plan(plan_copy).plan.content.published[-1]  # type: ignore[union-attr]
    assert (last.title, last.kind, last.url) == ('Цены: "торты", хлеб # 2', "refresh", None)


BLOCK = """\
business:
  name: Block  # the client
content:
  start: 2027-01-04   # first day
  # the log, newest last
  published:
    - date: 2027-01-04
      title: First
      # a note inside the item
      url: https://example.com/1

    # trailing comment of the log
  backlog:
    - {title: Next}
# end of file comment
"""


def test_log_block_style_list_with_comments_and_crlf(tmp_path: Path) -> None:
    for newline in ("\n", "\r\n"):
        path = tmp_path / "block.yaml"
        before = BLOCK.replace("\n", newline).encode()
        path.write_bytes(before)
        assert main(["log", str(path), "--title", "Second", "--date", "2027-01-05"]) == 0
        added = inserted_lines(before, path.read_bytes())
        expected = ["    - date: 2027-01-05", "      title: Second", "      kind: new"]
        assert added == [(line + newline).encode() for line in expected]
        assert path.read_bytes().index(b"Second") < path.read_bytes().index(b"# trailing comment")
        assert [p.title for p in load_plan(path).plan.content.published] == ["First", "Second"]  # type: ignore[union-attr]


@pytest.mark.parametrize("value", [" []", " []  # none yet"])
def test_log_starts_an_empty_log(tmp_path: Path, value: str) -> None:
    path = tmp_path / "empty.yaml"
    body = f"business: {{name: Empty}}\ncontent:\n  start: 2027-01-04\n  published:{value}\n  cadence: daily\n"
    path.write_text(body, encoding="utf-8")
    assert main(["log", str(path), "--title", "One", "--date", "2027-01-04"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "    - {date: 2027-01-04, title: One, kind: new}\n  cadence: daily\n" in text
    assert [p.title for p in load_plan(path).plan.content.published] == ["One"]  # type: ignore[union-attr]


def test_log_without_published_key_and_no_final_newline(tmp_path: Path) -> None:
    path = tmp_path / "nolog.yaml"
    before = b"business: {name: No log}\ncontent:\n  start: 2027-01-04  # go"
    path.write_bytes(before)
    assert main(["log", str(path), "--title", "One", "--date", "2027-01-04"]) == 0
    assert path.read_bytes() == before + b"\n  published:\n    - {date: 2027-01-04, title: One, kind: new}\n"


def test_log_refuses_and_leaves_the_file_untouched(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "invalid.yaml": ("business: {name: X}\ncontent: {start: 2027-01-04, cadense: daily}\n", 1, "cadense"),
        "nocontent.yaml": ("business: {name: X}\n# no content yet\n", 2, "no 'content:' section"),
        "flow.yaml": (
            "business: {name: X}\ncontent:\n  start: 2027-01-04\n  published: [{date: 2027-01-01, title: A}]\n",
            2,
            "one-line",
        ),
    }
    for name, (text, code, words) in cases.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert main(["log", str(path), "--title", "T", "--date", "2027-01-04"]) == code
        assert words in capsys.readouterr().err
        assert path.read_text(encoding="utf-8") == text
    path = tmp_path / "ok.yaml"
    text = "business: {name: X}\ncontent:\n  start: 2027-01-04\n"
    path.write_text(text, encoding="utf-8")
    assert main(["log", str(path), "--title", "T", "--url", "javascript:alert(1)"]) == 2
    assert "--url" in capsys.readouterr().err
    assert main(["log", str(path), "--title", "two\nlines"]) == 2
    assert path.read_text(encoding="utf-8") == text
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(".lock"))  # write/lock.py's
    assert written == ["flow.yaml", "invalid.yaml", "nocontent.yaml", "ok.yaml"]


def test_today_shows_each_clients_task_and_streak(tmp_path: Path, plan_copy: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["log", str(plan_copy), "--title", "Как выбрать свежий хлеб", "--date", "2026-12-01"]) == 0
    (tmp_path / "bare.yaml").write_text("business: {name: Bare shop, language: en}\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["today", "--plans", str(tmp_path), "--date", "2026-12-02"]) == 0
    out = capsys.readouterr().out
    # kolosok on 12-02: 12-01 done (streak 1, 1/1), today's task the second backlog idea.
    kolosok_line = next(line for line in out.splitlines() if "Колосок" in line)
    assert "Бенто-торт за два дня" in kolosok_line
    assert "бенто торт" in kolosok_line
    assert " 1 " in kolosok_line and "1/1" in kolosok_line
    assert "no content" in out
    # today's brief under the title: source, for whom, the query, the time budget
    brief = ("Источник: Список идей", "Для кого: Заказчики тортов", "Поисковый запрос: бенто торт", "Время: 60 мин")
    for line in brief:
        assert line in out
    # 101 new articles of 345 slots: the consultant is told what to add, in Russian
    assert "! Пекарня «Колосок»: новых статей в календаре 101 из 345 слотов — меньше половины" in out
    assert "Добавьте в план идеи в content.backlog" in out
    assert "Bare shop" not in out.split("┘")[-1]  # a plan without a calendar gets no warning

    assert main(["today", "--plans", str(tmp_path), "--client", "kolosok", "--date", "2026-12-04"]) == 0
    out = capsys.readouterr().out
    assert "Bare shop" not in out
    # 12-02 and 12-03 missed (streak 0, 1 of 3 done); missed slots use no idea: Бенто-торт is still next.
    assert "Бенто-торт за два дня" in out and "1/3" in out
    # a Russian-only portfolio gets a Russian table: no English header left
    assert "Сегодня" in out and "сделано/к сроку" in out
    assert "done/due" not in out and "Client" not in out
    assert main(["today", "--plans", str(tmp_path), "--client", "nobody"]) == 2


def test_today_writes_dates_in_words_of_the_plans_language(plan_copy: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Before kolosok's calendar starts (1 December 2026) the table names the next slot's day in Russian words."""
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["today", "--plans", str(plan_copy.parent), "--client", "kolosok", "--date", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "Сегодня: 22 ноября 2026" in out
    assert "ближайшая 1 декабря 2026: Как выбрать свежий хлеб" in out
    assert "2026-12-01" not in out and "2026-11-22" not in out


def test_today_shows_the_days_improvement_beside_the_article(kolosok_path: Path) -> None:
    from datetime import date

    from generator.render.today import compute_today

    (row,) = compute_today([load_plan(kolosok_path)], date(2026, 12, 7))
    # the maps entry (1–31 December) began 6 days ago and ends first: today's one-hour step
    assert row.improvement == "«Карточки в Яндекс Картах и 2ГИС»: шаг на час (завершить к 31 декабря 2026)"
    # in February only the CRM entry (from 1 February 2027) began within 30 days
    (later,) = compute_today([load_plan(kolosok_path)], date(2027, 2, 3))
    assert later.improvement == "«amoCRM с заявками из сайта и мессенджеров»: шаг на час (завершить к 31 декабря 2027)"
    # in mid-January nothing is due and every priority is scheduled: a first step on the top one (CRM)
    (quiet,) = compute_today([load_plan(kolosok_path)], date(2027, 1, 15))
    assert quiet.improvement == "«CRM-система»: первый шаг на час"
