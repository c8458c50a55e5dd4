"""Which of the method's eight steps a plan has filled in.

Shared by `playbook check`, the site's overview page and the PDF, so "filled" means the same
everywhere: a plan with only a name is valid and simply has seven empty steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.catalogue import STEPS
from generator.model import Plan


@dataclass(frozen=True)
class Step:
    """One step of the method and whether the plan fills it."""

    number: int
    key: str
    label_ru: str
    label_en: str
    filled: bool

    def label(self, language: str) -> str:
        """The step's name in `language`."""
        return self.label_ru if language == "ru" else self.label_en


def compute_steps(plan: Plan) -> list[Step]:
    """The eight steps in order, each marked filled or empty."""
    b = plan.business
    audit = plan.audit
    components = audit.components if audit else None
    assessed = components is not None and (
        bool(components.custom)
        or any(components.assessments(f) for f in ("online", "mobile", "sales", "analytics", "it"))
    )
    practices = bool(audit and audit.practices and any(audit.practices.model_dump(exclude_none=True).values()))
    filled = {
        "business": any((b.model, b.industry, b.region, b.description, b.current_state)),
        "goals": bool(plan.goals),
        "segments": bool(plan.segments),
        "places": any(s.places or s.demand for s in plan.segments),
        "competitors": bool(plan.competitors),
        "audit": assessed or practices,
        "strategy": bool(plan.strategy and (plan.strategy.initiatives or plan.strategy.summary)),
        "plan": bool(plan.roadmap or plan.checkpoints or plan.forecast),
    }
    return [Step(n, key, label.ru, label.en, filled[key]) for n, key, label in STEPS]
