"""The calendar files: a real .ics feed (parsed back with icalendar, imported by khal) and the CSV."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from generator.cli import main
from generator.compute.schedule import CalendarFigures, compute_plan_calendar
from generator.load.loader import load_plan, load_text
from generator.model import Plan
from generator.render.calendar import render_csv, render_ics


def figures(plan: Plan, today: date) -> CalendarFigures:
    calendar = compute_plan_calendar(plan, today)
    assert calendar is not None
    return calendar


@pytest.fixture
def kolosok(kolosok_path: Path) -> Plan:
    return load_plan(kolosok_path).plan


@pytest.fixture
def feed(kolosok: Plan, today: date) -> bytes:
    return render_ics("kolosok", kolosok, figures(kolosok, today))


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


SMALL = """\
business: {name: "Small «Shop»", language: en}
segments:
  - {id: s1, name: Neighbours, demand: [{query: fresh bread, monthly_volume: 300}]}
content:
  start: 2027-01-04
  end: 2027-01-08
  minutes_per_day: 45
  refresh_after_days: 2
  backlog:
    - {title: "Evil placeholder", segment: s1}
    - {title: "=HYPERLINK(\\"http://x\\")", query: "+cmd", segment: s1}
  published:
    - {date: 2027-01-04, title: "@first", url: "https://example.com/first"}
"""
HOSTILE = "Evil\r\nBEGIN:VEVENT\r\nSUMMARY:pwned\nEND:VEVENT"


def load_small(text: str = SMALL) -> Plan:
    """SMALL with a title holding line breaks: the loader refuses those in one-line fields, so the
    title is put in after loading, to show the renderer holds even if one ever got through."""
    plan = load_text(text)
    assert plan.content is not None
    backlog = [plan.content.backlog[0].model_copy(update={"title": HOSTILE}), *plan.content.backlog[1:]]
    return plan.model_copy(update={"content": plan.content.model_copy(update={"backlog": backlog})})


# .ics -----------------------------------------------------------------------------------------


def test_golden_kolosok_feed(feed: bytes, golden) -> None:  # type: ignore[no-untyped-def]
    golden("calendar/kolosok.ics", feed.decode("utf-8"))


def test_feed_parses_back_one_all_day_event_per_slot(kolosok: Plan, today: date, feed: bytes) -> None:
    cal = Calendar.from_ical(feed)
    assert str(cal["X-WR-CALNAME"]) == "Календарь статей: Пекарня «Колосок»"
    assert cal["REFRESH-INTERVAL"].dt == timedelta(days=1)
    assert b"REFRESH-INTERVAL;VALUE=DURATION:P1D\r\n" in feed
    assert b"X-PUBLISHED-TTL:P1D\r\n" in feed
    found = events(feed)
    assert len(found) == 345  # the hand count of test_schedule.py
    first = found[0]
    assert first["DTSTART"].dt == date(2026, 12, 1)
    assert first["DTEND"].dt == date(2026, 12, 2)  # exclusive end: one whole day
    assert b"DTSTART;VALUE=DATE:20261201\r\n" in feed
    assert str(first["SUMMARY"]) == "Как выбрать свежий хлеб"  # the working title alone
    assert first.categories == ["new", "backlog"]
    description = str(first["DESCRIPTION"]).split("\n")
    assert description == [
        "Источник: Список идей",
        "Для кого: Жители соседних домов; их потребность: свежий хлеб утром",
        "Поисковый запрос: свежий хлеб бибирево",
        "План: 1) Что ищет читатель и в какой ситуации; 2) Главные вопросы перед выбором — с ответами; "
        "3) Как это устроено у нас",
        "Призыв в конце: заказать",  # a bakery: order
        "Внутренняя ссылка: на страницу услуги «свежий хлеб»",  # the backlog's query is that intent's
        "Время: 60 мин",
    ]  # no idea id: the feed is the client's (ids stay in playbook report)
    demand = found[3]  # торт на заказ москва (74 000 a month) and бибирево (880): one intent
    assert str(demand["SUMMARY"]) == "Как выбрать торт на заказ в Москве и Бибиреве: на что смотреть"
    assert demand.categories == ["new", "demand"]
    brief = str(demand["DESCRIPTION"]).split("\n")
    assert "Поисковый запрос: торт на заказ москва (74\u00a0880 запросов в месяц)" in brief
    assert "Что ищет читатель: торт на заказ · Москва, Бибирево" in brief
    assert "Призыв в конце: заказать" in brief
    assert "Внутренняя ссылка: на страницу услуги «торт на заказ»" in brief
    assert next(line for line in brief if line.startswith("План: 1) Кому и когда нужен такой выбор"))
    # DTSTAMP: the audit of 2026-11-20 is the latest plan date not after today (the log: 11-15).
    assert {e["DTSTAMP"].dt.isoformat() for e in found} == {"2026-11-20T00:00:00+00:00"}
    refresh = next(e for e in found if e.categories == ["refresh"])
    assert str(refresh["SUMMARY"]) == "Обновить статью «Мы открылись после ремонта»"
    assert str(refresh["URL"]) == "https://example.com/news/remont"
    assert "Последний раз написана: 15 ноября 2026" in str(refresh["DESCRIPTION"])
    assert all("Идея:" not in str(e["DESCRIPTION"]) for e in found)  # no idea ids on a client output


def test_output_is_byte_identical_and_uids_stable_and_unique(kolosok: Plan, today: date, feed: bytes) -> None:
    assert render_ics("kolosok", kolosok, figures(kolosok, today)) == feed
    uids = [str(e["UID"]) for e in events(feed)]
    assert len(set(uids)) == len(uids)
    assert uids[0] == "20261201-kolosok@playbook"
    later = events(render_ics("kolosok", kolosok, figures(kolosok, date(2027, 1, 20))))
    assert [str(e["UID"]) for e in later] == uids  # same slots, same UIDs, whatever today is


def test_lines_fold_at_75_octets_and_keep_cyrillic(feed: bytes) -> None:
    assert feed.endswith(b"\r\n")
    lines = feed.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert max(len(line) for line in lines) > 60  # long Russian lines were folded, not absent
    for line in lines:
        line.decode("utf-8")  # no UTF-8 sequence is cut by folding
    assert b"\n" not in feed.replace(b"\r\n", b"")


def test_sequence_and_last_modified_follow_the_slot_state() -> None:
    text = SMALL.replace("  published:\n", "  published:\n    - {date: 2027-01-06, title: late}\n")
    plan = load_small(text)
    before = {str(e["UID"]): e for e in events(render_ics("small", plan, figures(plan, date(2027, 1, 4))))}
    after = {str(e["UID"]): e for e in events(render_ics("small", plan, figures(plan, date(2027, 1, 7))))}
    # 2027-01-04 is done (index 0) on both days: 0 + 2, last modified on its day.
    assert before["20270104-small@playbook"]["SEQUENCE"] == after["20270104-small@playbook"]["SEQUENCE"] == 2
    assert after["20270104-small@playbook"]["LAST-MODIFIED"].dt.date() == date(2027, 1, 4)
    # 2027-01-05: planned (due = 1 on the 4th) → missed (index 1: 1 + 1) the day after.
    assert before["20270105-small@playbook"]["SEQUENCE"] == 1
    assert after["20270105-small@playbook"]["SEQUENCE"] == 2
    assert after["20270105-small@playbook"]["LAST-MODIFIED"].dt.date() == date(2027, 1, 6)
    # 2027-01-06: planned → done (index 2: 2 + 2).
    assert (before["20270106-small@playbook"]["SEQUENCE"], after["20270106-small@playbook"]["SEQUENCE"]) == (1, 4)
    # 2027-01-07 is today's task on the 7th: due = 3 (04 done, 05 missed, 06 done).
    assert after["20270107-small@playbook"]["SEQUENCE"] == 3
    assert after["20270107-small@playbook"]["DTSTAMP"].dt.date() == date(2027, 1, 6)  # latest log date ≤ today


def test_hostile_title_cannot_forge_calendar_lines() -> None:
    plan = load_small()
    data = render_ics("small", plan, figures(plan, date(2027, 1, 4)))
    lines = data.split(b"\r\n")
    assert lines.count(b"BEGIN:VEVENT") == 5  # one per slot, none forged
    assert not any(line.startswith(b"SUMMARY:pwned") for line in lines)
    found = events(data)
    assert len(found) == 5
    assert str(found[1]["SUMMARY"]) == "Evil BEGIN:VEVENT SUMMARY:pwned END:VEVENT"


def test_khal_imports_the_feed(tmp_path: Path, kolosok_path: Path) -> None:
    khal = shutil.which("khal")
    if khal is None:
        pytest.skip("khal is not installed")
    (tmp_path / "cal").mkdir()
    config = tmp_path / "config"
    config.write_text(
        textwrap.dedent(
            f"""\
            [calendars]
            [[playbook]]
            path = {tmp_path / "cal"}
            type = calendar
            [locale]
            timeformat = %H:%M
            dateformat = %Y-%m-%d
            longdateformat = %Y-%m-%d
            datetimeformat = %Y-%m-%d %H:%M
            longdatetimeformat = %Y-%m-%d %H:%M
            [sqlite]
            path = {tmp_path / "khal.db"}
            """
        )
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "XDG_DATA_HOME": str(tmp_path / "xdg")}

    def khal_run(*args: str) -> str:
        done = subprocess.run([khal, "-c", str(config), *args], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    feed = tmp_path / "kolosok.ics"
    assert main(["calendar", str(kolosok_path), "--today", "2026-11-22", "-o", str(feed)]) == 0
    khal_run("import", "--batch", str(feed))
    listing = khal_run("list", "2026-12-02", "1d")
    assert "Бенто-торт за два дня" in listing
    assert len(list((tmp_path / "cal").iterdir())) == 345

    # A day later, with the first article logged: the re-imported feed updates events in place.
    plan_copy = tmp_path / "kolosok.yaml"
    plan_copy.write_bytes(kolosok_path.read_bytes())
    assert main(["log", str(plan_copy), "--title", "Как выбрать свежий хлеб", "--date", "2026-12-01"]) == 0
    assert main(["calendar", str(plan_copy), "--today", "2026-12-02", "-o", str(feed)]) == 0
    khal_run("import", "--batch", str(feed))
    assert len(list((tmp_path / "cal").iterdir())) == 345
    assert "Сделано: Как выбрать свежий хлеб" in khal_run("list", "2026-12-01", "1d")


# CSV ------------------------------------------------------------------------------------------


def test_csv_columns_bom_and_injection() -> None:
    plan = load_small()
    data = render_csv(plan, figures(plan, date(2027, 1, 5)))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:8] == ["date", "weekday", "kind", "status", "title", "query", "segment", "url"]
    assert rows[0][8:] == ["source", "brief"]  # the idea engine's columns (no ids), in the plan's language
    assert len(rows) == 1 + 5
    assert rows[1][:8] == ["2027-01-04", "Monday", "new", "done", "'@first", "", "", "https://example.com/first"]
    assert rows[1][8:] == ["", ""]  # a done slot whose title is no known idea
    assert rows[2][:4] == ["2027-01-05", "Tuesday", "new", "today"]
    assert rows[2][4] == "Evil BEGIN:VEVENT SUMMARY:pwned END:VEVENT"
    assert rows[2][6] == "Neighbours"
    assert rows[3][4:7] == ['\'=HYPERLINK("http://x")', "'+cmd", "Neighbours"]
    assert rows[4][2:6] == ["new", "planned", "Choosing fresh bread: what to look for", "fresh bread"]
    assert rows[4][8] == "Search demand"
    # the brief briefs: intent, reader, query, angle, outline, call to action, internal link
    assert rows[4][9] == (
        "Source: Search demand · What the reader wants: fresh bread · For whom: Neighbours · Search query: fresh"
        " bread (300 searches a month) · Angle: how to choose: a guide · Outline: 1) The reader's situation: when"
        " this choice comes up; 2) Five to seven signs of a good option, with examples; 3) Traps to avoid; 4) How"
        " we do it, with photos or figures · Call to action: order · Internal link: to the service page for"
        " “fresh bread” · Time budget: 45 min"
    )
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_csv_russian_weekdays_and_missed(kolosok: Plan) -> None:
    data = render_csv(kolosok, figures(kolosok, date(2026, 12, 3)))
    assert data.startswith(b"\xef\xbb\xbf")
    # a Russian Excel splits on ";" (its decimal sign is the comma); headers and statuses in Russian
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0][:8] == ["дата", "день недели", "что делать", "статус", "заголовок", "запрос", "сегмент", "ссылка"]
    assert rows[0][8:] == ["источник", "задание"]
    assert rows[1] == ["2026-12-01", "вторник", "", "пропущено", "", "", "", "", "", ""]
    assert rows[3][:5] == ["2026-12-03", "четверг", "новая статья", "сегодня", "Как выбрать свежий хлеб"]


# the command ------------------------------------------------------------------------------------


def test_calendar_command_writes_file_and_stdout(
    tmp_path: Path, kolosok_path: Path, kolosok: Plan, capsysbinary
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "k.csv"
    assert main(["calendar", str(kolosok_path), "--format", "csv", "--today", "2026-11-22", "-o", str(out)]) == 0
    assert out.read_bytes() == render_csv(kolosok, figures(kolosok, date(2026, 11, 22)))
    assert [p.name for p in tmp_path.iterdir()] == ["k.csv"]  # no temporary file left behind
    capsysbinary.readouterr()
    assert main(["calendar", str(kolosok_path), "--today", "2026-11-22"]) == 0
    assert capsysbinary.readouterr().out == render_ics("kolosok", kolosok, figures(kolosok, date(2026, 11, 22)))


def test_plan_without_content_is_a_clear_user_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    plan = tmp_path / "bare.yaml"
    plan.write_text("business: {name: Bare}\n", encoding="utf-8")
    out = tmp_path / "bare.ics"
    assert main(["calendar", str(plan), "-o", str(out)]) == 2
    assert "no 'content:' section" in capsys.readouterr().err
    assert not out.exists()


def test_output_cannot_be_the_plan_itself(tmp_path: Path, kolosok_path: Path) -> None:
    plan = tmp_path / "kolosok.yaml"
    plan.write_bytes(kolosok_path.read_bytes())
    assert main(["calendar", str(plan), "-o", str(plan)]) == 2
    assert plan.read_bytes() == kolosok_path.read_bytes()


def test_days_missed_before_delivery_stay_out_of_the_feed() -> None:
    # start 2027-01-04 (done), 05..07 not logged; on the 8th the 5th, 6th and 7th are missed.
    # Handed over on the 7th: the 5th and 6th were never the client's to write, the 7th was.
    plan = load_small(SMALL.replace("  end: 2027-01-08\n", "  end: 2027-01-08\n  delivered: 2027-01-07\n"))
    calendar = figures(plan, date(2027, 1, 8))
    assert calendar.missed == 3  # the statistics (site, PDF) still count every missed day
    feed = {str(e["UID"]): e for e in events(render_ics("small", plan, calendar))}
    assert sorted(feed) == [f"2027010{d}-small@playbook" for d in (4, 7, 8)]
    assert [str(c) for c in feed["20270107-small@playbook"]["CATEGORIES"].cats] == ["missed"]
    # a kept slot keeps its position's SEQUENCE (index 3, missed: 3 + 1), as without a delivery day
    assert feed["20270107-small@playbook"]["SEQUENCE"] == 4
    rows = list(csv.reader(io.StringIO(render_csv(plan, calendar).decode("utf-8-sig"), newline="")))
    assert [r[0] for r in rows[1:]] == ["2027-01-04", "2027-01-07", "2027-01-08"]
    # without `delivered` (default: content.start) every missed day is published
    assert len(events(render_ics("small", load_small(), calendar))) == 5
