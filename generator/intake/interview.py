"""`playbook new SLUG --interview`: the meeting's questions asked in a terminal, in the method's order.

Each question shows its default (the preset's suggestion, or the answer given before going back);
Enter accepts it, arrow keys choose among choices, `<` (or the "back" choice) returns to the
previous question, Ctrl-C leaves without writing anything (the plan is written only once every
question is answered). Going back replays the answers given so far and asks the last one again,
so questions that depend on earlier answers (how many segments, which ids) stay consistent.

An answer left at the preset's suggestion is left out of the answers, so the plan takes it from
the preset and marks it assumed: a default accepted at the meeting is still a default to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.catalogue import Label
from generator.errors import UserError
from generator.intake.answers import Answers, preset_answers
from generator.intake.questions import STATUS_CHOICES, STATUS_LABELS, Question, Section, sections
from generator.presets import known_presets, load_preset

BACK = "<"
SKIP = "skip"
_NUMBER = re.compile(r"-?\d+([.,]\d+)?")
_CHECKS: dict[str, tuple[re.Pattern[str], Label]] = {
    "number": (_NUMBER, Label("нужно число, например 6000", "a number, e.g. 6000")),
    "quantity": (
        re.compile(r"-?\d+([.,]\d+)?%?"),
        Label("число или доля: 30 или 35%", "a number or a share: 30 or 35%"),
    ),
    "share": (re.compile(r"\d+([.,]\d+)?%?"), Label("доля: 35% или 0.35", "a share: 35% or 0.35")),
    "date": (re.compile(r"\d{4}-\d{2}-\d{2}"), Label("дата ГГГГ-ММ-ДД", "a date YYYY-MM-DD")),
    "month": (re.compile(r"\d{4}-\d{2}"), Label("месяц ГГГГ-ММ", "a month YYYY-MM")),
    "months": (
        re.compile(r"\s*\d{1,2}(\s*,\s*\d{1,2})*\s*"),
        Label("номера месяцев: 4, 10, 11", "month numbers: 4, 10, 11"),
    ),
}
WORDS = {
    "back": Label("← назад", "← back"),
    "arrows": Label("(стрелки или цифры, Enter — выбрать)", "(arrow keys or digits, Enter chooses)"),
    "skip": Label("пропустить (не знаем)", "skip (unknown yet)"),
    "none": Label("без шаблона", "no preset"),
    "preset": Label("Отрасль (шаблон)", "Industry (preset)"),
    "how_many": Label("{title}: сколько?", "{title}: how many?"),
    "hint": Label("Enter — принять, < — назад, Ctrl-C — выйти без записи", "Enter accepts, < goes back, Ctrl-C quits"),
}


class GoBack(Exception):
    """The consultant asked to return to the previous question."""


Ask = Callable[[Question, str, tuple[str, ...]], str]  # question, default, choices → answer (or BACK)


def terminal_ask(language: str) -> Ask:
    """Questions asked with questionary (prompt_toolkit): text with its default, choices by arrows."""
    import sys

    try:
        import questionary
    except ImportError:
        raise UserError("the interview needs questionary: reinstall playbook (make build)") from None
    if not sys.stdin.isatty():
        raise UserError("the interview needs a terminal; for answers from a file use --answers FILE")

    def ask(q: Question, default: str, choices: tuple[str, ...]) -> str:
        message = q.text(language)
        if choices:
            shown = [questionary.Choice(_choice_label(c, language), value=c) for c in choices]
            shown.append(questionary.Choice(WORDS["back"].in_(language), value=BACK))
            chosen = default if default in choices else choices[0]
            result = questionary.select(
                message,
                shown,
                default=chosen,
                use_shortcuts=len(shown) <= 36,
                instruction=WORDS["arrows"].in_(language),
            ).unsafe_ask()
            return str(result)

        def valid(text: str) -> bool | str:
            check = _CHECKS.get(q.kind)
            if not text.strip() or text.strip() == BACK or check is None or check[0].fullmatch(text.strip()):
                return True
            return check[1].in_(language)

        return str(questionary.text(message, default=default, validate=valid).unsafe_ask())

    return ask


def _choice_label(choice: str, language: str) -> str:
    if choice in STATUS_LABELS:
        return STATUS_LABELS[choice].in_(language)
    if choice == SKIP:
        return WORDS["skip"].in_(language)
    return choice


@dataclass
class _Replay:
    """Answers given so far, replayed after going back; the live prompt asks the rest."""

    ask: Ask
    say: Callable[[str], None] = lambda _: None  # section headings, shown only when asked live
    given: list[str] = field(default_factory=list)
    undone: dict[int, str] = field(default_factory=dict)  # an answer taken back: the new default
    position: int = 0

    def __call__(self, q: Question, default: str, choices: tuple[str, ...] = ()) -> str:
        if self.position < len(self.given):
            answer = self.given[self.position]
        else:
            shown = self.undone.pop(self.position, default)
            answer = self.ask(q, shown, choices)
            if answer.strip() == BACK:
                raise GoBack
            self.given.append(answer)
        self.position += 1
        return answer

    def heading(self, text: str) -> None:
        """A section's title, when its questions are about to be asked live (not replayed)."""
        if self.position >= len(self.given):
            self.say(text)


def run_interview(preset_id: str | None, language: str, today: date, slug: str, ask: Ask | None = None) -> Answers:
    """Ask every question; the answers as an answers file would give them."""
    live = ask or terminal_ask(language)
    replay = _Replay(live)
    if ask is None:
        print(WORDS["hint"].in_(language))
        replay.say = lambda text: print(f"\n— {text} —")
    while True:
        replay.position = 0
        try:
            return _script(replay, preset_id, language, today, slug)
        except GoBack:
            if replay.given:
                last = len(replay.given) - 1
                replay.undone[last] = replay.given.pop()


def answer_text(value: Any, kind: str = "text") -> str:
    """A suggested value as it is typed (the interview's default, the form's suggestion)."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.strftime("%Y-%m") if kind == "month" else value.isoformat()
    if isinstance(value, list):
        return (", " if kind in ("ids", "months") else "; ").join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _script(ask: _Replay, preset_id: str | None, language: str, today: date, slug: str) -> Answers:
    if preset_id is None:
        ids = tuple(known_presets())
        question = Question("preset", "choice", WORDS["preset"], (*ids, "-"))
        chosen = ask(question, ids[0], (*ids, "-"))
        preset_id = None if chosen == "-" else chosen
    defaults = preset_answers(load_preset(preset_id, language), language, today) if preset_id else Answers({})
    data: dict[str, Any] = {"language": language}
    if preset_id:
        data["preset"] = preset_id
    for number, s in enumerate(sections(), start=1):
        ask.heading(f"{number}. {s.title.in_(language)}")
        suggested = defaults.data.get(s.id)
        if s.repeat:
            data[s.id] = _blocks(ask, s, suggested or [], language, data)
        else:
            data[s.id] = _block(ask, s, suggested or {}, slug)
    return Answers(data)


def _blocks(
    ask: _Replay, s: Section, suggested: list[dict[str, Any]], language: str, data: dict[str, Any]
) -> list[Any]:
    how_many = WORDS["how_many"]
    label = Label(how_many.ru.format(title=s.title.ru), how_many.en.format(title=s.title.en))
    count_q = Question(f"{s.id}.count", "number", label)
    count_text = ask(count_q, str(len(suggested) or 1))
    count = int(count_text) if count_text.strip().isdigit() else 0
    blocks = []
    for i in range(count):
        base = suggested[i] if i < len(suggested) else {}
        ask.heading(f"{s.item.in_(language) if s.item else s.id} {i + 1}")
        block: dict[str, Any] = {"id": base["id"]} if base.get("id") else {}
        if s.id == "competitors" and base.get("name"):
            block = {}
        for q in s.questions:
            default = answer_text(base.get(q.key), q.kind)
            extra = _ids_hint(q, data, language)
            question = Question(q.key, q.kind, Label(q.label.ru + extra, q.label.en + extra), q.choices) if extra else q
            answer = ask(question, default, q.choices)
            # a preset block's suggestion kept: left out, so the plan takes it from the preset, marked assumed
            if answer.strip() and not (base and answer == default and q.key != "name"):
                block[q.key] = answer.strip()
        blocks.append(block)
    return blocks


def _ids_hint(q: Question, data: dict[str, Any], language: str) -> str:
    """The ids an `ids` question may name, from the blocks answered before."""
    if q.kind != "ids":
        return ""
    from generator.intake.plan import slugify

    blocks = data.get(q.key) or []
    ids = [str(b.get("id") or slugify(str(b.get("name") or b.get("title") or ""), "")) for b in blocks]
    return f" [{', '.join(i for i in ids if i)}]" if ids else ""


def _block(ask: _Replay, s: Section, suggested: dict[str, Any], slug: str) -> dict[str, Any]:
    block: dict[str, Any] = {}
    skip_findings: set[str] = set()
    for q in s.questions:
        if q.key.endswith(".finding") and q.key.removesuffix(".finding") in skip_findings:
            continue
        default = answer_text(suggested.get(q.key), q.kind)
        if s.id == "business" and q.key == "name":
            default = slug.replace("-", " ").title()
        choices = q.choices
        if q.kind == "status":
            choices = (*STATUS_CHOICES, SKIP)
            default = default or SKIP
        answer = ask(q, default, choices).strip()
        if q.kind == "status" and answer in (SKIP, "not needed"):
            skip_findings.add(q.key)
        if not answer or answer == SKIP:
            continue
        if suggested and answer == default and q.key in suggested and not (s.id == "business" and q.key == "name"):
            continue  # the preset's suggestion, kept: the plan takes it from the preset, marked assumed
        block[q.key] = answer
    return block
