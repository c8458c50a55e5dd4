"""The questions of the first meeting, in the method's order, shared by the interview, the printable
form and the answers file (each question's `key` is its key in the answers file).

The wording is data (`questions.yaml` beside this module); the audit's questions — one status
and one optional finding for each catalogue tool and each of the four practices — come from the
catalogue, so a new tool is asked about without editing the questionnaire.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from generator.catalogue import FAMILIES, PRACTICES, Label

FOLDER = Path(__file__).resolve().parent

# the audit's answers: the words of the meeting → the plan's statuses
STATUS_WORDS: dict[str, str] = {
    "yes": "done",
    "partly": "partial",
    "no": "absent",
    "not needed": "n/a",
    "done": "done",
    "partial": "partial",
    "absent": "absent",
    "n/a": "n/a",
    "да": "done",
    "частично": "partial",
    "нет": "absent",
    "не нужно": "n/a",
}
STATUS_CHOICES: tuple[str, ...] = ("yes", "partly", "no", "not needed")
STATUS_LABELS: dict[str, Label] = {
    "yes": Label("да", "yes"),
    "partly": Label("частично", "partly"),
    "no": Label("нет", "no"),
    "not needed": Label("не нужно", "not needed"),
}


@dataclass(frozen=True)
class Question:
    """One question: its key in the answers file, its kind, its wording in both languages."""

    key: str
    kind: str  # text, number, quantity, share, date, month, choice, list, ids, months, status
    label: Label
    choices: tuple[str, ...] = ()

    def text(self, language: str) -> str:
        """The question in `language`."""
        return self.label.in_(language)


@dataclass(frozen=True)
class Section:
    """A section of the meeting: a mapping of questions, or a list of blocks of them (`repeat`)."""

    id: str
    title: Label
    questions: tuple[Question, ...]
    repeat: bool = False
    item: Label | None = None  # the name of one block: "Segment", "Goal"


def tool_keys() -> list[str]:
    """Every catalogue tool as `family.tool`, in catalogue order."""
    return [f"{family}.{tool}" for family, fam in FAMILIES.items() for tool in fam.tools]


def _audit_questions() -> tuple[Question, ...]:
    """A status and an optional finding for each tool of the five families, then each practice."""
    questions = []
    named = [(k, FAMILIES[k.split(".")[0]].tools[k.split(".")[1]]) for k in tool_keys()]
    named += [(k, label) for k, label in PRACTICES.items()]
    for key, label in named:
        questions.append(Question(key, "status", label, STATUS_CHOICES))
        finding = Label(f"{label.ru}: что нашли (необязательно)", f"{label.en}: what was found (optional)")
        questions.append(Question(f"{key}.finding", "text", finding))
    return tuple(questions)


@cache
def sections() -> tuple[Section, ...]:
    """The sections of the meeting in the method's order."""
    data = yaml.safe_load((FOLDER / "questions.yaml").read_text(encoding="utf-8"))
    out = []
    for raw in data["sections"]:
        questions = tuple(
            Question(
                q["key"],
                q["kind"],
                Label(q["ru"], q["en"]),
                tuple(tool_keys()) if q.get("choices") == "tools" else tuple(q.get("choices") or ()),
            )
            for q in raw["questions"]
        )
        if raw["id"] == "audit":
            questions += _audit_questions()
        item = Label(raw["item"]["ru"], raw["item"]["en"]) if "item" in raw else None
        title = Label(raw["title"]["ru"], raw["title"]["en"])
        out.append(Section(raw["id"], title, questions, bool(raw.get("repeat")), item))
    return tuple(out)


def section(section_id: str) -> Section:
    """One section by id."""
    return next(s for s in sections() if s.id == section_id)
