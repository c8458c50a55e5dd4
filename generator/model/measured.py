"""`measured/<slug>.yaml`: what `playbook import` measured in the client's exports (contract v3).

Aggregates only — counts and sums by month, segment, initiative, phrase and page URL, the window
figures that need customer-level data (retention, lost customers, the current NPS) and each
source's provenance. No name, phone, e-mail, comment or customer key is ever a field here, so the
file may be committed and built from without the raw exports. It is validated like a plan
(`generator.load.measured`): a hand-edited mistake gets a located error, not a wrong figure.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.model.data import DataSection
from generator.model.values import Count, Day, Money, Month, Text


class Record(BaseModel):
    """A part of the measured file: unknown keys are errors, values frozen (not a plan section, so
    not in the plan's reference tables)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


KINDS = ("deals", "nps", "wordstat", "pages", "sitemap", "visits")
Kind = Literal["deals", "nps", "wordstat", "pages", "sitemap", "visits"]


class Period(Record):
    """Dates from and to, both included."""

    start: Day = Field(description="First day")
    end: Day = Field(description="Last day")


class Source(Record):
    """One imported file: what it was and what was read of it."""

    file: Text = Field(description="The export's file name (no folder)")
    sha256: str = Field(description="SHA-256 of the file's bytes", pattern=r"^[0-9a-f]{64}$")
    kind: Kind = Field(description="deals, nps, wordstat, pages, sitemap or visits")
    system: Text | None = Field(None, description="The tool that wrote it, when recognised (amoCRM, Bitrix24, …)")
    rows_read: Count = Field(description="Data rows read")
    rows_skipped: Count = Field(0, description="Rows skipped")
    skipped: dict[str, Count] = Field(default_factory=dict, description="Rows skipped by reason")
    period: Period | None = Field(None, description="The data period the file covers")
    imported: Day = Field(description="The day it was imported (--today)")


class DealMonth(Record):
    """One month of won deals of a group."""

    month: Month = Field(description="YYYY-MM")
    partial: bool = Field(False, description="The data period does not cover the whole month")
    won_deals: Count = Field(0, description="Won deals")
    revenue: Money = Field(0, description="Their amounts summed")
    customers: Count = Field(0, description="Distinct customers with a won deal")
    new_customers: Count | None = Field(
        None, description="Customers whose first deal is in the month (null: not measured)"
    )


class Window(Record):
    """A group's figures over the window and the previous window (the 12 full months each)."""

    won_deals: Count = Field(description="Won deals in the window")
    revenue: Money = Field(description="Their revenue")
    customers: Count = Field(description="Distinct customers in the window")
    previous_customers: Count | None = Field(None, description="Distinct customers in the previous window")
    retained: Count | None = Field(None, description="Customers with a won deal in both windows")


class Lost(Record):
    """Customers with two or more won deals who have not come back in time (win-back)."""

    count: Count = Field(0, description="Lost customers")
    revenue: Money = Field(0, description="Their won revenue in the 365 days ending with their last deal")
    limit_days: float | None = Field(None, description="The days of silence after which a customer is lost")


class DealGroup(Record):
    """Won deals of the whole plan, one segment or the unassigned deals."""

    months: list[DealMonth] = Field(default_factory=list, description="Per month of the data period")
    window: Window | None = Field(None, description="Window figures; null: not enough history")
    lost: Lost = Field(default_factory=Lost, description="Lost customers of this group")


class Deals(Record):
    """What the latest deals import measured."""

    period: Period = Field(description="The data period")
    window: Period | None = Field(None, description="The 12 full months ending with the last full month")
    previous_window: Period | None = Field(None, description="The 12 months before the window, when all full")
    measured_from: Month = Field(description="First month whose new customers are measured")
    groups: dict[str, DealGroup] = Field(
        default_factory=dict, description="all, each segment id, and unassigned → its won deals"
    )
    initiatives: dict[str, list[DealMonth]] = Field(
        default_factory=dict, description="Initiative id (or unassigned) → its won deals per month"
    )
    won_deals: Count = Field(0, description="Won deals read (all months)")
    spans: list[Span] = Field(default_factory=list, description="Distinct customers over the checkpoints' spans")


class Span(Record):
    """Distinct customers over months from–to, for a KPI with metric customers."""

    start: Month = Field(description="First month")
    end: Month = Field(description="Last month")
    segment: Text | None = Field(None, description="Segment id, or none for the whole plan")
    initiative: Text | None = Field(None, description="Initiative id, or none")
    customers: Count = Field(description="Distinct customers with a won deal over the span")


class NpsCounts(Record):
    """Survey answers by band."""

    promoters: Count = Field(0, description="Scores 9–10")
    passives: Count = Field(0, description="Scores 7–8")
    detractors: Count = Field(0, description="Scores 0–6")


class NpsMonth(Record):
    """One month of survey answers."""

    month: Month = Field(description="YYYY-MM")
    promoters: Count = Field(0, description="Scores 9–10")
    passives: Count = Field(0, description="Scores 7–8")
    detractors: Count = Field(0, description="Scores 0–6")
    comments: Count = Field(0, description="Answers with a comment (the text is never kept)")


class NpsCurrent(NpsCounts):
    """The answers the current NPS is over: the last 90 days, or all when fewer than 10."""

    start: Day = Field(description="First day of the answers counted")
    end: Day = Field(description="Last day of the survey period")


class NpsGroup(Record):
    """Survey answers of the whole plan or one segment."""

    months: list[NpsMonth] = Field(default_factory=list, description="Per month")
    current: NpsCurrent | None = Field(None, description="The current NPS's answers")


class NpsData(Record):
    """What the latest survey import measured."""

    period: Period = Field(description="The survey period")
    all: NpsGroup = Field(description="Every answer")
    segments: dict[str, NpsGroup] = Field(default_factory=dict, description="Segment id (or unassigned) → answers")


class Phrase(Record):
    """A Wordstat phrase and its monthly count."""

    phrase: Text = Field(description="The phrase as exported")
    count: Count = Field(description="Searches a month")


class Wordstat(Record):
    """The latest Wordstat import."""

    imported: Day = Field(description="Day of the import")
    phrases: list[Phrase] = Field(default_factory=list, description="Phrases, biggest first")


class Page(Record):
    """A page's search statistics over one period."""

    url: Text = Field(description="The page's URL")
    clicks: float = Field(0, description="Clicks", ge=0)
    impressions: float = Field(0, description="Impressions", ge=0)
    position: float | None = Field(None, description="Average position (weighted by impressions)")


class PagesPeriod(Record):
    """One Search Console / Webmaster export."""

    start: Day = Field(description="First day")
    end: Day = Field(description="Last day")
    pages: list[Page] = Field(default_factory=list, description="Pages")


class SitemapUrl(Record):
    """One URL of the sitemap."""

    url: Text = Field(description="loc")
    lastmod: Day | None = Field(None, description="lastmod's date, if any")


class Sitemap(Record):
    """The latest sitemap import."""

    imported: Day = Field(description="Day of the import")
    urls: list[SitemapUrl] = Field(default_factory=list, description="URLs")


class VisitMonth(Record):
    """One month of site statistics."""

    month: Month = Field(description="YYYY-MM")
    visits: Count = Field(description="Visits (sessions)")
    goal_completions: Count | None = Field(None, description="Goal completions (key events)")


class Measured(Record):
    """Aggregates measured in a client's exports by `playbook import` (no personal data)."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="playbook measured figures")

    version: int = Field(3, description="Contract version", ge=3, le=3)
    data: DataSection | None = Field(None, description="The plan's data section the figures were computed with")
    sources: list[Source] = Field(default_factory=list, description="Every imported file")
    deals: Deals | None = Field(None, description="From deals exports")
    nps: NpsData | None = Field(None, description="From a survey export")
    wordstat: Wordstat | None = Field(None, description="From a Wordstat export")
    pages: list[PagesPeriod] = Field(default_factory=list, description="From Search Console / Webmaster exports")
    sitemap: Sitemap | None = Field(None, description="From a sitemap.xml")
    visits: list[VisitMonth] = Field(default_factory=list, description="From Metrica / GA4 exports")


Deals.model_rebuild()
