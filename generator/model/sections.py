"""The plan's sections of steps 1–5 and 7–8, and economics and automation: one pydantic model each.

Field descriptions feed the committed JSON Schema (`plan.schema.json`) and the plan reference
(`docs/plan-format.md`). Cross-references between sections (goal ids, segment ids, components,
roadmap initiatives) are checked by `generator.load.references` on the raw data, so that they are
reported together with shape errors in one run.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator

from generator.model.values import (
    Count,
    Customers,
    Day,
    Frequency,
    Hours,
    Id,
    Markdown,
    Money,
    Month,
    Multiplier,
    PositiveMoney,
    Quantity,
    Section,
    Share,
    Text,
    Url,
    Years,
    fail,
    int_range,
)

# 1 · business ---------------------------------------------------------------------------------


class Business(Section):
    """Step 1: the business model, the current state and the industry."""

    name: Text = Field(description="Client's display name", min_length=1)
    language: Literal["ru", "en"] = Field("ru", description="Language of every output: labels, titles, messages")
    locale: Text | None = Field(
        None,
        description="Number, date and currency formats, e.g. de-DE or en-GB (default: ru-RU for ru, en-US for en)",
    )
    currency: Text = Field("RUB", description="ISO 4217 currency code of all money in the plan")
    model: Literal["b2c", "b2b", "b2b2c", "b2g"] | None = Field(None, description="Business model")
    industry: Text | None = Field(None, description="Industry")
    region: Text | None = Field(None, description="Region the business serves")
    consultant: Text | None = Field(None, description="Consultant who wrote the plan")
    description: Markdown | None = Field(None, description="What the business does (Markdown)")
    current_state: Markdown | None = Field(None, description="Current state of its marketing (Markdown)")
    preset: Id | None = Field(
        None,
        description="The kind of business, an industry preset's id (bakery, auto-service, clinic, fitness, beauty, "
        "b2b, online-shop, education, or the consultant's own): the calendar's occasions, the briefs' call to action",
    )
    team: Count | None = Field(
        None,
        description="People who sell and serve customers (owner included); 5 or fewer: advice made for a sales "
        "department (scripts, call tracking, BI dashboards) is put aside on the summary",
    )


# 2 · goals ------------------------------------------------------------------------------------


class Goal(Section):
    """Step 2: an e-marketing goal that serves a business goal."""

    id: Id = Field(description="Unique id, referenced by initiatives and checkpoints")
    business_goal: Text | None = Field(None, description="The business goal this goal serves")
    title: Text = Field(description="The e-marketing goal")
    metric: Text | None = Field(None, description="How the goal is measured")
    unit: Text | None = Field(None, description="Unit of baseline and target, e.g. %, ₽, leads")
    baseline: Quantity | None = Field(None, description="Value now (number or share)")
    target: Quantity | None = Field(None, description="Value to reach (number or share)")
    direction: Literal["up", "down"] = Field("up", description="up: higher is better; down: lower is better")
    deadline: Day | None = Field(None, description="Date by which the target is due")


# 3–4 · segments -------------------------------------------------------------------------------


class Place(Section):
    """Where a segment gathers (step 4)."""

    name: Text = Field(description="Name of the place")
    kind: (
        Literal["search", "social", "messenger", "marketplace", "maps", "forum", "email", "offline", "other"] | None
    ) = Field(None, description="Kind of place")
    reach: Count | None = Field(None, description="Audience size")


class Demand(Section):
    """A search query of a segment and its monthly volume (step 4)."""

    query: Text = Field(description="Search query")
    monthly_volume: Count | None = Field(None, description="Searches a month")
    source: Text | None = Field(None, description="Where the volume comes from")


class SegmentEconomics(Section):
    """What a customer of one segment is worth; each key left out falls back to the plan's economics (v2)."""

    average_check: Money | None = Field(None, description="Money per purchase")
    purchases_per_year: Frequency | None = Field(None, description="Purchases of one customer a year")
    lifetime_years: Years | None = Field(None, description="How long a customer stays, years (> 0)")
    gross_margin: Share | None = Field(None, description="Gross margin, a share")


class Segment(Section):
    """Step 3: an audience segment with its portrait, needs and pains."""

    id: Id = Field(description="Unique id, referenced by initiatives and the backlog")
    name: Text = Field(description="Segment name")
    share: Share | None = Field(None, description="Share of customers")
    portrait: Markdown | None = Field(None, description="Portrait (Markdown)")
    needs: list[Text] = Field(default_factory=list, description="Needs")
    pains: list[Text] = Field(default_factory=list, description="Pains")
    places: list[Place] = Field(default_factory=list, description="Where the segment gathers")
    demand: list[Demand] = Field(default_factory=list, description="Search demand")
    economics: SegmentEconomics | None = Field(
        None, description="A customer of this segment: check, purchases, lifetime, margin (v2)"
    )


# 5 · competitors ------------------------------------------------------------------------------



class Competitor(Section):
    """Step 5: a competitor's strengths and weaknesses."""

    name: Text = Field(description="Competitor's name")
    website: Url | None = Field(None, description="http/https URL")
    strengths: list[Text] = Field(default_factory=list, description="Strengths")
    weaknesses: list[Text] = Field(default_factory=list, description="Weaknesses")
    notes: Markdown | None = Field(None, description="Notes (Markdown)")


# 7 · strategy ---------------------------------------------------------------------------------


class Actual(Section):
    """What an initiative really spent and brought in one month (v2)."""

    month: Month = Field(description="The month, YYYY-MM (not after today's month)")
    spend: Money | None = Field(None, description="The month's running spend (one-off costs stay in the roadmap)")
    new_customers: Customers | None = Field(None, description="New customers it brought that month")


class Initiative(Section):
    """Step 7: one initiative of the strategy."""

    id: Id = Field(description="Unique id, referenced by the roadmap")
    title: Text = Field(description="Title")
    component: Text | None = Field(None, description="family.tool, from the catalogue or custom")
    rationale: Markdown | None = Field(None, description="Why (Markdown)")
    segments: list[Id] = Field(default_factory=list, description="Segment ids it serves")
    goals: list[Id] = Field(default_factory=list, description="Goal ids it serves")
    budget_monthly: Money | None = Field(None, description="Money a month while it runs")
    new_customers_monthly: Customers | None = Field(None, description="Expected new customers a month once running")
    actuals: list[Actual] = Field(default_factory=list, description="What really happened, month by month (v2)")


class Strategy(Section):
    """Step 7: the strategy."""

    summary: Markdown | None = Field(None, description="Summary (Markdown)")
    initiatives: list[Initiative] = Field(default_factory=list, description="Initiatives")
    budget_monthly: PositiveMoney | None = Field(
        None, description="The client's monthly budget cap: lint M121 warns for months whose planned cost exceeds it"
    )


# 8 · roadmap, checkpoints, forecast -----------------------------------------------------------


_MONTH_NUMBER_SCHEMA = {"type": "integer", "minimum": 1, "maximum": 12}


class RoadmapItem(Section):
    """Step 8: when an initiative runs, who owns it, its one-off cost."""

    initiative: Id = Field(description="Initiative id")
    start: Day | None = Field(None, description="Start date")
    end: Day | None = Field(None, description="End date")
    owner: Text | None = Field(None, description="Owner")
    cost: Money | None = Field(None, description="One-off cost")
    months: list[Annotated[int, BeforeValidator(int_range(1, 12)), WithJsonSchema(_MONTH_NUMBER_SCHEMA)]] = Field(
        default_factory=list,
        description="Calendar months (1–12) a seasonal initiative runs in within start–end, e.g. [4, 10, 11]; "
        "empty: every month",
    )


class Kpi(Section):
    """A KPI checked at a checkpoint."""

    goal: Id = Field(description="Goal id")
    target: Quantity | None = Field(None, description="Target at this checkpoint (default: the goal's target)")
    actual: Quantity | None = Field(None, description="Measured value; absent until measured")
    metric: (
        Literal[
            "new_customers", "won_deals", "revenue", "customers", "average_check", "nps", "visits", "goal_completions"
        ]
        | None
    ) = Field(None, description="A measured figure (playbook import) taken as the actual when none is typed (v3)")
    segment: Id | None = Field(None, description="The measured metric of this segment only (v3)")
    initiative: Id | None = Field(None, description="The measured deals metric of this initiative only (v3)")


class Checkpoint(Section):
    """A date at which results are checked and the strategy corrected."""

    date: Day = Field(description="Date of the checkpoint")
    kpis: list[Kpi] = Field(default_factory=list, description="KPIs to check")


def _default_scenarios() -> dict[str, float]:
    return {"pessimistic": 0.5, "base": 1.0, "optimistic": 1.5}


class Forecast(Section):
    """The ROI forecast's horizon and scenarios."""

    start: Month | None = Field(None, description="First month, YYYY-MM")
    months: Annotated[int, BeforeValidator(int_range(1, 120))] = Field(
        12, description="Horizon in months", json_schema_extra={"minimum": 1, "maximum": 120}
    )
    scenarios: dict[str, Multiplier] = Field(
        default_factory=_default_scenarios, description="Scenario name → multiplier of new customers"
    )
    basis: Literal["plan", "measured"] = Field(
        "plan", description="measured: check, purchases and lifetime from the imported deals where measured (v3)"
    )


# economics ------------------------------------------------------------------------------------


_SCORE_SCHEMA = {"type": "integer", "minimum": 0, "maximum": 10}


class Nps(Section):
    """NPS answers: counts, or raw 0–10 scores."""

    promoters: Count | None = Field(None, description="Answers of 9–10")
    passives: Count | None = Field(None, description="Answers of 7–8")
    detractors: Count | None = Field(None, description="Answers of 0–6")
    scores: list[Annotated[int, BeforeValidator(int_range(0, 10)), WithJsonSchema(_SCORE_SCHEMA)]] | None = Field(
        None, description="Raw answers, 0–10"
    )


class FunnelStage(Section):
    """A stage of the funnel."""

    stage: Text = Field(description="Stage name")
    count: Count = Field(description="How many reached it")


class Economics(Section):
    """Metrics that show a result, not just activity."""

    average_check: Money | None = Field(None, description="Money per purchase")
    purchases_per_year: Frequency | None = Field(None, description="Purchases of one customer a year")
    lifetime_years: Years | None = Field(None, description="How long a customer stays, years (> 0)")
    gross_margin: Share | None = Field(None, description="Gross margin, a share")
    customers: Count | None = Field(None, description="Active customers now")
    cac: PositiveMoney | None = Field(None, description="Cost to acquire one customer")
    nps: Nps | None = Field(None, description="NPS answers")
    funnel: list[FunnelStage] = Field(default_factory=list, description="Ordered funnel stages")
    hour_cost: Money | None = Field(None, description="Money one hour of the team's manual work costs (v2)")


# automation -----------------------------------------------------------------------------------


class AutomationItem(Section):
    """A process and whether it is still done by hand."""

    process: Text = Field(description="The process")
    hours_per_month: Hours | None = Field(None, description="Hours a month it takes by hand")
    tool: Text | None = Field(None, description="Tool that automates it")
    status: Literal["manual", "planned", "automated"] = Field("manual", description="manual, planned or automated")


# lint and publish (v2) ------------------------------------------------------------------------

LINT_CODE_PATTERN = r"^M1[0-9]{2}$"


def _lint_code(value: Any) -> Any:
    if not isinstance(value, str) or not re.match(LINT_CODE_PATTERN, value.strip()):
        raise fail("lint_code", value=value)
    return value.strip()


LintCode = Annotated[str, BeforeValidator(_lint_code), WithJsonSchema({"type": "string", "pattern": LINT_CODE_PATTERN})]


class Lint(Section):
    """Method lint settings of this plan (v2)."""

    ignore: list[LintCode] = Field(
        default_factory=list, description="Warning codes silenced for this plan, e.g. [M108, M110]"
    )


class Consultant(Section):
    """The consultant this client's PDF cover and page footers name, over the portfolio's in mkdocs.yml."""

    name: Text = Field(description="Consultant's name, as the client knows them", min_length=1)
    company: Text | None = Field(None, description="Their company (default: the portfolio's, from mkdocs.yml)")
    contacts: list[Text] = Field(
        default_factory=list,
        description="E-mail, phone shown with the name (the portfolio's are not: they reach another person)",
    )


class Publish(Section):
    """Who may see this client's playbook (v2)."""

    visibility: Literal["public", "unlisted", "private"] = Field(
        "unlisted",
        description="public: listed and indexed; unlisted (default): by link only, noindex; "
        "private: unlisted and encrypted with a password",
    )
    password_env: Text | None = Field(
        None, description="Name of the environment variable holding a private playbook's password (never the password)"
    )
    show_score: bool = Field(
        False,
        description="true: the portfolio's home page shows the audit score beside a public client (default: no score)",
    )
    consultant: Consultant | None = Field(
        None,
        description="The consultant named on this client's PDF cover and page footers, over mkdocs.yml's "
        "extra.playbook (default: business.consultant by name, else the portfolio's)",
    )

    @model_validator(mode="after")
    def _private_needs_password_env(self) -> Publish:
        """A private playbook is encrypted with a password read from the environment at build time."""
        if self.visibility == "private" and not self.password_env:
            raise fail("password_env_required")
        return self
