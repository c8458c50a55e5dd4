"""The advice the generator brings for every gap of an audit (contract v2, "Defaults the generator brings").

For each catalogue tool and each of the four practices, in both languages a plan may use: what
to do when it is `absent`, what to do when it is `partial`, why it matters (one sentence tied to
the method: LTV, regularity, automation, CRM) and the tools a small business typically uses for
it. The wording is data (`ru.yaml`, `en.yaml` beside this module), read and checked once against
the catalogue: a tool or practice without advice in either language is a bug in playbook, caught
at import and by a test. The consultant's own `recommendation` always replaces this default.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.catalogue import FAMILIES, LANGUAGES, PRACTICES
from generator.errors import InternalError

FOLDER = Path(__file__).resolve().parent
KEYS = ("absent", "partial", "why", "tools")


@dataclass(frozen=True)
class Advice:
    """The default advice for one tool or practice, in one language."""

    absent: str  # what to do when it is missing
    partial: str  # what to do when it is half done
    why: str  # why it matters, tied to the method
    tools: tuple[str, ...]  # typical tools for a small business

    def action(self, status: str) -> str | None:
        """What to do for a tool or practice with this status (nothing when it is done or n/a)."""
        return self.absent if status == "absent" else self.partial if status == "partial" else None


@dataclass(frozen=True)
class AdviceBook:
    """All default advice of one language: tools by `family.tool`, practices by id."""

    tools: dict[str, Advice]
    practices: dict[str, Advice]


def expected_tools() -> list[str]:
    """Every catalogue tool as `family.tool`, in catalogue order."""
    return [f"{family}.{tool}" for family, fam in FAMILIES.items() for tool in fam.tools]


def _entry(data: object, where: str) -> Advice:
    if not isinstance(data, dict) or set(data) != set(KEYS):
        raise InternalError(f"{where}: advice needs exactly the keys {', '.join(KEYS)}")
    texts = [data[k] for k in ("absent", "partial", "why")]
    tools = data["tools"]
    if not all(isinstance(x, str) and x.strip() for x in texts):
        raise InternalError(f"{where}: absent, partial and why must be non-empty text")
    if not (isinstance(tools, list) and tools and all(isinstance(x, str) and x.strip() for x in tools)):
        raise InternalError(f"{where}: tools must be a non-empty list of names")
    absent, partial, why = (x.strip() for x in texts)
    return Advice(absent, partial, why, tuple(x.strip() for x in tools))


def load_book(path: Path) -> AdviceBook:
    """Read and check one language's advice file: every catalogue tool and practice, nothing else."""
    data = yaml.safe_load(path.read_text("utf-8"))
    if not isinstance(data, dict) or set(data) != {"tools", "practices"}:
        raise InternalError(f"{path.name}: expected the two sections 'tools' and 'practices'")
    sections = {"tools": expected_tools(), "practices": list(PRACTICES)}
    out: dict[str, dict[str, Advice]] = {}
    for section, expected in sections.items():
        given = data[section] or {}
        missing = [k for k in expected if k not in given]
        extra = [k for k in given if k not in expected]
        if missing or extra:
            raise InternalError(f"{path.name}: {section}: missing {missing or 'none'}, unknown {extra or 'none'}")
        out[section] = {k: _entry(given[k], f"{path.name}: {section}.{k}") for k in expected}
    return AdviceBook(tools=out["tools"], practices=out["practices"])


BOOKS: dict[str, AdviceBook] = {language: load_book(FOLDER / f"{language}.yaml") for language in LANGUAGES}


def tool_advice(family: str, tool: str, language: str) -> Advice | None:
    """The default advice for a catalogue tool (None for a custom tool: it has no default)."""
    return BOOKS["ru" if language == "ru" else "en"].tools.get(f"{family}.{tool}")


def practice_advice(practice: str, language: str) -> Advice:
    """The default advice for one of the four practices."""
    return BOOKS["ru" if language == "ru" else "en"].practices[practice]
