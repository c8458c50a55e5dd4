"""Step 6, the audit: the five families of tools and the four standing problems (practices)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, create_model

from generator.catalogue import FAMILIES
from generator.model.values import Day, Id, Markdown, Priority, Section, Status, Text, Weight, status_to_map

# 6 · audit ------------------------------------------------------------------------------------



class Assessment(Section):
    """The assessment of one tool."""

    status: Status = Field(description="absent, partial, done or n/a")
    weight: Weight = Field(1.0, description="Weight in the family score (default 1)")
    finding: Markdown | None = Field(None, description="What was found (Markdown)")
    recommendation: Markdown | None = Field(None, description="What to do (Markdown)")
    priority: Priority | None = Field(None, description="high, medium or low")


AssessmentOrStatus = Annotated[Assessment, BeforeValidator(status_to_map)]


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

    online: OnlineFamily | None = Field(None, description="Online: SEO, social, email, website, content, ads")  # type: ignore[valid-type]
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


PracticeOrStatus = Annotated[Practice, BeforeValidator(status_to_map)]
CrmPracticeOrStatus = Annotated[CrmPractice, BeforeValidator(status_to_map)]


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
