"""Method lint: where a valid plan breaks the method's chain (v2 codes M101–M116; v3 M117–M120: `lint_measured`).

The method is a chain: the audit's gaps → the strategy's initiatives → goals that serve business
goals → checkpoints that measure them → a forecast that says what it is worth, with the daily
content discipline under it. A plan may be valid YAML and still break that chain; each rule below
finds one such break and says where, as a *warning*: the plan still builds. One small function
per rule, each naming in its docstring the step of the method it protects.

Warnings are data (`LintWarning`: code, dotted path, line, column, values for the message); their
wording, in the plan's language, lives in the labels table (`lint.M101` …) and is filled in by
`generator.present.lint`. Codes listed in the plan's `lint.ignore` are dropped. Client-facing
outputs (site, PDF) never show them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from generator.compute.arithmetic import add
from generator.compute.audit import AuditFigures
from generator.compute.economics import EconomicsFigures
from generator.compute.forecast import add_months, forecast_basis
from generator.compute.lint_measured import MEASURED_RULES
from generator.compute.schedule import CalendarFigures
from generator.load.yamlsource import Path, dotted
from generator.model import Initiative, LoadedPlan, Plan
from generator.model.measured import Measured

REGULARITY_PATH: Path = ("audit", "practices", "regularity")
FORECAST_KEYS = ("average_check", "purchases_per_year")
MIN_DUE_FOR_REGULARITY = 10


@dataclass(frozen=True, order=True)
class LintWarning:
    """One located method warning: `file:line:col: warning CODE: path: message` once worded."""

    line: int
    col: int
    code: str
    path: str
    values: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    variant: str = ""  # which wording of the code: M112 "section", M113 the practice

    @property
    def label(self) -> str:
        """The id of its wording in the labels table: `lint.M102`, `lint.M113.crm`."""
        return f"lint.{self.code}" + (f".{self.variant}" if self.variant else "")


@dataclass(frozen=True)
class Context:
    """What the rules read: the plan, where its values stand, today, and the figures computed from it."""

    plan: Plan
    positions: dict[Path, tuple[int, int]]
    today: date
    audit: AuditFigures | None
    calendar: CalendarFigures | None
    economics: EconomicsFigures | None
    measured: Measured | None = None  # v3: the plan's measured/ file

    def at(self, code: str, path: Path, variant: str = "", **values: str) -> LintWarning:
        """A warning at the node `path` names (its nearest ancestor in the file; line 1 when none)."""
        probe = tuple(path)
        while probe and probe not in self.positions:
            probe = probe[:-1]
        line, col = self.positions.get(probe, (1, 1)) if probe else (1, 1)
        return LintWarning(line, col, code, dotted(path), dict(values), variant)


Found = Iterator[LintWarning]


def goal_unmeasured(c: Context) -> Found:
    """M101 · step 8 (checkpoints): a goal no checkpoint measures cannot show whether the strategy works."""
    measured = {k.goal for cp in c.plan.checkpoints for k in cp.kpis}
    for i, goal in enumerate(c.plan.goals):
        if goal.id not in measured:
            yield c.at("M101", ("goals", i), goal=goal.id)


def goal_without_business_goal(c: Context) -> Found:
    """M102 · step 2: an e-marketing goal must serve a business goal, or it is activity for its own sake."""
    for i, goal in enumerate(c.plan.goals):
        if not goal.business_goal:
            yield c.at("M102", ("goals", i), goal=goal.id)


def initiative_without_goal(c: Context) -> Found:
    """M103 · step 7: every initiative of the strategy serves a goal of step 2."""
    for i, initiative in enumerate(_initiatives(c.plan)):
        if not initiative.goals:
            yield c.at("M103", ("strategy", "initiatives", i), initiative=initiative.id)


def initiative_without_segment(c: Context) -> Found:
    """M104 · step 7: every initiative is aimed at a segment of step 3."""
    for i, initiative in enumerate(_initiatives(c.plan)):
        if not initiative.segments:
            yield c.at("M104", ("strategy", "initiatives", i), initiative=initiative.id)


def spend_without_customers(c: Context) -> Found:
    """M105 · step 8 (ROI forecast): money spent must be expected to bring customers, or the ROI is only a cost."""
    for i, initiative in enumerate(_initiatives(c.plan)):
        if (initiative.budget_monthly or 0) > 0 and not initiative.new_customers_monthly:
            yield c.at("M105", ("strategy", "initiatives", i), initiative=initiative.id)


def initiative_not_planned(c: Context) -> Found:
    """M106 · step 8 (implementation plan): an initiative without a roadmap entry has no start, end or owner."""
    planned = {item.initiative for item in c.plan.roadmap}
    for i, initiative in enumerate(_initiatives(c.plan)):
        if initiative.id not in planned:
            yield c.at("M106", ("strategy", "initiatives", i), initiative=initiative.id)


def gap_without_initiative(c: Context) -> Found:
    """M107 · step 6 → step 7: a high-priority gap of the audit needs an initiative in the strategy.

    The plan's content calendar is the method's own initiative for `online.content` (problem 1, the
    daily content discipline), so a plan with a `content` section has that gap covered.
    """
    if c.audit is None:
        return
    served = {i.component for i in _initiatives(c.plan) if i.component}
    if c.plan.content is not None:
        served.add("online.content")
    custom_index = _custom_index(c.plan)
    for family in c.audit.families:
        for tool in family.tools:
            component = f"{tool.family}.{tool.id}"
            # `family.custom` is the accepted alias for "a custom tool of this family"
            covered = component in served or (tool.custom and f"{tool.family}.custom" in served)
            if tool.priority == "high" and tool.status in ("absent", "partial") and not covered:
                path: Path = (
                    ("audit", "components", "custom", custom_index[(tool.family, tool.id)])
                    if tool.custom
                    else ("audit", "components", tool.family, tool.id)
                )
                yield c.at("M107", path, component=component)


def segment_without_places(c: Context) -> Found:
    """M108 · step 4: where a segment gathers is where the strategy can reach it."""
    for i, segment in enumerate(c.plan.segments):
        if not segment.places:
            yield c.at("M108", ("segments", i), segment=segment.id)


def segment_without_needs(c: Context) -> Found:
    """M109 · step 3: a segment's needs are what the offer and the content answer."""
    for i, segment in enumerate(c.plan.segments):
        if not segment.needs:
            yield c.at("M109", ("segments", i), segment=segment.id)


def demand_without_volume(c: Context) -> Found:
    """M110 · step 4: search demand is measured in searches a month; without it demand cannot be ranked."""
    for i, segment in enumerate(c.plan.segments):
        for j, demand in enumerate(segment.demand):
            if demand.monthly_volume is None:
                yield c.at("M110", ("segments", i, "demand", j), query=demand.query)


def actual_from_the_future(c: Context) -> Found:
    """M111 · step 8 (checkpoints): an actual can only be measured on or after the checkpoint's date."""
    for i, checkpoint in enumerate(c.plan.checkpoints):
        if checkpoint.date > c.today:
            for j, kpi in enumerate(checkpoint.kpis):
                if kpi.actual is not None:
                    yield c.at("M111", ("checkpoints", i, "kpis", j, "actual"), date=checkpoint.date.isoformat())
    # An initiative's month that has not begun cannot have an actual either (shown nowhere as a fact).
    for i, initiative in enumerate(_initiatives(c.plan)):
        for j, actual in enumerate(initiative.actuals):
            if actual.month.replace(day=1) > c.today:
                month = actual.month.strftime("%Y-%m")
                yield c.at("M111", ("strategy", "initiatives", i, "actuals", j, "month"), "month", month=month)


def no_forecast(c: Context) -> Found:
    """M112 · step 8 (ROI forecast): a strategy with initiatives needs a forecast of what it returns."""
    initiatives = _initiatives(c.plan)
    if not initiatives:
        return
    if c.plan.forecast is None:
        yield c.at("M112", ("forecast",), "section")
        return
    missing = forecast_missing_keys(c.plan)
    if missing:
        yield c.at("M112", ("forecast",), missing=", ".join(missing))


def practice_contradicted(c: Context) -> Found:
    """M113 · step 6 (the four practices): a practice marked done must agree with the plan's own evidence."""
    practices = c.plan.audit.practices if c.plan.audit else None
    if practices is None:
        return
    for key in ("regularity", "automation", "evaluation", "crm"):
        practice = getattr(practices, key)
        if practice is not None and practice.status == "done" and _contradicted(c, key):
            yield c.at("M113", ("audit", "practices", key), key)


def research_days_ahead(c: Context) -> Found:
    """M114 · problem 1 (regularity): a day with no material is a lost day, and a year of mostly refreshes
    is a year without new topics (under half the slots new); the consultant should add material."""
    cal = c.calendar
    if cal is not None and cal.planned_research > 0:
        yield c.at("M114", ("content",), count=str(cal.planned_research), slots=str(cal.to_write))
    if cal is None or cal.to_write == 0:
        return
    new = cal.planned_new + sum(1 for s in cal.days if s.kind == "done" and s.entry_kind == "new")
    if 2 * new < cal.slots:  # under half the year's slots are new articles: the plan needs more material
        yield c.at("M114", ("content",), "few", new=str(new), slots=str(cal.slots), add=" ".join(_material_to_add(c)))


def _material_to_add(c: Context) -> list[str]:
    """What would feed the idea engine most, as keys of `lint.M114.add.*`."""
    plan = c.plan
    add = []
    if sum(len(s.demand) for s in plan.segments) < 10:
        add.append("demand")
    if sum(len(s.needs) + len(s.pains) for s in plan.segments) < 12:
        add.append("needs")
    if len(plan.competitors) < 3:
        add.append("competitors")
    if getattr(plan.business, "preset", None) is None:
        add.append("preset")
    return add or ["backlog"]


def custom_without_recommendation(c: Context) -> Found:
    """M115 · step 6: a custom tool has no built-in advice, so its gap needs the consultant's own."""
    components = c.plan.audit.components if c.plan.audit else None
    for i, tool in enumerate(components.custom if components else []):
        if tool.status in ("absent", "partial") and not tool.recommendation:
            yield c.at("M115", ("audit", "components", "custom", i), component=f"{tool.family}.{tool.id}")


def regularity_without_calendar(c: Context) -> Found:
    """M116 · problem 1 (regularity): steady daily work needs a content calendar to plan and log it."""
    practices = c.plan.audit.practices if c.plan.audit else None
    regularity = practices.regularity if practices else None
    if c.plan.content is None and (regularity is None or regularity.status not in ("done", "n/a")):
        yield c.at("M116", REGULARITY_PATH if regularity is not None else ())


def over_budget_cap(c: Context) -> Found:
    """M121 · step 8 (implementation plan): a month whose planned cost exceeds the client's monthly
    budget (`strategy.budget_monthly`) is a plan the client cannot pay for as written."""
    cap = c.plan.strategy.budget_monthly if c.plan.strategy else None
    basis = forecast_basis(c.plan, c.today) if cap is not None else None
    if cap is None or basis is None:
        return
    for m in range(1, basis.months + 1):
        running = [s.budget_monthly for s in basis.spans if m in s.months]
        cost = add(*running, *[cost for s in basis.spans for n, cost in s.one_off if n == m]).result
        if cost > cap:
            month = add_months(basis.start, m - 1).isoformat()
            yield c.at("M121", ("strategy", "budget_monthly"), month=month, cost=f"{cost:.15g}", cap=f"{cap:.15g}")


RULES: tuple[Callable[[Context], Found], ...] = (
    goal_unmeasured,
    goal_without_business_goal,
    initiative_without_goal,
    initiative_without_segment,
    spend_without_customers,
    initiative_not_planned,
    gap_without_initiative,
    segment_without_places,
    segment_without_needs,
    demand_without_volume,
    actual_from_the_future,
    no_forecast,
    practice_contradicted,
    research_days_ahead,
    custom_without_recommendation,
    regularity_without_calendar,
    over_budget_cap,
    *MEASURED_RULES,
)


def compute_lint(
    loaded: LoadedPlan,
    today: date,
    audit: AuditFigures | None,
    calendar: CalendarFigures | None,
    economics: EconomicsFigures | None,
) -> tuple[LintWarning, ...]:
    """Every method warning of a plan on `today`, in file order, without the codes its `lint.ignore` lists."""
    plan = loaded.plan
    context = Context(plan, loaded.positions, today, audit, calendar, economics, loaded.measured)
    ignored = set(plan.lint.ignore) if plan.lint else set()
    found = [w for rule in RULES for w in rule(context) if w.code not in ignored]
    return tuple(sorted(found))


# helpers ----------------------------------------------------------------------------------------


def _initiatives(plan: Plan) -> list[Initiative]:
    return list(plan.strategy.initiatives) if plan.strategy else []


def _custom_index(plan: Plan) -> dict[tuple[str, str], int]:
    components = plan.audit.components if plan.audit else None
    return {(t.family, t.id): i for i, t in enumerate(components.custom if components else [])}


def forecast_missing_keys(plan: Plan) -> list[str]:
    """The economics keys the profit forecast lacks, named as the consultant would add them.

    A customer group is used when an initiative expecting new customers is aimed at it (its
    segments, each with a share > 0 unless no share is given; no segments: the plan level); with
    no group used, the plan level counts. Each used group needs `average_check` and
    `purchases_per_year`, from the segment's `economics`, else the plan's.
    """
    segments = {s.id: (i, s) for i, s in enumerate(plan.segments)}
    used: dict[str | None, None] = {}
    for initiative in _initiatives(plan):
        if not initiative.new_customers_monthly:
            continue
        ids = [s for s in initiative.segments if s in segments]
        shares = [segments[s][1].share for s in ids]
        weighted = all(x is not None for x in shares) and sum(x or 0 for x in shares) > 0
        for sid, share in zip(ids, shares, strict=True):
            if not weighted or (share or 0) > 0:
                used[sid] = None
        if not ids:
            used[None] = None
    if not used:
        used[None] = None
    plan_keys = plan.economics
    missing: list[str] = []
    for group in used:
        own = segments[group][1].economics if group is not None else None
        for key in FORECAST_KEYS:
            if getattr(own, key, None) is None and getattr(plan_keys, key, None) is None:
                where = "" if group is None or own is None else f"segments[{segments[group][0]}]."
                name = f"{where}economics.{key}"
                if name not in missing:
                    missing.append(name)
    return missing


def _ltv_known(c: Context) -> bool:
    """Whether the plan gives the inputs of an LTV: at plan level, or for a segment with its own economics."""
    if c.economics is not None and c.economics.ltv is not None:
        return True
    base = c.plan.economics
    keys = ("average_check", "purchases_per_year", "lifetime_years")
    return any(
        all(getattr(s.economics, k, None) is not None or getattr(base, k, None) is not None for k in keys)
        for s in c.plan.segments
        if s.economics is not None
    )


def _contradicted(c: Context, key: str) -> bool:
    """The contract's evidence against a practice marked done (M113)."""
    if key == "crm":
        crm = c.plan.audit.components.sales if c.plan.audit and c.plan.audit.components else None
        status = crm.crm.status if crm is not None and crm.crm is not None else None
        return status in ("absent", "partial")
    if key == "regularity":
        cal = c.calendar
        return cal is not None and cal.due >= MIN_DUE_FOR_REGULARITY and (cal.completion_rate or 0) < 0.5
    if key == "automation":
        return any(item.status in ("manual", "planned") for item in c.plan.automation)
    nps = c.economics.nps if c.economics else None
    return not _ltv_known(c) and (nps is None or nps.score is None)
