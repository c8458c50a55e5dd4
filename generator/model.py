"""The plan model: one pydantic class per plan section, exactly the contract's fields.

The loader hands this model plain strings for every scalar (never YAML 1.1 guesses), so the
field types below do the parsing: numbers, shares written as `35%` or `0.35`, dates that must
exist. `extra="forbid"` makes every unknown key an error; the loader turns those into
"did you mean" messages. Cross-references between sections (goal ids, segment ids,
components, roadmap initiatives) are checked by `generator.references`, on the raw data, so
that they are reported together with shape errors in one run.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, create_model, model_validator
from pydantic_core import PydanticCustomError

from generator.catalogue import FAMILIES
from generator.errors import message

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{0,62}$"
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_SHARE_RE = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def _fail(code: str, **values: Any) -> PydanticCustomError:
    return PydanticCustomError(code, message(code, **values))


def _to_number(value: Any) -> float:
    if isinstance(value, bool):
        raise _fail("number", value=value)
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip().replace("_", ""))
        except ValueError:
            pass
    raise _fail("number", value=value)


def parse_quantity(value: Any) -> Any:
    """A number, or a share written with a percent sign (`35%` → 0.35)."""
    if isinstance(value, str) and (m := _SHARE_RE.match(value)):
        return float(m.group(1).replace(",", ".")) / 100
    return _to_number(value) if value is not None else value


def parse_share(value: Any) -> Any:
    """A share `35%` or `0.35`, which must lie in 0..1."""
    if value is None:
        return value
    if isinstance(value, str) and (m := _SHARE_RE.match(value)):
        number = float(m.group(1).replace(",", "."))
        if not 0 <= number <= 100:
            raise _fail("share_range", value=value.strip())
        return number / 100
    try:
        number = _to_number(value)
    except PydanticCustomError:
        raise _fail("share_format", value=value) from None
    if not 0 <= number <= 1:
        shown = f"{number * 100:g}%" if number <= 10 else f"{number:g}"
        raise _fail("share_range", value=shown)
    return number


def parse_date(value: Any) -> Any:
    """A date written `YYYY-MM-DD` that exists on the calendar."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DATE_RE.match(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _fail("date", value=value)


def parse_month(value: Any) -> Any:
    """A month written `YYYY-MM`; kept as the first day of that month."""
    if isinstance(value, date):
        return value.replace(day=1)
    if isinstance(value, str) and (m := _MONTH_RE.match(value.strip())):
        year, month = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12:
            return date(year, month, 1)
    raise _fail("month", value=value)


def _number_checks(low: float | None = None, strict_low: bool = False) -> Any:
    def check(value: Any) -> Any:
        if value is None:
            return value
        number = _to_number(value)
        if low is not None and (number <= low if strict_low else number < low):
            raise _fail("positive" if strict_low else "non_negative", value=f"{number:g}")
        return number

    return check


def _integer(value: Any) -> Any:
    if value is None:
        return value
    number = _to_number(value)
    if number != int(number):
        raise _fail("integer", value=value)
    if number < 0:
        raise _fail("non_negative", value=f"{number:g}")
    return int(number)


def _int_range(low: int, high: int | None = None) -> Any:
    """A whole number within low..high (high None: no upper bound)."""

    def check(value: Any) -> Any:
        if value is None:
            return value
        number = _integer(value) if _to_number(value) >= 0 else int(_to_number(value))
        if number < low or (high is not None and number > high):
            raise _fail("range", value=number, low=low, high="…" if high is None else high)
        return number

    return check


def _id(value: Any) -> Any:
    if not isinstance(value, str) or not re.match(ID_PATTERN, value):
        raise _fail("id", value=value)
    return value


def _text(value: Any) -> Any:
    if isinstance(value, dict | list):
        raise _fail("text", kind="a mapping" if isinstance(value, dict) else "a list")
    return value


_NUMBER_SCHEMA = {"type": "number"}
Text = Annotated[str, BeforeValidator(_text)]
Markdown = Annotated[str, BeforeValidator(_text), Field(json_schema_extra={"format": "markdown"})]
Id = Annotated[str, BeforeValidator(_id), WithJsonSchema({"type": "string", "pattern": ID_PATTERN})]
Share = Annotated[
    float,
    BeforeValidator(parse_share),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": 1},
                {"type": "string", "pattern": r"^\s*\d+([.,]\d+)?\s*%\s*$"},
            ],
            "description": "A share: 35% or 0.35",
        }
    ),
]
Quantity = Annotated[
    float,
    BeforeValidator(parse_quantity),
    WithJsonSchema(
        {
            "anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^\s*[+-]?\d+([.,]\d+)?\s*%\s*$"}],
            "description": "A number, or a share written as 35%",
        }
    ),
]
Money = Annotated[float, BeforeValidator(_number_checks(0)), WithJsonSchema({"type": "number", "minimum": 0})]
Positive = Annotated[
    float,
    BeforeValidator(_number_checks(0, strict_low=True)),
    WithJsonSchema({"type": "number", "exclusiveMinimum": 0}),
]
Count = Annotated[int, BeforeValidator(_integer), WithJsonSchema({"type": "integer", "minimum": 0})]
Day = Annotated[date, BeforeValidator(parse_date), WithJsonSchema({"type": "string", "format": "date"})]
Month = Annotated[date, BeforeValidator(parse_month), WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}$"})]
Status = Literal["absent", "partial", "done", "n/a"]
Priority = Literal["high", "medium", "low"]


class Section(BaseModel):
    """Common configuration: unknown keys are errors, values are validated on assignment too."""

    model_config = ConfigDict(extra="forbid", validate_default=False, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_lists(cls, data: Any) -> Any:
        """`published:` with nothing after it means an empty list, as `published: []` does.

        Consultants leave a list key in place while a step is not filled yet; only lists whose
        default is empty are read this way, so no meaning is guessed.
        """
        if isinstance(data, dict):
            for name, field in cls.model_fields.items():
                if data.get(name, ...) is None and field.default_factory is list:
                    data = {**data, name: []}
        return data


# 1 · business ---------------------------------------------------------------------------------


class Business(Section):
    """Step 1: the business model, the current state and the industry."""

    name: Text = Field(description="Client's display name", min_length=1)
    language: Literal["ru", "en"] = Field("ru", description="Labels, dates and number formats of every output")
    currency: Text = Field("RUB", description="ISO 4217 currency code of all money in the plan")
    model: Literal["b2c", "b2b", "b2b2c", "b2g"] | None = Field(None, description="Business model")
    industry: Text | None = Field(None, description="Industry")
    region: Text | None = Field(None, description="Region the business serves")
    consultant: Text | None = Field(None, description="Consultant who wrote the plan")
    description: Markdown | None = Field(None, description="What the business does (Markdown)")
    current_state: Markdown | None = Field(None, description="Current state of its marketing (Markdown)")


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


# 5 · competitors ------------------------------------------------------------------------------


def _url(value: Any) -> Any:
    if not isinstance(value, str) or not re.match(r"^https?://[^\s/$.?#][^\s]*$", value.strip(), re.IGNORECASE):
        raise _fail("url", value=value)
    return value.strip()


Url = Annotated[str, BeforeValidator(_url), WithJsonSchema({"type": "string", "pattern": "^https?://"})]


class Competitor(Section):
    """Step 5: a competitor's strengths and weaknesses."""

    name: Text = Field(description="Competitor's name")
    website: Url | None = Field(None, description="http/https URL")
    strengths: list[Text] = Field(default_factory=list, description="Strengths")
    weaknesses: list[Text] = Field(default_factory=list, description="Weaknesses")
    notes: Markdown | None = Field(None, description="Notes (Markdown)")


# 6 · audit ------------------------------------------------------------------------------------


def _status_to_map(value: Any) -> Any:
    """A bare status (`seo: absent`) is shorthand for `{status: absent}`."""
    return {"status": value} if isinstance(value, str) else value


class Assessment(Section):
    """The assessment of one tool."""

    status: Status = Field(description="absent, partial, done or n/a")
    weight: Positive = Field(1.0, description="Weight in the family score (default 1)")
    finding: Markdown | None = Field(None, description="What was found (Markdown)")
    recommendation: Markdown | None = Field(None, description="What to do (Markdown)")
    priority: Priority | None = Field(None, description="high, medium or low")


AssessmentOrStatus = Annotated[Assessment, BeforeValidator(_status_to_map)]


class CustomTool(Assessment):
    """A tool outside the catalogue, counted in its family."""

    family: Literal["online", "mobile", "sales", "analytics", "it"] = Field(description="Family it belongs to")
    id: Id = Field(description="Unique id within the family")
    name: Text = Field(description="Display name")


def _family_model(family_id: str) -> type[Section]:
    family = FAMILIES[family_id]
    fields: dict[str, Any] = {
        tool: (AssessmentOrStatus | None, Field(None, description=label.en)) for tool, label in family.tools.items()
    }
    model = create_model(
        f"{family_id.capitalize()}Family", __base__=Section, __doc__=f"The {family.label.en} family.", **fields
    )
    return model


OnlineFamily = _family_model("online")
MobileFamily = _family_model("mobile")
SalesFamily = _family_model("sales")
AnalyticsFamily = _family_model("analytics")
ItFamily = _family_model("it")


class Components(Section):
    """The five families of tools, each a map of tool id → assessment, and custom tools."""

    online: OnlineFamily | None = Field(None, description="Online: SEO, social, email, website, content")  # type: ignore[valid-type]
    mobile: MobileFamily | None = Field(None, description="Mobile: apps, ads, mobile site, SMS, messengers")  # type: ignore[valid-type]
    sales: SalesFamily | None = Field(None, description="E-sales: CRM, offers, callback, calls, chat, scripts")  # type: ignore[valid-type]
    analytics: AnalyticsFamily | None = Field(None, description="Analytics: web, channels, CRM+telephony, dashboards")  # type: ignore[valid-type]
    it: ItFamily | None = Field(None, description="IT systems: ordering/stock, dealer sites, training")  # type: ignore[valid-type]
    custom: list[CustomTool] = Field(default_factory=list, description="Tools outside the catalogue")

    def assessments(self, family: str) -> dict[str, Assessment]:
        """The assessed catalogue tools of `family`, in catalogue order (custom tools not included)."""
        section = getattr(self, family)
        if section is None:
            return {}
        return {tool: a for tool in FAMILIES[family].tools if (a := getattr(section, tool)) is not None}


class Practice(Section):
    """One of the four standing problems of internet marketing."""

    status: Status = Field(description="absent, partial, done or n/a")
    finding: Markdown | None = Field(None, description="What was found (Markdown)")
    recommendation: Markdown | None = Field(None, description="What to do (Markdown)")


class CrmPractice(Practice):
    """The CRM practice also names the tool in use now."""

    tool: Text | None = Field(None, description="The current tool (a CRM, a notebook, a spreadsheet)")


PracticeOrStatus = Annotated[Practice, BeforeValidator(_status_to_map)]
CrmPracticeOrStatus = Annotated[CrmPractice, BeforeValidator(_status_to_map)]


class Practices(Section):
    """The four standing problems: regularity, automation, evaluation, CRM."""

    regularity: PracticeOrStatus | None = Field(None, description="Steady daily work instead of yearly bursts")
    automation: PracticeOrStatus | None = Field(None, description="Manual work left")
    evaluation: PracticeOrStatus | None = Field(None, description="Business metrics (LTV, NPS), not impressions")
    crm: CrmPracticeOrStatus | None = Field(None, description="A CRM instead of notebooks or spreadsheets")


class Audit(Section):
    """Step 6: the audit of the company's digital marketing."""

    date: Day | None = Field(None, description="Date of the audit")
    components: Components | None = Field(None, description="Assessment of the five families of tools")
    practices: Practices | None = Field(None, description="The four standing problems")
    previous: Text | None = Field(None, description="Path of an earlier plan of this client, relative to this file")


# 7 · strategy ---------------------------------------------------------------------------------


class Initiative(Section):
    """Step 7: one initiative of the strategy."""

    id: Id = Field(description="Unique id, referenced by the roadmap")
    title: Text = Field(description="Title")
    component: Text | None = Field(None, description="family.tool, from the catalogue or custom")
    rationale: Markdown | None = Field(None, description="Why (Markdown)")
    segments: list[Id] = Field(default_factory=list, description="Segment ids it serves")
    goals: list[Id] = Field(default_factory=list, description="Goal ids it serves")
    budget_monthly: Money | None = Field(None, description="Money a month while it runs")
    new_customers_monthly: Money | None = Field(None, description="Expected new customers a month once running")


class Strategy(Section):
    """Step 7: the strategy."""

    summary: Markdown | None = Field(None, description="Summary (Markdown)")
    initiatives: list[Initiative] = Field(default_factory=list, description="Initiatives")


# 8 · roadmap, checkpoints, forecast -----------------------------------------------------------


class RoadmapItem(Section):
    """Step 8: when an initiative runs, who owns it, its one-off cost."""

    initiative: Id = Field(description="Initiative id")
    start: Day | None = Field(None, description="Start date")
    end: Day | None = Field(None, description="End date")
    owner: Text | None = Field(None, description="Owner")
    cost: Money | None = Field(None, description="One-off cost")


class Kpi(Section):
    """A KPI checked at a checkpoint."""

    goal: Id = Field(description="Goal id")
    target: Quantity | None = Field(None, description="Target at this checkpoint (default: the goal's target)")
    actual: Quantity | None = Field(None, description="Measured value; absent until measured")


class Checkpoint(Section):
    """A date at which results are checked and the strategy corrected."""

    date: Day = Field(description="Date of the checkpoint")
    kpis: list[Kpi] = Field(default_factory=list, description="KPIs to check")


def _default_scenarios() -> dict[str, float]:
    return {"pessimistic": 0.5, "base": 1.0, "optimistic": 1.5}


class Forecast(Section):
    """The ROI forecast's horizon and scenarios."""

    start: Month | None = Field(None, description="First month, YYYY-MM")
    months: Annotated[int, BeforeValidator(_int_range(1, 120))] = Field(
        12, description="Horizon in months", json_schema_extra={"minimum": 1, "maximum": 120}
    )
    scenarios: dict[str, Money] = Field(
        default_factory=_default_scenarios, description="Scenario name → multiplier of new customers"
    )


# economics ------------------------------------------------------------------------------------


_SCORE_SCHEMA = {"type": "integer", "minimum": 0, "maximum": 10}


class Nps(Section):
    """NPS answers: counts, or raw 0–10 scores."""

    promoters: Count | None = Field(None, description="Answers of 9–10")
    passives: Count | None = Field(None, description="Answers of 7–8")
    detractors: Count | None = Field(None, description="Answers of 0–6")
    scores: list[Annotated[int, BeforeValidator(_int_range(0, 10)), WithJsonSchema(_SCORE_SCHEMA)]] | None = Field(
        None, description="Raw answers, 0–10"
    )


class FunnelStage(Section):
    """A stage of the funnel."""

    stage: Text = Field(description="Stage name")
    count: Count = Field(description="How many reached it")


class Economics(Section):
    """Metrics that show a result, not just activity."""

    average_check: Money | None = Field(None, description="Money per purchase")
    purchases_per_year: Money | None = Field(None, description="Purchases of one customer a year")
    lifetime_years: Money | None = Field(None, description="How long a customer stays, years")
    gross_margin: Share | None = Field(None, description="Gross margin, a share")
    customers: Count | None = Field(None, description="Active customers now")
    cac: Positive | None = Field(None, description="Cost to acquire one customer")
    nps: Nps | None = Field(None, description="NPS answers")
    funnel: list[FunnelStage] = Field(default_factory=list, description="Ordered funnel stages")


# automation -----------------------------------------------------------------------------------


class AutomationItem(Section):
    """A process and whether it is still done by hand."""

    process: Text = Field(description="The process")
    hours_per_month: Money | None = Field(None, description="Hours a month it takes by hand")
    tool: Text | None = Field(None, description="Tool that automates it")
    status: Literal["manual", "planned", "automated"] = Field("manual", description="manual, planned or automated")


# content --------------------------------------------------------------------------------------


class BacklogItem(Section):
    """An idea for a new article."""

    title: Text = Field(description="Article title")
    query: Text | None = Field(None, description="Search query it answers")
    segment: Id | None = Field(None, description="Segment id it is written for")


class Publication(Section):
    """An entry of the publication log."""

    date: Day = Field(description="Date written")
    title: Text = Field(description="Article title")
    url: Url | None = Field(None, description="Where it is published")
    kind: Literal["new", "refresh"] = Field("new", description="new article or a refresh of an old one")


def parse_cadence(value: Any) -> Any:
    """`daily`, `weekdays`, or a list of weekday names; a list keeps calendar order, once each."""
    if isinstance(value, str) and value.strip() in ("daily", "weekdays"):
        return value.strip()
    if isinstance(value, str):
        raise _fail("choice", value=value, choices="daily, weekdays, or a list such as [mon, wed, fri]")
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str) or item.strip().lower() not in WEEKDAYS:
                raise _fail("choice", value=item, choices=", ".join(WEEKDAYS))
        days = {item.strip().lower() for item in value}
        if not days:
            raise _fail("cadence_empty")
        return [day for day in WEEKDAYS if day in days]
    raise _fail("choice", value=value, choices="daily, weekdays, or a list such as [mon, wed, fri]")


Cadence = Annotated[
    str | list[str],
    BeforeValidator(parse_cadence),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "enum": ["daily", "weekdays"]},
                {"type": "array", "items": {"type": "string", "enum": list(WEEKDAYS)}, "minItems": 1},
            ]
        }
    ),
]


class Content(Section):
    """The daily content discipline: cadence, time budget, backlog and the log."""

    start: Day = Field(description="First day of the calendar")
    end: Day | None = Field(None, description="Last day (default: a year after start, minus a day)")
    cadence: Cadence = Field("daily", description="daily, weekdays, or a list of weekdays such as [mon, wed, fri]")
    minutes_per_day: Annotated[int, BeforeValidator(_int_range(1, 1440))] = Field(
        60, description="Time budget of one slot, minutes", json_schema_extra={"minimum": 1, "maximum": 1440}
    )
    holidays: Text | None = Field(None, description="ISO country code whose public holidays get no slot")
    refresh_after_days: Annotated[int, BeforeValidator(_int_range(0))] = Field(
        90, description="Days after which an article may be refreshed", json_schema_extra={"minimum": 0}
    )
    backlog: list[BacklogItem] = Field(default_factory=list, description="Ideas for new articles, in priority order")
    published: list[Publication] = Field(default_factory=list, description="The publication log")


# the plan -------------------------------------------------------------------------------------


class Plan(Section):
    """A client's plan: the eight steps of the method plus economics, automation and content."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="playbook plan",
        json_schema_extra={"description": "A client's digital-marketing plan (see plan-format.md)."},
    )

    business: Business = Field(description="Step 1: business model and current state")
    goals: list[Goal] = Field(default_factory=list, description="Step 2: e-marketing goals")
    segments: list[Segment] = Field(default_factory=list, description="Steps 3–4: segments, places, demand")
    competitors: list[Competitor] = Field(default_factory=list, description="Step 5: competitors")
    audit: Audit | None = Field(None, description="Step 6: audit")
    strategy: Strategy | None = Field(None, description="Step 7: strategy")
    roadmap: list[RoadmapItem] = Field(default_factory=list, description="Step 8: roadmap")
    checkpoints: list[Checkpoint] = Field(default_factory=list, description="Step 8: checkpoints")
    forecast: Forecast | None = Field(None, description="Step 8: ROI forecast")
    economics: Economics | None = Field(None, description="LTV, NPS, funnel")
    automation: list[AutomationItem] = Field(default_factory=list, description="Processes to automate")
    content: Content | None = Field(None, description="The daily content discipline")


def plan_json_schema() -> dict[str, Any]:
    """JSON Schema of a plan file, for editors (committed as plan.schema.json).

    Assessments and practices accept a bare status as shorthand; pydantic only sees the
    mapping form after the before-validator, so the shorthand is added here.
    """
    schema = Plan.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    statuses = {"type": "string", "enum": ["absent", "partial", "done", "n/a"]}

    shorthand = {"Assessment", "Practice", "CrmPractice"}

    def widen(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("$ref", "").split("/")[-1] in shorthand:
                return {"anyOf": [node, statuses]}
            return {key: widen(value) for key, value in node.items()}
        if isinstance(node, list):
            return [widen(item) for item in node]
        return node

    schema["$defs"] = widen(schema.get("$defs", {}))
    models: list[type[Section]] = list(Section.__subclasses__())
    while models:
        cls = models.pop()
        models.extend(cls.__subclasses__())
        node = schema if cls is Plan else schema["$defs"].get(cls.__name__, {})
        for name, field in cls.model_fields.items():
            prop = node.get("properties", {}).get(name)
            if prop is not None and field.default_factory is list and prop.get("type") == "array":
                prop["type"] = ["array", "null"]  # `key:` with nothing after it is an empty list
    return schema
