"""The content section: the daily discipline's calendar settings, the backlog and the log."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field

from generator.model.values import Cadence, Day, Id, Section, Text, Url, int_range

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
    kind: Literal["new", "refresh", "repurpose", "research"] = Field(
        "new", description="new article, refresh of an old one, repurpose into a post (v2), research day (v2)"
    )
    idea: Text | None = Field(None, description="Id of the planned idea this entry fulfils (v2)")


class Occasion(Section):
    """A dated occasion worth an article besides public holidays (v2), e.g. the business's birthday."""

    date: Day = Field(description="Date of the occasion")
    title: Text = Field(description="What the occasion is")


class Content(Section):
    """The daily content discipline: cadence, time budget, backlog and the log."""

    start: Day = Field(description="First day of the calendar")
    end: Day | None = Field(None, description="Last day (default: a year after start, minus a day)")
    delivered: Day | None = Field(
        None,
        description="Day the playbook was handed to the client (default: start): slots missed before it are "
        "counted in the statistics but not published as missed events in the calendar feed",
    )
    cadence: Cadence = Field("daily", description="daily, weekdays, or a list of weekdays such as [mon, wed, fri]")
    minutes_per_day: Annotated[int, BeforeValidator(int_range(1, 1440))] = Field(
        60, description="Time budget of one slot, minutes", json_schema_extra={"minimum": 1, "maximum": 1440}
    )
    holidays: Text | None = Field(None, description="ISO country code whose public holidays get no slot")
    refresh_after_days: Annotated[int, BeforeValidator(int_range(0, 3650))] = Field(
        90, description="Days after which an article may be refreshed",
        json_schema_extra={"minimum": 0, "maximum": 3650},
    )
    backlog: list[BacklogItem] = Field(default_factory=list, description="Ideas for new articles, in priority order")
    occasions: list[Occasion] = Field(default_factory=list, description="Dated occasions worth an article (v2)")
    lead_days: Annotated[int, BeforeValidator(int_range(0, 366))] = Field(
        7, description="Days ahead of an occasion its article is planned (v2)", json_schema_extra={"minimum": 0}
    )
    published: list[Publication] = Field(default_factory=list, description="The publication log")
