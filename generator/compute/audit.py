"""Step 6 figures: family scores, the overall score, recommendations, the four practices.

Every gap gets an action: the consultant's `recommendation`, else the default advice of
`generator.advice` (contract v2), and an effective priority: the plan's, else the contract's
default rule (`absent` → high when its weight is at least the mean weight of its family's assessed
tools, else medium; `partial` → medium; practices `absent` → high, `partial` → medium).

The contract's scoring: `done` = 1, `partial` = 0.5, `absent` = 0; a family's score is
100 × Σ(weight × value) / Σ(weight), rounded half up; the overall score the mean of the family
scores, rounded half up. Each practice also carries what the rest of the plan says about it
(its evidence), so the consultant's status can be checked against the plan's own numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import Literal

from generator.advice import practice_advice, tool_advice
from generator.catalogue import FAMILIES, PRACTICES
from generator.compute.arithmetic import Arithmetic, Band, add, band_of, decimal_fraction, mul, round_half_up
from generator.compute.automation import AutomationFigures
from generator.compute.comparison import AuditComparison, score_change
from generator.compute.economics import EconomicsFigures
from generator.compute.schedule import CalendarFigures
from generator.model import Assessment, Plan

STATUS_VALUE: dict[str, Fraction] = {"done": Fraction(1), "partial": Fraction(1, 2), "absent": Fraction(0)}
# Display order of tools within a family and of recommendations with the same priority.
STATUS_ORDER: tuple[str, ...] = ("absent", "partial", "done", "n/a", "not assessed")
PRIORITY_ORDER: tuple[str | None, ...] = ("high", "medium", "low", None)
GAPS: tuple[str, ...] = ("absent", "partial")


@dataclass(frozen=True)
class ToolFigure:
    """One tool of a family as the audit shows it (a catalogue tool, assessed or not, or a custom one)."""

    family: str
    id: str
    label_ru: str
    label_en: str
    custom: bool
    status: str  # absent | partial | done | n/a | not assessed
    weight: float
    finding: str | None
    recommendation: str | None  # the action: the plan's recommendation, else the default for its status
    priority: str | None  # effective: the plan's, else the contract's default rule; high | medium | low | None
    recommendation_source: Literal["plan", "default"] | None = None
    priority_source: Literal["plan", "default"] | None = None
    why: str | None = None  # why it matters (default advice; shown beside any action for a catalogue tool)
    typical_tools: tuple[str, ...] = ()  # what a small business typically uses for it

    def label(self, language: str) -> str:
        """The tool's name in `language` (a custom tool's own name in both)."""
        return self.label_ru if language == "ru" else self.label_en

    @property
    def scored(self) -> bool:
        """Whether the tool counts in its family's score (n/a and not assessed do not)."""
        return self.status in STATUS_VALUE


@dataclass(frozen=True)
class FamilyFigure:
    """A family's score: 100 × Σ(weight × value) / Σ(weight), rounded half up; None with no scored tool."""

    id: str
    label_ru: str
    label_en: str
    score: int | None
    band: Band | None
    exact: float | None  # the unrounded score (e.g. 12.5)
    points: float  # Σ(weight × value)
    weight: float  # Σ(weight) over scored tools
    work: Arithmetic | None  # 100 × points / weight = exact
    tools: tuple[ToolFigure, ...]  # absent → partial → done → n/a → not assessed
    counts: dict[str, int]  # status → number of tools

    def label(self, language: str) -> str:
        """The family's name in `language`."""
        return self.label_ru if language == "ru" else self.label_en


@dataclass(frozen=True)
class PracticeEvidence:
    """What the rest of the plan says about a practice, independently of the consultant's status.

    `metric` names what `value` is: `completion_rate` (share, or None before any slot is due),
    `manual_hours` (hours a month still by hand), `business_metrics` (how many of LTV and NPS
    the plan's economics can compute, 0..2), `crm_status` (the audit's `sales.crm` status).
    `status` is the status that evidence suggests on the same scale (None: no evidence).
    """

    metric: Literal["completion_rate", "manual_hours", "business_metrics", "crm_status"]
    value: float | str | None
    status: str | None


@dataclass(frozen=True)
class PracticeFigure:
    """One of the four standing problems: the plan's assessment and the plan's own evidence."""

    id: str  # regularity | automation | evaluation | crm
    label_ru: str
    label_en: str
    status: str  # absent | partial | done | n/a | not assessed
    finding: str | None
    recommendation: str | None
    tool: str | None  # crm only: the tool in use now
    evidence: PracticeEvidence
    priority: str | None = None  # absent → high, partial → medium (practices have no priority key)
    recommendation_source: Literal["plan", "default"] | None = None
    why: str | None = None
    typical_tools: tuple[str, ...] = ()

    def label(self, language: str) -> str:
        """The practice's name in `language`."""
        return self.label_ru if language == "ru" else self.label_en


@dataclass(frozen=True)
class AuditFigures:
    """Step 6: family scores, the overall score, recommendations, practices, the change since last time."""

    date: date | None
    families: tuple[FamilyFigure, ...]  # catalogue order
    overall: int | None
    band: Band | None
    overall_work: Arithmetic | None  # (s1 + s2 + …) / n = exact mean, before rounding
    recommendations: tuple[ToolFigure, ...]  # high → medium → low → none; then status order
    practices: tuple[PracticeFigure, ...]  # regularity, automation, evaluation, crm
    comparison: AuditComparison | None
    # every tool and practice with an action, high → medium → low → none, then absent → partial → done
    actions: tuple[ToolFigure | PracticeFigure, ...] = ()
    # absent and partial tools and practices counted by effective priority: high, medium, low
    issues: dict[str, int] = field(default_factory=dict)

    def family(self, family_id: str) -> FamilyFigure:
        """The figure of one family by id."""
        return next(f for f in self.families if f.id == family_id)

    @property
    def issues_total(self) -> int:
        """Every gap, whatever its priority: whether the audit found any (summed once for every output)."""
        return sum(self.issues.values())


def _tool(family: str, tool: str, assessment: Assessment | None) -> ToolFigure:
    label = FAMILIES[family].tools[tool]
    if assessment is None:
        return ToolFigure(family, tool, label.ru, label.en, False, "not assessed", 1.0, None, None, None)
    return ToolFigure(
        family,
        tool,
        label.ru,
        label.en,
        False,
        assessment.status,
        assessment.weight,
        assessment.finding,
        assessment.recommendation,
        assessment.priority,
    )


PRACTICE_PRIORITY: dict[str, str] = {"absent": "high", "partial": "medium"}


def default_priority(tool: ToolFigure, mean_weight: Fraction | None) -> str | None:
    """The contract's default: absent → high at or above the family's mean weight, else medium; partial → medium."""
    if tool.status == "partial":
        return "medium"
    if tool.status == "absent":
        return "high" if mean_weight is None or decimal_fraction(tool.weight) >= mean_weight else "medium"
    return None


def with_defaults(tools: Sequence[ToolFigure], language: str) -> list[ToolFigure]:
    """A family's tools with their effective priority and action (the plan's where given, else the defaults).

    The mean weight is taken over the family's assessed tools (absent, partial or done; custom
    tools included), exactly: weights 1, 1 and 0.5 have the mean 5/6.
    """
    assessed = [decimal_fraction(t.weight) for t in tools if t.status in STATUS_VALUE]
    mean = sum(assessed, Fraction(0)) / len(assessed) if assessed else None
    out = []
    for tool in tools:
        advice = None if tool.custom else tool_advice(tool.family, tool.id, language)
        own = tool.recommendation
        action = own or (advice.action(tool.status) if advice else None)
        priority = tool.priority or default_priority(tool, mean)
        out.append(
            replace(
                tool,
                recommendation=action,
                priority=priority,
                recommendation_source=("plan" if own else "default") if action else None,
                priority_source=("plan" if tool.priority else "default") if priority else None,
                why=advice.why if advice else None,
                typical_tools=advice.tools if advice else (),
            )
        )
    return out


def order_actions(items: Sequence[ToolFigure | PracticeFigure]) -> tuple[ToolFigure | PracticeFigure, ...]:
    """What to do, in order: every item with an action, by priority, then status; tools before practices."""
    acting = [i for i in items if i.recommendation]
    return tuple(
        sorted(
            acting,
            key=lambda i: (
                PRIORITY_ORDER.index(i.priority),
                STATUS_ORDER.index(i.status),
                isinstance(i, PracticeFigure),
            ),
        )
    )


def count_issues(items: Sequence[ToolFigure | PracticeFigure]) -> dict[str, int]:
    """Absent and partial tools and practices by effective priority (a summary's "issues")."""
    gaps = [i for i in items if i.status in GAPS]
    return {p: sum(i.priority == p for i in gaps) for p in ("high", "medium", "low")}


def compute_family(family: str, tools: Sequence[ToolFigure]) -> FamilyFigure:
    """A family's exact score from its tools (catalogue and custom); n/a and not assessed left out."""
    scored = [t for t in tools if t.scored]
    points = sum((decimal_fraction(t.weight) * STATUS_VALUE[t.status] for t in scored), Fraction(0))
    weight = sum((decimal_fraction(t.weight) for t in scored), Fraction(0))
    score: int | None = None
    exact: Fraction | None = None
    work: Arithmetic | None = None
    if weight > 0:
        exact = 100 * points / weight
        score = round_half_up(exact)
        work = Arithmetic("/", (mul(100, float(points)), float(weight)), float(exact))
    ordered = sorted(tools, key=lambda t: STATUS_ORDER.index(t.status))
    counts = {status: sum(t.status == status for t in tools) for status in STATUS_ORDER}
    label = FAMILIES[family].label
    return FamilyFigure(
        id=family,
        label_ru=label.ru,
        label_en=label.en,
        score=score,
        band=band_of(score),
        exact=float(exact) if exact is not None else None,
        points=float(points),
        weight=float(weight),
        work=work,
        tools=tuple(ordered),
        counts=counts,
    )


def compute_audit(
    plan: Plan,
    calendar: CalendarFigures | None,
    economics: EconomicsFigures | None,
    automation: AutomationFigures | None,
) -> AuditFigures | None:
    """Step 6 figures; None when the plan has no `audit` section."""
    audit = plan.audit
    if audit is None:
        return None
    components = audit.components
    families = []
    for family_id, family in FAMILIES.items():
        section = getattr(components, family_id) if components else None
        tools = [_tool(family_id, tool, getattr(section, tool) if section else None) for tool in family.tools]
        for custom in components.custom if components else []:
            if custom.family == family_id:
                tools.append(
                    ToolFigure(
                        family_id,
                        custom.id,
                        custom.name,
                        custom.name,
                        True,
                        custom.status,
                        custom.weight,
                        custom.finding,
                        custom.recommendation,
                        custom.priority,
                    )
                )
        families.append(compute_family(family_id, with_defaults(tools, plan.business.language)))
    scores = [f.score for f in families if f.score is not None]
    overall: int | None = None
    overall_work: Arithmetic | None = None
    if scores:
        mean = Fraction(sum(scores), len(scores))
        overall = round_half_up(mean)
        overall_work = Arithmetic("/", (add(*[float(s) for s in scores]), float(len(scores))), float(mean))
    all_tools = [t for f in families for t in f.tools]
    recommendations = sorted(
        (t for t in all_tools if t.recommendation or t.priority),
        key=lambda t: (PRIORITY_ORDER.index(t.priority), STATUS_ORDER.index(t.status)),
    )
    sales_crm = next(t for t in all_tools if t.family == "sales" and t.id == "crm" and not t.custom)
    practices = _practices(plan, calendar, economics, automation, sales_crm.status)
    return AuditFigures(
        date=audit.date,
        families=tuple(families),
        overall=overall,
        band=band_of(overall),
        overall_work=overall_work,
        recommendations=tuple(recommendations),
        practices=practices,
        comparison=None,
        actions=order_actions([*recommendations, *practices]),
        issues=count_issues([*all_tools, *practices]),
    )


def _rate_status(rate: float | None) -> str | None:
    """A share judged on the audit's bands: ≥ 90 % done, ≥ 50 % partial, below that absent."""
    if rate is None:
        return None
    return "done" if rate >= 0.9 else "partial" if rate >= 0.5 else "absent"


def _practices(
    plan: Plan,
    calendar: CalendarFigures | None,
    economics: EconomicsFigures | None,
    automation: AutomationFigures | None,
    crm_status: str,
) -> tuple[PracticeFigure, ...]:
    rate = calendar.completion_rate if calendar is not None else None
    regularity = PracticeEvidence("completion_rate", rate, _rate_status(rate))

    if automation is None or automation.total_hours == 0:
        automation_evidence = PracticeEvidence("manual_hours", None, None)
    else:
        by_hand = automation.by_hand_hours
        status = "done" if by_hand == 0 else "absent" if automation.automated_hours == 0 else "partial"
        automation_evidence = PracticeEvidence("manual_hours", by_hand, status)

    known = 0
    if economics is not None:
        known = int(economics.ltv is not None) + int(economics.nps is not None and economics.nps.score is not None)
    evaluation = PracticeEvidence("business_metrics", float(known), ("absent", "partial", "done")[known])

    crm = PracticeEvidence("crm_status", crm_status, crm_status if crm_status != "not assessed" else None)

    evidence = {"regularity": regularity, "automation": automation_evidence, "evaluation": evaluation, "crm": crm}
    recorded = plan.audit.practices if plan.audit else None
    out = []
    for key, label in PRACTICES.items():
        practice = getattr(recorded, key) if recorded else None
        status = practice.status if practice else "not assessed"
        advice = practice_advice(key, plan.business.language)
        own = practice.recommendation if practice else None
        action = own or advice.action(status)
        out.append(
            PracticeFigure(
                id=key,
                label_ru=label.ru,
                label_en=label.en,
                status=status,
                finding=practice.finding if practice else None,
                recommendation=action,
                tool=getattr(practice, "tool", None),
                evidence=evidence[key],
                priority=PRACTICE_PRIORITY.get(status),
                recommendation_source=("plan" if own else "default") if action else None,
                why=advice.why,
                typical_tools=advice.tools,
            )
        )
    return tuple(out)


def with_comparison(audit: AuditFigures, previous: AuditFigures | None, previous_plan: Plan) -> AuditFigures:
    """The audit with the per-family change since the earlier plan's audit."""
    families = tuple(
        score_change(f.id, previous.family(f.id).score if previous else None, f.score) for f in audit.families
    )
    comparison = AuditComparison(
        previous_date=previous.date if previous else None,
        families=families,
        overall=score_change("overall", previous.overall if previous else None, audit.overall),
    )
    return replace(audit, comparison=comparison)
