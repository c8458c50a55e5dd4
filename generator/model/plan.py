"""The whole plan (`Plan`), and a plan as loaded from a file (`LoadedPlan`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ConfigDict, Field

from generator.model.audit import Audit
from generator.model.content import Content
from generator.model.data import DataSection
from generator.model.measured import Measured
from generator.model.sections import (
    AutomationItem,
    Business,
    Checkpoint,
    Competitor,
    Economics,
    Forecast,
    Goal,
    Lint,
    Publish,
    RoadmapItem,
    Segment,
    Strategy,
)
from generator.model.values import Section

# the plan -------------------------------------------------------------------------------------


class Plan(Section):
    """A client's plan: the eight steps of the method plus economics, automation and content."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="playbook plan",
        json_schema_extra={"description": "A client's digital-marketing plan (see docs/plan-format.md)."},
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
    lint: Lint | None = Field(None, description="Method lint settings: warning codes to ignore (v2)")
    publish: Publish | None = Field(None, description="Who may see the playbook: public, unlisted, private (v2)")
    data: DataSection | None = Field(None, description="How exports map onto the plan (playbook import, v3)")



@dataclass(frozen=True)
class LoadedPlan:
    """A validated plan with where it came from; `previous` is the earlier audit's plan, if any."""

    slug: str
    path: Path
    plan: Plan
    previous: LoadedPlan | None = None
    # (line, col) of every value by path, e.g. ("goals", 1) → (23, 5): where method lint points (v2)
    positions: dict[tuple[str | int, ...], tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    # the figures `playbook import` measured (measured/<slug>.yaml beside the plans folder), if any (v3)
    measured: Measured | None = None
