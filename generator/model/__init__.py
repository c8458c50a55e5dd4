"""The plan model: one pydantic class per plan section, exactly the contract's fields.

`values` parses scalars (numbers, shares, money, dates, ids); `sections`, `audit` and
`content` hold the sections; `plan` the whole plan and `LoadedPlan`; `schema` the JSON
Schema. Everything a caller needs is importable from `generator.model`.
"""

from __future__ import annotations

from generator.model.audit import Assessment, Audit, Components, CustomTool, Practice, Practices
from generator.model.content import BacklogItem, Content, Occasion, Publication
from generator.model.plan import LoadedPlan, Plan
from generator.model.schema import plan_json_schema
from generator.model.sections import (
    Actual,
    AutomationItem,
    Business,
    Checkpoint,
    Competitor,
    Demand,
    Economics,
    Forecast,
    FunnelStage,
    Goal,
    Initiative,
    Kpi,
    Lint,
    Nps,
    Place,
    Publish,
    RoadmapItem,
    Segment,
    SegmentEconomics,
    Strategy,
)
from generator.model.values import ID_PATTERN, SLUG_PATTERN, WEEKDAYS, Section

__all__ = [
    "ID_PATTERN",
    "SLUG_PATTERN",
    "WEEKDAYS",
    "Actual",
    "Assessment",
    "Audit",
    "AutomationItem",
    "BacklogItem",
    "Business",
    "Checkpoint",
    "Competitor",
    "Components",
    "Content",
    "CustomTool",
    "Demand",
    "Economics",
    "Forecast",
    "FunnelStage",
    "Goal",
    "Initiative",
    "Kpi",
    "Lint",
    "LoadedPlan",
    "Nps",
    "Occasion",
    "Place",
    "Plan",
    "Practice",
    "Practices",
    "Publication",
    "Publish",
    "RoadmapItem",
    "Section",
    "Segment",
    "SegmentEconomics",
    "Strategy",
    "plan_json_schema",
]
