"""`playbook new SLUG --interview`, driven through a pseudo-terminal (pexpect) like a consultant at the
keyboard: Enter accepts the default shown, arrow keys choose, Ctrl-U clears a default to type over,
`<` goes back; the written plan passes check and its figures are the answers typed.

The keys to press are worked out first by running the same interview in this process with a
scripted `ask` (the answers below), which also gives the order of the questions to wait for."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.intake.interview import BACK, run_interview
from generator.intake.questions import Question
from generator.load.loader import load_plan

pexpect = pytest.importorskip("pexpect")

TODAY = date(2026, 12, 7)
PLAYBOOK = str(Path(sys.executable).parent / "playbook")
DOWN, UP, CLEAR = "\x1b[B", "\x1b[A", "\x15"
# A real terminal answers prompt_toolkit's cursor-position request; pexpect's does not, and each prompt
# would wait for the answer: the test says so up front, as prompt_toolkit documents.

Step = tuple[str, str, tuple[str, ...], str]  # message, default, choices, answer


def scripted(language: str) -> tuple[list[Step], dict[str, str]]:
    """The interview's questions in order with the answer to give each, and what the plan should hold."""
    steps: list[Step] = []
    seen: dict[str, int] = {}

    def ask(q: Question, default: str, choices: tuple[str, ...]) -> str:
        seen[q.key] = seen.get(q.key, 0) + 1
        answer = default
        if q.key.endswith(".count") and q.key != "goals.count":
            answer = "1"  # one segment, competitor, initiative, checkpoint: fewer keys to press
        elif q.key == "region":
            answer = "Kazan"
        elif q.key == "average_check" and seen[q.key] == 1:
            answer = "4321"
        elif q.key == "online.seo":
            answer = "partly"
        elif q.key == "online.seo.finding":
            answer = "No sitemap: the site is not indexed"
        elif q.key == "sales.crm":
            answer = "no"
        elif q.key == "budget_monthly" and q.kind == "number" and seen[q.key] == 1:
            answer = "55555"  # then back from the next question, and 77777 instead
        elif q.key == "start" and q.kind == "month" and seen[q.key] == 1:
            answer = BACK
        elif q.key == "budget_monthly" and seen[q.key] == 2:
            answer = "77777"
        elif q.key == "start" and q.kind == "month":
            answer = "2027-02"
        steps.append((q.text(language), default, (*choices, BACK) if choices else (), answer))
        return answer

    run_interview(None if language == "en" else "bakery", language, TODAY, "client", ask=ask)
    expected = {"region": "Kazan", "average_check": "4321", "budget": "77777", "start": "2027-02"}
    return steps, expected


def keys(default: str, choices: tuple[str, ...], answer: str) -> str:
    """The keys that give `answer`: Enter on the default, arrows to a choice, Ctrl-U and typing for text."""
    if choices:
        start = choices.index(default) if default in choices else 0
        target = choices.index(answer)
        moves = DOWN * (target - start) if target >= start else UP * (start - target)
        return moves + "\r"
    if answer == default:
        return "\r"
    return CLEAR + answer + "\r"


def drive(tmp_path: Path, argv: list[str], steps: list[Step]) -> Path:
    child = pexpect.spawn(
        PLAYBOOK,
        [*argv, "--dir", str(tmp_path), "--today", TODAY.isoformat()],
        encoding="utf-8",
        dimensions=(50, 220),
        timeout=30,
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", "PROMPT_TOOLKIT_NO_CPR": "1"},
    )
    child.delaybeforesend = None
    for message, default, choices, answer in steps:
        child.expect(re.escape(message))
        child.send(keys(default, choices, answer))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return tmp_path / "client.yaml"


@pytest.mark.parametrize(
    ("preset", "language"), [("auto-service", "en"), ("bakery", "ru")], ids=["auto-service-en", "bakery-ru"]
)
def test_interview_writes_the_answers_typed(tmp_path: Path, preset: str, language: str) -> None:
    steps, expected = scripted(language)
    argv = ["new", "client", "--interview", "--language", language]
    if language == "ru":
        argv += ["--preset", preset]
    else:
        # no --preset: the interview asks for it first; choose auto-service with the arrows
        steps[0] = (*steps[0][:3], "auto-service")
    path = drive(tmp_path, argv, steps)
    plan = load_plan(path, today=TODAY).plan
    assert plan.business.preset == preset and plan.business.language == language
    assert plan.business.region == expected["region"]
    assert plan.segments[0].economics is not None and plan.segments[0].economics.average_check == 4321
    assert plan.strategy is not None and plan.strategy.budget_monthly == 77777  # the answer after going back
    assert plan.forecast is not None and plan.forecast.start == date(2027, 2, 1)
    online = plan.audit.components.online if plan.audit and plan.audit.components else None
    assert online is not None and online.seo is not None
    assert (online.seo.status, online.seo.finding) == ("partial", "No sitemap: the site is not indexed")
    text = path.read_text(encoding="utf-8")
    assert "# assumed" in text  # the preset's suggestions kept at Enter stay marked


@pytest.mark.parametrize("language", ["en", "ru"])
def test_ctrl_c_leaves_nothing_written(tmp_path: Path, language: str) -> None:
    child = pexpect.spawn(
        PLAYBOOK,
        ["new", "client", "--interview", "--preset", "clinic", "--language", language, "--dir", str(tmp_path)],
        encoding="utf-8",
        dimensions=(50, 220),
        timeout=30,
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin", "PROMPT_TOOLKIT_NO_CPR": "1"},
    )
    child.expect("Как называется бизнес" if language == "ru" else "What is the business called")
    child.send("\r")
    child.expect("Отрасль" if language == "ru" else "Industry")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert not list(tmp_path.iterdir())
