"""The values the PDF audit template shows, prepared once: words, formatted numbers, charts.

`theme/pdf/audit.j2.html` holds layout only. Everything it prints comes from
`build_context`: labels in the plan's language (`generator.present.i18n`), numbers and worked
arithmetic formatted by babel, plan Markdown sanitised by `generator.draw.markup`, charts drawn by
`generator.draw.charts`. Nothing here computes a figure: the figures arrive in `Figures`.

Plain text from the plan stays a `str` (the template autoescapes it); only sanitised
Markdown and our own SVG are `Markup`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from generator.compute.figures import Figures
from generator.draw.charts.nps import render_nps_months
from generator.draw.markup import render_markdown
from generator.model import LoadedPlan, Plan
from generator.present.audit import AuditView, audit_view
from generator.present.automation import AutomationView, automation_view
from generator.present.branding import Branding, client_branding
from generator.present.calendar import CalendarView
from generator.present.checkpoints import CheckpointsView
from generator.present.economics import EconomicsView, customer_groups, economics_view, missing_text
from generator.present.forecast import ForecastView, plan_vs_fact_view
from generator.present.i18n import (
    LABELS,
    PlanLanguage,
    t,
)
from generator.present.measured import gap_text, measured_view
from generator.present.pdf_plan import (
    checkpoints_section,
    content_section,
    forecast_section,
    strategy_section,
)
from generator.present.pdf_sections import (
    Inputs,
    KeyFigure,
    cover_section,
    summary_section,
)
from generator.present.reforecast import reforecast_view
from generator.present.summary import SummaryView, summary_view
from generator.present.views import (
    CompetitorView,
    RoadmapRow,
    SegmentView,
    competitor_views,
    roadmap_rows,
    segment_views,
)


@dataclass(frozen=True)
class Context:
    """Everything the template needs; `asdict` is not used, the template reads attributes."""

    lang: PlanLanguage
    L: dict[str, str]
    meta: dict[str, str]
    cover: dict[str, Any]
    summary: dict[str, Any]
    audit: AuditView | None  # step 6: scores, issues, actions, families, practices, the change since last time
    economics: EconomicsView | None
    automation: AutomationView | None
    forecast: ForecastView | None
    checkpoints: CheckpointsView | None
    strategy: dict[str, Any] | None
    content: CalendarView | None
    method: dict[str, Any]
    toc: tuple[tuple[str, str], ...] = field(default=())
    audience: tuple[tuple[SegmentView, Markup], ...] = field(default=())  # steps 3–4, with the sanitised portrait
    competitors: tuple[tuple[CompetitorView, Markup], ...] = field(default=())  # step 5, with the notes
    roadmap: tuple[RoadmapRow, ...] = field(default=())  # step 8: owners, dates, costs
    branding: Branding = field(default_factory=Branding)  # the consultant's, from mkdocs.yml
    money: dict[str, Any] = field(default_factory=dict)  # v2: customer groups, plan against fact, agenda
    digest: SummaryView | None = None  # the one-page summary after the cover (the site overview's values)
    measured: dict[str, Any] | None = None  # v3: assumed beside measured, from measured/<slug>.yaml
    review: str = ""  # the review copy's mark on every page (`playbook build --review`), else empty
    funnel_chart: Markup = field(default_factory=Markup)  # the economics view's funnel, our own SVG

    def shows(self, anchor: str) -> bool:
        """Whether the PDF has this section: the contents decide it once (`_toc`), the template asks
        (it had its own conditions, and the economics one already disagreed with the contents')."""
        return any(a == anchor for a, _ in self.toc)


def build_context(
    loaded: LoadedPlan, figures: Figures, branding: Branding | None = None, *, review: bool = False
) -> Context:
    """The template's values for one plan's audit (pure: same plan and figures, same context)."""
    plan = loaded.plan
    lang = PlanLanguage(figures.language, figures.locale)
    business = plan.business
    audit = figures.audit
    audit_day = audit.date if audit and audit.date else None
    meta = {
        "title": f"{t('pdf.title', lang)} — {business.name}",
        "author": business.consultant or "",
        "date": (audit_day or figures.today).isoformat(),
        "description": t("pdf.subtitle", lang),
        "keywords": ", ".join(x for x in (business.industry, business.region) if x),
    }
    x = Inputs(plan, figures, lang, figures.currency)
    cover = cover_section(x)
    economics, automation = economics_view(figures), automation_view(figures)
    content, digest = content_section(x), summary_view(plan, figures)
    context = Context(
        lang=lang,
        L={key: label.in_(lang) for key, label in LABELS.items()},
        meta=meta,
        cover=cover,
        summary=summary_section(x, digest, economics, automation, content),
        audit=audit_view(figures),
        economics=economics,
        automation=automation,
        forecast=forecast_section(x),
        checkpoints=checkpoints_section(x),
        strategy=strategy_section(x),
        content=content,
        method=_method(x),
        audience=tuple((s, render_markdown(s.portrait)) for s in segment_views(plan, lang)),
        competitors=tuple((c, render_markdown(c.notes)) for c in competitor_views(plan)),
        roadmap=roadmap_rows(plan, lang),
        branding=_cover_branding(branding or Branding(), plan),
        money=_money(x),
        digest=digest,
        measured=pdf_values(figures, plan),
        review=t("review.banner", lang) if review else "",
        funnel_chart=Markup(economics.funnel_chart) if economics else Markup(""),
    )
    return replace(context, toc=_toc(context))


def pdf_values(figures: Figures, plan: Plan) -> dict[str, Any] | None:
    """The measured figures for the PDF (autoescaped there): the view, and the NPS chart as markup."""
    view = measured_view(figures, plan)
    if view is None:
        return None
    chart = render_nps_months(view.nps_months, title=t("measured.nps_chart", plan.business.language))
    return {"view": view, "gap": gap_text, "nps_chart": Markup(chart) if view.nps_months else None}


def _cover_branding(portfolio: Branding, plan: Any) -> Branding:
    """The plan's own consultant over the portfolio's (`client_branding`), one name on the cover:
    a name the cover's facts already give (`business.consultant`) is not repeated under the brand."""
    branding = client_branding(portfolio, plan)
    return replace(branding, consultant="") if branding.consultant == plan.business.consultant else branding


def _money(x: Inputs) -> dict[str, Any]:
    """The v2 money figures: why a forecast is missing, the customer groups, plan against fact and
    the re-forecast (values shared with the site)."""
    figures = x.figures
    names = {s.id: s.name for s in x.plan.segments}
    return {
        "missing": missing_text(figures, names),
        "groups": customer_groups(figures, names),
        "pvf": plan_vs_fact_view(figures),
        "reforecast": reforecast_view(figures),
    }


def _method(x: Inputs) -> dict[str, Any]:
    """The appendix: how scores are worked and which of the 8 steps the plan fills."""
    lang = x.lang
    return {
        "steps": tuple(
            (
                step.number,
                step.label(lang),
                t("step.filled" if step.filled else "step.empty", lang),
                step.filled,
            )
            for step in x.figures.steps
        ),
    }


def _toc(c: Context) -> tuple[tuple[str, str], ...]:
    """The contents: one line per section the PDF has, in its order."""
    lang = c.lang
    toc: list[tuple[str, str]] = [("summary", t("pdf.summary", lang))]
    if c.audit:
        toc += [(f.anchor, f.name) for f in c.audit.families]
        toc.append(("practices", t("pdf.practices", lang)))
    if c.economics or c.automation or c.forecast or c.money.get("pvf") or c.money.get("missing") or c.measured:
        toc.append(("economics", t("pdf.economics", lang)))
    if c.checkpoints:
        toc.append(("checkpoints", t("site.page.checkpoints", lang)))
    if c.audience:
        toc.append(("audience", t("pdf.audience", lang)))
    if c.competitors:
        toc.append(("competitors", t("page.competitors", lang)))
    if c.strategy:
        toc.append(("strategy", t("pdf.strategy", lang)))
    if c.content:
        toc.append(("content", t("pdf.content", lang)))
    if c.audit and c.audit.comparison:
        toc.append(("comparison", t("audit.change", lang)))
    toc.append(("method", t("nav.method", lang)))
    return tuple(toc)


__all__ = ["Context", "KeyFigure", "build_context"]
