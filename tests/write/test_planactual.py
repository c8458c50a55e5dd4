"""`playbook actual`: a month's actuals inserted as text, every other byte kept, validated, atomic."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.cli import main
from generator.errors import UserError
from generator.load.loader import load_plan
from generator.write.planactual import record_actual
from tests.conftest import PLANS, ROOT

TODAY = date(2026, 11, 22)

PLAN = """\
business: {name: Test}
# the strategy
strategy:
  initiatives:
    - id: ads   # paid ads
      title: Ads
      budget_monthly: 1000
      new_customers_monthly: 10

    # a comment between initiatives
    - id: crm
      title: CRM
      actuals: []   # nothing yet
forecast: {start: 2026-09, months: 12}
"""


def test_first_actuals_of_an_initiative_and_into_an_empty_list(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(PLAN, encoding="utf-8")
    record_actual(path, "ads", date(2026, 10, 1), 900.0, 8.0, TODAY)
    plan = record_actual(path, "crm", date(2026, 11, 1), None, 3.0, TODAY)
    expected = PLAN.replace(
        "      new_customers_monthly: 10\n",
        "      new_customers_monthly: 10\n      actuals:\n        - {month: 2026-10, spend: 900, new_customers: 8}\n",
    ).replace(
        "      actuals: []   # nothing yet\n",
        "      actuals:   # nothing yet\n        - {month: 2026-11, new_customers: 3}\n",
    )
    assert path.read_text(encoding="utf-8") == expected
    assert plan.strategy is not None
    ads, crm = plan.strategy.initiatives
    assert [(a.month, a.spend, a.new_customers) for a in ads.actuals] == [(date(2026, 10, 1), 900, 8)]
    assert [(a.month, a.spend, a.new_customers) for a in crm.actuals] == [(date(2026, 11, 1), None, 3)]


def test_appends_to_the_shipped_plan_keeping_every_other_byte(tmp_path: Path) -> None:
    path = tmp_path / "kolosok.yaml"
    shutil.copy(PLANS / "kolosok.yaml", path)
    before = path.read_text(encoding="utf-8")
    assert (
        main(
            [
                "actual",
                str(path),
                "--initiative",
                "vk",
                "--month",
                "2026-09",
                "--spend",
                "7500.5",
                "--today",
                "2026-11-22",
            ]
        )
        == 0
    )
    after = path.read_text(encoding="utf-8")
    line = "        - {month: 2026-11, spend: 15000, new_customers: 11}\n"
    assert after == before.replace(line, line + "        - {month: 2026-09, spend: 7500.5}\n")


def test_refusals_leave_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(PLAN, encoding="utf-8")
    record_actual(path, "ads", date(2026, 10, 1), 900.0, 8.0, TODAY)
    written = path.read_bytes()
    # a second record of the same month is refused: the consultant corrects the entry by hand
    with pytest.raises(UserError, match="already has actuals for 2026-10"):
        record_actual(path, "ads", date(2026, 10, 1), 1000.0, None, TODAY)
    with pytest.raises(UserError, match=r"no initiative 'nope'.*ads, crm"):
        record_actual(path, "nope", date(2026, 10, 1), 1.0, None, TODAY)
    with pytest.raises(UserError, match="after the current month"):
        record_actual(path, "ads", date(2026, 12, 1), 1.0, None, TODAY)
    with pytest.raises(UserError, match="--spend, --new-customers or both"):
        record_actual(path, "ads", date(2026, 9, 1), None, None, TODAY)
    with pytest.raises(UserError, match="--spend must be 0 or more"):
        record_actual(path, "ads", date(2026, 9, 1), -1.0, None, TODAY)
    assert path.read_bytes() == written


def test_cli_exit_status_for_a_bad_month(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(PLAN, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["actual", str(path), "--initiative", "ads", "--month", "2026-13", "--spend", "1"])
    assert info.value.code == 2
    assert "is not a month; write YYYY-MM" in capsys.readouterr().err


def test_six_recordings_at_once_keep_all_six(tmp_path: Path) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(PLAN, encoding="utf-8")
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator.cli",
                "actual",
                str(path),
                "--initiative",
                "ads",
                "--month",
                f"2026-0{month}",
                "--spend",
                str(month * 100),
                "--today",
                "2026-11-22",
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for month in range(1, 7)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0] * 6
    plan = load_plan(path, today=TODAY)
    assert plan.plan.strategy is not None
    assert sorted((a.month.month, a.spend) for a in plan.plan.strategy.initiatives[0].actuals) == [
        (m, m * 100) for m in range(1, 7)
    ]
    assert "# a comment between initiatives" in path.read_text(encoding="utf-8")


# issue 28: option values checked as options; plans with document markers -------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--spend", "nan"], "'nan' is not a number"),
        (["--spend", "inf"], "'inf' is not a number"),
        (["--spend=-inf"], "'-inf' is not a number"),
        (["--spend", "1e13"], "1e13 is beyond any real value here"),
        (["--spend", "-5"], "must be 0 or more"),
        (["--new-customers", "1e11"], "1e11 is beyond any real value here"),
        (["--new-customers", "many"], "'many' is not a number"),
        (["--month", "1969-01", "--spend", "1"], "'1969-01' is outside the years a plan may name (1970–2100)"),
    ],
)
def test_option_values_are_checked_as_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    path = tmp_path / "test.yaml"
    path.write_text(PLAN, encoding="utf-8")
    month = [] if "--month" in args else ["--month", "2026-10"]
    with pytest.raises(SystemExit) as info:
        main(["actual", str(path), "--initiative", "ads", *month, *args, "--today", "2026-11-22"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert words in err and "test.yaml:" not in err  # an option error, not a plan error at some line
    assert path.read_text(encoding="utf-8") == PLAN


MARKERS = [("", "...\n"), ("---\n", ""), ("---\n", "...\n"), ("%YAML 1.2\n---\n", "...\n")]


@pytest.mark.parametrize(("head", "tail"), MARKERS)
def test_actuals_go_into_a_plan_with_document_markers(tmp_path: Path, head: str, tail: str) -> None:
    path = tmp_path / "test.yaml"
    # strategy is the last section, crm its last initiative and without actuals: they go at the very end
    body = PLAN.replace("forecast: {start: 2026-09, months: 12}\n", "")
    body = body.replace("      actuals: []   # nothing yet\n", "")
    text = head + body + tail
    path.write_text(text, encoding="utf-8")
    plan = record_actual(path, "crm", date(2026, 10, 1), 100.0, 1.0, TODAY)
    assert [a.month for a in plan.strategy.initiatives[1].actuals] == [date(2026, 10, 1)]  # type: ignore[union-attr]
    written = path.read_text(encoding="utf-8")
    assert written.startswith(head) and written.endswith(tail)
    assert load_plan(path).plan == plan
