"""Stage 2 of the pipeline: every derived figure of a plan, computed once, as plain frozen data.

The site, the PDF, the calendar files and the terminal report all show the same numbers, so
they are computed here and nowhere else (the article calendar in `generator.schedule`, the
eight steps in `generator.progress`). Each figure carries its worked arithmetic as data
(`Arithmetic`): pages write "50 × 365 × 10 = 182 500" in the plan's language without
recomputing anything, and formatting stays in `generator.i18n`.

Scores are computed exactly (`fractions.Fraction`) because the contract rounds half up at
exactly .5 (12.5 → 13); binary floating point would turn some of those halves into 12.4999….
Money figures are floats, left unrounded: rounding is presentation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from math import floor
from typing import Literal

from generator.catalogue import FAMILIES, PRACTICES
from generator.loader import LoadedPlan
from generator.model import Assessment, Economics, Plan
from generator.progress import Step, compute_steps
from generator.schedule import CalendarFigures, compute_calendar

STATUS_VALUE: dict[str, Fraction] = {"done": Fraction(1), "partial": Fraction(1, 2), "absent": Fraction(0)}
# Display order of tools within a family and of recommendations with the same priority.
STATUS_ORDER: tuple[str, ...] = ("absent", "partial", "done", "n/a", "not assessed")
PRIORITY_ORDER: tuple[str | None, ...] = ("high", "medium", "low", None)
KPI_STATUSES: tuple[str, ...] = ("met", "behind", "pending", "not measured", "no target")
DEFAULT_SCENARIOS: dict[str, float] = {"pessimistic": 0.5, "base": 1.0, "optimistic": 1.5}

Operator = Literal["×", "/", "+", "−"]
Band = Literal["poor", "needs work", "good"]


# worked arithmetic ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Arithmetic:
    """A calculation written out as data: `operands` joined by `operator`, equal to `result`.

    An operand may itself be an `Arithmetic` (a sub-expression, shown in parentheses where
    precedence needs them), so `100 × (62 − 13) / 100 = 49` is
    `Arithmetic("/", (Arithmetic("×", (100, Arithmetic("−", (62, 13), 49))), 4900), 100), 49)`.
    `generator.i18n.fmt_arithmetic` writes it in the plan's language.
    """

    operator: Operator
    operands: tuple[float | Arithmetic, ...]
    result: float


def _value(operand: float | Arithmetic) -> float:
    return operand.result if isinstance(operand, Arithmetic) else operand


def _mul(*operands: float | Arithmetic) -> Arithmetic:
    result = 1.0
    for operand in operands:
        result *= _value(operand)
    return Arithmetic("×", tuple(operands), result)


def _div(numerator: float | Arithmetic, denominator: float | Arithmetic) -> Arithmetic:
    return Arithmetic("/", (numerator, denominator), _value(numerator) / _value(denominator))


def _sub(left: float | Arithmetic, right: float | Arithmetic) -> Arithmetic:
    return Arithmetic("−", (left, right), _value(left) - _value(right))


def _add(*operands: float | Arithmetic) -> Arithmetic:
    return Arithmetic("+", tuple(operands), sum(_value(o) for o in operands))


def round_half_up(value: Fraction) -> int:
    """Round a non-negative exact value to an integer, halves upwards (12.5 → 13), as the contract asks."""
    return floor(value + Fraction(1, 2))


def band_of(score: int | None) -> Band | None:
    """The contract's bands: 0–49 poor, 50–89 needs work, 90–100 good."""
    if score is None:
        return None
    if score >= 90:
        return "good"
    if score >= 50:
        return "needs work"
    return "poor"


def _exact(number: float) -> Fraction:
    """The decimal the consultant wrote (0.1 → 1/10), not its binary approximation."""
    return Fraction(repr(float(number)))


# audit ------------------------------------------------------------------------------------------


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
    recommendation: str | None
    priority: str | None  # high | medium | low | None

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

    def label(self, language: str) -> str:
        """The practice's name in `language`."""
        return self.label_ru if language == "ru" else self.label_en


@dataclass(frozen=True)
class ScoreChange:
    """A score before (the earlier plan's audit) and after (this plan's); change = after − before."""

    id: str  # a family id, or "overall"
    before: int | None
    after: int | None
    change: int | None


@dataclass(frozen=True)
class AuditComparison:
    """This audit against the earlier one named by `audit.previous`."""

    previous_date: date | None
    families: tuple[ScoreChange, ...]  # catalogue order
    overall: ScoreChange


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

    def family(self, family_id: str) -> FamilyFigure:
        """The figure of one family by id."""
        return next(f for f in self.families if f.id == family_id)


# economics --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NpsFigure:
    """NPS = 100 × (promoters − detractors) / all answers; None when there are no answers."""

    promoters: int
    passives: int
    detractors: int
    total: int
    from_scores: bool  # counted from `scores:` (9–10, 7–8, 0–6) rather than given as counts
    score: float | None
    work: Arithmetic | None


@dataclass(frozen=True)
class FunnelStageFigure:
    """A funnel stage with its conversion from the stage before and from the first (shares)."""

    stage: str
    count: int
    from_previous: float | None  # None for the first stage or a zero denominator
    from_first: float | None
    from_previous_work: Arithmetic | None
    from_first_work: Arithmetic | None


@dataclass(frozen=True)
class EconomicsFigures:
    """Metrics that show a result: LTV (revenue and profit), LTV/CAC, NPS, the funnel."""

    average_check: float | None
    purchases_per_year: float | None
    lifetime_years: float | None
    gross_margin: float | None
    customers: int | None
    cac: float | None
    ltv: float | None  # average_check × purchases_per_year × lifetime_years
    ltv_work: Arithmetic | None
    ltv_profit: float | None  # ltv × gross_margin
    ltv_profit_work: Arithmetic | None
    ltv_cac: float | None  # (profit LTV where a margin is given, else revenue LTV) / cac
    ltv_cac_basis: Literal["profit", "revenue"] | None
    ltv_cac_work: Arithmetic | None
    nps: NpsFigure | None
    funnel: tuple[FunnelStageFigure, ...]


# forecast ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InitiativeSpan:
    """When an initiative runs within the forecast horizon (month numbers 1..months, inclusive)."""

    id: str
    title: str
    months: tuple[int, ...]  # the month numbers it runs in (empty: outside the horizon)
    budget_monthly: float
    new_customers_monthly: float
    one_off: tuple[tuple[int, float], ...]  # (month number, cost) of roadmap costs inside the horizon

    @property
    def first_month(self) -> int | None:
        """The first month it runs in, or None."""
        return self.months[0] if self.months else None

    @property
    def last_month(self) -> int | None:
        """The last month it runs in, or None."""
        return self.months[-1] if self.months else None


@dataclass(frozen=True)
class ForecastMonth:
    """One month of one scenario."""

    number: int  # 1..months
    month: date  # first day of the month
    cost: float  # budgets of running initiatives + one-off costs starting this month
    new_customers: float  # multiplier × Σ new_customers_monthly of running initiatives
    customers: float  # acquired in months 1..number
    profit: float  # customers × average_check × purchases_per_year / 12 × margin
    cumulative_cost: float
    cumulative_profit: float
    cost_work: Arithmetic  # budget + budget + one-off … = cost
    new_customers_work: Arithmetic  # multiplier × (n + n …) = new
    profit_work: Arithmetic  # customers × profit a customer a month = profit


@dataclass(frozen=True)
class ScenarioFigures:
    """A forecast scenario over the horizon: months, totals, ROI, payback."""

    name: str
    multiplier: float
    months: tuple[ForecastMonth, ...]
    cost: float
    profit: float
    new_customers: float
    roi: float | None  # (profit − cost) / cost; None when cost is 0
    roi_work: Arithmetic | None
    payback_month: int | None  # first month with cumulative cost > 0 and cumulative profit ≥ cumulative cost
    payback_date: date | None


@dataclass(frozen=True)
class ForecastFigures:
    """Step 8: the ROI forecast, month by month, per scenario."""

    start: date  # first day of month 1
    start_source: Literal["forecast", "roadmap", "audit", "today"]  # where `start` came from
    months: int
    margin: float  # gross_margin, or 1 where absent
    profit_per_customer_month: float  # average_check × purchases_per_year / 12 × margin
    profit_per_customer_month_work: Arithmetic
    initiatives: tuple[InitiativeSpan, ...]
    scenarios: tuple[ScenarioFigures, ...]  # the plan's order (default pessimistic, base, optimistic)

    def scenario(self, name: str) -> ScenarioFigures:
        """One scenario by name."""
        return next(s for s in self.scenarios if s.name == name)


# checkpoints ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiFigure:
    """A KPI's status on "today": met, behind, pending, not measured, or no target."""

    date: date  # the checkpoint's date
    goal: str
    goal_title: str
    unit: str | None
    direction: Literal["up", "down"]
    target: float | None  # the KPI's target, else its goal's
    target_from_goal: bool
    actual: float | None
    status: str  # one of KPI_STATUSES


@dataclass(frozen=True)
class CheckpointFigure:
    """A checkpoint and its KPIs; `passed` when its date is before today."""

    date: date
    passed: bool
    kpis: tuple[KpiFigure, ...]


# automation -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AutomationItemFigure:
    """A process and its state."""

    process: str
    hours_per_month: float | None
    tool: str | None
    status: Literal["manual", "planned", "automated"]


@dataclass(frozen=True)
class AutomationFigures:
    """Problem 2: hours a month spent by hand, planned for automation, and automated."""

    items: tuple[AutomationItemFigure, ...]
    manual_hours: float  # status manual
    planned_hours: float  # status planned (still by hand until automated)
    automated_hours: float
    total_hours: float
    by_hand_hours: float  # manual + planned: still spent by hand this month
    by_hand_year_work: Arithmetic  # by_hand_hours × 12 = hours a year


# all figures ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """Everything a renderer shows about one plan, computed for one "today"."""

    slug: str
    name: str
    language: str
    currency: str
    today: date
    steps: list[Step]
    audit: AuditFigures | None
    economics: EconomicsFigures | None
    forecast: ForecastFigures | None
    checkpoints: list[CheckpointFigure]
    corrections: list[KpiFigure]  # behind, not measured and no-target KPIs, by date
    automation: AutomationFigures | None
    calendar: CalendarFigures | None


def compute_figures(loaded: LoadedPlan, today: date) -> Figures:
    """All derived figures of a loaded plan on `today` (pure: same plan and day, same figures)."""
    plan = loaded.plan
    calendar = compute_calendar_figures(plan, today)
    economics = compute_economics(plan.economics)
    automation = compute_automation(plan)
    checkpoints = compute_checkpoints(plan, today)
    audit = compute_audit(plan, calendar, economics, automation)
    if audit is not None and loaded.previous is not None:
        previous = compute_audit(loaded.previous.plan, None, None, None)
        audit = _with_comparison(audit, previous, loaded.previous.plan)
    return Figures(
        slug=loaded.slug,
        name=plan.business.name,
        language=plan.business.language,
        currency=plan.business.currency,
        today=today,
        steps=compute_steps(plan),
        audit=audit,
        economics=economics,
        forecast=compute_forecast(plan, today),
        checkpoints=checkpoints,
        corrections=compute_corrections(checkpoints),
        automation=automation,
        calendar=calendar,
    )


def compute_calendar_figures(plan: Plan, today: date) -> CalendarFigures | None:
    """The article calendar (computed by `generator.schedule`), or None without a `content` section."""
    if plan.content is None:
        return None
    return compute_calendar(plan.content, plan.segments, today)


# audit ------------------------------------------------------------------------------------------


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


def compute_family(family: str, tools: Sequence[ToolFigure]) -> FamilyFigure:
    """A family's exact score from its tools (catalogue and custom); n/a and not assessed left out."""
    scored = [t for t in tools if t.scored]
    points = sum((_exact(t.weight) * STATUS_VALUE[t.status] for t in scored), Fraction(0))
    weight = sum((_exact(t.weight) for t in scored), Fraction(0))
    score: int | None = None
    exact: Fraction | None = None
    work: Arithmetic | None = None
    if weight > 0:
        exact = 100 * points / weight
        score = round_half_up(exact)
        work = Arithmetic("/", (_mul(100, float(points)), float(weight)), float(exact))
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
        families.append(compute_family(family_id, tools))
    scores = [f.score for f in families if f.score is not None]
    overall: int | None = None
    overall_work: Arithmetic | None = None
    if scores:
        mean = Fraction(sum(scores), len(scores))
        overall = round_half_up(mean)
        overall_work = Arithmetic("/", (_add(*[float(s) for s in scores]), float(len(scores))), float(mean))
    all_tools = [t for f in families for t in f.tools]
    recommendations = sorted(
        (t for t in all_tools if t.recommendation or t.priority),
        key=lambda t: (PRIORITY_ORDER.index(t.priority), STATUS_ORDER.index(t.status)),
    )
    sales_crm = next(t for t in all_tools if t.family == "sales" and t.id == "crm" and not t.custom)
    return AuditFigures(
        date=audit.date,
        families=tuple(families),
        overall=overall,
        band=band_of(overall),
        overall_work=overall_work,
        recommendations=tuple(recommendations),
        practices=_practices(plan, calendar, economics, automation, sales_crm.status),
        comparison=None,
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
        out.append(
            PracticeFigure(
                id=key,
                label_ru=label.ru,
                label_en=label.en,
                status=practice.status if practice else "not assessed",
                finding=practice.finding if practice else None,
                recommendation=practice.recommendation if practice else None,
                tool=getattr(practice, "tool", None),
                evidence=evidence[key],
            )
        )
    return tuple(out)


def _change(key: str, before: int | None, after: int | None) -> ScoreChange:
    change = after - before if before is not None and after is not None else None
    return ScoreChange(key, before, after, change)


def _with_comparison(audit: AuditFigures, previous: AuditFigures | None, previous_plan: Plan) -> AuditFigures:
    """The audit with the per-family change since the earlier plan's audit."""
    families = tuple(_change(f.id, previous.family(f.id).score if previous else None, f.score) for f in audit.families)
    comparison = AuditComparison(
        previous_date=previous.date if previous else None,
        families=families,
        overall=_change("overall", previous.overall if previous else None, audit.overall),
    )
    return AuditFigures(
        date=audit.date,
        families=audit.families,
        overall=audit.overall,
        band=audit.band,
        overall_work=audit.overall_work,
        recommendations=audit.recommendations,
        practices=audit.practices,
        comparison=comparison,
    )


# economics --------------------------------------------------------------------------------------


def compute_economics(economics: Economics | None) -> EconomicsFigures | None:
    """LTV, LTV/CAC, NPS and funnel conversions; None without an `economics` section."""
    if economics is None:
        return None
    e = economics
    ltv_work = ltv_profit_work = ltv_cac_work = None
    basis: Literal["profit", "revenue"] | None = None
    if e.average_check is not None and e.purchases_per_year is not None and e.lifetime_years is not None:
        ltv_work = _mul(e.average_check, e.purchases_per_year, e.lifetime_years)
        if e.gross_margin is not None:
            ltv_profit_work = _mul(ltv_work.result, e.gross_margin)
        if e.cac is not None:
            basis = "profit" if ltv_profit_work is not None else "revenue"
            ltv_cac_work = _div((ltv_profit_work or ltv_work).result, e.cac)
    return EconomicsFigures(
        average_check=e.average_check,
        purchases_per_year=e.purchases_per_year,
        lifetime_years=e.lifetime_years,
        gross_margin=e.gross_margin,
        customers=e.customers,
        cac=e.cac,
        ltv=ltv_work.result if ltv_work else None,
        ltv_work=ltv_work,
        ltv_profit=ltv_profit_work.result if ltv_profit_work else None,
        ltv_profit_work=ltv_profit_work,
        ltv_cac=ltv_cac_work.result if ltv_cac_work else None,
        ltv_cac_basis=basis,
        ltv_cac_work=ltv_cac_work,
        nps=compute_nps(e),
        funnel=compute_funnel(e),
    )


def compute_nps(economics: Economics) -> NpsFigure | None:
    """NPS from raw 0–10 scores when given (they are the data), else from the counts (missing = 0)."""
    nps = economics.nps
    if nps is None:
        return None
    if nps.scores is not None:
        promoters = sum(s >= 9 for s in nps.scores)
        passives = sum(7 <= s <= 8 for s in nps.scores)
        detractors = sum(s <= 6 for s in nps.scores)
    else:
        promoters, passives, detractors = nps.promoters or 0, nps.passives or 0, nps.detractors or 0
    total = promoters + passives + detractors
    work = None
    if total:
        work = _div(_mul(100, _sub(promoters, detractors)), total)
    return NpsFigure(
        promoters=promoters,
        passives=passives,
        detractors=detractors,
        total=total,
        from_scores=nps.scores is not None,
        score=work.result if work else None,
        work=work,
    )


def compute_funnel(economics: Economics) -> tuple[FunnelStageFigure, ...]:
    """Each stage's conversion from the one before and from the first (None: first stage, or 0 before)."""
    out = []
    stages = economics.funnel
    for i, stage in enumerate(stages):
        previous_work = first_work = None
        if i > 0:
            if stages[i - 1].count:
                previous_work = _div(stage.count, stages[i - 1].count)
            if stages[0].count:
                first_work = _div(stage.count, stages[0].count)
        out.append(
            FunnelStageFigure(
                stage=stage.stage,
                count=stage.count,
                from_previous=previous_work.result if previous_work else None,
                from_first=first_work.result if first_work else None,
                from_previous_work=previous_work,
                from_first_work=first_work,
            )
        )
    return tuple(out)


# forecast ---------------------------------------------------------------------------------------


def _month_index(start: date, day: date) -> int:
    """Month number of `day` in a horizon whose month 1 begins at `start` (may be ≤ 0 or beyond)."""
    return (day.year - start.year) * 12 + (day.month - start.month) + 1


def _add_months(start: date, months: int) -> date:
    index = start.year * 12 + start.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def forecast_start(plan: Plan, today: date) -> tuple[date, Literal["forecast", "roadmap", "audit", "today"]]:
    """Month 1 of the forecast: `forecast.start`; else the month of the earliest roadmap start
    (when the plan begins to cost and earn); else the audit's month; else today's month."""
    if plan.forecast and plan.forecast.start:
        return plan.forecast.start.replace(day=1), "forecast"
    starts = [item.start for item in plan.roadmap if item.start is not None]
    if starts:
        return min(starts).replace(day=1), "roadmap"
    if plan.audit and plan.audit.date:
        return plan.audit.date.replace(day=1), "audit"
    return today.replace(day=1), "today"


def compute_forecast(plan: Plan, today: date) -> ForecastFigures | None:
    """The ROI forecast per scenario, exactly the contract's rule.

    None when `average_check` or `purchases_per_year` is missing, or when the strategy has no
    initiative (nothing to forecast).
    """
    e = plan.economics
    initiatives = plan.strategy.initiatives if plan.strategy else []
    if e is None or e.average_check is None or e.purchases_per_year is None or not initiatives:
        return None
    start, source = forecast_start(plan, today)
    horizon = plan.forecast.months if plan.forecast else 12
    scenarios = dict(plan.forecast.scenarios) if plan.forecast else dict(DEFAULT_SCENARIOS)
    margin = e.gross_margin if e.gross_margin is not None else 1.0
    per_customer = _mul(_div(_mul(e.average_check, e.purchases_per_year), 12), margin)

    spans = []
    for initiative in initiatives:
        entries = [item for item in plan.roadmap if item.initiative == initiative.id]
        running: set[int] = set()
        one_off: list[tuple[int, float]] = []
        if not entries:
            running.update(range(1, horizon + 1))
        for item in entries:
            first = _month_index(start, item.start) if item.start else 1
            last = _month_index(start, item.end) if item.end else horizon
            running.update(range(max(first, 1), min(last, horizon) + 1))
            # A cost with no start date is due when the initiative starts: month 1.
            if item.cost and 1 <= first <= horizon:
                one_off.append((first, item.cost))
        spans.append(
            InitiativeSpan(
                id=initiative.id,
                title=initiative.title,
                months=tuple(sorted(running)),
                budget_monthly=initiative.budget_monthly or 0.0,
                new_customers_monthly=initiative.new_customers_monthly or 0.0,
                one_off=tuple(one_off),
            )
        )

    results = []
    for name, multiplier in scenarios.items():
        months = []
        customers = cumulative_cost = cumulative_profit = 0.0
        payback: int | None = None
        for m in range(1, horizon + 1):
            running_spans = [s for s in spans if m in s.months]
            cost_work = _add(
                *[s.budget_monthly for s in running_spans], *[c for s in spans for n, c in s.one_off if n == m]
            )
            new_work = _mul(multiplier, _add(*[s.new_customers_monthly for s in running_spans]))
            cost, new = cost_work.result, new_work.result
            customers += new
            profit_work = _mul(customers, per_customer.result)
            profit = profit_work.result
            cumulative_cost += cost
            cumulative_profit += profit
            if payback is None and cumulative_cost > 0 and cumulative_profit >= cumulative_cost:
                payback = m
            months.append(
                ForecastMonth(
                    number=m,
                    month=_add_months(start, m - 1),
                    cost=cost,
                    new_customers=new,
                    customers=customers,
                    profit=profit,
                    cumulative_cost=cumulative_cost,
                    cumulative_profit=cumulative_profit,
                    cost_work=cost_work,
                    new_customers_work=new_work,
                    profit_work=profit_work,
                )
            )
        roi_work = _div(_sub(cumulative_profit, cumulative_cost), cumulative_cost) if cumulative_cost > 0 else None
        results.append(
            ScenarioFigures(
                name=name,
                multiplier=multiplier,
                months=tuple(months),
                cost=cumulative_cost,
                profit=cumulative_profit,
                new_customers=customers,
                roi=roi_work.result if roi_work else None,
                roi_work=roi_work,
                payback_month=payback,
                payback_date=_add_months(start, payback - 1) if payback else None,
            )
        )
    return ForecastFigures(
        start=start,
        start_source=source,
        months=horizon,
        margin=margin,
        profit_per_customer_month=per_customer.result,
        profit_per_customer_month_work=per_customer,
        initiatives=tuple(spans),
        scenarios=tuple(results),
    )


# checkpoints ------------------------------------------------------------------------------------


def kpi_status(target: float | None, actual: float | None, direction: str, day: date, today: date) -> str:
    """met / behind (measured), pending / not measured (not yet), no target (cannot be judged)."""
    if actual is None:
        return "pending" if day >= today else "not measured"
    if target is None:
        return "no target"
    reached = actual <= target if direction == "down" else actual >= target
    return "met" if reached else "behind"


def compute_checkpoints(plan: Plan, today: date) -> list[CheckpointFigure]:
    """Every checkpoint in date order with each KPI's status on `today`."""
    goals = {g.id: g for g in plan.goals}
    out = []
    for checkpoint in sorted(plan.checkpoints, key=lambda c: c.date):
        kpis = []
        for kpi in checkpoint.kpis:
            goal = goals[kpi.goal]
            target = kpi.target if kpi.target is not None else goal.target
            kpis.append(
                KpiFigure(
                    date=checkpoint.date,
                    goal=goal.id,
                    goal_title=goal.title,
                    unit=goal.unit,
                    direction=goal.direction,
                    target=target,
                    target_from_goal=kpi.target is None and goal.target is not None,
                    actual=kpi.actual,
                    status=kpi_status(target, kpi.actual, goal.direction, checkpoint.date, today),
                )
            )
        out.append(CheckpointFigure(date=checkpoint.date, passed=checkpoint.date < today, kpis=tuple(kpis)))
    return out


def compute_corrections(checkpoints: Sequence[CheckpointFigure]) -> list[KpiFigure]:
    """Where the strategy is to be corrected: KPIs behind, not measured, or with no target."""
    return [k for c in checkpoints for k in c.kpis if k.status in ("behind", "not measured", "no target")]


# automation -------------------------------------------------------------------------------------


def compute_automation(plan: Plan) -> AutomationFigures | None:
    """Hours a month by status; None when the plan lists no processes."""
    if not plan.automation:
        return None
    items = tuple(AutomationItemFigure(a.process, a.hours_per_month, a.tool, a.status) for a in plan.automation)

    def hours(status: str) -> float:
        return float(sum((i.hours_per_month or 0.0) for i in items if i.status == status))  # 0.0, never int 0

    manual, planned, automated = hours("manual"), hours("planned"), hours("automated")
    return AutomationFigures(
        items=items,
        manual_hours=manual,
        planned_hours=planned,
        automated_hours=automated,
        total_hours=manual + planned + automated,
        by_hand_hours=manual + planned,
        by_hand_year_work=_mul(manual + planned, 12),
    )
